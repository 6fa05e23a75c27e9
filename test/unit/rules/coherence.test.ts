import { describe, expect, it } from 'vitest';
import { HEADER, OBTENTION, ERROR, INFO, WARNING, at, bloc, certification, expectClean, expectNone, expectOne, find, lint, uriOf } from './util.js';

describe('REF004 — code en double', () => {
    it('deux compétences C1.1 dans un fichier : chacune est signalée sur son code et désigne l\'autre', async () => {
        const text = certification(bloc(1, '    compétence C1.1 "Encore" issue de A1-1\n'));
        const ws = await lint(text);
        const found = find(ws, 'REF004');
        expect(found).toHaveLength(2);
        const ranges = [at(text, 'C1.1 "Compétence'), at(text, 'C1.1 "Encore')].map(r => ({ start: r.start, end: { line: r.start.line, character: r.start.character + 4 } }));
        expect(found.map(d => d.range)).toEqual(ranges);
        expect(found[0].severity).toBe(ERROR);
        expect(found[0].message).toBe('Le code « C1.1 » est déjà utilisé par la compétence C1.1. Chaque code doit être unique dans le référentiel DE.');
        // L'autre endroit n'est plus dans le message : il est dans relatedInformation.
        expect(found[0].relatedInformation).toEqual([{ location: { uri: uriOf(ws, 'a.ref'), range: ranges[1] }, message: 'Autre élément de code « C1.1 » : la compétence C1.1' }]);
        expect(found[1].relatedInformation).toEqual([{ location: { uri: uriOf(ws, 'a.ref'), range: ranges[0] }, message: 'Autre élément de code « C1.1 » : la compétence C1.1' }]);
    });

    it('des écritures différentes d\'un même code sont des doublons (C1.1 et C1-1)', async () => {
        const text = certification(bloc(1, '    compétence C1-1 "Encore" issue de A1-1\n'));
        const ws = await lint(text);
        expect(find(ws, 'REF004')).toHaveLength(2);
    });

    it('un code partagé par des éléments de natures différentes est un doublon', async () => {
        const text = certification(bloc(1), 'obtention {\n    épreuve C1.1 "Mémoire" sur 20\n    condition "c" : C1.1 >= 10\n}\n');
        const ws = await lint(text);
        const found = find(ws, 'REF004');
        expect(found).toHaveLength(2);
        expect(found.some(d => d.message.includes('par l\'épreuve C1.1'))).toBe(true);
    });

    it('des codes distincts ne sont pas des doublons', async () => {
        const ws = await lint(certification(bloc(1) + bloc(2)));
        expectNone(ws, 'REF004');
    });
});

describe('REF005 — propriété répétée', () => {
    const cases: Array<{ name: string; text: string; token: string; nth: number; label: string }> = [
        { name: 'niveau', text: 'certification DE "x" {\n    niveau 7\n    niveau 6\n}\n' + bloc(1) + OBTENTION, token: 'niveau 6', nth: 1, label: '« niveau »' },
        { name: 'rncp', text: 'certification DE "x" {\n    rncp RNCP1\n    rncp RNCP2\n}\n' + bloc(1) + OBTENTION, token: 'rncp RNCP2', nth: 1, label: '« rncp »' },
        { name: 'statut', text: 'certification DE "x" {\n    statut actif\n    statut inactif\n}\n' + bloc(1) + OBTENTION, token: 'statut inactif', nth: 1, label: '« statut »' },
        {
            name: 'enregistrement', text: 'certification DE "x" {\n    enregistrement du 2021-01-01 au 2026-01-01\n    enregistrement du 2022-01-01\n}\n' + bloc(1) + OBTENTION,
            token: 'enregistrement du 2022-01-01', nth: 1, label: '« enregistrement »'
        },
        {
            name: 'seuil d\'un bloc', text: certification(bloc(1, '    validé si 80 % des compétences acquises\n    validé si 90 % des compétences acquises\n')),
            token: 'validé si 90 % des compétences acquises', nth: 1, label: '« validé si … % des compétences acquises »'
        },
        { name: 'nature', text: certification(bloc(1).replace('nature "étude de cas"', 'nature "étude de cas"\n        nature "projet"')), token: 'nature "projet"', nth: 1, label: '« nature »' },
        { name: 'consigne', text: certification(bloc(1).replace('seul', 'seul\n        consigne "a"\n        consigne "b"')), token: 'consigne "b"', nth: 1, label: '« consigne »' },
        { name: 'jury', text: certification(bloc(1).replace('seul', 'seul\n        jury 2 "deux"\n        jury 3 "trois"')), token: 'jury 3 "trois"', nth: 1, label: '« jury »' },
        { name: 'seul', text: certification(bloc(1).replace('seul', 'seul\n        seul')), token: 'seul', nth: 2, label: '« seul »' },
        { name: 'en équipe', text: certification(bloc(1).replace('seul', 'en équipe\n        en équipe')), token: 'en équipe', nth: 2, label: '« en équipe »' },
        {
            name: 'seuil des blocs', text: certification(bloc(1), 'obtention {\n    bloc validé si 100 % des compétences acquises\n    bloc validé si 80 % des compétences acquises\n    condition "c" : tous les blocs validés\n}\n'),
            token: 'bloc validé si 80 % des compétences acquises', nth: 1, label: '« bloc validé si … »'
        },
        {
            name: 'blocs acquis', text: certification(bloc(1), 'obtention {\n    blocs acquis à vie\n    blocs acquis pendant 5 ans\n    condition "c" : tous les blocs validés\n}\n'),
            token: 'blocs acquis pendant 5 ans', nth: 1, label: '« blocs acquis … »'
        },
        {
            name: 'aménagement', text: certification(bloc(1), 'obtention {\n    aménagement valable 1 an\n    aménagement valable 6 mois ou temporaire\n    condition "c" : tous les blocs validés\n}\n'),
            token: 'aménagement valable 6 mois ou temporaire', nth: 1, label: '« aménagement »'
        }
    ];
    for (const c of cases) {
        it(c.name, async () => {
            const ws = await lint(c.text);
            const range = at(c.text, c.token, c.nth);
            const d = expectOne(ws, 'REF005', { severity: ERROR, message: [c.label, 'est donné plusieurs fois', 'Gardez-en une'] });
            expect(d.range.start).toEqual(range.start);
        });
    }

    it('la plage de « bloc validé si » répété couvre la propriété', async () => {
        const text = certification(bloc(1), 'obtention {\n    bloc validé si 100 % des compétences acquises\n    bloc validé si 80 % des compétences acquises\n    condition "c" : tous les blocs validés\n}\n');
        const ws = await lint(text);
        expect(find(ws, 'REF005')[0].range.end).toEqual(at(text, 'validé si 80 % des compétences acquises').end);
    });

    it('une propriété multiple (certificateur, nsf, livrable, note) n\'est pas une répétition', async () => {
        const text = 'certification DE "x" {\n    certificateur "A"\n    certificateur "B"\n    nsf "326"\n    nsf "114"\n    note "a"\n    note "b"\n}\n'
            + bloc(1).replace('seul', 'seul\n        livrable "rapport"\n        livrable "présentation"') + OBTENTION;
        const ws = await lint(text);
        expectClean(ws);
    });
});

describe('REF006 — règles d\'obtention en double', () => {
    it('deux blocs « obtention » : le second est signalé', async () => {
        const text = certification(bloc(1), OBTENTION + OBTENTION);
        const ws = await lint(text);
        const d = expectOne(ws, 'REF006', { severity: ERROR, message: ['Le référentiel DE a déjà des règles d\'obtention.', 'un seul bloc « obtention »'] });
        expect(d.range.start.line).toBe(at(text, 'obtention', 2).start.line);
        // Les premières règles d'obtention : le mot-clé du premier bloc, dans relatedInformation.
        expect(d.relatedInformation).toEqual([{ location: { uri: uriOf(ws, 'a.ref'), range: at(text, 'obtention', 1) }, message: 'Premières règles d\'obtention du référentiel DE' }]);
    });

    it('un seul bloc « obtention » ne l\'est pas', async () => {
        const ws = await lint(certification(bloc(1)));
        expectNone(ws, 'REF006');
    });
});

describe('REF007 — certification sans règles d\'obtention', () => {
    it('signalée sur le code de la certification', async () => {
        const text = HEADER + bloc(1);
        const ws = await lint(text);
        expectOne(ws, 'REF007', { severity: WARNING, range: at(text, 'DE'), message: ['La certification DE ne dit pas comment elle s\'obtient', 'obtention { … }'] });
    });

    it('pas de signalement quand « obtention » est dans un autre fichier du référentiel', async () => {
        const ws = await lint({ 'a.ref': HEADER + bloc(1), 'b.ref': 'référentiel DE\n' + OBTENTION });
        expectNone(ws, 'REF007', 'a.ref');
        expectClean(ws, 'b.ref');
    });
});

describe('REF008 — niveau européen', () => {
    it('niveau 9 est signalé sur la valeur', async () => {
        const text = certification(bloc(1), OBTENTION, 'certification DE "x" {\n    niveau 9\n}\n');
        const ws = await lint(text);
        expectOne(ws, 'REF008', { severity: ERROR, range: at(text, '9'), message: ['Le niveau 9 n\'existe pas', 'de 1 à 8'] });
    });

    it('niveau 0 et niveau décimal aussi', async () => {
        const ws0 = await lint(certification(bloc(1), OBTENTION, 'certification DE "x" { niveau 0 }\n'));
        expectOne(ws0, 'REF008', { severity: ERROR, message: ['Le niveau 0'] });
        const ws1 = await lint(certification(bloc(1), OBTENTION, 'certification DE "x" { niveau 6,5 }\n'));
        expectOne(ws1, 'REF008', { severity: ERROR, message: ['Le niveau 6,5'] });
    });

    it('niveaux 1 à 8 acceptés', async () => {
        for (const niveau of [1, 8]) {
            const ws = await lint(certification(bloc(1), OBTENTION, `certification DE "x" { niveau ${niveau} }\n`));
            expectNone(ws, 'REF008');
        }
    });
});

describe('REF009 — dates d\'enregistrement', () => {
    it('une date qui n\'existe pas', async () => {
        const text = certification(bloc(1), OBTENTION, 'certification DE "x" {\n    enregistrement du 2021-02-30 au 2026-01-01\n}\n');
        const ws = await lint(text);
        expectOne(ws, 'REF009', { severity: ERROR, range: at(text, '2021-02-30'), message: ['La date 2021-02-30 n\'existe pas', 'AAAA-MM-JJ'] });
    });

    it('un mois 13', async () => {
        const text = certification(bloc(1), OBTENTION, 'certification DE "x" {\n    enregistrement du 2021-01-01 au 2026-13-01\n}\n');
        const ws = await lint(text);
        expectOne(ws, 'REF009', { severity: ERROR, range: at(text, '2026-13-01') });
    });

    it('une fin avant le début', async () => {
        const text = certification(bloc(1), OBTENTION, 'certification DE "x" {\n    enregistrement du 2026-01-01 au 2021-01-01\n}\n');
        const ws = await lint(text);
        expectOne(ws, 'REF009', { severity: ERROR, range: at(text, '2021-01-01'), message: ['La fin d\'enregistrement (2021-01-01) précède ou égale son début (2026-01-01)'] });
    });

    it('des dates correctes, ou un début seul', async () => {
        expectNone(await lint(certification(bloc(1), OBTENTION, 'certification DE "x" { enregistrement du 2021-03-01 au 2026-03-01 }\n')), 'REF009');
        expectNone(await lint(certification(bloc(1), OBTENTION, 'certification DE "x" { enregistrement du 2024-02-29 }\n')), 'REF009');
    });
});

describe('REF010 — élément hors de sa place', () => {
    it('une compétence hors bloc dans une certification', async () => {
        const text = certification(bloc(1) + 'compétence C9.1 "Perdue"\n');
        const ws = await lint(text);
        expectOne(ws, 'REF010', { severity: ERROR, range: at(text, 'C9.1'), message: ['La compétence C9.1 est hors de tout bloc', 'inclut C9.1'] });
    });

    it('une activité hors bloc dans une certification', async () => {
        const text = certification(bloc(1) + 'activité A9 "Perdue"\n');
        const ws = await lint(text);
        expectOne(ws, 'REF010', { severity: ERROR, range: at(text, 'A9'), message: ['L\'activité A9 est hors de tout bloc'] });
    });

    it('un bloc ou des règles d\'obtention dans un socle', async () => {
        const text = 'socle S "Transverse"\ncompétence CT1 "Communiquer"\nbloc BC01 "Non" {\n    compétence C1.1 "x"\n}\nobtention {\n    condition "c" : tous les blocs validés\n}\n';
        const ws = await lint(text);
        const found = find(ws, 'REF010');
        expect(found.map(d => d.range)).toEqual([at(text, 'BC01'), at(text, 'obtention')]);
        expect(found[0].message).toContain('Un socle ne contient que des compétences et des activités partagées');
    });

    it('une compétence à la racine d\'un socle est à sa place', async () => {
        const ws = await lint('socle S "Transverse"\nactivité AT1 "Échanger"\ncompétence CT1 "Communiquer" issue de AT1\n');
        expectClean(ws);
    });

    it('un fichier « référentiel S » d\'un socle suit les règles du socle', async () => {
        const ws = await lint({ 's.ref': 'socle S "Transverse"\n', 't.ref': 'référentiel S\ncompétence CT2 "Coopérer"\n' });
        expectClean(ws, 't.ref');
    });
});

describe('REF011 — code qui masque un élément d\'un socle utilisé', () => {
    it('une certification qui définit CT1 alors que son socle le définit', async () => {
        const socle = 'socle S "Transverse"\ncompétence CT1 "Communiquer"\n';
        const text = 'certification DE "x" {\n    niveau 7\n    utilise S\n}\n' + bloc(1, '    compétence CT1 "Homonyme"\n') + OBTENTION;
        const ws = await lint({ 'a.ref': text, 's.ref': socle });
        expectOne(ws, 'REF011', { severity: WARNING, range: at(text, 'CT1'), message: ['« CT1 » est aussi celui de la compétence CT1 du socle S'] });
        expectNone(ws, 'REF004');
    });

    it('sans homonyme, rien', async () => {
        const socle = 'socle S "Transverse"\ncompétence CT1 "Communiquer"\n';
        const text = 'certification DE "x" {\n    niveau 7\n    utilise S\n}\n' + bloc(1) + OBTENTION;
        const ws = await lint({ 'a.ref': text, 's.ref': socle });
        expectNone(ws, 'REF011');
    });
});

describe('REF501 — nature de modalité inhabituelle', () => {
    it('une faute de frappe : suggestion', async () => {
        const text = certification(bloc(1).replace('"étude de cas"', '"étude de cass"'));
        const ws = await lint(text);
        expectOne(ws, 'REF501', { severity: INFO, range: at(text, '"étude de cass"'), message: ['« étude de cass » n\'est pas une nature de modalité connue', 'Vouliez-vous dire « étude de cas » ?'] });
    });

    it('une nature connue, quelle que soit la casse', async () => {
        const ws = await lint(certification(bloc(1).replace('"étude de cas"', '"Mise en situation professionnelle"')));
        expectNone(ws, 'REF501');
    });
});

describe('REF502 — modalité à la fois seule et en équipe', () => {
    it('signalée sur le code de la modalité', async () => {
        const text = certification(bloc(1).replace('seul', 'seul\n        en équipe'));
        const ws = await lint(text);
        expectOne(ws, 'REF502', { severity: ERROR, range: at(text, 'M1'), message: ['La modalité M1 est déclarée à la fois « seul » et « en équipe »'] });
    });

    it('en équipe seulement : rien', async () => {
        const ws = await lint(certification(bloc(1).replace('seul', 'en équipe')));
        expectNone(ws, 'REF502');
    });
});

describe('REF503 — texte vide', () => {
    it('compétence, critère, activité, bloc et modalité au texte vide', async () => {
        const text = certification(`bloc BC01 " " {
    activité A1-1 ""
    compétence C1.1 "" issue de A1-1
    modalité M1 "" {
        évalue C1.1
        critère CR1.1 "  " vérifie C1.1
    }
}
`);
        const ws = await lint(text);
        const found = find(ws, 'REF503');
        expect(found.every(d => d.severity === WARNING)).toBe(true);
        expect(found.map(d => d.message)).toEqual([
            'Texte vide : le bloc BC01 n\'a pas de libellé. Écrivez-le entre les guillemets.',
            'Texte vide : l\'activité A1-1 n\'a pas de libellé. Écrivez-le entre les guillemets.',
            'Texte vide : la compétence C1.1 n\'a pas de libellé. Écrivez-le entre les guillemets.',
            'Texte vide : la modalité M1 n\'a pas de libellé. Écrivez-le entre les guillemets.',
            'Texte vide : le critère CR1.1 n\'a pas de libellé. Écrivez-le entre les guillemets.'
        ]);
        expect(found[2].range).toEqual(at(text, '""', 2));
    });

    it('un texte non vide n\'est pas signalé', async () => {
        expectNone(await lint(certification(bloc(1))), 'REF503');
    });
});

describe('REF012 — code ROME ou Formacode mal formé', () => {
    it('un code ROME avec un O au lieu d\'un zéro, un Formacode à quatre chiffres', async () => {
        const text = certification(bloc(1), OBTENTION, 'certification DE "x" {\n    rome "M18O5" "Études"\n    formacode "3109" "Web"\n}\n');
        const ws = await lint(text);
        const found = find(ws, 'REF012');
        expect(found.map(d => d.severity)).toEqual([ERROR, ERROR]);
        expect(found.map(d => d.message)).toEqual([
            'Le code ROME « M18O5 » est mal formé : un code ROME est une lettre de A à N suivie de quatre chiffres (M1805).',
            'Le code Formacode « 3109 » est mal formé : un Formacode a cinq chiffres (31090).'
        ]);
        expect(found[0].range).toEqual(at(text, '"M18O5"'));
    });

    it('des codes bien formés : rien', async () => {
        expectNone(await lint(certification(bloc(1), OBTENTION, 'certification DE "x" {\n    rome "M1805"\n    formacode "31090" "Web"\n}\n')), 'REF012');
    });
});

describe('REF005 — clauses de la fiche RNCP répétées', () => {
    it('deux « objectifs » : le second est signalé', async () => {
        const text = certification(bloc(1), OBTENTION, 'certification DE "x" {\n    objectifs "Un"\n    objectifs "Deux"\n}\n');
        expectOne(await lint(text), 'REF005', { severity: ERROR, range: at(text, 'objectifs "Deux"'), message: ['objectifs'] });
    });
});
