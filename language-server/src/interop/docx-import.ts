import { canonicalCode } from '../codes.js';
import type { DocxImportStats } from '../protocol/commands.js';
import { KNOWN_NATURES } from '../validation/rules.js';
import type { DocxDocument, DocxParagraph, DocxTable } from './docx-reader.js';
import { isPublishedDocument, publishedToRef } from './docx-published.js';
import { isValidCode, texte } from './rncp-import.js';

/**
 * Un référentiel publié sous Word (la mise en page de France Compétences) → des fichiers .ref :
 * l'en-tête (certification, préambule en notes, règles d'obtention) et un fichier par bloc.
 *
 * Ce qui est lu :
 * - le titre du document (style Titre, sinon propriétés du document) : la certification ;
 * - avant le premier tableau : le préambule, en notes de la certification ;
 * - les tableaux à quatre colonnes ACTIVITÉS | COMPÉTENCES | MODALITÉS | CRITÈRES (lignes
 *   d'en-tête reconnues et sautées, où qu'elles soient) ; « Bloc N : … » en ligne de tableau ou
 *   en titre commence un bloc ; un tableau sans ligne de bloc continue le bloc en cours (tableau
 *   coupé d'une page à l'autre) ; une cellule fusionnée avec celle du dessus (vMerge) ou vide
 *   reprend le contenu du dessus pour la ligne ;
 * - activités : un paragraphe codé (« A1 - … » en gras : groupe ; « A1-1 … ») ; compétences :
 *   « C1.1 … », codes gardés tels que publiés (« C1.2. », « C5-2 », « A2. 1 ») pour que le
 *   linter les signale et que `lint --fix` les corrige ;
 * - modalités : « Modalité d'évaluation des compétences C1.1, C1.2 … » ouvre une modalité qui
 *   évalue ces compétences ; sa ligne de titre (« Mise en situation : … ») donne la nature ; la
 *   suite, sur une ou plusieurs lignes du tableau, donne la consigne, les livrables (dossier,
 *   rapport, présentation… là où le texte le dit), seul ou en équipe, le jury ;
 * - critères : un par paragraphe de la colonne des critères ; les éléments de liste qui suivent
 *   un paragraphe terminé par « : » en font partie ;
 * - après le titre « Obtention… » : les paragraphes et le tableau des règles, en notes ; les
 *   phrases dont la forme est claire deviennent des règles (part des compétences d'un bloc,
 *   moyenne de notes sur 20, durée en mois, tous les blocs, blocs acquis à vie, aménagement),
 *   chacune précédée d'une note qui cite sa phrase.
 *
 * Liens : une compétence est « issue de » les activités de sa ligne ; un critère « vérifie » la
 * compétence de sa modalité quand elle n'en évalue qu'une (lien lu), sinon les compétences de
 * sa ligne que la modalité évalue, ou toutes celles de la modalité (liens déduits). Chaque lien
 * déduit est précédé d'un commentaire « À relire » ; le nombre est dans les statistiques.
 *
 * Le texte produit n'est pas encore mis en forme (le formateur le fait : core/import-docx.ts).
 */

export interface DocxImportOptions {
    /** Le code de la certification (sinon tiré du titre). */
    readonly code?: string;
    /** Le nom du fichier lu, cité dans l'en-tête des fichiers produits. */
    readonly source?: string;
}

/** Le décompte de ce qui a été lu (défini dans le contrat partagé avec l'extension). */
export type { DocxImportStats };

export interface DocxImportResult {
    readonly code: string;
    /** Les fichiers, l'en-tête d'abord : nom (sans dossier) et texte. */
    readonly files: ReadonlyArray<{ readonly name: string; readonly text: string }>;
    readonly stats: DocxImportStats;
}

/** Le document n'est pas un référentiel (aucun tableau de bloc reconnu), ou un code est inutilisable. */
export class DocxImportError extends Error {
    constructor(readonly kind: 'not-referentiel' | 'bad-code', detail: string) {
        super(detail);
        this.name = 'DocxImportError';
    }
}

// ---------------------------------------------------------------------------------------------
// Reconnaissance du texte
// ---------------------------------------------------------------------------------------------

/** Sans accents, minuscules, apostrophes droites, blancs réduits : pour comparer des libellés. */
function fold(text: string): string {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘`]/g, '\'').replace(/\s+/g, ' ').trim().toLowerCase();
}

const BLOC_RE = /^bloc\s+(?:de\s+comp[ée]tences\s+)?(?:n[°o]\s*)?(\d+)\s*[:\-–—.]\s*(.+)$/i;
/** Un code en tête de paragraphe : lettres, nombres séparés par « . » ou « - » (une espace tolérée après). */
const LEADING_CODE_RE = /^([A-Z]{1,4}\d+(?:[.-] ?\d+)*\.?)(?=\s|$|[-–:])\s*(?:[-–:]\s*)?(.*)$/s;
const LISTED_CODE_RE = /^([A-Z]{1,4}\d+(?:[.-] ?\d+)*)\.?/;
const MODALITE_RE = /^modalit[ée]s?\s+d['’]\s*[ée]valuation\b\s*(.*)$/is;
const OBTENTION_RE = /obtention/i;

function leadingCode(text: string): { code: string; rest: string } | undefined {
    const m = LEADING_CODE_RE.exec(text);
    if (!m) return undefined;
    const code = m[1];
    if (!isValidCode(code.replace(/ /g, '').replace(/\.$/, ''))) return undefined;
    return { code, rest: m[2].trim() };
}

/** « des compétences C1.1, C1.2 et C1.3 : Mise en situation : … » → codes cités et reste du texte. */
function listedCodes(text: string): { codes: string[]; rest: string } {
    let rest = text.replace(/^(?:des\s+comp[ée]tences|de\s+la\s+comp[ée]tence|du\s+bloc)\b\s*(?:suivantes)?\s*/i, '');
    const codes: string[] = [];
    for (;;) {
        rest = rest.replace(/^(?:[\s,;:/&]|et\b)+/i, '');
        const m = LISTED_CODE_RE.exec(rest);
        if (!m) break;
        codes.push(m[1]);
        rest = rest.slice(m[0].length);
    }
    return { codes, rest: rest.replace(/^[\s:.\-–]+/, '').trim() };
}

function listText(p: DocxParagraph): string {
    return p.list && p.list.marker ? `${p.list.marker} ${p.text}` : p.text;
}

const DELIVERABLE_RE = /\b(dossier|rapport|m[ée]moire|pr[ée]sentation|soutenance|portfolio|pr[ée]sente)\b/i;

function deliverableKind(text: string): string | undefined {
    const m = DELIVERABLE_RE.exec(text);
    if (!m) return undefined;
    const word = fold(m[1]);
    return word === 'presente' || word === 'presentation' ? 'présentation' : word === 'memoire' ? 'mémoire' : word;
}

const NUMBER_WORDS: Record<string, number> = { un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10 };

/** « un jury de deux personnes représentant le client » → 2, « personnes représentant le client ». */
function juryOf(text: string): { effectif?: number; description: string } | undefined {
    const m = /\bjury\s+(?:compos[ée]\s+)?(?:de|d['’])\s*(\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+([^.;()\n]+)/i.exec(text);
    if (!m) return undefined;
    const effectif = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1].toLowerCase()];
    const words = m[2].trim().split(/\s+/);
    // « personnes représentant le client son analyse… » : le groupe nominal s'arrête après son complément.
    const participle = words.findIndex((w, i) => i > 0 && /(ant|ées?|és?|ies?|is)$/.test(w) && i <= 2);
    let description: string;
    if (participle > 0 && words.length > participle + 2 && /^(le|la|les|l['’]\S+|des|du|de|d['’]\S+|un|une)$/i.test(words[participle + 1])) {
        description = words.slice(0, participle + 3).join(' ');
    } else {
        description = words.slice(0, 8).join(' ');
    }
    return { effectif, description: description.replace(/[,:]$/, '') };
}

function natureOf(title: string): string | undefined {
    const folded = title.toLowerCase();
    const colon = /^([^:]{2,60}?)\s*:/.exec(folded)?.[1]?.trim();
    if (colon && KNOWN_NATURES.includes(colon)) return colon;
    const known = [...KNOWN_NATURES].sort((a, b) => b.length - a.length).find(n => folded.startsWith(n + ' ') || folded === n);
    return known;
}

/** Un code tiré d'un libellé : « Data Engineer » → DATA-ENGINEER ; « période en entreprise » → periode_entreprise. */
function slug(text: string, separator: string, upper: boolean): string {
    const base = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, separator)
        .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
    const cased = upper ? base.toUpperCase() : base.toLowerCase();
    return /^[A-Za-z_]/.test(cased) ? cased : `R${separator}${cased}`;
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentences(text: string): string[] {
    return text.split(/(?<=[.!?])\s+(?=[A-ZÀ-Ý«*])/).map(s => s.trim()).filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Le modèle lu
// ---------------------------------------------------------------------------------------------

interface Activity {
    code: string;
    text: string;
    notes: string[];
    children: Activity[];
}

interface Competency {
    code: string;
    text: string;
    notes: string[];
    /** Codes des activités de sa ligne. */
    activities: string[];
}

interface Criterion {
    text: string;
    /** Compétences (codes tels que définis) de la ligne du critère. */
    rowCompetencies: string[];
    /** Plusieurs modalités ouvertes dans la même ligne : le rattachement est une déduction. */
    ambiguous: boolean;
}

interface Modalite {
    header: string;
    listed: string[];
    title?: string;
    paragraphs: DocxParagraph[];
    criteria: Criterion[];
}

interface Bloc {
    number: number;
    title: string;
    notes: string[];
    activities: Activity[];
    competencies: Competency[];
    modalites: Modalite[];
    /** Les codes définis (forme canonique) : une définition répétée est ignorée. */
    defined: Set<string>;
}

interface ObtentionItem {
    /** Titre de la ligne du tableau des règles (commentaire), s'il y en a un. */
    heading?: string;
    paragraphs: string[];
}

/** Les colonnes logiques d'un tableau de bloc, en colonnes de la grille. */
interface Columns {
    activites: number;
    competences: number;
    modalites: number;
    criteres: number;
}

type Cell = { readonly paragraphs: readonly DocxParagraph[] };

const EMPTY_CELL: Cell = { paragraphs: [] };

// ---------------------------------------------------------------------------------------------
// Lecture
// ---------------------------------------------------------------------------------------------

class Reader {
    readonly preamble: DocxParagraph[] = [];
    readonly blocs: Bloc[] = [];
    readonly obtention: ObtentionItem[] = [];
    title?: string;
    private phase: 'preamble' | 'blocs' | 'obtention' = 'preamble';
    private columns?: Columns;
    /** La cellule qui tient lieu de chaque colonne logique pour la ligne en cours (fusions, cellules vides). */
    private carried: Cell[] = [];
    private modalite?: Modalite;

    read(document: DocxDocument): void {
        for (const block of document.blocks) {
            if (block.kind === 'table') this.table(block);
            else this.paragraph(block);
        }
    }

    private get bloc(): Bloc | undefined {
        return this.blocs.at(-1);
    }

    private startBloc(number: number, title: string): void {
        this.blocs.push({ number, title, notes: [], activities: [], competencies: [], modalites: [], defined: new Set() });
        this.phase = 'blocs';
        this.carried = [];
        this.modalite = undefined;
    }

    private paragraph(p: DocxParagraph): void {
        if (p.heading === 0 && !this.title && this.phase === 'preamble') {
            this.title = p.text;
            return;
        }
        const bloc = BLOC_RE.exec(p.text);
        if (bloc && (p.heading !== undefined || p.bold) && this.phase !== 'obtention') {
            this.startBloc(Number(bloc[1]), bloc[2].trim());
            return;
        }
        if ((p.heading !== undefined || p.bold) && OBTENTION_RE.test(p.text) && this.blocs.length) {
            this.phase = 'obtention';
            this.obtention.push({ heading: p.text, paragraphs: [] });
            return;
        }
        switch (this.phase) {
            case 'preamble':
                this.preamble.push(p);
                return;
            case 'blocs':
                // Texte entre deux tableaux d'un bloc : la suite de la modalité en cours, ou une note.
                if (this.modalite) this.modalite.paragraphs.push(p);
                else this.bloc?.notes.push(listText(p));
                return;
            case 'obtention':
                this.obtentionParagraph(listText(p), p.list !== undefined);
                return;
        }
    }

    private obtentionParagraph(text: string, item: boolean): void {
        const last = this.obtention.at(-1) ?? { paragraphs: [] };
        if (!this.obtention.length) this.obtention.push(last);
        const previous = last.paragraphs.at(-1);
        if (item && previous !== undefined && /(:|\n- .*)$/s.test(previous)) last.paragraphs[last.paragraphs.length - 1] = `${previous}\n${text}`;
        else last.paragraphs.push(text);
    }

    private table(table: DocxTable): void {
        if (this.phase === 'obtention') {
            for (const row of table.rows) {
                const cells = row.cells.map(c => c.paragraphs.map(listText).filter(Boolean)).filter(c => c.length);
                if (!cells.length) continue;
                const [first, ...rest] = cells;
                this.obtention.push({ heading: first.join(' '), paragraphs: rest.flat() });
            }
            return;
        }
        const grid = resolveGrid(table);
        const width = Math.max(0, ...grid.map(r => r.length));
        for (let r = 0; r < table.rows.length; r++) {
            const row = table.rows[r];
            const cells = grid[r];
            const distinct = [...new Set(cells.filter(c => c.owner).map(c => c.cell))];
            const text = fold(distinct.map(c => c.paragraphs.map(p => p.text).join(' ')).join(' '));
            const header = headerColumns(row.cells.map((c, i) => ({ cell: c, start: startOf(row, i) })));
            if (header) {
                this.columns = mergeColumns(this.columns, header);
                continue;
            }
            if (row.header || /^referentiel d'(activites|evaluation)|^modalites d'evaluation criteres d'evaluation$/.test(text)) {
                continue;
            }
            const single = distinct.filter(c => c.paragraphs.some(p => p.text));
            const blocMatch = single.length === 1 ? BLOC_RE.exec(single[0].paragraphs.map(p => p.text).join(' ')) : null;
            if (blocMatch) {
                this.startBloc(Number(blocMatch[1]), blocMatch[2].trim());
                continue;
            }
            if (!this.bloc || (width < 4 && !this.columns)) {
                // Un tableau hors des blocs (préambule) : son texte en notes.
                if (this.phase === 'preamble') for (const c of single) this.preamble.push(...c.paragraphs);
                continue;
            }
            this.row(cells, this.columns ?? { activites: 0, competences: 1, modalites: 2, criteres: 3 });
        }
    }

    /** Une ligne d'un tableau de bloc. */
    private row(cells: GridCell[], columns: Columns): void {
        const bloc = this.bloc!;
        const at = (column: number): GridCell => cells[column] ?? { cell: EMPTY_CELL, owner: false };
        const context = (column: number, index: number): Cell => {
            const slot = at(column);
            const filled = slot.cell.paragraphs.some(p => p.text);
            if (filled) this.carried[index] = slot.cell;
            return filled ? slot.cell : (this.carried[index] ?? EMPTY_CELL);
        };
        const act = at(columns.activites);
        const comp = at(columns.competences);
        const actContext = context(columns.activites, 0);
        const compContext = context(columns.competences, 1);

        if (act.owner) this.activities(act.cell.paragraphs);
        const rowActivities = leafActivities(bloc, actContext);
        if (comp.owner) this.competencies(comp.cell.paragraphs, rowActivities);
        const rowCompetencies = compContext.paragraphs.map(p => leadingCode(p.text)?.code).filter((c): c is string => Boolean(c));

        const before = this.modalite;
        const mod = at(columns.modalites);
        const opened: Modalite[] = [];
        if (mod.owner) {
            for (const p of mod.cell.paragraphs) {
                const start = MODALITE_RE.exec(p.text);
                if (start) {
                    const { codes, rest } = listedCodes(start[1]);
                    const modalite: Modalite = { header: p.text.replace(/\s*:\s*$/, ''), listed: codes, paragraphs: [], criteria: [], ...(rest ? { title: rest } : {}) };
                    bloc.modalites.push(modalite);
                    opened.push(modalite);
                    this.modalite = modalite;
                    continue;
                }
                if (!this.modalite) {
                    bloc.notes.push(listText(p), ...p.footnotes);
                    continue;
                }
                const m = this.modalite;
                if (m.title === undefined && !m.paragraphs.length && (p.startsBold || p.heading !== undefined) && !/^le candidat\b/i.test(p.text) && !p.list) {
                    m.title = p.text;
                    continue;
                }
                m.paragraphs.push(p);
            }
        }
        const crit = at(columns.criteres);
        if (crit.owner) {
            const target = opened[0] ?? before ?? this.modalite;
            let last: Criterion | undefined;
            for (const p of crit.cell.paragraphs) {
                if (!target) {
                    bloc.notes.push(listText(p));
                    continue;
                }
                if (p.list && last && /(:|\n.*)$/s.test(last.text) && (/:$/.test(last.text) || last.text.includes('\n'))) {
                    last.text += `\n${listText(p)}`;
                    continue;
                }
                last = { text: p.text, rowCompetencies, ambiguous: opened.length > 1 };
                target.criteria.push(last);
                bloc.notes.push(...p.footnotes);
            }
        }
    }

    private activities(paragraphs: readonly DocxParagraph[]): void {
        const bloc = this.bloc!;
        let group: Activity | undefined;
        let last: Activity | undefined;
        for (const p of paragraphs) {
            const coded = leadingCode(p.text);
            if (!coded) {
                const target = last ?? group;
                if (target) target.notes.push(listText(p));
                else bloc.notes.push(listText(p));
                continue;
            }
            const canonical = canonicalCode(coded.code);
            const activity: Activity = { code: coded.code, text: coded.rest, notes: [...p.footnotes], children: [] };
            if (bloc.defined.has(canonical)) continue;
            bloc.defined.add(canonical);
            const isGroup = p.startsBold || /^[A-Z]{1,4}\d+\.?$/.test(coded.code);
            if (isGroup) {
                bloc.activities.push(activity);
                group = activity;
                last = undefined;
                continue;
            }
            const parent = group && canonical.startsWith(canonicalCode(group.code) + '.') ? group : this.findGroup(canonical);
            if (parent) parent.children.push(activity);
            else bloc.activities.push(activity);
            last = activity;
        }
    }

    /** Le groupe d'activités d'un bloc dont le code commence celui-ci (suite d'un tableau coupé). */
    private findGroup(canonical: string): Activity | undefined {
        return this.bloc!.activities.find(a => canonical.startsWith(canonicalCode(a.code) + '.'));
    }

    private competencies(paragraphs: readonly DocxParagraph[], activities: string[]): void {
        const bloc = this.bloc!;
        let last: Competency | undefined;
        for (const p of paragraphs) {
            const coded = leadingCode(p.text);
            if (!coded) {
                if (last) last.notes.push(listText(p), ...p.footnotes);
                else bloc.notes.push(listText(p), ...p.footnotes);
                continue;
            }
            const canonical = canonicalCode(coded.code);
            if (bloc.defined.has(canonical) || this.blocs.some(b => b !== bloc && b.defined.has(canonical))) continue;
            bloc.defined.add(canonical);
            last = { code: coded.code, text: coded.rest, notes: [...p.footnotes], activities };
            bloc.competencies.push(last);
        }
    }
}

interface GridCell {
    readonly cell: Cell;
    /** La cellule commence ici (et pas : fusion continuée depuis le dessus). */
    readonly owner: boolean;
}

function startOf(row: DocxTable['rows'][number], index: number): number {
    let column = row.gridBefore;
    for (let i = 0; i < index; i++) column += row.cells[i].span;
    return column;
}

/** La grille d'un tableau : pour chaque ligne et colonne, la cellule qui l'occupe (fusions résolues). */
function resolveGrid(table: DocxTable): GridCell[][] {
    const grid: GridCell[][] = [];
    table.rows.forEach((row, r) => {
        const slots: GridCell[] = [];
        row.cells.forEach((cell, i) => {
            const start = startOf(row, i);
            for (let k = 0; k < cell.span; k++) {
                const above = grid[r - 1]?.[start + k];
                slots[start + k] = cell.vMerge === 'continue' && above
                    ? { cell: above.cell, owner: false }
                    : { cell, owner: k === 0 };
            }
        });
        grid.push(slots);
    });
    return grid;
}

function headerColumns(cells: Array<{ cell: { paragraphs: readonly DocxParagraph[]; span: number }; start: number }>): Partial<Columns> | undefined {
    const found: Partial<Columns> = {};
    for (const { cell, start } of cells) {
        const first = fold(cell.paragraphs[0]?.text ?? '');
        if (/^(referentiel d'|ref\. d')?activites\b/.test(first) || first.startsWith('referentiel d\'activites')) found.activites = start;
        else if (first.startsWith('referentiel de competences') || /^competences\b/.test(first)) found.competences = start;
        else if (/^modalites d'evaluation$|^modalites\b/.test(first)) found.modalites = start;
        else if (/^criteres d'evaluation$|^criteres\b/.test(first)) found.criteres = start;
    }
    return Object.keys(found).length ? found : undefined;
}

function mergeColumns(previous: Columns | undefined, found: Partial<Columns>): Columns {
    return {
        activites: found.activites ?? previous?.activites ?? 0,
        competences: found.competences ?? previous?.competences ?? 1,
        modalites: found.modalites ?? previous?.modalites ?? 2,
        criteres: found.criteres ?? previous?.criteres ?? 3
    };
}

/** Les activités (codes) d'une cellule : les activités simples, sinon les groupes. */
function leafActivities(bloc: Bloc, cell: Cell): string[] {
    const codes = cell.paragraphs.map(p => ({ coded: leadingCode(p.text), p })).filter(x => x.coded);
    const leaves = codes.filter(x => !(x.p.startsBold || /^[A-Z]{1,4}\d+\.?$/.test(x.coded!.code)));
    const chosen = (leaves.length ? leaves : codes).map(x => x.coded!.code);
    const known = new Set<string>();
    const walk = (list: Activity[]): void => list.forEach(a => { known.add(canonicalCode(a.code)); walk(a.children); });
    walk(bloc.activities);
    return chosen.filter(c => known.has(canonicalCode(c)));
}

// ---------------------------------------------------------------------------------------------
// Écriture
// ---------------------------------------------------------------------------------------------

const REVIEW = '// À relire :';

class Writer {
    inferred = 0;
    rules = 0;
    private readonly definitions = new Map<string, string>();

    constructor(private readonly reader: Reader) {
        for (const bloc of reader.blocs) for (const c of bloc.competencies) this.definitions.set(canonicalCode(c.code), c.code);
    }

    /** Le code tel que défini d'une compétence citée (undefined : aucune compétence ne porte ce code). */
    private defined(code: string): string | undefined {
        return this.definitions.get(canonicalCode(code));
    }

    bloc(bloc: Bloc, code: string, referentiel: string, source: string): string {
        const out: string[] = [];
        out.push(`// Bloc ${bloc.number} importé de ${source} (referentiel import docx).`);
        out.push(`référentiel ${referentiel}`, '');
        out.push(`bloc ${code} ${texte(bloc.title, '')} {`);
        for (const note of bloc.notes.filter(Boolean)) out.push(`note ${texte(note, '')}`);
        if (bloc.activities.length) out.push('', '// Référentiel d\'activités.');
        for (const activity of bloc.activities) this.activity(activity, out);
        if (bloc.competencies.length) out.push('', '// Référentiel de compétences.');
        for (const competency of bloc.competencies) {
            out.push('');
            if (competency.activities.length) {
                this.inferred += competency.activities.length;
                out.push(`${REVIEW} « issue de » déduit de la ligne du tableau.`);
            }
            out.push(`compétence ${competency.code} ${texte(competency.text, '')}${competency.activities.length ? ` issue de ${competency.activities.join(', ')}` : ''}`);
            for (const note of competency.notes) out.push(`note ${texte(note, '')}`);
        }
        if (bloc.modalites.length) out.push('', '// Référentiel d\'évaluation.');
        bloc.modalites.forEach((modalite, index) => this.modalite(bloc, modalite, index + 1, out));
        out.push('}');
        return out.join('\n') + '\n';
    }

    private activity(activity: Activity, out: string[]): void {
        const head = `activité ${activity.code} ${texte(activity.text, '')}`;
        if (!activity.children.length && !activity.notes.length) {
            out.push(head);
            return;
        }
        out.push(`${head} {`);
        for (const note of activity.notes) out.push(`note ${texte(note, '')}`);
        for (const child of activity.children) this.activity(child, out);
        out.push('}');
    }

    private modalite(bloc: Bloc, modalite: Modalite, n: number, out: string[]): void {
        const code = `M${bloc.number}.${n}`;
        const title = modalite.title ?? modalite.header;
        const body = modalite.paragraphs;
        const all = [modalite.title ?? '', ...body.map(p => p.text)].join('\n');
        out.push('', `modalité ${code} ${texte(title, '')} {`);
        const nature = natureOf(title);
        if (nature) out.push(`nature ${texte(nature, '')}`);
        const alone = /\bseul\b/i.exec(all);
        const team = /\ben [ée]quipe\b/i.exec(all);
        if (alone && (!team || alone.index < team.index)) out.push('seul');
        else if (team) out.push('en équipe');
        const listed = modalite.listed.filter(c => this.defined(c));
        const missing = modalite.listed.filter(c => !this.defined(c));
        if (missing.length) out.push(`${REVIEW} ${missing.join(', ')} : cité par le document, aucune compétence ne porte ce code.`);
        if (listed.length) out.push(`évalue ${listed.join(', ')}`);

        const { consigne, livrables, notes } = instructions(body);
        if (consigne.length) out.push(`consigne ${texte(consigne.join('\n'), '')}`);
        for (const livrable of livrables) out.push(`livrable ${texte(livrable.kind, '')}${livrable.text ? ' ' + texte(livrable.text, '') : ''}`);
        const jury = juryOf(all);
        if (jury) out.push(`jury ${jury.effectif ?? ''} ${texte(jury.description, '')}`.replace('jury  ', 'jury '));
        for (const note of notes) out.push(`note ${texte(note, '')}`);

        const assessed = listed.map(c => this.defined(c)!);
        modalite.criteria.forEach((criterion, index) => {
            let links: string[];
            let review: string | undefined;
            if (assessed.length === 1) {
                links = assessed;
            } else {
                const row = new Set(criterion.rowCompetencies.map(canonicalCode));
                const inRow = assessed.filter(c => row.has(canonicalCode(c)));
                links = inRow.length ? inRow : assessed;
                review = inRow.length ? 'compétences de la ligne du tableau que la modalité évalue' : 'toutes les compétences que la modalité évalue';
            }
            if (criterion.ambiguous) review = `${review ?? 'lien lu'} ; plusieurs modalités dans la même ligne, le critère est rattaché à la première`;
            if (review && links.length) {
                this.inferred += links.length;
                out.push(`${REVIEW} ${review}.`);
            }
            out.push(`critère CR${bloc.number}.${n}.${index + 1} ${texte(criterion.text, '')}${links.length ? ` vérifie ${links.join(', ')}` : ''}`);
        });
        out.push('}');
    }

    header(code: string, title: string, source: string, blocCount: number): string {
        const out: string[] = [];
        out.push(`// Référentiel importé de ${source} (referentiel import docx).`);
        out.push('// Les liens précédés de « À relire » sont déduits de la disposition des tableaux : vérifiez-les.');
        out.push(`certification ${code} ${texte(title, '')} {`);
        for (const note of groupItems(this.reader.preamble)) out.push(`note ${texte(note, '')}`);
        out.push('}');
        const obtention = this.obtention(blocCount);
        if (obtention.length) out.push('', 'obtention {', ...obtention, '}');
        return out.join('\n') + '\n';
    }

    private obtention(blocCount: number): string[] {
        const out: string[] = [];
        const used = new Set<string>();
        const declared = new Set<string>();
        const rule = (sentence: string, lines: string[], kind: string): void => {
            if (used.has(kind)) return;
            used.add(kind);
            this.rules++;
            out.push(`note ${texte(sentence, '')}`, '// Règle tirée de la phrase citée dans la note ci-dessus.', ...lines);
        };
        const items = this.reader.obtention;
        for (const item of items) {
            const heading = item.heading?.replace(/\s*\*+\s*$/, '').trim();
            if (item.heading) out.push('', `// ${item.heading.replace(/\n/g, ' ')}`);
            if (heading && !OBTENTION_RE.test(heading)) {
                const blocs = /validation\s+des\s+(\d+)\s+blocs/i.exec(heading);
                if (blocs) {
                    const n = Number(blocs[1]);
                    rule(heading, [`condition ${texte(heading, '')} : ${n === blocCount ? 'tous les blocs validés' : `nombre de blocs validés >= ${n}`}`], 'blocs');
                }
            }
            for (const paragraph of item.paragraphs) {
                const matched: Array<{ sentence: string; lines: string[]; kind: string }> = [];
                for (const sentence of sentences(paragraph)) {
                    const found = this.sentenceRule(sentence, heading, declared);
                    if (found && !used.has(found.kind) && !matched.some(m => m.kind === found.kind)) matched.push({ sentence, ...found });
                }
                if (!matched.length) {
                    out.push(`note ${texte(paragraph, '')}`);
                    continue;
                }
                for (const sentence of sentences(paragraph)) {
                    const m = matched.find(x => x.sentence === sentence);
                    if (m) rule(sentence, m.lines, m.kind);
                    else out.push(`note ${texte(sentence, '')}`);
                }
            }
        }
        // Aménagement (droit à compensation) : sa phrase est dans le préambule.
        for (const p of this.reader.preamble) {
            for (const sentence of sentences(p.text)) {
                const m = /valable\s+(?:pour\s+)?(une|un|\d+)\s+(ann[ée]es?|ans?|mois)\b/i.exec(sentence);
                if (!m) continue;
                const n = /^\d+$/.test(m[1]) ? Number(m[1]) : 1;
                const unit = /^mois$/i.test(m[2]) ? 'mois' : n > 1 ? 'ans' : 'an';
                rule(sentence, [`aménagement valable ${n} ${unit}${/temporaire/i.test(sentence) ? ' ou temporaire' : ''}`], 'amenagement');
            }
        }
        return out;
    }

    private sentenceRule(sentence: string, heading: string | undefined, declared: Set<string>): { lines: string[]; kind: string } | undefined {
        const percent = /(\d+(?:[.,]\d+)?)\s*%\s*des\s+comp[ée]tences/i.exec(sentence);
        if (percent && /\bbloc\b/i.test(sentence)) {
            return { kind: 'seuil', lines: [`bloc validé si ${percent[1]} % des compétences acquises`] };
        }
        if (/acquis\s+[àa]\s+vie/i.test(sentence)) return { kind: 'vie', lines: ['blocs acquis à vie'] };
        const average = /moyenne\s+(?:[ée]gale\s+ou\s+sup[ée]rieure|sup[ée]rieure\s+ou\s+[ée]gale|au\s+moins\s+[ée]gale|d['’]au\s+moins)\s+(?:à\s+)?(\d+(?:[.,]\d+)?)\s*(?:sur|\/)\s*(\d+)/i.exec(sentence);
        if (average) {
            const named = /\(\s*note\s+([^+()]+?)\s*\+\s*note\s+([^+()=]+?)\s*=\s*moyenne\s*\)/i.exec(sentence)
                ?? (heading ? /(?:du|de\s+la|de\s+l['’]|des)\s+(.+?)\s+et\s+(?:sa|son|ses|la|le|les|de\s+la|du)\s+(.+)$/i.exec(heading) : null);
            if (!named) return undefined;
            const names = [named[1].trim(), named[2].trim()];
            const codes = names.map(n => slug(n, '_', false));
            if (codes.some(c => !isValidCode(c) || declared.has(c)) || codes[0] === codes[1]) return undefined;
            codes.forEach(c => declared.add(c));
            const bareme = average[2];
            return {
                kind: 'moyenne',
                lines: [
                    ...codes.map((c, i) => `épreuve ${c} ${texte(capitalize(names[i]), '')} sur ${bareme}`),
                    `condition ${texte(heading ?? capitalize(names.join(' et ')), '')} : moyenne(${codes.join(', ')}) >= ${average[1]}`
                ]
            };
        }
        const duration = /(\d+)\s+mois\b/i.exec(sentence);
        if (duration && heading && /(valid|requis|effectu|minimum|au moins)/i.test(sentence)) {
            const subject = heading.replace(/^la\s+validation\s+(?:de\s+la|du|de\s+l['’]|des|de)\s*/i, '').trim();
            const code = slug(subject, '_', false);
            if (!subject || !isValidCode(code) || declared.has(code)) return undefined;
            declared.add(code);
            return {
                kind: 'duree',
                lines: [`mesure ${code} ${texte(capitalize(subject), '')} en mois`, `condition ${texte(heading, '')} : ${code} >= ${duration[1]} mois`]
            };
        }
        return undefined;
    }
}

/** Un paragraphe terminé par « : » et les éléments de liste qui le suivent : une seule note. */
function groupItems(paragraphs: readonly DocxParagraph[]): string[] {
    const out: string[] = [];
    let open = false;
    for (const p of paragraphs) {
        if (p.list && open && out.length) {
            out[out.length - 1] += `\n${listText(p)}`;
            continue;
        }
        out.push(listText(p));
        for (const note of p.footnotes) out.push(note);
        open = /:$/.test(p.text);
    }
    return out.filter(Boolean);
}

/**
 * Le texte d'une modalité (après sa ligne de titre) → consigne, livrables, notes. Un intertitre
 * (paragraphe qui commence en gras) ouvre une section ; « Le candidat … doit … » est la consigne ;
 * une section dont l'intertitre nomme un dossier, un rapport, une présentation… est un livrable
 * (les éléments qui suivent une consigne qui en nomme un sont ce livrable) ; un paragraphe en
 * italique, ou qui suit une liste sans la continuer, est une note.
 */
function instructions(paragraphs: readonly DocxParagraph[]): { consigne: string[]; livrables: Array<{ kind: string; text: string }>; notes: string[] } {
    const consigne: string[] = [];
    const livrables: Array<{ kind: string; text: string }> = [];
    const notes: string[] = [];
    const sections: Array<{ head?: DocxParagraph; body: DocxParagraph[] }> = [];
    let afterList = false;
    for (const p of paragraphs) {
        notes.push(...p.footnotes);
        if (p.italic && !p.list) {
            notes.push(p.text);
            continue;
        }
        if (p.startsBold && !p.list) {
            sections.push({ head: p, body: [] });
            afterList = false;
            continue;
        }
        if (!sections.length) sections.push({ body: [] });
        const section = sections.at(-1)!;
        if (!p.list && afterList && !/^\d+\s*[-.)]/.test(p.text)) {
            notes.push(p.text);
            continue;
        }
        section.body.push(p);
        afterList = Boolean(p.list) || (afterList && /^\d+\s*[-.)]/.test(p.text));
    }
    for (const { head, body } of sections) {
        const headText = head?.text ?? '';
        const bodyText = body.map(listText);
        const kind = deliverableKind(headText);
        const instruction = !head || /^le candidat\b.*\bdoit\b/is.test(headText);
        if (instruction) {
            if (headText) consigne.push(headText);
            if (kind && bodyText.length) livrables.push({ kind, text: bodyText.join('\n') });
            else consigne.push(...bodyText);
        } else if (kind) {
            livrables.push({ kind, text: [headText, ...bodyText].join('\n') });
        } else {
            consigne.push(headText, ...bodyText);
        }
    }
    return { consigne: consigne.filter(Boolean), livrables, notes: notes.filter(Boolean) };
}

/** Le titre de la certification tiré du titre du document. */
function certificationTitle(title: string): string {
    return title
        .replace(/^r[ée]f[ée]rentiel(?:s)?\s+(?:d['’]activit[ée]s,?\s*(?:de\s+comp[ée]tences,?\s*)?(?:et\s+d['’][ée]valuation\s+)?)?/i, '')
        .replace(/^(?:de\s+la\s+|du\s+)?(?:certification\s+(?:professionnelle\s+)?|titre\s+(?:professionnel\s+)?)?(?:de\s+|d['’])?/i, '')
        .replace(/^[«"\s]+|[»"\s]+$/g, '')
        .trim();
}

/** Convertit un document Word lu (docx-reader.ts) en fichiers .ref (non mis en forme). */
export function docxToRef(document: DocxDocument, options: DocxImportOptions = {}): DocxImportResult {
    // Le document publié par `referentiel export --format docx` : relu tel qu'il a été écrit.
    const published = isPublishedDocument(document) ? publishedToRef(document, options) : undefined;
    if (published) {
        if (!isValidCode(published.code)) throw new DocxImportError('bad-code', published.code);
        return published;
    }
    const reader = new Reader();
    reader.read(document);
    const competences = reader.blocs.reduce((n, b) => n + b.competencies.length, 0);
    if (!reader.blocs.length || !competences) {
        throw new DocxImportError('not-referentiel', 'aucun tableau de bloc de compétences');
    }
    const source = options.source ?? 'un document Word';
    const rawTitle = reader.title ?? document.title ?? '';
    const title = certificationTitle(rawTitle) || rawTitle || source.replace(/\.docx$/i, '');
    const code = options.code ?? slug(title, '-', true);
    if (!isValidCode(code)) throw new DocxImportError('bad-code', code);

    const writer = new Writer(reader);
    const files: Array<{ name: string; text: string }> = [];
    const blocFiles: Array<{ name: string; text: string }> = [];
    const numbers = new Set<number>();
    for (const bloc of reader.blocs) {
        let number = bloc.number;
        while (numbers.has(number)) number++;
        numbers.add(number);
        const blocCode = `BC${String(number).padStart(2, '0')}`;
        blocFiles.push({ name: `${blocCode.toLowerCase()}.ref`, text: writer.bloc(bloc, blocCode, code, source) });
    }
    files.push({ name: `${code.toLowerCase()}.ref`, text: writer.header(code, title, source, reader.blocs.length) }, ...blocFiles);

    const count = <T>(pick: (b: Bloc) => T[]): number => reader.blocs.reduce((n, b) => n + pick(b).length, 0);
    const activities = (list: Activity[]): number => list.reduce((n, a) => n + (a.children.length ? activities(a.children) : 1), 0);
    return {
        code,
        files,
        stats: {
            blocs: reader.blocs.length,
            activites: reader.blocs.reduce((n, b) => n + activities(b.activities), 0),
            competences,
            modalites: count(b => b.modalites),
            criteres: reader.blocs.reduce((n, b) => n + b.modalites.reduce((m, x) => m + x.criteria.length, 0), 0),
            regles: writer.rules,
            liensDeduits: writer.inferred
        }
    };
}
