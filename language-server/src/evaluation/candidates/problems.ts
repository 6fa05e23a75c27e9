import { printable } from '../../common/markup.js';
import { msg } from '../../i18n/messages.js';
import type { InputProblem, SourcePosition } from '../types.js';
import '../candidate-messages.js';

/**
 * Un fichier de candidat (ou une cohorte) illisible : l'évaluation n'a pas lieu.
 * `problems` les donne tous (un fichier JSON) ou ceux de la première ligne fautive (une cohorte).
 */
export class InputError extends Error {
    constructor(readonly problems: InputProblem[]) {
        super(problems.length > 0 ? formatProblem(problems[0]) : 'InputError');
        this.name = 'InputError';
    }
}

/** `fichier:ligne:colonne message`, comme le linter, sur une ligne sans caractère de contrôle. */
export function formatProblem(p: InputProblem): string {
    return printable(`${p.file}:${p.line}:${p.column} ${p.message}`);
}

/** Un mot qui a la forme d'un nom propre : majuscule puis au moins deux minuscules (« Léa », « Dupré », « Jean-Luc »), ou capitales seules (« MARTIN »). */
const NAME_LIKE = /^(?:\p{Lu}\p{Ll}{2,}(?:[-'’]\p{L}+)*|\p{Lu}{4,}(?:[-'’]\p{Lu}+)*)$/u;

/**
 * Une valeur lue dans un fichier de candidat, telle qu'un message peut la citer. Un nom de
 * candidat égaré dans une mauvaise cellule ne doit pas s'y retrouver (donnée personnelle) : une
 * valeur dont un mot a la forme d'un nom (« Camille Martin », « DUPRÉ », « Léa »), ou de plus de
 * 40 caractères, est masquée — le message dit seulement sa longueur, la position la situe. Les
 * fautes ordinaires restent citées : « peut-être », « 12,5 », « C1.9 », « NA », « 31/02/2026 ».
 */
export function shownValue(value: string): string {
    const text = value.trim();
    // Les mots sont pris entre tout ce qui n'est pas une lettre : un nom collé à un code
    // (« C1Camille.1 », trouvé par le fuzzing) est masqué comme un nom seul.
    if (text.length <= 40 && !text.split(/[^\p{L}'’]+/u).some(word => NAME_LIKE.test(word))) return text;
    return msg('cand.value.masked', { count: text.length });
}

/** Un en-tête de colonne pour un message : au plus 40 caractères. */
export function shownHeader(name: string): string {
    return name.length > 40 ? name.slice(0, 40) + '…' : name;
}

/** Première lettre en capitale (les lieux commencent les messages). */
export function capitalize(text: string): string {
    return text.length > 0 ? text[0].toLocaleUpperCase('fr') + text.slice(1) : text;
}

/** Un problème placé à une position. */
export function problemAt(position: SourcePosition, kind: InputProblem['kind'], message: string): InputProblem {
    const problem: { -readonly [K in keyof InputProblem]: InputProblem[K] } = {
        file: position.file, line: position.line, column: position.column, kind, message
    };
    if (position.endLine !== undefined) problem.endLine = position.endLine;
    if (position.endColumn !== undefined) problem.endColumn = position.endColumn;
    return problem;
}

/** Trie les problèmes par position et retire les doublons exacts. */
export function sortProblems(problems: InputProblem[]): InputProblem[] {
    const seen = new Set<string>();
    return problems
        .filter(p => {
            const key = `${p.line}:${p.column}:${p.message}`;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
        })
        .sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Lignes et colonnes (à partir de 1, en unités UTF-16 comme les éditeurs) d'un texte
 * à partir d'un décalage.
 */
export class LineIndex {
    private readonly starts: number[] = [0];

    constructor(text: string) {
        for (let i = 0; i < text.length; i++) {
            const c = text.charCodeAt(i);
            if (c === 10) {
                this.starts.push(i + 1);
            } else if (c === 13 && text.charCodeAt(i + 1) !== 10) {
                this.starts.push(i + 1);
            }
        }
    }

    at(offset: number): { line: number; column: number } {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
        }
        return { line: lo + 1, column: offset - this.starts[lo] + 1 };
    }

    position(file: string, offset: number, length = 0): SourcePosition {
        const start = this.at(offset);
        const end = this.at(offset + length);
        return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    }
}
