import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { InputError, readCandidateJson, readCohort, type CohortOptions } from '../../../language-server/src/evaluation/candidates/index.js';
import type { CandidateResults, InputProblem } from '../../../language-server/src/evaluation/types.js';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { workspace } from '../../helpers.js';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'candidats');

const models = new Map<string, Promise<ReferentielModel>>();

/** Le modèle d'un référentiel de fixture (.ref), chargé une fois. */
export function model(file: 'mini' | 'essai', locale: 'fr' | 'en' = 'fr'): Promise<ReferentielModel> {
    const key = `${file}:${locale}`;
    let found = models.get(key);
    if (!found) {
        const source = file === 'mini'
            ? path.join(ROOT, 'test', 'fixtures', 'cli', 'propre', 'mini.ref')
            : path.join(FIXTURES, 'referentiel', 'essai.ref');
        found = (async () => {
            const ws = await workspace({ [`${file}.ref`]: readFileSync(source, 'utf8') }, { locale });
            const errors = ws.documents.flatMap(d => (d.diagnostics ?? []).filter(x => x.severity === 1));
            if (errors.length > 0) throw new Error(`${file}.ref a des erreurs : ${errors.map(e => e.message).join(' / ')}`);
            return ws.services.referentiel.Models.forCode(file === 'mini' ? 'MINI' : 'ESSAI-COHORTE');
        })();
        models.set(key, found);
    }
    return found;
}

/** Les problèmes levés par une lecture (échoue si elle réussit). */
export function problemsOf(read: () => unknown): InputProblem[] {
    try {
        read();
    } catch (error) {
        if (error instanceof InputError) return error.problems;
        throw error;
    }
    throw new Error('aucune InputError levée');
}

export async function collect(file: string, m: ReferentielModel, options: CohortOptions = {}): Promise<CandidateResults[]> {
    const out: CandidateResults[] = [];
    for await (const c of readCohort(file, m, options)) out.push(c);
    return out;
}

/** Les problèmes de la lecture d'une cohorte, et les candidats lus avant. */
export async function cohortProblems(file: string, m: ReferentielModel, options: CohortOptions = {}): Promise<{ problems: InputProblem[]; before: CandidateResults[] }> {
    const before: CandidateResults[] = [];
    try {
        for await (const c of readCohort(file, m, options)) before.push(c);
    } catch (error) {
        if (error instanceof InputError) return { problems: error.problems, before };
        throw error;
    }
    throw new Error('aucune InputError levée');
}

export function readJsonFixture(name: string, m: ReferentielModel): CandidateResults {
    const file = path.join(FIXTURES, 'json', name);
    return readCandidateJson(`json/${name}`, readFileSync(file, 'utf8'), m);
}

export function jsonFixtureProblems(name: string, m: ReferentielModel): InputProblem[] {
    return problemsOf(() => readJsonFixture(name, m));
}

/** Un dossier temporaire, effacé par cleanup(). */
export function tempDir(): { dir: string; cleanup: () => void } {
    const dir = mkdtempSync(path.join(tmpdir(), 'referentiel-candidats-'));
    return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Écrit un fichier dans un dossier temporaire et renvoie son chemin. */
export function writeTemp(dir: string, name: string, content: string | Buffer): string {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
}

/** Ligne et colonne (à partir de 1) de la n-ième occurrence d'un texte. */
export function locate(text: string, needle: string, nth = 1): { line: number; column: number } {
    let offset = -1;
    let from = 0;
    for (let i = 0; i < nth; i++) {
        offset = text.indexOf(needle, from);
        if (offset < 0) throw new Error(`introuvable : ${needle}`);
        from = offset + 1;
    }
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}
