import { expectHover } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { workspace } from '../../helpers.js';
import { deWorkspace, doc, params, positionOf } from './lsp-helpers.js';

async function hoverAt(ws: Awaited<ReturnType<typeof deWorkspace>>, file: string, search: string, delta = 0): Promise<string | undefined> {
    const document = doc(ws, file);
    const hover = await ws.services.lsp.HoverProvider!.getHoverContent(document, params(document, positionOf(document, search, delta)));
    return (hover?.contents as { value?: string } | undefined)?.value;
}

describe('survol des codes', () => {
    it('une compétence (référence dans une autre fichier) : texte, bloc, activités, modalités, critères, éliminatoire', async () => {
        const ws = await deWorkspace();
        const value = await hoverAt(ws, 'bloc2.ref', 'C1.3\n');
        expect(value).toBe([
            '**Compétence C1.3** · Bloc `BC01` « Collecter et exploiter des données »',
            '',
            'Identifier les risques juridiques',
            '',
            '---',
            '',
            '- **Issue de** : `A1-1` « Analyse du besoin du client et des risques liés à la… »',
            '- **Évaluée par** : `M2.1` « Mission de conseil » (mission de conseil, en équipe)',
            '- **Critères** : `CR2.1.2` « Les risques juridiques sont identifiés »',
            '- **Critère éliminatoire** : non'
        ].join('\n'));
    });

    it('la même bulle sur la définition et sur une référence ; la plage est celle du code survolé', async () => {
        const ws = await deWorkspace();
        const de = doc(ws, 'de.ref');
        const definition = await ws.services.lsp.HoverProvider!.getHoverContent(de, params(de, positionOf(de, 'compétence C1.2', 12)));
        const reference = await ws.services.lsp.HoverProvider!.getHoverContent(de, params(de, positionOf(de, 'vérifie C1.2', 9)));
        expect((definition?.contents as { value: string }).value).toBe((reference?.contents as { value: string }).value);
        expect((reference?.contents as { value: string }).value).toContain('- **Critère éliminatoire** : oui (`CR1.1.2`)');
        expect(reference?.range).toEqual({ start: positionOf(de, 'vérifie C1.2', 8), end: positionOf(de, 'vérifie C1.2', 12) });
    });

    it('une compétence qu\'aucune modalité n\'évalue le dit', async () => {
        const ws = await workspace({ 'x.ref': 'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "Seule"\n}\n' });
        const value = await hoverAt(ws as never, 'x.ref', 'C1.1');
        expect(value).toContain('- **Évaluée par** : aucune modalité (REF101)');
        expect(value).toContain('- **Critères** : aucun critère');
    });

    it('une activité : les compétences qui en sont issues', async () => {
        const ws = await deWorkspace();
        const value = await hoverAt(ws, 'de.ref', 'issue de A1-1', 10);
        expect(value).toContain('**Activité A1-1**');
        expect(value).toContain('Analyse du besoin du client et des risques liés à la solution');
        expect(value).toContain('- **Compétences issues** : `C1.1` « Analyser les besoins en intégrant les ressources, les… », `C1.3` « Identifier les risques juridiques »');
    });

    it('une modalité : compétences évaluées, nombre de critères, nature, seul / en équipe', async () => {
        const ws = await deWorkspace();
        const value = await hoverAt(ws, 'bloc2.ref', 'M2.1');
        expect(value).toBe([
            '**Modalité M2.1** · Bloc `BC02` « Manager la transition data »',
            '',
            'Mission de conseil',
            '',
            '---',
            '',
            '- **Nature** : mission de conseil',
            '- **Travail** : en équipe',
            '- **Évalue** : `C2.1` « Contribuer à la charte éthique », `C1.3` « Identifier les risques juridiques »',
            '- **Critères** : 2 critères, dont 0 éliminatoire'
        ].join('\n'));
    });

    it('un critère : sa modalité, les compétences vérifiées, éliminatoire', async () => {
        const ws = await deWorkspace();
        const value = await hoverAt(ws, 'de.ref', 'CR1.1.2');
        expect(value).toContain('**Critère CR1.1.2** · *éliminatoire*');
        expect(value).toContain('- **Modalité** : `M1.1` « Analyse des besoins et rédaction des cahiers des charges »');
        expect(value).toContain('- **Vérifie** : `C1.2` « Rédiger les cahiers des charges de manière accessible »');
        expect(value).toContain('- **Critère éliminatoire** : oui');
    });

    it('une épreuve et une mesure : barème ou unité, conditions qui les utilisent', async () => {
        const ws = await deWorkspace();
        const epreuve = await hoverAt(ws, 'de.ref', 'memoire >=');
        expect(epreuve).toContain('**Épreuve memoire**');
        expect(epreuve).toContain('- **Épreuve** : Notée sur 20');
        expect(epreuve).toContain('- **Conditions qui l\'utilisent** : `C2` « Mémoire »');
        const mesure = await hoverAt(ws, 'de.ref', 'mesure periode', 8);
        expect(mesure).toContain('- **Mesure** : Mesurée en mois');
    });

    it('un bloc : couverture x/y, compétences non évaluées, contenu', async () => {
        const ws = await deWorkspace({ 'bloc3.ref': 'référentiel DE\nbloc BC03 "Trois" {\n    compétence C3.1 "Évaluée"\n    compétence C3.2 "Oubliée"\n    modalité M3.1 "M" {\n        évalue C3.1\n    }\n}\n' });
        const value = await hoverAt(ws, 'bloc3.ref', 'BC03');
        expect(value).toContain('- Couverture : 1/2 compétences évaluées');
        expect(value).toContain('- **Non évaluées** : `C3.2` « Oubliée »');
        expect(value).toContain('- 0 activité · 2 compétences · 1 modalité');
        const bc01 = await hoverAt(ws, 'de.ref', 'BC01');
        expect(bc01).toContain('- Couverture : 3/3 compétences évaluées');
    });

    it('la certification, par la référence « référentiel DE » d\'un autre fichier', async () => {
        const ws = await deWorkspace();
        const value = await hoverAt(ws, 'bloc2.ref', 'DE');
        expect(value).toContain('**Certification DE**');
        expect(value).toContain('- 2 blocs · 2 fichiers');
        expect(value).toContain('- Couverture : 4/4 compétences évaluées');
    });

    it('rien sur un mot-clé ou un texte', async () => {
        const ws = await deWorkspace();
        expect(await hoverAt(ws, 'de.ref', 'évalue C1.1', 2)).toBeUndefined();
        expect(await hoverAt(ws, 'de.ref', '"Les besoins', 3)).toBeUndefined();
    });

    it('une compétence de socle, dans le fichier du socle : sa couverture dans chaque certification', async () => {
        const ws = await workspace({
            'socle.ref': 'socle TR "Transverse"\nactivité AT1 "Communiquer"\ncompétence CT1 "Présenter ses travaux" issue de AT1\n',
            'a.ref': 'certification A "A" {\n    utilise TR\n}\nbloc BC01 "B" {\n    inclut CT1\n    modalité M1 "M" {\n        évalue CT1\n        critère CR1 "c" vérifie CT1\n    }\n}\n',
            'b.ref': 'certification B "B" {\n    utilise TR\n}\nbloc BC01 "B" {\n    inclut CT1\n    compétence C1.1 "x"\n}\n'
        });
        const value = await hoverAt(ws as never, 'socle.ref', 'CT1');
        expect(value).toContain('**Compétence CT1** · Socle `TR`');
        expect(value).toContain('- **Dans la certification A** : évaluée par `M1` · 1 critère');
        expect(value).toContain('- **Dans la certification B** : non évaluée');
        // Vue depuis la certification A : la couverture de A.
        const fromA = await hoverAt(ws as never, 'a.ref', 'évalue CT1', 7);
        expect(fromA).toContain('Socle `TR` · Incluse dans `BC01` « B »');
        expect(fromA).toContain('- **Évaluée par** : `M1` « M »');
    });

    it('en anglais selon la locale', async () => {
        const ws = await deWorkspace({}, { locale: 'en' });
        const value = await hoverAt(ws, 'bloc2.ref', 'C1.3\n');
        expect(value).toContain('**Competency C1.3**');
        expect(value).toContain('- **Assessed by**: `M2.1`');
    });

    it('avec expectHover de langium/test (nouveau fichier du référentiel)', async () => {
        const ws = await deWorkspace();
        await expectHover(ws.services)({
            text: 'référentiel DE\nbloc BC09 "Neuf" {\n    compétence C9.1 "Neuf" issue de <|>A2-1\n}\n',
            index: 0,
            hover: /^\*\*Activité A2-1\*\* · Bloc `BC02` « Manager la transition data »\n\nPilotage\n\n---\n\n- \*\*Compétences issues\*\* : `C9\.1` « Neuf », `C2\.1` « Contribuer à la charte éthique »$/,
            disposeAfterCheck: true
        });
    });
});
