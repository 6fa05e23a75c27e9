import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempCopy } from './run.js';

const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

describe('l\'échantillon Data Engineer en ligne de commande', () => {
    // Sans erreur ni avertissement : les deux informations de rédaction de l'exemple (C1.7 et C1.8
    // n'énoncent pas leur finalité ; textes publiés gardés mot pour mot, docs/rules.md).
    const SAMPLE_LINT = [
        'samples/data-engineer/bc01.ref:29:21 info REF602 La compétence C1.7 ne dit pas dans quel but elle s\'exerce : ajoutez la finalité (« pour… », « afin de… », « en vue de… »).',
        'samples/data-engineer/bc01.ref:31:21 info REF602 La compétence C1.8 ne dit pas dans quel but elle s\'exerce : ajoutez la finalité (« pour… », « afin de… », « en vue de… »).',
        '',
        '✖ 2 problèmes : 0 erreur, 0 avertissement, 2 infos — 6 fichiers vérifiés.'
    ];

    it('lint : ni erreur ni avertissement, deux informations de rédaction', () => {
        const r = runCli(['lint', 'samples/data-engineer']);
        expect(r.code).toBe(0);
        expect(r.stdout).toBe(SAMPLE_LINT.join('\n') + '\n');
    });

    it('tel que publié : 13 avertissements de numérotation, tous corrigeables', () => {
        const r = runCli(['lint', 'test/fixtures/data-engineer-as-published', '--format', 'json']);
        expect(r.code).toBe(0);
        const report = JSON.parse(r.stdout);
        expect(report.resume).toMatchObject({ erreurs: 0, avertissements: 13, corrigeables: 13 });
    });

    it('lint --fix sur le texte tel que publié redonne exactement l\'échantillon normalisé', () => {
        const { dir, cleanup } = tempCopy('test/fixtures/data-engineer-as-published');
        cleanups.push(cleanup);
        const r = runCli(['lint', '.', '--fix'], { cwd: dir });
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('bc01.ref:29:21 info REF602 La compétence C1.7');
        expect(r.stdout).toContain('✖ 2 problèmes : 0 erreur, 0 avertissement, 2 infos — 6 fichiers vérifiés.');
        for (const file of readdirSync(path.join(ROOT, 'samples/data-engineer')).filter(f => f.endsWith('.ref'))) {
            expect(readFileSync(path.join(dir, file), 'utf8'), file).toBe(readFileSync(path.join(ROOT, 'samples/data-engineer', file), 'utf8'));
        }
    });

    it('export JSON : valide selon le schéma, 40 compétences, liens compris', () => {
        const r = runCli(['export', 'samples/data-engineer']);
        expect(r.code).toBe(0);
        const data = JSON.parse(r.stdout);
        const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/referentiel.schema.json'), 'utf8'));
        const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
        expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
        expect(data.code).toBe('DATA-ENGINEER');
        expect(data.blocs.map((b: { code: string }) => b.code)).toEqual(['BC01', 'BC02', 'BC03', 'BC04', 'BC05']);
        expect(data.competences).toHaveLength(40);
        expect(data.modalites).toHaveLength(10);
        expect(data.criteres.every((c: { competences: string[] }) => c.competences.length > 0)).toBe(true);
        expect(data.competences.every((c: { modalites: string[]; criteres: string[] }) => c.modalites.length > 0 && c.criteres.length > 0)).toBe(true);
        expect(data.obtention.conditions.map((c: { expression: string }) => c.expression)).toEqual([
            'tous les blocs validés', 'periode_entreprise >= 6 mois et competences_periode_evaluees', 'moyenne(memoire, soutenance) >= 10'
        ]);
    });
});
