import JSZip from 'jszip';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/**
 * Lecture d'un document Word (.docx, WordprocessingML) : l'archive zip (jszip, sommes de
 * contrôle vérifiées) puis ses parties XML, analysées par saxes (aucune entité développée :
 * une DTD est refusée, comme pour le registre RNCP).
 *
 * Le résultat est la suite des blocs du corps du document, dans l'ordre : paragraphes (texte,
 * gras et italique par morceau, style de titre, élément de liste avec sa marque calculée comme
 * Word la dessine, notes de bas de page citées) et tableaux (lignes, cellules avec leur largeur
 * en colonnes de la grille et leur fusion verticale, lignes d'en-tête répétées). Les tableaux
 * imbriqués sont aplatis dans la cellule qui les contient ; le texte des zones de texte, les
 * révisions supprimées et les champs cachés ne sont pas lus.
 */

export interface DocxRun {
    readonly text: string;
    readonly bold: boolean;
    readonly italic: boolean;
}

export interface DocxList {
    /** La marque de l'élément telle que Word la dessine : « - » pour une puce, « 1 - », « a) »… */
    readonly marker: string;
    readonly bullet: boolean;
    readonly level: number;
}

export interface DocxParagraph {
    readonly kind: 'paragraph';
    /** Le texte, blancs de début et de fin retirés, espaces répétées réduites. */
    readonly text: string;
    readonly runs: readonly DocxRun[];
    /** 0 = titre du document, 1…9 = niveau de titre ; absent pour un paragraphe ordinaire. */
    readonly heading?: number;
    /** L'identifiant du style du paragraphe (w:pStyle), s'il en a un. */
    readonly style?: string;
    readonly list?: DocxList;
    /** Tout le texte est en gras. */
    readonly bold: boolean;
    /** Le texte commence en gras (intertitre « Le candidat présente : » suivi de texte). */
    readonly startsBold: boolean;
    /** Tout le texte est en italique. */
    readonly italic: boolean;
    /** Les notes de bas de page appelées dans le paragraphe (leur texte). */
    readonly footnotes: readonly string[];
}

export interface DocxCell {
    readonly paragraphs: readonly DocxParagraph[];
    /** Nombre de colonnes de la grille couvertes (gridSpan). */
    readonly span: number;
    /** Fusion verticale : la cellule commence une fusion ou continue celle du dessus. */
    readonly vMerge?: 'restart' | 'continue';
}

export interface DocxRow {
    readonly cells: readonly DocxCell[];
    /** Ligne d'en-tête répétée en haut de chaque page (tblHeader). */
    readonly header: boolean;
    /** Colonnes de la grille laissées vides avant la première cellule (gridBefore). */
    readonly gridBefore: number;
}

export interface DocxTable {
    readonly kind: 'table';
    readonly rows: readonly DocxRow[];
}

export type DocxBlock = DocxParagraph | DocxTable;

export interface DocxDocument {
    readonly blocks: readonly DocxBlock[];
    /** Le titre des propriétés du document (docProps/core.xml), s'il y en a un. */
    readonly title?: string;
}

export type DocxReadErrorKind = 'not-zip' | 'corrupt' | 'not-docx' | 'xml';

/** Un fichier qui n'est pas un document Word lisible ; `detail` : la raison technique. */
export class DocxReadError extends Error {
    constructor(readonly kind: DocxReadErrorKind, readonly detail: string) {
        super(detail);
        this.name = 'DocxReadError';
    }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Lit un .docx (ses octets). */
export async function readDocx(bytes: Uint8Array): Promise<DocxDocument> {
    if (bytes.length < 4 || ZIP_MAGIC.some((b, i) => bytes[i] !== b)) {
        throw new DocxReadError('not-zip', 'signature zip absente');
    }
    let zip: JSZip;
    try {
        zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    } catch (error) {
        throw new DocxReadError('corrupt', (error as Error).message ?? String(error));
    }
    const part = async (name: string): Promise<string | undefined> => {
        const entry = zip.file(name);
        if (!entry) return undefined;
        try {
            return await entry.async('string');
        } catch (error) {
            throw new DocxReadError('corrupt', `${name} : ${(error as Error).message ?? String(error)}`);
        }
    };
    const documentXml = await part('word/document.xml');
    if (documentXml === undefined) throw new DocxReadError('not-docx', 'word/document.xml absent');

    const styles = readStyles(await part('word/styles.xml'));
    const numbering = readNumbering(await part('word/numbering.xml'));
    const footnotes = readFootnotes(await part('word/footnotes.xml'));
    const blocks = readBody(documentXml, styles, numbering, footnotes);
    const title = readCoreTitle(await part('docProps/core.xml'));
    return { blocks, ...(title ? { title } : {}) };
}

// ---------------------------------------------------------------------------------------------
// XML
// ---------------------------------------------------------------------------------------------

interface XmlHandlers {
    open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
    close(name: string): void;
    text(text: string): void;
}

/** Analyse un texte XML avec saxes ; une DTD (entités possibles) ou une erreur : DocxReadError. */
function parseXml(xml: string, part: string, handlers: XmlHandlers): void {
    const parser = new SaxesParser({ xmlns: false, position: true });
    let failure: DocxReadError | undefined;
    parser.on('error', error => {
        failure ??= new DocxReadError('xml', `${part} : ${error.message}`);
    });
    parser.on('doctype', () => {
        failure ??= new DocxReadError('xml', `${part} : déclaration DOCTYPE refusée`);
    });
    parser.on('opentag', (tag: SaxesTagPlain) => handlers.open(tag.name, tag.attributes as Record<string, string>, tag.isSelfClosing));
    parser.on('closetag', (tag: SaxesTagPlain) => handlers.close(tag.name));
    parser.on('text', text => handlers.text(text));
    parser.on('cdata', text => handlers.text(text));
    try {
        parser.write(xml).close();
    } catch (error) {
        failure ??= new DocxReadError('xml', `${part} : ${(error as Error).message}`);
    }
    if (failure) throw failure;
}

/** Un interrupteur de WordprocessingML (`<w:b/>`, `<w:b w:val="0"/>`…). */
function toggle(attributes: Record<string, string>): boolean {
    const value = attributes['w:val'];
    return value === undefined || !['0', 'false', 'off', 'none'].includes(value.toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// Styles, numérotation, notes, propriétés
// ---------------------------------------------------------------------------------------------

interface StyleInfo {
    name: string;
    basedOn?: string;
    bold?: boolean;
    italic?: boolean;
    outline?: number;
    numId?: string;
    ilvl?: number;
}

class Styles {
    constructor(private readonly byId: Map<string, StyleInfo>) {}

    private chain(id: string | undefined): StyleInfo[] {
        const out: StyleInfo[] = [];
        const seen = new Set<string>();
        for (let current = id; current && !seen.has(current); current = this.byId.get(current)?.basedOn) {
            seen.add(current);
            const style = this.byId.get(current);
            if (!style) break;
            out.push(style);
        }
        return out;
    }

    private first<K extends keyof StyleInfo>(id: string | undefined, key: K): StyleInfo[K] | undefined {
        for (const style of this.chain(id)) if (style[key] !== undefined) return style[key];
        return undefined;
    }

    bold(id: string | undefined): boolean {
        return this.first(id, 'bold') === true;
    }

    italic(id: string | undefined): boolean {
        return this.first(id, 'italic') === true;
    }

    /** 0 = titre du document ; 1…9 = niveau de titre ; undefined sinon. */
    heading(id: string | undefined): number | undefined {
        const style = id ? this.byId.get(id) : undefined;
        const name = (style?.name ?? id ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
        if (name === 'title') return 0;
        const level = /^heading ([1-9])$/.exec(name);
        if (level) return Number(level[1]);
        const outline = this.first(id, 'outline');
        return outline !== undefined && outline < 9 ? outline + 1 : undefined;
    }

    numbering(id: string | undefined): { numId?: string; ilvl?: number } {
        return { numId: this.first(id, 'numId'), ilvl: this.first(id, 'ilvl') };
    }
}

function readStyles(xml: string | undefined): Styles {
    const byId = new Map<string, StyleInfo>();
    if (!xml) return new Styles(byId);
    let current: StyleInfo | undefined;
    let inRunProps = false;
    parseXml(xml, 'word/styles.xml', {
        open(name, a) {
            if (name === 'w:style') {
                current = { name: a['w:styleId'] ?? '' };
                if (a['w:styleId']) byId.set(a['w:styleId'], current);
                return;
            }
            if (!current) return;
            if (name === 'w:name') current.name = a['w:val'] ?? current.name;
            else if (name === 'w:basedOn') current.basedOn = a['w:val'];
            else if (name === 'w:rPr') inRunProps = true;
            else if (name === 'w:b' && inRunProps) current.bold = toggle(a);
            else if (name === 'w:i' && inRunProps) current.italic = toggle(a);
            else if (name === 'w:outlineLvl') current.outline = Number(a['w:val']);
            else if (name === 'w:numId') current.numId = a['w:val'];
            else if (name === 'w:ilvl') current.ilvl = Number(a['w:val']);
        },
        close(name) {
            if (name === 'w:style') current = undefined;
            else if (name === 'w:rPr') inRunProps = false;
        },
        text() { /* rien */ }
    });
    return new Styles(byId);
}

interface Level {
    format: string;
    text: string;
    start: number;
}

class Numbering {
    private readonly counters = new Map<string, number[]>();

    constructor(
        private readonly abstracts: Map<string, Map<number, Level>>,
        private readonly nums: Map<string, { abstract: string; starts: Map<number, number> }>
    ) {}

    /** La marque du prochain élément de la liste `numId` au niveau `ilvl` (undefined : pas une liste). */
    next(numId: string, ilvl: number): DocxList | undefined {
        const num = this.nums.get(numId);
        if (!num || numId === '0') return undefined;
        const levels = this.abstracts.get(num.abstract);
        const level = levels?.get(ilvl) ?? { format: 'decimal', text: `%${ilvl + 1}.`, start: 1 };
        if (level.format === 'none') return { marker: '', bullet: false, level: ilvl };
        const counters = this.counters.get(numId) ?? [];
        const startOf = (l: number): number => num.starts.get(l) ?? levels?.get(l)?.start ?? 1;
        counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl] + 1;
        counters.length = ilvl + 1; // les niveaux inférieurs recommencent
        this.counters.set(numId, counters);
        if (level.format === 'bullet') return { marker: '-', bullet: true, level: ilvl };
        const marker = level.text.replace(/%([1-9])/g, (_, n: string) => {
            const l = Number(n) - 1;
            const value = counters[l] ?? startOf(l);
            return formatNumber(value, (levels?.get(l) ?? level).format);
        });
        return { marker: marker.trim(), bullet: false, level: ilvl };
    }
}

function formatNumber(value: number, format: string): string {
    switch (format) {
        case 'lowerLetter': return letters(value).toLowerCase();
        case 'upperLetter': return letters(value);
        case 'lowerRoman': return roman(value).toLowerCase();
        case 'upperRoman': return roman(value);
        default: return String(value);
    }
}

function letters(value: number): string {
    const letter = String.fromCharCode(65 + ((Math.max(1, value) - 1) % 26));
    return letter.repeat(Math.floor((Math.max(1, value) - 1) / 26) + 1);
}

function roman(value: number): string {
    const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
    let rest = Math.max(1, Math.min(3999, value));
    let out = '';
    for (const [n, s] of table) while (rest >= n) { out += s; rest -= n; }
    return out;
}

function readNumbering(xml: string | undefined): Numbering {
    const abstracts = new Map<string, Map<number, Level>>();
    const nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
    if (xml) {
        let abstract: Map<number, Level> | undefined;
        let level: Level | undefined;
        let num: { abstract: string; starts: Map<number, number> } | undefined;
        let override: number | undefined;
        parseXml(xml, 'word/numbering.xml', {
            open(name, a) {
                if (name === 'w:abstractNum') {
                    abstract = new Map();
                    abstracts.set(a['w:abstractNumId'] ?? '', abstract);
                } else if (name === 'w:lvl' && abstract) {
                    level = { format: 'decimal', text: '', start: 1 };
                    abstract.set(Number(a['w:ilvl'] ?? 0), level);
                } else if (level && name === 'w:numFmt') level.format = a['w:val'] ?? 'decimal';
                else if (level && name === 'w:lvlText') level.text = a['w:val'] ?? '';
                else if (level && name === 'w:start') level.start = Number(a['w:val'] ?? 1);
                else if (name === 'w:num') {
                    num = { abstract: '', starts: new Map() };
                    nums.set(a['w:numId'] ?? '', num);
                } else if (num && name === 'w:abstractNumId') num.abstract = a['w:val'] ?? '';
                else if (num && name === 'w:lvlOverride') override = Number(a['w:ilvl'] ?? 0);
                else if (num && override !== undefined && name === 'w:startOverride') num.starts.set(override, Number(a['w:val'] ?? 1));
            },
            close(name) {
                if (name === 'w:abstractNum') abstract = undefined;
                else if (name === 'w:lvl') level = undefined;
                else if (name === 'w:num') num = undefined;
                else if (name === 'w:lvlOverride') override = undefined;
            },
            text() { /* rien */ }
        });
    }
    return new Numbering(abstracts, nums);
}

function readFootnotes(xml: string | undefined): Map<string, string> {
    const notes = new Map<string, string>();
    if (!xml) return notes;
    let id: string | undefined;
    let paragraphs: string[] = [];
    let current = '';
    let inText = false;
    parseXml(xml, 'word/footnotes.xml', {
        open(name, a) {
            if (name === 'w:footnote') {
                const type = a['w:type'];
                id = type && type !== 'normal' ? undefined : a['w:id'];
                paragraphs = [];
            } else if (name === 'w:p') current = '';
            else if (name === 'w:t') inText = true;
            else if (name === 'w:tab') current += ' ';
        },
        close(name) {
            if (name === 'w:t') inText = false;
            else if (name === 'w:p') paragraphs.push(normalize(current));
            else if (name === 'w:footnote' && id !== undefined) {
                const text = paragraphs.filter(Boolean).join(' ');
                if (text) notes.set(id, text);
                id = undefined;
            }
        },
        text(text) {
            if (inText && id !== undefined) current += text;
        }
    });
    return notes;
}

function readCoreTitle(xml: string | undefined): string | undefined {
    if (!xml) return undefined;
    let inTitle = false;
    let title = '';
    parseXml(xml, 'docProps/core.xml', {
        open(name) { if (name === 'dc:title') inTitle = true; },
        close(name) { if (name === 'dc:title') inTitle = false; },
        text(text) { if (inTitle) title += text; }
    });
    return normalize(title) || undefined;
}

/** Blancs réduits (espaces insécables gardées comme espaces), début et fin retirés. */
function normalize(text: string): string {
    return text.replace(/[ \t\u00a0\u202f]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

// ---------------------------------------------------------------------------------------------
// Le corps du document
// ---------------------------------------------------------------------------------------------

interface OpenParagraph {
    style?: string;
    numId?: string;
    ilvl?: number;
    runs: Array<{ text: string; bold: boolean; italic: boolean }>;
    footnotes: string[];
}

interface OpenRun {
    style?: string;
    bold?: boolean;
    italic?: boolean;
}

interface OpenCell {
    paragraphs: DocxParagraph[];
    span: number;
    vMerge?: 'restart' | 'continue';
}

interface OpenRow {
    cells: OpenCell[];
    header: boolean;
    gridBefore: number;
}

interface OpenTable {
    rows: OpenRow[];
}

function readBody(xml: string, styles: Styles, numbering: Numbering, footnotes: Map<string, string>): DocxBlock[] {
    const blocks: DocxBlock[] = [];
    const tables: OpenTable[] = [];
    let paragraph: OpenParagraph | undefined;
    let paragraphDepth = 0;
    let run: OpenRun | undefined;
    let inText = false;
    let inRunProps = false;
    let skip = 0; // zones non lues : textes de remplacement, zones de texte, révisions supprimées
    const SKIPPED = new Set(['mc:Fallback', 'w:txbxContent', 'w:del', 'w:instrText', 'w:delText']);

    const currentCell = (): OpenCell | undefined => {
        const table = tables.at(-1);
        return table?.rows.at(-1)?.cells.at(-1);
    };

    const finishParagraph = (p: OpenParagraph): DocxParagraph | undefined => {
        const runs: DocxRun[] = [];
        for (const r of p.runs) {
            const last = runs.at(-1);
            if (last && last.bold === r.bold && last.italic === r.italic) runs[runs.length - 1] = { ...last, text: last.text + r.text };
            else runs.push({ ...r });
        }
        const text = normalize(runs.map(r => r.text).join(''));
        const fromStyle = styles.numbering(p.style);
        const numId = p.numId ?? fromStyle.numId;
        const ilvl = p.ilvl ?? fromStyle.ilvl ?? 0;
        if (!text && !p.footnotes.length) return undefined;
        const list = numId ? numbering.next(numId, ilvl) : undefined;
        const visible = runs.filter(r => r.text.trim());
        const heading = styles.heading(p.style);
        return {
            kind: 'paragraph',
            text,
            runs,
            ...(heading !== undefined ? { heading } : {}),
            ...(p.style ? { style: p.style } : {}),
            ...(list ? { list } : {}),
            bold: visible.length > 0 && visible.every(r => r.bold),
            startsBold: visible.length > 0 && visible[0].bold,
            italic: visible.length > 0 && visible.every(r => r.italic),
            footnotes: p.footnotes
        };
    };

    parseXml(xml, 'word/document.xml', {
        open(name, a, selfClosing) {
            if (SKIPPED.has(name)) {
                if (!selfClosing) skip++;
                return;
            }
            if (skip) return;
            switch (name) {
                case 'w:tbl':
                    tables.push({ rows: [] });
                    return;
                case 'w:tr':
                    tables.at(-1)?.rows.push({ cells: [], header: false, gridBefore: 0 });
                    return;
                case 'w:tblHeader': {
                    const row = tables.at(-1)?.rows.at(-1);
                    if (row) row.header = toggle(a);
                    return;
                }
                case 'w:gridBefore': {
                    const row = tables.at(-1)?.rows.at(-1);
                    if (row) row.gridBefore = Number(a['w:val'] ?? 0) || 0;
                    return;
                }
                case 'w:tc':
                    tables.at(-1)?.rows.at(-1)?.cells.push({ paragraphs: [], span: 1 });
                    return;
                case 'w:gridSpan': {
                    const cell = currentCell();
                    if (cell) cell.span = Math.max(1, Number(a['w:val'] ?? 1) || 1);
                    return;
                }
                case 'w:vMerge': {
                    const cell = currentCell();
                    if (cell) cell.vMerge = a['w:val'] === 'restart' ? 'restart' : 'continue';
                    return;
                }
                case 'w:p':
                    paragraphDepth++;
                    if (paragraphDepth === 1) paragraph = { runs: [], footnotes: [] };
                    return;
                case 'w:pStyle':
                    if (paragraph && !run) paragraph.style = a['w:val'];
                    return;
                case 'w:numId':
                    if (paragraph && !run) paragraph.numId = a['w:val'];
                    return;
                case 'w:ilvl':
                    if (paragraph && !run) paragraph.ilvl = Number(a['w:val'] ?? 0);
                    return;
                case 'w:r':
                    if (paragraph && paragraphDepth === 1) run = {};
                    return;
                case 'w:rPr':
                    inRunProps = Boolean(run);
                    return;
                case 'w:rStyle':
                    if (run && inRunProps) run.style = a['w:val'];
                    return;
                case 'w:b':
                    if (run && inRunProps) run.bold = toggle(a);
                    return;
                case 'w:i':
                    if (run && inRunProps) run.italic = toggle(a);
                    return;
                case 'w:t':
                    inText = Boolean(run);
                    return;
                case 'w:tab':
                    if (run && !inRunProps) push(' ');
                    return;
                case 'w:br':
                case 'w:cr':
                    if (run && (a['w:type'] ?? 'textWrapping') === 'textWrapping') push('\n');
                    return;
                case 'w:noBreakHyphen':
                    if (run) push('-');
                    return;
                case 'w:footnoteReference': {
                    const note = footnotes.get(a['w:id'] ?? '');
                    if (paragraph && note) paragraph.footnotes.push(note);
                    return;
                }
            }
        },
        close(name) {
            if (SKIPPED.has(name)) {
                skip = Math.max(0, skip - 1);
                return;
            }
            if (skip) return;
            switch (name) {
                case 'w:t':
                    inText = false;
                    return;
                case 'w:rPr':
                    inRunProps = false;
                    return;
                case 'w:r':
                    run = undefined;
                    return;
                case 'w:p': {
                    paragraphDepth = Math.max(0, paragraphDepth - 1);
                    if (paragraphDepth > 0 || !paragraph) return;
                    const done = finishParagraph(paragraph);
                    paragraph = undefined;
                    if (!done) return;
                    const cell = currentCell();
                    if (cell) cell.paragraphs.push(done);
                    else if (!tables.length) blocks.push(done);
                    return;
                }
                case 'w:tbl': {
                    const table = tables.pop();
                    if (!table) return;
                    const parent = currentCell();
                    if (parent) {
                        // Tableau imbriqué : ses paragraphes vont dans la cellule qui le contient.
                        for (const row of table.rows) for (const cell of row.cells) parent.paragraphs.push(...cell.paragraphs);
                        return;
                    }
                    blocks.push({ kind: 'table', rows: table.rows.map(r => ({ cells: r.cells.map(c => ({ ...c })), header: r.header, gridBefore: r.gridBefore })) });
                    return;
                }
            }
        },
        text(text) {
            if (!skip && inText) push(text);
        }
    });

    function push(text: string): void {
        if (!paragraph || !run) return;
        paragraph.runs.push({
            text,
            bold: run.bold ?? (styles.bold(run.style) || styles.bold(paragraph.style)),
            italic: run.italic ?? (styles.italic(run.style) || styles.italic(paragraph.style))
        });
    }
    return blocks;
}
