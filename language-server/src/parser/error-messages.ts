import { LangiumParserErrorMessageProvider } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { msg, joinList } from '../i18n/messages.js';

/**
 * Ce que l'analyseur attendait là où il a trouvé un jeton fautif (noms des jetons : le mot-clé
 * lui-même, « CODE », « STRING »…). L'erreur de Chevrotain ne le garde pas ; le diagnostic
 * (validation/syntax-diagnosis.ts) s'en sert pour dire la correction.
 */
const expectedByToken = new WeakMap<IToken, string[]>();

export function expectedAt(token: IToken | undefined): readonly string[] | undefined {
    return token ? expectedByToken.get(token) : undefined;
}

function remember(actual: IToken | undefined, tokens: readonly (TokenType | undefined)[]): void {
    if (actual && typeof actual === 'object') {
        expectedByToken.set(actual, [...new Set(tokens.filter((t): t is TokenType => t !== undefined).map(tokenName))]);
    }
}

/** Le nom d'un jeton : le mot-clé lui-même, ou le terminal (CODE, STRING…). */
export function tokenName(token: TokenType): string {
    return token.name.endsWith(':KW') ? token.name.slice(0, -3) : token.name;
}

/** Messages d'erreur de syntaxe en français (ou en anglais selon la locale). */
export class ReferentielParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage({ expected, actual }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        remember(actual, [expected]);
        if (actual.tokenType?.name === 'EOF') {
            return msg('syntax.unexpectedEnd', { expected: describeToken(expected) });
        }
        return msg('syntax.expected', { expected: describeToken(expected), actual: actual.image });
    }

    override buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken; ruleName: string }): string {
        if (firstRedundant && typeof firstRedundant === 'object') expectedByToken.set(firstRedundant, ['EOF']);
        return msg('syntax.endOfFile', { actual: firstRedundant.image });
    }

    override buildNoViableAltMessage({ expectedPathsPerAlt, actual }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const first = expectedPathsPerAlt.flat().map(path => path[0]).filter(Boolean);
        remember(actual[0], first);
        return this.alternatives(first, actual[0]);
    }

    override buildEarlyExitMessage({ expectedIterationPaths, actual }: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const first = expectedIterationPaths.map(path => path[0]).filter(Boolean);
        remember(actual[0], first);
        return this.alternatives(first, actual[0]);
    }

    private alternatives(tokens: TokenType[], actual: IToken | undefined): string {
        const names = [...new Set(tokens.map(describeToken))];
        const shown = names.length > 8 ? [...names.slice(0, 8), '…'] : names;
        const expected = joinList(shown).replace(/ et | and /, msg('syntax.or'));
        if (!actual || actual.tokenType?.name === 'EOF') {
            return msg('syntax.unexpectedEnd', { expected });
        }
        return msg('syntax.expectedOneOf', { expected, actual: actual.image });
    }
}

const TERMINALS = new Set(['CODE', 'STRING', 'NOMBRE', 'DATE', 'EOF']);

/** Un jeton attendu, en mots : « le mot-clé « bloc » », « un code (par exemple C1.1) »… */
export function describeToken(token: TokenType): string {
    const name = tokenName(token);
    if (!TERMINALS.has(name)) {
        // Langium nomme les jetons des mots-clés d'après le mot-clé lui-même (« bloc », « { »…).
        return /\p{L}/u.test(name) ? msg('syntax.keyword', { keyword: name }) : msg('syntax.punctuation', { keyword: name });
    }
    const key = `syntax.token.${name}`;
    const text = msg(key);
    return text === key ? (token.LABEL ?? name) : text;
}
