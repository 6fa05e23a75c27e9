/**
 * Évaluer des candidats : la boucle commune à `referentiel evaluate` et à la commande
 * `referentiel.evaluer` de l'éditeur. Elle lit les sources dans l'ordre (dossiers JSON, cohortes
 * CSV ou XLSX en flux), refuse un candidat vu deux fois et évalue chacun ; l'appelant écrit le
 * rapport. Une entrée fautive lève InputError : l'appelant abandonne alors (rien n'est écrit).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { InputError, readCandidateJson, readCohort } from '../evaluation/candidates/index.js';
import { pseudonymize } from '../evaluation/anonymize.js';
import { evaluateCandidate, today } from '../evaluation/engine.js';
import { checkAcquisitionDates } from '../evaluation/candidates/acquisitions.js';
import type { EvaluationSession } from '../evaluation/session.js';
import type { CandidateResults, EvaluationResult, InputProblem } from '../evaluation/types.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import { isCohortFile } from '../protocol/commands.js';
import { readUtf8 } from './workspace.js';

/** Un fichier de candidats : dossier JSON ou cohorte (d'après son nom). */
export interface CandidateSource {
    readonly file: string;
    /** Le texte d'un dossier JSON déjà en mémoire (l'éditeur) ; sinon il est lu sur le disque en UTF-8 strict. */
    readonly text?: string;
}

export interface EvaluationOptions {
    /** La date de l'évaluation (AAAA-MM-JJ), sinon celle du dossier ou du jour. */
    readonly date?: string;
    /** La feuille d'un classeur XLSX (la première par défaut). */
    readonly sheet?: string;
    /** Les octets de cohortes lus depuis le début, tous fichiers confondus. */
    readonly onProgress?: (bytes: number) => void;
    /** Appelé avant chaque candidat : lève pour arrêter (annulation). */
    readonly checkCancelled?: () => void;
    /** Pseudonymes (--anonymize) : l'identifiant remplacé, le nom retiré, avant l'évaluation et les rapports. */
    readonly pseudonym?: (id: string) => string;
}

export interface EvaluatedCandidate {
    readonly result: EvaluationResult;
    /** Le rang du candidat dans la session (à partir de 0). */
    readonly index: number;
    /** Le fichier (et la ligne, pour une cohorte) d'où vient le candidat. */
    readonly source: CandidateResults['source'];
}

/**
 * Les candidats de toutes les sources, dans l'ordre, chacun admis par la session (pas de doublon).
 * Un fichier fautif n'arrête pas la lecture des suivants : les problèmes de tous les fichiers sont
 * réunis et levés ensemble à la fin (InputError), pour tout corriger en une fois.
 */
export async function* readCandidates(model: ReferentielModel, sources: readonly CandidateSource[], session: EvaluationSession, options: EvaluationOptions = {}): AsyncGenerator<CandidateResults> {
    let done = 0;
    const problems: InputProblem[] = [];
    for (const source of sources) {
        let last = 0;
        const candidates = isCohortFile(source.file)
            ? readCohort(source.file, model, { sheet: options.sheet, onProgress: bytes => { last = bytes; options.onProgress?.(done + bytes); } })
            : (async function* () { yield readCandidateJson(source.file, source.text ?? await readUtf8(source.file), model); })();
        try {
            for await (const results of candidates) {
                options.checkCancelled?.();
                try {
                    session.admit(results);
                    checkAcquisitionDates(results, options.date ?? results.dateEvaluation ?? today());
                } catch (error) {
                    if (!(error instanceof InputError)) throw error;
                    problems.push(...error.problems);
                    continue;
                }
                // Après un problème, on lit encore (pour le signaler) mais on n'évalue plus.
                if (problems.length === 0) yield options.pseudonym ? pseudonymize(results, options.pseudonym) : results;
            }
        } catch (error) {
            if (!(error instanceof InputError)) throw error;
            problems.push(...error.problems);
        }
        done += last;
    }
    if (problems.length > 0) throw new InputError(problems);
}

/** Les fichiers de candidats que la ligne de commande sait lire : un dossier JSON ou une cohorte. */
export function isCandidateFile(file: string): boolean {
    return /\.json$/i.test(file) || isCohortFile(file);
}

/** Ce que donnent les chemins de la ligne de commande : fichiers à lire, et ce qui ne peut pas l'être. */
export interface CandidatePaths {
    readonly files: string[];
    /** Chemins introuvables. */
    readonly missing: string[];
    /** Fichiers d'un type que l'évaluation ne lit pas (.txt, .odt…) : refusés, jamais devinés. */
    readonly refused: string[];
    /** Dossiers sans aucun fichier de candidat. */
    readonly empty: string[];
}

/**
 * Développe les chemins : un fichier est pris s'il est d'un type lu (.json, .csv, .tsv, .xlsx),
 * refusé sinon ; un dossier donne ses dossiers candidats (*.candidat.json) et ses cohortes
 * (.csv, .tsv, .xlsx), par ordre alphabétique, sans descendre dans les sous-dossiers.
 */
export async function expandCandidatePaths(paths: readonly string[]): Promise<CandidatePaths> {
    const result: CandidatePaths = { files: [], missing: [], refused: [], empty: [] };
    for (const given of paths) {
        let stat;
        try {
            stat = await fs.stat(given);
        } catch {
            result.missing.push(given);
            continue;
        }
        if (stat.isDirectory()) {
            const entries = (await fs.readdir(given, { withFileTypes: true }))
                .filter(e => e.isFile() && (/\.candidat\.json$/i.test(e.name) || isCohortFile(e.name)))
                .map(e => e.name)
                .sort((a, b) => a.localeCompare(b, 'fr'));
            if (entries.length === 0) result.empty.push(given);
            result.files.push(...entries.map(name => path.join(given, name)));
        } else if (!stat.isFile()) {
            result.missing.push(given);
        } else if (isCandidateFile(given)) {
            result.files.push(given);
        } else {
            result.refused.push(given);
        }
    }
    return result;
}

/** Évalue les candidats de toutes les sources, dans l'ordre ; la session tient les totaux. */
export async function* evaluateSources(model: ReferentielModel, sources: readonly CandidateSource[], session: EvaluationSession, options: EvaluationOptions = {}): AsyncGenerator<EvaluatedCandidate> {
    for await (const results of readCandidates(model, sources, session, options)) {
        const result = evaluateCandidate(model, results, { date: options.date });
        yield { result, index: session.count(result.decision), source: results.source };
    }
}

/** Le code de référentiel qu'annonce un dossier candidat JSON (lecture tolérante : le fichier peut être fautif). */
export function announcedReferentiel(text: string): string | undefined {
    const value = parseJsonc(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, [], { allowTrailingComma: true }) as unknown;
    if (value && typeof value === 'object' && typeof (value as { referentiel?: unknown }).referentiel === 'string') {
        return (value as { referentiel: string }).referentiel;
    }
    return undefined;
}
