import { expect } from 'vitest';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { RuleCode } from '../../../language-server/src/validation/rules.js';
import { workspace, type Workspace, type WorkspaceOptions } from '../../helpers.js';

/** Sévérités LSP. */
export const ERROR = 1;
export const WARNING = 2;
export const INFO = 3;

export type Files = Record<string, string>;

/** Un seul fichier « a.ref », ou plusieurs. */
export async function lint(files: Files | string, options: WorkspaceOptions = {}): Promise<Workspace> {
    return workspace(typeof files === 'string' ? { 'a.ref': files } : files, options);
}

/** Un diagnostic dont le message est un simple texte (ce que produit le serveur). */
export type Diag = Diagnostic & { message: string };

/** Tous les diagnostics d'un fichier. */
export function all(ws: Workspace, file = 'a.ref'): Diag[] {
    return ws.diagnostics(file).map(d => ({ ...d, message: typeof d.message === 'string' ? d.message : d.message.value }));
}

/** L'URI d'un fichier de l'espace de travail (celle que portent les `relatedInformation`). */
export function uriOf(ws: Workspace, file: string): string {
    const document = ws.documents.find(d => d.uri.path.endsWith('/' + file));
    if (!document) throw new Error(`pas de document ${file}`);
    return document.uri.toString();
}

/** Les diagnostics d'un code de règle dans un fichier. */
export function find(ws: Workspace, code: RuleCode, file = 'a.ref'): Diag[] {
    return all(ws, file).filter(d => d.code === code);
}

/**
 * La plage d'un jeton dans un texte : la n-ième occurrence (à partir de 1) de `needle`,
 * éventuellement cherchée après la fin de `after` (un repère qui précède le jeton).
 */
export function at(text: string, needle: string, nth = 1, after?: string): Range {
    let from = 0;
    if (after !== undefined) {
        const marker = text.indexOf(after);
        if (marker < 0) throw new Error(`repère introuvable : ${after}`);
        from = marker + after.length;
    }
    let offset = -1;
    for (let i = 0; i < nth; i++) {
        offset = text.indexOf(needle, from);
        if (offset < 0) throw new Error(`jeton introuvable : ${needle} (n° ${i + 1})`);
        from = offset + needle.length;
    }
    return { start: position(text, offset), end: position(text, offset + needle.length) };
}

function position(text: string, offset: number): { line: number; character: number } {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export interface Expected {
    severity: number;
    range?: Range;
    /** Morceaux que le message doit contenir. */
    message?: Array<string | RegExp>;
}

/** Exactement un diagnostic `code` dans `file`, avec la sévérité, la plage et le message attendus. */
export function expectOne(ws: Workspace, code: RuleCode, expected: Expected, file = 'a.ref'): Diag {
    const found = find(ws, code, file);
    expect(found, dump(ws, file)).toHaveLength(1);
    return check(found[0], expected);
}

/** Au moins un diagnostic `code` à cette plage. */
export function expectAt(ws: Workspace, code: RuleCode, expected: Expected & { range: Range }, file = 'a.ref'): Diag {
    const found = find(ws, code, file).filter(d => sameRange(d.range, expected.range));
    expect(found.length, `${code} attendu en ${show(expected.range)}\n${dump(ws, file)}`).toBeGreaterThanOrEqual(1);
    return check(found[0], expected);
}

export function expectNone(ws: Workspace, code: RuleCode, file = 'a.ref'): void {
    expect(find(ws, code, file), dump(ws, file)).toEqual([]);
}

/** Aucun diagnostic du tout (pour les cas « propres »). */
export function expectClean(ws: Workspace, file = 'a.ref'): void {
    expect(all(ws, file).map(d => `${d.code} ${show(d.range)} ${d.message}`)).toEqual([]);
}

function check(diagnostic: Diag, expected: Expected): Diag {
    expect(diagnostic.severity, diagnostic.message).toBe(expected.severity);
    if (expected.range) {
        expect(diagnostic.range, diagnostic.message).toEqual(expected.range);
    }
    for (const part of expected.message ?? []) {
        if (typeof part === 'string') {
            expect(diagnostic.message).toContain(part);
        } else {
            expect(diagnostic.message).toMatch(part);
        }
    }
    return diagnostic;
}

function sameRange(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character
        && a.end.line === b.end.line && a.end.character === b.end.character;
}

function show(range: Range): string {
    return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

export function dump(ws: Workspace, file: string): string {
    return all(ws, file).map(d => `${d.code} ${show(d.range)} ${d.message}`).join('\n');
}

/** En-tête et règles d'obtention minimales, pour écrire des cas courts. */
export const HEADER = 'certification DE "Data Engineer" {\n    niveau 7\n}\n';
export const OBTENTION = 'obtention {\n    condition "Blocs" : tous les blocs validés\n}\n';

/** Un bloc complet et propre : une activité, une compétence, une modalité, un critère. */
export function bloc(n: number, extra = ''): string {
    return `bloc BC0${n} "Bloc ${n}" {
    activité A${n}-1 "Activité ${n}"
    compétence C${n}.1 "Compétence ${n}" issue de A${n}-1
    modalité M${n} "Étude de cas ${n}" {
        nature "étude de cas"
        seul
        évalue C${n}.1
        critère CR${n}.1 "Critère ${n}" vérifie C${n}.1
    }
${extra}}
`;
}

/** Une certification complète en un fichier : en-tête, blocs, obtention. */
export function certification(body: string, obtention = OBTENTION, header = HEADER): string {
    return header + body + obtention;
}

const HEADER_RE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(certification|référentiel|socle)\s/;

/**
 * Un exemple de la documentation en fichiers : découpé aux lignes « // fichier : x.ref » ;
 * un exemple court (sans en-tête) reçoit l'en-tête `certification EX "Exemple"`.
 */
export function exampleFiles(example: string): Files {
    const files: Files = {};
    const parts = example.split(/^\/\/ fichier : (\S+)[ \t]*$/m);
    if (parts.length === 1) {
        files['exemple.ref'] = example;
    } else {
        for (let i = 1; i < parts.length; i += 2) files[parts[i]] = parts[i + 1];
    }
    for (const [name, text] of Object.entries(files)) {
        if (!HEADER_RE.test(text)) files[name] = 'certification EX "Exemple" {\n    niveau 6\n}\n' + text;
    }
    return files;
}

/** Les blocs ```ref d'un texte Markdown, avec leur ligne de début (1 = première ligne). */
export function refBlocks(markdown: string): Array<{ line: number; code: string }> {
    const blocks: Array<{ line: number; code: string }> = [];
    const re = /^```ref[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;
    let m: RegExpExecArray | null;
    while ((m = re.exec(markdown)) !== null) {
        blocks.push({ line: markdown.slice(0, m.index).split('\n').length, code: m[1] });
    }
    return blocks;
}
