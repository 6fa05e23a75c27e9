import { statSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCohort } from '../../../language-server/src/evaluation/candidates/index.js';
import { columnLetter } from '../../../language-server/src/evaluation/candidates/xlsx-reader.js';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { cohortProblems, collect, FIXTURES, model, tempDir, writeTemp } from './helpers.js';

let essai: ReferentielModel;
let dir: string;
let cleanup: () => void;
beforeAll(async () => {
    essai = await model('essai');
    ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

const FIXTURE = path.join(FIXTURES, 'cohorte.xlsx');

let counter = 0;
/** Un classeur temporaire : une feuille par entrée, lignes de cellules. */
async function workbook(sheets: Record<string, unknown[][]>): Promise<string> {
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) {
        const ws = wb.addWorksheet(name);
        for (const row of rows) ws.addRow(row);
    }
    const file = path.join(dir, `classeur-${++counter}.xlsx`);
    await wb.xlsx.writeFile(file);
    return file;
}

describe('readCohort (XLSX)', () => {
    it('lit la première feuille : nombres, texte à virgule décimale, cellule vide, date, formule, ligne vide', async () => {
        const rows = await collect(FIXTURE, essai);
        expect(rows.map(r => [r.source.line, r.candidat])).toEqual([
            [2, { id: '2026-0201', nom: 'Camille Martin' }],
            [3, { id: '20260202', nom: 'Léa Dupré' }],
            [5, { id: '2026-0203', nom: 'Noël Bénard' }]
        ]);
        expect(rows.map(r => r.dateEvaluation)).toEqual(['2026-06-30', '2026-06-30', '2026-06-30']);
        // 14.5 : cellule nombre ; « 12,5 » : texte à virgule décimale.
        expect(Object.fromEntries(rows[0].epreuves)).toEqual({ memoire: 14.5, soutenance: 12.5 });
        expect(Object.fromEntries(rows[0].mesures)).toEqual({ periode_entreprise: 6 });
        // C2.1 vide : non évaluée.
        expect(Object.fromEntries(rows[1].competences)).toEqual({ 'C1.1': 'acquise', 'C1.2': 'non acquise' });
        expect(Object.fromEntries(rows[1].criteres)).toEqual({ 'CR1.1.1': 'satisfait', 'CR1.1.2': 'non satisfait' });
        expect(rows[1].blocsAcquis).toEqual([{ bloc: 'BC02', date: '2024-06-30' }]);
        // Formule : sa valeur calculée.
        expect(rows[2].epreuves.get('memoire')).toBe(13);
        // Positions : ligne du tableur, numéro de colonne.
        expect(rows[0].positions.get('epreuves.memoire')).toEqual({ file: FIXTURE, line: 2, column: 10 });
        expect(rows[0].positions.get('epreuves.soutenance')).toEqual({ file: FIXTURE, line: 2, column: 11 });
        expect(rows[1].positions.get('candidat.id')).toEqual({ file: FIXTURE, line: 3, column: 1 });
    });

    it('lit la feuille nommée par `sheet` ; une feuille inconnue donne la liste des feuilles', async () => {
        const rows = await collect(FIXTURE, essai, { sheet: 'Session 2024' });
        expect(rows.map(r => [r.candidat.id, r.competences.get('C1.1'), r.epreuves.get('memoire')])).toEqual([['2024-0001', 'acquise', 15]]);
        expect((await collect(FIXTURE, essai, { sheet: 'session 2024' })).length).toBe(1);
        const { problems } = await cohortProblems(FIXTURE, essai, { sheet: 'Session 2025' });
        expect(problems).toEqual([{
            file: FIXTURE, line: 1, column: 1, kind: 'colonne',
            message: 'Feuille « Session 2025 » absente du classeur. Vouliez-vous dire « Session 2024 » ? Feuilles du classeur : « Cohorte », « Session 2024 ».'
        }]);
    });

    it('problèmes situés par ligne et colonne, le message nomme la cellule (D3)', async () => {
        const file = await workbook({
            Notes: [
                ['candidat', 'nom', 'C1.1', 'memoire', 'periode_entreprise'],
                ['A-1', 'x', 'A', 12, 6],
                ['A-2', 'y', 'peut-être', 23, -1]
            ]
        });
        const { problems, before } = await cohortProblems(file, essai);
        expect(before).toHaveLength(1);
        expect(problems.map(p => [p.kind, p.line, p.column, p.message])).toEqual([
            ['valeur', 3, 3, 'Candidat A-2, cellule C3 (colonne C1.1) : « peut-être » n\'est pas un résultat de compétence. Valeurs acceptées : A ou acquise (acquis), NA ou non acquise (non acquis), ou une cellule vide si la compétence n\'a pas été évaluée.'],
            ['hors-bareme', 3, 4, 'Candidat A-2, cellule D3 (colonne memoire) : note 23 hors du barème de memoire (sur 20) ; une note va de 0 à 20.'],
            ['valeur', 3, 5, 'Candidat A-2, cellule E3 (colonne periode_entreprise) : mesure -1 négative pour periode_entreprise (en mois) ; une mesure est positive ou nulle.']
        ]);
    });

    it('en-tête : colonne inconnue (cellule E1), colonne sans en-tête, erreur de formule, identifiant en double', async () => {
        const header = await workbook({ F: [['candidat', 'C1.1', 'C1.2', 'memoire', 'soutenanse'], ['1', 'A', 'A', 1, 1]] });
        const h = (await cohortProblems(header, essai)).problems;
        expect(h).toEqual([expect.objectContaining({ kind: 'colonne', line: 1, column: 5 })]);
        expect(h[0].message).toMatch(/^Cellule E1 : colonne « soutenanse » inconnue.*Vouliez-vous dire soutenance \?/);

        const noHeader = await workbook({ F: [['candidat', 'C1.1'], ['1', 'A', 'oups']] });
        expect((await cohortProblems(noHeader, essai)).problems[0]).toMatchObject({
            kind: 'colonne', line: 2, column: 3, message: 'Candidat 1, cellule C2 : valeur « oups » dans une colonne sans en-tête. Nommez la colonne sur la première ligne ou videz la cellule.'
        });

        const error = await workbook({ F: [['candidat', 'memoire', 'soutenance'], ['1', { error: '#N/A' }, { formula: '1/0', result: { error: '#DIV/0!' } }]] });
        expect((await cohortProblems(error, essai)).problems).toEqual([
            expect.objectContaining({
                kind: 'valeur', line: 2, column: 2,
                message: 'Candidat 1, cellule B2 (colonne memoire) : la cellule contient l\'erreur #N/A (formule). Corrigez la formule ou remplacez-la par une valeur.'
            }),
            expect.objectContaining({
                kind: 'valeur', line: 2, column: 3,
                message: 'Candidat 1, cellule C2 (colonne soutenance) : la formule de la cellule ne donne pas de valeur (erreur, ou classeur jamais recalculé). Corrigez la formule ou remplacez-la par une valeur.'
            })
        ]);

        const twice = await workbook({ F: [['candidat', 'C1.1'], [42, 'A'], ['42', 'NA']] });
        expect((await cohortProblems(twice, essai)).problems[0]).toMatchObject({
            kind: 'doublon', line: 3, column: 1, message: 'Candidat 42 en double dans la cohorte : lignes 2 et 3. Un candidat n\'a qu\'une ligne : fusionnez-les.'
        });

        const missingId = await workbook({ F: [['candidat', 'C1.1'], [null, 'A']] });
        expect((await cohortProblems(missingId, essai)).problems[0]).toMatchObject({ kind: 'valeur', line: 2, column: 1 });
    });

    it('date : cellule date, texte JJ/MM/AAAA ou numéro de série ; feuille vide', async () => {
        const file = await workbook({ F: [['candidat', 'date_evaluation'], ['1', new Date(Date.UTC(2026, 5, 30))], ['2', '01/07/2026'], ['3', 46203]] });
        expect((await collect(file, essai)).map(r => r.dateEvaluation)).toEqual(['2026-06-30', '2026-07-01', '2026-06-30']);
        const empty = await workbook({ Vide: [] });
        expect((await cohortProblems(empty, essai)).problems[0].message).toContain('Fichier vide');
    });

    it('un fichier qui n\'est pas un classeur : problème lisible', async () => {
        const { problems } = await cohortProblems(writeTemp(dir, 'faux.xlsx', 'candidat;C1.1\n1;A\n'), essai);
        expect(problems[0]).toMatchObject({ kind: 'syntaxe', line: 1, column: 1 });
        expect(problems[0].message).toMatch(/^Ce fichier n'est pas un classeur \.xlsx lisible/);
    });

    it('progression en octets du fichier ; arrêt en cours de route', async () => {
        const calls: number[] = [];
        for await (const _ of readCohort(FIXTURE, essai, { onProgress: (read, total) => { calls.push(read); expect(total).toBe(statSync(FIXTURE).size); } })) { /* rien */ }
        expect(calls.at(-1)).toBe(statSync(FIXTURE).size);
        for await (const r of readCohort(FIXTURE, essai)) {
            expect(r.candidat.id).toBe('2026-0201');
            break;
        }
    });

    it('lettres de colonnes', () => {
        expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    });
});
