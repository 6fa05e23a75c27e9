import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { evaluateCandidate } from '../../../language-server/src/evaluation/engine.js';
import type { CandidateResults, EvaluationResult, ValeurCompetence, ValeurCritere } from '../../../language-server/src/evaluation/types.js';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { workspace } from '../../helpers.js';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Charge un référentiel depuis un dossier du dépôt (tous ses .ref) et renvoie son modèle. */
export async function loadModel(folder: string, code: string): Promise<ReferentielModel> {
    const dir = path.join(ROOT, folder);
    const files: Record<string, string> = {};
    for (const name of readdirSync(dir).filter(n => n.endsWith('.ref'))) {
        files[name] = readFileSync(path.join(dir, name), 'utf8');
    }
    const ws = await workspace(files);
    const errors = ws.documents.flatMap(d => (d.diagnostics ?? []).filter(x => x.severity === 1));
    if (errors.length > 0) throw new Error(`Le référentiel ${folder} a des erreurs : ${errors.map(e => e.message).join(' / ')}`);
    return ws.services.referentiel.Models.forCode(code);
}

export interface PlainCandidate {
    id?: string;
    nom?: string;
    dateEvaluation?: string;
    competences?: Record<string, ValeurCompetence>;
    criteres?: Record<string, ValeurCritere>;
    epreuves?: Record<string, number>;
    mesures?: Record<string, number>;
    faits?: Record<string, boolean>;
    blocsAcquis?: Array<{ bloc: string; date?: string }>;
    amenagements?: Array<{ nature: string; debut: string; fin?: string }>;
}

export function candidate(plain: PlainCandidate): CandidateResults {
    return {
        candidat: { id: plain.id ?? 'C-001', ...(plain.nom ? { nom: plain.nom } : {}) },
        dateEvaluation: plain.dateEvaluation,
        competences: new Map(Object.entries(plain.competences ?? {})),
        criteres: new Map(Object.entries(plain.criteres ?? {})),
        epreuves: new Map(Object.entries(plain.epreuves ?? {})),
        mesures: new Map(Object.entries(plain.mesures ?? {})),
        ...(plain.faits ? { faits: new Map(Object.entries(plain.faits)) } : {}),
        blocsAcquis: plain.blocsAcquis ?? [],
        amenagements: plain.amenagements ?? [],
        positions: new Map(),
        source: { file: 'test' }
    };
}

/** Toutes les compétences du modèle avec la même valeur. */
export function allCompetences(model: ReferentielModel, value: ValeurCompetence, except: Record<string, ValeurCompetence | undefined> = {}): Record<string, ValeurCompetence> {
    const result: Record<string, ValeurCompetence> = {};
    for (const bloc of model.blocs) {
        for (const c of model.competencesOfBloc.get(bloc) ?? []) {
            if (c.name in except) {
                const v = except[c.name];
                if (v) result[c.name] = v;
            } else {
                result[c.name] = value;
            }
        }
    }
    return result;
}

export function evaluate(model: ReferentielModel, plain: PlainCandidate, date = '2026-06-30'): EvaluationResult {
    return evaluateCandidate(model, candidate(plain), { date });
}

export function bloc(result: EvaluationResult, code: string) {
    return result.blocs.find(b => b.code === code)!;
}

export function regle(result: EvaluationResult, code: string) {
    return result.regles.find(r => r.code === code)!;
}
