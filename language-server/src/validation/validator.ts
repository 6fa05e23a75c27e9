import {
    AstUtils, GrammarAST, GrammarUtils, getDiagnosticRange,
    type AstNode, type Properties, type ValidationAcceptor, type ValidationChecks
} from 'langium';
import type { DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import { canonicalCode, suggest } from '../codes.js';
import { formatNumber } from '../i18n/locale.js';
import { msg } from '../i18n/messages.js';
import {
    isBloc, isCertification, isSocle,
    type Activite, type Bloc, type Certification, type Competence, type Condition, type Critere, type Document,
    type Epreuve, type Mesure, type Modalite, type Obtention, type ReferentielAstType
} from '../generated/ast.js';
import type { CodedElement, ReferentielModel, ReferentielModelProvider } from '../model/referentiel-model.js';
import type { ReferentielServices } from '../referentiel-module.js';
import { ownerDeclarationOf, ownerKeyOf } from '../workspace/owners.js';
import { capitalize } from './document-validator.js';
import { numberingOf, type NumberedElement } from './numbering.js';
import { checkCondition } from './rule-types.js';
import { KNOWN_NATURES, relatedMessage, ruleDefinition, ruleMessage, type RuleCode } from './rules.js';
import { astNodes, descendants } from '../model/ast-nodes.js';
import { single } from '../model/clauses.js';
import { hasPurpose, missingInfinitive, nearDuplicates, nonObservableVerb } from './redaction.js';

export function registerValidationChecks(services: ReferentielServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.ReferentielValidator;
    const checks: ValidationChecks<ReferentielAstType> = {
        Document: [validator.checkPlacement, validator.checkReferences, validator.checkDuplicateCodes],
        Certification: [validator.checkCertification],
        Bloc: [validator.checkBloc],
        Activite: [validator.checkActivite, validator.checkNumbering],
        Competence: [validator.checkCompetence, validator.checkNumbering],
        Modalite: [validator.checkModalite, validator.checkNumbering],
        Critere: [validator.checkCritere, validator.checkNumbering],
        Obtention: [validator.checkObtention],
        Epreuve: [validator.checkGrandeurUsed, validator.checkPlancher],
        Mesure: [validator.checkGrandeurUsed],
        Condition: [validator.checkCondition]
    };
    registry.register(checks, validator);
    const spelling = services.validation.SpellingValidator;
    registry.register<ReferentielAstType>({ Document: spelling.checkSpelling }, spelling);
}

/** Un endroit d'un nœud : la propriété (son nom est vérifié pour le type du nœud), l'élément d'une liste, un mot-clé. */
export interface Place<N extends AstNode> {
    readonly node: N;
    readonly property?: Properties<N>;
    readonly index?: number;
    readonly keyword?: string;
}

/** Un diagnostic de règle, en un seul objet vérifié par le compilateur. */
export interface RuleReport<N extends AstNode> extends Place<N> {
    readonly rule: RuleCode;
    /** Une plage explicite, quand ni la propriété ni le mot-clé ne la donnent. */
    readonly range?: Range;
    /** Les paramètres du message du catalogue. */
    readonly params: Record<string, string | number | undefined>;
    /** Ce que lisent les correctifs rapides (le code de la règle y est toujours). */
    readonly data?: Record<string, unknown>;
    /** Les autres endroits en cause (l'autre définition d'un code en double…). */
    readonly related?: readonly DiagnosticRelatedInformation[];
}

/** Un autre endroit en cause, pour `relatedInformation` : son document et la plage de l'endroit. */
export function relatedPlace<N extends AstNode>(place: Place<N>, message: string): DiagnosticRelatedInformation {
    return { location: { uri: AstUtils.getDocument(place.node).uri.toString(), range: getDiagnosticRange(place) }, message };
}

/** Les mots qui désignent une production accessible (et non « l'accessibilité des données »). */
const ACCESSIBLE = /\baccessibles?\b/i;

/**
 * Les règles de cohérence d'un référentiel. Chaque méthode est une petite vérification ;
 * celles qui portent sur le référentiel entier (doublons, couverture, numérotation) lisent
 * le modèle du référentiel, calculé une fois par construction.
 */
export class ReferentielValidator {
    private readonly models: ReferentielModelProvider;

    constructor(services: ReferentielServices) {
        this.models = services.referentiel.Models;
    }

    private model(node: AstNode): ReferentielModel | undefined {
        return this.models.forDocument(AstUtils.getDocument(node));
    }

    /**
     * Le seul chemin d'un diagnostic de règle : sévérité et message du catalogue, code de la règle
     * (aussi dans `data`, pour les correctifs rapides), autres endroits en `relatedInformation`.
     */
    private report<N extends AstNode>(accept: ValidationAcceptor, report: RuleReport<N>): void {
        const { rule, node, property, index, keyword, range, params, data, related } = report;
        accept(ruleDefinition(rule).severity, ruleMessage(rule, params), {
            node, property, index, keyword, range, code: rule,
            data: { code: rule, ...data },
            ...(related && related.length > 0 ? { relatedInformation: [...related] } : {})
        });
    }

    // --- Document -------------------------------------------------------------------------

    /** REF010 : compétence ou activité hors bloc dans une certification ; bloc ou obtention dans un socle. */
    checkPlacement = (document: Document, accept: ValidationAcceptor): void => {
        const owner = ownerDeclarationOf(document);
        if (!owner) return;
        const inSocle = isSocle(owner);
        for (const element of document.elements) {
            if (inSocle && isBloc(element)) {
                this.report(accept, { rule: 'REF010', node: element, property: 'name', params: { detail: msg('placement.inSocle') } });
            } else if (inSocle && element.$type === 'Obtention') {
                this.report(accept, { rule: 'REF010', node: element, keyword: 'obtention', params: { detail: msg('placement.inSocle') } });
            } else if (!inSocle && (element.$type === 'Competence' || element.$type === 'Activite')) {
                this.report(accept, { rule: 'REF010', node: element, property: 'name', params: { detail: msg(`placement.outsideBloc.${element.$type}`, { name: element.name }) } });
            }
        }
    };

    /** REF003 (référence écrite autrement que sa définition) et REF110 (référence répétée dans une liste). */
    checkReferences = (document: Document, accept: ValidationAcceptor): void => {
        const langiumDocument = AstUtils.getDocument(document);
        const model = this.model(document);
        const fixes = model ? numberingOf(model).fixes : undefined;
        for (const reference of langiumDocument.references) {
            const target = ('ref' in reference ? reference.ref : undefined) as CodedElement | undefined;
            const refNode = reference.$refNode;
            if (!target || !refNode || !('name' in target) || !target.name) continue;
            const corrected = fixes?.get(target as NumberedElement) ?? target.name;
            if (reference.$refText !== target.name && reference.$refText !== corrected) {
                this.report(accept, {
                    rule: 'REF003', node: refNode.astNode, range: refNode.range,
                    params: { name: reference.$refText, kind: msg(`kind.${target.$type}`), defined: target.name, fixed: corrected },
                    data: { fixed: corrected }
                });
            }
        }
        for (const node of descendants(document)) {
            for (const property of ['competences', 'activites', 'inclusions', 'socles'] as const) {
                const list = (node as unknown as Record<string, unknown>)[property];
                if (!Array.isArray(list) || list.length < 2 || !list[0] || typeof list[0] !== 'object' || !('$refText' in list[0])) continue;
                const seen = new Set<string>();
                list.forEach((ref: { $refText: string; $refNode?: { range: unknown } }, index: number) => {
                    const key = canonicalCode(ref.$refText);
                    if (seen.has(key)) {
                        this.report(accept, { rule: 'REF110', node, property, index, params: { name: ref.$refText } });
                    }
                    seen.add(key);
                });
            }
        }
    };

    /** REF004 : un code n'identifie qu'un élément dans un référentiel (tous fichiers). */
    checkDuplicateCodes = (document: Document, accept: ValidationAcceptor): void => {
        const model = this.model(document);
        if (!model) return;
        for (const node of astNodes(document)) {
            const name = (node as { name?: unknown }).name;
            if (typeof name !== 'string' || node.$type === 'Condition') continue;
            const same = model.byCode.get(canonicalCode(name));
            if (!same || same.length < 2) continue;
            const first = same.find(other => other !== node);
            if (!first) continue;
            // Le premier défini est « l'original » ; chaque autre est signalé, et l'original aussi
            // s'il est dans ce document, pour que les deux endroits soient visibles : chacun désigne
            // l'autre (relatedInformation).
            const params = { name, kind: msg(`kind.${first.$type}`), other: first.name, owner: model.code };
            this.report(accept, {
                rule: 'REF004', node, property: 'name', params,
                related: [relatedPlace({ node: first, property: 'name' }, relatedMessage('REF004', params))]
            });
        }
        // REF011 : un code de la certification qui porte le même code qu'un élément d'un socle utilisé :
        // les références iraient à l'élément de la certification, celui du socle serait inaccessible.
        if (model.certification && model.socles.length > 0) {
            for (const node of astNodes(document)) {
                const name = (node as { name?: unknown }).name;
                if (typeof name !== 'string' || node.$type === 'Condition' || isCertification(node)) continue;
                const key = canonicalCode(name);
                for (const socle of model.socles) {
                    const hidden = socle.byCode.get(key)?.find(e => !isSocle(e));
                    if (hidden) {
                        this.report(accept, { rule: 'REF011', node, property: 'name', params: { name, kind: msg(`kind.${hidden.$type}`), other: hidden.name, socle: socle.code } });
                        break;
                    }
                }
            }
        }
    };

    // --- Certification --------------------------------------------------------------------

    checkCertification = (certification: Certification, accept: ValidationAcceptor): void => {
        this.checkRepeated(certification, accept, ['rncp', 'niveau', 'enregistrement', 'statut', 'version',
            'identifiant', 'etat', 'partenaires', 'capacites', 'secteurs', 'emplois', 'objectifs', 'typeEnregistrement']);
        // REF012 : codes ROME et Formacode de la fiche.
        for (const rome of certification.romes) {
            if (!ROME_CODE.test(rome.code)) {
                this.report(accept, { rule: 'REF012', node: rome, property: 'code', params: { value: rome.code, kind: 'ROME', expected: msg('nomenclature.rome') } });
            }
        }
        for (const formacode of certification.formacodes) {
            if (!FORMACODE.test(formacode.code)) {
                this.report(accept, { rule: 'REF012', node: formacode, property: 'code', params: { value: formacode.code, kind: 'Formacode', expected: msg('nomenclature.formacode') } });
            }
        }
        const version = single(certification.version);
        if (version && !isValidDate(version)) {
            this.report(accept, { rule: 'REF009', node: certification, property: 'version', index: certification.version.length - 1, params: { detail: msg('dates.invalid', { value: version }) } });
        }
        if (certification.titre !== undefined && certification.titre.trim() === '') {
            this.report(accept, { rule: 'REF503', node: certification, property: 'titre', params: { kind: msg('kind.Certification'), name: certification.name } });
        }
        const niveau = single(certification.niveau);
        if (niveau !== undefined && (!Number.isInteger(niveau) || niveau < 1 || niveau > 8)) {
            this.report(accept, { rule: 'REF008', node: certification, property: 'niveau', params: { value: formatNumber(niveau) } });
        }
        const enregistrement = single(certification.enregistrement);
        if (enregistrement && enregistrement.debut) {
            for (const property of ['debut', 'fin'] as const) {
                const value = enregistrement[property];
                if (value && !isValidDate(value)) {
                    this.report(accept, { rule: 'REF009', node: enregistrement, property, params: { detail: msg('dates.invalid', { value }) } });
                }
            }
            if (enregistrement.fin && isValidDate(enregistrement.debut) && isValidDate(enregistrement.fin) && enregistrement.fin <= enregistrement.debut) {
                this.report(accept, { rule: 'REF009', node: enregistrement, property: 'fin', params: { detail: msg('dates.order', { debut: enregistrement.debut, fin: enregistrement.fin }) } });
            }
        }
        const model = this.model(certification);
        if (model && model.certification === certification && model.obtentions.length === 0) {
            this.report(accept, { rule: 'REF007', node: certification, property: 'name', params: { owner: certification.name } });
        }
    };

    // --- Blocs ----------------------------------------------------------------------------

    checkBloc = (bloc: Bloc, accept: ValidationAcceptor): void => {
        this.checkRepeated(bloc, accept, ['seuil']);
        this.checkText(bloc, bloc.titre, accept, 'titre');
        if (noPurposeInBloc(bloc)) {
            const count = bloc.competences.filter(c => (c.texte ?? '').trim() !== '').length;
            this.report(accept, { rule: 'REF602', node: bloc, property: 'name', params: { detail: msg('redaction.noPurpose.bloc', { name: bloc.name, count }) } });
        }
        const seuil = single(bloc.seuil);
        if (seuil && (seuil.pourcentage < 0 || seuil.pourcentage > 100)) {
            this.report(accept, { rule: 'REF304', node: seuil, property: 'pourcentage', params: { value: formatNumber(seuil.pourcentage) } });
        }
        const model = this.model(bloc);
        if (!model || model.socle) return;
        const competences = model.competencesOfBloc.get(bloc) ?? [];
        if (competences.length === 0) {
            this.report(accept, { rule: 'REF107', node: bloc, property: 'name', params: { name: bloc.name } });
        } else if (competences.every(c => (model.modalitesOf.get(c) ?? []).length === 0)) {
            this.report(accept, { rule: 'REF108', node: bloc, property: 'name', params: { name: bloc.name } });
        }
        // Compétences d'un socle incluses dans ce bloc : leur couverture se juge dans cette
        // certification (chaque certification qui utilise le socle les évalue à sa façon).
        bloc.inclusions.forEach((ref, index) => {
            const competence = ref.ref;
            if (!competence || isBloc(competence.$container) || model.blocOf.get(competence) !== bloc) return;
            if (bloc.inclusions.findIndex(r => r.ref === competence) !== index) return;
            this.checkCoverage(competence, model, accept, { node: bloc, property: 'inclusions', index });
        });
    };

    checkActivite = (activite: Activite, accept: ValidationAcceptor): void => {
        this.checkText(activite, activite.texte, accept, 'texte');
        if (activite.activites.length > 0) return; // une activité qui en regroupe d'autres
        const model = this.model(activite);
        if (!model || model.socle) return;
        if ((model.competencesOf.get(activite) ?? []).length === 0) {
            this.report(accept, { rule: 'REF103', node: activite, property: 'name', params: { name: activite.name } });
        }
    };

    // --- Compétences ----------------------------------------------------------------------

    checkCompetence = (competence: Competence, accept: ValidationAcceptor): void => {
        this.checkText(competence, competence.texte, accept, 'texte');
        this.checkWriting(competence, accept);
        const model = this.model(competence);
        if (!model || model.socle || !isBloc(competence.$container)) return;
        this.checkCoverage(competence, model, accept, { node: competence, property: 'name' });
    };

    /**
     * REF101, REF102, REF401 pour une compétence dans une certification : celle d'un de ses blocs
     * (signalée sur son code) ou celle d'un socle incluse par un bloc (signalée sur « inclut »).
     */
    private checkCoverage<N extends AstNode>(competence: Competence, model: ReferentielModel, accept: ValidationAcceptor, at: Place<N>): void {
        const modalites = model.modalitesOf.get(competence) ?? [];
        const criteres = model.criteresOf.get(competence) ?? [];
        const name = competence.name;
        if (modalites.length === 0) {
            this.report(accept, { rule: 'REF101', ...at, params: { name }, data: { competence: name } });
        } else if (criteres.length === 0) {
            this.report(accept, { rule: 'REF102', ...at, params: { name }, data: { competence: name } });
        }
        if (ACCESSIBLE.test(competence.texte ?? '') && !criteres.some(c => c.eliminatoire)) {
            this.report(accept, { rule: 'REF401', ...at, params: { name }, data: { competence: name } });
        }
        // REF604 : évaluée, mais seulement par des modalités d'autres blocs (le bloc ne s'évalue pas seul).
        const bloc = model.blocOf.get(competence);
        if (bloc && modalites.length > 0 && modalites.every(m => isBloc(m.$container) && m.$container !== bloc)) {
            this.report(accept, {
                rule: 'REF604', ...at, params: { name, bloc: bloc.name, modalites: modalites.map(m => m.name).join(', ') },
                related: modalites.map(m => relatedPlace({ node: m, property: 'name' }, relatedMessage('REF604', { name, modalites: m.name })))
            });
        }
    }

    /**
     * Rédaction d'une compétence (doctrine de France Compétences) : REF601 (verbe d'action à
     * l'infinitif), REF602 (finalité énoncée), REF605 (texte presque identique à une autre).
     */
    private checkWriting(competence: Competence, accept: ValidationAcceptor): void {
        const texte = competence.texte ?? '';
        if (texte.trim() === '') return;
        const word = missingInfinitive(texte);
        if (word !== undefined) {
            this.report(accept, { rule: 'REF601', node: competence, property: 'texte', params: { name: competence.name, word } });
        }
        // Un bloc dont aucune compétence n'a de finalité est signalé une fois, sur le bloc (checkBloc).
        if (!hasPurpose(texte) && !(isBloc(competence.$container) && noPurposeInBloc(competence.$container))) {
            this.report(accept, { rule: 'REF602', node: competence, property: 'texte', params: { detail: msg('redaction.noPurpose.competence', { name: competence.name }) } });
        }
        const model = this.model(competence);
        const duplicate = model && duplicatesOf(model).get(competence);
        if (duplicate) {
            const params = { name: competence.name, other: duplicate.of.name, percent: Math.round(duplicate.similarity * 100) };
            this.report(accept, {
                rule: 'REF605', node: competence, property: 'texte', params,
                related: [relatedPlace({ node: duplicate.of, property: 'texte' }, relatedMessage('REF605', params))]
            });
        }
    }

    // --- Modalités et critères ------------------------------------------------------------

    checkModalite = (modalite: Modalite, accept: ValidationAcceptor): void => {
        this.checkRepeated(modalite, accept, ['nature', 'consigne', 'jury', 'seul', 'enEquipe']);
        this.checkText(modalite, modalite.titre, accept, 'titre');
        if (modalite.seul.length > 0 && modalite.enEquipe.length > 0) {
            this.report(accept, { rule: 'REF502', node: modalite, property: 'name', params: { name: modalite.name } });
        }
        if (modalite.competences.length === 0) {
            this.report(accept, { rule: 'REF109', node: modalite, property: 'name', params: { name: modalite.name } });
        }
        const declaredNature = single(modalite.nature);
        if (declaredNature !== undefined) {
            const nature = declaredNature.trim().toLowerCase();
            if (!KNOWN_NATURES.includes(nature)) {
                const close = suggest(nature, KNOWN_NATURES, 1);
                const suggestion = close.length > 0 ? ' ' + msg('link.didYouMean', { names: `« ${close[0]} »` }) : '';
                // La correction proposée (correctif rapide) : le texte entier, guillemets compris.
                this.report(accept, {
                    rule: 'REF501', node: modalite, property: 'nature', index: modalite.nature.length - 1, params: { value: declaredNature, suggestion },
                    data: { suggestions: close.map(nature => `"${nature}"`) }
                });
            }
        }
        const bloc = isBloc(modalite.$container) ? modalite.$container : undefined;
        const model = this.model(modalite);
        if (!bloc || !model || !model.certification) return;
        modalite.competences.forEach((ref, index) => {
            const competence = ref.ref;
            if (!competence) return;
            const other = model.blocOf.get(competence);
            if (other && other !== bloc) {
                this.report(accept, { rule: 'REF106', node: modalite, property: 'competences', index, params: { name: modalite.name, bloc: bloc.name, competence: competence.name, other: other.name } });
            } else if (!other && !isBloc(competence.$container) && ownerKeyOf(AstUtils.getDocument(competence)) !== model.key) {
                // Une compétence de socle que la certification n'inclut dans aucun bloc.
                this.report(accept, { rule: 'REF111', node: modalite, property: 'competences', index, params: { name: modalite.name, competence: competence.name, owner: model.code, bloc: bloc.name }, data: { competence: competence.name } });
            }
        });
    };

    checkCritere = (critere: Critere, accept: ValidationAcceptor): void => {
        this.checkText(critere, critere.texte, accept, 'texte');
        const unobservable = nonObservableVerb(critere.texte ?? '');
        if (unobservable) {
            this.report(accept, { rule: 'REF603', node: critere, property: 'texte', params: { name: critere.name, ...unobservable } });
        }
        if (critere.competences.length === 0) {
            this.report(accept, { rule: 'REF104', node: critere, property: 'name', params: { name: critere.name } });
            return;
        }
        const modalite = critere.$container;
        const assessed = new Set(modalite.competences.map(r => r.ref).filter(Boolean));
        critere.competences.forEach((ref, index) => {
            if (ref.ref && !assessed.has(ref.ref)) {
                this.report(accept, { rule: 'REF105', node: critere, property: 'competences', index, params: { name: critere.name, competence: ref.$refText, modalite: modalite.name }, data: { competence: ref.ref.name, modalite: modalite.name } });
            }
        });
    };

    // --- Numérotation ---------------------------------------------------------------------

    checkNumbering = (element: NumberedElement, accept: ValidationAcceptor): void => {
        const model = this.model(element);
        if (!model) return;
        const report = numberingOf(model);
        for (const issue of report.issues.get(element) ?? []) {
            const fixed = report.fixes.get(element);
            this.report(accept, { rule: issue.code, node: element, property: 'name', params: issue.params, data: fixed ? { fixed } : undefined });
        }
    };

    // --- Règles d'obtention ---------------------------------------------------------------

    checkObtention = (obtention: Obtention, accept: ValidationAcceptor): void => {
        this.checkRepeated(obtention, accept, ['seuilBlocs', 'seuilCompetences', 'acquisBlocs', 'amenagement']);
        for (const seuil of [single(obtention.seuilBlocs), single(obtention.seuilCompetences)]) {
            if (seuil && (seuil.pourcentage < 0 || seuil.pourcentage > 100)) {
                this.report(accept, { rule: 'REF304', node: seuil, property: 'pourcentage', params: { value: formatNumber(seuil.pourcentage) } });
            }
        }
        const model = this.model(obtention);
        if (!model) return;
        if (model.obtentions.length > 1 && model.obtentions[0] !== obtention) {
            const params = { owner: model.code };
            this.report(accept, {
                rule: 'REF006', node: obtention, params,
                related: [relatedPlace({ node: model.obtentions[0], keyword: 'obtention' }, relatedMessage('REF006', params))]
            });
        }
        if (obtention.conditions.length === 0) {
            this.report(accept, { rule: 'REF308', node: obtention, params: { owner: model.code } });
        }
    };

    checkGrandeurUsed = (grandeur: Epreuve | Mesure, accept: ValidationAcceptor): void => {
        const model = this.model(grandeur);
        // L'épreuve d'une modalité est utilisée par sa situation d'évaluation (plancher du bloc).
        if (model && !model.usedGrandeurs.has(grandeur) && !(grandeur.$type === 'Epreuve' && grandeur.$container.$type === 'Modalite')) {
            this.report(accept, { rule: 'REF302', node: grandeur, property: 'name', params: { kind: capitalize(msg(`kind.${grandeur.$type}`)), name: grandeur.name } });
        }
        if (grandeur.$type === 'Epreuve' && !(grandeur.bareme > 0)) {
            this.report(accept, { rule: 'REF303', node: grandeur, property: 'bareme', params: { detail: msg('type.scalePositive') } });
        }
    };

    /** REF309 : le plancher d'une épreuve hors de son barème. */
    checkPlancher = (epreuve: Epreuve, accept: ValidationAcceptor): void => {
        if (epreuve.plancher === undefined || !(epreuve.bareme > 0)) return;
        if (epreuve.plancher < 0 || epreuve.plancher > epreuve.bareme) {
            this.report(accept, {
                rule: 'REF309', node: epreuve, property: 'plancher',
                params: { value: formatNumber(epreuve.plancher), name: epreuve.name, scale: formatNumber(epreuve.bareme) },
                data: { replacement: String(Math.min(Math.max(epreuve.plancher, 0), epreuve.bareme)) }
            });
        }
    };

    checkCondition = (condition: Condition, accept: ValidationAcceptor): void => {
        if (!condition.expression) return;
        const model = this.model(condition);
        const { problems } = checkCondition(condition.expression, model?.blocs.length ?? Infinity);
        for (const problem of problems) {
            this.report(accept, { rule: problem.code, node: problem.node, params: problem.params, ...(problem.data ? { data: problem.data } : {}) });
        }
    };

    // --- Utilitaires ----------------------------------------------------------------------

    /**
     * REF005 : une propriété à valeur unique écrite plusieurs fois (seule la dernière est lue).
     * Chaque répétition après la première est signalée, du mot-clé à la valeur.
     */
    private checkRepeated<N extends AstNode>(node: N, accept: ValidationAcceptor, properties: ReadonlyArray<keyof N & string>): void {
        for (const property of properties) {
            const values = node[property] as unknown[];
            for (let index = 1; index < values.length; index++) {
                this.report(accept, { rule: 'REF005', node, range: repeatedRange(node, property, index), params: { property: PROPERTY_LABELS[property] ?? property } });
            }
        }
    }

    /** REF503 : texte vide. */
    private checkText<N extends Activite | Competence | Critere | Bloc | Modalite>(node: N, texte: string | undefined, accept: ValidationAcceptor, property: Properties<N>): void {
        if (texte !== undefined && texte.trim() === '') {
            this.report(accept, { rule: 'REF503', node, property, params: { kind: msg(`kind.${node.$type}`), name: node.name } });
        }
    }
}

/** REF605 : les compétences presque identiques d'un référentiel, calculées une fois par modèle. */
const DUPLICATES = new WeakMap<ReferentielModel, ReadonlyMap<Competence, { of: Competence; similarity: number }>>();

function duplicatesOf(model: ReferentielModel): ReadonlyMap<Competence, { of: Competence; similarity: number }> {
    let found = DUPLICATES.get(model);
    if (!found) {
        const competences = model.competences;
        found = new Map(nearDuplicates(competences.map(c => c.texte ?? ''))
            .map(d => [competences[d.index], { of: competences[d.of], similarity: d.similarity }] as const));
        DUPLICATES.set(model, found);
    }
    return found;
}

/**
 * REF602 : un bloc d'au moins deux compétences dont aucune n'énonce sa finalité (un style
 * d'écriture, pas un oubli) est signalé une fois, sur le bloc, plutôt que compétence par compétence.
 */
const NO_PURPOSE = new WeakMap<Bloc, boolean>();

function noPurposeInBloc(bloc: Bloc): boolean {
    let none = NO_PURPOSE.get(bloc);
    if (none === undefined) {
        const texts = bloc.competences.map(c => c.texte ?? '').filter(t => t.trim() !== '');
        none = texts.length >= 2 && !texts.some(hasPurpose);
        NO_PURPOSE.set(bloc, none);
    }
    return none;
}

/** Comment une propriété s'écrit, pour les messages de REF005. */
const PROPERTY_LABELS: Record<string, string> = {
    rncp: 'rncp', niveau: 'niveau', enregistrement: 'enregistrement', statut: 'statut', version: 'version du',
    identifiant: 'identifiant', etat: 'état', partenaires: 'partenaires', capacites: 'capacités', secteurs: 'secteurs',
    emplois: 'emplois', objectifs: 'objectifs', typeEnregistrement: 'enregistrement de droit / sur demande',
    seuil: 'validé si … % des compétences acquises',
    nature: 'nature', consigne: 'consigne', jury: 'jury', seul: 'seul', enEquipe: 'en équipe',
    seuilBlocs: 'bloc validé si …', seuilCompetences: 'compétence acquise si …', acquisBlocs: 'blocs acquis …', amenagement: 'aménagement'
};

/** Les mots-clés qui précèdent la valeur d'une propriété (« niveau 7 ») : la plage va du mot-clé à la valeur. */
const LEADING_KEYWORD: Record<string, string> = {
    rncp: 'rncp', niveau: 'niveau', statut: 'statut', version: 'version', nature: 'nature', consigne: 'consigne', seuilBlocs: 'bloc',
    identifiant: 'identifiant', etat: 'état', partenaires: 'partenaires', capacites: 'capacités', secteurs: 'secteurs', emplois: 'emplois', objectifs: 'objectifs'
};

function repeatedRange(node: AstNode, property: string, index: number): Range | undefined {
    const occurrence = node.$cstNode && GrammarUtils.findNodesForProperty(node.$cstNode, property)[index];
    if (!occurrence) return undefined;
    const siblings = occurrence.container?.content ?? [];
    const position = siblings.indexOf(occurrence);
    let start = occurrence;
    let end = occurrence;
    const previous = siblings[position - 1];
    if (previous && GrammarAST.isKeyword(previous.grammarSource) && previous.text === LEADING_KEYWORD[property]) {
        start = previous;
    }
    const next = siblings[position + 1];
    if (property === 'enEquipe' && next && next.text === 'équipe') {
        end = next;
    }
    return { start: start.range.start, end: end.range.end };
}

/** Un code ROME (France Travail) : une lettre de A à N, quatre chiffres (« M1805 »). */
const ROME_CODE = /^[A-N]\d{4}$/;
/** Un code Formacode (Centre Inffo) : cinq chiffres (« 31090 »). */
const FORMACODE = /^\d{5}$/;

function isValidDate(value: string | undefined): boolean {
    if (!value) return false;
    const date = new Date(value + 'T00:00:00Z');
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

