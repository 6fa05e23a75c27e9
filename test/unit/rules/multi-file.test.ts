import { AstUtils } from 'langium';
import { describe, expect, it } from 'vitest';
import { HEADER, OBTENTION, ERROR, WARNING, at, bloc, certification, expectAt, expectClean, expectNone, expectOne, find, lint, uriOf } from './util.js';

const SPLIT = {
    'de.ref': 'certification DE "Data Engineer" {\n    niveau 7\n}\nobtention {\n    condition "Blocs" : bloc BC01 validé et bloc BC02 validé\n}\n',
    'bloc1.ref': `référentiel DE
bloc BC01 "Un" {
    activité A1-1 "a"
    compétence C1.1 "c" issue de A1-1
    compétence C1.2 "Évaluée dans le bloc 2" issue de A1-1
    modalité M1 "m" {
        nature "projet"
        évalue C1.1
        critère CR1.1 "k" vérifie C1.1
    }
}
`,
    'bloc2.ref': `référentiel DE
bloc BC02 "Deux" {
    activité A2-1 "a"
    compétence C2.1 "c" issue de A2-1
    modalité M2 "m" {
        nature "projet"
        évalue C2.1, C1.2
        critère CR2.1 "k" vérifie C2.1
        critère CR2.2 "k" vérifie C1.2
    }
}
`
};

describe('un référentiel réparti sur plusieurs fichiers', () => {
    it('une modalité de bloc2.ref évalue une compétence de bloc1.ref : la référence se résout et la couvre', async () => {
        const ws = await lint(SPLIT);
        for (const file of Object.keys(SPLIT)) {
            expectNone(ws, 'REF002', file);
            expectNone(ws, 'REF101', file);
            expectNone(ws, 'REF102', file);
        }
        // La modalité du bloc BC02 évalue une compétence du bloc BC01 : c'est signalé, dans bloc2.ref.
        expectOne(ws, 'REF106', { severity: WARNING, range: at(SPLIT['bloc2.ref'], 'C1.2'), message: ['La modalité M2 du bloc BC02 évalue C1.2, qui appartient au bloc BC01'] }, 'bloc2.ref');
        expectClean(ws, 'bloc1.ref');
        expectClean(ws, 'de.ref');
    });

    it('la référence va bien au nœud défini dans l\'autre fichier', async () => {
        const ws = await lint(SPLIT);
        const bloc2 = ws.documents.find(d => d.uri.path.endsWith('bloc2.ref'))!;
        const reference = bloc2.references.find(r => r.$refText === 'C1.2')!;
        expect('ref' in reference && (reference.ref && AstUtils.getDocument(reference.ref).uri.path)).toMatch(/bloc1\.ref$/);
    });

    it('sans la modalité de bloc2.ref, la compétence de bloc1.ref n\'est évaluée par aucune modalité', async () => {
        const ws = await lint({ ...SPLIT, 'bloc2.ref': SPLIT['bloc2.ref'].replace('évalue C2.1, C1.2', 'évalue C2.1').replace('        critère CR2.2 "k" vérifie C1.2\n', '') });
        expectOne(ws, 'REF101', { severity: ERROR, range: at(SPLIT['bloc1.ref'], 'C1.2'), message: ['La compétence C1.2'] }, 'bloc1.ref');
    });

    it('les codes en double entre deux fichiers du même référentiel : REF004 dans chacun, avec l\'autre emplacement', async () => {
        const files = { ...SPLIT, 'bloc2.ref': SPLIT['bloc2.ref'].replace('compétence C2.1 "c" issue de A2-1', 'compétence C2.1 "c" issue de A2-1\n    compétence C1.1 "Doublon" issue de A2-1') };
        const ws = await lint(files);
        const one = expectOne(ws, 'REF004', { severity: ERROR, range: at(files['bloc1.ref'], 'C1.1'), message: ['Le code « C1.1 » est déjà utilisé par la compétence C1.1.'] }, 'bloc1.ref');
        const two = expectOne(ws, 'REF004', { severity: ERROR, range: at(files['bloc2.ref'], 'C1.1'), message: ['unique dans le référentiel DE'] }, 'bloc2.ref');
        // Chacun désigne l'autre (fichier et ligne) par relatedInformation.
        expect(one.relatedInformation).toEqual([{ location: { uri: uriOf(ws, 'bloc2.ref'), range: at(files['bloc2.ref'], 'C1.1') }, message: 'Autre élément de code « C1.1 » : la compétence C1.1' }]);
        expect(one.relatedInformation![0].location.range.start.line + 1).toBe(5);
        expect(two.relatedInformation).toEqual([{ location: { uri: uriOf(ws, 'bloc1.ref'), range: at(files['bloc1.ref'], 'C1.1') }, message: 'Autre élément de code « C1.1 » : la compétence C1.1' }]);
        expect(two.relatedInformation![0].location.range.start.line + 1).toBe(4);
    });

    it('deux référentiels différents peuvent avoir chacun leur C1.1', async () => {
        const other = 'certification AUTRE "Autre" {\n    niveau 5\n}\n' + bloc(1) + OBTENTION;
        const ws = await lint({ 'a.ref': certification(bloc(1)), 'b.ref': other });
        expectClean(ws, 'a.ref');
        expectClean(ws, 'b.ref');
        // Chaque référence se résout dans son propre référentiel.
        const b = ws.documents.find(d => d.uri.path.endsWith('b.ref'))!;
        const reference = b.references.find(r => r.$refText === 'C1.1')!;
        expect('ref' in reference && (reference.ref && AstUtils.getDocument(reference.ref).uri.path)).toMatch(/b\.ref$/);
    });

    it('deux fichiers qui déclarent la même certification : REF004 sur chaque en-tête', async () => {
        const ws = await lint({ 'a.ref': certification(bloc(1)), 'b.ref': 'certification DE "Encore" {\n    niveau 7\n}\n' });
        expectOne(ws, 'REF004', { severity: ERROR, range: at(HEADER, 'DE'), message: ['la certification DE'] }, 'a.ref');
        expectOne(ws, 'REF004', { severity: ERROR, range: at('certification DE', 'DE') }, 'b.ref');
    });

    it('des règles d\'obtention dans deux fichiers : REF006 sur la seconde', async () => {
        const ws = await lint({ ...SPLIT, 'regles.ref': 'référentiel DE\n' + OBTENTION });
        expectNone(ws, 'REF006', 'de.ref');
        const d = expectOne(ws, 'REF006', { severity: ERROR, message: ['Le référentiel DE a déjà des règles d\'obtention.'] }, 'regles.ref');
        expect(d.relatedInformation).toEqual([{ location: { uri: uriOf(ws, 'de.ref'), range: at(SPLIT['de.ref'], 'obtention') }, message: 'Premières règles d\'obtention du référentiel DE' }]);
        expect(d.relatedInformation![0].location.range.start.line + 1).toBe(4);
    });
});

describe('un socle de compétences partagées par deux certifications', () => {
    const files = {
        'socle.ref': `socle TRANSVERSE "Compétences transverses" {
    note "Partagées par A et B"
}
activité AT1 "Communiquer"
compétence CT1 "Présenter ses travaux" issue de AT1
compétence CT2 "Travailler en équipe" issue de AT1
`,
        'socle-suite.ref': 'référentiel TRANSVERSE\ncompétence CT3 "Rédiger" issue de AT1\n',
        'a.ref': `certification A "Certification A" {
    niveau 6
    utilise TRANSVERSE
}
bloc BC01 "Un" {
    inclut CT1, CT3
    compétence C1.1 "Propre à A"
    modalité M1 "Soutenance" {
        nature "soutenance"
        évalue C1.1, CT1, CT3
        critère CR1.1 "k" vérifie C1.1
        critère CR1.2 "k" vérifie CT1, CT3
    }
}
${OBTENTION}`,
        'b.ref': `certification B "Certification B" {
    niveau 5
    utilise TRANSVERSE
}
bloc BC01 "Un" {
    inclut CT1, CT2
    compétence C1.1 "Propre à B"
    modalité M1 "Projet" {
        nature "projet"
        évalue C1.1, CT2
        critère CR1.1 "k" vérifie C1.1, CT2
    }
}
${OBTENTION}`
    };

    it('les références au socle se résolvent, y compris vers un fichier « référentiel TRANSVERSE »', async () => {
        const ws = await lint(files);
        for (const file of Object.keys(files)) {
            expectNone(ws, 'REF002', file);
        }
        const a = ws.documents.find(d => d.uri.path.endsWith('a.ref'))!;
        const ct3 = a.references.find(r => r.$refText === 'CT3')!;
        expect('ref' in ct3 && (ct3.ref && AstUtils.getDocument(ct3.ref).uri.path)).toMatch(/socle-suite\.ref$/);
    });

    it('la couverture se juge par certification : CT1 évaluée par A, pas par B', async () => {
        const ws = await lint(files);
        expectClean(ws, 'a.ref');
        expectOne(ws, 'REF101', {
            severity: ERROR, range: at(files['b.ref'], 'CT1'),
            message: ['La compétence CT1 n\'est évaluée par aucune modalité']
        }, 'b.ref');
        expect(find(ws, 'REF101', 'b.ref')).toHaveLength(1);
        expectClean(ws, 'socle.ref');
        expectClean(ws, 'socle-suite.ref');
    });

    it('les compétences du socle ne sont pas des doublons des compétences C1.1 de A et B', async () => {
        const ws = await lint(files);
        for (const file of Object.keys(files)) expectNone(ws, 'REF004', file);
    });

    it('sans « utilise », les codes du socle ne se résolvent pas', async () => {
        const ws = await lint({ ...files, 'b.ref': files['b.ref'].replace('    utilise TRANSVERSE\n', '') });
        expect(find(ws, 'REF002', 'b.ref').length).toBeGreaterThanOrEqual(2);
        expectClean(ws, 'a.ref');
    });

    it('« utilise » d\'un socle inconnu : REF002 avec suggestion', async () => {
        const text = files['a.ref'].replace('utilise TRANSVERSE', 'utilise TRANSVERS');
        const ws = await lint({ ...files, 'a.ref': text });
        expectAt(ws, 'REF002', { severity: ERROR, range: at(text, 'TRANSVERS'), message: ['Aucun référentiel « TRANSVERS »', 'Vouliez-vous dire TRANSVERSE ?'] });
    });
});

describe('sévérités configurées (RuleSettings)', () => {
    it('REF102 désactivée puis reconstruite : le diagnostic disparaît ; remis en erreur : il revient en erreur', async () => {
        const text = certification(bloc(1).replace('critère CR1.1 "Critère 1" vérifie C1.1', 'critère CR1.1 "Critère 1"'));
        const ws = await lint(text);
        expect(find(ws, 'REF102')).toHaveLength(1);
        const builder = ws.services.shared.workspace.DocumentBuilder;

        ws.services.validation.RuleSettings.set({ REF102: 'off' });
        await builder.build(ws.documents, { validation: true });
        expectNone(ws, 'REF102');
        expect(find(ws, 'REF104')).toHaveLength(1);

        ws.services.validation.RuleSettings.set({ REF102: 'error', REF104: 'info' });
        await builder.build(ws.documents, { validation: true });
        expectOne(ws, 'REF102', { severity: ERROR });
        expectOne(ws, 'REF104', { severity: 3 });

        ws.services.validation.RuleSettings.set({});
        await builder.build(ws.documents, { validation: true });
        expectOne(ws, 'REF102', { severity: WARNING });
    });

    it('les erreurs de liaison et de syntaxe se configurent aussi', async () => {
        const text = certification(bloc(1, '    modalité M9 "x" {\n        évalue C9.9\n    }\n'));
        const ws = await lint(text);
        ws.services.validation.RuleSettings.set({ REF002: 'warning' });
        await ws.services.shared.workspace.DocumentBuilder.build(ws.documents, { validation: true });
        expectOne(ws, 'REF002', { severity: WARNING });
    });
});
