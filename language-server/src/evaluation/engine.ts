import { canonicalCode } from '../codes.js';
import {
    isAppel, isArithmeticExpression, isBlocValide, isComparaison, isCompetenceAcquise, isCritereSatisfait, isEpreuve, isFait, isLitteral,
    isLogicalExpression, isMesure, isNombreBlocs, isNon, isTousBlocs, isVariable,
    type Bloc, type Comparaison, type Competence, type Critere, type Epreuve, type Expression, type Obtention
} from '../generated/ast.js';
import { formatCompared, formatDay, formatNumber, getLocale, type Locale } from '../i18n/locale.js';
import { joinList, msg } from '../i18n/messages.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import { inferType, normalizeUnit, type RuleType } from '../validation/rule-types.js';
import './engine-messages.js';
import './engine-rules-messages.js';
import { blocOfNode } from '../model/referentiel-model.js';
import type {
    CandidateResults, Decision, EvaluationResult, ResultatBloc, ResultatCompetence, ResultatCritere, ResultatRegle,
    StatutBloc, StatutCompetence, StatutRegle, ValeurCritere, ValeurUtilisee
} from './types.js';
import { single } from '../model/clauses.js';
import { conditionNote, expressionText, planOf } from './plan.js';

/**
 * Le moteur d'évaluation : à partir d'un référentiel lié et des résultats d'un candidat, la
 * décision et sa justification. Tout ce qui décide (seuils, barèmes, unités, conditions) vient
 * du texte du référentiel ; rien n'est propre à une certification dans ce code.
 *
 * Logique à trois valeurs : une condition est remplie, non remplie, ou indéterminée quand des
 * résultats manquent. Une valeur manquante est un intervalle (une note sur 20 manquante vaut
 * « entre 0 et 20 ») : une condition n'échoue « pour de bon » que si aucune valeur possible des
 * résultats manquants ne pourrait la remplir — un échec certain l'emporte sur un manque.
 *
 * L'évaluation se fait en phases, chacune une fonction : le contexte (date, règles d'obtention,
 * résultats par code), les compétences, les blocs, les règles d'obtention, puis la décision et
 * ses motifs.
 */

type Truth = 'true' | 'false' | 'unknown';
interface Interval { lo: number; hi: number }
type Value = { kind: 'truth'; value: Truth } | { kind: 'number'; value: Interval };

const EPSILON = 1e-9;

/** Ce qu'il faut savoir d'un référentiel pour évaluer vite une cohorte : calculé une fois par modèle. */
interface EngineIndex {
    readonly competences: readonly Competence[];
    readonly epreuveByKey: ReadonlyMap<string, Epreuve>;
    readonly blocByKey: ReadonlyMap<string, Bloc>;
    readonly obtention?: Obtention;
    /** Le type de chaque expression des conditions (barème, unité), calculé une fois. */
    readonly types: Map<Expression, RuleType>;
    /** Le libellé de chaque expression des conditions (`labelOf`), par langue : il ne dépend que du référentiel. */
    readonly labels: Map<Expression, { locale: Locale; text: string }>;
}

const indexes = new WeakMap<ReferentielModel, EngineIndex>();

function indexOf(model: ReferentielModel): EngineIndex {
    let index = indexes.get(model);
    if (!index) {
        const competences: Competence[] = [];
        for (const bloc of model.blocs) {
            for (const competence of model.competencesOfBloc.get(bloc) ?? []) {
                if (!competences.includes(competence)) competences.push(competence);
            }
        }
        const byKey = <T extends { name: string }>(list: readonly T[]): Map<string, T> => {
            const map = new Map<string, T>();
            for (const item of list) if (item.name && !map.has(canonicalCode(item.name))) map.set(canonicalCode(item.name), item);
            return map;
        };
        index = {
            competences,
            blocByKey: byKey(model.blocs),
            epreuveByKey: byKey(model.epreuves),
            obtention: model.obtentions[0],
            types: new Map(),
            labels: new Map()
        };
        indexes.set(model, index);
    }
    return index;
}

function byCanonical<V>(map: ReadonlyMap<string, V>): ReadonlyMap<string, V> {
    // Le cas courant (en-têtes déjà écrits sous leur forme canonique) : la table telle quelle, sans copie.
    let canonical = true;
    for (const key of map.keys()) if (canonicalCode(key) !== key) { canonical = false; break; }
    if (canonical) return map;
    const result = new Map<string, V>();
    for (const [key, value] of map) result.set(canonicalCode(key), value);
    return result;
}

export interface EvaluateOptions {
    /** Date d'évaluation (AAAA-MM-JJ) ; à défaut celle du dossier, puis aujourd'hui. */
    readonly date?: string;
}

let todayCache: { at: number; value: string } | undefined;

/** La date du jour (AAAA-MM-JJ), recalculée au plus une fois par seconde (une cohorte la demande à chaque candidat). */
export function today(): string {
    const now = Date.now();
    if (!todayCache || now - todayCache.at >= 1000 || now < todayCache.at) todayCache = { at: now, value: new Date(now).toISOString().slice(0, 10) };
    return todayCache.value;
}

export function evaluateCandidate(model: ReferentielModel, input: CandidateResults, options: EvaluateOptions = {}): EvaluationResult {
    const context = createContext(model, input, options);
    const competences = evaluateCompetences(context);
    const blocs = evaluateBlocs(context, competences);
    const regles = evaluateRules(context, blocs, competences);
    const { decision, motifs } = decide(context, competences, blocs, regles);
    noteAbsorbedEliminatory(context, competences, blocs, decision);
    checkAmenagements(context);
    return {
        candidat: input.candidat.nom !== undefined ? { id: input.candidat.id, nom: input.candidat.nom } : { id: input.candidat.id },
        referentiel: model.code,
        dateEvaluation: context.date,
        decision,
        blocs: blocs.results,
        competences: competences.results,
        regles,
        motifs,
        attestations: blocs.results.filter(b => b.statut === 'validé').map(b => b.code),
        avertissements: context.warnings
    };
}

// --- Phase 1 : le contexte -------------------------------------------------------------------

/** Ce que toutes les phases lisent : le référentiel, le dossier, la date ; et les avertissements qu'elles ajoutent. */
interface EvaluationContext {
    readonly model: ReferentielModel;
    readonly index: EngineIndex;
    readonly input: CandidateResults;
    /** La date d'évaluation (AAAA-MM-JJ). */
    readonly date: string;
    readonly obtention?: Obtention;
    /** Le seuil de bloc commun (« bloc validé si … »), 100 % par défaut. */
    readonly defaultBlocThreshold: number;
    readonly warnings: string[];
}

function createContext(model: ReferentielModel, input: CandidateResults, options: EvaluateOptions): EvaluationContext {
    const index = indexOf(model);
    const obtention = index.obtention;
    return {
        model, index, input,
        date: options.date ?? input.dateEvaluation ?? today(),
        obtention,
        defaultBlocThreshold: single(obtention?.seuilBlocs)?.pourcentage ?? 100,
        warnings: []
    };
}

// --- Phase 2 : les compétences ---------------------------------------------------------------

interface CompetencePhase {
    readonly results: ResultatCompetence[];
    readonly statusOf: ReadonlyMap<Competence, StatutCompetence>;
    /** Les compétences non acquises à cause d'un critère éliminatoire non satisfait. */
    readonly eliminatory: ReadonlyArray<{ competence: Competence; critere: Critere }>;
    /** Les critères éliminatoires non satisfaits (toutes portées). */
    readonly failedEliminatory: readonly Critere[];
}

/** Ce qu'élimine un critère éliminatoire : sa compétence (par défaut), son bloc ou la certification. */
export function porteeOf(critere: Critere): 'compétence' | 'bloc' | 'certification' {
    return critere.portee === 'bloc' || critere.portee === 'certification' ? critere.portee : 'compétence';
}

function evaluateCompetences(context: EvaluationContext): CompetencePhase {
    const { index, input, obtention, warnings } = context;
    const plan = planOf(context.model);
    const critereInput = byCanonical(input.criteres);
    const reported = critereInput.size > 0;
    const competenceInput = byCanonical(input.competences);
    const critereThreshold = single(obtention?.seuilCompetences)?.pourcentage ?? 100;
    const results: ResultatCompetence[] = [];
    const statusOf = new Map<Competence, StatutCompetence>();
    const eliminatory: Array<{ competence: Competence; critere: Critere }> = [];
    // La valeur rapportée de chaque critère, lue une fois (dans l'ordre des critères de la compétence).
    let values: Array<ValeurCritere | undefined> = [];
    for (const competence of index.competences) {
        const { key, criteres, critereKeys, bloc, unreported } = plan.competences.get(competence)!;
        let resultatsCriteres: readonly ResultatCritere[] = unreported;
        let failedEliminatory: Critere | undefined;
        let anyValue = false;
        if (reported) {
            values = critereKeys.map(k => critereInput.get(k));
            const own: ResultatCritere[] = [];
            for (let i = 0; i < criteres.length; i++) {
                const c = criteres[i];
                const value = values[i];
                if (value !== undefined) anyValue = true;
                if (!failedEliminatory && c.eliminatoire && value === 'non satisfait') failedEliminatory = c;
                own.push({ code: c.name, statut: value ?? 'non renseigné', eliminatoire: c.eliminatoire });
            }
            resultatsCriteres = own;
        }
        const direct = competenceInput.get(key);
        let statut: StatutCompetence;
        let origine: ResultatCompetence['origine'];
        let motif: string;
        if (failedEliminatory) {
            statut = 'non acquise';
            origine = 'critère éliminatoire';
            motif = msg('eval.comp.eliminatoire', { critere: failedEliminatory.name, texte: failedEliminatory.texte });
            eliminatory.push({ competence, critere: failedEliminatory });
        } else if (direct) {
            statut = direct;
            origine = 'jury';
            motif = constantMsg(direct === 'acquise' ? 'eval.comp.jury.acquise' : 'eval.comp.jury.nonAcquise');
            if (direct === 'acquise' && reported) {
                const contradicted = criteres.filter((_, i) => values[i] === 'non satisfait');
                if (contradicted.length > 0) {
                    warnings.push(msg('eval.avert.juryContreCritere', { competence: competence.name, count: contradicted.length, criteres: joinList(contradicted.map(c => c.name)) }));
                }
            }
        } else if (criteres.length > 0 && anyValue) {
            // Acquise quand la part de critères satisfaits atteint le seuil du référentiel (100 % par défaut).
            // Les critères éliminatoires ne font que retirer : on compte les autres. Une compétence
            // qui n'a que des critères éliminatoires est acquise quand ils sont tous satisfaits.
            const valueOf = new Map(criteres.map((c, i) => [c, values[i]]));
            const scoring = criteres.filter(c => !c.eliminatoire);
            const onlyEliminatory = scoring.length === 0;
            const counted = onlyEliminatory ? criteres : scoring;
            const failed = counted.filter(c => valueOf.get(c) === 'non satisfait');
            const missing = counted.filter(c => valueOf.get(c) === undefined);
            const satisfied = counted.length - failed.length - missing.length;
            const needed = onlyEliminatory ? counted.length : Math.ceil((critereThreshold * counted.length) / 100 - EPSILON);
            origine = 'critères';
            if (satisfied >= needed) {
                statut = 'acquise';
                motif = onlyEliminatory
                    ? msg('eval.comp.eliminatoiresSeuls', { criteres: joinList(counted.map(c => c.name)) })
                    : failed.length === 0 && missing.length === 0
                    ? msg('eval.comp.criteres.acquise', { count: counted.length, criteres: joinList(counted.map(c => c.name)) })
                    : msg('eval.comp.criteres.seuil', { satisfaits: satisfied, total: counted.length, seuil: formatNumber(critereThreshold) });
            } else if (satisfied + missing.length < needed) {
                statut = 'non acquise';
                motif = msg('eval.comp.criteres.nonAcquise', { count: failed.length, criteres: joinList(failed.map(c => c.name)) });
            } else {
                statut = 'non évaluée';
                motif = msg('eval.comp.criteres.manquants', { count: missing.length, criteres: joinList(missing.map(c => c.name)) });
            }
        } else {
            statut = 'non évaluée';
            origine = 'absente';
            motif = constantMsg('eval.comp.absente');
        }
        statusOf.set(competence, statut);
        results.push({
            code: competence.name, texte: competence.texte, bloc,
            statut, origine, motif, criteres: resultatsCriteres
        });
    }
    const failedEliminatory = reported
        ? plan.eliminatoires.filter(c => critereInput.get(plan.critereKeys.get(c) ?? canonicalCode(c.name)) === 'non satisfait')
        : [];
    return { results, statusOf, eliminatory, failedEliminatory };
}

// --- Phase 3 : les blocs ---------------------------------------------------------------------

interface BlocPhase {
    readonly results: ResultatBloc[];
    readonly statusOf: ReadonlyMap<Bloc, StatutBloc>;
    readonly details: ReadonlyMap<Bloc, BlocDetail>;
    /** Les blocs éliminés par un critère éliminatoire « pour le bloc », avec ce critère. */
    readonly eliminatedBy: ReadonlyMap<Bloc, Critere>;
}

interface BlocDetail {
    nonAcquises: Competence[];
    nonEvaluees: Competence[];
    requises: number;
    /** Le motif propre d'un bloc non validé pour une autre raison que ses compétences (critère éliminatoire, plancher). */
    motif?: string;
}

function evaluateBlocs(context: EvaluationContext, competences: CompetencePhase): BlocPhase {
    const grades = byCanonical(context.input.epreuves);
    const eliminatedBy = new Map<Bloc, Critere>();
    for (const critere of competences.failedEliminatory) {
        if (porteeOf(critere) !== 'bloc') continue;
        const bloc = blocOfNode(critere) ?? critere.competences.map(r => r.ref && context.model.blocOf.get(r.ref)).find(b => b !== undefined);
        if (bloc && !eliminatedBy.has(bloc)) eliminatedBy.set(bloc, critere);
    }
    const { model, index, input, obtention, date, warnings } = context;
    const acquis = single(obtention?.acquisBlocs);
    const dureeAcquis = !acquis || acquis.aVie ? msg('eval.duree.vie') : msg('eval.duree.pendant', { duree: formatNumber(acquis.duree ?? 0), unite: acquis.unite ?? '' });
    const anterieurs = new Map<string, { date?: string }>();
    for (const entry of input.blocsAcquis) {
        const key = canonicalCode(entry.bloc);
        if (entry.date && acquis && !acquis.aVie && acquis.duree !== undefined && acquis.unite) {
            const end = addDuration(entry.date, acquis.duree, acquis.unite);
            if (end !== undefined && end < date) {
                warnings.push(msg('eval.avert.blocExpire', { bloc: index.blocByKey.get(key)?.name ?? entry.bloc, date: formatDay(entry.date), evaluation: formatDay(date), duree: dureeAcquis }));
                continue;
            }
        }
        anterieurs.set(key, { date: entry.date });
    }
    const results: ResultatBloc[] = [];
    const statusOf = new Map<Bloc, StatutBloc>();
    const details = new Map<Bloc, BlocDetail>();
    const plan = planOf(model);
    for (const bloc of model.blocs) {
        const { key, competences: list, equivalences, floors } = plan.blocs.get(bloc)!;
        const seuil = single(bloc.seuil)?.pourcentage ?? context.defaultBlocThreshold;
        let acquises = 0;
        const nonAcquises: Competence[] = [];
        const nonEvaluees: Competence[] = [];
        for (const c of list) {
            const s = competences.statusOf.get(c);
            if (s === 'acquise') acquises++;
            else if (s === 'non acquise') nonAcquises.push(c);
            else if (s === 'non évaluée') nonEvaluees.push(c);
        }
        const total = list.length;
        const requises = Math.ceil((seuil * total) / 100 - EPSILON);
        const anterieur = anterieurs.get(key);
        const equivalent = anterieur ? undefined : equivalences.find(e => anterieurs.has(e.key))?.equivalence;
        let statut: StatutBloc;
        let motif: string;
        let dateAcquisition = anterieur?.date;
        const params = { acquises, total, requises, seuil: formatNumber(seuil), manquantes: nonEvaluees.length };
        const eliminatingCritere = eliminatedBy.get(bloc);
        // Les épreuves notées des modalités du bloc qui ont un plancher : une note dessous, le bloc
        // n'est pas validé ; une note manquante, il ne peut pas encore l'être.
        const gradeOf = (e: Epreuve): number | undefined => grades.get(canonicalCode(e.name));
        let belowFloor: Epreuve | undefined;
        let missingFloor: Epreuve | undefined;
        for (const { epreuve, key: epreuveKey } of floors) {
            const g = grades.get(epreuveKey);
            if (g === undefined) missingFloor ??= epreuve;
            else if (!belowFloor && g < epreuve.plancher! - EPSILON) belowFloor = epreuve;
        }
        let detailMotif: string | undefined;
        if (anterieur) {
            statut = 'acquis antérieurement';
            motif = anterieur.date ? msg('eval.bloc.anterieur', { date: formatDay(anterieur.date), duree: dureeAcquis }) : msg('eval.bloc.anterieurSansDate', { duree: dureeAcquis });
        } else if (equivalent) {
            statut = 'validé par équivalence';
            dateAcquisition = anterieurs.get(canonicalCode(equivalent.bloc))?.date;
            motif = msg('eval.bloc.equivalence', { bloc: equivalent.bloc, date: dateAcquisition ? formatDay(dateAcquisition) : '—' });
        } else if (eliminatingCritere) {
            statut = 'non validé';
            motif = msg('eval.bloc.eliminatoire', { critere: eliminatingCritere.name, texte: eliminatingCritere.texte });
            detailMotif = msg('eval.motif.blocEliminatoire', { code: bloc.name, titre: bloc.titre, critere: eliminatingCritere.name, texte: eliminatingCritere.texte });
        } else if (belowFloor) {
            const floorParams = { titre: belowFloor.titre, note: formatNumber(gradeOf(belowFloor)!), plancher: formatNumber(belowFloor.plancher!), bareme: formatNumber(belowFloor.bareme) };
            statut = 'non validé';
            motif = msg('eval.bloc.plancher', floorParams);
            detailMotif = msg('eval.motif.blocPlancher', { ...floorParams, code: bloc.name, titre: bloc.titre, epreuve: belowFloor.titre });
        } else if (total > 0 && acquises >= requises && missingFloor) {
            statut = 'incomplet';
            motif = msg('eval.bloc.plancherManquant', { titre: missingFloor.titre, plancher: formatNumber(missingFloor.plancher!), bareme: formatNumber(missingFloor.bareme) });
            detailMotif = msg('eval.motif.blocPlancherManquant', { code: bloc.name, titre: bloc.titre, epreuve: missingFloor.titre, plancher: formatNumber(missingFloor.plancher!), bareme: formatNumber(missingFloor.bareme) });
        } else if (total > 0 && acquises >= requises) {
            statut = 'validé';
            motif = msg('eval.bloc.valide', params);
        } else if (acquises + nonEvaluees.length < requises || total === 0) {
            statut = 'non validé';
            motif = msg('eval.bloc.nonValide', params);
        } else {
            statut = 'incomplet';
            motif = msg('eval.bloc.incomplet', params);
        }
        statusOf.set(bloc, statut);
        details.set(bloc, { nonAcquises, nonEvaluees, requises, ...(detailMotif ? { motif: detailMotif } : {}) });
        results.push({
            code: bloc.name, titre: bloc.titre, statut, seuil, acquises, nonAcquises: nonAcquises.length, nonEvaluees: nonEvaluees.length, total,
            ...(dateAcquisition ? { dateAcquisition } : {}), ...(equivalent ? { equivalence: equivalent.bloc } : {}), motif
        });
    }
    return { results, statusOf, details, eliminatedBy };
}

// --- Phase 4 : les règles d'obtention --------------------------------------------------------

function evaluateRules(context: EvaluationContext, blocs: BlocPhase, competences: CompetencePhase): ResultatRegle[] {
    const evaluator = new RuleEvaluator(context.index, context.model, context.input, blocs.statusOf, competences.statusOf);
    const regles: ResultatRegle[] = [];
    // Un critère éliminatoire « pour la certification » non satisfait : une règle non remplie.
    for (const critere of competences.failedEliminatory) {
        if (porteeOf(critere) !== 'certification') continue;
        regles.push({
            code: critere.name, titre: msg('eval.regle.eliminatoire', { critere: critere.name }), expression: `critère ${critere.name} satisfait`,
            statut: 'non remplie', valeurs: [], detail: msg('eval.detail.eliminatoire', { critere: critere.name, texte: critere.texte })
        });
    }
    const conditions = context.obtention?.conditions ?? [];
    if (conditions.length === 0) {
        const value = evaluator.allBlocsValidated();
        regles.push({
            code: 'R1', titre: msg('eval.regle.implicite'), expression: 'tous les blocs validés', statut: toStatut(value),
            valeurs: evaluator.takeValues(), detail: evaluator.blocsDetail()
        });
    }
    conditions.forEach((condition, i) => {
        if (!condition.expression) return;
        const raw = evaluator.evaluateTruth(condition.expression);
        // Une note sous le plancher de son épreuve fait échouer la condition qui l'utilise.
        const floors = evaluator.takeBelowFloor();
        const value: Truth = floors.length > 0 ? 'false' : raw;
        const detail = [evaluator.describe(condition.expression, value), ...floors].join(' ; ');
        regles.push({
            code: condition.name ?? `R${i + 1}`, titre: condition.titre, expression: expressionText(condition.expression),
            statut: toStatut(value), valeurs: evaluator.takeValues(), detail
        });
    });
    return regles;
}

// --- Phase 5 : la décision et ses motifs -----------------------------------------------------

function decide(context: EvaluationContext, competences: CompetencePhase, blocs: BlocPhase, regles: readonly ResultatRegle[]): { decision: Decision; motifs: string[] } {
    const { model } = context;
    const decision: Decision = regles.some(r => r.statut === 'non remplie') ? 'non obtenue'
        : regles.every(r => r.statut === 'remplie') ? 'obtenue' : 'incomplète';
    const motifs: string[] = [];
    if (decision === 'obtenue') return { decision, motifs };
    for (const bloc of model.blocs) {
        const statut = blocs.statusOf.get(bloc)!;
        const details = blocs.details.get(bloc)!;
        const total = (model.competencesOfBloc.get(bloc) ?? []).length;
        if (statut === 'non validé' && details.motif) {
            motifs.push(details.motif);
        } else if (statut === 'incomplet' && details.motif) {
            motifs.push(details.motif);
        } else if (statut === 'non validé') {
            let extra = '';
            if (details.nonAcquises.length > 0) extra += msg('eval.motif.nonAcquises', { count: details.nonAcquises.length, list: joinList(details.nonAcquises.map(c => c.name)) });
            if (details.nonEvaluees.length > 0) extra += msg('eval.motif.nonEvaluees', { list: joinList(details.nonEvaluees.map(c => c.name)) });
            motifs.push(msg('eval.motif.blocNonValide', {
                code: bloc.name, titre: bloc.titre, acquises: total - details.nonAcquises.length - details.nonEvaluees.length, total,
                requises: details.requises, seuil: formatNumber(single(bloc.seuil)?.pourcentage ?? context.defaultBlocThreshold), details: extra
            }));
        } else if (statut === 'incomplet') {
            motifs.push(msg('eval.motif.blocIncomplet', { code: bloc.name, titre: bloc.titre, count: details.nonEvaluees.length, manquantes: joinList(details.nonEvaluees.map(c => c.name)) }));
        }
    }
    for (const { competence, critere } of competences.eliminatory) {
        const bloc = model.blocOf.get(competence);
        if (bloc && isValidated(blocs.statusOf.get(bloc)!)) continue;
        if (bloc && blocs.eliminatedBy.get(bloc) === critere) continue;
        motifs.push(msg('eval.motif.eliminatoire', { competence: competence.name, critere: critere.name, texte: critere.texte }));
    }
    const conditions = context.obtention?.conditions ?? [];
    for (const regle of regles) {
        const condition = conditions.find((c, i) => (c.name ?? `R${i + 1}`) === regle.code);
        const texte = condition && context.obtention ? conditionNote(context.obtention, condition) : undefined;
        const citation = texte ? msg('eval.motif.citation', { texte }) : '';
        if (regle.statut === 'non remplie') motifs.push(msg('eval.motif.regleNonRemplie', { titre: regle.titre, detail: regle.detail }) + citation);
        else if (regle.statut === 'indéterminée') motifs.push(msg('eval.motif.regleIndeterminee', { titre: regle.titre, detail: regle.detail }) + citation);
    }
    return { decision, motifs };
}

/**
 * Quand un critère éliminatoire non satisfait n'a pas changé la décision (un seuil l'absorbe),
 * le rapport le dit : un avertissement par critère.
 */
function noteAbsorbedEliminatory(context: EvaluationContext, competences: CompetencePhase, blocs: BlocPhase, decision: Decision): void {
    const { model } = context;
    for (const { competence, critere } of competences.eliminatory) {
        if (porteeOf(critere) !== 'compétence') continue;
        const bloc = model.blocOf.get(competence);
        if (bloc && blocs.statusOf.get(bloc) === 'validé') {
            context.warnings.push(msg('eval.avert.eliminatoireAbsorbe', {
                critere: critere.name, competence: competence.name, bloc: bloc.name, seuil: formatNumber(single(bloc.seuil)?.pourcentage ?? context.defaultBlocThreshold)
            }));
        }
    }
    if (decision === 'obtenue') {
        for (const [bloc, critere] of blocs.eliminatedBy) {
            context.warnings.push(msg('eval.avert.eliminatoireBlocAbsorbe', { critere: critere.name, bloc: bloc.name }));
        }
    }
}

/**
 * Les aménagements du dossier : un avertissement pour celui qui commence après la date
 * d'évaluation, qui finit au-delà de sa validité, qui a une fin sans que le référentiel prévoie
 * d'aménagement temporaire (« ou temporaire »), ou dont la validité est passée.
 */
function checkAmenagements(context: EvaluationContext): void {
    const amenagement = single(context.obtention?.amenagement);
    for (const entry of context.input.amenagements) {
        const duree = amenagement?.duree ?? 1;
        const unite = amenagement?.unite ?? 'an';
        if (entry.debut > context.date) {
            context.warnings.push(msg('eval.avert.amenagementFutur', { nature: entry.nature, debut: formatDay(entry.debut), date: formatDay(context.date) }));
            continue;
        }
        const limite = addDuration(entry.debut, duree, unite);
        let fin = entry.fin ?? limite;
        if (entry.fin !== undefined && limite !== undefined) {
            const common = { nature: entry.nature, debut: formatDay(entry.debut), fin: formatDay(entry.fin), duree: formatNumber(duree), unite, limite: formatDay(limite) };
            if (!amenagement?.temporaire) {
                // Sans « ou temporaire », l'aménagement vaut toute sa durée : la fin du dossier n'est pas retenue.
                if (entry.fin !== limite) context.warnings.push(msg('eval.avert.amenagementNonTemporaire', common));
                fin = limite;
            } else if (entry.fin > limite) {
                context.warnings.push(msg('eval.avert.amenagementAuDela', common));
                fin = limite;
            }
        }
        if (fin !== undefined && fin < context.date) {
            context.warnings.push(msg('eval.avert.amenagement', {
                nature: entry.nature, debut: formatDay(entry.debut), fin: formatDay(fin), date: formatDay(context.date),
                validite: entry.fin && fin === entry.fin ? msg('eval.avert.validiteFin') : msg('eval.avert.validite', { duree: formatNumber(duree), unite })
            }));
        }
    }
}

/** Un bloc compte comme validé : validé à cette session, acquis antérieurement ou par équivalence. */
export function isValidated(statut: StatutBloc): boolean {
    return statut === 'validé' || statut === 'acquis antérieurement' || statut === 'validé par équivalence';
}

function toStatut(value: Truth): StatutRegle {
    return value === 'true' ? 'remplie' : value === 'false' ? 'non remplie' : 'indéterminée';
}

/** Ajoute une durée à une date AAAA-MM-JJ (en UTC) ; undefined si l'unité n'est pas une durée. */
export function addDuration(date: string, amount: number, unit: string): string | undefined {
    const d = new Date(date + 'T00:00:00Z');
    if (Number.isNaN(d.getTime())) return undefined;
    switch (normalizeUnit(unit)) {
        case 'ans': d.setUTCFullYear(d.getUTCFullYear() + amount); break;
        case 'mois': d.setUTCMonth(d.getUTCMonth() + amount); break;
        case 'semaines': d.setUTCDate(d.getUTCDate() + 7 * amount); break;
        case 'jours': d.setUTCDate(d.getUTCDate() + amount); break;
        default: return undefined;
    }
    return d.toISOString().slice(0, 10);
}

/** Évalue les expressions des conditions, en notant les valeurs utilisées. */
class RuleEvaluator {
    private values: ValeurUtilisee[] = [];
    private readonly epreuves: ReadonlyMap<string, number>;
    private readonly mesures: ReadonlyMap<string, number>;
    private readonly faits: ReadonlyMap<string, boolean>;
    private readonly criteres: ReadonlyMap<string, ValeurCritere>;
    /** Les notes sous leur plancher rencontrées depuis le dernier `takeBelowFloor` (phrases). */
    private belowFloor: string[] = [];
    /** Les compétences et critères nommés par la condition, non décidés (pour dire ce qui manque). */
    private undecided: string[] = [];

    constructor(
        private readonly index: EngineIndex,
        private readonly model: ReferentielModel,
        input: CandidateResults,
        private readonly blocs: ReadonlyMap<Bloc, StatutBloc>,
        private readonly competences: ReadonlyMap<Competence, StatutCompetence> = new Map()
    ) {
        this.epreuves = byCanonical(input.epreuves);
        this.mesures = byCanonical(input.mesures);
        this.faits = byCanonical(input.faits ?? new Map());
        this.criteres = byCanonical(input.criteres);
    }

    /** Les notes sous leur plancher vues pendant la dernière condition ; remet la liste à zéro. */
    takeBelowFloor(): string[] {
        const result = [...new Set(this.belowFloor)];
        this.belowFloor = [];
        return result;
    }

    takeValues(): ValeurUtilisee[] {
        const result = this.values;
        this.values = [];
        return result;
    }

    private use(value: ValeurUtilisee): void {
        if (!this.values.some(v => v.code === value.code)) this.values.push(value);
    }

    allBlocsValidated(): Truth {
        const statuses = [...this.blocs.values()];
        this.use({ code: 'blocs', libelle: msg('eval.detail.blocs', { valides: this.validatedCount(), total: statuses.length }), valeur: this.validatedCount(), unite: `/${statuses.length}` });
        if (statuses.some(s => s === 'non validé')) return 'false';
        if (statuses.every(isValidated)) return 'true';
        return 'unknown';
    }

    private validatedCount(): number {
        return [...this.blocs.values()].filter(isValidated).length;
    }

    blocsDetail(): string {
        const incomplete = this.model.blocs.filter(b => this.blocs.get(b) === 'incomplet').map(b => b.name);
        const base = msg('eval.detail.blocs', { valides: this.validatedCount(), total: this.model.blocs.length });
        return incomplete.length > 0 && ![...this.blocs.values()].includes('non validé')
            ? `${base} ; ${msg('eval.manque.blocs', { list: joinList(incomplete) })}`
            : base;
    }

    evaluateTruth(e: Expression): Truth {
        const v = this.evaluate(e);
        return v.kind === 'truth' ? v.value : 'unknown';
    }

    private evaluateNumber(e: Expression): Interval {
        const v = this.evaluate(e);
        return v.kind === 'number' ? v.value : { lo: -Infinity, hi: Infinity };
    }

    evaluate(e: Expression): Value {
        if (isLitteral(e)) return { kind: 'number', value: { lo: e.valeur, hi: e.valeur } };
        if (isVariable(e)) {
            const target = e.grandeur?.ref;
            if (isEpreuve(target)) {
                const grade = this.epreuves.get(canonicalCode(target.name));
                this.use({ code: target.name, libelle: target.titre, valeur: grade ?? null, unite: `/${formatNumber(target.bareme)}` });
                if (grade !== undefined && target.plancher !== undefined && grade < target.plancher - EPSILON) {
                    this.belowFloor.push(msg('eval.detail.plancher', { titre: target.titre, note: formatNumber(grade), plancher: formatNumber(target.plancher), bareme: formatNumber(target.bareme) }));
                }
                return { kind: 'number', value: grade === undefined ? { lo: 0, hi: target.bareme } : { lo: grade, hi: grade } };
            }
            if (isMesure(target)) {
                const measure = this.mesures.get(canonicalCode(target.name));
                this.use({ code: target.name, libelle: target.titre, valeur: measure ?? null, unite: target.unite });
                return { kind: 'number', value: measure === undefined ? { lo: 0, hi: Infinity } : { lo: measure, hi: measure } };
            }
            if (isFait(target)) {
                const fact = this.faits.get(canonicalCode(target.name));
                this.use({ code: target.name, libelle: target.titre, valeur: fact === undefined ? null : fact ? 1 : 0, unite: '' });
                return { kind: 'truth', value: fact === undefined ? 'unknown' : fact ? 'true' : 'false' };
            }
            return { kind: 'number', value: { lo: -Infinity, hi: Infinity } };
        }
        if (isTousBlocs(e)) return { kind: 'truth', value: this.allBlocsValidated() };
        if (isBlocValide(e)) {
            const bloc = e.bloc?.ref;
            const statut = bloc ? this.blocs.get(bloc) : undefined;
            if (bloc) this.use({ code: bloc.name, libelle: msg('eval.detail.bloc', { code: bloc.name, statut: statut ?? '?' }), valeur: statut && isValidated(statut) ? 1 : 0, unite: '' });
            return { kind: 'truth', value: statut && isValidated(statut) ? 'true' : statut === 'non validé' ? 'false' : 'unknown' };
        }
        if (isCompetenceAcquise(e)) {
            const competence = e.competence?.ref;
            const statut = competence ? this.competences.get(competence) : undefined;
            if (competence && (statut === undefined || statut === 'non évaluée')) this.undecided.push(msg('eval.manque.competence', { code: competence.name }));
            return { kind: 'truth', value: statut === 'acquise' ? 'true' : statut === 'non acquise' ? 'false' : 'unknown' };
        }
        if (isCritereSatisfait(e)) {
            const critere = e.critere?.ref;
            const valeur = critere ? this.criteres.get(canonicalCode(critere.name)) : undefined;
            if (critere && valeur === undefined) this.undecided.push(msg('eval.manque.critere', { code: critere.name }));
            return { kind: 'truth', value: valeur === 'satisfait' ? 'true' : valeur === 'non satisfait' ? 'false' : 'unknown' };
        }
        if (isNombreBlocs(e)) {
            const sure = this.validatedCount();
            const possible = sure + [...this.blocs.values()].filter(s => s === 'incomplet').length;
            this.use({ code: 'blocs', libelle: msg('eval.detail.blocs', { valides: sure, total: this.blocs.size }), valeur: sure, unite: `/${this.blocs.size}` });
            return { kind: 'number', value: { lo: sure, hi: possible } };
        }
        if (isNon(e)) {
            const v = this.evaluateTruth(e.operand);
            return { kind: 'truth', value: v === 'true' ? 'false' : v === 'false' ? 'true' : 'unknown' };
        }
        if (isLogicalExpression(e)) {
            const l = this.evaluateTruth(e.left);
            const r = this.evaluateTruth(e.right);
            if (e.operator === 'et') {
                return { kind: 'truth', value: l === 'false' || r === 'false' ? 'false' : l === 'true' && r === 'true' ? 'true' : 'unknown' };
            }
            return { kind: 'truth', value: l === 'true' || r === 'true' ? 'true' : l === 'false' && r === 'false' ? 'false' : 'unknown' };
        }
        if (isArithmeticExpression(e)) {
            return { kind: 'number', value: arithmetic(e.operator, this.evaluateNumber(e.left), this.evaluateNumber(e.right)) };
        }
        if (isComparaison(e)) {
            return { kind: 'truth', value: compare(e.operator, this.evaluateNumber(e.left), this.evaluateNumber(e.right)) };
        }
        if (isAppel(e)) {
            if (e.fonction === 'nombre') {
                const values = e.arguments.map(a => this.evaluateTruth(a.valeur));
                const sure = values.filter(v => v === 'true').length;
                return { kind: 'number', value: { lo: sure, hi: sure + values.filter(v => v === 'unknown').length } };
            }
            const args = e.arguments.map(a => this.evaluateNumber(a.valeur));
            switch (e.fonction) {
                case 'moyenne': {
                    // Sans « coef », le coefficient déclaré par l'épreuve (« épreuve … coefficient 2 »).
                    const weights = e.ponderee ? e.arguments.map(a => a.coefficient ?? declaredCoefficient(a.valeur) ?? 1) : e.arguments.map(() => 1);
                    const sum = weights.reduce((s, w) => s + w, 0) || 1;
                    return { kind: 'number', value: { lo: args.reduce((s, a, i) => s + a.lo * weights[i], 0) / sum, hi: args.reduce((s, a, i) => s + a.hi * weights[i], 0) / sum } };
                }
                case 'min': return { kind: 'number', value: { lo: Math.min(...args.map(a => a.lo)), hi: Math.min(...args.map(a => a.hi)) } };
                case 'max': return { kind: 'number', value: { lo: Math.max(...args.map(a => a.lo)), hi: Math.max(...args.map(a => a.hi)) } };
                case 'somme': return { kind: 'number', value: { lo: args.reduce((s, a) => s + a.lo, 0), hi: args.reduce((s, a) => s + a.hi, 0) } };
            }
        }
        return { kind: 'truth', value: 'unknown' };
    }

    /** Le calcul d'une condition, en clair : chaque comparaison avec ses valeurs. */
    describe(e: Expression, value: Truth): string {
        const parts: string[] = [];
        const missing: string[] = [];
        const visit = (node: Expression): void => {
            if (isComparaison(node)) {
                parts.push(this.describeComparison(node));
                return;
            }
            if (isTousBlocs(node)) {
                parts.push(this.blocsDetail());
                return;
            }
            if (isBlocValide(node) && node.bloc?.ref) {
                parts.push(msg('eval.detail.bloc', { code: node.bloc.ref.name, statut: this.blocs.get(node.bloc.ref) ?? '?' }));
                return;
            }
            if (isCompetenceAcquise(node) && node.competence?.ref) {
                parts.push(msg('eval.detail.competence', { code: node.competence.ref.name, statut: this.competences.get(node.competence.ref) ?? 'non évaluée' }));
                return;
            }
            if (isCritereSatisfait(node) && node.critere?.ref) {
                parts.push(msg('eval.detail.critere', { code: node.critere.ref.name, statut: this.criteres.get(canonicalCode(node.critere.ref.name)) ?? msg('eval.fait.inconnu') }));
                return;
            }
            if (isVariable(node) && isFait(node.grandeur?.ref)) {
                const fait = node.grandeur.ref;
                const value = this.faits.get(canonicalCode(fait.name));
                // Un fait non renseigné est dit avec ce qui manque (eval.manque.fait).
                if (value !== undefined) parts.push(msg('eval.detail.fait', { titre: fait.titre, valeur: msg(value ? 'eval.fait.oui' : 'eval.fait.non') }));
                return;
            }
            if (isLogicalExpression(node)) {
                visit(node.left);
                visit(node.right);
                return;
            }
            if (isNon(node)) {
                visit(node.operand);
                return;
            }
            parts.push(expressionText(node));
        };
        visit(e);
        if (value === 'unknown') {
            for (const v of this.values) {
                if (v.valeur === null) {
                    const epreuve = this.index.epreuveByKey.get(canonicalCode(v.code));
                    const fait = !epreuve && this.model.faits.some(f => canonicalCode(f.name) === canonicalCode(v.code));
                    missing.push(epreuve ? msg('eval.manque.note', { titre: v.libelle, code: v.code })
                        : fait ? msg('eval.manque.fait', { titre: v.libelle, code: v.code })
                        : msg('eval.manque.mesure', { titre: v.libelle, code: v.code }));
                }
            }
            missing.push(...this.undecided);
        }
        this.undecided = [];
        // Le cas courant : une seule partie, rien ne manque.
        if (parts.length === 1 && missing.length === 0) return parts[0];
        return [...new Set([...parts, ...missing])].join(' ; ');
    }

    /**
     * Une comparaison en clair, avec les titres du référentiel plutôt que ses codes :
     * « Moyenne de « Mémoire » et « Soutenance » : 9,75/20, il faut au moins 10/20 ».
     */
    private describeComparison(node: Comparaison): string {
        let subject = node.left;
        let threshold = node.right;
        let operator = node.operator;
        if (isLitteral(subject) && !isLitteral(threshold)) {
            // « 10 <= moyenne(…) » se dit comme « moyenne(…) >= 10 ».
            [subject, threshold] = [threshold, subject];
            operator = mirror(operator);
        }
        const value = this.evaluateNumber(subject);
        const limit = this.evaluateNumber(threshold);
        const subjectType = this.typeOf(subject);
        const thresholdType = this.typeOf(threshold);
        const type = subjectType.kind === 'number' ? thresholdType : subjectType;
        // Deux valeurs connues s'écrivent avec la précision qu'il faut pour se comparer comme les vraies.
        const [valueText, limitText] = comparedTexts(value.lo, limit.lo);
        const known = (i: Interval): boolean => i.lo === i.hi;
        const shown = (i: Interval, text: string, t: RuleType): string => known(i) ? withUnit(text, t.kind === 'number' ? type : t) : msg('eval.detail.inconnue');
        const thresholdText = isLitteral(threshold)
            ? shown(limit, limitText, thresholdType)
            : msg('eval.detail.valeurDe', { libelle: this.labelOf(threshold), valeur: shown(limit, limitText, thresholdType) });
        return msg(`eval.detail.cmp.${OPERATOR_KEYS[operator] ?? 'ge'}`, { libelle: this.labelOf(subject), valeur: shown(value, valueText, subjectType), seuil: thresholdText });
    }

    /** Ce que désigne une expression, dit avec les titres du référentiel : calculé une fois par nœud et par langue. */
    private labelOf(e: Expression): string {
        const locale = getLocale();
        let label = this.index.labels.get(e);
        if (!label || label.locale !== locale) {
            label = { locale, text: this.computeLabel(e) };
            this.index.labels.set(e, label);
        }
        return label.text;
    }

    private computeLabel(e: Expression): string {
        if (isVariable(e)) {
            const target = e.grandeur?.ref;
            if (isEpreuve(target) || isMesure(target)) return target.titre;
            return expressionText(e);
        }
        if (isNombreBlocs(e)) return msg('eval.libelle.nombreBlocs');
        if (isAppel(e)) {
            const quoted = (a: Expression): string => isVariable(a) || isAppel(a) ? msg('eval.libelle.cite', { libelle: this.labelOf(a) }) : expressionText(a);
            if (e.fonction === 'nombre') return msg('eval.libelle.nombre', { count: e.arguments.length });
            const list = joinList(e.arguments.map(a => e.ponderee && a.coefficient !== undefined
                ? msg('eval.libelle.coef', { libelle: quoted(a.valeur), coef: formatNumber(a.coefficient) })
                : quoted(a.valeur)));
            const key = e.fonction === 'moyenne' && e.ponderee ? 'eval.libelle.moyennePonderee' : `eval.libelle.${e.fonction}`;
            return msg(key, { list });
        }
        return expressionText(e);
    }

    /** Le type d'une expression (barème, unité), calculé une fois par nœud et par référentiel. */
    private typeOf(e: Expression): RuleType {
        let type = this.index.types.get(e);
        if (!type) {
            type = inferType(e, this.model.blocs.length).type;
            this.index.types.set(e, type);
        }
        return type;
    }
}

/**
 * `formatCompared` de deux valeurs, gardé : une cohorte compare des milliers de fois les mêmes
 * notes aux mêmes seuils. Table bornée (vidée au-delà de 10 000 paires).
 */
const compared = new Map<string, readonly string[]>();

function comparedTexts(value: number, limit: number): readonly string[] {
    const key = `${getLocale()} ${value} ${limit}`;
    let texts = compared.get(key);
    if (!texts) {
        texts = formatCompared([value, limit]);
        if (compared.size >= 10_000) compared.clear();
        compared.set(key, texts);
    }
    return texts;
}

/** Les messages sans paramètre, rédigés une fois par langue (une cohorte les répète à chaque compétence). */
const constants = new Map<string, { locale: Locale; text: string }>();

function constantMsg(key: string): string {
    const locale = getLocale();
    let entry = constants.get(key);
    if (!entry || entry.locale !== locale) {
        entry = { locale, text: msg(key) };
        constants.set(key, entry);
    }
    return entry.text;
}

/** Le coefficient que déclare l'épreuve d'un argument (« épreuve … coefficient 2 »). */
function declaredCoefficient(e: Expression | undefined): number | undefined {
    const target = isVariable(e) ? e.grandeur?.ref : undefined;
    return isEpreuve(target) ? target.coefficient : undefined;
}

function withUnit(text: string, type: RuleType): string {
    if (type.kind === 'note') return `${text}/${formatNumber(type.scale)}`;
    if (type.kind === 'mesure') return `${text} ${type.unit}`;
    if (type.kind === 'percentage') return `${text} %`;
    return text;
}

/** La clé de la phrase de chaque comparaison (« il faut au moins… »). */
const OPERATOR_KEYS: Record<string, string> = { '>=': 'ge', '≥': 'ge', '>': 'gt', '<=': 'le', '≤': 'le', '<': 'lt', '=': 'eq', '!=': 'ne', '≠': 'ne' };

/** L'opérateur qui dit la même chose, côtés échangés (« 10 <= x » ⇔ « x >= 10 »). */
function mirror(op: string): string {
    return ({ '>=': '<=', '≥': '≤', '>': '<', '<=': '>=', '≤': '≥', '<': '>' } as Record<string, string>)[op] ?? op;
}

function compare(op: string, l: Interval, r: Interval): Truth {
    const ge = (a: number, b: number): boolean => a >= b - EPSILON;
    const gt = (a: number, b: number): boolean => a > b + EPSILON;
    switch (op) {
        case '>=': case '≥': return ge(l.lo, r.hi) ? 'true' : !ge(l.hi, r.lo) ? 'false' : 'unknown';
        case '>': return gt(l.lo, r.hi) ? 'true' : !gt(l.hi, r.lo) ? 'false' : 'unknown';
        case '<=': case '≤': return ge(r.lo, l.hi) ? 'true' : !ge(r.hi, l.lo) ? 'false' : 'unknown';
        case '<': return gt(r.lo, l.hi) ? 'true' : !gt(r.hi, l.lo) ? 'false' : 'unknown';
        case '=': {
            if (Math.abs(l.lo - l.hi) < EPSILON && Math.abs(r.lo - r.hi) < EPSILON) return Math.abs(l.lo - r.lo) < EPSILON ? 'true' : 'false';
            return gt(l.lo, r.hi) || gt(r.lo, l.hi) ? 'false' : 'unknown';
        }
        case '!=': case '≠': {
            const eq = compare('=', l, r);
            return eq === 'true' ? 'false' : eq === 'false' ? 'true' : 'unknown';
        }
        default: return 'unknown';
    }
}

function arithmetic(op: string, a: Interval, b: Interval): Interval {
    switch (op) {
        case '+': return { lo: a.lo + b.lo, hi: a.hi + b.hi };
        case '-': return { lo: a.lo - b.hi, hi: a.hi - b.lo };
        case '*': {
            const p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi].filter(x => !Number.isNaN(x));
            return { lo: Math.min(...p), hi: Math.max(...p) };
        }
        case '/': {
            if (b.lo <= 0 && b.hi >= 0) return { lo: -Infinity, hi: Infinity };
            const p = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi].filter(x => !Number.isNaN(x));
            return { lo: Math.min(...p), hi: Math.max(...p) };
        }
        default: return { lo: -Infinity, hi: Infinity };
    }
}
