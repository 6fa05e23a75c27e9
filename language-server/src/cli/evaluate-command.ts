import { createReadStream, createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SingleBar } from 'cli-progress';
import { temporaryName } from '../common/files.js';
import { evaluateSources, readCandidates, type CandidateSource } from '../core/evaluate.js';
import { evaluateCandidate } from '../evaluation/engine.js';
import { loadWorkspace } from '../core/workspace.js';
import { InputError, formatProblem } from '../evaluation/candidates/index.js';
import { createReportWriter } from '../evaluation/reports/index.js';
import { KeyError, readSigningKey, type SigningKey } from '../interop/badge-signing.js';
import { createOpenBadgesWriter, hasHttpsIssuer } from '../interop/openbadges.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import { EvaluationSession } from '../evaluation/session.js';
import { getLocale } from '../i18n/locale.js';
import { msg } from '../i18n/messages.js';
import { isCohortFile } from '../protocol/commands.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError } from './errors.js';
import { isHttpsUrl, referentielErrors, selectReferentiel } from './export-command.js';
import { parseFormat } from './lint-command.js';

export const EVALUATE_FORMATS = ['text', 'json', 'html', 'csv', 'openbadges'] as const;
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
    color: boolean;
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
    for (const file of candidateFiles) {
        try {
            const stat = await fs.stat(file);
            if (!stat.isFile()) throw new Error('not a file');
        } catch {
            throw new UsageError(msg('error.noSuchPath', { path: file }));
        }
    }
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

    const target = options.out ? path.resolve(options.out) : undefined;
    const temporaryDir = target ? path.dirname(target) : tmpdir();
    await fs.mkdir(temporaryDir, { recursive: true }).catch(() => undefined);
    const temporary = path.join(temporaryDir, temporaryName(target ? path.basename(target) : 'referentiel'));
    const output = createWriteStream(temporary);
    const writer = createReportWriter(format, { color: options.color && !target && process.stdout.isTTY === true });
    const session = new EvaluationSession();
    let progress: SingleBar | undefined;

    try {
        await write(output, writer.begin({ referentiel: { code: model.code, titre: model.certification?.titre ?? '' }, dateGeneration: new Date().toISOString().slice(0, 10), locale: getLocale() }));
        // Barre de progression sur un terminal, pour les grosses cohortes.
        const totalBytes = (await Promise.all(candidateFiles.filter(isCohortFile).map(f => fs.stat(f).then(s => s.size)))).reduce((a, b) => a + b, 0);
        if (process.stderr.isTTY && totalBytes > 256 * 1024) {
            progress = new SingleBar({ format: msg('evaluate.progress'), barCompleteChar: '█', barIncompleteChar: '░', hideCursor: true, stream: process.stderr });
            progress.start(totalBytes, 0, { fichier: '' });
        }
        let lastFile = '';
        const bar = progress;
        const evaluated = evaluateSources(model, sourcesOf(candidateFiles), session, { date: options.date, sheet: options.sheet, onProgress: bytes => bar?.update(bytes) });
        for await (const { result, index, source } of evaluated) {
            if (bar && source.file !== lastFile) {
                lastFile = source.file;
                bar.update({ fichier: path.basename(lastFile) });
            }
            await write(output, writer.candidate(result, index));
        }
        progress?.stop();
        progress = undefined;
        await write(output, writer.end(session.summary));
        await close(output);
        if (target) {
            await fs.rename(temporary, target);
            process.stderr.write(msg('evaluate.written', { count: session.summary.candidats, file: options.out! }) + '\n');
        } else {
            await pipeToStdout(temporary);
            await fs.rm(temporary, { force: true });
        }
        return EXIT_OK;
    } catch (error) {
        progress?.stop();
        await close(output).catch(() => undefined);
        await fs.rm(temporary, { force: true }).catch(() => undefined);
        if (error instanceof InputError) {
            for (const problem of error.problems) process.stderr.write(formatProblem(problem) + '\n');
            process.stderr.write(msg('evaluate.nothingWritten', { count: error.problems.length }) + '\n');
            return EXIT_USAGE;
        }
        throw error;
    }
}

function sourcesOf(candidateFiles: readonly string[]): CandidateSource[] {
    return candidateFiles.map(file => ({ file }));
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
        for await (const results of readCandidates(model, sourcesOf(candidateFiles), new EvaluationSession(), { date: options.date, sheet: options.sheet })) {
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
            for (const problem of error.problems) process.stderr.write(formatProblem(problem) + '\n');
            process.stderr.write(msg('evaluate.nothingWritten', { count: error.problems.length }) + '\n');
            return EXIT_USAGE;
        }
        throw error;
    }
    if (key) {
        process.stderr.write(msg('badges.writtenSigned', { count: writer.count, folder: options.out, alg: key.alg, kid: key.kid }) + '\n');
    } else {
        process.stderr.write(msg('badges.written', { count: writer.count, folder: options.out }) + '\n');
        process.stderr.write(msg('badges.unsignedWarning') + '\n');
    }
    if (!hasHttpsIssuer(model, options.emetteur)) process.stderr.write(msg('badges.noHttpsIssuer') + '\n');
    if (options.baseUri === undefined) process.stderr.write(msg('badges.noTargetBase') + '\n');
    return EXIT_OK;
}

function write(stream: WriteStream, chunk: string): Promise<void> {
    if (chunk.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
        const ok = stream.write(chunk, error => { if (error) reject(error); });
        if (ok) resolve(); else stream.once('drain', resolve);
    });
}

function close(stream: WriteStream): Promise<void> {
    return new Promise((resolve, reject) => {
        if (stream.closed) { resolve(); return; }
        stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
}

function pipeToStdout(file: string): Promise<void> {
    return new Promise((resolve, reject) => {
        const input = createReadStream(file);
        input.on('error', reject);
        input.on('end', resolve);
        input.pipe(process.stdout, { end: false });
    });
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
