import { describe, expect, it } from 'vitest';
import { ERROR, WARNING, at, bloc, certification, expectClean, expectNone, expectOne, find, lint } from './util.js';

describe('REF101 — compétence évaluée par aucune modalité', () => {
    it('signalée sur le code de la compétence', async () => {
        const text = certification(bloc(1, '    compétence C1.2 "Non évaluée" issue de A1-1\n'));
        const ws = await lint(text);
        const d = expectOne(ws, 'REF101', {
            severity: ERROR, range: at(text, 'C1.2'),
            message: ['La compétence C1.2 n\'est évaluée par aucune modalité', 'liste « évalue »']
        });
        expect(d.data).toMatchObject({ code: 'REF101', competence: 'C1.2' });
        // REF102 ne s'ajoute pas à REF101 : la compétence n'a pas encore de modalité.
        expectNone(ws, 'REF102');
    });

    it('évaluée par une modalité : rien', async () => {
        expectNone(await lint(certification(bloc(1))), 'REF101');
    });
});

describe('REF102 — compétence vérifiée par aucun critère', () => {
    it('évaluée mais sans critère rattaché', async () => {
        const text = certification(bloc(1).replace('évalue C1.1', 'évalue C1.1, C1.2') + '').replace('    modalité M1', '    compétence C1.2 "Sans critère" issue de A1-1\n    modalité M1');
        const ws = await lint(text);
        expectOne(ws, 'REF102', { severity: WARNING, range: at(text, 'C1.2'), message: ['Aucun critère ne vérifie la compétence C1.2', '« vérifie C1.2 »'] });
    });

    it('un critère qui vérifie la compétence suffit', async () => {
        expectNone(await lint(certification(bloc(1))), 'REF102');
    });
});

describe('REF103 — activité dont aucune compétence n\'est issue', () => {
    it('signalée sur le code de l\'activité', async () => {
        const text = certification(bloc(1, '    activité A1-2 "Orpheline"\n'));
        const ws = await lint(text);
        expectOne(ws, 'REF103', { severity: WARNING, range: at(text, 'A1-2'), message: ['Aucune compétence n\'est issue de l\'activité A1-2', '« issue de A1-2 »'] });
    });

    it('une activité qui en regroupe d\'autres n\'est pas concernée', async () => {
        const text = certification(bloc(1).replace('    activité A1-1 "Activité 1"', '    activité A1 "Groupe" {\n        activité A1-1 "Activité 1"\n    }'));
        const ws = await lint(text);
        expectClean(ws);
    });
});

describe('REF104 — critère rattaché à aucune compétence', () => {
    it('signalé sur le code du critère', async () => {
        const text = certification(bloc(1, '').replace('    }\n}', '        critère CR1.2 "Sans lien"\n    }\n}'));
        const ws = await lint(text);
        expectOne(ws, 'REF104', { severity: WARNING, range: at(text, 'CR1.2'), message: ['Le critère CR1.2 ne dit pas quelle compétence il vérifie', '« vérifie C… »'] });
    });

    it('un critère avec « vérifie » : rien', async () => {
        expectNone(await lint(certification(bloc(1))), 'REF104');
    });
});

describe('REF105 — critère qui vérifie une compétence que sa modalité n\'évalue pas', () => {
    it('signalé sur la référence fautive', async () => {
        const text = certification(bloc(1, '    compétence C1.2 "Autre" issue de A1-1\n    modalité M1b "Autre" {\n        nature "projet"\n        évalue C1.2\n        critère CR1.3 "k" vérifie C1.2\n    }\n')
            .replace('critère CR1.1 "Critère 1" vérifie C1.1', 'critère CR1.1 "Critère 1" vérifie C1.1, C1.2'));
        const ws = await lint(text);
        expectOne(ws, 'REF105', {
            severity: ERROR, range: at(text, 'C1.2', 1, 'vérifie C1.1, '),
            message: ['Le critère CR1.1 vérifie C1.2, que la modalité M1 n\'évalue pas', 'ajoutez C1.2 à sa liste « évalue »']
        });
    });

    it('un critère qui vérifie une compétence évaluée : rien', async () => {
        expectNone(await lint(certification(bloc(1))), 'REF105');
    });
});

describe('REF106 — modalité évaluant une compétence d\'un autre bloc', () => {
    it('signalée sur la référence', async () => {
        const text = certification(bloc(1) + bloc(2).replace('évalue C2.1', 'évalue C2.1, C1.1'));
        const ws = await lint(text);
        expectOne(ws, 'REF106', {
            severity: WARNING, range: at(text, 'C1.1', 1, 'évalue C2.1, '),
            message: ['La modalité M2 du bloc BC02 évalue C1.1, qui appartient au bloc BC01']
        });
    });

    it('une modalité qui n\'évalue que son bloc : rien', async () => {
        expectNone(await lint(certification(bloc(1) + bloc(2))), 'REF106');
    });
});

describe('REF107 — bloc vide', () => {
    it('signalé sur le code du bloc', async () => {
        const text = certification(bloc(1) + 'bloc BC02 "Vide" {\n}\n');
        const ws = await lint(text);
        expectOne(ws, 'REF107', { severity: ERROR, range: at(text, 'BC02'), message: ['Le bloc BC02 ne contient aucune compétence'] });
        expectNone(ws, 'REF108');
    });

    it('un bloc qui inclut une compétence de socle n\'est pas vide', async () => {
        const ws = await lint({
            's.ref': 'socle S "Transverse"\ncompétence CT1 "Communiquer"\n',
            'a.ref': 'certification DE "x" {\n    utilise S\n}\nbloc BC01 "Un" {\n    inclut CT1\n    modalité M1 "m" {\n        évalue CT1\n        critère CR1.1 "k" vérifie CT1\n    }\n}\nobtention {\n    condition "c" : tous les blocs validés\n}\n'
        });
        expectClean(ws, 'a.ref');
    });
});

describe('REF108 — bloc dont aucune compétence n\'est évaluée', () => {
    it('signalé sur le code du bloc (et chaque compétence par REF101)', async () => {
        const text = certification('bloc BC01 "Un" {\n    compétence C1.1 "a"\n    compétence C1.2 "b"\n}\n');
        const ws = await lint(text);
        expectOne(ws, 'REF108', { severity: ERROR, range: at(text, 'BC01'), message: ['Aucune compétence du bloc BC01 n\'est évaluée', 'jamais être validé'] });
        expect(find(ws, 'REF101')).toHaveLength(2);
    });

    it('une seule compétence évaluée suffit à lever REF108', async () => {
        const ws = await lint(certification(bloc(1, '    compétence C1.2 "b"\n')));
        expectNone(ws, 'REF108');
        expect(find(ws, 'REF101')).toHaveLength(1);
    });
});

describe('REF109 — modalité qui n\'évalue rien', () => {
    it('signalée sur le code de la modalité', async () => {
        const text = certification(bloc(1, '    modalité M1b "Rien" {\n        nature "projet"\n    }\n'));
        const ws = await lint(text);
        expectOne(ws, 'REF109', { severity: WARNING, range: at(text, 'M1b'), message: ['La modalité M1b n\'évalue aucune compétence', '« évalue C… »'] });
    });

    it('une modalité qui évalue : rien', async () => {
        expectNone(await lint(certification(bloc(1))), 'REF109');
    });
});

describe('REF110 — référence répétée dans une liste', () => {
    it('dans « évalue », signalée sur la répétition', async () => {
        const text = certification(bloc(1).replace('évalue C1.1', 'évalue C1.1, C1.1'));
        const ws = await lint(text);
        expectOne(ws, 'REF110', { severity: WARNING, range: at(text, 'C1.1', 1, 'évalue C1.1, '), message: ['C1.1 figure déjà dans cette liste'] });
    });

    it('la répétition sous une autre écriture compte aussi (C1.1, C1-1)', async () => {
        const text = certification(bloc(1).replace('vérifie C1.1', 'vérifie C1.1, C1-1'));
        const ws = await lint(text);
        expectOne(ws, 'REF110', { severity: WARNING, range: at(text, 'C1-1') });
    });

    it('dans « issue de » et « inclut »', async () => {
        const text = certification(bloc(1).replace('issue de A1-1', 'issue de A1-1, A1-1'));
        expect(find(await lint(text), 'REF110')).toHaveLength(1);
        const ws = await lint({
            's.ref': 'socle S "Transverse"\ncompétence CT1 "Communiquer"\n',
            'a.ref': 'certification DE "x" {\n    utilise S, S\n}\nbloc BC01 "Un" {\n    inclut CT1, CT1\n    modalité M1 "m" {\n        évalue CT1\n        critère CR1.1 "k" vérifie CT1\n    }\n}\nobtention {\n    condition "c" : tous les blocs validés\n}\n'
        });
        expect(find(ws, 'REF110')).toHaveLength(2);
    });

    it('des références distinctes : rien', async () => {
        expectNone(await lint(certification(bloc(1))), 'REF110');
    });
});

describe('REF111 — compétence de socle évaluée mais incluse dans aucun bloc', () => {
    const socle = 'socle S "Transverse"\ncompétence CT1 "Communiquer"\n';
    it('signalée sur la référence dans « évalue »', async () => {
        const text = 'certification DE "x" {\n    utilise S\n}\n' + bloc(1).replace('évalue C1.1', 'évalue C1.1, CT1') + 'obtention {\n    condition "c" : tous les blocs validés\n}\n';
        const ws = await lint({ 'a.ref': text, 's.ref': socle });
        expectOne(ws, 'REF111', {
            severity: WARNING, range: at(text, 'CT1'),
            message: ['La modalité M1 évalue CT1, une compétence de socle qu\'aucun bloc de la certification DE n\'inclut', '« inclut CT1 » au bloc BC01']
        });
    });

    it('une compétence de la certification hors bloc relève de REF010, pas de REF111', async () => {
        const text = 'certification DE "x" {\n    utilise S\n}\ncompétence C9.1 "Perdue"\n' + bloc(1).replace('évalue C1.1', 'évalue C1.1, C9.1') + 'obtention {\n    condition "c" : tous les blocs validés\n}\n';
        const ws = await lint({ 'a.ref': text, 's.ref': socle });
        expectNone(ws, 'REF111');
        expectOne(ws, 'REF010', { severity: ERROR, range: at(text, 'C9.1') });
    });

    it('incluse dans le bloc : rien', async () => {
        const text = 'certification DE "x" {\n    utilise S\n}\n' + bloc(1, '    inclut CT1\n').replace('évalue C1.1', 'évalue C1.1, CT1').replace('vérifie C1.1', 'vérifie C1.1, CT1') + 'obtention {\n    condition "c" : tous les blocs validés\n}\n';
        const ws = await lint({ 'a.ref': text, 's.ref': socle });
        expectClean(ws, 'a.ref');
    });
});
