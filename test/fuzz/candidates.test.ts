import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, readCandidateJson, readCohort } from '../../language-server/src/evaluation/candidates/index.js';
import { evaluateCandidate } from '../../language-server/src/evaluation/engine.js';
import { readRncpExport, RncpReadError } from '../../language-server/src/interop/rncp-reader.js';
import type { ReferentielModel } from '../../language-server/src/model/referentiel-model.js';
import { workspace } from '../helpers.js';

/**
 * Fuzzing des entrées de l'évaluation et de l'import avec les formes démesurées de l'issue 14
 * (§3) : cohortes CSV (cellules de 40 000 caractères, lignes de séparateurs, 20 000 cellules,
 * colonnes inconnues, guillemets non fermés, contrôles, octets non UTF-8, BOM), dossiers JSON
 * (imbrication jusqu'à 2 000 niveaux, textes démesurés, mutations du texte), exports du registre
 * RNCP (imbrication, champs démesurés, entités, mutations). Propriétés : seule une erreur d'entrée
 * située (InputError, RncpReadError) s'échappe ; un dossier lu s'évalue ; aucun message ne cite le
 * nom du candidat. Graine fixe ; FUZZ_CANDIDATE_RUNS cas (2 000 en CI, 20 000 avec `npm run fuzz`).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260630);
const RUNS = Number(process.env.FUZZ_CANDIDATE_RUNS ?? 2000);
const NAME = 'Zéphyrinmarqueur Quintavalle';
const MARKER = 'Zéphyrinmarqueur';
const HEAD = ['candidat', 'nom', 'date_evaluation', 'C1.1', 'C1.2', 'C2.1', 'CR1.1.1', 'CR1.1.2', 'CR2.1.1', 'memoire', 'soutenance', 'periode_entreprise', 'blocs_acquis'];
const VALID = ['2026-0001', NAME, '30/06/2026', 'A', 'NA', 'A', 'S', 'S', 'NS', '14,5', '12', '6', ''];

let dir: string;
let model: ReferentielModel;
beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'referentiel-fuzz-'));
    const ws = await workspace({ 'essai.ref': readFileSync(path.join(__dirname, '../fixtures/candidats/referentiel/essai.ref'), 'utf8') });
    model = ws.services.referentiel.Models.forDocument(ws.documents[0])!;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Une cellule : ordinaire, ou l'une des formes hostiles. */
const cell = fc.oneof(
    { weight: 40, arbitrary: fc.constantFrom('A', 'NA', 'S', 'NS', '14,5', '12') },
    { weight: 2, arbitrary: fc.constant(NAME) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 40_000 }).map(n => 'x'.repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }).map(n => ';'.repeat(n)) },
    { weight: 1, arbitrary: fc.constantFrom('"', '"a""b', '\r', '\u0000', '\u001b[2J', '\u202E', '\u0085', '=1+1', '\uFFFD', '\uD800', 'Léa;Dupré', '1e309', '-0', 'NaN') }
);

const csvCase = fc.record({
    separator: fc.constantFrom(';', ',', '\t'),
    extraColumns: fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }) }),
    rows: fc.array(fc.oneof({ weight: 2, arbitrary: fc.constant([] as Array<[number, string]>) }, { weight: 1, arbitrary: fc.array(fc.tuple(fc.nat(12), cell), { minLength: 1, maxLength: 3 }) }), { minLength: 0, maxLength: 5 }),
    encoding: fc.constantFrom('utf8', 'utf8', 'utf8', 'utf8', 'utf8', 'utf8', 'latin1', 'bom', 'mixte', 'octet')
}).map(({ separator, extraColumns, rows, encoding }) => {
    const header = [...HEAD, ...Array.from({ length: extraColumns }, (_, i) => `X${i}`)].join(separator);
    const lines = rows.map(changes => {
        const cells = [...VALID];
        for (const [i, value] of changes) cells[i] = value;
        return cells.join(separator);
    });
    const text = `${header}\n${lines.join('\n')}\n`;
    let bytes: Buffer;
    if (encoding === 'latin1') bytes = Buffer.from(text, 'latin1');
    else if (encoding === 'bom') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    else if (encoding === 'mixte') bytes = Buffer.concat([Buffer.from(`${header}\n2026-9;L\xe9a;30/06/2026\n`, 'latin1'), Buffer.from(text.slice(header.length + 1))]);
    else if (encoding === 'octet') bytes = Buffer.concat([Buffer.from(text), Buffer.from([0xff, 0xfe, 0x0a])]);
    else bytes = Buffer.from(text);
    return { kind: `csv-${encoding}${extraColumns ? '-colonnes' : ''}`, bytes };
});

const jsonValue = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom<unknown>('acquise', 'non acquise', 12, 15) },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(NAME, -1, null, true, [], {}) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 40_000 }).map(n => 'y'.repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 2000 }).map(depth => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown) }
);

const jsonCase = fc.record({
    change: fc.oneof(
        { weight: 2, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.record({ field: fc.constantFrom('competences', 'epreuves', 'criteres', 'candidat', 'dateEvaluation', 'mesures', 'blocsAcquis', 'inconnu'), value: jsonValue }) }
    ),
    cuts: fc.oneof({ weight: 3, arbitrary: fc.constant([] as Array<[number, number, string]>) }, { weight: 1, arbitrary: fc.array(fc.tuple(fc.nat(), fc.nat(6), fc.constantFrom('', '{', '}', '[', '"', ',', ':', '\u0000', '\\u', '/*', NAME)), { minLength: 1, maxLength: 3 }) })
}).map(({ change, cuts }) => {
    const candidate: Record<string, unknown> = {
        referentiel: 'ESSAI-COHORTE', candidat: { id: '2026-0043', nom: NAME }, dateEvaluation: '2026-06-30',
        competences: { 'C1.1': 'acquise', 'C1.2': 'acquise' }, epreuves: { memoire: 12, soutenance: 10 }
    };
    if (change) {
        const { field, value } = change;
        candidate[field] = field === 'competences' ? { 'C1.1': value, 'C1.2': 'acquise' }
            : field === 'epreuves' ? { memoire: value, soutenance: 10 }
            : field === 'criteres' ? { 'CR1.1.1': value }
            : field === 'candidat' ? { id: value, nom: NAME }
            : value;
    }
    let text: string;
    try {
        text = JSON.stringify(candidate, null, 2);
    } catch {
        text = '{}';
    }
    for (const [at, length, insert] of cuts) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + insert + text.slice(i + length);
    }
    return { kind: cuts.length ? 'json-mute' : change ? `json-${change.field}` : 'json', text };
});

const RNCP_FICHE = '<FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE><INTITULE>Titre</INTITULE><BLOCS_COMPETENCES><BLOC_COMPETENCES><CODE>RNCP1BC01</CODE><LIBELLE>Bloc</LIBELLE><LISTE_COMPETENCES>C1</LISTE_COMPETENCES></BLOC_COMPETENCES></BLOCS_COMPETENCES></FICHE>';
const rncpCase = fc.oneof(
    fc.integer({ min: 1, max: 5000 }).map(depth => `<FICHES>${'<X>'.repeat(depth)}${'</X>'.repeat(depth)}${RNCP_FICHE}</FICHES>`),
    fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.constant(4_200_000)).map(n => `<FICHES><FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE><INTITULE>${'t'.repeat(n)}</INTITULE></FICHE></FICHES>`),
    fc.constant('<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><FICHES><FICHE><NUMERO_FICHE>&b;</NUMERO_FICHE></FICHE></FICHES>'),
    fc.array(fc.tuple(fc.nat(), fc.nat(10), fc.constantFrom('', '<', '>', '</', '&', '&#0;', '&#x110000;', ']]>', '<![CDATA[', '\u0000', '\uFFFF', '"')), { minLength: 1, maxLength: 4 })
        .map(cuts => cuts.reduce((text, [at, length, insert]) => {
            const i = at % (text.length + 1);
            return text.slice(0, i) + insert + text.slice(i + length);
        }, `<?xml version="1.0" encoding="UTF-8"?>\n<FICHES>${RNCP_FICHE}${RNCP_FICHE.replace(/RNCP1/g, 'RNCP2')}</FICHES>\n`))
);

interface Tally { cases: number; read: number; refused: number; evaluated: number; byKind: Map<string, number> }

function checkProblems(error: InputError): void {
    expect(error.problems.length).toBeGreaterThan(0);
    for (const p of error.problems) {
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.column).toBeGreaterThanOrEqual(1);
        expect(p.message, p.message).not.toContain(MARKER);
    }
}

describe('fuzzing des dossiers candidats et des exports RNCP', () => {
    it(`${RUNS} cas à graine fixe (cohortes CSV, dossiers JSON, exports RNCP) : seules des erreurs d'entrée situées, aucun nom cité`, async () => {
        const tally: Tally = { cases: 0, read: 0, refused: 0, evaluated: 0, byKind: new Map() };
        const cases = fc.sample(fc.oneof(
            { weight: 5, arbitrary: csvCase.map(c => ({ ...c, type: 'csv' as const })) },
            { weight: 4, arbitrary: jsonCase.map(c => ({ ...c, type: 'json' as const })) },
            { weight: 1, arbitrary: rncpCase.map(text => ({ kind: 'rncp', text, type: 'rncp' as const })) }
        ), { seed: SEED, numRuns: RUNS });
        const started = performance.now();
        for (const [i, c] of cases.entries()) {
            tally.cases++;
            tally.byKind.set(c.kind, (tally.byKind.get(c.kind) ?? 0) + 1);
            try {
                if (c.type === 'csv') {
                    const file = path.join(dir, `c${i}.csv`);
                    writeFileSync(file, c.bytes);
                    for await (const candidate of readCohort(file, model)) {
                        tally.read++;
                        evaluateCandidate(model, candidate, { date: '2026-06-30' });
                        tally.evaluated++;
                    }
                    rmSync(file);
                } else if (c.type === 'json') {
                    const candidate = readCandidateJson('fuzz.candidat.json', c.text, model);
                    tally.read++;
                    evaluateCandidate(model, candidate, { date: '2026-06-30' });
                    tally.evaluated++;
                } else {
                    const file = path.join(dir, `r${i}.xml`);
                    writeFileSync(file, c.text);
                    await readRncpExport(file, { fiche: () => { tally.read++; } });
                    rmSync(file);
                }
            } catch (error) {
                if (error instanceof InputError) {
                    checkProblems(error);
                } else if (!(error instanceof RncpReadError)) {
                    throw new Error(`${c.kind} (cas ${i}) : exception inattendue ${(error as Error).stack}`);
                }
                tally.refused++;
            }
        }
        const seconds = (performance.now() - started) / 1000;
        console.log(`Fuzzing des entrées (graine ${SEED}) : ${tally.cases} cas en ${seconds.toFixed(1)} s ; ${tally.read} candidats ou fiches lus, ${tally.evaluated} candidats évalués, ${tally.refused} entrées refusées avec un message situé ; 0 exception.`);
        console.log(`  Formes : ${[...tally.byKind].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}.`);
        expect(tally.cases).toBe(RUNS);
        expect(tally.refused).toBeGreaterThan(RUNS / 10);
        expect(tally.evaluated).toBeGreaterThan(RUNS / 10);
    }, Math.max(600_000, RUNS * 100));
});
