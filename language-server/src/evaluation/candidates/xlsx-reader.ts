import { createReadStream, promises as fs } from 'node:fs';
import { Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import { suggest } from '../../codes.js';
import { msg } from '../../i18n/messages.js';
import type { ReferentielModel } from '../../model/referentiel-model.js';
import type { CandidateResults } from '../types.js';
import { InputError } from './problems.js';
import { CohortTable, type RawCell } from './table.js';
import { dateToIso } from './values.js';
import { checkZipBomb } from './zip-check.js';
import '../candidate-messages.js';

export interface XlsxOptions {
    readonly sheet?: string;
    readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** « A », « Z », « AA »… */
export function columnLetter(column: number): string {
    let letters = '';
    for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
        letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    }
    return letters;
}

type CellContent = { text: string; number?: number; date?: string; error?: string };

/** Le contenu d'une cellule d'exceljs (nombre, texte, date, texte enrichi, formule, lien, erreur). */
function content(value: unknown): CellContent {
    if (value === null || value === undefined) return { text: '' };
    // Une formule en erreur est lue comme NaN par le lecteur en flux (le texte de l'erreur est perdu).
    if (typeof value === 'number') return Number.isFinite(value) ? { text: String(value), number: value } : { text: '', error: '' };
    if (typeof value === 'string') return { text: value };
    if (typeof value === 'boolean') return { text: String(value) };
    if (value instanceof Date) {
        const iso = dateToIso(value);
        return iso ? { text: iso, date: iso } : { text: '' };
    }
    if (typeof value === 'object') {
        const v = value as Record<string, unknown>;
        if (Array.isArray(v.richText)) return { text: (v.richText as Array<{ text?: string }>).map(r => r.text ?? '').join('') };
        if ('error' in v) return { text: String(v.error), error: String(v.error) };
        if ('formula' in v || 'sharedFormula' in v) {
            // Sans valeur calculée : formule en erreur (le lecteur en flux perd le texte de l'erreur)
            // ou classeur jamais recalculé.
            return v.result === undefined || v.result === null ? { text: '', error: '' } : content(v.result);
        }
        if ('text' in v) return content(v.text);
        if ('result' in v) return content(v.result);
    }
    return { text: String(value) };
}

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
    readonly name: string;
}

/**
 * Lit une cohorte dans un classeur .xlsx en flux (exceljs WorkbookReader) : la première
 * feuille, ou celle nommée par `sheet`. La mémoire ne dépend pas du nombre de lignes
 * (hors textes partagés du classeur).
 */
export async function* readXlsxCohort(file: string, model: ReferentielModel, options: XlsxOptions = {}): AsyncGenerator<CandidateResults> {
    const total = (await fs.stat(file)).size;
    await checkZipBomb(file);
    const input = createReadStream(file);
    let read = 0;
    const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback): void {
            read += chunk.length;
            options.onProgress?.(read, total);
            callback(null, chunk);
        }
    });
    input.on('error', error => counter.destroy(error));
    input.pipe(counter);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(counter, {
        worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore'
    });
    const workbookSheets = (): string[] | undefined =>
        ((reader as unknown as { model?: { sheets?: Array<{ name: string }> } }).model?.sheets)?.map(s => s.name);
    const seen: string[] = [];
    const matches = (name: string, wanted: string): boolean => name === wanted || name.trim().toLowerCase() === wanted.trim().toLowerCase();
    const unknownSheet = (wanted: string, names: string[]): InputError => new InputError([{
        file, line: 1, column: 1, kind: 'colonne',
        message: msg('cand.xlsx.sheet', {
            sheet: wanted,
            sheets: names.length ? names.map(n => `« ${n} »`).join(', ') : '—',
            suggestion: (() => {
                const close = suggest(wanted, names, 1);
                return close.length ? ' ' + msg('link.didYouMean', { names: `« ${close[0]} »` }) : '';
            })()
        })
    }]);

    let found = false;
    try {
        for await (const sheet of reader as unknown as AsyncIterable<SheetReader>) {
            const names = workbookSheets();
            const wanted = options.sheet ?? names?.[0];
            if (options.sheet !== undefined && names && !names.some(n => matches(n, options.sheet!))) {
                throw unknownSheet(options.sheet, names);
            }
            seen.push(sheet.name);
            if (found || (wanted !== undefined ? !matches(sheet.name, wanted) : seen.length > 1)) {
                // Une autre feuille : la lire jusqu'au bout libère le flux.
                for await (const _row of sheet) { /* ignorée */ }
                continue;
            }
            found = true;
            yield* readSheet(file, model, sheet);
            break;
        }
    } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError([{
            file, line: 1, column: 1, kind: 'syntaxe',
            message: msg('cand.xlsx.unreadable', { reason: error instanceof Error ? error.message : String(error) })
        }]);
    } finally {
        input.destroy();
        counter.destroy();
    }
    if (!found) {
        const names = workbookSheets() ?? seen;
        if (options.sheet !== undefined) throw unknownSheet(options.sheet, names);
        throw new InputError([{ file, line: 1, column: 1, kind: 'colonne', message: msg('cand.xlsx.noSheet') }]);
    }
}

async function* readSheet(file: string, model: ReferentielModel, sheet: SheetReader): AsyncGenerator<CandidateResults> {
    const table = new CohortTable(file, model, 'xlsx');
    for await (const row of sheet) {
        const values = row.values as unknown[];
        CohortTable.checkFieldCount(file, values.length - 1, row.number);
        const cells: Array<RawCell | undefined> = [];
        for (let column = 1; column < values.length; column++) {
            const value = values[column];
            if (value === undefined || value === null) {
                cells.push(undefined);
                continue;
            }
            const ref = `${columnLetter(column)}${row.number}`;
            cells.push({ ...content(value), ref, position: { file, line: row.number, column } });
        }
        if (!table.hasHeader) {
            if (!table.isBlank(cells)) table.header(cells, row.number);
            continue;
        }
        const result = table.row(cells, row.number);
        if (result) yield result;
    }
    table.finish();
}
