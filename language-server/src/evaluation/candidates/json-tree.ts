/**
 * Analyse JSON stricte qui garde la position de chaque valeur (pour placer les messages).
 *
 * Écrite ici plutôt qu'empruntée : l'analyseur de VS Code (jsonc-parser) ne se laisse pas
 * empaqueter par esbuild (son module UMD appelle `require` dynamiquement).
 *
 * Commentaires et virgules finales ne sont pas du JSON : ils sont relevés (tous, car ils ne
 * désorganisent pas la suite) et la lecture continue. Toute autre erreur arrête la lecture.
 */

export type JsonNodeType = 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null';

export interface JsonNode {
    readonly type: JsonNodeType;
    /** Décalage du début (en unités UTF-16) et longueur dans le texte. */
    readonly offset: number;
    length: number;
    /** Valeur d'une feuille (texte, nombre, booléen, null) ou clé d'un nœud « string » de propriété. */
    readonly value?: string | number | boolean | null;
    /** Propriétés d'un objet ; éléments d'une liste ; [clé, valeur] d'une propriété. */
    readonly children?: JsonNode[];
}

/** Les erreurs de syntaxe (mêmes noms que ceux de jsonc-parser, repris par les messages). */
export type JsonErrorCode =
    | 'InvalidSymbol' | 'InvalidNumberFormat' | 'PropertyNameExpected' | 'ValueExpected' | 'ColonExpected'
    | 'CommaExpected' | 'CloseBraceExpected' | 'CloseBracketExpected' | 'EndOfFileExpected'
    | 'UnexpectedEndOfComment' | 'UnexpectedEndOfString' | 'InvalidUnicode' | 'InvalidEscapeCharacter' | 'InvalidCharacter'
    | 'NestingTooDeep' | 'StringTooLong';

export interface JsonLimits {
    /** Profondeur d'imbrication des objets et listes (au-delà : NestingTooDeep, sans récursion de plus). */
    readonly maxDepth: number;
    /** Longueur d'un texte (au-delà : StringTooLong). */
    readonly maxString: number;
}

export interface JsonSyntaxError {
    readonly code: JsonErrorCode;
    readonly offset: number;
    readonly length: number;
}

export interface JsonParse {
    readonly root?: JsonNode;
    /** Commentaires (début, longueur). */
    readonly comments: ReadonlyArray<{ offset: number; length: number }>;
    /** Virgules finales (position de la virgule, et le « } » ou « ] » qui suit). */
    readonly trailingCommas: ReadonlyArray<{ offset: number; close: '}' | ']' }>;
    /** La première erreur qui arrête la lecture. */
    readonly error?: JsonSyntaxError;
}

class Stop extends Error {
    constructor(readonly detail: JsonSyntaxError) {
        super(detail.code);
    }
}

const DELIMITERS = new Set(['{', '}', '[', ']', ',', ':', '"', ' ', '\t', '\n', '\r', '/']);
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function parseJson(text: string, limits: JsonLimits = { maxDepth: 64, maxString: 32_767 }): JsonParse {
    let depth = 0;
    const comments: Array<{ offset: number; length: number }> = [];
    const trailingCommas: Array<{ offset: number; close: '}' | ']' }> = [];
    let pos = 0;

    const stop = (code: JsonErrorCode, offset = pos, length = 0): never => {
        throw new Stop({ code, offset, length });
    };

    /** Saute les blancs JSON et les commentaires (relevés). */
    const skip = (): void => {
        for (;;) {
            const c = text[pos];
            if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
                pos++;
            } else if (c === '/' && text[pos + 1] === '/') {
                const start = pos;
                while (pos < text.length && text[pos] !== '\n' && text[pos] !== '\r') pos++;
                comments.push({ offset: start, length: pos - start });
            } else if (c === '/' && text[pos + 1] === '*') {
                const start = pos;
                const end = text.indexOf('*/', pos + 2);
                if (end < 0) stop('UnexpectedEndOfComment', start, text.length - start);
                pos = end + 2;
                comments.push({ offset: start, length: pos - start });
            } else {
                return;
            }
        }
    };

    /** Un mot qui n'est pas du JSON (jusqu'au prochain délimiteur). */
    const symbol = (): never => {
        const start = pos;
        while (pos < text.length && !DELIMITERS.has(text[pos])) pos++;
        return stop('InvalidSymbol', start, Math.max(1, pos - start));
    };

    const string = (): JsonNode => {
        const start = pos;
        pos++;
        let value = '';
        for (;;) {
            if (pos >= text.length) stop('UnexpectedEndOfString', start, pos - start);
            const c = text[pos];
            const code = text.charCodeAt(pos);
            if (c === '"') {
                pos++;
                return { type: 'string', offset: start, length: pos - start, value };
            }
            if (value.length > limits.maxString) stop('StringTooLong', start, 1);
            if (c === '\n' || c === '\r') stop('UnexpectedEndOfString', start, pos - start);
            if (code < 0x20) stop('InvalidCharacter', pos, 1);
            if (c === '\\') {
                const e = text[pos + 1];
                switch (e) {
                    case '"': value += '"'; break;
                    case '\\': value += '\\'; break;
                    case '/': value += '/'; break;
                    case 'b': value += '\b'; break;
                    case 'f': value += '\f'; break;
                    case 'n': value += '\n'; break;
                    case 'r': value += '\r'; break;
                    case 't': value += '\t'; break;
                    case 'u': {
                        const hex = text.slice(pos + 2, pos + 6);
                        if (!/^[0-9a-fA-F]{4}$/.test(hex)) stop('InvalidUnicode', pos, 2 + hex.length);
                        value += String.fromCharCode(parseInt(hex, 16));
                        pos += 4;
                        break;
                    }
                    default:
                        stop('InvalidEscapeCharacter', pos, e === undefined ? 1 : 2);
                }
                pos += 2;
                continue;
            }
            value += c;
            pos++;
        }
    };

    const number = (): JsonNode => {
        const start = pos;
        while (pos < text.length && /[0-9+\-.eE]/.test(text[pos])) pos++;
        const raw = text.slice(start, pos);
        if (!NUMBER.test(raw)) stop('InvalidNumberFormat', start, raw.length);
        return { type: 'number', offset: start, length: raw.length, value: Number(raw) };
    };

    const value = (): JsonNode => {
        skip();
        const c = text[pos];
        if (c === undefined) return stop('ValueExpected');
        if (c === '{' || c === '[') {
            if (depth >= limits.maxDepth) stop('NestingTooDeep', pos, 1);
            depth++;
            const node = c === '{' ? object() : array();
            depth--;
            return node;
        }
        if (c === '"') return string();
        if (c === '-' || (c >= '0' && c <= '9')) return number();
        if (c === '}' || c === ']' || c === ',' || c === ':') return stop('ValueExpected', pos, 1);
        for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
            if (text.startsWith(word, pos) && (pos + word.length >= text.length || DELIMITERS.has(text[pos + word.length]))) {
                const start = pos;
                pos += word.length;
                return { type: v === null ? 'null' : 'boolean', offset: start, length: word.length, value: v };
            }
        }
        return symbol();
    };

    /** Après une virgule : fin du conteneur (virgule finale) ? */
    const trailing = (comma: number, close: '}' | ']'): boolean => {
        skip();
        if (text[pos] === close) {
            trailingCommas.push({ offset: comma, close });
            return true;
        }
        return false;
    };

    const object = (): JsonNode => {
        const start = pos;
        pos++;
        const children: JsonNode[] = [];
        skip();
        if (text[pos] === '}') {
            pos++;
            return { type: 'object', offset: start, length: pos - start, children };
        }
        for (;;) {
            skip();
            if (text[pos] !== '"') {
                if (pos >= text.length) stop('CloseBraceExpected');
                if (text[pos] === '\'' || /[A-Za-z_$]/.test(text[pos])) symbol();
                stop('PropertyNameExpected', pos, 1);
            }
            const key = string();
            skip();
            if (text[pos] !== ':') stop('ColonExpected', pos, pos < text.length ? 1 : 0);
            pos++;
            const val = value();
            const property: JsonNode = { type: 'property', offset: key.offset, length: val.offset + val.length - key.offset, children: [key, val] };
            children.push(property);
            skip();
            if (text[pos] === ',') {
                const comma = pos;
                pos++;
                if (trailing(comma, '}')) {
                    pos++;
                    return { type: 'object', offset: start, length: pos - start, children };
                }
                continue;
            }
            if (text[pos] === '}') {
                pos++;
                return { type: 'object', offset: start, length: pos - start, children };
            }
            if (pos >= text.length) stop('CloseBraceExpected');
            stop('CommaExpected', pos, 1);
        }
    };

    const array = (): JsonNode => {
        const start = pos;
        pos++;
        const children: JsonNode[] = [];
        skip();
        if (text[pos] === ']') {
            pos++;
            return { type: 'array', offset: start, length: pos - start, children };
        }
        for (;;) {
            children.push(value());
            skip();
            if (text[pos] === ',') {
                const comma = pos;
                pos++;
                if (trailing(comma, ']')) {
                    pos++;
                    return { type: 'array', offset: start, length: pos - start, children };
                }
                continue;
            }
            if (text[pos] === ']') {
                pos++;
                return { type: 'array', offset: start, length: pos - start, children };
            }
            if (pos >= text.length) stop('CloseBracketExpected');
            stop('CommaExpected', pos, 1);
        }
    };

    try {
        const root = value();
        skip();
        if (pos < text.length) stop('EndOfFileExpected', pos, 1);
        return { root, comments, trailingCommas };
    } catch (error) {
        if (error instanceof Stop) return { comments, trailingCommas, error: error.detail };
        throw error;
    }
}

/** La valeur JavaScript d'un nœud (objets sans prototype ; une clé répétée garde sa dernière valeur). */
export function nodeValue(node: JsonNode): unknown {
    switch (node.type) {
        case 'object': {
            const out = Object.create(null) as Record<string, unknown>;
            for (const property of node.children ?? []) {
                const [key, val] = property.children!;
                out[String(key.value)] = nodeValue(val);
            }
            return out;
        }
        case 'array':
            return (node.children ?? []).map(nodeValue);
        case 'property':
            return nodeValue(node.children![1]);
        default:
            return node.value;
    }
}
