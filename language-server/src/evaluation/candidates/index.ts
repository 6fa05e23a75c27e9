/**
 * Lecture des résultats de candidats pour `referentiel evaluate` et l'éditeur :
 * - un candidat : fichier JSON (*.candidat.json, schemas/candidat.schema.json) ;
 * - une cohorte : CSV (.csv, .tsv) ou classeur (.xlsx), lue en flux, ligne à ligne.
 * Une entrée fautive lève InputError avec des problèmes situés (fichier, ligne, colonne).
 */
import * as path from 'node:path';
import { msg } from '../../i18n/messages.js';
import type { ReferentielModel } from '../../model/referentiel-model.js';
import type { CandidateResults } from '../types.js';
import { readCsvCohort } from './csv-reader.js';
import { InputError } from './problems.js';
import { readXlsxCohort } from './xlsx-reader.js';
import '../candidate-messages.js';

export { InputError, formatProblem } from './problems.js';
export { readCandidateJson } from './json-reader.js';
export { decodeFile, type TextEncoding } from './decode.js';
export { detectSeparator } from './csv-reader.js';
export { MAX_CELL_LENGTH, MAX_FIELDS, MAX_JSON_DEPTH, MAX_LINE_LENGTH, MAX_SHOWN_PROBLEMS } from './limits.js';

export interface CohortOptions {
    /** Feuille du classeur (.xlsx) ; la première par défaut. Sans effet sur un CSV. */
    readonly sheet?: string;
    /** Progression de la lecture, en octets du fichier (appelée à chaque morceau lu). */
    readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export type CohortFormat = 'csv' | 'xlsx';

/** Le format de cohorte d'un fichier d'après son extension (undefined sinon). */
export function cohortFormat(file: string): CohortFormat | undefined {
    const ext = path.extname(file).toLowerCase();
    if (ext === '.csv' || ext === '.tsv') return 'csv';
    if (ext === '.xlsx') return 'xlsx';
    return undefined;
}

/**
 * Les candidats d'une cohorte, un par ligne, lus en flux (mémoire constante).
 * Lève InputError à la première ligne fautive (ou pour l'en-tête) : l'appelant abandonne alors.
 */
export async function* readCohort(file: string, model: ReferentielModel, options: CohortOptions = {}): AsyncGenerator<CandidateResults> {
    const format = cohortFormat(file);
    if (format === 'csv') {
        yield* readCsvCohort(file, model, { onProgress: options.onProgress });
    } else if (format === 'xlsx') {
        yield* readXlsxCohort(file, model, { sheet: options.sheet, onProgress: options.onProgress });
    } else {
        const ext = path.extname(file).toLowerCase();
        throw new InputError([{
            file, line: 1, column: 1, kind: 'syntaxe',
            message: ext === '.xls' ? msg('cand.file.xls') : msg('cand.file.unsupported', { ext: ext || '—' })
        }]);
    }
}
