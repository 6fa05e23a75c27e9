import { canonicalCode } from '../codes.js';
import type { Bloc, Competence, Condition, Critere, Epreuve, Equivalence, Expression, Obtention } from '../generated/ast.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import { textOf } from '../validation/rule-types.js';
import type { ResultatCritere } from './types.js';

/**
 * Le plan d'évaluation d'un référentiel : ce que le moteur lit pour chaque candidat et qui ne
 * dépend que du référentiel (clés canoniques des codes, critères de chaque compétence,
 * compétences de chaque bloc, équivalences), calculé une fois par modèle. Une cohorte de
 * 100 000 candidats ne recalcule plus 100 000 fois les mêmes formes canoniques ni les mêmes listes.
 *
 * Le plan ne décide rien : les règles restent dans engine.ts, qui y prend ses listes et ses clés.
 */
export interface EvaluationPlan {
    /** Par compétence d'un bloc (celles que le moteur évalue) : sa clé canonique et ses critères. */
    readonly competences: ReadonlyMap<Competence, CompetencePlan>;
    /** La forme canonique du code de chaque critère de ces compétences. */
    readonly critereKeys: ReadonlyMap<Critere, string>;
    /** Par bloc : sa clé canonique, ses compétences, les clés de ses équivalences. */
    readonly blocs: ReadonlyMap<Bloc, BlocPlan>;
    /** Les critères éliminatoires du référentiel (toutes portées). */
    readonly eliminatoires: readonly Critere[];
}

export interface CompetencePlan {
    /** La forme canonique du code de la compétence (clé des résultats du candidat). */
    readonly key: string;
    readonly criteres: readonly Critere[];
    /** La forme canonique du code de chaque critère, dans l'ordre de `criteres`. */
    readonly critereKeys: readonly string[];
    /** Le code du bloc de la compétence (null hors bloc). */
    readonly bloc: string | null;
    /**
     * Les résultats de ses critères quand le candidat n'en rapporte aucun (une cohorte qui ne donne
     * que les compétences) : partagés par tous ces candidats, donc gelés.
     */
    readonly unreported: readonly ResultatCritere[];
}

export interface BlocPlan {
    readonly key: string;
    readonly competences: readonly Competence[];
    /** Les équivalences du bloc et la forme canonique du bloc qu'elles nomment. */
    readonly equivalences: ReadonlyArray<{ readonly equivalence: Equivalence; readonly key: string }>;
    /** Les épreuves des modalités du bloc qui ont un plancher, et leur clé canonique. */
    readonly floors: ReadonlyArray<{ readonly epreuve: Epreuve; readonly key: string }>;
}

const plans = new WeakMap<ReferentielModel, EvaluationPlan>();

/** Le plan du modèle, calculé à la première demande puis gardé tant que le modèle vit. */
export function planOf(model: ReferentielModel): EvaluationPlan {
    let plan = plans.get(model);
    if (!plan) {
        plan = compile(model);
        plans.set(model, plan);
    }
    return plan;
}

function compile(model: ReferentielModel): EvaluationPlan {
    const competences = new Map<Competence, CompetencePlan>();
    const critereKeys = new Map<Critere, string>();
    const blocs = new Map<Bloc, BlocPlan>();
    for (const bloc of model.blocs) {
        const list = model.competencesOfBloc.get(bloc) ?? [];
        for (const competence of list) {
            if (competences.has(competence)) continue;
            const criteres = model.criteresOf.get(competence) ?? [];
            const unreported = Object.freeze(criteres.map(c => Object.freeze<ResultatCritere>({ code: c.name, statut: 'non renseigné', eliminatoire: c.eliminatoire })));
            competences.set(competence, {
                key: canonicalCode(competence.name), criteres, critereKeys: criteres.map(c => canonicalCode(c.name)),
                bloc: model.blocOf.get(competence)?.name ?? null, unreported
            });
            for (const critere of criteres) critereKeys.set(critere, canonicalCode(critere.name));
        }
        blocs.set(bloc, {
            key: canonicalCode(bloc.name),
            competences: list,
            equivalences: bloc.equivalences.map(equivalence => ({ equivalence, key: canonicalCode(equivalence.bloc) })),
            floors: bloc.modalites.flatMap(m => m.epreuves).filter(e => e.plancher !== undefined && e.name).map(epreuve => ({ epreuve, key: canonicalCode(epreuve.name) }))
        });
    }
    return { competences, critereKeys, blocs, eliminatoires: model.criteres.filter(c => c.eliminatoire) };
}

const notes = new WeakMap<Condition, { text: string | undefined }>();

/**
 * La phrase du référentiel qui énonce une condition : la première note écrite après elle dans le
 * bloc « obtention », avant la condition suivante (le texte publié attaché à la règle). Calculée
 * une fois par condition.
 */
export function conditionNote(obtention: Obtention, condition: Condition): string | undefined {
    let note = notes.get(condition);
    if (!note) {
        note = { text: findConditionNote(obtention, condition) };
        notes.set(condition, note);
    }
    return note.text;
}

function findConditionNote(obtention: Obtention, condition: Condition): string | undefined {
    const start = condition.$cstNode?.end;
    if (start === undefined) return undefined;
    const next = Math.min(...obtention.conditions.map(c => c.$cstNode?.offset ?? Infinity).filter(o => o >= start));
    const note = obtention.notes
        .filter(n => (n.$cstNode?.offset ?? -1) >= start && (n.$cstNode?.offset ?? Infinity) < next)
        .sort((a, b) => a.$cstNode!.offset - b.$cstNode!.offset)[0];
    return note?.texte.replace(/\s+/g, ' ').trim() || undefined;
}


const texts = new WeakMap<Expression, string>();

/** Le texte d'une expression d'une condition, tel que les rapports le montrent (`textOf`), calculé une fois par nœud. */
export function expressionText(expression: Expression): string {
    let text = texts.get(expression);
    if (text === undefined) {
        text = textOf(expression);
        texts.set(expression, text);
    }
    return text;
}
