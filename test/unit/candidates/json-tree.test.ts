import { describe, expect, it } from 'vitest';
import { nodeValue, parseJson } from '../../../language-server/src/evaluation/candidates/json-tree.js';

describe('parseJson (JSON strict avec positions)', () => {
    it('donne les mêmes valeurs que JSON.parse pour des documents valides', () => {
        const documents = [
            '{}', '[]', '0', '-0.5e+3', '"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\uD834\\uDD1E"', 'true', 'false', 'null',
            '{ "a": [1, 2.5, -3e2, { "b": null }], "c": "é €", "d": {} }',
            '\n\t{ "x" : [ [ ], [ [ 1 ] ] ] }\r\n',
            '{ "a": 1, "a": 2 }'
        ];
        for (const text of documents) {
            const parsed = parseJson(text);
            expect(parsed.error, text).toBeUndefined();
            expect(JSON.stringify(nodeValue(parsed.root!)), text).toBe(JSON.stringify(JSON.parse(text)));
        }
    });

    it('place chaque nœud : décalage et longueur', () => {
        const text = '{ "a": [10, "xy"], "b": { "c": true } }';
        const root = parseJson(text).root!;
        const [a, b] = root.children!;
        expect(text.substr(a.children![0].offset, a.children![0].length)).toBe('"a"');
        const list = a.children![1];
        expect(text.substr(list.offset, list.length)).toBe('[10, "xy"]');
        expect(list.children!.map(n => text.substr(n.offset, n.length))).toEqual(['10', '"xy"']);
        const inner = b.children![1].children![0].children![1];
        expect([inner.type, inner.value, text.substr(inner.offset, inner.length)]).toEqual(['boolean', true, 'true']);
        expect(root.length).toBe(text.length);
    });

    it('relève tous les commentaires et virgules finales, même imbriqués, et continue', () => {
        const text = '{ // un\n "a": [1, 2,], /* deux */ "b": { "c": 1, }, }';
        const parsed = parseJson(text);
        expect(parsed.error).toBeUndefined();
        expect(parsed.comments.map(c => text.substr(c.offset, c.length))).toEqual(['// un', '/* deux */']);
        expect(parsed.trailingCommas.map(c => [text[c.offset], c.close])).toEqual([[',', ']'], [',', '}'], [',', '}']]);
        expect(nodeValue(parsed.root!)).toEqual({ a: [1, 2], b: { c: 1 } });
    });

    it('arrête à la première autre erreur, avec son code et sa position', () => {
        const cases: Array<[string, string, number]> = [
            ['{ "a": 01 }', 'InvalidNumberFormat', 7],
            ['{ "a": 1. }', 'InvalidNumberFormat', 7],
            ['{ "a": - }', 'InvalidNumberFormat', 7],
            ['{ "a": .5 }', 'InvalidSymbol', 7],
            ['{ "a": NaN }', 'InvalidSymbol', 7],
            ['{ "a": tru }', 'InvalidSymbol', 7],
            ['{ "a": truee }', 'InvalidSymbol', 7],
            ["{ 'a': 1 }", 'InvalidSymbol', 2],
            ['{ a: 1 }', 'InvalidSymbol', 2],
            ['{ "a" 1 }', 'ColonExpected', 6],
            ['{ "a": 1 "b": 2 }', 'CommaExpected', 9],
            ['[1 2]', 'CommaExpected', 3],
            ['{ "a": }', 'ValueExpected', 7],
            ['{ "a": [1, 2 }', 'CommaExpected', 13],
            ['{ "a": [1, 2', 'CloseBracketExpected', 12],
            ['{ "a": 1', 'CloseBraceExpected', 8],
            ['{ "a": "x\ny" }', 'UnexpectedEndOfString', 7],
            ['{ "a": "x\ty" }', 'InvalidCharacter', 9],
            ['{ "a": "\\x" }', 'InvalidEscapeCharacter', 8],
            ['{ "a": "\\u12G4" }', 'InvalidUnicode', 8],
            ['{ "a": 1 } x', 'EndOfFileExpected', 11],
            ['{ "a": 1 /* fin', 'UnexpectedEndOfComment', 9],
            ['{ , }', 'PropertyNameExpected', 2],
            ['', 'ValueExpected', 0],
            ['\u00a0{}', 'InvalidSymbol', 0]
        ];
        for (const [text, code, offset] of cases) {
            const parsed = parseJson(text);
            expect(parsed.error, text).toMatchObject({ code, offset });
            expect(() => JSON.parse(text), text).toThrow();
        }
    });

    it('une clé « __proto__ » reste une propriété ordinaire', () => {
        const value = nodeValue(parseJson('{ "__proto__": { "x": 1 }, "constructor": 2 }').root!) as Record<string, unknown>;
        expect(Object.getPrototypeOf(value)).toBeNull();
        expect(Object.keys(value)).toEqual(['__proto__', 'constructor']);
        expect(({} as Record<string, unknown>).x).toBeUndefined();
    });
});
