import { exportCaseText, type CaseOptions } from '../interop/case-export.js';
import { exportRncpXml } from '../interop/rncp-export.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import { exportReferentielText } from '../export/json-export.js';
import { renderDocumentDocx } from '../export/document-docx.js';
import { renderDocumentHtml } from '../export/document-html.js';
import { renderDocumentPdf } from '../export/document-pdf.js';
import { buildPublishedDocument } from '../export/published-document.js';
import { BINARY_EXPORT_FORMATS, EXPORT_FORMATS, type ExportFormat } from '../protocol/commands.js';

/** Les formats d'export d'un référentiel, partagés par `referentiel export` et l'éditeur. */
export { BINARY_EXPORT_FORMATS, EXPORT_FORMATS, type ExportFormat };

/** Extension de fichier proposée pour chaque format. */
export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = {
    json: 'json', 'rncp-xml': 'xml', case: 'case.json', docx: 'docx', pdf: 'pdf', html: 'html'
};

/** Vrai pour un format dont l'export est binaire (Word, PDF). */
export function isBinaryExportFormat(format: ExportFormat): boolean {
    return BINARY_EXPORT_FORMATS.includes(format);
}

/** Vrai pour un nom de format d'export connu. */
export function isExportFormat(value: unknown): value is ExportFormat {
    return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Le texte exporté dans un format texte (tous déterministes : mêmes octets pour la même source). */
export function exportText(model: ReferentielModel, format: Exclude<ExportFormat, 'docx' | 'pdf'>, options: CaseOptions = {}): string {
    switch (format) {
        case 'rncp-xml': return exportRncpXml(model);
        case 'case': return exportCaseText(model, options);
        case 'html': return renderDocumentHtml(buildPublishedDocument(model));
        default: return exportReferentielText(model);
    }
}

/**
 * L'export dans n'importe quel format : du texte pour les formats texte, des octets pour le
 * document publié en Word et en PDF. Déterministe dans tous les formats (les dates des
 * métadonnées viennent de la version du référentiel, jamais de l'heure de l'export).
 */
export async function exportOutput(model: ReferentielModel, format: ExportFormat, options: CaseOptions = {}): Promise<string | Uint8Array> {
    switch (format) {
        case 'docx': return renderDocumentDocx(buildPublishedDocument(model));
        case 'pdf': return renderDocumentPdf(buildPublishedDocument(model));
        default: return exportText(model, format, options);
    }
}
