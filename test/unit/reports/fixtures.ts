import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../../../language-server/src/i18n/locale.js';
import type { ReportMeta } from '../../../language-server/src/evaluation/reports/index.js';
import type { EvaluationResult } from '../../../language-server/src/evaluation/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DIR = path.join(ROOT, 'test', 'fixtures', 'evaluations');

/** Les trois candidats écrits à la main pour le référentiel Data Engineer. */
export const FIXTURES = ['obtenue', 'non-obtenue', 'incomplete'] as const;
export type FixtureName = typeof FIXTURES[number];

export function fixture(name: FixtureName): EvaluationResult {
    return JSON.parse(readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as EvaluationResult;
}

export const obtenue = (): EvaluationResult => fixture('obtenue');
export const nonObtenue = (): EvaluationResult => fixture('non-obtenue');
export const incomplete = (): EvaluationResult => fixture('incomplete');
export const cohort = (): EvaluationResult[] => FIXTURES.map(fixture);

export function meta(locale: Locale = 'fr', extra: Partial<ReportMeta> = {}): ReportMeta {
    return { referentiel: { code: 'DATA-ENGINEER', titre: 'Data Engineer' }, dateGeneration: '2026-06-26', locale, ...extra };
}

/** Un texte hostile : balise, esperluette, guillemets droits et apostrophe. */
export const HOSTILE = '<script>alert(1)</script> & "Zoé" O\'Brien';

/** Un résultat dont tous les textes venus des fichiers sont hostiles. */
export function hostile(): EvaluationResult {
    const base = nonObtenue();
    return {
        ...base,
        candidat: { id: `ID-${HOSTILE}`, nom: HOSTILE },
        referentiel: `R-${HOSTILE}`,
        blocs: base.blocs.map((b, i) => (i === 0 ? { ...b, code: `B${HOSTILE}`, titre: HOSTILE, motif: HOSTILE } : b)),
        competences: base.competences.map((c, i) => (i === 0 ? { ...c, code: `C${HOSTILE}`, bloc: `B${HOSTILE}`, motif: HOSTILE } : c)),
        regles: base.regles.map((r, i) => (i === 0 ? { ...r, titre: HOSTILE, expression: HOSTILE, detail: HOSTILE } : r)),
        motifs: [HOSTILE],
        attestations: [`B${HOSTILE}`],
        avertissements: [HOSTILE]
    };
}
