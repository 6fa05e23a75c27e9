import { suggest } from '../codes.js';
import { chooseCertification, countErrors, referentielDocuments } from '../core/referentiel.js';
import { EXPORT_EXTENSIONS, EXPORT_FORMATS, exportOutput, type ExportFormat } from '../core/export.js';
import { loadWorkspace, type LoadedWorkspace } from '../core/workspace.js';
import { msg } from '../i18n/messages.js';
import { printable } from '../common/markup.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from './errors.js';
import { checkOutput, writeAtomic, writeStdout } from './io.js';
import { buildReport } from './lint-report.js';
import { formatReport, type LintFormat } from './reporters.js';
import { parseFormat } from './lint-command.js';

export interface ExportOptions {
    format: string;
    out?: string;
    referentiel?: string;
    baseUri?: string;
    color: boolean;
}

/**
 * Choisit le référentiel d'un chargement (le choix du cœur, parmi les référentiels des fichiers
 * demandés) : celui que désigne --referentiel, ou le seul qui s'y trouve. Erreur d'usage (code 2)
 * s'il n'y en a aucun, ou plusieurs sans précision. Un socle désigné est un code inconnu ici :
 * on n'exporte ni n'évalue un socle seul.
 */
export function selectReferentiel(workspace: LoadedWorkspace, pathLabel: string, wanted?: string): ReferentielModel {
    const models = workspace.services.referentiel.Models;
    const available = new Map<string, ReferentielModel>();
    for (const document of workspace.targets) {
        const model = models.forDocument(document);
        if (model && (model.certification || model.socle) && !available.has(model.key)) available.set(model.key, model);
    }
    const choice = chooseCertification([...available.values()], { wanted });
    switch (choice.kind) {
        case 'chosen':
            return choice.model;
        case 'unknown':
        case 'socle': {
            const close = suggest(wanted!, choice.certifications.map(m => m.code));
            throw new UsageError(msg('export.unknown', { code: wanted!, path: pathLabel, suggestion: close.length ? ' ' + msg('link.didYouMean', { names: close.join(', ') }) : '' }));
        }
        case 'none':
            throw new UsageError(msg('export.none', { path: pathLabel }));
        case 'several':
            throw new UsageError(msg('export.several', { path: pathLabel, codes: choice.certifications.map(m => m.code).join(', ') }));
    }
}

/** Les erreurs d'un référentiel (tous ses fichiers) et leur rapport « stylish », à afficher. */
export function referentielErrors(model: ReferentielModel, color: boolean): { count: number; text: string } {
    const count = countErrors(model);
    if (count === 0) return { count, text: '' };
    const documents = referentielDocuments(model);
    const report = buildReport(documents, { quiet: true });
    return { count, text: formatReport(report, 'stylish' as LintFormat, { color, filesChecked: documents.length }) };
}

/** `referentiel export <chemin> --format json|rncp-xml|case|docx|pdf|html [--out fichier]`. */
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
    if (options.out) await checkOutput(options.out, workspace.all.map(d => d.uri.fsPath), EXPORT_EXTENSIONS[format]);
    if (!options.out && typeof process.stdout.isTTY === 'boolean' && process.stdout.isTTY && (format === 'docx' || format === 'pdf')) {
        throw new UsageError(msg('export.binaryToTerminal', { format }));
    }
    const output = await exportOutput(model, format, { baseUri: options.baseUri });
    if (options.out) {
        await writeAtomic(options.out, output);
        process.stderr.write(printable(msg('export.written', { code: model.code, file: options.out })) + '\n');
    } else {
        await writeStdout(output);
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
