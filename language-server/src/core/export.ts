import { exportCaseText, type CaseOptions } from '../interop/case-export.js';
import { exportRncpXml } from '../interop/rncp-export.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import { exportReferentielText } from '../export/json-export.js';
import { EXPORT_FORMATS, type ExportFormat } from '../protocol/commands.js';

/** Les formats d'export d'un référentiel, partagés par `referentiel export` et l'éditeur. */
export { EXPORT_FORMATS, type ExportFormat };

/** Extension de fichier proposée pour chaque format. */
export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = { json: 'json', 'rncp-xml': 'xml', case: 'case.json' };

/** Vrai pour un nom de format d'export connu. */
export function isExportFormat(value: unknown): value is ExportFormat {
    return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Le texte exporté dans chaque format (tous déterministes : mêmes octets pour la même source). */
export function exportText(model: ReferentielModel, format: ExportFormat, options: CaseOptions = {}): string {
    switch (format) {
        case 'rncp-xml': return exportRncpXml(model);
        case 'case': return exportCaseText(model, options);
        default: return exportReferentielText(model);
    }
}
