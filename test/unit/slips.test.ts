/**
 * Le catalogue des fautes (test/fixtures/slips/slips.json) : chacune est une modification d'une
 * ligne d'un fichier de l'exemple Data Engineer, appliquée en mémoire. Elle doit donner UN seul
 * diagnostic d'erreur, sur le bon jeton, dont le message dit la correction ; quand un correctif
 * rapide est annoncé, il existe et son application rend un référentiel sans erreur. Une faute
 * « acceptée » (un autre ordre sans ambiguïté) ne donne aucune erreur et le même export JSON.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { exportReferentiel } from '../../language-server/src/export/json-export.js';
import { modelOf } from '../../language-server/src/lsp/elements.js';
import { workspace, type Workspace } from '../helpers.js';

interface Slip {
    name: string;
    file: string;
    find: string;
    replace: string;
    expected: { accepted: true } | { file: string; line: number; column: number; message: string; code?: string; fix?: string };
}

const SAMPLE = 'samples/data-engineer';
const FILES: Record<string, string> = Object.fromEntries(readdirSync(SAMPLE).filter(f => f.endsWith('.ref')).map(f => [f, readFileSync(`${SAMPLE}/${f}`, 'utf8')]));
const SLIPS: Slip[] = JSON.parse(readFileSync('test/fixtures/slips/slips.json', 'utf8'));
/** Les messages obtenus par le catalogue, pour vérifier ceux que cite docs/rules.md. */
const MESSAGES: Array<{ message: string; fix: boolean }> = [];

function apply(slip: Slip): Record<string, string> {
    const text = FILES[slip.file];
    expect(text, slip.file).toBeDefined();
    expect(text.split(slip.find).length - 1, `« ${slip.find} » une seule fois dans ${slip.file}`).toBe(1);
    // Une faute d'une ligne : le texte modifié ne diffère de l'original que sur une ligne.
    const before = slip.find.split('\n');
    const after = slip.replace.split('\n');
    let prefix = 0;
    while (prefix < Math.min(before.length, after.length) && before[prefix] === after[prefix]) prefix++;
    let suffix = 0;
    while (suffix < Math.min(before.length, after.length) - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
    expect(Math.max(before.length, after.length) - prefix - suffix, 'une seule ligne modifiée').toBeLessThanOrEqual(1);
    return { ...FILES, [slip.file]: text.replace(slip.find, slip.replace) };
}

function errors(ws: Workspace): Array<{ file: string; diagnostic: Diagnostic }> {
    return ws.documents.flatMap(d => (d.diagnostics ?? []).filter(x => x.severity === 1).map(diagnostic => ({ file: d.uri.path.split('/').pop()!, diagnostic })));
}

function exported(ws: Workspace): string {
    const model = modelOf(ws.services, ws.documents.find(d => d.uri.path.endsWith('/data-engineer.ref'))!);
    return JSON.stringify(exportReferentiel(model!));
}

function applyEdits(document: LangiumDocument, edits: readonly TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('memory:/x', 'referentiel', 0, document.textDocument.getText()), [...edits]);
}

describe('Catalogue des fautes : une faute, un diagnostic qui dit la correction', () => {
    it('au moins 40 fautes, aux noms distincts', () => {
        expect(SLIPS.length).toBeGreaterThanOrEqual(40);
        expect(new Set(SLIPS.map(s => s.name)).size).toBe(SLIPS.length);
    });

    it('l\'exemple, intact, n\'a aucune erreur', async () => {
        expect(errors(await workspace(FILES))).toEqual([]);
    });

    for (const slip of SLIPS) {
        it(slip.name, async () => {
            const ws = await workspace(apply(slip));
            const found = errors(ws);
            if ('accepted' in slip.expected) {
                expect(found.map(f => f.diagnostic.message)).toEqual([]);
                expect(exported(ws)).toBe(exported(await workspace(FILES)));
                return;
            }
            const expected = slip.expected;
            expect(found.map(f => `${f.file}:${f.diagnostic.range.start.line + 1}:${f.diagnostic.range.start.character + 1} ${f.diagnostic.message}`)).toHaveLength(1);
            const [{ file, diagnostic }] = found;
            MESSAGES.push({ message: String(diagnostic.message), fix: expected.fix !== undefined });
            expect(diagnostic.code).toBe(expected.code ?? 'REF001');
            expect({ file, line: diagnostic.range.start.line + 1, column: diagnostic.range.start.character + 1 }).toEqual({ file: expected.file, line: expected.line, column: expected.column });
            expect(diagnostic.message).toMatch(new RegExp(expected.message));
            // Jamais les noms internes des jetons de l'analyseur.
            expect(diagnostic.message).not.toMatch(/\b(STRING|NOMBRE|EOF|KW|MismatchedToken|NoViableAlt|EarlyExit)\b/);
            if (!expected.fix) return;
            const document = ws.documents.find(d => d.uri.path.endsWith('/' + file))!;
            const actions = await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
                textDocument: { uri: document.uri.toString() },
                range: diagnostic.range,
                context: { diagnostics: [diagnostic] }
            }) as CodeAction[];
            const action = actions.find(a => a.title === expected.fix);
            expect(action, `correctif « ${expected.fix} » parmi ${actions.map(a => a.title).join(', ')}`).toBeDefined();
            expect(action!.kind).toBe('quickfix');
            const edits = action!.edit!.changes![document.uri.toString()];
            const fixed = await workspace({ ...apply(slip), [file]: applyEdits(document, edits) });
            expect(errors(fixed).map(f => `${f.file}:${f.diagnostic.range.start.line + 1} ${f.diagnostic.message}`)).toEqual([]);
        });
    }
});

describe('docs/rules.md, section REF001 : les fautes reconnues', () => {
    const section = readFileSync('docs/rules.md', 'utf8').split('### REF001')[1].split('### REF002')[0];
    const rows = section.split('\n').filter(line => line.startsWith('| ') && !line.startsWith('| Faute')).map(line => line.split(' | ').map(cell => cell.replace(/^\| |\s*\|$/g, '')));

    it('annonce la taille du catalogue', () => {
        expect(section).toContain(`${SLIPS.length} fautes`);
        expect(rows.length).toBeGreaterThanOrEqual(15);
    });

    it('chaque message cité est un message du catalogue, et son correctif est annoncé comme il existe', () => {
        expect(MESSAGES.length).toBeGreaterThan(40);
        for (const [faute, , message, correctif] of rows) {
            const matching = MESSAGES.filter(m => m.message.includes(message));
            expect(matching.length, `${faute} : « ${message} »`).toBeGreaterThan(0);
            expect(matching.some(m => m.fix), `${faute} : correctif « ${correctif} »`).toBe(correctif === 'oui');
        }
    });
});

describe('Fautes en anglais (locale anglaise)', () => {
    const english: Array<[string, RegExp]> = [
        ['critère sans accent', /"critere": did you mean "critère"\?/],
        ['virgule oubliée dans évalue', /Missing comma between C1\.1 and C1\.2\?/],
        ['accolade de modalité non refermée', /Missing closing brace "\}": the brace opened on line 34 \(the modalité M1\.1\) is not closed before "modalité"/],
        ['date à la française', /A date is written YYYY-MM-DD: 2024-06-28/]
    ];
    for (const [name, message] of english) {
        it(name, async () => {
            const slip = SLIPS.find(s => s.name === name)!;
            const found = errors(await workspace(apply(slip), { locale: 'en' }));
            expect(found).toHaveLength(1);
            expect(found[0].diagnostic.message).toMatch(message);
        });
    }
});
