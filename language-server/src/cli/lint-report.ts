import { createHash } from 'node:crypto';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { RULES_BY_CODE, type Severity } from '../validation/rules.js';
import { displayPath } from './load.js';

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
    /**
     * Empreinte stable du diagnostic (SARIF `partialFingerprints`) : règle, texte normalisé de
     * sa ligne et rang parmi les diagnostics identiques du fichier — insensible aux lignes
     * ajoutées ou retirées ailleurs.
     */
    readonly fingerprint?: string;
}

export interface FileResult {
    /** Chemin affiché (relatif au dossier courant quand c'est possible). */
    readonly path: string;
    /** Chemin absolu du fichier. */
    readonly file?: string;
    readonly messages: LintMessage[];
}

export interface LintReport {
    readonly files: FileResult[];
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    readonly fixable: number;
}

const SEVERITY_OF: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' };

export function toLintMessage(diagnostic: Diagnostic): LintMessage {
    const code = String(diagnostic.code ?? 'REF001');
    return {
        code,
        severity: SEVERITY_OF[diagnostic.severity ?? 1],
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
        return { path: displayPath(document).split('\\').join('/'), file: document.uri.fsPath, messages: withFingerprints(messages, document.textDocument.getText()) };
    }).sort((a, b) => a.path.localeCompare(b.path));
    return { files, errors, warnings, infos, fixable };
}

function withFingerprints(messages: LintMessage[], text: string): LintMessage[] {
    const lines = text.split(/\r\n|\r|\n/);
    const seen = new Map<string, number>();
    return messages.map(m => {
        const key = `${m.code}\u0000${(lines[m.line - 1] ?? '').replace(/\s+/g, ' ').trim()}`;
        const rank = seen.get(key) ?? 0;
        seen.set(key, rank + 1);
        return { ...m, fingerprint: createHash('sha256').update(`${key}\u0000${rank}`).digest('hex').slice(0, 32) };
    });
}
