import { expectFoldings, expectSemanticToken, highlightHelper, replaceIndices } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { FoldingRangeKind, SemanticTokenTypes } from 'vscode-languageserver';
import { workspace } from '../../helpers.js';
import { deWorkspace, doc } from './lsp-helpers.js';

describe('plis', () => {
    it('blocs, modalités, activités qui en contiennent, obtention, textes longs, commentaires', async () => {
        const { services } = await workspace({});
        const text = [
                '<|/* Référentiel',
                '   transcrit. */|>',
                '<|// Deux lignes',
                '// de commentaire|>',
                '<|certification X "X" {',
                '    niveau 7|>',
                '}',
                '<|bloc BC01 "B" {',
                '    <|activité A1 "Groupe" {',
                '        activité A1-1 "Une"|>',
                '    }',
                '    activité A2 "Seule"',
                '    compétence C1.1 "c" issue de A1-1',
                '    <|modalité M1 "m" {',
                '        évalue C1.1',
                '        <|consigne "Première ligne',
                '                  deuxième ligne"|>|>',
                '    }|>',
                '}',
                '<|obtention {',
                '    condition "c" : tous les blocs validés|>',
                '}'
            ].join('\n');
        // Le texte sans ses marques, pour retrouver les lignes des plages marquées.
        const source = replaceIndices({ text }).output;
        await expectFoldings(services)({
            text,
            // Chaque plage marquée <|…|> va de la première ligne pliée à la dernière cachée.
            assert: (foldings, ranges) => {
                const lines = (offset: number, text: string) => text.slice(0, offset).split('\n').length - 1;
                const expected = ranges.map(([a, b]) => `${lines(a, source)}-${lines(b, source)}`).sort();
                expect(foldings.map(f => `${f.startLine}-${f.endLine}`).sort()).toEqual(expected);
                expect(foldings.filter(f => f.kind === FoldingRangeKind.Comment).map(f => f.startLine)).toEqual([0, 2]);
                expect(foldings.find(f => f.startLine === 15)?.kind).toBe(FoldingRangeKind.Region);
            },
            disposeAfterCheck: true
        });
    });

    it('pas de pli pour un élément d\'une ligne ni pour une activité sans sous-activités', async () => {
        const ws = await workspace({ 'x.ref': 'certification X "X"\nbloc BC01 "B" {\n    activité A1 "a"\n    compétence C1.1 "c"\n}\n' });
        const foldings = await ws.services.lsp.FoldingRangeProvider!.getFoldingRanges(ws.documents[0], { textDocument: { uri: '' } });
        expect(foldings.map(f => [f.startLine, f.endLine])).toEqual([[1, 3]]);
        expect(foldings.every(f => f.kind !== FoldingRangeKind.Comment)).toBe(true);
    });
});

describe('coloration sémantique', () => {
    it('codes par genre d\'élément, références du même genre que leur cible, nombres, unités, opérateurs', async () => {
        const { services } = await workspace({});
        const tokens = await highlightHelper(services)([
            'certification <|X|> "X" {',
            '    <|niveau|> <|7|>',
            '}',
            'bloc <|BC01|> "B" {',
            '    activité <|A1-1|> "a"',
            '    compétence <|C1.1|> "c" issue de <|A1-1|>',
            '    modalité <|M1|> "m" {',
            '        <|seul|>',
            '        évalue <|C1.1|>',
            '        critère <|CR1|> "c" vérifie <|C1.1|> <|éliminatoire|>',
            '    }',
            '}',
            'obtention {',
            '    épreuve <|memoire|> "Mémoire" sur 20',
            '    mesure <|periode|> "Période" en <|mois|>',
            '    condition <|C2|> "c" : <|moyenne|>(<|memoire|>, 12) <|≥|> 10 <|et|> <|periode|> ≥ 6 <|mois|> et <|bloc|> <|BC01|> validé',
            '}'
        ].join('\n'));
        const expected: SemanticTokenTypes[] = [
            SemanticTokenTypes.namespace, SemanticTokenTypes.keyword, SemanticTokenTypes.number,
            SemanticTokenTypes.class, SemanticTokenTypes.event, SemanticTokenTypes.type, SemanticTokenTypes.event,
            SemanticTokenTypes.function, SemanticTokenTypes.modifier, SemanticTokenTypes.type,
            SemanticTokenTypes.method, SemanticTokenTypes.type, SemanticTokenTypes.modifier,
            SemanticTokenTypes.variable, SemanticTokenTypes.variable, SemanticTokenTypes.enumMember,
            SemanticTokenTypes.property, SemanticTokenTypes.function, SemanticTokenTypes.variable, SemanticTokenTypes.operator,
            SemanticTokenTypes.operator, SemanticTokenTypes.variable, SemanticTokenTypes.enumMember, SemanticTokenTypes.keyword, SemanticTokenTypes.class
        ];
        expect(tokens.ranges).toHaveLength(expected.length);
        expected.forEach((tokenType, rangeIndex) => expectSemanticToken(tokens, { rangeIndex, tokenType }));
        // Les définitions portent le modificateur « declaration », pas les références.
        const c11 = tokens.tokens.filter(t => t.text === 'C1.1');
        const declaration = services.lsp.SemanticTokenProvider!.tokenModifiers['declaration'];
        expect(c11.map(t => t.tokenModifiers)).toEqual([declaration, 0, 0]);
    });

    it('les textes et commentaires sont laissés à la grammaire TextMate ; une référence non résolue n\'est pas colorée', async () => {
        const ws = await deWorkspace({ 'x.ref': 'référentiel DE\n// commentaire\nbloc BC09 "Titre" {\n    modalité M9 "m" {\n        évalue C9.9\n    }\n}\n' });
        const provider = ws.services.lsp.SemanticTokenProvider!;
        const document = doc(ws, 'x.ref');
        const result = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        const types = Object.keys(provider.tokenTypes);
        const decoded: string[] = [];
        let line = 0; let char = 0;
        for (let i = 0; i < result.data.length; i += 5) {
            line += result.data[i];
            char = result.data[i] === 0 ? char + result.data[i + 1] : result.data[i + 1];
            const text = document.textDocument.getText({ start: { line, character: char }, end: { line, character: char + result.data[i + 2] } });
            decoded.push(`${text}:${types[result.data[i + 3]]}`);
        }
        expect(decoded).toEqual(['référentiel:keyword', 'DE:namespace', 'bloc:keyword', 'BC09:class', 'modalité:keyword', 'M9:function', 'évalue:keyword']);
    });
});
