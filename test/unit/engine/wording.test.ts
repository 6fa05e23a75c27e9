import { beforeAll, describe, expect, it } from 'vitest';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { allCompetences, evaluate, loadModel } from './engine-helpers.js';

/** Ce que lit le candidat : titres plutôt que codes, valeurs jamais arrondies sur le seuil, phrase du référentiel citée. */
let model: ReferentielModel;
let reseaux: ReferentielModel;
beforeAll(async () => {
    model = await loadModel('samples/data-engineer', 'DATA-ENGINEER');
    reseaux = await loadModel('test/fixtures/referentiels/technicien-reseaux', 'TECH-RESEAUX');
});

const regle = (r: ReturnType<typeof evaluate>, code: string) => r.regles.find(x => x.code === code || x.titre === code)!;
const MEMOIRE = 'La validation du mémoire et sa soutenance';

describe('explications du moteur', () => {
    it('une moyenne de 9,995 s\'écrit 9,995/20, jamais 10/20, et la règle n\'est pas remplie', () => {
        const r = evaluate(model, { competences: allCompetences(model, 'acquise'), epreuves: { memoire: 9.99, soutenance: 10 }, mesures: { periode_entreprise: 6 } });
        expect(regle(r, MEMOIRE)).toMatchObject({
            statut: 'non remplie',
            detail: 'Moyenne de « Mémoire professionnel » et « Soutenance du mémoire » : 9,995/20, il faut au moins 10/20'
        });
    });

    it('une durée de 279,996 heures s\'écrit telle quelle face à 280 heures', () => {
        const r = evaluate(reseaux, { competences: allCompetences(reseaux, 'acquise'), epreuves: { ecrit: 12, oral: 12, pratique: 12 }, mesures: { stage: 279.996 } });
        expect(regle(r, 'R-STAGE')).toMatchObject({ statut: 'non remplie', detail: 'Stage en entreprise : 279,996 heures, il faut au moins 280 heures' });
    });

    it('le motif d\'une règle non remplie cite la phrase du référentiel qui l\'énonce', () => {
        const r = evaluate(model, { competences: allCompetences(model, 'acquise'), epreuves: { memoire: 9, soutenance: 10 }, mesures: { periode_entreprise: 6 } });
        expect(r.motifs).toContain('La condition « La validation du mémoire et sa soutenance » n\'est pas remplie : Moyenne de « Mémoire professionnel » et « Soutenance du mémoire » : 9,5/20, il faut au moins 10/20.'
            + ' Le référentiel dit : « Le mémoire et la soutenance sont validés si le candidat obtient à minima une note globale de 10 sur 20. »');
    });

    it('sans note après la condition, pas de citation', () => {
        const r = evaluate(reseaux, { competences: allCompetences(reseaux, 'acquise'), epreuves: { ecrit: 12, oral: 12, pratique: 12 }, mesures: { stage: 100 } });
        const motif = r.motifs.find(m => m.includes('Stage'))!;
        expect(motif).toBe('La condition « Stage d\'au moins 280 heures » n\'est pas remplie : Stage en entreprise : 100 heures, il faut au moins 280 heures.');
    });

    it('aucune date AAAA-MM-JJ dans les phrases (motifs, avertissements, blocs)', () => {
        const r = evaluate(model, {
            competences: allCompetences(model, 'acquise'), epreuves: { memoire: 12, soutenance: 12 }, mesures: { periode_entreprise: 6 },
            blocsAcquis: [{ bloc: 'BC02', date: '2024-06-28' }], amenagements: [{ nature: 'tiers temps', debut: '2025-03-01' }]
        });
        const prose = [...r.motifs, ...r.avertissements, ...r.blocs.map(b => b.motif), ...r.regles.map(x => x.detail)].join('\n');
        expect(prose).toContain('28 juin 2024');
        expect(prose).toContain('1er mars 2025');
        expect(prose).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    });
});
