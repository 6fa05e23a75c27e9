import { canonicalCode, suggest } from '../codes.js';
import { EXPORT_FORMATS, exportText, type ExportFormat } from '../export/formats.js';
import { msg } from '../i18n/messages.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from './errors.js';
import { writeAtomic, writeStdout } from './io.js';
import { buildReport } from './lint-report.js';
import { loadWorkspace, type LoadedWorkspace } from './load.js';
import { formatReport, type LintFormat } from './reporters.js';
import { parseFormat } from './lint-command.js';

export { EXPORT_FORMATS, exportText, type ExportFormat };

export interface ExportOptions {
    format: string;
    out?: string;
    referentiel?: string;
    baseUri?: string;
    color: boolean;
}

/**
 * Choisit le référentiel d'un chargement : celui que désigne --referentiel, ou le seul qui s'y
 * trouve. Erreur d'usage (code 2) s'il n'y en a aucun, ou plusieurs sans précision.
 */
export function selectReferentiel(workspace: LoadedWorkspace, pathLabel: string, wanted?: string): ReferentielModel {
    const models = workspace.services.referentiel.Models;
    const certifications = new Map<string, ReferentielModel>();
    for (const document of workspace.targets) {
        const model = models.forDocument(document);
        if (model?.certification) certifications.set(model.key, model);
    }
    if (wanted) {
        const found = certifications.get(canonicalCode(wanted));
        if (!found) {
            const close = suggest(wanted, [...certifications.values()].map(m => m.code));
            throw new UsageError(msg('export.unknown', { code: wanted, path: pathLabel, suggestion: close.length ? ' ' + msg('link.didYouMean', { names: close.join(', ') }) : '' }));
        }
        return found;
    }
    if (certifications.size === 0) {
        throw new UsageError(msg('export.none', { path: pathLabel }));
    }
    if (certifications.size > 1) {
        throw new UsageError(msg('export.several', { path: pathLabel, codes: [...certifications.values()].map(m => m.code).join(', ') }));
    }
    return [...certifications.values()][0];
}

/** Les erreurs d'un référentiel (tous ses fichiers), sous forme de rapport « stylish ». */
export function referentielErrors(model: ReferentielModel, color: boolean): { count: number; text: string } {
    const documents = [...model.documents, ...model.socles.flatMap(s => s.documents)];
    const report = buildReport(documents, { quiet: true });
    const text = formatReport(report, 'stylish' as LintFormat, { color, filesChecked: documents.length });
    return { count: report.errors, text };
}

/** `referentiel export <chemin> --format json|rncp-xml|case [--out fichier]`. */
export async function exportCommand(target: string, options: ExportOptions): Promise<number> {
    const format = parseFormat<ExportFormat>(options.format, EXPORT_FORMATS);
    if (options.baseUri !== undefined && !isHttpsUrl(options.baseUri)) {
        throw new UsageError(msg('error.badBaseUri', { value: options.baseUri }));
    }
    const workspace = await loadWorkspace([target]);
    const model = selectReferentiel(workspace, target, options.referentiel);
    const errors = referentielErrors(model, options.color);
    if (errors.count > 0) {
        process.stderr.write(msg('export.hasErrors', { code: model.code, count: errors.count }) + '\n' + errors.text);
        return EXIT_PROBLEMS;
    }
    const text = exportText(model, format, { baseUri: options.baseUri });
    if (options.out) {
        await writeAtomic(options.out, text);
        process.stderr.write(msg('export.written', { code: model.code, file: options.out }) + '\n');
    } else {
        await writeStdout(text);
    }
    return EXIT_OK;
}

/** Une adresse https:// absolue, sans espace ni fragment. */
export function isHttpsUrl(value: string): boolean {
    try {
        const url = new URL(value);
        return url.protocol === 'https:' && url.hostname !== '' && url.hash === '' && !/\s/.test(value);
    } catch {
        return false;
    }
}
