import { DefaultTokenBuilder, GrammarAST } from 'langium';
import type { CustomPatternMatcherFunc, TokenType } from 'chevrotain';

/**
 * Les jetons du langage, avec deux motifs écrits à la main pour rester linéaires.
 *
 * Un texte entre guillemets ou un commentaire `/* … *\/` jamais refermé : l'expression régulière
 * parcourt tout le reste du fichier avant d'échouer, et l'analyseur lexical recommence au
 * guillemet (ou au `/*`) suivant — un parcours du reste du fichier pour chacun, soit un temps
 * quadratique (160 Ko de guillemets ouverts : 27 s). Ici, un échec est mémorisé : si aucun
 * guillemet fermant ne suit la position p, aucun ne suit une position plus loin (les
 * barres obliques inverses se groupent de la même façon quel que soit le départ, puisqu'un
 * départ est un guillemet), et la recherche suivante échoue aussitôt. Idem pour `*\/`.
 */
export class ReferentielTokenBuilder extends DefaultTokenBuilder {
    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        const matcher = terminal.name === 'STRING' ? stringMatcher() : terminal.name === 'ML_COMMENT' ? blockCommentMatcher() : undefined;
        if (!matcher) {
            return token;
        }
        // La source de l'expression régulière reste lisible : Langium s'en sert pour savoir quels
        // terminaux prolongent un mot-clé (« / » peut commencer « /* … *\/ »).
        const source = (token.PATTERN as RegExp).source;
        return { ...token, PATTERN: Object.assign(matcher, { source }), LINE_BREAKS: true, START_CHARS_HINT: [source.startsWith('"') ? '"' : '/'] };
    }
}

/**
 * Mémorise, pour l'analyse lexicale en cours, la première position d'où la recherche a échoué.
 * L'analyse en cours se reconnaît au tableau des jetons que Chevrotain passe au motif (un tableau
 * neuf par analyse) : une comparaison d'identité, jamais de textes.
 */
function failureMemo(): { failsFrom(tokens: unknown, offset: number): boolean; failed(tokens: unknown, offset: number): void } {
    let memoTokens: unknown;
    let failedFrom = Infinity;
    return {
        failsFrom(tokens, offset) {
            if (tokens !== memoTokens) {
                memoTokens = tokens;
                failedFrom = Infinity;
            }
            return offset >= failedFrom;
        },
        failed(tokens, offset) {
            memoTokens = tokens;
            failedFrom = Math.min(failedFrom, offset);
        }
    };
}

function match(text: string, start: number, end: number): RegExpExecArray {
    const result = [text.slice(start, end)] as unknown as RegExpExecArray;
    result.index = start;
    result.input = text;
    return result;
}

/** `"…"` avec les échappements `\x` ; équivaut à /"(?:\\[\s\S]|[^"\\])*"/. */
export function stringMatcher(): CustomPatternMatcherFunc {
    const memo = failureMemo();
    return (text, offset, tokens) => {
        if (text.charCodeAt(offset) !== 34 /* " */ || memo.failsFrom(tokens, offset)) return null;
        for (let i = offset + 1; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 92 /* \ */) {
                i++;
            } else if (c === 34) {
                return match(text, offset, i + 1);
            }
        }
        memo.failed(tokens, offset);
        return null;
    };
}

/** `/* … *\/` ; équivaut à /\/\*[\s\S]*?\*\//. */
export function blockCommentMatcher(): CustomPatternMatcherFunc {
    const memo = failureMemo();
    return (text, offset, tokens) => {
        if (text.charCodeAt(offset) !== 47 /* / */ || text.charCodeAt(offset + 1) !== 42 /* * */ || memo.failsFrom(tokens, offset)) return null;
        const end = text.indexOf('*/', offset + 2);
        if (end < 0) {
            memo.failed(tokens, offset);
            return null;
        }
        return match(text, offset, end + 2);
    };
}
