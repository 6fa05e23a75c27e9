import { PdfLayout, type Doc, type Struct } from './pdf-layout.js';
import { openTaggedPdf } from './tagged-pdf.js';
import { HEADINGS, type BlocTable, type Paragraph, type PublishedDocument } from './published-document.js';

const MARGIN = 36;
const PAD = 4;
const SIZE = 8.5;
const HEADER_FILL = '#1d3557';
const BLOC_FRACTIONS = [0.2, 0.26, 0.28, 0.26];
const OBTENTION_FRACTIONS = [0.25, 0.35, 0.4];

/**
 * Le document publié en PDF balisé (PDF/UA) : titre dans les métadonnées et affiché par le
 * lecteur, langue fr-FR, polices incorporées (Noto Sans), titres H1/H2/H3, tableaux balisés
 * (Table, THead, TBody, TR, TH avec portée, TD), lignes d'en-tête répétées en haut de chaque page
 * (les répétitions sont des artefacts de pagination), et aucune ligne coupée entre deux pages sauf
 * si elle est plus haute qu'une page (elle continue alors sur la suivante, en-tête répété).
 * Dans le PDF, une modalité occupe une ligne du tableau (ses compétences, leurs activités et ses
 * critères à côté). Déterministe : la date des métadonnées est celle de la version du référentiel.
 */
export function renderDocumentPdf(document: PublishedDocument): Promise<Uint8Array> {
    const { doc, done } = openTaggedPdf({
        title: document.titre, subject: `Référentiel de la certification ${document.titre}`, lang: 'fr-FR',
        date: new Date(`${document.date ?? '1980-01-01'}T00:00:00Z`), margin: MARGIN, landscape: true
    });
    new Layout(doc).render(document);
    doc.end();
    return done;
}

const fontOf = (p: Pick<Paragraph, 'bold' | 'italic'>): string => p.bold ? 'bold' : p.italic ? 'italic' : 'regular';

class Layout extends PdfLayout {
    constructor(doc: Doc) {
        super(doc, MARGIN, HEADER_FILL);
    }

    render(document: PublishedDocument): void {
        this.heading('H1', document.titre, 20);
        for (const { label, value } of document.identite) this.para({ text: `${label} : ${value}` }, 11);
        if (document.preambule.length > 0) {
            this.heading('H2', HEADINGS.preambule, 14);
            for (const p of document.preambule) this.para(p, 10);
        }
        if (document.blocs.length > 0) {
            this.newPage();
            this.heading('H2', HEADINGS.referentiels, 14);
            for (const bloc of document.blocs) this.blocTable(bloc);
        }
        const obtention = document.obtention;
        if (obtention) {
            this.newPage();
            this.heading('H2', obtention.titre, 14);
            for (const p of obtention.introduction) this.para(p, 10);
            if (obtention.rows.length > 0) {
                const widths = OBTENTION_FRACTIONS.map(f => f * this.width);
                const header: HeaderCell[][] = [[HEADINGS.regle, HEADINGS.condition, HEADINGS.precisions].map((text, column) => ({ text, column, span: 1, rows: 1 }))];
                this.table(widths, header, obtention.rows.map(r => [[{ text: r.regle, bold: true }], r.condition, r.precisions]), 'Règles d\'obtention de la certification', [true, false, false]);
            }
        }
        this.root.end();
    }

    private para(p: Paragraph, size: number): void {
        this.paragraph(p.text, { size, font: fontOf(p), indent: p.bullet ? 12 : 0, gap: 3 });
    }

    private blocTable(bloc: BlocTable): void {
        const widths = BLOC_FRACTIONS.map(f => f * this.width);
        const header: HeaderCell[][] = [
            [
                { text: HEADINGS.activites, column: 0, span: 1, rows: 2 },
                { text: HEADINGS.competences, column: 1, span: 1, rows: 2 },
                { text: HEADINGS.evaluation, column: 2, span: 2, rows: 1 }
            ],
            [
                { text: HEADINGS.modalites, column: 2, span: 1, rows: 1 },
                { text: HEADINGS.criteres, column: 3, span: 1, rows: 1 }
            ]
        ];
        const rows = bloc.groups.map(g => [
            g.rows.flatMap(r => r.activites),
            g.rows.flatMap(r => r.competences),
            g.modalite,
            g.rows.flatMap(r => r.criteres)
        ]);
        this.table(widths, header, rows, `Référentiels d'activités, de compétences et d'évaluation — ${bloc.label}`, [false, false, false, false],
            { text: bloc.label, size: 12 });
        for (const note of bloc.notes) this.para(note, SIZE);
    }

    /**
     * Un tableau balisé : en-tête (THead, répété en artefact sur chaque nouvelle page), lignes
     * gardées entières sur une page quand elles y tiennent, sinon continuées colonne par colonne.
     */
    private table(widths: number[], header: HeaderCell[][], rows: ReadonlyArray<ReadonlyArray<readonly Paragraph[]>>, summary: string, rowHeaders: boolean[], heading?: { text: string; size: number }): void {
        const doc = this.doc;
        const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));
        const headerHeights = this.headerHeights(widths, header);
        const headerHeight = headerHeights.reduce((a, b) => a + b, 0);
        const heightOf = (p: Paragraph, width: number): number => {
            doc.font(fontOf(p)).fontSize(SIZE);
            return doc.heightOfString(p.text, { width: width - 2 * PAD }) + 2;
        };
        const measured = rows.map(row => row.map((paragraphs, column) => paragraphs.map(p => heightOf(p, widths[column]))));
        const totalOf = (heights: number[][]): number => Math.max(...heights.map(h => h.reduce((a, b) => a + b, 0))) + 2 * PAD;
        const available = this.bottom - MARGIN - headerHeight;
        // Le titre, l'en-tête et la première ligne (si elle tient sur une page) restent ensemble.
        let headingHeight = 0;
        if (heading) {
            doc.font('bold').fontSize(heading.size);
            headingHeight = doc.heightOfString(heading.text, { width: this.width }) + heading.size * 0.5;
        }
        const first = measured.length > 0 ? Math.min(totalOf(measured[0]), available - headingHeight) : 3 * SIZE;
        if (doc.y + headingHeight + headerHeight + first > this.bottom) this.newPage();
        if (heading) this.heading('H3', heading.text, heading.size);
        const table = doc.struct('Table', { title: summary });
        this.root.add(table);

        const thead = doc.struct('THead');
        table.add(thead);
        this.drawHeader(widths, xs, header, headerHeights, thead);
        thead.end();
        const tbody = doc.struct('TBody');
        table.add(tbody);

        for (const [r, row] of rows.entries()) {
            const tr = doc.struct('TR');
            tbody.add(tr);
            const cells = row.map((paragraphs, column) => {
                const element = doc.struct(rowHeaders[column] ? 'TH' : 'TD', (rowHeaders[column] ? { scope: 'Row' } : {}) as PDFKit.Mixins.StructureElementOptions);
                tr.add(element);
                return { element, paragraphs, heights: measured[r][column], next: 0 };
            });
            const total = totalOf(measured[r]);
            if (doc.y + total > this.bottom && total <= available) {
                this.newPage();
                this.drawHeader(widths, xs, header, headerHeights);
            }
            // Dessine ce qui tient sur la page, puis continue sur la suivante (ligne plus haute qu'une page).
            for (;;) {
                const top = doc.y;
                let used = 0;
                for (const [column, c] of cells.entries()) {
                    let y = top + PAD;
                    while (c.next < c.paragraphs.length && y + c.heights[c.next] <= this.bottom - PAD) {
                        const p = c.paragraphs[c.next];
                        const yy = y;
                        doc.font(fontOf(p)).fontSize(SIZE);
                        c.element.add(doc.struct('P', {}, [() => { doc.fillColor('black').text(p.text, xs[column] + PAD, yy, { width: widths[column] - 2 * PAD }); }]));
                        y += c.heights[c.next];
                        c.next++;
                    }
                    used = Math.max(used, y - top);
                }
                const remaining = cells.some(c => c.next < c.paragraphs.length);
                const height = remaining ? this.bottom - top : used + PAD;
                this.artifact(() => {
                    doc.lineWidth(0.5).strokeColor('#555555');
                    for (const [column] of cells.entries()) doc.rect(xs[column], top, widths[column], height).stroke();
                });
                doc.y = top + height;
                if (!remaining) break;
                this.newPage();
                this.drawHeader(widths, xs, header, headerHeights);
            }
            for (const c of cells) c.element.end();
            tr.end();
        }
        tbody.end();
        table.end();
        doc.y += SIZE;
    }

    private headerHeights(widths: number[], header: HeaderCell[][]): number[] {
        const doc = this.doc;
        doc.font('bold').fontSize(SIZE);
        return header.map(row => Math.max(...row.filter(c => c.rows === 1).map(c => {
            const width = widths.slice(c.column, c.column + c.span).reduce((a, b) => a + b, 0);
            return doc.heightOfString(c.text, { width: width - 2 * PAD }) + 2 * PAD;
        })));
    }

    /** Les lignes d'en-tête : balisées (TH, portée colonne) la première fois, artefacts ensuite. */
    private drawHeader(widths: number[], xs: number[], header: HeaderCell[][], heights: number[], thead?: Struct): void {
        const doc = this.doc;
        const top = doc.y;
        let y = top;
        header.forEach((row, r) => {
            const tr = thead ? doc.struct('TR') : undefined;
            if (tr) thead!.add(tr);
            for (const c of row) {
                const width = widths.slice(c.column, c.column + c.span).reduce((a, b) => a + b, 0);
                const height = heights.slice(r, r + c.rows).reduce((a, b) => a + b, 0);
                const x = xs[c.column];
                const yy = y;
                this.artifact(() => {
                    doc.rect(x, yy, width, height).fillAndStroke(HEADER_FILL, '#555555');
                });
                const draw = (): void => { doc.font('bold').fontSize(SIZE).fillColor('white').text(c.text, x + PAD, yy + PAD, { width: width - 2 * PAD, align: 'center' }); };
                if (tr) {
                    const th = doc.struct('TH', { scope: 'Column' } as PDFKit.Mixins.StructureElementOptions, [draw]);
                    PdfLayout.tableAttributes(th, { Scope: 'Column', ...(c.rows > 1 ? { RowSpan: c.rows } : {}), ...(c.span > 1 ? { ColSpan: c.span } : {}) });
                    tr.add(th);
                } else {
                    this.artifact(draw, 'Pagination');
                }
            }
            tr?.end();
            y += heights[r];
        });
        doc.fillColor('black');
        doc.y = top + heights.reduce((a, b) => a + b, 0);
    }
}

interface HeaderCell {
    readonly text: string;
    readonly column: number;
    readonly span: number;
    readonly rows: number;
}
