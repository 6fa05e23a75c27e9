import PDFDocument from 'pdfkit';
import regularFont from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff';
import italicFont from '@fontsource/noto-sans/files/noto-sans-latin-400-italic.woff';
import boldFont from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff';

/**
 * Un document PDF balisé (PDF/UA) au format A4, commun au document publié (document-pdf.ts) et aux
 * documents du jury (evaluation/jury/jury-pdf.ts) : PDF 1.7 balisé, langue, titre dans les
 * métadonnées et affiché par le lecteur, polices Noto Sans incorporées (« regular », « italic »,
 * « bold »), date des métadonnées donnée (le fichier est déterministe). `done` rend les octets
 * après `doc.end()`.
 */
export function openTaggedPdf(options: {
    title: string; subject: string; lang: string; date: Date; margin: number; landscape?: boolean;
}): { doc: PDFKit.PDFDocument; done: Promise<Uint8Array> } {
    const { title, subject, lang, date, margin } = options;
    const doc = new PDFDocument({
        size: 'A4',
        ...(options.landscape ? { layout: 'landscape' as const } : {}),
        margins: { top: margin, bottom: margin, left: margin, right: margin },
        pdfVersion: '1.7',
        subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
        tagged: true,
        lang,
        displayTitle: true,
        font: regularFont as unknown as string,
        autoFirstPage: true,
        info: { Title: title, Subject: subject, Author: 'Référentiel', Creator: 'Référentiel', Producer: 'Référentiel', CreationDate: date, ModDate: date }
    });
    doc.registerFont('regular', regularFont as unknown as string);
    doc.registerFont('italic', italicFont as unknown as string);
    doc.registerFont('bold', boldFont as unknown as string);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Uint8Array>((resolve, reject) => {
        doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
        doc.on('error', reject);
    });
    return { doc, done };
}
