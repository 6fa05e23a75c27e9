import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCandidateJson, readCohort } from '../../../language-server/src/evaluation/candidates/index.js';
import { evaluateCandidate } from '../../../language-server/src/evaluation/engine.js';
import type { EvaluationResult } from '../../../language-server/src/evaluation/types.js';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { workspace } from '../../helpers.js';
import { loadModel, ROOT } from './engine-helpers.js';

/**
 * Le second échantillon, samples/developpeur-web (fiche RNCP37674) : un critère éliminatoire
 * pour le bloc, des épreuves notées dans les modalités avec un plancher, un fait oui/non, les
 * équivalences avec la fiche RNCP31114 ; chaque dossier d'exemple couvre une issue.
 */
let model: ReferentielModel;
beforeAll(async () => {
    model = await loadModel('samples/developpeur-web', 'RNCP37674');
});

const DIR = path.join(ROOT, 'samples/developpeur-web');
const CANDIDATS = path.join(DIR, 'candidats');
const BC01 = 'RNCP37674BC01';
const BC02 = 'RNCP37674BC02';

function sample(name: string): EvaluationResult {
    const file = path.join(CANDIDATS, name);
    return evaluateCandidate(model, readCandidateJson(file, readFileSync(file, 'utf8'), model));
}
const statuts = (r: EvaluationResult) => Object.fromEntries(r.blocs.map(b => [b.code, b.statut]));

describe('samples/developpeur-web : le référentiel', () => {
    it('se vérifie sans erreur ni avertissement, et utilise chaque règle annoncée', async () => {
        const files: Record<string, string> = {};
        for (const name of readdirSync(DIR).filter(n => n.endsWith('.ref'))) files[name] = readFileSync(path.join(DIR, name), 'utf8');
        const ws = await workspace(files);
        for (const name of Object.keys(files)) {
            expect(ws.diagnostics(name).filter(d => d.severity === 1 || d.severity === 2).map(d => `${d.code} ${d.message}`), name).toEqual([]);
        }
        expect(model.criteres.filter(c => c.portee === 'bloc').map(c => c.name)).toEqual(['CR1.1.6', 'CR2.1.5']);
        expect(model.modalites.flatMap(m => m.epreuves).map(e => [e.name, e.bareme, e.plancher, e.duree, e.uniteDuree])).toEqual([
            ['qp_front', 20, 8, 30, 'minutes'], ['qp_back', 20, 8, 30, 'minutes']
        ]);
        expect(model.faits.map(f => f.name)).toEqual(['dossier_professionnel']);
        expect(model.blocs.map(b => b.equivalences.map(e => e.bloc))).toEqual([['RNCP31114BC01'], ['RNCP31114BC02']]);
    });
});

describe('samples/developpeur-web : chaque dossier donne son issue', () => {
    it('les décisions que les noms annoncent', () => {
        const expected: Record<string, string> = {
            '01-obtenue.candidat.json': 'obtenue',
            '02-bloc-non-valide-plancher.candidat.json': 'non obtenue',
            '03-elimine-securite.candidat.json': 'non obtenue',
            '04-dossier-non-remis.candidat.json': 'non obtenue',
            '05-equivalence.candidat.json': 'obtenue',
            '06-accessibilite-absorbee.candidat.json': 'obtenue'
        };
        const files = readdirSync(CANDIDATS).filter(f => f.endsWith('.candidat.json')).sort();
        expect(files).toEqual(Object.keys(expected));
        for (const file of files) expect(sample(file).decision, file).toBe(expected[file]);
    });

    it('obtenue : la note de back-end est exactement au plancher (8/20), tout est rempli', () => {
        const r = sample('01-obtenue.candidat.json');
        expect(statuts(r)).toEqual({ [BC01]: 'validé', [BC02]: 'validé' });
        expect(r.regles.map(x => x.statut)).toEqual(['remplie', 'remplie']);
        expect(r.motifs).toEqual([]);
        expect(r.avertissements).toEqual([]);
    });

    it('bloc non validé par le plancher : 7,5/20 au questionnaire de back-end, ses 4 compétences acquises', () => {
        const r = sample('02-bloc-non-valide-plancher.candidat.json');
        expect(r.blocs.find(b => b.code === BC02)).toMatchObject({ statut: 'non validé', acquises: 4, total: 4 });
        expect(r.motifs[0]).toBe(`Le bloc ${BC02} « Développer la partie back-end d'une application web ou web mobile sécurisée » n'est pas validé : la note de l'épreuve « Questionnaire professionnel (back-end) » est 7,5/20, sous son plancher de 8/20.`);
        expect(r.attestations).toEqual([BC01]);
    });

    it('éliminé par le critère de sécurité, pour le bloc : 3 compétences sur 4 auraient suffi (75 %)', () => {
        const r = sample('03-elimine-securite.candidat.json');
        expect(r.blocs.find(b => b.code === BC01)).toMatchObject({ statut: 'non validé', acquises: 3, seuil: 75 });
        expect(r.motifs[0]).toContain('le critère éliminatoire CR1.1.6 n\'est pas satisfait');
        expect(r.attestations).toEqual([BC02]);
    });

    it('fait faux : le dossier professionnel n\'a pas été remis', () => {
        const r = sample('04-dossier-non-remis.candidat.json');
        expect(statuts(r)).toEqual({ [BC01]: 'validé', [BC02]: 'validé' });
        expect(r.regles[1]).toMatchObject({ titre: 'Le dossier professionnel', statut: 'non remplie', detail: 'Le dossier professionnel du candidat a été remis au jury : non' });
    });

    it('équivalence : BC01 validé par équivalence avec RNCP31114BC01 (JSON)', () => {
        const r = sample('05-equivalence.candidat.json');
        expect(r.blocs.find(b => b.code === BC01)).toMatchObject({ statut: 'validé par équivalence', equivalence: 'RNCP31114BC01', dateAcquisition: '2024-06-28' });
        expect(r.decision).toBe('obtenue');
    });

    it('accessibilité absorbée par le seuil : obtenue, et l\'avertissement le dit', () => {
        const r = sample('06-accessibilite-absorbee.candidat.json');
        expect(r.competences.find(c => c.code === 'C1.3')).toMatchObject({ statut: 'non acquise', origine: 'critère éliminatoire' });
        expect(r.avertissements).toEqual([`Le critère éliminatoire CR1.1.5 n'est pas satisfait : la compétence C1.3 n'est pas acquise, mais le bloc ${BC01} reste validé par son seuil (75 %).`]);
    });

    it('la cohorte CSV : équivalence, plancher, fait non et fait manquant', async () => {
        const results: Record<string, EvaluationResult> = {};
        for await (const c of readCohort(path.join(CANDIDATS, 'cohorte.csv'), model)) results[c.candidat.id] = evaluateCandidate(model, c);
        expect(Object.fromEntries(Object.entries(results).map(([id, r]) => [id, r.decision]))).toEqual({
            '2026-DW-11': 'obtenue', '2026-DW-12': 'obtenue', '2026-DW-13': 'non obtenue', '2026-DW-14': 'non obtenue', '2026-DW-15': 'incomplète'
        });
        expect(results['2026-DW-12'].blocs[0]).toMatchObject({ statut: 'validé par équivalence', equivalence: 'RNCP31114BC01' });
        expect(results['2026-DW-13'].blocs[1].statut).toBe('non validé');
        expect(results['2026-DW-14'].regles[1].statut).toBe('non remplie');
        expect(results['2026-DW-15'].regles[1].detail).toContain('(dossier_professionnel) n\'est pas renseigné');
    });
});
