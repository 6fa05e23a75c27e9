import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCandidateJson, readCohort } from '../../../language-server/src/evaluation/candidates/index.js';
import { evaluateCandidate } from '../../../language-server/src/evaluation/engine.js';
import type { EvaluationResult } from '../../../language-server/src/evaluation/types.js';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { allCompetences, bloc, evaluate, loadModel, ROOT } from './engine-helpers.js';

/** Le référentiel Data Engineer (l'échantillon) et ses dossiers candidats d'exemple. */
let model: ReferentielModel;
beforeAll(async () => {
    model = await loadModel('samples/data-engineer', 'DATA-ENGINEER');
});

const CANDIDATS = path.join(ROOT, 'samples/data-engineer/candidats');

function sample(name: string): EvaluationResult {
    const file = path.join(CANDIDATS, name);
    return evaluateCandidate(model, readCandidateJson(file, readFileSync(file, 'utf8'), model));
}

/** Le fait que rapportent les dossiers : les compétences de la période en entreprise ont été évaluées. */
const EVALUEES = { competences_periode_evaluees: true };

const R_BLOCS = 'La validation des 5 blocs de compétences';
const R_PERIODE = 'La validation de la période en entreprise';
const R_MEMOIRE = 'La validation du mémoire et sa soutenance';
const rule = (r: EvaluationResult, titre: string) => r.regles.find(x => x.titre === titre)!;

describe('Data Engineer : les dossiers d\'exemple', () => {
    it('chaque dossier d\'exemple donne la décision que son nom annonce', () => {
        const expected: Record<string, string> = {
            '01-obtenue.candidat.json': 'obtenue',
            '02-bloc-non-valide.candidat.json': 'non obtenue',
            '03-incomplet.candidat.json': 'incomplète',
            '04-bloc-acquis-anterieurement.candidat.json': 'obtenue',
            '05-critere-eliminatoire.candidat.json': 'non obtenue',
            '06-moyenne-juste-sous-10.candidat.json': 'non obtenue',
            '07-moyenne-exactement-10.candidat.json': 'obtenue'
        };
        const files = readdirSync(CANDIDATS).filter(f => f.endsWith('.candidat.json')).sort();
        expect(files).toEqual(Object.keys(expected));
        for (const file of files) {
            expect(sample(file).decision, file).toBe(expected[file]);
        }
    });

    it('obtenue : les cinq blocs validés, les trois règles remplies, cinq attestations', () => {
        const r = sample('01-obtenue.candidat.json');
        expect(r.blocs.map(b => b.statut)).toEqual(['validé', 'validé', 'validé', 'validé', 'validé']);
        expect(rule(r, R_MEMOIRE).detail).toBe('Moyenne de « Mémoire professionnel » et « Soutenance du mémoire » : 10,75/20, il faut au moins 10/20');
        expect(rule(r, R_PERIODE).detail).toBe('Période en entreprise : 6 mois, il faut au moins 6 mois ; Les compétences mises en œuvre pendant la période en entreprise ont été évaluées : oui');
        expect(r.attestations).toEqual(['BC01', 'BC02', 'BC03', 'BC04', 'BC05']);
        expect(r.motifs).toEqual([]);
    });

    it('un bloc non validé : le motif nomme le bloc et les compétences', () => {
        const r = sample('02-bloc-non-valide.candidat.json');
        expect(bloc(r, 'BC03')).toMatchObject({ statut: 'non validé', acquises: 6, total: 8 });
        expect(r.motifs[0]).toMatch(/^Le bloc BC03 « Organiser et mettre en oeuvre .* » n'est pas validé : 6 compétences acquises sur 8, il en faut 8 \(seuil 100 %\)\. Compétences non acquises : C3\.5 et C3\.7\.$/);
        expect(r.attestations).toEqual(['BC01', 'BC02', 'BC04', 'BC05']);
    });

    it('incomplet : rien n\'échoue, mais des résultats manquent (bloc et note)', () => {
        const r = sample('03-incomplet.candidat.json');
        expect(bloc(r, 'BC04').statut).toBe('incomplet');
        expect(rule(r, R_MEMOIRE).statut).toBe('indéterminée');
        expect(r.motifs).toContain('Le bloc BC04 « Concevoir, mettre en œuvre et optimiser un modèle d\'Intelligence Artificielle/Machine Learning » est incomplet : il manque les résultats de C4.4 et C4.5.');
        expect(r.motifs.join(' ')).toContain('la note de l\'épreuve « Soutenance du mémoire » manque');
    });

    it('bloc acquis antérieurement : acquis à vie, pas d\'attestation nouvelle, aménagement expiré signalé', () => {
        const r = sample('04-bloc-acquis-anterieurement.candidat.json');
        expect(bloc(r, 'BC02')).toMatchObject({ statut: 'acquis antérieurement', dateAcquisition: '2024-06-28', motif: 'Acquis antérieurement (28 juin 2024) : les blocs sont acquis à vie.' });
        expect(r.attestations).not.toContain('BC02');
        expect(r.avertissements).toEqual(['L\'aménagement « temps majoré d\'un tiers » accordé le 1er mars 2025 a pris fin le 1er mars 2026 (valable 1 an) : il ne couvrait plus la date d\'évaluation (30 juin 2026).']);
    });

    it('critère éliminatoire non satisfait : l\'emporte sur « acquise » du jury', () => {
        const r = sample('05-critere-eliminatoire.candidat.json');
        const c16 = r.competences.find(c => c.code === 'C1.6')!;
        expect(c16).toMatchObject({ statut: 'non acquise', origine: 'critère éliminatoire' });
        expect(r.motifs).toContain('La compétence C1.6 n\'est pas acquise : le critère éliminatoire CR1.2.9 n\'est pas satisfait (« La solution développée/adaptée est respectueuse des normes de type RGAA. »).');
    });

    it('moyenne 9,99 : non remplie ; exactement 10 : remplie', () => {
        expect(rule(sample('06-moyenne-juste-sous-10.candidat.json'), R_MEMOIRE)).toMatchObject({ statut: 'non remplie', detail: 'Moyenne de « Mémoire professionnel » et « Soutenance du mémoire » : 9,99/20, il faut au moins 10/20' });
        expect(rule(sample('07-moyenne-exactement-10.candidat.json'), R_MEMOIRE)).toMatchObject({ statut: 'remplie', detail: 'Moyenne de « Mémoire professionnel » et « Soutenance du mémoire » : 10/20, il faut au moins 10/20' });
    });
});

describe('Data Engineer : cas limites', () => {
    const full = () => allCompetences(model, 'acquise');
    const notes = { memoire: 12, soutenance: 12 };

    it('période en entreprise : 5,9 mois non, 6 mois oui', () => {
        expect(rule(evaluate(model, { competences: full(), epreuves: notes, faits: EVALUEES, mesures: { periode_entreprise: 5.9 } }), R_PERIODE).statut).toBe('non remplie');
        expect(rule(evaluate(model, { competences: full(), epreuves: notes, faits: EVALUEES, mesures: { periode_entreprise: 6 } }), R_PERIODE).statut).toBe('remplie');
    });

    it('100 % moins une compétence : le bloc n\'est pas validé', () => {
        for (const code of ['C2.10', 'C5.9', 'C1.1']) {
            const r = evaluate(model, { competences: allCompetences(model, 'acquise', { [code]: 'non acquise' }), epreuves: notes, faits: EVALUEES, mesures: { periode_entreprise: 6 } });
            const blocCode = `BC0${code[1]}`;
            expect(bloc(r, blocCode).statut, code).toBe('non validé');
            expect(r.decision).toBe('non obtenue');
        }
    });

    it('un échec certain l\'emporte sur un manque', () => {
        const r = evaluate(model, { competences: allCompetences(model, 'acquise', { 'C1.1': 'non acquise', 'C2.1': undefined }), epreuves: { memoire: 12 } });
        expect(r.decision).toBe('non obtenue');
        expect(rule(r, R_BLOCS).statut).toBe('non remplie');
        expect(rule(r, R_PERIODE).statut).toBe('indéterminée');
    });

    it('compétences déduites des seuls critères : acquise si tous ses critères sont satisfaits', () => {
        const criteres = Object.fromEntries(model.criteres.map(c => [c.name, 'satisfait' as const]));
        const r = evaluate(model, { criteres, epreuves: notes, faits: EVALUEES, mesures: { periode_entreprise: 6 } });
        expect(r.decision).toBe('obtenue');
        expect(r.competences.every(c => c.origine === 'critères' && c.statut === 'acquise')).toBe(true);
        const missing = { ...criteres };
        delete missing['CR4.1.1'];
        const r2 = evaluate(model, { criteres: missing, epreuves: notes, faits: EVALUEES, mesures: { periode_entreprise: 6 } });
        expect(r2.competences.find(c => c.code === 'C4.1')!.statut).toBe('non évaluée');
        expect(r2.decision).toBe('incomplète');
    });
});

describe('Data Engineer : la cohorte d\'exemple (CSV enregistré par Excel)', () => {
    it('se lit (Windows-1252, « ; », virgules décimales) et donne les décisions attendues', async () => {
        const decisions: Record<string, string> = {};
        for await (const candidate of readCohort(path.join(CANDIDATS, 'cohorte-session-2026.csv'), model)) {
            decisions[candidate.candidat.id] = evaluateCandidate(model, candidate, { date: '2026-06-30' }).decision;
        }
        expect(decisions).toEqual({
            '2026-0101': 'obtenue', '2026-0102': 'non obtenue', '2026-0103': 'incomplète', '2026-0104': 'non obtenue',
            '2026-0105': 'obtenue', '2026-0106': 'non obtenue', '2026-0107': 'obtenue', '2026-0108': 'non obtenue'
        });
    });
});
