import {
    AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageOrientation, Paragraph as DocxParagraph, ShadingType, Table, TableCell,
    TableRow, TextRun, VerticalAlign, WidthType, type ITableCellOptions
} from 'docx';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { escapeXml } from '../common/markup.js';
import { HEADINGS, type BlocTable, type Paragraph, type PublishedDocument } from './published-document.js';

/** La langue du document publié (métadonnées, styles, chaque passage de texte). */
const LANGUAGE = 'fr-FR';
/** Largeur utile d'une page A4 paysage (marges de 1,5 cm), en vingtièmes de point. */
const TABLE_WIDTH = 16838 - 2 * 850;
const BLOC_COLUMNS = [0.2, 0.26, 0.28, 0.26].map(f => Math.round(f * TABLE_WIDTH));
const OBTENTION_COLUMNS = [0.25, 0.35, 0.4].map(f => Math.round(f * TABLE_WIDTH));
const HEADER_FILL = '1D3557';
/**
 * Le style des lignes qui continuent le texte du paragraphe précédent (un texte sur plusieurs
 * lignes) : invisible à la lecture, il permet à `referentiel import docx` de relire un seul texte.
 */
export const CONTINUATION_STYLE = 'SuiteDeTexte';

/**
 * Le document publié en Word (.docx) : langue fr-FR (styles et texte), titres en styles de titre
 * (Titre 1, Titre 2), un tableau par bloc dont les lignes d'en-tête sont marquées comme telles
 * (répétées en haut de chaque page) et dont aucune ligne n'est coupée entre deux pages.
 *
 * Déterministe : mêmes octets pour le même référentiel. Les dates des propriétés du document
 * sont celles de la version du référentiel (sinon de son enregistrement, sinon le 1er janvier
 * 1980, la plus petite date d'une archive zip), jamais l'heure de l'export.
 */
export async function renderDocumentDocx(document: PublishedDocument): Promise<Uint8Array> {
    const children: Array<DocxParagraph | Table> = [];
    children.push(new DocxParagraph({ heading: HeadingLevel.HEADING_1, children: [run(document.titre)] }));
    for (const { label, value } of document.identite) {
        children.push(new DocxParagraph({ children: [run(`${label} : `, { bold: true }), run(value)] }));
    }
    if (document.preambule.length > 0) {
        children.push(new DocxParagraph({ heading: HeadingLevel.HEADING_2, children: [run(HEADINGS.preambule)] }));
        children.push(...paragraphsOf(document.preambule));
    }
    if (document.blocs.length > 0) {
        children.push(new DocxParagraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: document.preambule.length > 0, children: [run(HEADINGS.referentiels)] }));
        document.blocs.forEach((bloc, i) => {
            if (i > 0) children.push(new DocxParagraph({ children: [] }));
            children.push(blocTable(bloc));
        });
    }
    const obtention = document.obtention;
    if (obtention) {
        children.push(new DocxParagraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: document.blocs.length > 0, children: [run(obtention.titre)] }));
        children.push(...paragraphsOf(obtention.introduction));
        if (obtention.rows.length > 0) {
            children.push(new Table({
                width: { size: TABLE_WIDTH, type: WidthType.DXA },
                columnWidths: OBTENTION_COLUMNS,
                rows: [
                    new TableRow({ tableHeader: true, cantSplit: true, children: [HEADINGS.regle, HEADINGS.condition, HEADINGS.precisions].map(h => headerCell([h])) }),
                    ...obtention.rows.map(row => new TableRow({
                        cantSplit: true,
                        children: [
                            cell([{ text: row.regle, bold: true }]),
                            cell(row.condition),
                            cell(row.precisions)
                        ]
                    }))
                ]
            }));
        }
    }

    const doc = new Document({
        title: document.titre,
        subject: `Référentiel de la certification ${document.titre}`,
        creator: 'Référentiel',
        styles: {
            default: {
                document: { run: { language: { value: LANGUAGE }, font: 'Calibri', size: 20 } },
                heading1: { run: { size: 36, bold: true, color: HEADER_FILL } },
                heading2: { run: { size: 28, bold: true, color: HEADER_FILL } }
            },
            paragraphStyles: [{ id: CONTINUATION_STYLE, name: 'Suite de texte', basedOn: 'Normal', quickFormat: false }]
        },
        sections: [{
            properties: {
                page: {
                    size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 },
                    margin: { top: 850, bottom: 850, left: 850, right: 850 }
                }
            },
            children
        }]
    });
    const date = `${document.date ?? '1980-01-01'}T00:00:00Z`;
    const packed = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreProperties(document, date) }]);
    return deterministicZip(new Uint8Array(packed), new Date(date));
}

/** Les propriétés du document (titre, langue, dates fixes). */
function coreProperties(document: PublishedDocument, date: string): string {
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        + `<dc:title>${escapeXml(document.titre)}</dc:title>`
        + `<dc:subject>${escapeXml(`Référentiel de la certification ${document.titre}`)}</dc:subject>`
        + '<dc:creator>Référentiel</dc:creator>'
        + `<dc:language>${LANGUAGE}</dc:language>`
        + `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>`
        + `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>`
        + '</cp:coreProperties>';
}

/** La même archive, ses entrées datées de `date` (le zip de `docx` les date de l'instant). */
function deterministicZip(bytes: Uint8Array, date: Date): Uint8Array {
    const entries = unzipSync(bytes);
    const files: Zippable = {};
    for (const name of Object.keys(entries).sort()) files[name] = [entries[name], { mtime: date, level: 6 }];
    return zipSync(files);
}

function run(text: string, style: { bold?: boolean; italics?: boolean; color?: string } = {}): TextRun {
    return new TextRun({ text, ...style, language: { value: LANGUAGE } });
}

function paragraphsOf(list: readonly Paragraph[]): DocxParagraph[] {
    return list.map(p => new DocxParagraph({
        ...(p.continued ? { style: CONTINUATION_STYLE } : {}),
        spacing: { after: 60 },
        indent: p.bullet ? { left: 240 } : undefined,
        children: [run(p.text, { bold: p.bold, italics: p.italic })]
    }));
}

function cell(list: readonly Paragraph[], options: Omit<ITableCellOptions, 'children'> = {}): TableCell {
    const content = paragraphsOf(list);
    return new TableCell({ ...options, children: content.length > 0 ? content : [new DocxParagraph({ children: [] })] });
}

function headerCell(lines: ReadonlyArray<string | { text: string; italic: true }>, options: Omit<ITableCellOptions, 'children'> = {}): TableCell {
    return new TableCell({
        ...options,
        verticalAlign: VerticalAlign.CENTER,
        shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' },
        children: lines.map(line => new DocxParagraph({
            alignment: AlignmentType.CENTER,
            children: [typeof line === 'string'
                ? run(line, { bold: true, color: 'FFFFFF' })
                : run(line.text, { italics: true, color: 'FFFFFF' })]
        }))
    });
}

function blocTable(bloc: BlocTable): Table {
    const rows: TableRow[] = [
        new TableRow({
            tableHeader: true,
            cantSplit: true,
            children: [
                headerCell([HEADINGS.activites, { text: HEADINGS.activitesDescription, italic: true }], { rowSpan: 2 }),
                headerCell([HEADINGS.competences, { text: HEADINGS.competencesDescription, italic: true }], { rowSpan: 2 }),
                headerCell([HEADINGS.evaluation, { text: HEADINGS.evaluationDescription, italic: true }], { columnSpan: 2 })
            ]
        }),
        new TableRow({ tableHeader: true, cantSplit: true, children: [headerCell([HEADINGS.modalites]), headerCell([HEADINGS.criteres])] }),
        new TableRow({
            tableHeader: true,
            cantSplit: true,
            children: [new TableCell({
                columnSpan: 4,
                shading: { type: ShadingType.CLEAR, fill: 'DCE3EC', color: 'auto' },
                children: [new DocxParagraph({ children: [run(bloc.label, { bold: true })] })]
            })]
        })
    ];
    if (bloc.notes.length > 0) rows.push(new TableRow({ cantSplit: true, children: [cell(bloc.notes, { columnSpan: 4 })] }));
    for (const group of bloc.groups) {
        group.rows.forEach((row, i) => {
            const cells = [cell(row.activites), cell(row.competences)];
            if (i === 0) cells.push(cell(group.modalite, group.rows.length > 1 ? { rowSpan: group.rows.length } : {}));
            cells.push(cell(row.criteres));
            rows.push(new TableRow({ cantSplit: true, children: cells }));
        });
    }
    return new Table({
        width: { size: TABLE_WIDTH, type: WidthType.DXA },
        columnWidths: BLOC_COLUMNS,
        borders: {
            top: { style: BorderStyle.SINGLE, size: 4, color: '555555' },
            bottom: { style: BorderStyle.SINGLE, size: 4, color: '555555' },
            left: { style: BorderStyle.SINGLE, size: 4, color: '555555' },
            right: { style: BorderStyle.SINGLE, size: 4, color: '555555' },
            insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: '555555' },
            insideVertical: { style: BorderStyle.SINGLE, size: 4, color: '555555' }
        },
        rows
    });
}
