import { expectCompletion } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { incrementCode } from '../../../language-server/src/lsp/next-code.js';
import { workspace } from '../../helpers.js';
import { BLOC2, deWorkspace, doc, params, PRINCIPAL, positionOf } from './lsp-helpers.js';

const labels = (items: CompletionItem[]): string[] => items.map(i => i.label);

describe('complétion des codes', () => {
    it('propose, là où une compétence est attendue, les compétences du référentiel (tous fichiers) avec leur texte', async () => {
        const ws = await deWorkspace();
        await expectCompletion(ws.services)({
            text: 'référentiel DE\nbloc BC03 "Troisième" {\n    compétence C3.1 "Piloter"\n    modalité M3.1 "Étude" {\n        évalue <|>\n    }\n}\n',
            index: 0,
            disposeAfterCheck: true,
            assert: completions => {
                const codes = completions.items.filter(i => i.kind === CompletionItemKind.Class);
                expect(labels(codes).sort()).toEqual(['C1.1', 'C1.2', 'C1.3', 'C2.1', 'C3.1']);
                const c13 = codes.find(i => i.label === 'C1.3')!;
                expect(c13.detail).toBe('Identifier les risques juridiques');
                expect(c13.labelDetails?.description).toBe('Compétence');
                // Le titre dans la liste elle-même, juste après le code.
                expect(c13.labelDetails?.detail).toBe(' Identifier les risques juridiques');
                expect(c13.documentation).toEqual({ kind: 'markdown', value: '**Compétence C1.3**\n\nIdentifier les risques juridiques' });
                const c11 = codes.find(i => i.label === 'C1.1')!;
                // Texte long : raccourci dans le détail, entier dans la documentation.
                expect(c11.detail).toBe('Analyser les besoins en intégrant les…');
                expect((c11.documentation as { value: string }).value).toContain('les contraintes et les risques');
            }
        });
    });

    it('ne propose pas les codes d\'un autre référentiel, ni ceux déjà dans la liste', async () => {
        const autre = 'certification AUTRE "Autre"\nbloc BC01 "B" {\n    compétence C9.9 "Ailleurs"\n}\n';
        const ws = await deWorkspace({ 'autre.ref': autre, 'bloc2.ref': BLOC2.replace('évalue C2.1, C1.3', 'évalue C2.1, C1.3, ') });
        const b2 = doc(ws, 'bloc2.ref');
        // Le curseur après « évalue C2.1, C1.3, » : ni C2.1 ni C1.3 (déjà listées) ne sont reproposées.
        const position = positionOf(b2, 'évalue C2.1, C1.3, ', 'évalue C2.1, C1.3, '.length);
        const completion = (await ws.services.lsp.CompletionProvider!.getCompletion(b2, params(b2, position)))!;
        const codes = labels(completion.items.filter(i => i.kind === CompletionItemKind.Class));
        expect(codes.sort()).toEqual(['C1.1', 'C1.2']);
        expect(codes).not.toContain('C9.9');
    });

    it('« vérifie » propose d\'abord les compétences que la modalité évalue', async () => {
        const ws = await deWorkspace();
        const de = doc(ws, 'de.ref');
        const position = positionOf(de, 'vérifie C1.1', 'vérifie '.length);
        const completion = (await ws.services.lsp.CompletionProvider!.getCompletion(de, params(de, position)))!;
        const sorted = completion.items.filter(i => i.kind === CompletionItemKind.Class).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
        expect(labels(sorted)).toEqual(['C1.1', 'C1.2', 'C1.3', 'C2.1']);
        expect(sorted[0].sortText!.startsWith('0')).toBe(true);
        expect(sorted[2].sortText!.startsWith('1')).toBe(true);
    });

    it('complète les activités après « issue de », les épreuves et mesures dans une condition, les blocs dans « bloc … validé »', async () => {
        const ws = await deWorkspace();
        const de = doc(ws, 'de.ref');
        const issue = (await ws.services.lsp.CompletionProvider!.getCompletion(de, params(de, positionOf(de, 'issue de A1-2', 'issue de '.length))))!;
        expect(labels(issue.items.filter(i => i.kind === CompletionItemKind.Event)).sort()).toEqual(['A1-1', 'A1-2', 'A2-1']);
        expect(issue.items.find(i => i.label === 'A1-2')?.detail).toBe('Rédaction des cahiers des charges');
        const condition = (await ws.services.lsp.CompletionProvider!.getCompletion(de, params(de, positionOf(de, 'memoire >= 10', 0))))!;
        expect(labels(condition.items.filter(i => i.kind === CompletionItemKind.Variable)).sort()).toEqual(['memoire', 'periode']);
        expect(condition.items.find(i => i.label === 'periode')?.detail).toBe('Période en entreprise');
    });
});

describe('complétion des mots-clés et modèles', () => {
    const withCursor = PRINCIPAL
        .replace('éliminatoire\n    }', 'éliminatoire\n        \n    }\n    \n')
        .replace('\nobtention', '\n\nobtention');

    async function itemsAt(search: string, delta: number): Promise<CompletionItem[]> {
        const ws = await workspace({ 'de.ref': withCursor, 'bloc2.ref': BLOC2 });
        const de = doc(ws, 'de.ref');
        return (await ws.services.lsp.CompletionProvider!.getCompletion(de, params(de, positionOf(de, search, delta))))!.items;
    }

    it('dans une modalité : les mots-clés de ses propriétés et un modèle de critère au prochain code libre', async () => {
        const items = await itemsAt('éliminatoire\n        \n', 'éliminatoire\n        '.length);
        const keywords = labels(items.filter(i => i.kind === CompletionItemKind.Keyword));
        // « pour » : la portée qui peut suivre « éliminatoire » (« pour le bloc », « pour la certification »).
        expect(keywords).toEqual(['pour', 'nature', 'seul', 'en', 'évalue', 'consigne', 'livrable', 'jury', 'note', 'critère', 'épreuve']);
        expect(items.find(i => i.label === 'nature')?.detail).toBe('mot-clé');
        const snippet = items.find(i => i.kind === CompletionItemKind.Snippet)!;
        expect(snippet.label).toBe('critère CR1.1.3');
        expect(snippet.insertTextFormat).toBe(InsertTextFormat.Snippet);
        expect(snippet.detail).toBe('Nouveau critère d\'évaluation');
        expect(snippet.textEdit?.newText).toBe('critère CR1.1.3 "${1:Ce qui est vérifié}" vérifie ${2:C1.1}$0');
    });

    it('dans un bloc : modèles de compétence (après C1.3, C1.4) et de modalité (M1.2, critère CR1.2.1)', async () => {
        const items = await itemsAt('    }\n    \n', '    }\n    '.length);
        const snippets = items.filter(i => i.kind === CompletionItemKind.Snippet);
        expect(labels(snippets)).toEqual(['compétence C1.4', 'modalité M1.2']);
        expect(snippets[0].insertText).toBe('compétence C1.4 "${1:Intitulé de la compétence}"$0');
        expect(snippets[1].insertText).toBe([
            'modalité M1.2 "${1:Titre de la modalité}" {',
            '    nature "${2:mise en situation}"',
            '    évalue ${3:C1.1}',
            '    critère CR1.2.1 "${4:Ce qui est vérifié}" vérifie ${3:C1.1}',
            '}$0'
        ].join('\n'));
        expect((snippets[1].documentation as { value: string }).value).toContain('critère CR1.2.1 "Ce qui est vérifié" vérifie C1.1');
    });

    it('au premier niveau d\'une certification : un modèle de bloc au prochain code (BC03), pas de compétence hors bloc', async () => {
        const items = await itemsAt('}\n\n\nobtention', 2);
        const snippets = items.filter(i => i.kind === CompletionItemKind.Snippet);
        expect(labels(snippets)).toEqual(['bloc BC03']);
        expect(snippets[0].insertText).toBe('bloc BC03 "${1:Titre du bloc}" {\n    $0\n}');
    });

    it('les modèles d\'en-tête et d\'obtention seulement là où ils peuvent être : en tête d\'un fichier vide, jamais dans une modalité', async () => {
        const ws = await workspace({ 'vide.ref': '\n', 'x.ref': 'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "Un"\n    modalité M1 "M" {\n        évalue C1.1\n        \n    }\n}\n\n' });
        const at = async (name: string, search: string, delta: number): Promise<CompletionItem[]> => {
            const d = doc(ws, name);
            return (await ws.services.lsp.CompletionProvider!.getCompletion(d, params(d, positionOf(d, search, delta))))!.items;
        };
        const snippets = (items: CompletionItem[]): string[] => labels(items.filter(i => i.kind === CompletionItemKind.Snippet));
        const empty = await at('vide.ref', '\n', 0);
        expect(snippets(empty)).toEqual(['certification']);
        const header = empty.find(i => i.label === 'certification' && i.kind === CompletionItemKind.Snippet)!;
        expect(header.insertText).toBe('certification ${1:CODE} "${2:Intitulé de la certification}" {\n    rncp ${3:RNCP00000}\n    niveau ${4|3,4,5,6,7,8|}\n}$0');
        // Dans une modalité : le critère seulement.
        expect(snippets(await at('x.ref', 'C1.1\n        \n', 'C1.1\n        '.length))).toEqual(['critère CR1.1']);
        // Au premier niveau d'une certification sans obtention : le bloc et l'obtention, pas d'en-tête.
        const top = snippets(await at('x.ref', '}\n}\n\n', '}\n}\n\n'.length));
        expect(top).toEqual(['bloc BC02', 'obtention']);
    });

    it('le modèle de modalité propose d\'évaluer la première compétence du bloc qui ne l\'est pas encore', async () => {
        const text = 'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "Un"\n    compétence C1.2 "Deux"\n    modalité M1 "M" {\n        évalue C1.1\n        critère CR1 "c" vérifie C1.1\n    }\n    \n}\n';
        const ws = await workspace({ 'x.ref': text });
        const x = doc(ws, 'x.ref');
        const items = (await ws.services.lsp.CompletionProvider!.getCompletion(x, params(x, positionOf(x, '    }\n    \n', '    }\n    '.length))))!.items;
        const modalite = items.find(i => i.kind === CompletionItemKind.Snippet && i.label.startsWith('modalité'))!;
        // Modalités numérotées d'un seul nombre : M2 ; critères aussi : CR2.
        expect(modalite.label).toBe('modalité M2');
        expect(modalite.insertText).toContain('évalue ${3:C1.2}');
        expect(modalite.insertText).toContain('critère CR2 "');
    });

    it('propose les mots-clés en anglais ? non : les mots-clés sont français, seuls les détails suivent la langue', async () => {
        const ws = await workspace({ 'de.ref': withCursor, 'bloc2.ref': BLOC2 }, { locale: 'en' });
        const de = doc(ws, 'de.ref');
        const items = (await ws.services.lsp.CompletionProvider!.getCompletion(de, params(de, positionOf(de, '    }\n    \n', '    }\n    '.length))))!.items;
        expect(items.find(i => i.label === 'compétence')?.detail).toBe('keyword');
        expect(items.find(i => i.label === 'compétence C1.4')?.detail).toBe('New competency');
    });
});

describe('le prochain code, quels que soient les numéros', () => {
    it('garde la largeur et compte en entiers exacts, même au-delà de 2^53', () => {
        expect(incrementCode('BC09')).toBe('BC10');
        expect(incrementCode('C1.3')).toBe('C1.4');
        expect(incrementCode('C1.99999999999')).toBe('C1.100000000000');
        expect(incrementCode('C1.99999999999999999999')).toBe('C1.100000000000000000000');
    });

    it('après C1.99999999999999999999 dans un bloc : le modèle propose le suivant exact, en un instant', async () => {
        const text = 'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "a"\n    compétence C1.99999999999999999999 "b"\n    \n}\n';
        const ws = await workspace({ 'x.ref': text });
        const document = ws.documents[0];
        const started = performance.now();
        const position = { line: 4, character: 4 };
        const completion = (await ws.services.lsp.CompletionProvider!.getCompletion(document, params(document, position)))!;
        expect(performance.now() - started).toBeLessThan(2_000);
        expect(labels(completion.items.filter(i => i.kind === CompletionItemKind.Snippet))).toContain('compétence C1.100000000000000000000');
    });
});
