import { beforeAll, describe, expect, it } from 'vitest';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { allCompetences, bloc, evaluate, loadModel, regle } from './engine-helpers.js';

/**
 * Un second référentiel aux règles différentes (seuil 80 %, 50 % pour BC03, trois épreuves,
 * moyenne pondérée, note plancher, stage en heures, blocs acquis 5 ans, aménagements 6 mois) :
 * le moteur l'évalue sans une ligne de code propre à ce référentiel.
 */
let model: ReferentielModel;
beforeAll(async () => {
    model = await loadModel('test/fixtures/referentiels/technicien-reseaux', 'TECH-RESEAUX');
});

const bonnesNotes = { ecrit: 12, oral: 12, pratique: 12 };

describe('second référentiel : seuils de bloc', () => {
    it('BC01 (5 compétences, 80 %) : validé avec 4 acquises, non validé avec 3', () => {
        const quatre = evaluate(model, { competences: allCompetences(model, 'acquise', { 'C1.5': 'non acquise' }), epreuves: bonnesNotes, mesures: { stage: 300 } });
        expect(bloc(quatre, 'BC01')).toMatchObject({ statut: 'validé', acquises: 4, total: 5, seuil: 80 });
        expect(quatre.decision).toBe('obtenue');
        const trois = evaluate(model, { competences: allCompetences(model, 'acquise', { 'C1.4': 'non acquise', 'C1.5': 'non acquise' }), epreuves: bonnesNotes, mesures: { stage: 300 } });
        expect(bloc(trois, 'BC01')).toMatchObject({ statut: 'non validé', acquises: 3 });
        expect(trois.decision).toBe('non obtenue');
        expect(trois.motifs[0]).toBe('Le bloc BC01 « Installer un réseau local » n\'est pas validé : 3 compétences acquises sur 5, il en faut 4 (seuil 80 %). Compétences non acquises : C1.4 et C1.5.');
    });

    it('BC03 a son propre seuil (50 %) : une compétence sur deux suffit', () => {
        const r = evaluate(model, { competences: allCompetences(model, 'acquise', { 'C3.2': 'non acquise' }), epreuves: bonnesNotes, mesures: { stage: 300 } });
        expect(bloc(r, 'BC03')).toMatchObject({ statut: 'validé', seuil: 50, acquises: 1, total: 2 });
    });

    it('incomplet tant que le seuil reste atteignable, non validé dès qu\'il ne l\'est plus', () => {
        const r = evaluate(model, { competences: allCompetences(model, 'acquise', { 'C1.4': undefined, 'C1.5': 'non acquise' }), epreuves: bonnesNotes, mesures: { stage: 300 } });
        expect(bloc(r, 'BC01')).toMatchObject({ statut: 'incomplet', acquises: 3, nonEvaluees: 1, nonAcquises: 1 });
        expect(r.decision).toBe('incomplète');
        expect(r.motifs).toContain('Le bloc BC01 « Installer un réseau local » est incomplet : il manque le résultat de C1.4.');
        const r2 = evaluate(model, { competences: allCompetences(model, 'acquise', { 'C1.3': 'non acquise', 'C1.4': undefined, 'C1.5': 'non acquise' }), epreuves: bonnesNotes, mesures: { stage: 300 } });
        expect(bloc(r2, 'BC01').statut).toBe('non validé');
        expect(r2.decision).toBe('non obtenue');
    });
});

describe('second référentiel : épreuves, moyenne pondérée, plancher, stage', () => {
    const competences = () => allCompetences(model, 'acquise');

    it('moyenne pondérée (1, 1, 2) : 12 exactement suffit, 11,99 non', () => {
        // (10 + 10 + 2 × 14) / 4 = 12
        const juste = evaluate(model, { competences: competences(), epreuves: { ecrit: 10, oral: 10, pratique: 14 }, mesures: { stage: 280 } });
        expect(regle(juste, 'R-MOY')).toMatchObject({ statut: 'remplie', detail: 'Moyenne pondérée de « Épreuve écrite » (coefficient 1), « Entretien oral » (coefficient 1) et « Épreuve pratique sur plateau technique » (coefficient 2) : 12/20, il faut au moins 12/20' });
        expect(juste.decision).toBe('obtenue');
        const sous = evaluate(model, { competences: competences(), epreuves: { ecrit: 10, oral: 9.96, pratique: 14 }, mesures: { stage: 280 } });
        expect(regle(sous, 'R-MOY').statut).toBe('non remplie');
        expect(sous.decision).toBe('non obtenue');
        expect(sous.motifs).toContain('La condition « Moyenne pondérée des épreuves » n\'est pas remplie : Moyenne pondérée de « Épreuve écrite » (coefficient 1), « Entretien oral » (coefficient 1) et « Épreuve pratique sur plateau technique » (coefficient 2) : 11,99/20, il faut au moins 12/20.');
    });

    it('note plancher : une note sous 8 fait échouer même avec une bonne moyenne', () => {
        const r = evaluate(model, { competences: competences(), epreuves: { ecrit: 7.5, oral: 16, pratique: 16 }, mesures: { stage: 300 } });
        expect(regle(r, 'R-MOY').statut).toBe('remplie');
        expect(regle(r, 'R-PLANCHER')).toMatchObject({ statut: 'non remplie', detail: 'La plus basse de « Épreuve écrite », « Entretien oral » et « Épreuve pratique sur plateau technique » : 7,5/20, il faut au moins 8/20' });
    });

    it('stage en heures : 279 non, 280 oui ; valeurs utilisées rapportées', () => {
        const court = evaluate(model, { competences: competences(), epreuves: bonnesNotes, mesures: { stage: 279 } });
        expect(regle(court, 'R-STAGE')).toMatchObject({ statut: 'non remplie', detail: 'Stage en entreprise : 279 heures, il faut au moins 280 heures' });
        expect(regle(court, 'R-STAGE').valeurs).toEqual([{ code: 'stage', libelle: 'Stage en entreprise', valeur: 279, unite: 'heures' }]);
        expect(regle(evaluate(model, { competences: competences(), epreuves: bonnesNotes, mesures: { stage: 280 } }), 'R-STAGE').statut).toBe('remplie');
    });

    it('une note manquante rend la moyenne indéterminée… sauf si elle ne peut plus être atteinte', () => {
        const manque = evaluate(model, { competences: competences(), epreuves: { ecrit: 12, oral: 12 }, mesures: { stage: 300 } });
        expect(regle(manque, 'R-MOY').statut).toBe('indéterminée');
        expect(manque.decision).toBe('incomplète');
        expect(manque.motifs.join('\n')).toContain('la note de l\'épreuve « Épreuve pratique sur plateau technique » manque');
        // Même avec 20/20 en pratique : (2 + 2 + 40) / 4 = 11 < 12 → échec certain.
        const perdu = evaluate(model, { competences: competences(), epreuves: { ecrit: 2, oral: 2 }, mesures: { stage: 300 } });
        expect(regle(perdu, 'R-MOY').statut).toBe('non remplie');
        expect(perdu.decision).toBe('non obtenue');
    });
});

describe('second référentiel : acquis antérieurs (5 ans) et aménagements (6 mois)', () => {
    it('un bloc acquis il y a moins de 5 ans reste acquis, même si la session le rate', () => {
        const r = evaluate(model, {
            competences: allCompetences(model, 'acquise', { 'C2.1': 'non acquise', 'C2.2': 'non acquise' }),
            blocsAcquis: [{ bloc: 'BC02', date: '2022-06-30' }], epreuves: bonnesNotes, mesures: { stage: 300 }
        });
        expect(bloc(r, 'BC02')).toMatchObject({ statut: 'acquis antérieurement', dateAcquisition: '2022-06-30' });
        expect(r.decision).toBe('obtenue');
        expect(r.attestations).toEqual(['BC01', 'BC03']);
    });

    it('au-delà de 5 ans, l\'acquisition n\'est plus valable : avertissement, et le bloc est évalué sur la session', () => {
        const r = evaluate(model, {
            competences: allCompetences(model, 'acquise', { 'C2.1': 'non acquise', 'C2.2': 'non acquise' }),
            blocsAcquis: [{ bloc: 'BC02', date: '2021-06-29' }], epreuves: bonnesNotes, mesures: { stage: 300 }
        });
        expect(bloc(r, 'BC02').statut).toBe('non validé');
        expect(r.avertissements).toContain('L\'acquisition du bloc BC02 le 29 juin 2021 n\'est plus valable à la date d\'évaluation (30 juin 2026) : les blocs sont acquis pendant 5 ans. Le bloc est évalué sur les résultats de cette session.');
    });

    it('un bloc d\'une autre fiche déclaré équivalent valide le bloc par équivalence', () => {
        const r = evaluate(model, {
            competences: allCompetences(model, 'acquise', { 'C2.1': undefined, 'C2.2': undefined }),
            blocsAcquis: [{ bloc: 'RNCP99999BC03', date: '2023-01-15' }], epreuves: bonnesNotes, mesures: { stage: 300 }
        });
        expect(bloc(r, 'BC02')).toMatchObject({ statut: 'validé par équivalence', equivalence: 'RNCP99999BC03', dateAcquisition: '2023-01-15' });
        expect(bloc(r, 'BC02').motif).toBe('Validé par équivalence : le bloc RNCP99999BC03 a été acquis (15 janvier 2023).');
        expect(r.decision).toBe('obtenue');
        expect(r.attestations).toEqual(['BC01', 'BC03']);
    });

    it('un aménagement de plus de 6 mois est signalé sans changer la décision', () => {
        const r = evaluate(model, {
            competences: allCompetences(model, 'acquise'), epreuves: bonnesNotes, mesures: { stage: 300 },
            amenagements: [{ nature: 'tiers temps', debut: '2025-11-15' }, { nature: 'salle adaptée', debut: '2026-03-01' }]
        });
        expect(r.decision).toBe('obtenue');
        expect(r.avertissements).toEqual(['L\'aménagement « tiers temps » accordé le 15 novembre 2025 a pris fin le 15 mai 2026 (valable 6 mois) : il ne couvrait plus la date d\'évaluation (30 juin 2026).']);
    });
});
