import { describe, expect, it } from 'vitest';
import { HEADER, INFO, OBTENTION, at, bloc, certification, expectClean, expectNone, expectOne, lint } from './util.js';

/** Un bloc dont la compétence C1.1 a ce texte et le critère CR1.1 ce suffixe (éliminatoire ou non). */
function blocAccessible(texte: string, critere = ''): string {
    return bloc(1).replace('"Compétence 1"', `"${texte}"`).replace('vérifie C1.1', `vérifie C1.1${critere}`);
}

describe('REF401 — compétence « accessible » sans critère éliminatoire', () => {
    it('un texte qui demande un travail accessible, sans critère éliminatoire : information', async () => {
        const text = certification(blocAccessible('Concevoir une présentation accessible à tous les publics'));
        const ws = await lint(text);
        const d = expectOne(ws, 'REF401', {
            severity: INFO, range: at(text, 'C1.1'),
            message: ['La compétence C1.1 demande un travail accessible', 'aucun critère éliminatoire', 'non-validation de la compétence']
        });
        expect(d.data).toMatchObject({ code: 'REF401', competence: 'C1.1' });
    });

    it('au pluriel et en majuscules aussi (« documents ACCESSIBLES »)', async () => {
        const ws = await lint(certification(blocAccessible('Produire des documents ACCESSIBLES')));
        expectOne(ws, 'REF401', { severity: INFO });
    });

    it('avec un critère éliminatoire qui vérifie la compétence : rien', async () => {
        const ws = await lint(certification(blocAccessible('Concevoir une présentation accessible', ' éliminatoire')));
        expectClean(ws);
    });

    it('un critère éliminatoire qui vérifie une autre compétence ne suffit pas', async () => {
        const text = certification(bloc(1).replace('"Compétence 1"', '"Rendre un rapport accessible"') + bloc(2).replace('vérifie C2.1', 'vérifie C2.1 éliminatoire'));
        expectOne(await lint(text), 'REF401', { severity: INFO, range: at(text, 'C1.1') });
    });

    it('« accessibilité des données » n\'est pas une exigence d\'accessibilité : rien', async () => {
        expectNone(await lint(certification(blocAccessible('Garantir l\'accessibilité des données de l\'entreprise'))), 'REF401');
    });

    it('« inaccessible » n\'est pas « accessible » : rien', async () => {
        expectNone(await lint(certification(blocAccessible('Détecter les ressources inaccessibles'))), 'REF401');
    });

    it('une compétence de socle « accessible » incluse : jugée dans chaque certification, sur « inclut »', async () => {
        const socle = 'socle S "Transverse"\ncompétence CT1 "Communiquer de façon accessible"\n';
        const a = 'certification A "A" {\n    utilise S\n}\nbloc BC01 "Un" {\n    inclut CT1\n    modalité M1 "m" {\n        évalue CT1\n        critère CR1.1 "Respecte le RGAA" vérifie CT1 éliminatoire\n    }\n}\n' + OBTENTION;
        const b = 'certification B "B" {\n    utilise S\n}\nbloc BC01 "Un" {\n    inclut CT1\n    modalité M1 "m" {\n        évalue CT1\n        critère CR1.1 "Clarté" vérifie CT1\n    }\n}\n' + OBTENTION;
        const ws = await lint({ 's.ref': socle, 'a.ref': a, 'b.ref': b });
        expectClean(ws, 'a.ref');
        expectOne(ws, 'REF401', { severity: INFO, range: at(b, 'CT1'), message: ['La compétence CT1'] }, 'b.ref');
        expectClean(ws, 's.ref');
    });

    it('REF401 n\'est pas signalé hors d\'une certification (socle seul)', async () => {
        expectClean(await lint({ 'a.ref': HEADER + bloc(1) + OBTENTION, 's.ref': 'socle S "x"\ncompétence CT1 "Présenter de façon accessible"\n' }), 's.ref');
    });
});
