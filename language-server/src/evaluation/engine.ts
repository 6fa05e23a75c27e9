import { canonicalCode } from '../codes.js';
import {
    isAppel, isBinaire, isBlocValide, isComparaison, isEpreuve, isLitteral, isMesure, isNombreBlocs, isNon, isTousBlocs, isVariable,
    type Bloc, type Competence, type Critere, type Epreuve, type Expression, type Mesure, type Obtention
} from '../generated/ast.js';
import { formatNumber } from '../i18n/locale.js';
import { joinList, msg } from '../i18n/messages.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import { RuleTypeChecker, normalizeUnit, textOf, type RuleType } from '../validation/rule-types.js';
import './engine-messages.js';
import type {
    CandidateResults, Decision, EvaluationResult, ResultatBloc, ResultatCompetence, ResultatCritere, ResultatRegle,
    StatutBloc, StatutCompetence, StatutRegle, ValeurCritere, ValeurUtilisee
} from './types.js';

/**
 * Le moteur d'évaluation : à partir d'un référentiel lié et des résultats d'un candidat, la
 * décision et sa justification. Tout ce qui décide (seuils, barèmes, unités, conditions) vient
 * du texte du référentiel ; rien n'est propre à une certification dans ce code.
 *
 * Logique à trois valeurs : une condition est remplie, non remplie, ou indéterminée quand des
 * résultats manquent. Une valeur manquante est un intervalle (une note sur 20 manquante vaut
 * « entre 0 et 20 ») : une condition n'échoue « pour de bon » que si aucune valeur possible des
 * résultats manquants ne pourrait la remplir — un échec certain l'emporte sur un manque.
 */

type Tri = 'vrai' | 'faux' | 'inconnu';
interface Interval { lo: number; hi: number }
type Value = { kind: 'tri'; value: Tri } | { kind: 'num'; value: Interval };

const EPSILON = 1e-9;

/** Ce qu'il faut savoir d'un référentiel pour évaluer vite une cohorte : calculé une fois par modèle. */
interface EngineIndex {
    readonly competences: readonly Competence[];
    readonly competenceByKey: ReadonlyMap<string, Competence>;
    readonly critereByKey: ReadonlyMap<string, Critere>;
    readonly blocByKey: ReadonlyMap<string, Bloc>;
    readonly epreuveByKey: ReadonlyMap<string, Epreuve>;
    readonly mesureByKey: ReadonlyMap<string, Mesure>;
    readonly obtention?: Obtention;
    readonly types: RuleTypeChecker;
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
        const criteres = [...model.criteres];
        index = {
            competences,
            competenceByKey: byKey(competences),
            critereByKey: byKey(criteres),
            blocByKey: byKey(model.blocs),
            epreuveByKey: byKey(model.epreuves),
            mesureByKey: byKey(model.mesures),
            obtention: model.obtentions[0],
            types: new RuleTypeChecker(model.blocs.length)
        };
        indexes.set(model, index);
    }
    return index;
}

function byCanonical<V>(map: ReadonlyMap<string, V>): Map<string, V> {
    const result = new Map<string, V>();
    for (const [key, value] of map) result.set(canonicalCode(key), value);
    return result;
}

export interface EvaluateOptions {
    /** Date d'évaluation (AAAA-MM-JJ) ; à défaut celle du dossier, puis aujourd'hui. */
    readonly date?: string;
}

export function today(): string {
    return new Date().toISOString().slice(0, 10);
}

export function evaluateCandidate(model: ReferentielModel, input: CandidateResults, options: EvaluateOptions = {}): EvaluationResult {
    const index = indexOf(model);
    const date = options.date ?? input.dateEvaluation ?? today();
    const obtention = index.obtention;
    const avertissements: string[] = [];

    // --- Critères ---------------------------------------------------------------------------
    const critereInput = byCanonical(input.criteres);
    const critereValue = (critere: Critere): ValeurCritere | undefined => critereInput.get(canonicalCode(critere.name));

    // --- Compétences ------------------------------------------------------------------------
    const competenceInput = byCanonical(input.competences);
    const critereThreshold = obtention?.seuilCompetences?.pourcentage ?? 100;
    const competences: ResultatCompetence[] = [];
    const statutOf = new Map<Competence, StatutCompetence>();
    const eliminatoires: Array<{ competence: Competence; critere: Critere }> = [];
    for (const competence of index.competences) {
        const criteres = model.criteresOf.get(competence) ?? [];
        const resultatsCriteres: ResultatCritere[] = criteres.map(c => ({ code: c.name, statut: critereValue(c) ?? 'non renseigné', eliminatoire: c.eliminatoire }));
        const failedEliminatory = criteres.find(c => c.eliminatoire && critereValue(c) === 'non satisfait');
        const direct = competenceInput.get(canonicalCode(competence.name));
        let statut: StatutCompetence;
        let origine: ResultatCompetence['origine'];
        let motif: string;
        if (failedEliminatory) {
            statut = 'non acquise';
            origine = 'critère éliminatoire';
            motif = msg('eval.comp.eliminatoire', { critere: failedEliminatory.name, texte: failedEliminatory.texte });
            eliminatoires.push({ competence, critere: failedEliminatory });
        } else if (direct) {
            statut = direct;
            origine = 'jury';
            motif = msg(direct === 'acquise' ? 'eval.comp.jury.acquise' : 'eval.comp.jury.nonAcquise');
            const contradicted = criteres.filter(c => critereValue(c) === 'non satisfait');
            if (direct === 'acquise' && contradicted.length > 0) {
                avertissements.push(msg('eval.avert.juryContreCritere', { competence: competence.name, count: contradicted.length, criteres: joinList(contradicted.map(c => c.name)) }));
            }
        } else if (criteres.length > 0 && criteres.some(c => critereValue(c) !== undefined)) {
            // Acquise quand la part de critères satisfaits atteint le seuil du référentiel (100 % par défaut).
            const failed = criteres.filter(c => critereValue(c) === 'non satisfait');
            const missing = criteres.filter(c => critereValue(c) === undefined);
            const satisfied = criteres.length - failed.length - missing.length;
            const needed = Math.ceil((critereThreshold * criteres.length) / 100 - EPSILON);
            origine = 'critères';
            if (satisfied >= needed) {
                statut = 'acquise';
                motif = failed.length === 0 && missing.length === 0
                    ? msg('eval.comp.criteres.acquise', { count: criteres.length, criteres: joinList(criteres.map(c => c.name)) })
                    : msg('eval.comp.criteres.seuil', { satisfaits: satisfied, total: criteres.length, seuil: formatNumber(critereThreshold) });
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
            motif = msg('eval.comp.absente');
        }
        statutOf.set(competence, statut);
        competences.push({
            code: competence.name, texte: competence.texte, bloc: model.blocOf.get(competence)?.name ?? null,
            statut, origine, motif, criteres: resultatsCriteres
        });
    }

    // --- Blocs ------------------------------------------------------------------------------
    const acquis = obtention?.acquisBlocs;
    const dureeAcquis = !acquis || acquis.aVie ? msg('eval.duree.vie') : msg('eval.duree.pendant', { duree: formatNumber(acquis.duree ?? 0), unite: acquis.unite ?? '' });
    const anterieurs = new Map<string, { date?: string }>();
    for (const entry of input.blocsAcquis) {
        const key = canonicalCode(entry.bloc);
        if (entry.date && acquis && !acquis.aVie && acquis.duree !== undefined && acquis.unite) {
            const end = addDuration(entry.date, acquis.duree, acquis.unite);
            if (end !== undefined && end < date) {
                avertissements.push(msg('eval.avert.blocExpire', { bloc: index.blocByKey.get(key)?.name ?? entry.bloc, date: entry.date, evaluation: date, duree: dureeAcquis }));
                continue;
            }
        }
        anterieurs.set(key, { date: entry.date });
    }
    const defaultThreshold = obtention?.seuilBlocs?.pourcentage ?? 100;
    const blocs: ResultatBloc[] = [];
    const statutBloc = new Map<Bloc, StatutBloc>();
    const blocDetails = new Map<Bloc, { nonAcquises: Competence[]; nonEvaluees: Competence[]; requises: number }>();
    for (const bloc of model.blocs) {
        const list = model.competencesOfBloc.get(bloc) ?? [];
        const seuil = bloc.seuil?.pourcentage ?? defaultThreshold;
        const acquises = list.filter(c => statutOf.get(c) === 'acquise').length;
        const nonAcquises = list.filter(c => statutOf.get(c) === 'non acquise');
        const nonEvaluees = list.filter(c => statutOf.get(c) === 'non évaluée');
        const total = list.length;
        const requises = Math.ceil((seuil * total) / 100 - EPSILON);
        const anterieur = anterieurs.get(canonicalCode(bloc.name));
        const equivalent = anterieur ? undefined : bloc.equivalences.find(e => anterieurs.has(canonicalCode(e.bloc)));
        let statut: StatutBloc;
        let motif: string;
        let dateAcquisition = anterieur?.date;
        const params = { acquises, total, requises, seuil: formatNumber(seuil), manquantes: nonEvaluees.length };
        if (anterieur) {
            statut = 'acquis antérieurement';
            motif = anterieur.date ? msg('eval.bloc.anterieur', { date: anterieur.date, duree: dureeAcquis }) : msg('eval.bloc.anterieurSansDate', { duree: dureeAcquis });
        } else if (equivalent) {
            statut = 'validé par équivalence';
            dateAcquisition = anterieurs.get(canonicalCode(equivalent.bloc))?.date;
            motif = msg('eval.bloc.equivalence', { bloc: equivalent.bloc, date: dateAcquisition ?? '—' });
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
        statutBloc.set(bloc, statut);
        blocDetails.set(bloc, { nonAcquises, nonEvaluees, requises });
        blocs.push({
            code: bloc.name, titre: bloc.titre, statut, seuil, acquises, nonAcquises: nonAcquises.length, nonEvaluees: nonEvaluees.length, total,
            ...(dateAcquisition ? { dateAcquisition } : {}), ...(equivalent ? { equivalence: equivalent.bloc } : {}), motif
        });
    }

    // --- Règles d'obtention -----------------------------------------------------------------
    const evaluator = new RuleEvaluator(index, model, input, statutBloc);
    const regles: ResultatRegle[] = [];
    const conditions = obtention?.conditions ?? [];
    if (conditions.length === 0) {
        const value = evaluator.tousBlocs();
        regles.push({
            code: 'R1', titre: msg('eval.regle.implicite'), expression: 'tous les blocs validés', statut: toStatut(value),
            valeurs: evaluator.takeValues(), detail: evaluator.blocsDetail()
        });
    }
    conditions.forEach((condition, i) => {
        if (!condition.expression) return;
        const value = evaluator.evalTri(condition.expression);
        const detail = evaluator.describe(condition.expression, value);
        regles.push({
            code: condition.name ?? `R${i + 1}`, titre: condition.titre, expression: textOf(condition.expression),
            statut: toStatut(value), valeurs: evaluator.takeValues(), detail
        });
    });

    const decision: Decision = regles.some(r => r.statut === 'non remplie') ? 'non obtenue'
        : regles.every(r => r.statut === 'remplie') ? 'obtenue' : 'incomplète';

    // --- Motifs ------------------------------------------------------------------------------
    const motifs: string[] = [];
    if (decision !== 'obtenue') {
        for (const bloc of model.blocs) {
            const statut = statutBloc.get(bloc)!;
            const details = blocDetails.get(bloc)!;
            const total = (model.competencesOfBloc.get(bloc) ?? []).length;
            if (statut === 'non validé') {
                let extra = '';
                if (details.nonAcquises.length > 0) extra += msg('eval.motif.nonAcquises', { count: details.nonAcquises.length, list: joinList(details.nonAcquises.map(c => c.name)) });
                if (details.nonEvaluees.length > 0) extra += msg('eval.motif.nonEvaluees', { list: joinList(details.nonEvaluees.map(c => c.name)) });
                motifs.push(msg('eval.motif.blocNonValide', {
                    code: bloc.name, titre: bloc.titre, acquises: total - details.nonAcquises.length - details.nonEvaluees.length, total,
                    requises: details.requises, seuil: formatNumber(bloc.seuil?.pourcentage ?? defaultThreshold), details: extra
                }));
            } else if (statut === 'incomplet') {
                motifs.push(msg('eval.motif.blocIncomplet', { code: bloc.name, titre: bloc.titre, count: details.nonEvaluees.length, manquantes: joinList(details.nonEvaluees.map(c => c.name)) }));
            }
        }
        for (const { competence, critere } of eliminatoires) {
            const bloc = model.blocOf.get(competence);
            if (bloc && isValidated(statutBloc.get(bloc)!)) continue;
            motifs.push(msg('eval.motif.eliminatoire', { competence: competence.name, critere: critere.name, texte: critere.texte }));
        }
        for (const regle of regles) {
            if (regle.statut === 'non remplie') motifs.push(msg('eval.motif.regleNonRemplie', { titre: regle.titre, detail: regle.detail }));
            else if (regle.statut === 'indéterminée') motifs.push(msg('eval.motif.regleIndeterminee', { titre: regle.titre, detail: regle.detail }));
        }
    }

    // --- Aménagements -------------------------------------------------------------------------
    const amenagement = obtention?.amenagement;
    for (const entry of input.amenagements) {
        const duree = amenagement?.duree ?? 1;
        const unite = amenagement?.unite ?? 'an';
        const fin = entry.fin ?? addDuration(entry.debut, duree, unite);
        if (fin !== undefined && fin < date) {
            avertissements.push(msg('eval.avert.amenagement', {
                nature: entry.nature, debut: entry.debut, fin, date,
                validite: entry.fin ? msg('eval.avert.validiteFin') : msg('eval.avert.validite', { duree: formatNumber(duree), unite })
            }));
        }
    }

    return {
        candidat: input.candidat.nom !== undefined ? { id: input.candidat.id, nom: input.candidat.nom } : { id: input.candidat.id },
        referentiel: model.code,
        dateEvaluation: date,
        decision,
        blocs,
        competences,
        regles,
        motifs,
        attestations: blocs.filter(b => b.statut === 'validé').map(b => b.code),
        avertissements
    };
}

/** Un bloc compte comme validé : validé à cette session, acquis antérieurement ou par équivalence. */
export function isValidated(statut: StatutBloc): boolean {
    return statut === 'validé' || statut === 'acquis antérieurement' || statut === 'validé par équivalence';
}

function toStatut(value: Tri): StatutRegle {
    return value === 'vrai' ? 'remplie' : value === 'faux' ? 'non remplie' : 'indéterminée';
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
    private readonly epreuves: Map<string, number>;
    private readonly mesures: Map<string, number>;

    constructor(
        private readonly index: EngineIndex,
        private readonly model: ReferentielModel,
        input: CandidateResults,
        private readonly blocs: ReadonlyMap<Bloc, StatutBloc>
    ) {
        this.epreuves = byCanonical(input.epreuves);
        this.mesures = byCanonical(input.mesures);
    }

    takeValues(): ValeurUtilisee[] {
        const result = this.values;
        this.values = [];
        return result;
    }

    private use(value: ValeurUtilisee): void {
        if (!this.values.some(v => v.code === value.code)) this.values.push(value);
    }

    tousBlocs(): Tri {
        const statuses = [...this.blocs.values()];
        this.use({ code: 'blocs', libelle: msg('eval.detail.blocs', { valides: this.validatedCount(), total: statuses.length }), valeur: this.validatedCount(), unite: `/${statuses.length}` });
        if (statuses.some(s => s === 'non validé')) return 'faux';
        if (statuses.every(isValidated)) return 'vrai';
        return 'inconnu';
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

    evalTri(e: Expression): Tri {
        const v = this.eval(e);
        return v.kind === 'tri' ? v.value : 'inconnu';
    }

    private num(e: Expression): Interval {
        const v = this.eval(e);
        return v.kind === 'num' ? v.value : { lo: -Infinity, hi: Infinity };
    }

    eval(e: Expression): Value {
        if (isLitteral(e)) return { kind: 'num', value: { lo: e.valeur, hi: e.valeur } };
        if (isVariable(e)) {
            const target = e.grandeur?.ref;
            if (isEpreuve(target)) {
                const grade = this.epreuves.get(canonicalCode(target.name));
                this.use({ code: target.name, libelle: target.titre, valeur: grade ?? null, unite: `/${formatNumber(target.bareme)}` });
                return { kind: 'num', value: grade === undefined ? { lo: 0, hi: target.bareme } : { lo: grade, hi: grade } };
            }
            if (isMesure(target)) {
                const measure = this.mesures.get(canonicalCode(target.name));
                this.use({ code: target.name, libelle: target.titre, valeur: measure ?? null, unite: target.unite });
                return { kind: 'num', value: measure === undefined ? { lo: 0, hi: Infinity } : { lo: measure, hi: measure } };
            }
            return { kind: 'num', value: { lo: -Infinity, hi: Infinity } };
        }
        if (isTousBlocs(e)) return { kind: 'tri', value: this.tousBlocs() };
        if (isBlocValide(e)) {
            const bloc = e.bloc?.ref;
            const statut = bloc ? this.blocs.get(bloc) : undefined;
            if (bloc) this.use({ code: bloc.name, libelle: msg('eval.detail.bloc', { code: bloc.name, statut: statut ?? '?' }), valeur: statut && isValidated(statut) ? 1 : 0, unite: '' });
            return { kind: 'tri', value: statut && isValidated(statut) ? 'vrai' : statut === 'non validé' ? 'faux' : 'inconnu' };
        }
        if (isNombreBlocs(e)) {
            const sure = this.validatedCount();
            const possible = sure + [...this.blocs.values()].filter(s => s === 'incomplet').length;
            this.use({ code: 'blocs', libelle: msg('eval.detail.blocs', { valides: sure, total: this.blocs.size }), valeur: sure, unite: `/${this.blocs.size}` });
            return { kind: 'num', value: { lo: sure, hi: possible } };
        }
        if (isNon(e)) {
            const v = this.evalTri(e.operande);
            return { kind: 'tri', value: v === 'vrai' ? 'faux' : v === 'faux' ? 'vrai' : 'inconnu' };
        }
        if (isBinaire(e)) {
            if (e.operateur === 'et' || e.operateur === 'ou') {
                const l = this.evalTri(e.gauche);
                const r = this.evalTri(e.droite);
                if (e.operateur === 'et') {
                    return { kind: 'tri', value: l === 'faux' || r === 'faux' ? 'faux' : l === 'vrai' && r === 'vrai' ? 'vrai' : 'inconnu' };
                }
                return { kind: 'tri', value: l === 'vrai' || r === 'vrai' ? 'vrai' : l === 'faux' && r === 'faux' ? 'faux' : 'inconnu' };
            }
            return { kind: 'num', value: arithmetic(e.operateur, this.num(e.gauche), this.num(e.droite)) };
        }
        if (isComparaison(e)) {
            return { kind: 'tri', value: compare(e.operateur, this.num(e.gauche), this.num(e.droite)) };
        }
        if (isAppel(e)) {
            if (e.fonction === 'nombre') {
                const values = e.arguments.map(a => this.evalTri(a.valeur));
                const sure = values.filter(v => v === 'vrai').length;
                return { kind: 'num', value: { lo: sure, hi: sure + values.filter(v => v === 'inconnu').length } };
            }
            const args = e.arguments.map(a => this.num(a.valeur));
            switch (e.fonction) {
                case 'moyenne': {
                    const weights = e.ponderee ? e.arguments.map(a => a.coefficient ?? 1) : e.arguments.map(() => 1);
                    const sum = weights.reduce((s, w) => s + w, 0) || 1;
                    return { kind: 'num', value: { lo: args.reduce((s, a, i) => s + a.lo * weights[i], 0) / sum, hi: args.reduce((s, a, i) => s + a.hi * weights[i], 0) / sum } };
                }
                case 'min': return { kind: 'num', value: { lo: Math.min(...args.map(a => a.lo)), hi: Math.min(...args.map(a => a.hi)) } };
                case 'max': return { kind: 'num', value: { lo: Math.max(...args.map(a => a.lo)), hi: Math.max(...args.map(a => a.hi)) } };
                case 'somme': return { kind: 'num', value: { lo: args.reduce((s, a) => s + a.lo, 0), hi: args.reduce((s, a) => s + a.hi, 0) } };
            }
        }
        return { kind: 'tri', value: 'inconnu' };
    }

    /** Le calcul d'une condition, en clair : chaque comparaison avec ses valeurs. */
    describe(e: Expression, value: Tri): string {
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
            if (isBinaire(node) && (node.operateur === 'et' || node.operateur === 'ou')) {
                visit(node.gauche);
                visit(node.droite);
                return;
            }
            if (isNon(node)) {
                visit(node.operande);
                return;
            }
            parts.push(textOf(node));
        };
        visit(e);
        if (value === 'inconnu') {
            for (const v of this.values) {
                if (v.valeur === null) {
                    const epreuve = this.index.epreuveByKey.get(canonicalCode(v.code));
                    missing.push(epreuve ? msg('eval.manque.note', { titre: v.libelle, code: v.code }) : msg('eval.manque.mesure', { titre: v.libelle, code: v.code }));
                }
            }
        }
        return [...parts, ...missing].join(' ; ');
    }

    private describeComparison(node: Expression & { operateur: string; gauche: Expression; droite: Expression }): string {
        const left = this.num(node.gauche);
        const right = this.num(node.droite);
        const leftType = typeOf(this.index, node.gauche);
        const rightType = typeOf(this.index, node.droite);
        const type = leftType.kind === 'nombre' ? rightType : leftType;
        const show = (i: Interval, t: RuleType): string => withUnit(i.lo === i.hi ? formatNumber(i.lo) : msg('eval.detail.inconnu'), t.kind === 'nombre' ? type : t);
        const outcome = compare(node.operateur, left, right);
        const shownOp = outcome === 'faux' ? negate(node.operateur) : pretty(node.operateur);
        const name = isLitteral(node.gauche) ? '' : `${textOf(node.gauche)} = `;
        return `${name}${show(left, leftType)} ${shownOp} ${show(right, rightType)}`;
    }
}

const types = new WeakMap<Expression, RuleType>();

/** Le type d'une expression (barème, unité), calculé une fois par nœud. */
function typeOf(index: EngineIndex, e: Expression): RuleType {
    let type = types.get(e);
    if (!type) {
        type = index.types.infer(e);
        index.types.problems.length = 0;
        types.set(e, type);
    }
    return type;
}

function withUnit(text: string, type: RuleType): string {
    if (type.kind === 'note') return `${text}/${formatNumber(type.scale)}`;
    if (type.kind === 'mesure') return `${text} ${type.unit}`;
    if (type.kind === 'pourcentage') return `${text} %`;
    return text;
}

function pretty(op: string): string {
    return ({ '>=': '≥', '<=': '≤', '!=': '≠' } as Record<string, string>)[op] ?? op;
}

/** L'opérateur qui est vrai quand `op` est faux (pour écrire « 9,75/20 < 10/20 »). */
function negate(op: string): string {
    return ({ '>=': '<', '≥': '<', '>': '≤', '<=': '>', '≤': '>', '<': '≥', '=': '≠', '!=': '=', '≠': '=' } as Record<string, string>)[op] ?? op;
}

function compare(op: string, l: Interval, r: Interval): Tri {
    const ge = (a: number, b: number): boolean => a >= b - EPSILON;
    const gt = (a: number, b: number): boolean => a > b + EPSILON;
    switch (op) {
        case '>=': case '≥': return ge(l.lo, r.hi) ? 'vrai' : !ge(l.hi, r.lo) ? 'faux' : 'inconnu';
        case '>': return gt(l.lo, r.hi) ? 'vrai' : !gt(l.hi, r.lo) ? 'faux' : 'inconnu';
        case '<=': case '≤': return ge(r.lo, l.hi) ? 'vrai' : !ge(r.hi, l.lo) ? 'faux' : 'inconnu';
        case '<': return gt(r.lo, l.hi) ? 'vrai' : !gt(r.hi, l.lo) ? 'faux' : 'inconnu';
        case '=': {
            if (Math.abs(l.lo - l.hi) < EPSILON && Math.abs(r.lo - r.hi) < EPSILON) return Math.abs(l.lo - r.lo) < EPSILON ? 'vrai' : 'faux';
            return gt(l.lo, r.hi) || gt(r.lo, l.hi) ? 'faux' : 'inconnu';
        }
        case '!=': case '≠': {
            const eq = compare('=', l, r);
            return eq === 'vrai' ? 'faux' : eq === 'faux' ? 'vrai' : 'inconnu';
        }
        default: return 'inconnu';
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
