import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { workspace, type Workspace } from '../helpers.js';

/**
 * test/fixtures/data-engineer-as-published : le même référentiel que samples/data-engineer,
 * mais avec les codes de définition tels que le texte publié les écrit (« C1.2. », « C5-2 »,
 * « A2. 1 », « A2.4 »…). Les références gardent la forme des en-têtes de modalités publiés
 * (« C1.2 », « C5.2 ») : elles se résolvent par forme canonique. Chaque irrégularité doit
 * être signalée à sa définition, et rien d'autre.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURE_DIR = path.join(ROOT, 'test', 'fixtures', 'data-engineer-as-published');
const SAMPLE_DIR = path.join(ROOT, 'samples', 'data-engineer');

function readDir(dir: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of readdirSync(dir).filter(n => n.endsWith('.ref')).sort()) {
        files[name] = readFileSync(path.join(dir, name), 'utf8');
    }
    return files;
}

/** Les codes publiés, leur forme normalisée (celle du sample), leur fichier, le mot-clé qui les définit. */
const IRREGULAR: Array<{ code: string; normalized: string; file: string; keyword: 'compétence' | 'activité'; rules: string[] }> = [
    { code: 'C1.2.', normalized: 'C1.2', file: 'bc01.ref', keyword: 'compétence', rules: ['REF202'] },
    { code: 'A2. 1', normalized: 'A2-1', file: 'bc02.ref', keyword: 'activité', rules: ['REF201', 'REF203'] },
    { code: 'A2. 2', normalized: 'A2-2', file: 'bc02.ref', keyword: 'activité', rules: ['REF201', 'REF203'] },
    { code: 'A2. 3', normalized: 'A2-3', file: 'bc02.ref', keyword: 'activité', rules: ['REF201', 'REF203'] },
    { code: 'A2.4', normalized: 'A2-4', file: 'bc02.ref', keyword: 'activité', rules: ['REF201'] },
    { code: 'A2.5', normalized: 'A2-5', file: 'bc02.ref', keyword: 'activité', rules: ['REF201'] },
    { code: 'C5-2', normalized: 'C5.2', file: 'bc05.ref', keyword: 'compétence', rules: ['REF201'] },
    { code: 'C5-3', normalized: 'C5.3', file: 'bc05.ref', keyword: 'compétence', rules: ['REF201'] },
    { code: 'C5-4', normalized: 'C5.4', file: 'bc05.ref', keyword: 'compétence', rules: ['REF201'] },
    { code: 'C5-5', normalized: 'C5.5', file: 'bc05.ref', keyword: 'compétence', rules: ['REF201'] }
];

interface Found { file: string; line: number; character: number; endCharacter: number; severity?: number; code: string; message: string }

function messageOf(d: Diagnostic): string {
    return typeof d.message === 'string' ? d.message : (d.message as { value: string }).value;
}

function listAll(ws: Workspace, files: string[]): Found[] {
    return files.flatMap(file => ws.diagnostics(file).map(d => ({
        file, line: d.range.start.line + 1, character: d.range.start.character, endCharacter: d.range.end.character,
        severity: d.severity, code: String(d.code), message: messageOf(d)
    })));
}

function show(found: Found[]): string {
    return found.map(f => `${f.file}:${f.line}:${f.character + 1} [${f.severity}] ${f.code} ${f.message}`).join('\n');
}

/** La ligne (à partir de 1) et la colonne où un code est défini : « compétence C1.2. "…" ». */
function definitionOf(text: string, keyword: string, code: string): { line: number; character: number } {
    const lines = text.split(/\r?\n/);
    const needle = `${keyword} ${code} "`;
    const matches = lines.map((l, i) => ({ i, at: l.indexOf(needle) })).filter(m => m.at >= 0);
    if (matches.length !== 1) throw new Error(`définition de ${code} trouvée ${matches.length} fois`);
    return { line: matches[0].i + 1, character: matches[0].at + keyword.length + 1 };
}

describe('test/fixtures/data-engineer-as-published : les codes tels que publiés', () => {
    let files: Record<string, string>;
    let ws: Workspace;
    let found: Found[];

    beforeAll(async () => {
        files = readDir(FIXTURE_DIR);
        ws = await workspace(files);
        found = listAll(ws, Object.keys(files));
    });

    it('a les mêmes fichiers que le sample, identiques à part les codes de définition', () => {
        const sample = readDir(SAMPLE_DIR);
        expect(Object.keys(files)).toEqual(Object.keys(sample));
        for (const [name, text] of Object.entries(files)) {
            let normalized = text;
            for (const irregular of IRREGULAR.filter(i => i.file === name)) {
                normalized = normalized.replace(`${irregular.keyword} ${irregular.code} "`, `${irregular.keyword} ${irregular.normalized} "`);
            }
            expect(normalized, name).toBe(sample[name]);
        }
    });

    it('chaque irrégularité est signalée sur la définition du code, avec le code dans le message', () => {
        const listing = show(found);
        for (const irregular of IRREGULAR) {
            const at = definitionOf(files[irregular.file], irregular.keyword, irregular.code);
            for (const rule of irregular.rules) {
                const hits = found.filter(f => f.code === rule && f.file === irregular.file && f.line === at.line);
                expect(hits, `${rule} attendu sur « ${irregular.code} » (${irregular.file}:${at.line}) ; diagnostics :\n${listing}`).toHaveLength(1);
                const hit = hits[0];
                expect(hit.severity, `${rule} ${irregular.code}`).toBe(2); // avertissement
                expect(hit.character, `${rule} ${irregular.code}`).toBe(at.character);
                expect(hit.endCharacter, `${rule} ${irregular.code}`).toBe(at.character + irregular.code.length);
                expect(hit.message, `${rule} ${irregular.code}`).toContain(`« ${irregular.code} »`);
                expect(hit.message, `${rule} ${irregular.code}`).toContain(`« ${irregular.normalized} »`);
            }
        }
    });

    it('REF201 nomme le séparateur majoritaire de la famille : « . » pour les C, « - » pour les A', () => {
        const ref201 = found.filter(f => f.code === 'REF201');
        for (const f of ref201.filter(f => f.file === 'bc05.ref')) {
            expect(f.message).toContain('« - » alors que les autres codes C utilisent « . »');
        }
        for (const f of ref201.filter(f => f.file === 'bc02.ref')) {
            expect(f.message).toContain('« . » alors que les autres codes A utilisent « - »');
        }
        expect(ref201.map(f => f.file).sort()).toEqual(['bc02.ref', 'bc02.ref', 'bc02.ref', 'bc02.ref', 'bc02.ref', 'bc05.ref', 'bc05.ref', 'bc05.ref', 'bc05.ref']);
    });

    it('rien d\'autre : pas d\'erreur, pas de référence non résolue, exactement les avertissements attendus', () => {
        const listing = show(found);
        expect(found.filter(f => f.code === 'REF002'), `références non résolues :\n${listing}`).toEqual([]);
        expect(found.filter(f => f.severity === 1), `erreurs :\n${listing}`).toEqual([]);
        const expected = IRREGULAR.flatMap(i => i.rules.map(rule => `${i.file}:${definitionOf(files[i.file], i.keyword, i.code).line} ${rule}`)).sort();
        const actual = found.map(f => `${f.file}:${f.line} ${f.code}`).sort();
        expect(actual, `diagnostics :\n${listing}`).toEqual(expected);
        for (const document of ws.documents) {
            expect(document.parseResult.lexerErrors, document.uri.path).toEqual([]);
            expect(document.parseResult.parserErrors, document.uri.path).toEqual([]);
        }
    });

    it('les références écrites comme les en-têtes publiés se résolvent par forme canonique', () => {
        const model = ws.services.referentiel.Models.forCode('DATA-ENGINEER');
        const modalite = (name: string) => model.modalites.find(m => m.name === name)!;
        // « évalue C1.1, C1.2, … » : C1.2 désigne la compétence définie « C1.2. ».
        expect(modalite('M1.1').competences.map(r => [r.$refText, r.ref?.name])).toEqual([
            ['C1.1', 'C1.1'], ['C1.2', 'C1.2.'], ['C1.3', 'C1.3'], ['C1.4', 'C1.4']
        ]);
        // « évalue C5.1, C5.2, … » : C5.2 … C5.5 désignent C5-2 … C5-5.
        expect(modalite('M5.1').competences.map(r => r.ref?.name)).toEqual(['C5.1', 'C5-2', 'C5-3', 'C5-4', 'C5-5', 'C5.6']);
        // « issue de A2-1 » désigne l'activité « A2. 1 », « A2-4 » l'activité « A2.4 ».
        const competence = (name: string) => model.competences.find(c => c.name === name)!;
        expect(competence('C2.1').activites.map(r => r.ref?.name)).toEqual(['A2. 1']);
        expect(competence('C2.6').activites.map(r => r.ref?.name)).toEqual(['A2. 2', 'A2. 3']);
        expect(competence('C2.7').activites.map(r => r.ref?.name)).toEqual(['A2.4']);
        expect(competence('C2.9').activites.map(r => r.ref?.name)).toEqual(['A2.5']);
        // Même couverture que le sample : chaque compétence est évaluée et vérifiée.
        expect(model.competences).toHaveLength(40);
        for (const c of model.competences) {
            expect((model.modalitesOf.get(c) ?? []).length, c.name).toBeGreaterThan(0);
            expect((model.criteresOf.get(c) ?? []).length, c.name).toBeGreaterThan(0);
        }
    });
});
