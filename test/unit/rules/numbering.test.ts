import { describe, expect, it } from 'vitest';
import { WARNING, at, bloc, certification, expectClean, expectNone, expectOne, find, lint } from './util.js';

/** Un bloc 5 dont on choisit les codes des compétences (toutes évaluées et vérifiées). */
function bloc5(codes: string[], activites = ['A5-1']): string {
    const refs = codes.map(c => c.replace(/\s+/g, '').replace(/\.$/, '')).join(', ');
    return `bloc BC05 "Cinq" {
${activites.map(a => `    activité ${a} "Activité"\n`).join('')}${codes.map(c => `    compétence ${c} "Compétence" issue de ${activites.map(a => a).join(', ')}\n`).join('')}    modalité M5 "Projet" {
        nature "projet"
        évalue ${refs}
        critère CR5.1 "Critère" vérifie ${refs}
    }
}
`;
}

describe('REF201 — séparateurs mêlés dans une famille de codes', () => {
    it('C5-2 au milieu de C5.1, C5.3, C5.4 : signalé avec la correction', async () => {
        const text = certification(bloc5(['C5.1', 'C5-2', 'C5.3', 'C5.4']));
        const ws = await lint(text);
        const d = expectOne(ws, 'REF201', {
            severity: WARNING, range: at(text, 'C5-2'),
            message: ['« C5-2 » utilise « - » alors que les autres codes C utilisent « . »', 'écrivez « C5.2 »']
        });
        expect(d.data).toMatchObject({ code: 'REF201', fixed: 'C5.2' });
    });

    it('la majorité l\'emporte : A2.4 parmi des A2-x', async () => {
        const text = certification(bloc(1) + 'bloc BC02 "Deux" {\n    activité A2-1 "a"\n    activité A2-2 "a"\n    activité A2.3 "a"\n    compétence C2.1 "c" issue de A2-1, A2-2, A2-3\n    modalité M2 "m" {\n        évalue C2.1\n        critère CR2.1 "k" vérifie C2.1\n    }\n}\n');
        const ws = await lint(text);
        expectOne(ws, 'REF201', { severity: WARNING, range: at(text, 'A2.3'), message: ['écrivez « A2-3 »'] });
        // « A2-3 » dans « issue de » suit la correction de la définition : pas de REF003.
        expectNone(ws, 'REF003');
    });

    it('des familles différentes peuvent avoir des séparateurs différents (A1-1 et C1.1)', async () => {
        expectNone(await lint(certification(bloc(1) + bloc(2))), 'REF201');
    });
});

describe('REF202 — point final dans un code', () => {
    it('« C5.2. » : signalé sur le code, avec la correction', async () => {
        const text = certification(bloc5(['C5.1', 'C5.2.']));
        const ws = await lint(text);
        const d = expectOne(ws, 'REF202', { severity: WARNING, range: at(text, 'C5.2.'), message: ['Le code « C5.2. » se termine par un point', 'écrivez « C5.2 »'] });
        expect(d.data).toMatchObject({ fixed: 'C5.2' });
    });

    it('un code sans point final : rien', async () => {
        expectNone(await lint(certification(bloc5(['C5.1', 'C5.2']))), 'REF202');
    });
});

describe('REF203 — espace dans un code', () => {
    it('« A5. 1 » : signalé sur tout le code', async () => {
        const text = certification(bloc5(['C5.1'], ['A5. 1']).replace('issue de A5. 1', 'issue de A5.1'));
        const ws = await lint(text);
        const d = expectOne(ws, 'REF203', { severity: WARNING, range: at(text, 'A5. 1'), message: ['Le code « A5. 1 » contient une espace', 'écrivez « A5.1 »'] });
        expect(d.data).toMatchObject({ fixed: 'A5.1' });
    });

    it('un code sans espace : rien', async () => {
        expectNone(await lint(certification(bloc5(['C5.1']))), 'REF203');
    });
});

describe('REF204 — numéro qui ne correspond pas au bloc', () => {
    it('C3.4 dans le bloc BC02', async () => {
        const text = certification(bloc(2, '    compétence C3.4 "Égarée" issue de A2-1\n').replace('évalue C2.1', 'évalue C2.1, C3.4').replace('vérifie C2.1', 'vérifie C2.1, C3.4'));
        const ws = await lint(text);
        expectOne(ws, 'REF204', { severity: WARNING, range: at(text, 'C3.4', 3), message: ['C3.4 est dans le bloc BC02 (n° 2) mais son numéro commence par 3'] });
        // Le code égaré n'est pas aussi compté comme un trou dans la suite C3.x.
        expectNone(ws, 'REF205');
    });

    it('les blocs au code RNCP (RNCP35419BC02) aussi', async () => {
        const text = certification(bloc(2).replace('BC02', 'RNCP35419BC02').replace('compétence C2.1', 'compétence C3.1').replace(/C2\.1/g, 'C3.1'));
        const ws = await lint(text);
        expectOne(ws, 'REF204', { severity: WARNING, range: at(text, 'C3.1'), message: ['bloc RNCP35419BC02 (n° 2)'] });
    });

    it('C2.1 dans le bloc BC02 : rien', async () => {
        expectNone(await lint(certification(bloc(2))), 'REF204');
    });
});

describe('REF205 — trou dans la numérotation', () => {
    it('C5.1 puis C5.3 : C5.2 manque', async () => {
        const text = certification(bloc5(['C5.1', 'C5.3']));
        const ws = await lint(text);
        expectOne(ws, 'REF205', { severity: WARNING, range: at(text, 'C5.3'), message: ['Numérotation : C5.2 manque avant C5.3'] });
    });

    it('plusieurs numéros manquants', async () => {
        const text = certification(bloc5(['C5.1', 'C5.4']));
        const ws = await lint(text);
        expectOne(ws, 'REF205', { severity: WARNING, message: ['C5.2 … C5.3 manque avant C5.4'] });
    });

    it('une suite qui ne commence pas à 1', async () => {
        const text = certification(bloc5(['C5.2', 'C5.3']));
        const ws = await lint(text);
        expectOne(ws, 'REF205', { severity: WARNING, range: at(text, 'C5.2'), message: ['C5.1 manque avant C5.2'] });
    });

    it('une simple inversion n\'est pas un trou (c\'est REF206)', async () => {
        const ws = await lint(certification(bloc5(['C5.1', 'C5.3', 'C5.2'])));
        expectNone(ws, 'REF205');
        expect(find(ws, 'REF206')).toHaveLength(1);
    });

    it('une suite complète : rien', async () => {
        expectClean(await lint(certification(bloc5(['C5.1', 'C5.2', 'C5.3']))));
    });

    it('des trous non contigus : chaque plage (les longues en « … »)', async () => {
        const ws = await lint(certification(bloc5(['C5.1', 'C5.12', 'C5.3', 'C5.6'])));
        expect(find(ws, 'REF205').map(d => d.message)).toEqual([expect.stringContaining('C5.2, C5.4, C5.5, C5.7 … C5.11 manque avant C5.12')]);
    });

    // Avant : le trou était énuméré numéro par numéro (52 s et 3,8 Go pour C1.99999999999 en
    // ligne de commande, 14 s par frappe dans le serveur) ; au-delà de 2^53, sans fin.
    for (const huge of ['C5.99999999999', 'C5.99999999999999999999999999999']) {
        it(`un numéro immense (${huge}) après C5.1 : un seul REF205, exact, en un instant`, async () => {
            const started = performance.now();
            const text = certification(bloc5(['C5.1', huge]));
            const ws = await lint(text);
            expect(performance.now() - started).toBeLessThan(5_000);
            const previous = `C5.${(BigInt(huge.slice(3)) - 1n).toString()}`;
            expectOne(ws, 'REF205', { severity: WARNING, range: at(text, huge), message: [`C5.2 … ${previous} manque avant ${huge}`] });
        });
    }
});

describe('REF206 — numéro répété ou hors d\'ordre', () => {
    it('C5.3 avant C5.2', async () => {
        const text = certification(bloc5(['C5.1', 'C5.3', 'C5.2']));
        const ws = await lint(text);
        expectOne(ws, 'REF206', { severity: WARNING, range: at(text, 'C5.2'), message: ['Numérotation : C5.2 vient après C5.3', 'hors d\'ordre'] });
    });

    it('un numéro repris sous une autre écriture (C5.1 puis C5.01)', async () => {
        const text = certification(bloc5(['C5.1', 'C5.01', 'C5.2']));
        const ws = await lint(text);
        expectOne(ws, 'REF206', { severity: WARNING, range: at(text, 'C5.01'), message: ['C5.01 vient après C5.1'] });
        expectNone(ws, 'REF004');
    });

    it('un vrai doublon (C5.1 deux fois) relève de REF004, pas de REF206', async () => {
        const ws = await lint(certification(bloc5(['C5.1', 'C5.1', 'C5.2'])));
        expectNone(ws, 'REF206');
        expect(find(ws, 'REF004')).toHaveLength(2);
    });

    it('dans l\'ordre : rien', async () => {
        expectNone(await lint(certification(bloc5(['C5.1', 'C5.2']))), 'REF206');
    });
});

describe('numérotation telle que publiée (extrait du référentiel Data Engineer)', () => {
    it('C5.1, C5-2 … C5-5, C5.6 ; A5-1 et « A5. 2 » ; C5.7. : chaque irrégularité est signalée une fois', async () => {
        const text = certification(bloc(1) + bloc(2) + bloc(3) + bloc5(['C5.1', 'C5-2', 'C5-3', 'C5-4', 'C5-5', 'C5.6', 'C5.7.'], ['A5-1', 'A5. 2']));
        const ws = await lint(text);
        expect(find(ws, 'REF201').map(d => d.data)).toEqual(['A5-2', 'C5.2', 'C5.3', 'C5.4', 'C5.5'].map(fixed => expect.objectContaining({ fixed })));
        expect(find(ws, 'REF202').map(d => d.range)).toEqual([at(text, 'C5.7.')]);
        expect(find(ws, 'REF203').map(d => d.range)).toEqual([at(text, 'A5. 2')]);
        expectNone(ws, 'REF205');
        expectNone(ws, 'REF206');
    });
});
