import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RULES_BY_CODE, type Severity } from '../validation/rules.js';
import { severityOfDiagnostic } from '../validation/settings.js';
import { displayPath } from './io.js';

export interface LintMessage {
    readonly code: string;
    readonly severity: Severity;
    readonly message: string;
    /** Positions à partir de 1. */
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly fixable: boolean;
}

export interface FileResult {
    /** Chemin affiché (relatif au dossier courant quand c'est possible). */
    readonly path: string;
    readonly messages: LintMessage[];
}

export interface LintReport {
    readonly files: FileResult[];
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    readonly fixable: number;
}

export function toLintMessage(diagnostic: Diagnostic): LintMessage {
    const code = String(diagnostic.code ?? 'REF001');
    return {
        code,
        severity: severityOfDiagnostic(diagnostic.severity),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        fixable: RULES_BY_CODE.get(code)?.autofix === true
    };
}

export function buildReport(documents: readonly LangiumDocument[], options: { quiet?: boolean } = {}): LintReport {
    let errors = 0, warnings = 0, infos = 0, fixable = 0;
    const files = documents.map(document => {
        const messages = (document.diagnostics ?? [])
            .map(toLintMessage)
            .filter(m => !options.quiet || m.severity === 'error')
            .sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
        for (const m of messages) {
            if (m.severity === 'error') errors++;
            else if (m.severity === 'warning') warnings++;
            else infos++;
            if (m.fixable) fixable++;
        }
        return { path: displayPath(document).split('\\').join('/'), messages };
    }).sort((a, b) => a.path.localeCompare(b.path));
    return { files, errors, warnings, infos, fixable };
}
