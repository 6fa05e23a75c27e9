import { createHash } from 'node:crypto';
import { URI, type LangiumDocument } from 'langium';
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { isRuleCode, RULES_BY_CODE, type RuleCode, type Severity } from '../validation/rules.js';
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
    /** Les autres endroits en cause (l'autre définition d'un code en double…), peut-être aucun. */
    readonly related: readonly RelatedLocation[];
    /**
     * Empreinte stable du diagnostic (SARIF `partialFingerprints`) : règle, texte normalisé de
     * sa ligne et rang parmi les diagnostics identiques du fichier — insensible aux lignes
     * ajoutées ou retirées ailleurs.
     */
    readonly fingerprint?: string;
}

/** Un autre endroit désigné par un diagnostic (son `relatedInformation`). */
export interface RelatedLocation {
    /** Chemin affiché, comme celui des fichiers du rapport. */
    readonly path: string;
    /** Positions à partir de 1. */
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly message: string;
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
    /** `--quiet` : les avertissements et informations tus (comptés, non montrés). */
    readonly hidden?: { readonly warnings: number; readonly infos: number };
}

/** Le code d'un diagnostic qui n'en porte pas (il n'y en a pas aujourd'hui) : une erreur de syntaxe. */
const DEFAULT_RULE: RuleCode = 'REF001';

export function toLintMessage(diagnostic: Diagnostic): LintMessage {
    const code = String(diagnostic.code ?? DEFAULT_RULE);
    return {
        code,
        severity: severityOfDiagnostic(diagnostic.severity),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        fixable: isRuleCode(code) && RULES_BY_CODE.get(code)?.autofix === true,
        related: (diagnostic.relatedInformation ?? []).map(toRelatedLocation)
    };
}

function toRelatedLocation(information: DiagnosticRelatedInformation): RelatedLocation {
    const { uri, range } = information.location;
    return {
        path: displayPath({ uri: URI.parse(uri) }).split('\\').join('/'),
        line: range.start.line + 1,
        column: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
        message: information.message
    };
}

/**
 * Le rapport des documents. `fingerprints: false` : sans les empreintes (seul le format SARIF
 * les montre ; les calculer relit et hache la ligne de chaque diagnostic).
 */
export function buildReport(documents: readonly LangiumDocument[], options: { quiet?: boolean; fingerprints?: boolean } = {}): LintReport {
    let errors = 0, warnings = 0, infos = 0, fixable = 0;
    const hidden = { warnings: 0, infos: 0 };
    const files = documents.map(document => {
        const messages = (document.diagnostics ?? [])
            .map(toLintMessage)
            .filter(m => {
                if (!options.quiet || m.severity === 'error') return true;
                if (m.severity === 'warning') hidden.warnings++;
                else hidden.infos++;
                return false;
            })
            .sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
        for (const m of messages) {
            if (m.severity === 'error') errors++;
            else if (m.severity === 'warning') warnings++;
            else infos++;
            if (m.fixable) fixable++;
        }
        return { path: displayPath(document).split('\\').join('/'), file: document.uri.fsPath, messages: options.fingerprints === false ? messages : withFingerprints(messages, document.textDocument.getText()) };
    }).sort((a, b) => a.path.localeCompare(b.path));
    return { files, errors, warnings, infos, fixable, ...(options.quiet ? { hidden } : {}) };
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
