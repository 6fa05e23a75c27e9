/**
 * La mise en page commune des PDF balisés (PDF/UA) : le document publié (export/document-pdf.ts)
 * et les documents du jury (evaluation/jury/jury-pdf.ts). Une racine de structure `Document`, des
 * titres H1/H2/H3 jamais seuls en bas de page, des paragraphes `P`, des artefacts de mise en page
 * ou de pagination, et la portée des en-têtes de tableau (attribut `Scope` de PDF/UA). Les tableaux,
 * propres à chaque document, s'appuient dessus.
 */

export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;

export interface ParagraphStyle {
    readonly size: number;
    /** La police enregistrée par openTaggedPdf : « regular », « bold » ou « italic ». */
    readonly font?: string;
    /** Retrait à gauche (points). */
    readonly indent?: number;
    /** Espace après le paragraphe (points). */
    readonly gap: number;
    /** Couleur du texte, posée avant de l'écrire (sinon la couleur courante). */
    readonly color?: string;
}

export class PdfLayout {
    readonly root: Struct;
    protected readonly width: number;
    protected readonly bottom: number;

    constructor(protected readonly doc: Doc, protected readonly margin: number, protected readonly accent: string) {
        this.root = doc.struct('Document');
        doc.addStructure(this.root);
        this.width = doc.page.width - 2 * margin;
        this.bottom = doc.page.height - margin;
    }

    protected newPage(): void {
        this.doc.addPage();
    }

    /** Un titre, jamais seul en bas de page : il passe à la suivante s'il n'y a pas la place de trois lignes après lui. */
    heading(type: 'H1' | 'H2' | 'H3', text: string, size: number): void {
        const doc = this.doc;
        doc.font('bold').fontSize(size);
        const h = doc.heightOfString(text, { width: this.width });
        if (doc.y + h + 3 * size > this.bottom) this.newPage();
        const y = doc.y;
        this.root.add(doc.struct(type, {}, [() => { doc.fillColor(this.accent).text(text, this.margin, y, { width: this.width }); }]));
        doc.fillColor('black');
        doc.y = y + h + size * 0.5;
    }

    /** Un paragraphe entier sur une page. */
    paragraph(text: string, style: ParagraphStyle): void {
        const doc = this.doc;
        const indent = style.indent ?? 0;
        doc.font(style.font ?? 'regular').fontSize(style.size);
        const h = doc.heightOfString(text, { width: this.width - indent });
        if (doc.y + h > this.bottom) this.newPage();
        const y = doc.y;
        this.root.add(doc.struct('P', {}, [() => {
            if (style.color) doc.fillColor(style.color);
            doc.text(text, this.margin + indent, y, { width: this.width - indent });
        }]));
        doc.y = y + h + style.gap;
    }

    /** Ce qui est dessiné pour la mise en page (cadres, fonds) ou répété par la pagination : hors de la structure. */
    artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
        this.doc.markContent('Artifact', { type });
        draw();
        this.doc.endMarkedContent();
    }

    /** Les attributs de tableau d'un en-tête TH (PDF/UA) : sa portée, et ses fusions de lignes ou de colonnes. */
    protected static tableAttributes(element: Struct, attributes: { Scope: 'Row' | 'Column'; RowSpan?: number; ColSpan?: number }): void {
        const data = (element as unknown as { dictionary: { data: { A?: Record<string, unknown> } } }).dictionary.data;
        data.A = { ...(data.A ?? {}), O: 'Table', ...attributes };
    }
}
