import { describe, expect, it, vi } from 'vitest';
import { HEADER, all, OBTENTION, ERROR, WARNING, at, bloc, certification, expectClean, expectNone, expectOne, find, lint } from './util.js';

describe('REF001 — erreurs de syntaxe', () => {
    it('signale un jeton attendu, en français, sur le jeton fautif', async () => {
        const text = 'certification DE "Data Engineer" {\n    niveau 7\nbloc BC01 "Un" { }\n';
        const ws = await lint(text);
        const d = expectOne(ws, 'REF001', { severity: ERROR, range: at(text, 'bloc'), message: ['Accolade « } » manquante', 'ouverte ligne 1 (la certification DE)', 'avant « bloc »'] });
        expect(d.message).not.toMatch(/Expecting|expected/);
    });

    it('un fichier correct n\'a pas de REF001', async () => {
        const ws = await lint(certification(bloc(1)));
        expectNone(ws, 'REF001');
    });

    it('un caractère inconnu est une erreur de lexique avec un conseil', async () => {
        const text = certification(bloc(1)) + '@\n';
        const ws = await lint(text);
        const d = find(ws, 'REF001')[0];
        expect(d.message).toContain('Caractère inattendu « @ »');
        expect(d.range.start).toEqual(at(text, '@').start);
    });

    it('un fichier vide demande un en-tête', async () => {
        const ws = await lint('');
        expectOne(ws, 'REF001', { severity: ERROR, message: ['le fichier se termine trop tôt', 'certification'] });
    });

    it('un fichier sans en-tête dit quels en-têtes sont possibles', async () => {
        const text = 'bloc BC01 "x" { compétence C1.1 "y" }\n';
        const ws = await lint(text);
        expectOne(ws, 'REF001', { severity: ERROR, range: at(text, 'bloc'), message: ['doit commencer par son en-tête', 'référentiel CODE', 'certification CODE', 'socle CODE'] });
    });
});

/**
 * Fichiers cassés : l'arbre est partiel (références manquantes, textes absents). Rien ne doit
 * lever d'exception, et seules les erreurs de syntaxe REF001 sont montrées pour ce fichier.
 */
describe('REF001 — fichiers cassés : seules les erreurs de syntaxe, sans exception', () => {
    const broken: Record<string, string> = {
        'accolade fermante manquante': 'certification DE "Data Engineer" {\n    niveau 7\nbloc BC01 "Un" {\n    compétence C1.1 "Analyser"\n    modalité M1 "Mise" {\n        évalue C1.1\n        critère CR1 "x" vérifie C1.1\n    }\n}\n',
        'textes manquants': 'certification DE "Data Engineer"\nbloc BC01 {\n    compétence C1.1\n    modalité M1 "Mise" {\n        évalue C1.1\n    }\n    compétence C1.2 "x" issue de\n}\n',
        'mot-clé inconnu': HEADER + 'bloc BC01 "Un" {\n    compétence C1.1 "Analyser"\n    modalité M1 "Mise" {\n        évalue C1.1\n        machin C1.1\n    }\n}\n' + OBTENTION,
        'texte non fermé': 'certification DE "Data Engineer" { niveau 7 }\nbloc BC01 "un" {\n    compétence C1.1 "Analyser\n}\n',
        'en-tête incomplet': 'référentiel\n',
        'en-tête de socle cassé': 'socle S "a" {\ncompétence C1 "x" }\n@@@ ',
        'expression incomplète': HEADER + bloc(1) + 'obtention {\n    épreuve memoire "Mémoire" sur 20\n    condition "a" : memoire >= \n}\n',
        'appel incomplet': HEADER + bloc(1) + 'obtention {\n    condition "c" : moyenne(memoire coef, ) >= 10 et (x\n',
        'modalité sans nom': HEADER + 'bloc BC01 "Un" {\n    compétence C1.1 "A"\n    modalité "Mise" {\n        évalue C1.1, \n        critère vérifie C1.1 éliminatoire\n    }\n}\n' + OBTENTION,
        'obtention tronquée': HEADER + bloc(1) + 'obtention {\n    épreuve memoire "M" sur\n    mesure p "P" en\n    condition : \n    blocs acquis pendant\n    aménagement valable\n',
        'dates et niveau tronqués': 'certification DE "x" {\n    niveau\n    enregistrement du 2021-01-01 au\n    utilise\n}\n',
        'condition négative tronquée': HEADER + bloc(1) + 'obtention {\n    condition "x" : non\n    condition "y" : nombre(\n}\n',
        'inclut vide': HEADER + 'bloc BC01 "Un" {\n    inclut\n    validé si % des compétences acquises\n}\n' + OBTENTION
    };
    // Un second fichier correct du même référentiel lit l'arbre partiel à travers le modèle.
    const sibling = 'référentiel DE\n' + bloc(2, '    modalité M2b "Transverse" {\n        nature "étude de cas"\n        évalue C1.1, C2.1\n    }\n') +
        'obtention {\n    épreuve memoire "Mémoire" sur 20\n    condition "c" : bloc BC01 validé et memoire >= 10 et nombre de blocs validés >= 1\n}\n';
    for (const [name, text] of Object.entries(broken)) {
        it(name, async () => {
            const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
            const ws = await lint({ 'a.ref': text, 'z.ref': sibling });
            expect(errors).not.toHaveBeenCalled();
            errors.mockRestore();
            for (const d of all(ws, 'z.ref')) {
                expect(d.code, d.message).toMatch(/^REF\d{3}$/);
                expect(d.message).not.toMatch(/An error occurred/);
            }
            const diagnostics = all(ws);
            expect(diagnostics.length).toBeGreaterThan(0);
            for (const d of diagnostics) {
                expect(d.code, d.message).toBe('REF001');
                expect(d.severity).toBe(ERROR);
                expect(d.message).toMatch(/^\p{Lu}|^«/u);
                expect(d.message).not.toMatch(/An error occurred|Expecting|undefined/);
            }
        });
    }

    it('un fichier cassé n\'empêche pas de vérifier les autres fichiers du référentiel', async () => {
        const ws = await lint({
            'a.ref': certification(bloc(1)),
            'b.ref': 'référentiel DE\nbloc BC02 "Deux" {\n    compétence C2.1 "x"\n    modalité M2 "y" {\n'
        });
        expect(ws.codes('b.ref').every(c => c === 'REF001')).toBe(true);
        expectClean(ws, 'a.ref');
    });
});

describe('REF002 — référence non résolue', () => {
    it('signale le code inconnu sur le jeton, avec « Vouliez-vous dire »', async () => {
        const text = certification(bloc(1, '    modalité M1b "Autre" {\n        nature "étude de cas"\n        évalue C1.2\n        critère CR1.2 "x" vérifie C1.1\n    }\n'));
        const ws = await lint(text);
        const d = expectOne(ws, 'REF002', {
            severity: ERROR,
            range: at(text, 'C1.2'),
            message: ['La compétence « C1.2 » n\'existe pas dans le référentiel DE', 'Vouliez-vous dire C1.1 ?']
        });
        expect(d.data).toMatchObject({ code: 'REF002', suggestions: ['C1.1'] });
    });

    it('sans candidat proche, pas de suggestion', async () => {
        const text = certification(bloc(1, '    modalité M9 "Autre" {\n        évalue XYZ99\n    }\n'));
        const ws = await lint(text);
        const d = expectOne(ws, 'REF002', { severity: ERROR, range: at(text, 'XYZ99') });
        expect(d.message).not.toContain('Vouliez-vous dire');
    });

    it('une activité inconnue dans « issue de »', async () => {
        const text = certification('bloc BC01 "Un" {\n    activité A1-1 "a"\n    compétence C1.1 "c" issue de A1-2\n    modalité M1 "m" {\n        évalue C1.1\n        critère CR1.1 "k" vérifie C1.1\n    }\n}\n');
        const ws = await lint(text);
        expectOne(ws, 'REF002', { severity: ERROR, range: at(text, 'A1-2'), message: ['L\'activité « A1-2 » n\'existe pas', 'Vouliez-vous dire A1-1 ?'] });
    });

    it('un référentiel inconnu dans « référentiel X »', async () => {
        const ws = await lint({ 'a.ref': certification(bloc(1)), 'b.ref': 'référentiel DF\n' });
        expectOne(ws, 'REF002', { severity: ERROR, range: at('référentiel DF\n', 'DF'), message: ['Aucun référentiel « DF »', 'Vouliez-vous dire DE ?'] }, 'b.ref');
    });

    it('un code d\'un autre référentiel ne se résout pas', async () => {
        const other = 'certification AUTRE "Autre" { niveau 6 }\n' + bloc(3) + OBTENTION;
        const text = certification(bloc(1, '    modalité M1b "x" {\n        évalue C3.1\n    }\n'));
        const ws = await lint({ 'a.ref': text, 'b.ref': other });
        expectOne(ws, 'REF002', { severity: ERROR, range: at(text, 'C3.1'), message: ['« C3.1 » n\'existe pas dans le référentiel DE'] });
    });

    it('une référence correcte n\'est pas signalée', async () => {
        const ws = await lint(certification(bloc(1)));
        expectNone(ws, 'REF002');
    });
});

describe('REF003 — référence écrite autrement que sa définition', () => {
    const body = `bloc BC01 "Un" {
    activité A1-1 "a"
    compétence C1.1 "c1" issue de A1-1
    compétence C1.2 "c2" issue de A1-1
    compétence C1.3 "c3" issue de A1-1
    modalité M1 "m" {
        évalue C1-1, C1.2, C1.3
        critère CR1.1 "k" vérifie C1.1, C1.2, C1.3
    }
}
`;
    it('C1-1 écrit pour C1.1 dans une famille au séparateur « . »', async () => {
        const text = certification(body);
        const ws = await lint(text);
        const d = expectOne(ws, 'REF003', {
            severity: WARNING,
            range: at(text, 'C1-1'),
            message: ['« C1-1 » est écrit autrement que sa définition', 'la compétence « C1.1 »', 'écrivez « C1.1 »']
        });
        expect(d.data).toMatchObject({ code: 'REF003', fixed: 'C1.1' });
        // La référence est bien résolue (pas de REF002) et compte pour la couverture.
        expectNone(ws, 'REF002');
        expectNone(ws, 'REF101');
    });

    it('une référence qui suit la correction de sa définition n\'est pas signalée', async () => {
        // C1.2. (point final) est corrigé en C1.2 : la référence « C1.2 » est déjà la bonne écriture.
        const text = certification(body.replace('évalue C1-1', 'évalue C1.1').replace('compétence C1.2 "c2"', 'compétence C1.2. "c2"'));
        const ws = await lint(text);
        expectNone(ws, 'REF003');
        expectOne(ws, 'REF202', { severity: WARNING, range: at(text, 'C1.2.') });
    });

    it('une référence écrite comme sa définition n\'est pas signalée', async () => {
        const ws = await lint(certification(body.replace('évalue C1-1', 'évalue C1.1')));
        expectClean(ws);
    });
});
