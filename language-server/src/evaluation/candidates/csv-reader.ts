import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError, type Options } from 'csv-parse';
import { msg } from '../../i18n/messages.js';
import type { ReferentielModel } from '../../model/referentiel-model.js';
import type { CandidateResults, SourcePosition } from '../types.js';
import { decodeFile } from './decode.js';
import { MAX_LINE_LENGTH } from './limits.js';
import { InputError, LineIndex } from './problems.js';
import { CohortTable, type RawCell } from './table.js';
import '../candidate-messages.js';

export interface CsvOptions {
    readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** Au-delà, un enregistrement est sûrement un guillemet jamais fermé (et la mémoire reste bornée). */
const MAX_RECORD = MAX_LINE_LENGTH;

/** Le séparateur de la ligne d'en-tête : « ; », « , » ou tabulation (le plus fréquent hors guillemets). */
export function detectSeparator(line: string): string {
    const counts: Record<string, number> = { ';': 0, '\t': 0, ',': 0 };
    let quoted = false;
    for (const c of line) {
        if (c === '"') quoted = !quoted;
        else if (!quoted && c in counts) counts[c]++;
    }
    let best = ';';
    for (const c of [';', '\t', ',']) {
        if (counts[c] > counts[best]) best = c;
    }
    return best;
}

/** La première ligne non vide, si elle est complète (suivie d'une fin de ligne, ou fin du texte). */
function firstLine(text: string, ended: boolean): string | undefined {
    const re = /\r\n|\n|\r/g;
    let from = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
        // Un « \r » en fin de morceau peut être suivi d'un « \n » : on attend.
        if (m[0] === '\r' && m.index === text.length - 1 && !ended) return undefined;
        const line = text.slice(from, m.index);
        if (line.trim() !== '') return line;
        from = m.index + m[0].length;
    }
    const rest = text.slice(from);
    return ended && rest.trim() !== '' ? rest : undefined;
}

function countBreaks(text: string): number {
    const m = text.match(/\r\n|\n|\r/g);
    return m ? m.length : 0;
}

/** Les débuts et fins des champs dans le texte brut d'un enregistrement. */
function fieldSpans(content: string, separator: string, count: number): Array<[number, number]> {
    const spans: Array<[number, number]> = [];
    let i = 0;
    for (let k = 0; k < count && i <= content.length; k++) {
        const start = i;
        if (content[i] === '"') {
            i++;
            while (i < content.length) {
                if (content[i] === '"') {
                    if (content[i + 1] === '"') { i += 2; continue; }
                    i++;
                    break;
                }
                i++;
            }
        }
        while (i < content.length && content[i] !== separator) i++;
        spans.push([start, i]);
        i++;
    }
    return spans;
}

/** Positions dans un enregistrement qui commence à la ligne `startLine`. */
function positioner(file: string, content: string, startLine: number): (start: number, end: number) => SourcePosition {
    if (!/[\r\n]/.test(content)) {
        return (start, end) => ({ file, line: startLine, column: start + 1, endLine: startLine, endColumn: end + 1 });
    }
    const index = new LineIndex(content);
    return (start, end) => {
        const a = index.at(start);
        const b = index.at(end);
        return { file, line: startLine + a.line - 1, column: a.column, endLine: startLine + b.line - 1, endColumn: b.column };
    };
}

/**
 * Un enregistrement lu : ses cellules ne calculent leur position (début et fin du champ dans le
 * texte brut) qu'à la première demande. Les positions ne servent qu'aux messages d'erreur et aux
 * diagnostics : une cohorte sans erreur ne découpe jamais ses lignes une seconde fois.
 */
class CsvRecord {
    private at?: (start: number, end: number) => SourcePosition;
    private spans?: Array<[number, number]>;

    constructor(
        private readonly file: string,
        private readonly content: string,
        private readonly startLine: number,
        private readonly separator: string,
        private readonly count: number
    ) {}

    position(k: number): SourcePosition {
        if (!this.at) {
            this.spans = fieldSpans(this.content, this.separator, this.count);
            this.at = positioner(this.file, this.content, this.startLine);
        }
        const span = this.spans![k] ?? [this.content.length, this.content.length];
        return this.at(span[0], span[1]);
    }
}

class CsvCell implements RawCell {
    constructor(readonly text: string, private readonly record: CsvRecord, private readonly k: number) {}

    get position(): SourcePosition {
        return this.record.position(this.k);
    }
}

function cellsOf(file: string, record: string[], content: string, startLine: number, separator: string): RawCell[] {
    const source = new CsvRecord(file, content, startLine, separator, record.length);
    const cells: RawCell[] = new Array(record.length);
    for (let k = 0; k < record.length; k++) cells[k] = new CsvCell(record[k], source, k);
    return cells;
}

/** Les fins de ligne en tête d'un texte brut (lignes vides sautées) et le reste. */
function splitLeading(raw: string): { blank: number; rest: string } {
    const leading = /^(?:\r\n|\r|\n)*/.exec(raw)![0];
    return { blank: countBreaks(leading), rest: raw.slice(leading.length) };
}

/** Une erreur de csv-parse, à la ligne où commence l'enregistrement fautif (`nextLine` : ligne qui suit le précédent). */
function csvProblem(file: string, error: CsvError, raw: string, nextLine: number, separator: string): InputError {
    const { blank, rest } = splitLeading(raw);
    const content = rest.replace(/(?:\r\n|\r|\n)$/, '');
    const startLine = nextLine + blank;
    const field = typeof (error as { column?: unknown }).column === 'number' ? (error as unknown as { column: number }).column : 0;
    const spans = fieldSpans(content, separator, field + 1);
    let offset = spans[field]?.[0] ?? 0;
    let message: string;
    switch (error.code) {
        case 'CSV_QUOTE_NOT_CLOSED':
            message = msg('cand.csv.quoteNotClosed');
            break;
        case 'CSV_MAX_RECORD_SIZE':
            message = content.includes('"') ? msg('cand.csv.quoteNotClosed') : msg('cand.limit.line', { max: MAX_LINE_LENGTH });
            break;
        case 'INVALID_OPENING_QUOTE':
            offset = Math.max(0, content.length - 1);
            message = msg('cand.csv.openingQuote');
            break;
        case 'CSV_INVALID_CLOSING_QUOTE':
            offset = content.length;
            message = msg('cand.csv.closingQuote', { sep: separator === '\t' ? '⇥' : separator });
            break;
        default:
            message = msg('cand.csv.other', { detail: error.message });
    }
    const position = positioner(file, content, startLine)(offset, offset + 1);
    return new InputError([{ ...position, kind: 'syntaxe', message }]);
}

interface ParsedRecord {
    readonly record: string[];
    /** Ligne physique du début de l'enregistrement. */
    readonly line: number;
    /** Le texte brut de l'enregistrement (sans lignes vides ni fin de ligne). */
    readonly content: string;
}

/**
 * Lit une cohorte CSV ligne à ligne (mémoire constante) : encodage détecté (UTF-8, Windows-1252),
 * séparateur détecté sur la ligne d'en-tête, analyse par le flux de csv-parse.
 */
export async function* readCsvCohort(file: string, model: ReferentielModel, options: CsvOptions = {}): AsyncGenerator<CandidateResults> {
    const chunks = decodeFile(file, { onProgress: options.onProgress })[Symbol.asyncIterator]();
    let head = '';
    let ended = false;
    let header: string | undefined;
    let parser: ReturnType<typeof parse> | undefined;
    let source: Readable | undefined;
    try {
        // La ligne d'en-tête décide du séparateur.
        while ((header = firstLine(head, ended)) === undefined && !ended && head.length < MAX_RECORD) {
            const next = await chunks.next();
            if (next.done) ended = true; else head += next.value;
        }
        const separator = detectSeparator(header ?? '');
        const table = new CohortTable(file, model, 'csv', separator);

        // Une ligne physique démesurée (200 Mo de séparateurs…) est refusée pendant la lecture, avant
        // que csv-parse n'en fasse un enregistrement : temps et mémoire restent bornés.
        let tooLong: InputError | undefined;
        let physicalLine = 1;
        let run = 0;
        const measure = (chunk: string): void => {
            let from = 0;
            for (;;) {
                const n = chunk.indexOf('\n', from);
                const r = chunk.indexOf('\r', from);
                const end = n < 0 ? r : r < 0 ? n : Math.min(n, r);
                run += (end < 0 ? chunk.length : end) - from;
                if (run > MAX_LINE_LENGTH) {
                    tooLong = new InputError([{ file, line: physicalLine, column: MAX_LINE_LENGTH + 1, kind: 'syntaxe', message: msg('cand.limit.line', { max: MAX_LINE_LENGTH }) }]);
                    throw tooLong;
                }
                if (end < 0) return;
                if (chunk[end] === '\n' || chunk[end + 1] !== '\n') physicalLine++;
                run = 0;
                from = end + 1;
            }
        };
        const text = async function* (): AsyncGenerator<string> {
            if (head !== '') { measure(head); yield head; }
            head = '';
            while (!ended) {
                const next = await chunks.next();
                if (next.done) ended = true; else { measure(next.value); yield next.value; }
            }
        };
        // Les lignes physiques sont comptées ici, pendant l'analyse, à partir du texte brut de chaque
        // enregistrement (le compteur de csv-parse se trompe sur les CRLF dans une cellule entre
        // guillemets). Une erreur de syntaxe est mise de côté avec sa position et levée quand la
        // lecture atteint cet endroit : les lignes qui la précèdent sont d'abord toutes vérifiées.
        let nextLine = 1;
        let parsed = 0;
        let skipped: { error: CsvError; raw: string; after: number; nextLine: number } | undefined;
        const settings: Options = {
            delimiter: separator, relax_column_count: true, skip_empty_lines: true, raw: true,
            max_record_size: MAX_RECORD, skip_records_with_error: true,
            on_skip: (error: CsvError | undefined, raw: string | undefined): undefined => {
                if (!skipped && error) {
                    skipped = { error, raw: raw ?? String((error as { raw?: unknown }).raw ?? ''), after: parsed, nextLine };
                }
                return undefined;
            },
            on_record: ((entry: unknown): ParsedRecord => {
                const { record, raw } = entry as { record: string[]; raw: string };
                let content: string;
                let line: number;
                const first = raw.charCodeAt(0);
                if (first !== 10 && first !== 13) {
                    // Le cas courant, sans expression régulière : pas de ligne vide devant, une fin de ligne au plus.
                    const last = raw.charCodeAt(raw.length - 1);
                    const cut = last === 10 ? (raw.charCodeAt(raw.length - 2) === 13 ? 2 : 1) : last === 13 ? 1 : 0;
                    content = cut ? raw.slice(0, raw.length - cut) : raw;
                    line = nextLine;
                } else {
                    const { blank, rest } = splitLeading(raw);
                    content = rest.replace(/(?:\r\n|\r|\n)$/, '');
                    line = nextLine + blank;
                }
                nextLine = line + (content.indexOf('\n') < 0 && content.indexOf('\r') < 0 ? 0 : countBreaks(content)) + 1;
                parsed++;
                return { record, line, content };
            }) as unknown as Options['on_record']
        };
        parser = parse(settings);
        source = Readable.from(text());
        pipeline(source, parser).catch(() => undefined);

        let consumed = 0;
        const failure = (): InputError => csvProblem(file, skipped!.error, skipped!.raw, skipped!.nextLine, separator);
        try {
            for await (const entry of parser as AsyncIterable<ParsedRecord>) {
                if (skipped && skipped.after === consumed) throw failure();
                consumed++;
                CohortTable.checkFieldCount(file, entry.record.length, entry.line);
                const cells = cellsOf(file, entry.record, entry.content, entry.line, separator);
                if (!table.hasHeader) {
                    if (!table.isBlank(cells)) table.header(cells, entry.line);
                    continue;
                }
                const result = table.row(cells, entry.line);
                if (result) yield result;
            }
        } catch (error) {
            throw tooLong ?? error;
        }
        if (tooLong) throw tooLong;
        if (skipped) throw failure();
        table.finish();
    } finally {
        parser?.destroy();
        source?.destroy();
        await chunks.return(undefined);
    }
}
