/**
 * Le formateur du langage Référentiel : une mise en forme canonique, comme gofmt.
 *
 * - indentation de 4 espaces par niveau d'accolades ;
 * - un élément par ligne (chaque clause : `compétence`, `évalue`, `critère`, `note`, `épreuve`…) ;
 * - espaces normalisées : `a, b`, `titre : expression`, `80 %`, `moyenne(a, b)` ;
 * - `}` seule sur sa ligne ; une ligne vide au plus entre deux éléments (celles de l'auteur),
 *   et toujours une avant un bloc, les règles d'obtention, et après une accolade de premier niveau ;
 * - les retours à la ligne voulus à l'intérieur d'un élément sont gardés (ligne de
 *   continuation, indentée d'un niveau de plus).
 *
 * Invariants (vérifiés par les tests sur chaque fichier .ref du dépôt) :
 * - le contenu des textes et des commentaires ne change jamais ; seules les espaces entre les
 *   jetons changent, et l'indentation des lignes de continuation d'un texte sur plusieurs lignes
 *   (elle ne fait pas partie du texte, voir parser/value-converter.ts) ;
 * - format(format(x)) === format(x) ;
 * - un fichier qui a des erreurs de syntaxe n'est pas formaté ;
 * - garde-fou : le résultat est relu par l'analyseur lexical, et si ses jetons diffèrent de ceux
 *   du texte d'origine (hors espaces), aucune modification n'est proposée.
 */
import { CstUtils, GrammarAST, type CstNode, type LangiumCoreServices, type LangiumDocument } from 'langium';
import type { IToken } from 'chevrotain';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { convertTexte } from '../parser/value-converter.js';

export const INDENT = '    ';

/** Une modification du texte, en positions absolues (début inclus, fin exclue). */
export interface FormattingEdit {
    readonly offset: number;
    readonly end: number;
    readonly newText: string;
}

/** Les éléments qui commencent une ligne (leur premier jeton). */
const CLAUSE_TYPES = new Set([
    'Certification', 'Appartenance', 'Socle', 'Certificateur', 'Nsf', 'Formacode', 'Rome', 'JuryVoie', 'Enregistrement', 'Note',
    'Bloc', 'Equivalence', 'SeuilBloc', 'Activite', 'Competence', 'Modalite', 'Livrable', 'Jury', 'Critere',
    'Obtention', 'SeuilCompetence', 'Epreuve', 'Mesure', 'Fait', 'Condition', 'AcquisBlocs', 'Amenagement'
]);

/** Les mots-clés qui ouvrent une propriété sans nœud propre (« niveau 7 », « évalue C1.1 »…). */
const CLAUSE_KEYWORDS: Record<string, ReadonlySet<string>> = {
    Certification: new Set(['rncp', 'niveau', 'utilise', 'statut', 'version', 'identifiant', 'état', 'partenaires', 'capacités',
        'secteurs', 'emplois', 'objectifs', 'accessible', 'enregistrement']),
    Bloc: new Set(['inclut']),
    Modalite: new Set(['nature', 'seul', 'en', 'évalue', 'consigne']),
    Obtention: new Set(['bloc'])
};

type Kind = 'open' | 'close' | 'comma' | 'colon' | 'percent' | 'lparen' | 'rparen' | 'lineComment' | 'blockComment' | 'string' | 'other';

interface Token {
    readonly offset: number;
    readonly end: number;
    readonly text: string;
    readonly type: string;
    readonly kind: Kind;
    /** Le jeton commence un élément : il va en début de ligne. */
    readonly clause: boolean;
    /** Niveau d'indentation supplémentaire (les `note` d'une compétence, sous elle). */
    readonly extra: number;
    /** Parenthèse d'un appel de fonction (`moyenne(`) : collée au nom. */
    readonly call: boolean;
    /** Début d'un bloc ou des règles d'obtention : précédé d'une ligne vide. */
    readonly section: boolean;
}

/** Vrai si le document a des erreurs de syntaxe (il n'est alors pas formaté). */
export function hasSyntaxErrors(document: LangiumDocument): boolean {
    const result = document.parseResult;
    return (result?.lexerErrors?.length ?? 0) > 0 || (result?.parserErrors?.length ?? 0) > 0;
}

/**
 * Les modifications qui mettent un document en forme (vide s'il l'est déjà) ;
 * `undefined` si le document a des erreurs de syntaxe ou si le garde-fou refuse le résultat.
 */
export function computeFormattingEdits(services: LangiumCoreServices, document: LangiumDocument): FormattingEdit[] | undefined {
    if (hasSyntaxErrors(document)) {
        return undefined;
    }
    const text = document.textDocument.getText();
    const tokens = collectTokens(services, document, text);
    if (!tokens) {
        return undefined;
    }
    const edits = layout(text, tokens);
    const formatted = applyFormattingEdits(text, edits);
    if (!sameTokens(services, text, formatted)) {
        return undefined;
    }
    return edits.filter(edit => text.slice(edit.offset, edit.end) !== edit.newText);
}

/** Le texte mis en forme, ou `undefined` (erreurs de syntaxe). */
export function formatDocumentText(services: LangiumCoreServices, document: LangiumDocument): string | undefined {
    const edits = computeFormattingEdits(services, document);
    return edits ? applyFormattingEdits(document.textDocument.getText(), edits) : undefined;
}

export function applyFormattingEdits(text: string, edits: readonly FormattingEdit[]): string {
    const ordered = [...edits].sort((a, b) => a.offset - b.offset);
    let result = '';
    let position = 0;
    for (const edit of ordered) {
        result += text.slice(position, edit.offset) + edit.newText;
        position = edit.end;
    }
    return result + text.slice(position);
}

/** Les modifications au format LSP, limitées (si demandé) à celles qui touchent une plage. */
export function toTextEdits(document: LangiumDocument, edits: readonly FormattingEdit[], range?: Range): TextEdit[] {
    const textDocument = document.textDocument;
    let selected = edits;
    if (range) {
        const start = textDocument.offsetAt(range.start);
        const end = textDocument.offsetAt(range.end);
        selected = edits.filter(edit => edit.end >= start && edit.offset <= end && !(edit.offset === end && edit.end > end));
    }
    return selected.map(edit => ({
        range: { start: textDocument.positionAt(edit.offset), end: textDocument.positionAt(edit.end) },
        newText: edit.newText
    }));
}

// ---------------------------------------------------------------------------------------------
// Jetons et contexte
// ---------------------------------------------------------------------------------------------

function collectTokens(services: LangiumCoreServices, document: LangiumDocument, text: string): Token[] | undefined {
    const lexed = services.parser.Lexer.tokenize(text);
    if (lexed.errors.length > 0) {
        return undefined;
    }
    const leaves = new Map<number, CstNode>();
    const root = document.parseResult.value.$cstNode;
    if (root) {
        for (const leaf of CstUtils.flattenCst(root)) {
            if (!leaf.hidden) leaves.set(leaf.offset, leaf);
        }
    }
    const all: IToken[] = [...lexed.tokens, ...lexed.hidden].sort((a, b) => a.startOffset - b.startOffset);
    return all.map(token => {
        const offset = token.startOffset;
        const image = token.image;
        const type = token.tokenType.name;
        const leaf = leaves.get(offset);
        const kind = kindOf(type, image);
        const clause = leaf !== undefined && isClauseStart(leaf);
        const node = leaf?.astNode;
        const extra = clause && node?.$type === 'Note' && node.$container?.$type === 'Competence' && node.$cstNode?.offset === offset ? 1 : 0;
        const call = kind === 'lparen' && node?.$type === 'Appel';
        const section = clause && (node?.$type === 'Bloc' || node?.$type === 'Obtention') && node.$cstNode?.offset === offset;
        return { offset, end: offset + image.length, text: image, type, kind, clause, extra, call, section };
    });
}

function kindOf(type: string, image: string): Kind {
    switch (type) {
        case 'SL_COMMENT': return 'lineComment';
        case 'ML_COMMENT': return 'blockComment';
        case 'STRING': return 'string';
    }
    switch (image) {
        case '{': return 'open';
        case '}': return 'close';
        case ',': return 'comma';
        case ':': return 'colon';
        case '%': return 'percent';
        case '(': return 'lparen';
        case ')': return 'rparen';
    }
    return 'other';
}

function isClauseStart(leaf: CstNode): boolean {
    const node = leaf.astNode;
    if (node.$cstNode?.offset === leaf.offset && CLAUSE_TYPES.has(node.$type)) {
        // « validé si … » est une clause dans un bloc ; dans « obtention », c'est « bloc » qui l'ouvre.
        return node.$type !== 'SeuilBloc' || node.$container?.$type === 'Bloc';
    }
    if (GrammarAST.isKeyword(leaf.grammarSource)) {
        return CLAUSE_KEYWORDS[node.$type]?.has(leaf.text) ?? false;
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// Mise en page
// ---------------------------------------------------------------------------------------------

function layout(text: string, tokens: readonly Token[]): FormattingEdit[] {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const edits: FormattingEdit[] = [];
    let depth = 0;
    let elementIndent = 0;
    let column = 0;
    let previous: Token | undefined;
    // Le dernier jeton qui n'est pas un commentaire de fin de ligne (« } // fin du bloc » : « } »).
    let anchor: Token | undefined;

    const nextNonComment = (index: number): Token | undefined => {
        for (let k = index + 1; k < tokens.length; k++) {
            if (!isComment(tokens[k])) return tokens[k];
        }
        return undefined;
    };

    tokens.forEach((token, index) => {
        const gapStart = previous ? previous.end : 0;
        const gap = text.slice(gapStart, token.offset);
        const newlines = countNewlines(gap);
        let separator: string;
        let inline = false;
        if (!previous) {
            separator = '';
            column = 0;
            if (token.clause) elementIndent = token.extra * INDENT.length;
        } else if (isComment(token) && newlines === 0 && previous.kind !== 'lineComment') {
            // Un commentaire écrit en fin de ligne y reste (même après « { »).
            separator = ' ';
            column += 1;
            inline = true;
        } else if (mustBreak(previous, token) || (newlines > 0 && token.kind !== 'comma')) {
            // Une ligne vide avant un bloc ou « obtention » (avant les commentaires qui les
            // précèdent), et après une accolade fermante de premier niveau.
            const startsSection = token.section || (isComment(token) && nextNonComment(index)?.section === true);
            const last = anchor ?? previous;
            const blank = (newlines >= 2 && previous.kind !== 'open' && token.kind !== 'close')
                || (depth === 0 && (token.clause || isComment(token)) && (last.kind === 'close' || (startsSection && !isComment(last))));
            let indent: number;
            if (token.kind === 'close') {
                indent = Math.max(0, depth - 1) * INDENT.length;
            } else if (token.clause) {
                indent = (depth + token.extra) * INDENT.length;
                elementIndent = indent;
            } else if (isComment(token)) {
                const next = nextNonComment(index);
                indent = !next || next.clause || next.kind === 'close' ? depth * INDENT.length : elementIndent + INDENT.length;
            } else {
                indent = elementIndent + INDENT.length;
            }
            separator = (blank ? eol + eol : eol) + ' '.repeat(indent);
            column = indent;
        } else {
            separator = spacing(previous, token);
            column += separator.length;
        }
        edits.push({ offset: gapStart, end: token.offset, newText: separator });

        // Le jeton lui-même : seul un texte sur plusieurs lignes peut changer (l'indentation de ses
        // lignes de continuation, qui ne fait pas partie du texte).
        if (token.kind === 'string' && /[\r\n]/.test(token.text)) {
            const reindented = reindentString(token.text, column + 1);
            if (reindented !== token.text) {
                edits.push({ offset: token.offset, end: token.end, newText: reindented });
            }
            column = lastLineLength(reindented);
        } else if (token.kind === 'blockComment' && /[\r\n]/.test(token.text)) {
            column = lastLineLength(token.text);
        } else {
            column += token.text.length;
        }
        if (token.kind === 'open') depth++;
        if (token.kind === 'close') depth = Math.max(0, depth - 1);
        previous = token;
        if (!inline) anchor = token;
    });

    // Fin du fichier : exactement une fin de ligne (rien pour un fichier vide).
    const tail = previous ? previous.end : 0;
    edits.push({ offset: tail, end: text.length, newText: previous ? eol : '' });
    return edits;
}

function isComment(token: Token): boolean {
    return token.kind === 'lineComment' || token.kind === 'blockComment';
}

function mustBreak(previous: Token, token: Token): boolean {
    return previous.kind === 'lineComment'
        || previous.kind === 'open'
        || previous.kind === 'close'
        || token.kind === 'close'
        || token.clause;
}

function spacing(previous: Token, token: Token): string {
    if (token.kind === 'comma' || token.kind === 'rparen') return '';
    if (previous.kind === 'lparen') return '';
    if (token.kind === 'lparen' && token.call) return '';
    return ' ';
}

function countNewlines(gap: string): number {
    let count = 0;
    for (let i = 0; i < gap.length; i++) {
        if (gap[i] === '\n') count++;
        else if (gap[i] === '\r' && gap[i + 1] !== '\n') count++;
    }
    return count;
}

function lastLineLength(text: string): number {
    const index = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    return index < 0 ? text.length : text.length - index - 1;
}

/**
 * Réindente les lignes de continuation d'un texte sur plusieurs lignes : elles s'alignent sur la
 * première colonne du texte (après le guillemet ouvrant), en gardant leur décalage relatif.
 * Les lignes vides le restent (sans espaces).
 */
export function reindentString(image: string, contentColumn: number): string {
    const parts = image.split(/(\r\n|\r|\n)/);
    // parts : ligne, séparateur, ligne, séparateur…
    const lines: string[] = [];
    const separators: string[] = [];
    for (let i = 0; i < parts.length; i++) {
        if (i % 2 === 0) lines.push(parts[i]); else separators.push(parts[i]);
    }
    const leading = (line: string): number => line.length - line.trimStart().length;
    let min = Infinity;
    for (let i = 1; i < lines.length; i++) {
        if (lines[i].trim() !== '') min = Math.min(min, leading(lines[i]));
    }
    if (!Number.isFinite(min)) min = 0;
    let result = lines[0];
    for (let i = 1; i < lines.length; i++) {
        const line = lines[i];
        const body = line.trimStart();
        const indent = body === '' ? '' : ' '.repeat(contentColumn + leading(line) - min);
        result += separators[i - 1] + indent + body;
    }
    return result;
}

/** Garde-fou : les jetons du résultat sont ceux du texte d'origine (les textes gardent leur valeur). */
function sameTokens(services: LangiumCoreServices, before: string, after: string): boolean {
    const lexer = services.parser.Lexer;
    const a = lexer.tokenize(before);
    const b = lexer.tokenize(after);
    if (b.errors.length > 0) return false;
    const listA = [...a.tokens, ...a.hidden].sort((x, y) => x.startOffset - y.startOffset);
    const listB = [...b.tokens, ...b.hidden].sort((x, y) => x.startOffset - y.startOffset);
    if (listA.length !== listB.length) return false;
    for (let i = 0; i < listA.length; i++) {
        const x = listA[i];
        const y = listB[i];
        if (x.tokenType !== y.tokenType) return false;
        if (x.tokenType.name === 'STRING') {
            if (convertTexte(x.image) !== convertTexte(y.image)) return false;
        } else if (x.image !== y.image) {
            return false;
        }
    }
    return true;
}
