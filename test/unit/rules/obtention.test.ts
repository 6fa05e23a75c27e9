import { describe, expect, it } from 'vitest';
import { ERROR, WARNING, at, bloc, certification, expectClean, expectNone, expectOne, find, lint } from './util.js';

const DECLARATIONS = `    épreuve memoire "Mémoire" sur 20
    épreuve soutenance "Soutenance" sur 20
    épreuve oral "Oral" sur 100
    mesure periode "Période en entreprise" en mois
`;

/** Une certification à deux blocs dont les règles d'obtention ont ces conditions (et toutes les épreuves sont utilisées). */
function withConditions(conditions: string, declarations = DECLARATIONS, uses = true): string {
    const used = uses ? '    condition "Usage" : memoire >= 0 et soutenance >= 0 et oral >= 0 et periode >= 0 mois\n' : '';
    return certification(bloc(1) + bloc(2), `obtention {\n${declarations}${used}${conditions}}\n`);
}

describe('règles d\'obtention du référentiel Data Engineer : aucune remarque', () => {
    it('tous les blocs, période de 6 mois, moyenne mémoire/soutenance >= 10', async () => {
        const text = certification(bloc(1) + bloc(2), `obtention {
    bloc validé si 100 % des compétences acquises
    épreuve memoire "Mémoire" sur 20
    épreuve soutenance "Soutenance" sur 20
    mesure periode_entreprise "Période en entreprise" en mois
    condition "Blocs" : tous les blocs validés
    condition "Période" : periode_entreprise >= 6 mois
    condition "Mémoire" : moyenne(memoire, soutenance) >= 10
    condition C4 "Variante" : moyenne pondérée(memoire coef 2, soutenance coef 1) ≥ 10 ou (nombre de blocs validés >= 1 et bloc BC01 validé)
    condition "Deux sur trois" : nombre(memoire >= 10, soutenance >= 10, periode_entreprise >= 6 mois) >= 2
    condition "Bornes" : memoire >= 8 et memoire <= 20 et non (soutenance < 5) et min(memoire, soutenance) > 4 et max(memoire, soutenance) ≠ 0
    condition "Somme" : somme(memoire, soutenance) >= 20 et memoire + soutenance >= 20 et memoire / 2 >= 4
    blocs acquis à vie
    aménagement valable 1 an ou temporaire
}
`);
        expectClean(await lint(text));
    });
});

describe('REF301 — épreuve ou mesure utilisée mais non déclarée', () => {
    it('signalée sur le nom, avec « Vouliez-vous dire »', async () => {
        const text = withConditions('    condition "c" : memoir >= 10\n');
        const ws = await lint(text);
        const d = expectOne(ws, 'REF301', {
            severity: ERROR, range: at(text, 'memoir '.trim(), 1, 'condition "c" : '),
            message: ['« memoir » n\'est pas déclaré', 'épreuve memoir "…" sur 20', 'Vouliez-vous dire memoire ?']
        });
        expect(d.data).toMatchObject({ code: 'REF301', suggestions: ['memoire'] });
        expectNone(ws, 'REF002');
    });

    it('déclarée : rien', async () => {
        expectNone(await lint(withConditions('    condition "c" : memoire >= 10\n')), 'REF301');
    });
});

describe('REF302 — épreuve ou mesure déclarée mais jamais utilisée', () => {
    it('une épreuve et une mesure déclarées sans condition qui les utilise', async () => {
        const text = withConditions('    condition "c" : memoire >= 10\n', DECLARATIONS, false);
        const ws = await lint(text);
        const found = find(ws, 'REF302');
        expect(found.map(d => d.range)).toEqual([at(text, 'soutenance'), at(text, 'oral'), at(text, 'periode')]);
        expect(found.every(d => d.severity === WARNING)).toBe(true);
        expect(found[0].message).toBe('L\'épreuve soutenance est déclarée mais aucune condition ne l\'utilise.');
        expect(found[2].message).toBe('La mesure periode est déclarée mais aucune condition ne l\'utilise.');
    });

    it('une épreuve utilisée dans une autre certification ne compte pas', async () => {
        const other = 'certification AUTRE "Autre" { niveau 5 }\n' + bloc(1) + 'obtention {\n    épreuve memoire "Mémoire" sur 20\n    condition "c" : memoire >= 10\n}\n';
        const text = certification(bloc(1), 'obtention {\n    épreuve memoire "Mémoire" sur 20\n    condition "c" : tous les blocs validés\n}\n');
        const ws = await lint({ 'a.ref': text, 'b.ref': other });
        expectOne(ws, 'REF302', { severity: WARNING, range: at(text, 'memoire') });
        expectNone(ws, 'REF302', 'b.ref');
    });

    it('utilisée : rien', async () => {
        expectNone(await lint(withConditions('')), 'REF302');
    });
});

describe('REF303 — types incompatibles', () => {
    it('une note comparée à une durée', async () => {
        const text = withConditions('    condition "c" : memoire >= 6 mois\n');
        const ws = await lint(text);
        expectOne(ws, 'REF303', { severity: ERROR, range: at(text, 'memoire >= 6 mois'), message: ['On ne peut pas comparer ou combiner une note sur 20 avec une mesure en mois'] });
    });

    it('6 semaines comparées à une mesure en mois', async () => {
        const text = withConditions('    condition "c" : periode >= 6 semaines\n');
        const ws = await lint(text);
        expectOne(ws, 'REF303', { severity: ERROR, range: at(text, 'periode >= 6 semaines'), message: ['Unités différentes : mois et semaines', 'même unité'] });
    });

    it('une note comparée à une mesure', async () => {
        const text = withConditions('    condition "c" : memoire >= periode\n');
        expectOne(await lint(text), 'REF303', { severity: ERROR, range: at(text, 'memoire >= periode'), message: ['une note sur 20 avec une mesure en mois'] });
    });

    it('des notes sur des barèmes différents dans une moyenne', async () => {
        const text = withConditions('    condition "c" : moyenne(memoire, oral) >= 10\n');
        expectOne(await lint(text), 'REF303', { severity: ERROR, range: at(text, 'moyenne(memoire, oral)'), message: ['« moyenne » mêle des notes sur des barèmes différents (20, 100)'] });
    });

    it('une condition qui n\'est pas vraie ou fausse', async () => {
        const text = withConditions('    condition "c" : moyenne(memoire, soutenance)\n');
        expectOne(await lint(text), 'REF303', { severity: ERROR, range: at(text, 'moyenne(memoire, soutenance)'), message: ['Une condition doit être vraie ou fausse ; ceci est une note sur 20', '« >= 10 »'] });
    });

    it('« et » sur une note', async () => {
        const text = withConditions('    condition "c" : tous les blocs validés et memoire\n');
        expectOne(await lint(text), 'REF303', { severity: ERROR, range: at(text, 'memoire', 1, 'validés et '), message: ['« et » attend une condition, pas une note sur 20'] });
    });

    it('une opération imbriquée dans une chaîne est signalée à sa place (« 2 * … » dans « memoire + 2 * … »)', async () => {
        const text = withConditions('    condition "c" : memoire + 2 * tous les blocs validés >= 3\n');
        expectOne(await lint(text), 'REF303', { severity: ERROR, range: at(text, '2 * tous les blocs validés'), message: ['« * » ne s\'applique pas à une condition'] });
    });

    it('une note comparée à un pourcentage', async () => {
        const text = withConditions('    condition "c" : memoire >= 50 %\n');
        expectOne(await lint(text), 'REF303', { severity: ERROR, message: ['une note sur 20 avec un pourcentage'] });
    });

    it('un barème nul', async () => {
        const text = withConditions('', DECLARATIONS + '    épreuve rien "Rien" sur 0\n    condition "r" : rien >= 0\n');
        expectOne(await lint(text), 'REF303', { severity: ERROR, range: at(text, '0', 1, 'Rien" sur '), message: ['Le barème d\'une épreuve doit être strictement positif'] });
    });

    it('des types compatibles : rien', async () => {
        expectNone(await lint(withConditions('    condition "c" : memoire >= soutenance et periode >= 6 mois et oral >= 50\n')), 'REF303');
    });
});

describe('REF304 — pourcentage hors de 0 à 100 %', () => {
    it('dans le seuil d\'un bloc', async () => {
        const text = certification(bloc(1, '    validé si 120 % des compétences acquises\n'));
        expectOne(await lint(text), 'REF304', { severity: ERROR, range: at(text, '120'), message: ['120 % n\'est pas un pourcentage possible'] });
    });

    it('dans le seuil des blocs de l\'obtention', async () => {
        const text = certification(bloc(1), 'obtention {\n    bloc validé si 150 % des compétences acquises\n    condition "c" : tous les blocs validés\n}\n');
        expectOne(await lint(text), 'REF304', { severity: ERROR, range: at(text, '150'), message: ['150 %'] });
    });

    it('dans une condition', async () => {
        const text = withConditions('    condition "c" : nombre de blocs validés >= 101 %\n');
        const ws = await lint(text);
        expectOne(ws, 'REF304', { severity: ERROR, range: at(text, '101 %'), message: ['101 % n\'est pas un pourcentage possible (de 0 à 100 %)'] });
    });

    it('100 % et 80 % : rien', async () => {
        expectNone(await lint(certification(bloc(1, '    validé si 80 % des compétences acquises\n'))), 'REF304');
    });
});

describe('REF305 — seuil hors du barème', () => {
    it('moyenne(memoire, soutenance) >= 25 avec des barèmes sur 20', async () => {
        const text = withConditions('    condition "c" : moyenne(memoire, soutenance) >= 25\n');
        const ws = await lint(text);
        expectOne(ws, 'REF305', {
            severity: ERROR, range: at(text, '25'),
            message: ['Le seuil 25 est hors du barème de « moyenne(memoire, soutenance) », qui va de 0 à 20']
        });
        // Le même défaut n'est pas signalé une seconde fois comme condition impossible.
        expectNone(ws, 'REF306');
    });

    it('seuil à gauche : 25 <= memoire', async () => {
        const text = withConditions('    condition "c" : 25 <= memoire\n');
        expectOne(await lint(text), 'REF305', { severity: ERROR, range: at(text, '25'), message: ['barème de « memoire »'] });
    });

    it('une épreuve sur 100 accepte 50', async () => {
        expectNone(await lint(withConditions('    condition "c" : oral >= 50\n')), 'REF305');
    });
});

describe('REF306 — condition impossible à remplir', () => {
    it('memoire > 12 et memoire < 10', async () => {
        const text = withConditions('    condition "c" : memoire > 12 et memoire < 10\n');
        expectOne(await lint(text), 'REF306', {
            severity: ERROR, range: at(text, 'memoire > 12 et memoire < 10'),
            message: ['Cette condition ne peut jamais être remplie : les contraintes sur « memoire » se contredisent']
        });
    });

    it('memoire > 20 sur un barème de 20', async () => {
        const text = withConditions('    condition "c" : memoire > 20\n');
        const ws = await lint(text);
        expectOne(ws, 'REF306', { severity: ERROR, range: at(text, 'memoire > 20'), message: ['« memoire » ne peut valoir que de 0 à 20'] });
        expectNone(ws, 'REF305');
    });

    it('plus de blocs validés qu\'il n\'y a de blocs', async () => {
        const text = withConditions('    condition "c" : nombre de blocs validés >= 3\n');
        expectOne(await lint(text), 'REF306', { severity: ERROR, message: ['« nombre de blocs validés » ne peut valoir que de 0 à 2'] });
    });

    it('une mesure négative', async () => {
        const text = withConditions('    condition "c" : periode < 0 mois\n');
        expectOne(await lint(text), 'REF306', { severity: ERROR, range: at(text, 'periode < 0 mois'), message: ['« periode » ne peut pas être négatif'] });
    });

    it('dans une branche de « ou »', async () => {
        const text = withConditions('    condition "c" : tous les blocs validés ou memoire > 20\n');
        expectOne(await lint(text), 'REF306', { severity: ERROR, range: at(text, 'memoire > 20') });
    });

    it('des contraintes contradictoires dans une branche de « ou » : la conjonction de la branche', async () => {
        const text = withConditions('    condition "c" : memoire >= 0 ou memoire > 12 et memoire < 10 et soutenance >= 0\n');
        expectOne(await lint(text), 'REF306', { severity: ERROR, range: at(text, 'memoire > 12 et memoire < 10 et soutenance >= 0'), message: ['les contraintes sur « memoire » se contredisent'] });
    });

    it('sous « non », une contrainte impossible n\'est pas signalée comme impossible', async () => {
        expectNone(await lint(withConditions('    condition "c" : non (memoire > 12 et memoire < 10)\n')), 'REF306');
    });

    it('des contraintes compatibles : rien', async () => {
        expectNone(await lint(withConditions('    condition "c" : memoire >= 10 et memoire <= 20 et memoire = 15 et periode >= 6 mois et periode < 24 mois\n')), 'REF306');
    });

    it('une différence de notes peut être négative : memoire - soutenance < 0 est possible', async () => {
        const ws = await lint(withConditions('    condition "c" : memoire - soutenance < 0 et 20 - memoire >= 0\n'));
        expectNone(ws, 'REF306');
        expectNone(ws, 'REF305');
    });

    it('les bornes d\'une expression suivent ses opérations', async () => {
        const text = withConditions('    condition "c" : memoire - soutenance > 20\n    condition "d" : memoire + 2 >= 23\n');
        const ws = await lint(text);
        expectOne(ws, 'REF306', { severity: ERROR, range: at(text, 'memoire - soutenance > 20'), message: ['« memoire - soutenance » ne peut valoir que de -20 à 20'] });
        expectOne(ws, 'REF305', { severity: ERROR, range: at(text, '23'), message: ['Le seuil 23 est hors du barème de « memoire + 2 », qui va de 2 à 22'] });
    });

    it('des unités différentes ne sont pas prises pour une contradiction', async () => {
        const ws = await lint(withConditions('    condition "c" : periode >= 6 mois et periode < 2 ans\n'));
        expectNone(ws, 'REF306');
        expect(find(ws, 'REF303')).toHaveLength(1);
    });
});

describe('REF307 — appel de fonction invalide', () => {
    it('moyenne pondérée sans coefficient', async () => {
        const text = withConditions('    condition "c" : moyenne pondérée(memoire coef 2, soutenance) >= 10\n');
        expectOne(await lint(text), 'REF307', {
            severity: ERROR, range: at(text, 'moyenne pondérée(memoire coef 2, soutenance)'),
            message: ['Dans une moyenne pondérée, chaque terme a un coefficient']
        });
    });

    it('coef hors d\'une moyenne pondérée (signalé une seule fois)', async () => {
        const text = withConditions('    condition "c" : moyenne(memoire coef 2, soutenance) >= 10 et memoire >= 5\n');
        expectOne(await lint(text), 'REF307', { severity: ERROR, range: at(text, 'memoire coef 2'), message: ['« coef » n\'a de sens que dans « moyenne pondérée(…) »'] });
    });

    it('pondérée sur autre chose qu\'une moyenne', async () => {
        const text = withConditions('    condition "c" : max pondérée(memoire coef 1, soutenance coef 2) >= 10\n');
        expectOne(await lint(text), 'REF307', { severity: ERROR, message: ['« pondérée » ne s\'applique qu\'à « moyenne », pas à « max »'] });
    });

    it('un coefficient nul', async () => {
        const text = withConditions('    condition "c" : moyenne pondérée(memoire coef 0, soutenance coef 1) >= 10\n');
        expectOne(await lint(text), 'REF307', { severity: ERROR, range: at(text, 'memoire coef 0'), message: ['Un coefficient doit être strictement positif'] });
    });

    it('une moyenne pondérée complète : rien', async () => {
        expectNone(await lint(withConditions('    condition "c" : moyenne pondérée(memoire coef 2, soutenance coef 1) >= 10\n')), 'REF307');
    });
});

describe('REF308 — règles d\'obtention sans condition', () => {
    it('signalées sur « obtention »', async () => {
        const text = certification(bloc(1), 'obtention {\n    blocs acquis à vie\n}\n');
        const ws = await lint(text);
        const d = expectOne(ws, 'REF308', { severity: WARNING, message: ['Les règles d\'obtention de DE n\'ont aucune condition', 'tous les blocs validés'] });
        expect(d.range.start).toEqual(at(text, 'obtention').start);
    });

    it('avec une condition : rien', async () => {
        expectNone(await lint(certification(bloc(1))), 'REF308');
    });
});
