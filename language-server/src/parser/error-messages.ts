import { LangiumParserErrorMessageProvider } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { msg, joinList } from '../i18n/messages.js';

/** Messages d'erreur de syntaxe en français (ou en anglais selon la locale). */
export class ReferentielParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage({ expected, actual }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        if (actual.tokenType?.name === 'EOF') {
            return msg('syntax.unexpectedEnd', { expected: describeToken(expected) });
        }
        return msg('syntax.expected', { expected: describeToken(expected), actual: actual.image });
    }

    override buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken; ruleName: string }): string {
        return msg('syntax.endOfFile', { actual: firstRedundant.image });
    }

    override buildNoViableAltMessage({ expectedPathsPerAlt, actual }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        return this.alternatives(expectedPathsPerAlt.flat().map(path => path[0]).filter(Boolean), actual[0]);
    }

    override buildEarlyExitMessage({ expectedIterationPaths, actual }: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        return this.alternatives(expectedIterationPaths.map(path => path[0]).filter(Boolean), actual[0]);
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
    const name = token.name.endsWith(':KW') ? token.name.slice(0, -3) : token.name;
    if (!TERMINALS.has(name)) {
        // Langium nomme les jetons des mots-clés d'après le mot-clé lui-même (« bloc », « { »…).
        return /\p{L}/u.test(name) ? msg('syntax.keyword', { keyword: name }) : msg('syntax.punctuation', { keyword: name });
    }
    const key = `syntax.token.${name}`;
    const text = msg(key);
    return text === key ? (token.LABEL ?? name) : text;
}
