import type { InputProblem, SourcePosition } from '../types.js';

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

/** `fichier:ligne:colonne message`, comme le linter. */
export function formatProblem(p: InputProblem): string {
    return `${p.file}:${p.line}:${p.column} ${p.message}`;
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
