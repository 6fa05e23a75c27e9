import { promises as fs, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { SingleBar } from 'cli-progress';
import { suggest } from '../codes.js';
import { existingFiles, publishFolder, temporarySibling } from '../common/files.js';
import { msg } from '../i18n/messages.js';
import { printable } from '../common/markup.js';
import '../interop/interop-messages.js';
import '../interop/docx-messages.js';
import { ficheToRef, type ImportedFicheStats } from '../interop/rncp-import.js';
import { readRncpExport, RNCP_LIMITS, RncpReadError } from '../interop/rncp-reader.js';
import { EXIT_OK, UsageError } from './errors.js';

export const IMPORT_SOURCES = ['rncp', 'docx'] as const;

export interface ImportOptions {
    fiche?: string[];
    all?: boolean;
    out: string;
    /** Barre de progression (par défaut : --all sur un terminal). */
    progress?: boolean;
    /** Remplacer les fichiers qui existent déjà dans le dossier de sortie. */
    force?: boolean;
    /** import docx : le code de la certification. */
    code?: string;
}

export interface ImportSummary {
    fiches: number;
    blocs: number;
    competences: number;
    sansCode: number;
    blocsSansListe: number;
    ignorees: number;
    activites: number;
    regroupements: number;
    modalites: number;
    collees: number;
    files: string[];
}

/**
 * `referentiel import rncp <export.xml> (--fiche RNCPnnnnn … | --all) --out <dossier>`.
 *
 * L'export est lu en flux (mémoire constante). Chaque fiche retenue est convertie et écrite
 * dans un dossier de préparation voisin du dossier de sortie ; quand tout l'export a été lu
 * sans erreur, les fichiers sont renommés à leur place (un renommage par fichier : aucun
 * fichier n'est jamais écrit à moitié). Un XML mal formé, des entités déclarées ou une fiche
 * demandée introuvable : rien n'est écrit, code de sortie 2.
 */
export async function importCommand(source: string, file: string, options: ImportOptions): Promise<number> {
    if (!(IMPORT_SOURCES as readonly string[]).includes(source)) {
        const close = suggest(source, IMPORT_SOURCES, 1);
        throw new UsageError(msg('import.unknownSource', { value: source, suggestion: close.length ? ' ' + msg('link.didYouMean', { names: close[0] }) : '' }));
    }
    if (source === 'docx') return importDocxCommand(file, options);
    if (options.code !== undefined) throw new UsageError(msg('import.docxOnly', { option: '--code' }));
    const wanted = (options.fiche ?? []).map(f => f.trim()).filter(Boolean);
    if (wanted.length && options.all) throw new UsageError(msg('import.bothSelections'));
    const summary = await importRncp(file, { ...options, fiche: wanted });
    const { fiches, blocs, competences, sansCode } = summary;
    process.stderr.write(printable(msg('import.summary', { fiches, blocs, competences, sansCode, out: options.out })) + '\n');
    process.stderr.write(msg('import.summary.structure', { activites: summary.activites, regroupements: summary.regroupements, modalites: summary.modalites, collees: summary.collees }) + '\n');
    if (summary.blocsSansListe) process.stderr.write(msg('import.summary.noList', { count: summary.blocsSansListe }) + '\n');
    if (summary.ignorees) process.stderr.write(msg('import.summary.skipped', { count: summary.ignorees }) + '\n');
    process.stderr.write(printable(msg('import.summary.next', { out: options.out })) + '\n');
    return EXIT_OK;
}

/** `referentiel import docx <document.docx> --out <dossier> [--force] [--code CODE]`. */
async function importDocxCommand(file: string, options: ImportOptions): Promise<number> {
    if (options.fiche?.length) throw new UsageError(msg('import.rncpOnly', { option: '--fiche' }));
    if (options.all) throw new UsageError(msg('import.rncpOnly', { option: '--all' }));
    // Chargé à la demande : l'import du registre n'a besoin ni du lecteur Word ni des services du langage.
    const { importDocx } = await import('../core/import-docx.js');
    const outcome = await importDocx({ file, out: options.out, force: options.force, code: options.code });
    const { stats } = outcome;
    process.stderr.write(printable(msg('docx.summary', { code: outcome.code, out: options.out, files: outcome.files.length, ...stats })) + '\n');
    process.stderr.write(printable(stats.liensDeduits > 0 ? msg('docx.summary.review', { count: stats.liensDeduits, out: options.out }) : msg('docx.summary.exact', { out: options.out })) + '\n');
    return EXIT_OK;
}

/** L'import lui-même (sans le résumé) : utilisable depuis les tests et d'autres commandes. */
export async function importRncp(file: string, options: ImportOptions): Promise<ImportSummary> {
    let stat;
    try {
        stat = await fs.stat(file);
    } catch {
        throw new UsageError(msg('error.noSuchPath', { path: file }));
    }
    if (!stat.isFile()) throw new UsageError(msg('import.notFile', { path: file }));

    const wanted = new Set(options.fiche ?? []);
    const all = options.all === true && wanted.size === 0;
    // Ni --fiche ni --all : un export qui ne contient qu'une fiche s'importe tel quel.
    const single = !all && wanted.size === 0;
    const out = path.resolve(options.out);
    const staging = temporarySibling(out, 'import');
    let stagingCreated = false;
    const seen = new Set<string>();
    const numbers: string[] = [];
    const written = new Map<string, ImportedFicheStats>();
    const summary: ImportSummary = { fiches: 0, blocs: 0, competences: 0, sansCode: 0, blocsSansListe: 0, ignorees: 0, activites: 0, regroupements: 0, modalites: 0, collees: 0, files: [] };

    const showProgress = options.progress ?? (all && process.stderr.isTTY === true);
    const bar = showProgress
        ? new SingleBar({ format: msg('import.progress'), barCompleteChar: '█', barIncompleteChar: '░', hideCursor: true, stream: process.stderr })
        : undefined;
    bar?.start(stat.size, 0, { fiches: 0 });
    let barStopped = !bar;
    const stopBar = (): void => {
        if (!barStopped) bar?.stop();
        barStopped = true;
    };

    try {
        let version: string | undefined;
        try {
            ({ version } = await readRncpExport(file, {
                fiche: async fiche => {
                    const numero = fiche.numero?.trim() ?? '';
                    if (numero && !seen.has(numero)) {
                        seen.add(numero);
                        numbers.push(numero);
                    }
                    if (single ? seen.size > 1 : !all && !wanted.has(numero)) return;
                    const imported = ficheToRef(fiche);
                    if (!imported) {
                        summary.ignorees++;
                        return;
                    }
                    if (!stagingCreated) {
                        await fs.mkdir(staging, { recursive: true });
                        stagingCreated = true;
                    }
                    // Écriture synchrone : la lecture attend de toute façon chaque fiche écrite, et
                    // un aller-retour par le pool de fils de Node (ouvrir, écrire, fermer) coûtait
                    // plus de processeur que l'écriture elle-même (docs/performance.md).
                    writeFileSync(path.join(staging, imported.fileName), imported.text);
                    // Une fiche répétée dans l'export : la dernière l'emporte, comptée une fois.
                    written.set(imported.fileName, imported.stats);
                },
                progress: (bytes, fiches) => bar?.update(bytes, { fiches })
            }));
        } catch (error) {
            if (error instanceof RncpReadError) throw readError(error, file);
            throw error;
        }
        stopBar();
        if (version && !version.startsWith('4')) {
            process.stderr.write(printable(msg('import.version', { path: file, version })) + '\n');
        }
        if (single && seen.size > 1) throw new UsageError(msg('import.severalFiches', { path: file, count: seen.size }));
        const missing = [...wanted].filter(n => !seen.has(n));
        if (missing.length) {
            // « 40344 » pour « RNCP40344 » : le préfixe oublié.
            const prefixed = missing.flatMap(m => /^\d+$/.test(m) ? [`RNCP${m}`, `RS${m}`].filter(n => seen.has(n)) : []);
            const close = prefixed.length ? prefixed : suggest(missing[0], numbers);
            throw new UsageError(msg('import.unknownFiche', {
                code: missing.join(', '), path: file, count: numbers.length,
                suggestion: close.length ? ' ' + msg('link.didYouMean', { names: close.join(', ') }) : ''
            }));
        }
        if (written.size === 0) throw new UsageError(msg('import.nothing', { path: file }));

        // Tout est lu : les fichiers vont à leur place, un renommage chacun ; un fichier qui
        // existe déjà (peut-être complété à la main) n'est remplacé qu'avec --force.
        const entries = [...written.entries()].sort((a, b) => a[0].localeCompare(b[0]));
        if (!options.force) {
            const existing = await existingFiles(out, entries.map(([name]) => name));
            if (existing.length) throw new UsageError(msg('import.exists', { out: options.out, files: existing.join(', ') }));
        }
        await publishFolder(staging, out, entries.map(([name]) => name));
        for (const [name, stats] of entries) {
            summary.files.push(path.join(out, name));
            summary.fiches++;
            summary.blocs += stats.blocs;
            summary.competences += stats.competences;
            summary.sansCode += stats.sansCode;
            summary.blocsSansListe += stats.blocsSansListe;
            summary.activites += stats.activites;
            summary.regroupements += stats.regroupements;
            summary.modalites += stats.modalites;
            summary.collees += stats.collees;
        }
        return summary;
    } catch (error) {
        if (error instanceof UsageError) throw error;
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message ?? String(error);
        throw new UsageError(msg('error.write', { path: options.out, reason }));
    } finally {
        stopBar();
        if (stagingCreated) await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    }
}

function readError(error: RncpReadError, file: string): UsageError {
    const params = { path: file, line: error.line, column: error.column, reason: error.detail };
    switch (error.kind) {
        case 'entities': return new UsageError(msg('import.entities', params));
        case 'not-rncp': return new UsageError(msg('import.notRncp', params));
        case 'encoding': return new UsageError(msg('import.encoding', params));
        case 'io': return new UsageError(msg('error.read', params));
        case 'too-deep': return new UsageError(msg('import.tooDeep', params));
        case 'too-large': return new UsageError(msg('import.tooLarge', { ...params, max: RNCP_LIMITS.field / (1024 * 1024) }));
        default: return new UsageError(msg('import.malformed', params));
    }
}
