import { PdfLayout, type Doc, type Struct } from '../../export/pdf-layout.js';
import { openTaggedPdf } from '../../export/tagged-pdf.js';
import { formatDay } from '../../i18n/locale.js';
import { msg } from '../../i18n/messages.js';
import type { EvaluationSummary } from '../types.js';
import type { BlocCertificate, JurySession, MinutesRow } from './documents.js';

/**
 * Les documents du jury en PDF balisé (PDF/UA), comme le document publié (export/document-pdf.ts) :
 * titre dans les métadonnées et affiché, langue, polices incorporées (Noto Sans), titres H1/H2/H3,
 * paragraphes, tableaux balisés (Table, THead, TBody, TR, TH avec portée, TD), en-tête répété en
 * artefact sur chaque nouvelle page. Déterministe : la date des métadonnées est celle de la délibération.
 */

const MARGIN = 50;
const PAD = 4;
const SIZE = 9.5;
const ACCENT = '#1d3557';

function open(session: JurySession, title: string, subject: string): { doc: Doc; done: Promise<Uint8Array> } {
    return openTaggedPdf({
        title, subject, lang: session.locale === 'fr' ? 'fr-FR' : 'en-GB', date: new Date(`${session.date}T00:00:00Z`), margin: MARGIN
    });
}

interface Cell { readonly text: string; readonly bold?: boolean; readonly height?: number }

class Layout extends PdfLayout {
    constructor(doc: Doc) {
        super(doc, MARGIN, ACCENT);
    }

    text(text: string, size = 10.5, bold = false): void {
        this.paragraph(text, { size, font: bold ? 'bold' : 'regular', gap: 4, color: 'black' });
    }

    /** Un cadre vide (place d'une signature) : un artefact de mise en page. */
    box(height: number): void {
        const doc = this.doc;
        if (doc.y + height > this.bottom) doc.addPage();
        const y = doc.y;
        this.artifact(() => { doc.lineWidth(0.75).strokeColor('#555555').rect(MARGIN, y, this.width, height).stroke(); });
        doc.y = y + height + 6;
    }

    /** Un tableau balisé : première colonne en en-tête de ligne ; en-tête répété (artefact) à chaque nouvelle page. */
    table(fractions: readonly number[], header: readonly string[], rows: ReadonlyArray<readonly Cell[]>, title: string): void {
        const doc = this.doc;
        const widths = fractions.map(f => f * this.width);
        const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));
        const heightOf = (c: Cell, w: number): number => {
            doc.font(c.bold ? 'bold' : 'regular').fontSize(SIZE);
            return Math.max(doc.heightOfString(c.text || ' ', { width: w - 2 * PAD }), c.height ?? 0) + 2 * PAD;
        };
        const headerHeight = Math.max(...header.map((h, i) => heightOf({ text: h, bold: true }, widths[i])));
        const table = doc.struct('Table', { title });
        this.root.add(table);
        if (doc.y + headerHeight + 3 * SIZE > this.bottom) doc.addPage();
        const thead = doc.struct('THead');
        table.add(thead);
        this.drawHeader(header, widths, xs, headerHeight, thead);
        thead.end();
        const tbody = doc.struct('TBody');
        table.add(tbody);
        for (const row of rows) {
            const height = Math.max(...row.map((c, i) => heightOf(c, widths[i])));
            if (doc.y + height > this.bottom) {
                doc.addPage();
                this.drawHeader(header, widths, xs, headerHeight);
            }
            const top = doc.y;
            const tr = doc.struct('TR');
            tbody.add(tr);
            row.forEach((c, i) => {
                const draw = (): void => { doc.font(c.bold ? 'bold' : 'regular').fontSize(SIZE).fillColor('black').text(c.text, xs[i] + PAD, top + PAD, { width: widths[i] - 2 * PAD }); };
                const cell = i === 0
                    ? doc.struct('TH', { scope: 'Row' } as PDFKit.Mixins.StructureElementOptions, c.text ? [draw] : [])
                    : doc.struct('TD', {}, c.text ? [draw] : []);
                if (i === 0) PdfLayout.tableAttributes(cell, { Scope: 'Row' });
                tr.add(cell);
                cell.end();
            });
            tr.end();
            this.artifact(() => {
                doc.lineWidth(0.5).strokeColor('#555555');
                row.forEach((_, i) => doc.rect(xs[i], top, widths[i], height).stroke());
            });
            doc.y = top + height;
        }
        tbody.end();
        table.end();
        doc.y += SIZE;
    }

    private drawHeader(header: readonly string[], widths: number[], xs: number[], height: number, thead?: Struct): void {
        const doc = this.doc;
        const top = doc.y;
        const tr = thead ? doc.struct('TR') : undefined;
        if (tr) thead!.add(tr);
        header.forEach((text, i) => {
            this.artifact(() => { doc.rect(xs[i], top, widths[i], height).fillAndStroke(ACCENT, '#555555'); });
            const draw = (): void => { doc.font('bold').fontSize(SIZE).fillColor('white').text(text, xs[i] + PAD, top + PAD, { width: widths[i] - 2 * PAD }); };
            if (tr) {
                const th = doc.struct('TH', { scope: 'Column' } as PDFKit.Mixins.StructureElementOptions, [draw]);
                PdfLayout.tableAttributes(th, { Scope: 'Column' });
                tr.add(th);
            } else {
                this.artifact(draw, 'Pagination');
            }
        });
        tr?.end();
        doc.fillColor('black');
        doc.y = top + height;
    }
}

function certificationLine(session: JurySession): string {
    const { code, titre, rncp } = session.referentiel;
    return rncp ? msg('jury.certificationRncp', { titre, code, rncp }, session.locale) : msg('jury.certification', { titre, code }, session.locale);
}

/** Le procès-verbal de délibération en PDF balisé. */
export function renderMinutesPdf(session: JurySession, rows: readonly MinutesRow[], summary: EvaluationSummary): Promise<Uint8Array> {
    const l = session.locale;
    const t = (key: string, params: Record<string, string | number> = {}): string => msg(key, params, l);
    const title = `${t('jury.pv.title')} — ${session.referentiel.titre}`;
    const { doc, done } = open(session, title, certificationLine(session));
    const layout = new Layout(doc);
    layout.heading('H1', t('jury.pv.title'), 18);
    layout.text(certificationLine(session), 11, true);
    if (session.referentiel.certificateur) layout.text(t('jury.certificateur', { nom: session.referentiel.certificateur }));
    layout.text(t('jury.session', { session: session.session }));
    layout.text(t('jury.pv.date', { date: formatDay(session.date, l) }));
    layout.heading('H2', t('jury.pv.members'), 13);
    if (session.members.length > 0) for (const m of session.members) layout.text(`• ${m}`);
    else layout.text(t('jury.pv.membersToFill'));
    for (const c of session.compositions) layout.text(t('jury.pv.composition', { voie: c.voie, composition: c.composition }));
    layout.heading('H2', t('jury.pv.decisions'), 13);
    layout.text(t('report.summary', { ...summary }));
    if (rows.length === 0) {
        layout.text(t('jury.pv.noCandidate'));
    } else {
        layout.table([0.22, 0.16, 0.17, 0.45], [t('jury.pv.col.candidat'), t('jury.pv.col.decision'), t('jury.pv.col.blocs'), t('jury.pv.col.motifs')],
            rows.map(r => [{ text: r.candidat, bold: true }, { text: r.decisionText }, { text: r.blocs }, { text: r.motifs.map(m => `• ${m}`).join('\n') }]),
            t('jury.pv.caption'));
    }
    layout.heading('H2', t('jury.pv.signatures'), 13);
    layout.text(t('jury.pv.done', { date: formatDay(session.date, l) }));
    const names = session.members.length > 0 ? session.members : Array.from({ length: session.blankMembers }, (_, i) => t('jury.pv.member', { n: i + 1 }));
    layout.table([0.45, 0.55], [t('jury.pv.col.membre'), t('jury.pv.col.signature')], names.map(n => [{ text: n, bold: true }, { text: '', height: 36 }]), t('jury.pv.signaturesCaption'));
    layout.root.end();
    doc.end();
    return done;
}

/** Un certificat de bloc en PDF balisé (une page). */
export function renderCertificatePdf(session: JurySession, certificate: BlocCertificate): Promise<Uint8Array> {
    const l = session.locale;
    const t = (key: string, params: Record<string, string | number> = {}): string => msg(key, params, l);
    const { doc, done } = open(session, t('jury.cert.docTitle', { bloc: certificate.bloc.code, candidat: certificate.candidat }), certificationLine(session));
    const layout = new Layout(doc);
    layout.heading('H1', t('jury.cert.title'), 20);
    layout.text(certificationLine(session), 11.5, true);
    if (session.referentiel.certificateur) layout.text(t('jury.certificateur', { nom: session.referentiel.certificateur }));
    layout.text(t('jury.cert.statement', { date: formatDay(session.date, l), candidat: certificate.candidat }), 11);
    layout.heading('H2', `${certificate.bloc.code} — ${certificate.bloc.titre}`, 14);
    if (certificate.duree) layout.text(t('jury.cert.lifetime', { duree: certificate.duree }));
    if (certificate.competences.length > 0) {
        layout.heading('H3', t('jury.cert.competences'), 12);
        layout.table([0.15, 0.85], [t('jury.cert.col.code'), t('jury.cert.col.competence')],
            certificate.competences.map(c => [{ text: c.code, bold: true }, { text: c.texte }]), t('jury.cert.caption', { bloc: certificate.bloc.code }));
    }
    layout.text(t('jury.session', { session: session.session }));
    layout.text(t('jury.cert.signature'));
    layout.box(70);
    layout.root.end();
    doc.end();
    return done;
}
