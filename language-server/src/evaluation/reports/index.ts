import { createCsvWriter } from './csv.js';
import { createHtmlWriter } from './html.js';
import { createJsonWriter } from './json.js';
import { createTextWriter } from './text.js';
import { REPORT_FORMATS, summarize, type ReportFormat, type ReportMeta, type ReportWriter, type ReportWriterOptions } from './common.js';
import type { EvaluationResult, EvaluationSummary } from '../types.js';

export { REPORT_FILE_TYPES, REPORT_FORMATS, formatDate, summarize } from './common.js';
export type { ReportFormat, ReportMeta, ReportWriter, ReportWriterOptions } from './common.js';

/**
 * L'écrivain de rapport d'un format, pour `referentiel evaluate --format text|json|html|csv`
 * et pour la vue VS Code (HTML). Chaque écrivain sert à un seul document.
 */
export function createReportWriter(format: ReportFormat, options: ReportWriterOptions = {}): ReportWriter {
    switch (format) {
        case 'text': return createTextWriter(options);
        case 'json': return createJsonWriter();
        case 'csv': return createCsvWriter();
        case 'html': return createHtmlWriter();
        default: throw new Error(`Unknown report format: ${String(format)} (${REPORT_FORMATS.join(', ')})`);
    }
}

/** Tout le rapport d'un coup (un candidat dans la vue VS Code, tests) ; totaux calculés si absents. */
export function renderReport(
    format: ReportFormat,
    meta: ReportMeta,
    results: readonly EvaluationResult[],
    options: ReportWriterOptions & { summary?: EvaluationSummary } = {}
): string {
    const writer = createReportWriter(format, options);
    let text = writer.begin(meta);
    results.forEach((result, index) => { text += writer.candidate(result, index); });
    return text + writer.end(options.summary ?? summarize(results));
}
