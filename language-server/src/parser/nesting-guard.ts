import type { LangiumCoreServices, LangiumParser, ParseResult } from 'langium';
import { createLangiumParser } from 'langium';
import type { IToken } from 'chevrotain';
import { msg, registerMessages } from '../i18n/messages.js';

/**
 * Les limites d'imbrication d'un fichier. L'analyseur et les règles descendent récursivement
 * dans les parenthèses, les `non`, les blocs `{ … }` et les chaînes d'opérateurs : un fichier
 * hostile ou abîmé (un collage raté, 80 parenthèses ouvertes) dépassait la pile de Node —
 * « Erreur interne » en ligne de commande, serveur de langage muet. Un vrai référentiel reste
 * très loin de ces limites (2 niveaux de `{`, quelques parenthèses, une dizaine de termes).
 */
export const NESTING_LIMITS = {
    /** Parenthèses ouvertes les unes dans les autres. */
    parentheses: 32,
    /** Accolades ouvertes les unes dans les autres (bloc › activité › sous-activité…). */
    braces: 16,
    /** `non` dans une même condition. */
    negations: 32,
    /** Opérateurs (+ - * / et ou comparaisons) dans une même condition. */
    operators: 256
} as const;

registerMessages({
    'syntax.tooDeep.parentheses': {
        fr: 'Plus de {limit} parenthèses imbriquées : ce fichier ne peut pas être analysé. Simplifiez l\'expression (une condition par règle, des conditions nommées).',
        en: 'More than {limit} nested parentheses: this file cannot be parsed. Simplify the expression (one condition per rule, named conditions).'
    },
    'syntax.tooDeep.braces': {
        fr: 'Plus de {limit} niveaux d\'accolades imbriquées : ce fichier ne peut pas être analysé. Une accolade fermante « } » manque-t-elle plus haut ?',
        en: 'More than {limit} levels of nested braces: this file cannot be parsed. Is a closing brace "}" missing above?'
    },
    'syntax.tooDeep.negations': {
        fr: 'Plus de {limit} « non » dans une condition : ce fichier ne peut pas être analysé. Deux « non » s\'annulent : simplifiez la condition.',
        en: 'More than {limit} "non" in one condition: this file cannot be parsed. Two "non" cancel out: simplify the condition.'
    },
    'syntax.tooDeep.operators': {
        fr: 'Plus de {limit} opérateurs dans une condition : ce fichier ne peut pas être analysé. Découpez-la en conditions plus courtes, ou utilisez moyenne(…) ou somme(…).',
        en: 'More than {limit} operators in one condition: this file cannot be parsed. Split it into shorter conditions, or use moyenne(…) or somme(…).'
    },
    'syntax.unparsable': {
        fr: 'Ce fichier est trop abîmé pour être analysé ({reason}). Vérifiez que chaque « " », chaque « { » et chaque « ( » est refermé.',
        en: 'This file is too damaged to be parsed ({reason}). Check that every \'"\', every "{" and every "(" is closed.'
    },
    'syntax.tooDeep.stack': {
        fr: 'Ce fichier est trop abîmé ou trop imbriqué pour être analysé (pile dépassée). Vérifiez que chaque « " », chaque « { » et chaque « ( » est refermé, et simplifiez les expressions.',
        en: 'This file is too damaged or nested too deeply to be parsed (stack exceeded). Check that every \'"\', every "{" and every "(" is closed, and simplify the expressions.'
    }
});

export type NestingLimit = keyof typeof NESTING_LIMITS;

/** Le premier dépassement d'une limite : quelle limite, et où (décalage dans le texte). */
export interface NestingViolation {
    readonly limit: NestingLimit;
    readonly offset: number;
    readonly length: number;
}

const WORD_START = /[_a-zA-Z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F]/;
const WORD_PART = /[\w\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F.\-]/;
const COMPARISON_START = new Set(['<', '>', '=', '!', '≥', '≤', '≠']);

/**
 * Un passage sur le texte (linéaire, sans expression régulière globale), qui saute les textes
 * entre guillemets et les commentaires, et rend le premier dépassement d'une limite.
 */
export function findNestingViolation(text: string): NestingViolation | undefined {
    let parens = 0;
    let braces = 0;
    let negations = 0;
    let operators = 0;
    const length = text.length;
    let i = 0;
    while (i < length) {
        const c = text[i];
        if (c === '"') {
            i++;
            while (i < length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
            i++;
            continue;
        }
        if (c === '/' && text[i + 1] === '/') {
            while (i < length && text[i] !== '\n') i++;
            continue;
        }
        if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? length : end + 2;
            continue;
        }
        if (c === '(') {
            if (++parens > NESTING_LIMITS.parentheses) return { limit: 'parentheses', offset: i, length: 1 };
        } else if (c === ')') {
            if (parens > 0) parens--;
        } else if (c === '{') {
            operators = negations = 0;
            if (++braces > NESTING_LIMITS.braces) return { limit: 'braces', offset: i, length: 1 };
        } else if (c === '}') {
            operators = negations = 0;
            if (braces > 0) braces--;
        } else if (c === '+' || c === '-' || c === '*' || c === '/' || COMPARISON_START.has(c)) {
            if (++operators > NESTING_LIMITS.operators) return { limit: 'operators', offset: i, length: 1 };
            // >=, <=, != : un seul opérateur.
            if (text[i + 1] === '=') i++;
        } else if (c >= '0' && c <= '9') {
            // Nombres (12,5), dates (2024-06-28) : un seul jeton.
            while (i + 1 < length && /[0-9.,\-]/.test(text[i + 1])) i++;
        } else if (WORD_START.test(c)) {
            const start = i;
            while (i + 1 < length && WORD_PART.test(text[i + 1])) i++;
            const word = text.slice(start, i + 1);
            if (word === 'non') {
                if (++negations > NESTING_LIMITS.negations) return { limit: 'negations', offset: start, length: 3 };
            } else if (word === 'et' || word === 'ou') {
                if (++operators > NESTING_LIMITS.operators) return { limit: 'operators', offset: start, length: word.length };
            } else if (word === 'condition') {
                operators = negations = 0;
            }
        }
        i++;
    }
    return undefined;
}

/** Ligne et colonne (à partir de 1) d'un décalage. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}

/**
 * Le résultat d'analyse d'un fichier refusé : l'arbre d'un texte vide de même forme (les positions
 * restent valables pour l'éditeur) et une seule erreur de syntaxe, sur le jeton fautif.
 */
function refused(parser: LangiumParser, parse: LangiumParser['parse'], text: string, offset: number, length: number, message: string): ParseResult {
    const blank = text.replace(/[^\r\n]/g, ' ');
    let result: ParseResult;
    try {
        result = parse.call(parser, blank) as ParseResult;
    } catch {
        reset(parser);
        result = parse.call(parser, '') as ParseResult;
    }
    const { line, column } = lineColumn(text, offset);
    const token = {
        image: text.slice(offset, offset + length),
        startOffset: offset,
        endOffset: offset + length - 1,
        startLine: line,
        endLine: line,
        startColumn: column,
        endColumn: column + length - 1,
        tokenTypeIdx: 0,
        tokenType: { name: 'NESTING', PATTERN: undefined }
    } as unknown as IToken;
    return {
        ...result,
        lexerErrors: [],
        parserErrors: [{ name: 'NestingLimit', message, token, resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] } }]
    };
}

/** Vide l'état qu'une analyse interrompue par une exception laisse dans l'analyseur. */
function reset(parser: LangiumParser): void {
    const state = parser as unknown as { stack?: unknown[]; unorderedGroups?: Map<unknown, unknown> };
    if (Array.isArray(state.stack)) state.stack.length = 0;
    state.unorderedGroups?.clear();
}

/**
 * L'analyseur de Langium, gardé : un fichier qui dépasse une limite d'imbrication (ou, en dernier
 * recours, la pile) donne une erreur de syntaxe claire à sa place, jamais une exception.
 */
export function createGuardedParser(
    services: LangiumCoreServices,
    createParser: (services: LangiumCoreServices) => LangiumParser = createLangiumParser
): LangiumParser {
    const parser = createParser(services);
    const parse = parser.parse;
    parser.parse = function guardedParse(input: string, options?: Parameters<LangiumParser['parse']>[1]) {
        const violation = findNestingViolation(input);
        if (violation) {
            const message = msg(`syntax.tooDeep.${violation.limit}`, { limit: NESTING_LIMITS[violation.limit] });
            return refused(parser, parse, input, violation.offset, violation.length, message);
        }
        try {
            return parse.call(parser, input, options);
        } catch (error) {
            // Une analyse qui lève laisse sa pile pleine : l'analyseur, réutilisé pour chaque
            // fichier, échouerait ensuite sur tous les autres. On le remet à neuf.
            reset(parser);
            if (error instanceof RangeError) {
                return refused(parser, parse, input, 0, 1, msg('syntax.tooDeep.stack', {}));
            }
            // La reprise sur erreur de l'analyseur a échoué (« Parser stack is not empty… ») : le
            // fichier est trop abîmé pour un arbre. Si l'analyse lexicale a trouvé la cause (un
            // caractère inattendu), elle seule est dite ; sinon, un message sur la première ligne.
            const lexerErrors = services.parser.Lexer.tokenize(input).errors ?? [];
            const first = lexerErrors[0];
            if (first) {
                return { ...refused(parser, parse, input, 0, 1, ''), parserErrors: [], lexerErrors: [first] };
            }
            return refused(parser, parse, input, 0, 1, msg('syntax.unparsable', { reason: error instanceof Error ? error.message : String(error) }));
        }
    } as LangiumParser['parse'];
    return parser;
}
