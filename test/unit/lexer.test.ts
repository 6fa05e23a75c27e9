import { Lexer } from 'chevrotain';
import { DefaultTokenBuilder, EmptyFileSystem, type Grammar } from 'langium';
import { describe, expect, it } from 'vitest';
import { blockCommentMatcher, ReferentielTokenBuilder, stringMatcher } from '../../language-server/src/parser/token-builder.js';
import { createReferentielServices } from '../../language-server/src/referentiel-module.js';

/**
 * Les motifs écrits à la main pour les textes et les commentaires : exactement les expressions
 * régulières de la grammaire, en temps linéaire même quand rien n'est refermé.
 */
const STRING = /"(?:\\[\s\S]|[^"\\])*"/y;
const COMMENT = /\/\*[\s\S]*?\*\//y;

function regexMatch(regex: RegExp, text: string, offset: number): string | null {
    regex.lastIndex = offset;
    return regex.exec(text)?.[0] ?? null;
}

/** Générateur pseudo-aléatoire déterministe (mulberry32). */
function random(seed: number): () => number {
    return () => {
        seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

describe('motifs des textes et des commentaires', () => {
    it('donnent les mêmes jetons que les expressions régulières de la grammaire (5 000 textes aléatoires)', () => {
        const next = random(42);
        const alphabet = ['"', '\\', '/', '*', 'a', ' ', '\n', 'é'];
        for (let n = 0; n < 5_000; n++) {
            const length = 1 + Math.floor(next() * 24);
            let text = '';
            for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
            // Un seul motif par analyse (tableau de jetons neuf), à chaque position, dans l'ordre.
            const tokens: unknown[] = [];
            const string = stringMatcher();
            const comment = blockCommentMatcher();
            for (let offset = 0; offset < text.length; offset++) {
                expect(string(text, offset, tokens as never, {})?.[0] ?? null, JSON.stringify({ text, offset })).toBe(regexMatch(STRING, text, offset));
                expect(comment(text, offset, tokens as never, {})?.[0] ?? null, JSON.stringify({ text, offset })).toBe(regexMatch(COMMENT, text, offset));
            }
        }
    });

    it('l\'analyseur lexical entier donne les mêmes jetons qu\'avec les expressions régulières (5 000 textes aléatoires)', () => {
        const { Referentiel } = createReferentielServices(EmptyFileSystem);
        const grammar = Referentiel.Grammar as Grammar;
        const tokensOf = (builder: DefaultTokenBuilder) => builder.buildTokens(grammar) as ConstructorParameters<typeof Lexer>[0];
        const reference = new Lexer(tokensOf(new DefaultTokenBuilder()), { positionTracking: 'full', ensureOptimizations: false });
        const ours = new Lexer(tokensOf(new ReferentielTokenBuilder()), { positionTracking: 'full', ensureOptimizations: false });
        const next = random(7);
        const pieces = ['"', '\\', '/', '*', '/*', '*/', '//', 'C1.1', ' ', '\n', 'critère', 'é', '(', '12,5', '"texte"', '{', '}'];
        const summary = (result: ReturnType<Lexer['tokenize']>) => JSON.stringify([
            result.tokens.map(t => [t.image, t.tokenType.name, t.startLine, t.startColumn]),
            Object.values(result.groups).flat().map(t => [t.image, t.tokenType.name, t.startLine, t.endLine]),
            result.errors.map(e => [e.offset, e.length])
        ]);
        for (let n = 0; n < 5_000; n++) {
            let text = '';
            const length = 1 + Math.floor(next() * 16);
            for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
            expect(summary(ours.tokenize(text)), text).toBe(summary(reference.tokenize(text)));
        }
    });

    it('l\'analyse lexicale reste linéaire quand rien n\'est refermé (16× la taille : moins de 100× le temps)', () => {
        const { Referentiel } = createReferentielServices(EmptyFileSystem);
        const lexer = Referentiel.parser.Lexer;
        // Une ligne sur deux, le « /* » est hors texte et jamais refermé ; chaque guillemet
        // ouvre un texte qui se referme à la ligne suivante.
        const input = (n: number): string => 'certification Q "Q"\n' + '"ouvert /* jamais fermé\n'.repeat(n);
        const time = (text: string): number => {
            let best = Infinity;
            for (let i = 0; i < 7; i++) {
                const start = performance.now();
                lexer.tokenize(text);
                best = Math.min(best, performance.now() - start);
            }
            return best;
        };
        time(input(4_000));
        const small = time(input(4_000));
        const large = time(input(32_000));
        // Huit fois plus de lignes : linéaire, le rapport serait de 8 ; quadratique, de 64 (mesuré
        // avant la correction : 612 pour seize fois plus de lignes). Le petit texte est assez long
        // (quelques ms) pour qu'une machine chargée ne fausse pas le rapport : 127 mesuré avec
        // 1 000 lignes contre 16 000 à une charge de 23 sur 2 cœurs.
        expect(large / small).toBeLessThan(32);
    });
});
