import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateCandidate } from '../../../language-server/src/evaluation/engine.js';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { workspace } from '../../helpers.js';
import { candidate } from './engine-helpers.js';

/** « compétence acquise si 80 % des critères satisfaits » : une autre règle que « tous les critères ». */
const SOURCE = `certification SEUILS "Seuil de critères" {
}
bloc BC01 "Bloc" {
    activité A1-1 "Activité"
    compétence C1.1 "Compétence à cinq critères" issue de A1-1
    modalité M1.1 "Mise en situation" {
        évalue C1.1
        critère CR1.1.1 "Un" vérifie C1.1
        critère CR1.1.2 "Deux" vérifie C1.1
        critère CR1.1.3 "Trois" vérifie C1.1
        critère CR1.1.4 "Quatre" vérifie C1.1
        critère CR1.1.5 "Cinq (accessibilité)" vérifie C1.1 éliminatoire
    }
}
obtention {
    compétence acquise si 80 % des critères satisfaits
    condition "Blocs" : tous les blocs validés
}
`;

let model: ReferentielModel;
beforeAll(async () => {
    const ws = await workspace({ 'seuils.ref': SOURCE });
    expect(ws.diagnostics('seuils.ref').map(d => d.message)).toEqual([]);
    model = ws.services.referentiel.Models.forCode('SEUILS');
});

const S = 'satisfait' as const;
const NS = 'non satisfait' as const;
function statut(criteres: Record<string, typeof S | typeof NS>) {
    return evaluateCandidate(model, candidate({ criteres }), { date: '2026-06-30' }).competences[0];
}

describe('seuil de critères déclaré par le référentiel', () => {
    it('le critère éliminatoire ne compte pas pour acquérir : 3 des 4 autres (75 %) ne suffisent pas, 4 sur 4 oui', () => {
        expect(statut({ 'CR1.1.1': S, 'CR1.1.2': S, 'CR1.1.3': NS, 'CR1.1.4': S, 'CR1.1.5': S })).toMatchObject({
            statut: 'non acquise', origine: 'critères', motif: 'Non acquise : critère non satisfait CR1.1.3.'
        });
        expect(statut({ 'CR1.1.1': S, 'CR1.1.2': S, 'CR1.1.3': S, 'CR1.1.4': S, 'CR1.1.5': S })).toMatchObject({
            statut: 'acquise', origine: 'critères', motif: expect.stringContaining('(CR1.1.1, CR1.1.2, CR1.1.3 et CR1.1.4)')
        });
    });

    it('le critère éliminatoire satisfait seul n\'acquiert pas la compétence : non évaluée', () => {
        expect(statut({ 'CR1.1.5': S })).toMatchObject({ statut: 'non évaluée', origine: 'critères' });
    });

    it('3 satisfaits et 2 non renseignés : non évaluée ; 3 satisfaits et 2 non satisfaits : non acquise', () => {
        expect(statut({ 'CR1.1.1': S, 'CR1.1.2': S, 'CR1.1.5': S }).statut).toBe('non évaluée');
        expect(statut({ 'CR1.1.1': S, 'CR1.1.2': S, 'CR1.1.3': NS, 'CR1.1.4': NS, 'CR1.1.5': S }).statut).toBe('non acquise');
    });

    it('le critère éliminatoire l\'emporte toujours', () => {
        expect(statut({ 'CR1.1.1': S, 'CR1.1.2': S, 'CR1.1.3': S, 'CR1.1.4': S, 'CR1.1.5': NS })).toMatchObject({ statut: 'non acquise', origine: 'critère éliminatoire' });
    });

    it('un seuil au-delà de 100 % est signalé (REF304)', async () => {
        const ws = await workspace({ 'seuils.ref': SOURCE.replace('si 80 %', 'si 120 %') });
        expect(ws.codes('seuils.ref')).toContain('REF304');
    });
});
