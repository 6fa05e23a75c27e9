import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SingleBar } from 'cli-progress';
import { TemporaryFile } from '../common/files.js';
import { createPseudonymizer } from '../evaluation/anonymize.js';
import { evaluateSources, expandCandidatePaths, readCandidates, type CandidateSource } from '../core/evaluate.js';
import { documentTypeOf, produceJuryDocuments, type JuryDocumentType } from '../core/jury.js';
import { evaluateCandidate } from '../evaluation/engine.js';
import { loadWorkspace } from '../core/workspace.js';
import { InputError, MAX_SHOWN_PROBLEMS, formatProblem } from '../evaluation/candidates/index.js';
import type { InputProblem } from '../evaluation/types.js';
import { createReportWriter } from '../evaluation/reports/index.js';
import { KeyError, readSigningKey, type SigningKey } from '../interop/badge-signing.js';
import { createOpenBadgesWriter, hasHttpsIssuer } from '../interop/openbadges.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import { EvaluationSession } from '../evaluation/session.js';
import { getLocale } from '../i18n/locale.js';
import { joinList, msg } from '../i18n/messages.js';
import { isCohortFile } from '../protocol/commands.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError } from './errors.js';
import { isHttpsUrl, referentielErrors, selectReferentiel } from './export-command.js';
import { checkOutput, displayFile, writeStdout } from './io.js';
import { parseFormat } from './lint-command.js';
import { printable } from '../common/markup.js';

export const EVALUATE_FORMATS = ['text', 'json', 'html', 'csv', 'openbadges', 'pv', 'certificats'] as const;
type EvaluateFormat = typeof EVALUATE_FORMATS[number];

export interface EvaluateOptions {
    referentiel: string;
    code?: string;
    format: string;
    out?: string;
    date?: string;
    sheet?: string;
    cle?: string;
    emetteur?: string;
    baseUri?: string;
    anonymize?: boolean;
    sel?: string;
    /** --session : le nom de la session du jury (pv, certificats). */
    session?: string;
    /** --jury : les membres du jury, séparés par « ; » (pv). */
    jury?: string;
    /** --pdf : les documents du jury en PDF balisé plutôt qu'en HTML. */
    pdf?: boolean;
    color: boolean;
}

const REPORT_EXTENSION: Record<Exclude<EvaluateFormat, 'openbadges' | 'pv' | 'certificats'>, string> = { text: 'txt', json: 'json', html: 'html', csv: 'csv' };

/**
 * Les problèmes d'entrée sur la sortie d'erreur : au plus MAX_SHOWN_PROBLEMS par fichier, puis
 * leur nombre (50 000 colonnes inconnues ne font pas 50 000 lignes), et le bilan.
 */
function printProblems(problems: readonly InputProblem[]): void {
    const byFile = new Map<string, InputProblem[]>();
    for (const p of problems) {
        const list = byFile.get(p.file) ?? [];
        list.push(p);
        byFile.set(p.file, list);
    }
    for (const [file, list] of byFile) {
        for (const problem of list.slice(0, MAX_SHOWN_PROBLEMS)) process.stderr.write(formatProblem(problem) + '\n');
        if (list.length > MAX_SHOWN_PROBLEMS) {
            process.stderr.write(printable(msg('cand.limit.more', { count: list.length - MAX_SHOWN_PROBLEMS, file: displayFile(file), shown: MAX_SHOWN_PROBLEMS })) + '\n');
        }
    }
    process.stderr.write(msg('evaluate.nothingWritten', { count: problems.length }) + '\n');
}

/** Une erreur d'écriture du système (disque plein, lecture seule…) en message d'usage, sans pile. */
function writeError(file: string, error: unknown): UsageError {
    return new UsageError(msg('error.write', { path: file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
}

/** Une date AAAA-MM-JJ qui existe. */
export function isIsoDate(value: string): boolean {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
    const date = new Date(value + 'T00:00:00Z');
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * `referentiel evaluate --referentiel <fichier ou dossier> <dossiers candidats…>`.
 * Le rapport est écrit dans un fichier temporaire puis mis en place (ou recopié sur la sortie
 * standard) seulement si tous les candidats ont été évalués : une entrée fautive n'écrit rien.
 * Les cohortes sont lues ligne à ligne (mémoire constante) ; progression affichée sur un terminal.
 */
export async function evaluateCommand(candidateFiles: string[], options: EvaluateOptions): Promise<number> {
    const format = parseFormat<EvaluateFormat>(options.format, EVALUATE_FORMATS);
    if (options.date !== undefined && !isIsoDate(options.date)) {
        throw new UsageError(msg('evaluate.badDate', { value: options.date }));
    }
    // Un dossier donne ses fichiers de candidats ; un fichier d'un type non lu est refusé par son nom.
    const paths = await expandCandidatePaths(candidateFiles);
    if (paths.missing.length > 0) throw new UsageError(msg('error.noSuchPath', { path: paths.missing[0] }));
    if (paths.refused.length > 0) throw new UsageError(msg('evaluate.refusedType', { count: paths.refused.length, files: joinList(paths.refused.map(f => printable(displayFile(f)))) }));
    if (paths.empty.length > 0) throw new UsageError(msg('evaluate.emptyFolder', { path: paths.empty[0] }));
    candidateFiles = paths.files;
    const workspace = await loadWorkspace([options.referentiel]);
    const model = selectReferentiel(workspace, options.referentiel, options.code);
    const errors = referentielErrors(model, options.color);
    if (errors.count > 0) {
        process.stderr.write(msg('evaluate.referentielErrors', { code: model.code, count: errors.count }) + '\n' + errors.text);
        return EXIT_PROBLEMS;
    }

    if (format === 'openbadges') {
        return evaluateToBadges(candidateFiles, model, options);
    }
    if (format === 'pv' || format === 'certificats') {
        return evaluateToJuryDocuments(format, candidateFiles, model, workspace.all.map(d => d.uri.fsPath), options);
    }

    const target = options.out ? path.resolve(options.out) : undefined;
    if (options.out) {
        // Jamais écrire par-dessus un fichier lu : dossiers candidats, cohortes, fichiers du référentiel.
        await checkOutput(options.out, [...candidateFiles, ...workspace.all.map(d => d.uri.fsPath)], REPORT_EXTENSION[format]);
    }
    const pseudonym = options.anonymize ? createPseudonymizer(options.sel) : undefined;
    let temporary: TemporaryFile;
    try {
        temporary = await TemporaryFile.create(target);
    } catch (error) {
        throw writeError(options.out ?? 'stdout', error);
    }
    const writer = createReportWriter(format, { color: options.color && !target && process.stdout.isTTY === true });
    const session = new EvaluationSession();
    let progress: SingleBar | undefined;
    // Une erreur d'écriture du rapport (pas une erreur de lecture) : message d'usage, code 2.
    const output = async (chunk: string): Promise<void> => {
        try {
            await temporary.write(chunk);
        } catch (error) {
            throw writeError(options.out ?? temporary.path, error);
        }
    };

    try {
        await output(writer.begin({ referentiel: { code: model.code, titre: model.certification?.titre ?? '' }, dateGeneration: new Date().toISOString().slice(0, 10), locale: getLocale() }));
        // Barre de progression sur un terminal, pour les grosses cohortes.
        const totalBytes = (await Promise.all(candidateFiles.filter(isCohortFile).map(f => fs.stat(f).then(s => s.size)))).reduce((a, b) => a + b, 0);
        if (process.stderr.isTTY && totalBytes > 256 * 1024) {
            progress = new SingleBar({ format: msg('evaluate.progress'), barCompleteChar: '█', barIncompleteChar: '░', hideCursor: true, stream: process.stderr });
            progress.start(totalBytes, 0, { fichier: '' });
        }
        let lastFile = '';
        const bar = progress;
        const evaluated = evaluateSources(model, sourcesOf(candidateFiles), session, { date: options.date, sheet: options.sheet, pseudonym, onProgress: bytes => bar?.update(bytes) });
        for await (const { result, index, source } of evaluated) {
            if (bar && source.file !== lastFile) {
                lastFile = source.file;
                bar.update({ fichier: printable(path.basename(lastFile)) });
            }
            await output(writer.candidate(result, index));
        }
        progress?.stop();
        progress = undefined;
        await output(writer.end(session.summary));
        if (target) {
            try {
                await temporary.commit(target);
            } catch (error) {
                throw writeError(options.out!, error);
            }
            process.stderr.write(printable(msg('evaluate.written', { count: session.summary.candidats, file: options.out! })) + '\n');
        } else {
            try {
                await temporary.close();
            } catch (error) {
                throw writeError(temporary.path, error);
            }
            await copyToStdout(temporary.path);
            await temporary.discard();
        }
        if (pseudonym?.random) process.stderr.write(msg('evaluate.anonymizedRandom') + '\n');
        return EXIT_OK;
    } catch (error) {
        progress?.stop();
        await temporary.discard();
        if (error instanceof InputError) {
            printProblems(error.problems);
            return EXIT_USAGE;
        }
        throw error;
    }
}

function sourcesOf(candidateFiles: readonly string[]): CandidateSource[] {
    return candidateFiles.map(file => ({ file }));
}

/**
 * `--format pv` (procès-verbal, --out fichier .html ou .pdf, sinon HTML sur la sortie standard) et
 * `--format certificats --out <dossier>` (un certificat de bloc par bloc validé et par candidat),
 * en HTML, ou en PDF balisé avec --pdf (ou un --out en .pdf pour le procès-verbal). Les noms des
 * candidats ne sont écrits que dans ces documents : la sortie d'erreur ne donne que des nombres.
 */
async function evaluateToJuryDocuments(kind: 'pv' | 'certificats', candidateFiles: string[], model: ReferentielModel, inputs: string[], options: EvaluateOptions): Promise<number> {
    if (options.session !== undefined && options.session.trim() === '') throw new UsageError(msg('evaluate.emptySession'));
    let type: JuryDocumentType = options.pdf ? 'pdf' : 'html';
    if (kind === 'certificats') {
        if (!options.out) throw new UsageError(msg('evaluate.certificatsNeedOut'));
        const stat = await fs.stat(options.out).catch(() => undefined);
        if (stat && !stat.isDirectory()) throw new UsageError(msg('evaluate.certificatsOutIsFile', { path: options.out }));
    } else if (options.out) {
        const byName = documentTypeOf(options.out);
        if (!byName || (options.pdf && byName !== 'pdf')) throw new UsageError(msg('evaluate.pvExtension', { path: options.out }));
        type = byName;
        await checkOutput(options.out, [...candidateFiles, ...inputs], type);
    } else if (type === 'pdf') {
        throw new UsageError(msg('evaluate.pdfNeedsOut'));
    }
    const pseudonym = options.anonymize ? createPseudonymizer(options.sel) : undefined;
    const date = options.date ?? new Date().toISOString().slice(0, 10);
    let output;
    try {
        output = await produceJuryDocuments(model, sourcesOf(candidateFiles), kind, options.out, {
            date, evaluationDate: options.date, session: options.session, members: options.jury?.split(';'), type, locale: getLocale(),
            sheet: options.sheet, pseudonym
        });
    } catch (error) {
        if (error instanceof InputError) {
            printProblems(error.problems);
            return EXIT_USAGE;
        }
        if (typeof (error as NodeJS.ErrnoException).code === 'string' && !(error instanceof UsageError)) throw writeError(options.out ?? 'stdout', error);
        throw error;
    }
    if (output.content !== undefined) {
        await writeStdout(output.content);
    } else if (kind === 'pv') {
        process.stderr.write(printable(msg('evaluate.pvWritten', { count: output.summary.candidats, file: options.out! })) + '\n');
    } else {
        process.stderr.write(printable(msg('evaluate.certificatsWritten', { count: output.files.length, candidats: output.summary.candidats, folder: options.out! })) + '\n');
    }
    if (pseudonym?.random) process.stderr.write(msg('evaluate.anonymizedRandom') + '\n');
    return EXIT_OK;
}

/** `--format openbadges --out <dossier>` : un badge par bloc validé et par certification obtenue. */
async function evaluateToBadges(candidateFiles: string[], model: ReferentielModel, options: EvaluateOptions): Promise<number> {
    if (!options.out) {
        throw new UsageError(msg('evaluate.badgesNeedOut'));
    }
    if (options.emetteur !== undefined && !isHttpsUrl(options.emetteur)) {
        throw new UsageError(msg('error.badIssuer', { value: options.emetteur }));
    }
    if (options.baseUri !== undefined && !isHttpsUrl(options.baseUri)) {
        throw new UsageError(msg('error.badBaseUri', { value: options.baseUri }));
    }
    const key = options.cle === undefined ? undefined : await loadSigningKey(options.cle);
    if (key && !hasHttpsIssuer(model, options.emetteur)) {
        throw new UsageError(msg('badges.signNeedsHttpsIssuer'));
    }
    const writer = createOpenBadgesWriter(model, options.out, { key, issuerId: options.emetteur, baseUri: options.baseUri });
    try {
        const pseudonym = options.anonymize ? createPseudonymizer(options.sel) : undefined;
        for await (const results of readCandidates(model, sourcesOf(candidateFiles), new EvaluationSession(), { date: options.date, sheet: options.sheet, pseudonym })) {
            // validFrom est la date d'évaluation : donnée par le dossier ou --date, jamais « aujourd'hui » implicitement.
            if (options.date === undefined && results.dateEvaluation === undefined) {
                throw new UsageError(msg('badges.needsDate'));
            }
            await writer.candidate(evaluateCandidate(model, results, { date: options.date }));
        }
        await writer.finish();
    } catch (error) {
        await writer.abort();
        if (error instanceof InputError) {
            printProblems(error.problems);
            return EXIT_USAGE;
        }
        if (typeof (error as NodeJS.ErrnoException).code === 'string' && !(error instanceof UsageError)) throw writeError(options.out, error);
        throw error;
    }
    if (key) {
        process.stderr.write(printable(msg('badges.writtenSigned', { count: writer.count, folder: options.out, alg: key.alg, kid: key.kid })) + '\n');
    } else {
        process.stderr.write(printable(msg('badges.written', { count: writer.count, folder: options.out })) + '\n');
        process.stderr.write(msg('badges.unsignedWarning') + '\n');
    }
    if (!hasHttpsIssuer(model, options.emetteur)) process.stderr.write(msg('badges.noHttpsIssuer') + '\n');
    if (options.baseUri === undefined) process.stderr.write(msg('badges.noTargetBase') + '\n');
    return EXIT_OK;
}

/** Recopie le rapport sur la sortie standard ; une sortie fermée ou pleine (ENOSPC, EPIPE) → message, code 2. */
async function copyToStdout(file: string): Promise<void> {
    let failure: Error | undefined;
    const onError = (error: Error): void => { failure ??= error; };
    process.stdout.on('error', onError);
    try {
        for await (const chunk of createReadStream(file)) {
            await new Promise<void>((resolve, reject) => {
                process.stdout.write(chunk as Buffer, error => (error ? reject(error) : resolve()));
            }).catch((error: Error) => { failure ??= error; });
            if (failure) break;
        }
    } finally {
        process.stdout.off('error', onError);
    }
    if (failure) throw new UsageError(msg('error.writeStdout', { reason: (failure as NodeJS.ErrnoException).code ?? failure.message }));
}

/** La clé de signature d'un fichier JWK ou PEM ; une clé illisible est une erreur d'usage (code 2). */
export async function loadSigningKey(file: string): Promise<SigningKey> {
    let text: string;
    try {
        text = await fs.readFile(file, 'utf8');
    } catch {
        throw new UsageError(msg('error.noSuchPath', { path: file }));
    }
    try {
        return await readSigningKey(text);
    } catch (error) {
        if (error instanceof KeyError) throw new UsageError(msg(`key.${error.reason}`, { file, detail: error.message }));
        throw error;
    }
}
