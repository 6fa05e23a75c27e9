import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCandidateJson, readCohort } from '../../../language-server/src/evaluation/candidates/index.js';
import { evaluateCandidate } from '../../../language-server/src/evaluation/engine.js';
import { renderReport } from '../../../language-server/src/evaluation/reports/index.js';
import type { EvaluationResult } from '../../../language-server/src/evaluation/types.js';
import { setLocale, type Locale } from '../../../language-server/src/i18n/locale.js';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { loadModel, ROOT } from '../engine/engine-helpers.js';

/**
 * Les rapports des candidats d'exemple, en français et en anglais, dans chaque format : aucun
 * débris de modèle (accolade, « # », choix « a|b » laissé en place), aucune date AAAA-MM-JJ dans
 * les phrases, aucun statut redit (« non acquise — Non acquise »). Et l'exemple de la
 * documentation est bien ce que le moteur écrit.
 */
const DIR = path.join(ROOT, 'samples', 'data-engineer', 'candidats');
let model: ReferentielModel;

beforeAll(async () => {
    model = await loadModel('samples/data-engineer', 'DATA-ENGINEER');
});

async function evaluateSamples(locale: Locale): Promise<EvaluationResult[]> {
    setLocale(locale);
    try {
        const results: EvaluationResult[] = [];
        for (const name of readdirSync(DIR).sort()) {
            const file = path.join(DIR, name);
            if (name.endsWith('.candidat.json')) {
                results.push(evaluateCandidate(model, readCandidateJson(file, readFileSync(file, 'utf8'), model), { date: '2026-06-30' }));
            } else {
                for await (const c of readCohort(file, model)) results.push(evaluateCandidate(model, c, { date: '2026-06-30' }));
            }
        }
        return results;
    } finally {
        setLocale('fr');
    }
}

/** Le texte que lit une personne : sans balises ni feuille de style pour le HTML. */
function prose(format: 'text' | 'html', out: string): string {
    if (format === 'text') return out;
    return out.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, '\'').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('rapports des candidats d\'exemple', () => {
    for (const locale of ['fr', 'en'] as const) {
        it(`aucun débris de modèle, aucune date ISO dans les phrases, aucun statut redit (${locale})`, async () => {
            const results = await evaluateSamples(locale);
            expect(results.length).toBeGreaterThan(10);
            const meta = { referentiel: { code: 'DATA-ENGINEER', titre: 'Data Engineer' }, dateGeneration: '2026-06-30', locale };
            const sentences = results.flatMap(r => [...r.motifs, ...r.avertissements, ...r.blocs.map(b => b.motif), ...r.competences.map(c => c.motif), ...r.regles.map(x => x.detail)]);
            expect(sentences.filter(s => /[{}#|]/.test(s))).toEqual([]);
            expect(sentences.filter(s => /\b\d{4}-\d{2}-\d{2}\b/.test(s))).toEqual([]);
            for (const format of ['text', 'html'] as const) {
                const text = prose(format, renderReport(format, meta, results));
                // Les identifiants (2026-0042) ne sont pas des dates ; le HTML garde les dates machine dans <time datetime>, retirées avec les balises.
                expect(text.match(/[{}#]|\S\|\S/g) ?? [], format).toEqual([]);
                expect(text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [], format).toEqual([]);
                expect(text, format).not.toMatch(/non acquise — Non acquise|not acquired — Not acquired|non évaluée — Non évaluée/);
            }
        });
    }

    it('l\'exemple de docs/evaluation.md est la phrase qu\'écrit le moteur', async () => {
        const docs = readFileSync(path.join(ROOT, 'docs', 'evaluation.md'), 'utf8');
        const quoted = docs.split('\n').filter(l => l.startsWith('> ')).map(l => l.slice(2)).join(' ');
        const results = await evaluateSamples('fr');
        const sous10 = results.find(r => r.candidat.id === '2026-0047') ?? results.find(r => r.motifs.some(m => m.includes('9,99/20')))!;
        expect(sous10.motifs).toContain(quoted);
    });
});
