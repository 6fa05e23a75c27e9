import { canonicalCode } from '../../codes.js';
import { msg } from '../../i18n/messages.js';
import type { ReferentielModel } from '../../model/referentiel-model.js';
import type { CandidateResults, InputProblem, SourcePosition, ValeurCompetence, ValeurCritere } from '../types.js';
import { codesOf, didYouMean, hasCode, modelCodes, unknownCodeMessage, type ModelCodes } from './model-codes.js';
import { MAX_CELL_LENGTH, MAX_FIELDS } from './limits.js';
import { capitalize, InputError, problemAt, shownHeader, shownValue, sortProblems } from './problems.js';
import { excelSerialToIso, formatNumber, parseCompetence, parseCritere, parseDate, parseDecimal, parseFait } from './values.js';
import '../candidate-messages.js';

/** Une cellule lue (CSV ou tableur), avec sa position. */
export interface RawCell {
    /** Le texte de la cellule (pour un nombre du tableur : le nombre écrit avec un point). */
    readonly text: string;
    /** Valeur d'une cellule numérique du tableur. */
    readonly number?: number;
    /** Valeur d'une cellule date du tableur (AAAA-MM-JJ). */
    readonly date?: string;
    /** Erreur de formule du tableur (#N/A, #DIV/0!…). */
    readonly error?: string;
    readonly position: SourcePosition;
    /** Référence de la cellule dans le tableur (D12). */
    readonly ref?: string;
}

type ColumnKind = 'candidat' | 'nom' | 'date' | 'blocs' | 'competence' | 'critere' | 'epreuve' | 'mesure' | 'fait' | 'ignore' | 'unnamed';

interface Column {
    readonly kind: ColumnKind;
    /** L'en-tête tel qu'écrit (sans espaces autour) : c'est la clé des résultats. */
    readonly name: string;
    readonly canonical?: string;
    /** Où est l'en-tête, pour les messages (« colonne n° 3 », « cellule C1 »). */
    readonly label: string;
}

const SPECIAL: Record<string, ColumnKind> = {
    candidat: 'candidat', id: 'candidat', identifiant: 'candidat', id_candidat: 'candidat',
    nom: 'nom',
    date_evaluation: 'date', dateevaluation: 'date', date: 'date',
    blocs_acquis: 'blocs', blocsacquis: 'blocs'
};

function specialName(header: string): ColumnKind | undefined {
    const key = header.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\s-]+/g, '_');
    return Object.prototype.hasOwnProperty.call(SPECIAL, key) ? SPECIAL[key] : undefined;
}

function isBlank(cell: RawCell | undefined): boolean {
    return !cell || (cell.text.trim() === '' && cell.number === undefined && cell.date === undefined && cell.error === undefined);
}

/** Le chemin d'une valeur lue dans une colonne de résultats (« competences.C1.1 », « epreuves.memoire »). */
const PATH_PREFIX: Partial<Record<ColumnKind, string>> = {
    competence: 'competences.', critere: 'criteres.', epreuve: 'epreuves.', mesure: 'mesures.', fait: 'faits.'
};

/**
 * Les positions des valeurs d'une ligne, notées sans être calculées : la table (chemin → position)
 * n'est construite qu'à sa première lecture — un diagnostic, un doublon —, jamais pour une ligne
 * sans problème. Les cellules calculent elles-mêmes leur position à la demande (csv-reader.ts).
 */
class PendingPositions {
    private readonly keys: Array<string | Column> = [];
    private readonly cells: RawCell[] = [];

    add(key: string | Column, cell: RawCell): void {
        this.keys.push(key);
        this.cells.push(cell);
    }

    map(): ReadonlyMap<string, SourcePosition> {
        return new LazyPositions(() => {
            const map = new Map<string, SourcePosition>();
            this.keys.forEach((key, i) => map.set(typeof key === 'string' ? key : PATH_PREFIX[key.kind]! + key.name, this.cells[i].position));
            return map;
        });
    }
}

/** Une table en lecture seule construite à sa première lecture. */
class LazyPositions implements ReadonlyMap<string, SourcePosition> {
    private built?: Map<string, SourcePosition>;

    constructor(private readonly build: () => Map<string, SourcePosition>) {}

    private get table(): Map<string, SourcePosition> {
        return this.built ??= this.build();
    }

    get size(): number { return this.table.size; }
    get(key: string): SourcePosition | undefined { return this.table.get(key); }
    has(key: string): boolean { return this.table.has(key); }
    forEach(callback: (value: SourcePosition, key: string, map: ReadonlyMap<string, SourcePosition>) => void, thisArg?: unknown): void {
        this.table.forEach((value, key) => callback.call(thisArg, value, key, this));
    }
    entries(): MapIterator<[string, SourcePosition]> { return this.table.entries(); }
    keys(): MapIterator<string> { return this.table.keys(); }
    values(): MapIterator<SourcePosition> { return this.table.values(); }
    [Symbol.iterator](): MapIterator<[string, SourcePosition]> { return this.table[Symbol.iterator](); }
}

/**
 * L'interprétation d'une cohorte (CSV ou tableur) : la ligne d'en-tête nomme les colonnes,
 * chaque ligne suivante donne les résultats d'un candidat. Partagée par les deux lecteurs,
 * qui ne fournissent que les cellules et leurs positions.
 */
export class CohortTable {
    private columns: Column[] | undefined;
    /** La colonne de l'identifiant du candidat. */
    private idIndex = -1;
    private readonly codes: ModelCodes;
    /** Identifiants déjà vus → ligne (pour les doublons). */
    private readonly ids = new Map<string, number>();
    /** Lignes de candidats lues. */
    private rows = 0;

    constructor(
        readonly file: string,
        readonly model: ReferentielModel,
        readonly format: 'csv' | 'xlsx',
        /** Séparateur du CSV (pour la piste des cellules en trop). */
        readonly separator?: string
    ) {
        this.codes = modelCodes(model);
    }

    get hasHeader(): boolean {
        return this.columns !== undefined;
    }

    /** Une ligne vide (ou ne remplissant que des colonnes de remarques) ? */
    isBlank(cells: readonly (RawCell | undefined)[]): boolean {
        return cells.every((cell, index) => isBlank(cell) || this.columns?.[index]?.kind === 'ignore');
    }

    /** Le fichier n'a pas de ligne d'en-tête. */
    empty(): never {
        throw new InputError([problemAt({ file: this.file, line: 1, column: 1 }, 'colonne', msg('cand.col.empty'))]);
    }

    /** Fin du fichier : il faut un en-tête et au moins une ligne de candidat (une cohorte vide est une erreur). */
    finish(): void {
        if (!this.hasHeader) this.empty();
        if (this.rows === 0) throw new InputError([problemAt({ file: this.file, line: this.headerLine, column: 1 }, 'colonne', msg('cand.noRows'))]);
    }

    private headerLine = 1;

    /** Une ligne de trop de cellules (limits.ts) : la lecture s'arrête avant de les interpréter. */
    static checkFieldCount(file: string, count: number, line: number): void {
        if (count > MAX_FIELDS) {
            throw new InputError([problemAt({ file, line, column: 1 }, 'syntaxe', msg('cand.limit.fields', { line, count, max: MAX_FIELDS }))]);
        }
    }

    /** Une cellule trop longue (limits.ts) : erreur à sa position, avant toute suggestion ou copie. */
    private checkLengths(cells: readonly (RawCell | undefined)[]): void {
        cells.forEach((cell, index) => {
            if (cell && cell.text.length > MAX_CELL_LENGTH) {
                const place = this.format === 'xlsx' && cell.ref ? msg('cand.where.cellRef', { ref: cell.ref }) : msg('cand.where.columnNumber', { n: index + 1 });
                throw new InputError([problemAt(cell.position, 'valeur', msg('cand.limit.cell', { where: capitalize(place), length: cell.text.length, max: MAX_CELL_LENGTH }))]);
            }
        });
    }

    private headerLabel(cell: RawCell, index: number): string {
        return this.format === 'xlsx' && cell.ref
            ? msg('cand.where.cellRef', { ref: cell.ref })
            : msg('cand.where.columnNumber', { n: index + 1 });
    }

    /** Lit la ligne d'en-tête ; lève InputError avec tous ses problèmes. */
    header(cells: readonly (RawCell | undefined)[], line: number): void {
        this.checkLengths(cells);
        this.headerLine = line;
        const problems: InputProblem[] = [];
        const columns: Column[] = [];
        const seen = new Map<string, Column>();
        const known = [
            ...codesOf(this.codes, 'competence'), ...codesOf(this.codes, 'critere'),
            ...codesOf(this.codes, 'epreuve'), ...codesOf(this.codes, 'mesure'), ...codesOf(this.codes, 'fait')
        ];
        cells.forEach((cell, index) => {
            const name = cell ? (cell.number !== undefined ? String(cell.number) : cell.text).trim() : '';
            const position = cell?.position ?? { file: this.file, line, column: index + 1 };
            const label = cell ? this.headerLabel(cell, index) : msg('cand.where.columnNumber', { n: index + 1 });
            const where = capitalize(label);
            let kind: ColumnKind | undefined;
            let canonical: string | undefined;
            if (name === '') {
                kind = 'unnamed';
            } else if (name.startsWith('#')) {
                kind = 'ignore';
            } else {
                kind = specialName(name);
                if (kind) {
                    canonical = `#${kind}`;
                } else {
                    canonical = canonicalCode(name);
                    if (hasCode(this.codes, 'competence', name)) kind = 'competence';
                    else if (hasCode(this.codes, 'critere', name)) kind = 'critere';
                    else if (hasCode(this.codes, 'epreuve', name)) kind = 'epreuve';
                    else if (hasCode(this.codes, 'mesure', name)) kind = 'mesure';
                    else if (hasCode(this.codes, 'fait', name)) kind = 'fait';
                    else {
                        const type = this.codes.typeOf(canonical);
                        problems.push(problemAt(position, 'colonne', type
                            ? msg('cand.col.notResult', { where, code: name, kind: msg(`kind.${type}`) })
                            : msg('cand.col.unknown', { where, name: shownHeader(name), ref: this.model.code, suggestion: didYouMean(name, known) })));
                        kind = 'ignore';
                        canonical = undefined;
                    }
                }
            }
            const column: Column = { kind, name, canonical, label };
            if (canonical) {
                const first = seen.get(canonical);
                if (first) {
                    problems.push(problemAt(position, 'colonne', msg('cand.col.duplicate', { where, name: shownHeader(name), first: first.label })));
                } else {
                    seen.set(canonical, column);
                }
            }
            columns.push(column);
        });
        // Aucune colonne reconnue : la première ligne est sans doute déjà une ligne de résultats.
        // Un seul message, qui ne recopie pas ces valeurs (elles peuvent contenir des noms).
        if (!columns.some(c => c.canonical !== undefined || c.kind === 'ignore' && c.name.startsWith('#'))) {
            throw new InputError([problemAt({ file: this.file, line, column: 1 }, 'colonne', msg('cand.col.notHeader', { line }))]);
        }
        if (!problems.length && !columns.some(c => c.kind === 'candidat')) {
            const found = columns.filter(c => c.name !== '').map(c => c.name);
            const shown = found.length > 12 ? [...found.slice(0, 12).map(shownHeader), '…'] : found.map(shownHeader);
            problems.push(problemAt(cells.find(c => c)?.position ?? { file: this.file, line, column: 1 }, 'colonne',
                msg('cand.col.missingId', { found: shown.length ? shown.map(n => `« ${n} »`).join(', ') : '—' })));
        }
        if (problems.length > 0) throw new InputError(sortProblems(problems));
        this.columns = columns;
        this.idIndex = columns.findIndex(c => c.kind === 'candidat');
    }

    /**
     * Lit une ligne de résultats (`line` : ligne physique du CSV, numéro de ligne du tableur).
     * Renvoie undefined pour une ligne vide ; lève InputError avec les problèmes de la ligne.
     */
    row(cells: readonly (RawCell | undefined)[], line: number): CandidateResults | undefined {
        const columns = this.columns;
        if (!columns) throw new Error('CohortTable.row avant header');
        this.checkLengths(cells);
        if (this.isBlank(cells)) return undefined;
        const problems: InputProblem[] = [];
        const positions = new PendingPositions();
        const competences = new Map<string, ValeurCompetence>();
        const criteres = new Map<string, ValeurCritere>();
        const epreuves = new Map<string, number>();
        const mesures = new Map<string, number>();
        const faits = new Map<string, boolean>();
        const blocsAcquis: Array<{ bloc: string; date?: string }> = [];
        let id = '';
        let nom: string | undefined;
        let dateEvaluation: string | undefined;

        const idIndex = this.idIndex;
        const idCell = cells[idIndex];
        if (idCell && idCell.error === undefined) {
            id = (idCell.number !== undefined ? String(idCell.number) : idCell.text).trim();
        }
        const where = (column: Column, cell: RawCell): string => {
            const place = this.format === 'xlsx' && cell.ref
                ? msg('cand.where.cell', { ref: cell.ref, name: column.name })
                : msg('cand.where.column', { name: shownHeader(column.name) });
            return capitalize(id ? msg('cand.where.candidate', { id: shownValue(id), place }) : place);
        };
        const rawWhere = (cell: RawCell, index: number): string => {
            const place = this.format === 'xlsx' && cell.ref ? msg('cand.where.cellRef', { ref: cell.ref }) : msg('cand.where.columnNumber', { n: index + 1 });
            return capitalize(id ? msg('cand.where.candidate', { id: shownValue(id), place }) : place);
        };
        // Une valeur mal placée peut être un nom : elle n'est citée que si elle ne peut pas en être un.
        const shown = (cell: RawCell): string => (cell.number !== undefined ? formatNumber(cell.number) : shownValue(cell.text));

        cells.forEach((cell, index) => {
            if (!cell || isBlank(cell)) return;
            const column = columns[index];
            if (!column || column.kind === 'unnamed') {
                const value = shown(cell);
                problems.push(problemAt(cell.position, 'colonne', !column && this.format === 'csv'
                    ? msg('cand.col.extra', {
                        where: rawWhere(cell, index), value, count: columns.length,
                        hint: this.separator === ',' || this.separator === ';' ? msg('cand.col.extraHint', { sep: this.separator }) : ''
                    })
                    : msg('cand.col.noHeader', { where: rawWhere(cell, index), value })));
                return;
            }
            if (column.kind === 'ignore') return;
            if (cell.error !== undefined) {
                problems.push(problemAt(cell.position, 'valeur', cell.error
                    ? msg('cand.value.cellError', { where: where(column, cell), value: cell.error })
                    : msg('cand.value.formulaError', { where: where(column, cell) })));
                return;
            }
            const text = cell.text.trim();
            switch (column.kind) {
                case 'candidat':
                    positions.add('candidat.id', cell);
                    break;
                case 'nom':
                    nom = text;
                    positions.add('candidat.nom', cell);
                    break;
                case 'date': {
                    const iso = cell.date ?? (cell.number !== undefined ? excelSerialToIso(cell.number) : parseDate(text));
                    if (iso) {
                        dateEvaluation = iso;
                        positions.add('dateEvaluation', cell);
                    } else {
                        problems.push(problemAt(cell.position, 'valeur', msg('cand.value.date', { where: where(column, cell), value: shown(cell) })));
                    }
                    break;
                }
                case 'competence': {
                    const value = parseCompetence(text);
                    if (value) {
                        competences.set(column.name, value);
                        positions.add(column, cell);
                    } else {
                        problems.push(problemAt(cell.position, 'valeur', msg('cand.value.competence', { where: where(column, cell), value: shown(cell) })));
                    }
                    break;
                }
                case 'critere': {
                    const value = parseCritere(text);
                    if (value) {
                        criteres.set(column.name, value);
                        positions.add(column, cell);
                    } else {
                        problems.push(problemAt(cell.position, 'valeur', msg('cand.value.critere', { where: where(column, cell), value: shown(cell) })));
                    }
                    break;
                }
                case 'epreuve': {
                    const info = this.codes.epreuves.get(column.canonical!)!;
                    const bareme = info.bareme ?? 20;
                    const value = cell.number ?? parseDecimal(text);
                    if (value === undefined) {
                        problems.push(problemAt(cell.position, 'valeur', msg('cand.value.grade', {
                            where: where(column, cell), value: shown(cell), code: info.code, bareme: formatNumber(bareme)
                        })));
                    } else if (value < 0 || value > bareme) {
                        problems.push(problemAt(cell.position, 'hors-bareme', msg('cand.grade.range', {
                            where: where(column, cell), value: shown(cell), code: info.code, bareme: formatNumber(bareme)
                        })));
                    } else {
                        epreuves.set(column.name, value);
                        positions.add(column, cell);
                    }
                    break;
                }
                case 'mesure': {
                    const info = this.codes.mesures.get(column.canonical!)!;
                    const value = cell.number ?? parseDecimal(text);
                    if (value === undefined) {
                        problems.push(problemAt(cell.position, 'valeur', msg('cand.value.measure', {
                            where: where(column, cell), value: shown(cell), code: info.code, unit: info.unite
                        })));
                    } else if (value < 0) {
                        problems.push(problemAt(cell.position, 'valeur', msg('cand.measure.negative', {
                            where: where(column, cell), value: shown(cell), code: info.code, unit: info.unite
                        })));
                    } else {
                        mesures.set(column.name, value);
                        positions.add(column, cell);
                    }
                    break;
                }
                case 'fait': {
                    const value = cell.number !== undefined ? (cell.number === 1 ? true : cell.number === 0 ? false : undefined) : parseFait(text);
                    if (value !== undefined) {
                        faits.set(column.name, value);
                        positions.add(column, cell);
                    } else {
                        problems.push(problemAt(cell.position, 'valeur', msg('cand.value.fait', { where: where(column, cell), value: shown(cell) })));
                    }
                    break;
                }
                case 'blocs':
                    this.blocs(text, cell, where(column, cell), blocsAcquis, positions, problems);
                    break;
            }
        });

        if (id === '') {
            const position = idCell?.position ?? { file: this.file, line, column: 1 };
            problems.push(problemAt(position, 'valeur', msg('cand.value.missingId', {
                where: capitalize(this.format === 'xlsx' && idCell?.ref
                    ? msg('cand.where.cell', { ref: idCell.ref, name: columns[idIndex].name })
                    : msg('cand.where.line', { line }))
            })));
        } else {
            const first = this.ids.get(id);
            if (first !== undefined) {
                problems.push(problemAt(idCell!.position, 'doublon', msg('cand.value.duplicateId', { id: shownValue(id), first, second: line })));
            }
        }
        if (problems.length > 0) throw new InputError(sortProblems(problems));
        this.ids.set(id, line);
        this.rows++;
        return {
            candidat: nom ? { id, nom } : { id },
            ...(dateEvaluation ? { dateEvaluation } : {}),
            competences, criteres, epreuves, mesures, blocsAcquis,
            ...(faits.size > 0 ? { faits } : {}),
            amenagements: [],
            positions: positions.map(),
            source: { file: this.file, line }
        };
    }

    /** « BC01|BC02@2024-06-30 ». */
    private blocs(
        text: string, cell: RawCell, where: string, blocsAcquis: Array<{ bloc: string; date?: string }>,
        positions: PendingPositions, problems: InputProblem[]
    ): void {
        const seen = new Set<string>();
        for (const item of text.split('|').map(s => s.trim()).filter(s => s !== '')) {
            const at = item.indexOf('@');
            const code = (at >= 0 ? item.slice(0, at) : item).trim();
            const dateText = at >= 0 ? item.slice(at + 1).trim() : undefined;
            if (code === '' || /[\s,;]/.test(code)) {
                problems.push(problemAt(cell.position, 'valeur', msg('cand.value.blocItem', { where, value: shownValue(item) })));
                continue;
            }
            if (!hasCode(this.codes, 'bloc', code)) {
                problems.push(problemAt(cell.position, 'code-inconnu', unknownCodeMessage(this.codes, 'bloc', code, where)));
                continue;
            }
            let date: string | undefined;
            if (dateText !== undefined) {
                date = parseDate(dateText);
                if (!date) {
                    problems.push(problemAt(cell.position, 'valeur', msg('cand.value.date', { where, value: shownValue(dateText) })));
                    continue;
                }
            }
            const key = canonicalCode(code);
            if (seen.has(key)) {
                problems.push(problemAt(cell.position, 'doublon', msg('cand.bloc.duplicateCell', { where, code })));
                continue;
            }
            seen.add(key);
            const index = blocsAcquis.length;
            blocsAcquis.push(date ? { bloc: code, date } : { bloc: code });
            positions.add(`blocsAcquis.${index}.bloc`, cell);
            if (date) positions.add(`blocsAcquis.${index}.date`, cell);
        }
        if (blocsAcquis.length > 0) positions.add('blocsAcquis', cell);
    }
}
