import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { createReportWriter, renderReport } from '../../../language-server/src/evaluation/reports/index.js';
import type { EvaluationResult } from '../../../language-server/src/evaluation/types.js';
import { FIXTURES, ROOT, cohort, fixture, meta, obtenue } from './fixtures.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'evaluation.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

function expectValid(data: unknown): void {
    const ok = validate(data);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
}

const summary = { candidats: 3, obtenue: 1, nonObtenue: 1, incomplete: 1 };

describe('rapport JSON', () => {
    it('schemas/evaluation.schema.json est un schéma draft 2020-12 valide', () => {
        expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
        expect(ajv.validateSchema(schema)).toBe(true);
    });

    it.each(FIXTURES)('le candidat %s : rapport valide selon le schéma, résultat recopié tel quel', (name) => {
        const result = fixture(name);
        const out = renderReport('json', meta(), [result]);
        const data = JSON.parse(out);
        expectValid(data);
        expect(data.resultats).toEqual([result]);
        expect(data.resume).toEqual({
            candidats: 1, obtenue: name === 'obtenue' ? 1 : 0, nonObtenue: name === 'non-obtenue' ? 1 : 0, incomplete: name === 'incomplete' ? 1 : 0
        });
    });

    it('cohorte : exactement { resultats, resume }, dans l\'ordre d\'entrée, indenté comme JSON.stringify(…, null, 2)', () => {
        const results = cohort();
        const out = renderReport('json', meta(), results, { summary });
        expect(out).toBe(JSON.stringify({ resultats: results, resume: summary }, null, 2) + '\n');
        const data = JSON.parse(out);
        expect(Object.keys(data)).toEqual(['resultats', 'resume']);
        expect(data.resultats.map((r: EvaluationResult) => r.decision)).toEqual(['obtenue', 'non obtenue', 'incomplète']);
        expect(data.resultats[1].regles[2].detail).toBe('Moyenne de « Mémoire » et « Soutenance » : 9,75/20, il faut au moins 10/20');
        expectValid(data);
    });

    it('cohorte vide', () => {
        const empty = { candidats: 0, obtenue: 0, nonObtenue: 0, incomplete: 0 };
        const out = renderReport('json', meta(), []);
        expect(out).toBe(JSON.stringify({ resultats: [], resume: empty }, null, 2) + '\n');
        expectValid(JSON.parse(out));
    });

    it('écrit au fil de l\'eau : begin ouvre la liste, les candidats sont séparés par des virgules, end la ferme', () => {
        const w = createReportWriter('json', {});
        expect(w.begin(meta())).toBe('{\n  "resultats": [');
        const first = w.candidate(obtenue(), 0);
        const second = w.candidate(obtenue(), 1);
        expect(first.startsWith('\n    {')).toBe(true);
        expect(second.startsWith(',\n    {')).toBe(true);
        expect(w.end({ candidats: 2, obtenue: 2, nonObtenue: 0, incomplete: 0 }).startsWith('\n  ],\n  "resume": {')).toBe(true);
    });

    it('textes hostiles : JSON toujours valide (échappement JSON)', () => {
        const nasty = { ...obtenue(), candidat: { id: 'A"\\\n\u2028', nom: '</script><!--' }, motifs: ['"; DROP'] };
        const data = JSON.parse(renderReport('json', meta(), [nasty]));
        expect(data.resultats[0].candidat).toEqual(nasty.candidat);
        expectValid(data);
    });

    it('le schéma refuse un statut, une décision ou un champ inconnus', () => {
        const bad = (mutate: (r: Record<string, unknown>) => void): boolean => {
            const r = JSON.parse(JSON.stringify(obtenue())) as Record<string, unknown>;
            mutate(r);
            return validate({ resultats: [r], resume: { candidats: 1, obtenue: 1, nonObtenue: 0, incomplete: 0 } }) as boolean;
        };
        expect(bad(() => undefined)).toBe(true);
        expect(bad(r => { r.decision = 'admis'; })).toBe(false);
        expect(bad(r => { (r.blocs as Array<Record<string, unknown>>)[0].statut = 'valide'; })).toBe(false);
        expect(bad(r => { r.extra = 1; })).toBe(false);
        expect(bad(r => { (r.regles as Array<Record<string, unknown>>)[0].statut = 'ok'; })).toBe(false);
        expect(bad(r => { r.dateEvaluation = '26/06/2026'; })).toBe(false);
        expect(validate({ resultats: [] })).toBe(false);
    });
});
