import { describe, expect, it } from 'vitest';
import { evaluateCandidate } from '../../../language-server/src/evaluation/engine.js';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { workspace } from '../../helpers.js';
import { candidate, type PlainCandidate } from './engine-helpers.js';

/**
 * Les règles que les référentiels énoncent (issue 9, §2) : portée des critères éliminatoires,
 * compétence jamais acquise sur ses seuls critères éliminatoires, épreuves des modalités avec
 * plancher, faits oui/non, compétences et critères nommés dans les conditions, aménagements.
 */
async function model(source: string): Promise<ReferentielModel> {
    const ws = await workspace({ 'r.ref': source });
    const errors = ws.diagnostics('r.ref').filter(d => d.severity === 1).map(d => `${d.code} ${d.message}`);
    expect(errors).toEqual([]);
    return ws.services.referentiel.Models.forCode('R');
}

function run(m: ReferentielModel, plain: PlainCandidate, date = '2026-06-30') {
    return evaluateCandidate(m, candidate(plain), { date });
}

/** Deux blocs de quatre compétences ; BC01 à 75 %, chaque portée de critère éliminatoire. */
const SCOPES = (seuil: number, condition = 'tous les blocs validés') => `certification R "Portées" {
}
bloc BC01 "Front-end" {
    validé si ${seuil} % des compétences acquises
    compétence C1.1 "Un"
    compétence C1.2 "Deux"
    compétence C1.3 "Trois"
    compétence C1.4 "Quatre"
    modalité M1.1 "Projet" {
        évalue C1.1, C1.2, C1.3, C1.4
        critère CR1.1.1 "Accessibilité" vérifie C1.2 éliminatoire
        critère CR1.1.2 "Sécurité" vérifie C1.3 éliminatoire pour le bloc
        critère CR1.1.3 "Données personnelles" éliminatoire pour la certification vérifie C1.4
        critère CR1.1.4 "Explicite" vérifie C1.1 éliminatoire pour la compétence
    }
}
bloc BC02 "Back-end" {
    compétence C2.1 "Cinq"
    modalité M2.1 "Projet" {
        évalue C2.1
        critère CR2.1.1 "Base" vérifie C2.1
    }
}
obtention {
    condition "Blocs" : ${condition}
}
`;
const ALL = { 'C1.1': 'acquise', 'C1.2': 'acquise', 'C1.3': 'acquise', 'C1.4': 'acquise', 'C2.1': 'acquise' } as const;
const NS = 'non satisfait' as const;

describe('critères éliminatoires : portée', () => {
    it('portée compétence, absorbée par un seuil de 75 % : bloc validé, obtenue, et le rapport le dit', async () => {
        const m = await model(SCOPES(75));
        const r = run(m, { competences: { ...ALL }, criteres: { 'CR1.1.1': NS } });
        expect(r.competences.find(c => c.code === 'C1.2')).toMatchObject({ statut: 'non acquise', origine: 'critère éliminatoire' });
        expect(r.blocs[0]).toMatchObject({ statut: 'validé', acquises: 3 });
        expect(r.decision).toBe('obtenue');
        expect(r.avertissements).toContain('Le critère éliminatoire CR1.1.1 n\'est pas satisfait : la compétence C1.2 n\'est pas acquise, mais le bloc BC01 reste validé par son seuil (75 %).');
    });

    it('portée compétence, non absorbée à 100 % : bloc non validé, non obtenue, pas d\'avertissement', async () => {
        const m = await model(SCOPES(100));
        const r = run(m, { competences: { ...ALL }, criteres: { 'CR1.1.1': NS } });
        expect(r.blocs[0].statut).toBe('non validé');
        expect(r.decision).toBe('non obtenue');
        expect(r.avertissements.filter(a => a.includes('CR1.1.1'))).toEqual([]);
    });

    it('« éliminatoire pour la compétence » est la portée par défaut écrite en toutes lettres', async () => {
        const m = await model(SCOPES(75));
        const r = run(m, { competences: { ...ALL }, criteres: { 'CR1.1.4': NS } });
        expect(r.blocs[0].statut).toBe('validé');
        expect(r.avertissements.some(a => a.startsWith('Le critère éliminatoire CR1.1.4'))).toBe(true);
    });

    it('portée bloc : le bloc n\'est pas validé même si le seuil de 75 % serait atteint', async () => {
        const m = await model(SCOPES(75));
        const r = run(m, { competences: { ...ALL }, criteres: { 'CR1.1.2': NS } });
        expect(r.blocs[0]).toMatchObject({ statut: 'non validé', acquises: 3, motif: 'Non validé : le critère éliminatoire CR1.1.2 n\'est pas satisfait (« Sécurité ») et il élimine le bloc.' });
        expect(r.decision).toBe('non obtenue');
        expect(r.motifs[0]).toBe('Le bloc BC01 « Front-end » n\'est pas validé : le critère éliminatoire CR1.1.2 n\'est pas satisfait (« Sécurité »).');
        // Le motif du bloc suffit : pas de second motif pour la compétence.
        expect(r.motifs.filter(x => x.includes('CR1.1.2'))).toHaveLength(1);
    });

    it('portée bloc, absorbée par les règles d\'obtention (un bloc sur deux suffit) : obtenue, avec un avertissement', async () => {
        const m = await model(SCOPES(75, 'nombre de blocs validés >= 1'));
        const r = run(m, { competences: { ...ALL }, criteres: { 'CR1.1.2': NS } });
        expect(r.blocs[0].statut).toBe('non validé');
        expect(r.decision).toBe('obtenue');
        expect(r.avertissements).toContain('Le critère éliminatoire CR1.1.2 élimine le bloc BC01, mais les règles d\'obtention n\'exigent pas ce bloc : la certification reste obtenue.');
    });

    it('portée certification : non obtenue malgré des blocs validés, une règle non remplie le dit', async () => {
        const m = await model(SCOPES(75, 'nombre de blocs validés >= 1'));
        const r = run(m, { competences: { ...ALL }, criteres: { 'CR1.1.3': NS } });
        expect(r.blocs.map(b => b.statut)).toEqual(['validé', 'validé']);
        expect(r.decision).toBe('non obtenue');
        expect(r.regles[0]).toMatchObject({ code: 'CR1.1.3', statut: 'non remplie', titre: 'Critère éliminatoire pour la certification : CR1.1.3' });
        expect(r.motifs).toContain('La condition « Critère éliminatoire pour la certification : CR1.1.3 » n\'est pas remplie : le critère CR1.1.3 n\'est pas satisfait (« Données personnelles »).');
    });

    it('tous satisfaits : aucune portée ne joue', async () => {
        const m = await model(SCOPES(100));
        const S = 'satisfait' as const;
        const r = run(m, { competences: { ...ALL }, criteres: { 'CR1.1.1': S, 'CR1.1.2': S, 'CR1.1.3': S, 'CR1.1.4': S } });
        expect(r.decision).toBe('obtenue');
        expect(r.avertissements).toEqual([]);
    });
});

describe('une compétence n\'est jamais acquise sur ses seuls critères éliminatoires', () => {
    const SOURCE = `certification R "Acquisition" {
}
bloc BC01 "B" {
    compétence C1.1 "Présenter de façon accessible"
    compétence C1.2 "Seulement éliminatoire"
    modalité M1.1 "M" {
        évalue C1.1, C1.2
        critère CR1.1.1 "Présentation accessible" vérifie C1.1 éliminatoire
        critère CR1.1.2 "Indicateurs pertinents" vérifie C1.1
        critère CR1.1.3 "Sécurité" vérifie C1.2 éliminatoire
        critère CR1.1.4 "Confidentialité" vérifie C1.2 éliminatoire
    }
}
obtention {
    condition "Blocs" : tous les blocs validés
}
`;
    const S = 'satisfait' as const;

    it('le critère éliminatoire satisfait seul : non évaluée (il ne fait que retirer)', async () => {
        const m = await model(SOURCE);
        expect(run(m, { criteres: { 'CR1.1.1': S } }).competences[0]).toMatchObject({ statut: 'non évaluée', origine: 'critères' });
    });

    it('avec l\'autre critère satisfait : acquise ; non satisfait : non acquise', async () => {
        const m = await model(SOURCE);
        expect(run(m, { criteres: { 'CR1.1.1': S, 'CR1.1.2': S } }).competences[0].statut).toBe('acquise');
        expect(run(m, { criteres: { 'CR1.1.1': S, 'CR1.1.2': NS } }).competences[0].statut).toBe('non acquise');
    });

    it('une compétence dont tous les critères sont éliminatoires : acquise quand tous sont satisfaits', async () => {
        const m = await model(SOURCE);
        const acquise = run(m, { criteres: { 'CR1.1.3': S, 'CR1.1.4': S } }).competences[1];
        expect(acquise).toMatchObject({ statut: 'acquise', motif: 'Acquise : ses critères, tous éliminatoires, sont satisfaits (CR1.1.3 et CR1.1.4).' });
        expect(run(m, { criteres: { 'CR1.1.3': S } }).competences[1].statut).toBe('non évaluée');
        expect(run(m, { criteres: { 'CR1.1.3': S, 'CR1.1.4': NS } }).competences[1]).toMatchObject({ statut: 'non acquise', origine: 'critère éliminatoire' });
    });
});

describe('épreuves notées : plancher', () => {
    const SOURCE = `certification R "Planchers" {
}
bloc BC01 "B" {
    compétence C1.1 "Un"
    modalité M1.1 "Questionnaire" {
        évalue C1.1
        épreuve qcm "Questionnaire professionnel" sur 20 coefficient 2 durée 30 minutes plancher 8
        critère CR1.1.1 "Réponses justes" vérifie C1.1
    }
}
obtention {
    épreuve oral "Soutenance" sur 20 coefficient 1 plancher 6
    épreuve ecrit "Écrit" sur 20
    condition "Blocs" : tous les blocs validés
    condition "Moyenne" : moyenne pondérée(qcm, oral, ecrit coef 1) >= 10
}
`;
    const C = { 'C1.1': 'acquise' } as const;

    it('note exactement au plancher : le bloc est validé, la condition est remplie', async () => {
        const m = await model(SOURCE);
        const r = run(m, { competences: C, epreuves: { qcm: 8, oral: 16, ecrit: 8 } });
        expect(r.blocs[0].statut).toBe('validé');
        // (2 × 8 + 16 + 8) / 4 = 10 : le coefficient déclaré par l'épreuve est repris.
        expect(r.regles.find(x => x.titre === 'Moyenne')!.statut).toBe('remplie');
        expect(r.decision).toBe('obtenue');
    });

    it('note juste sous le plancher de la modalité : bloc non validé, et le motif dit pourquoi', async () => {
        const m = await model(SOURCE);
        const r = run(m, { competences: C, epreuves: { qcm: 7.99, oral: 20, ecrit: 20 } });
        expect(r.blocs[0]).toMatchObject({ statut: 'non validé', motif: 'Non validé : la note de l\'épreuve « Questionnaire professionnel » est 7,99/20, sous son plancher de 8/20.' });
        expect(r.motifs[0]).toBe('Le bloc BC01 « B » n\'est pas validé : la note de l\'épreuve « Questionnaire professionnel » est 7,99/20, sous son plancher de 8/20.');
        expect(r.decision).toBe('non obtenue');
    });

    it('note juste sous le plancher dans une condition : non remplie malgré la moyenne, et le détail le dit', async () => {
        const m = await model(SOURCE);
        const r = run(m, { competences: C, epreuves: { qcm: 20, oral: 5.5, ecrit: 20 } });
        const moyenne = r.regles.find(x => x.titre === 'Moyenne')!;
        expect(moyenne.statut).toBe('non remplie');
        expect(moyenne.detail).toContain('la note de l\'épreuve « Soutenance » est 5,5/20, sous son plancher de 6/20');
        expect(r.decision).toBe('non obtenue');
        const juste = run(m, { competences: C, epreuves: { qcm: 20, oral: 6, ecrit: 20 } });
        expect(juste.regles.find(x => x.titre === 'Moyenne')!.statut).toBe('remplie');
    });

    it('note manquante d\'une épreuve à plancher : bloc incomplet', async () => {
        const m = await model(SOURCE);
        const r = run(m, { competences: C, epreuves: { oral: 12, ecrit: 12 } });
        expect(r.blocs[0]).toMatchObject({ statut: 'incomplet', motif: 'Incomplet : la note de l\'épreuve « Questionnaire professionnel » manque (plancher 8/20).' });
        expect(r.decision).toBe('incomplète');
    });
});

describe('faits, compétences et critères dans les conditions', () => {
    const SOURCE = `certification R "Faits" {
}
bloc BC01 "B" {
    compétence C1.1 "Un"
    compétence C1.2 "Deux"
    modalité M1.1 "M" {
        évalue C1.1, C1.2
        critère CR1.1.1 "Consignation" vérifie C1.1
        critère CR1.1.2 "Remise en service" vérifie C1.2
    }
}
obtention {
    bloc validé si 50 % des compétences acquises
    mesure periode "Période en entreprise" en mois
    fait evaluees "Les compétences de la période ont été évaluées"
    condition "Période" : periode >= 6 mois et evaluees
    condition "Sécurité" : compétence C1.1 acquise et critère CR1.1.2 satisfait
}
`;
    const base: PlainCandidate = { competences: { 'C1.1': 'acquise', 'C1.2': 'acquise' }, criteres: { 'CR1.1.2': 'satisfait' }, mesures: { periode: 6 } };

    it('fait vrai : remplie ; faux : non remplie ; absent : indéterminée, et le rapport dit quel fait manque', async () => {
        const m = await model(SOURCE);
        const vrai = run(m, { ...base, faits: { evaluees: true } });
        expect(vrai.regles[0]).toMatchObject({ statut: 'remplie', detail: 'Période en entreprise : 6 mois, il faut au moins 6 mois ; Les compétences de la période ont été évaluées : oui' });
        expect(vrai.decision).toBe('obtenue');
        const faux = run(m, { ...base, faits: { evaluees: false } });
        expect(faux.regles[0].statut).toBe('non remplie');
        expect(faux.motifs).toContain('La condition « Période » n\'est pas remplie : Période en entreprise : 6 mois, il faut au moins 6 mois ; Les compétences de la période ont été évaluées : non.');
        const absent = run(m, base);
        expect(absent.regles[0]).toMatchObject({ statut: 'indéterminée' });
        expect(absent.regles[0].detail).toContain('le fait « Les compétences de la période ont été évaluées » (evaluees) n\'est pas renseigné');
        expect(absent.decision).toBe('incomplète');
    });

    it('un fait faux l\'emporte sur un fait ou une mesure manquants (échec certain)', async () => {
        const m = await model(SOURCE);
        expect(run(m, { ...base, mesures: {}, faits: { evaluees: false } }).regles[0].statut).toBe('non remplie');
    });

    it('« compétence C1.1 acquise » et « critère CR1.1.2 satisfait » suivent le dossier', async () => {
        const m = await model(SOURCE);
        const faits = { evaluees: true };
        expect(run(m, { ...base, faits }).regles[1]).toMatchObject({ statut: 'remplie', detail: 'compétence C1.1 : acquise ; critère CR1.1.2 : satisfait' });
        const nonAcquise = run(m, { ...base, faits, competences: { 'C1.1': 'non acquise', 'C1.2': 'acquise' } });
        expect(nonAcquise.regles[1].statut).toBe('non remplie');
        expect(nonAcquise.decision).toBe('non obtenue');
        expect(run(m, { ...base, faits, criteres: { 'CR1.1.2': 'non satisfait' } }).regles[1].statut).toBe('non remplie');
        const manque = run(m, { ...base, faits, criteres: {} });
        expect(manque.regles[1].statut).toBe('indéterminée');
        expect(manque.regles[1].detail).toContain('le critère CR1.1.2 n\'est pas renseigné');
        const nonEvaluee = run(m, { ...base, faits, competences: { 'C1.2': 'acquise' } });
        expect(nonEvaluee.regles[1].detail).toContain('la compétence C1.1 n\'est pas évaluée');
    });
});

describe('aménagements', () => {
    const SOURCE = (temporaire: boolean) => `certification R "Aménagements" {
}
bloc BC01 "B" {
    compétence C1.1 "Un"
    modalité M1.1 "M" {
        évalue C1.1
        critère CR1.1.1 "c" vérifie C1.1
    }
}
obtention {
    condition "Blocs" : tous les blocs validés
    aménagement valable 1 an${temporaire ? ' ou temporaire' : ''}
}
`;
    const C = { competences: { 'C1.1': 'acquise' } } as const;

    it('« ou temporaire » : la fin du dossier est retenue (expirée avant la date : avertissement ; le jour même : aucun)', async () => {
        const m = await model(SOURCE(true));
        const expire = run(m, { ...C, amenagements: [{ nature: 'temps majoré', debut: '2026-01-10', fin: '2026-03-31' }] });
        expect(expire.avertissements).toHaveLength(1);
        expect(expire.avertissements[0]).toContain('a pris fin le 31 mars 2026');
        const jour = run(m, { ...C, amenagements: [{ nature: 'temps majoré', debut: '2026-01-10', fin: '2026-06-30' }] });
        expect(jour.avertissements).toEqual([]);
    });

    it('sans « ou temporaire » : la fin du dossier n\'est pas retenue, l\'aménagement vaut son année (avertissement)', async () => {
        const m = await model(SOURCE(false));
        const r = run(m, { ...C, amenagements: [{ nature: 'temps majoré', debut: '2026-01-10', fin: '2026-03-31' }] });
        expect(r.avertissements).toEqual(['L\'aménagement « temps majoré » a une date de fin (31 mars 2026), mais le référentiel ne prévoit pas d\'aménagement temporaire : il vaut 1 an, jusqu\'au 10 janvier 2027.']);
    });

    it('une fin au-delà de sa validité : avertissement, compté jusqu\'à la fin de sa validité', async () => {
        const m = await model(SOURCE(true));
        const r = run(m, { ...C, amenagements: [{ nature: 'secrétaire', debut: '2025-05-01', fin: '2026-12-31' }] });
        expect(r.avertissements[0]).toBe('L\'aménagement « secrétaire » accordé le 1er mai 2025 finit le 31 décembre 2026, au-delà de sa validité (1 an, jusqu\'au 1er mai 2026) : il est compté jusqu\'au 1er mai 2026.');
        expect(r.avertissements[1]).toContain('a pris fin le 1er mai 2026');
    });

    it('commencé après la date d\'évaluation : avertissement ; commencé le jour même : aucun', async () => {
        const m = await model(SOURCE(true));
        const apres = run(m, { ...C, amenagements: [{ nature: 'temps majoré', debut: '2026-07-01' }] });
        expect(apres.avertissements).toEqual(['L\'aménagement « temps majoré » commence le 1er juillet 2026, après la date d\'évaluation (30 juin 2026) : il ne la couvre pas.']);
        expect(run(m, { ...C, amenagements: [{ nature: 'temps majoré', debut: '2026-06-30' }] }).avertissements).toEqual([]);
    });
});
