import { AstUtils, GrammarUtils, type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { canonicalCode, suggest } from '../codes.js';
import { formatNumber } from '../i18n/locale.js';
import { msg } from '../i18n/messages.js';
import {
    isAppartenance, isBloc, isSocle,
    type Activite, type Bloc, type Certification, type Competence, type Condition, type Critere, type Document,
    type Epreuve, type Mesure, type Modalite, type Obtention, type ReferentielAstType
} from '../generated/ast.js';
import type { CodedElement, ReferentielModel, ReferentielModelProvider } from '../model/referentiel-model.js';
import type { ReferentielServices } from '../referentiel-module.js';
import { capitalize } from './document-validator.js';
import { numberingOf, type NumberedElement } from './numbering.js';
import { RuleTypeChecker } from './rule-types.js';
import { KNOWN_NATURES, RULES_BY_CODE, ruleMessage } from './rules.js';

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
        Epreuve: [validator.checkGrandeurUsed],
        Mesure: [validator.checkGrandeurUsed],
        Condition: [validator.checkCondition]
    };
    registry.register(checks, validator);
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

    private report(accept: ValidationAcceptor, code: string, node: AstNode, params: Record<string, string | number | undefined>, property?: string, data?: Record<string, unknown>, index?: number): void {
        accept(RULES_BY_CODE.get(code)?.severity ?? 'error', ruleMessage(code, params), {
            node, property: property as never, index, code,
            data: { code, ...data }
        });
    }

    // --- Document -------------------------------------------------------------------------

    /** REF010 : compétence ou activité hors bloc dans une certification ; bloc ou obtention dans un socle. */
    checkPlacement = (document: Document, accept: ValidationAcceptor): void => {
        const header = document.entete;
        const owner = isAppartenance(header) ? header.proprietaire?.ref : header;
        if (!owner) return;
        const inSocle = isSocle(owner);
        for (const element of document.elements) {
            if (inSocle && (isBloc(element) || element.$type === 'Obtention')) {
                this.report(accept, 'REF010', element, { detail: msg('placement.inSocle') });
            } else if (!inSocle && (element.$type === 'Competence' || element.$type === 'Activite')) {
                this.report(accept, 'REF010', element, { detail: msg('placement.outsideBloc', { name: (element as Competence).name }) }, 'name');
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
                accept('warning', ruleMessage('REF003', { name: reference.$refText, kind: msg(`kind.${target.$type}`), defined: target.name }), {
                    node: refNode.astNode, range: refNode.range, code: 'REF003',
                    data: { code: 'REF003', fixed: corrected }
                });
            }
        }
        for (const node of AstUtils.streamAllContents(document)) {
            for (const property of ['competences', 'activites', 'inclusions', 'socles'] as const) {
                const list = (node as unknown as Record<string, unknown>)[property];
                if (!Array.isArray(list) || list.length < 2 || !list[0] || typeof list[0] !== 'object' || !('$refText' in list[0])) continue;
                const seen = new Set<string>();
                list.forEach((ref: { $refText: string; $refNode?: { range: unknown } }, index: number) => {
                    const key = canonicalCode(ref.$refText);
                    if (seen.has(key)) {
                        this.report(accept, 'REF110', node, { name: ref.$refText }, property, undefined, index);
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
        const langiumDocument = AstUtils.getDocument(document);
        for (const node of AstUtils.streamAst(document)) {
            const name = (node as { name?: unknown }).name;
            if (typeof name !== 'string' || node.$type === 'Condition') continue;
            const same = model.byCode.get(canonicalCode(name));
            if (!same || same.length < 2) continue;
            const first = same.find(other => other !== node);
            if (!first) continue;
            // Le premier défini est « l'original » ; chaque autre est signalé, et l'original aussi
            // s'il est dans ce document, pour que les deux endroits soient visibles.
            const otherDocument = AstUtils.getDocument(first);
            const line = (first.$cstNode?.range.start.line ?? 0) + 1;
            const location = otherDocument === langiumDocument ? msg('location.line', { line }) : msg('location.fileLine', { file: basename(otherDocument.uri.path), line });
            this.report(accept, 'REF004', node, { name, kind: msg(`kind.${first.$type}`), other: first.name, location, owner: model.code }, 'name');
        }
    };

    // --- Certification --------------------------------------------------------------------

    checkCertification = (certification: Certification, accept: ValidationAcceptor): void => {
        this.checkRepeated(certification, accept, ['rncp', 'niveau', 'enregistrement', 'statut']);
        if (certification.niveau !== undefined && (!Number.isInteger(certification.niveau) || certification.niveau < 1 || certification.niveau > 8)) {
            this.report(accept, 'REF008', certification, { value: formatNumber(certification.niveau) }, 'niveau');
        }
        const enregistrement = certification.enregistrement;
        if (enregistrement) {
            for (const property of ['debut', 'fin'] as const) {
                const value = enregistrement[property];
                if (value && !isValidDate(value)) {
                    this.report(accept, 'REF009', enregistrement, { detail: msg('dates.invalid', { value }) }, property);
                }
            }
            if (enregistrement.fin && isValidDate(enregistrement.debut) && isValidDate(enregistrement.fin) && enregistrement.fin <= enregistrement.debut) {
                this.report(accept, 'REF009', enregistrement, { detail: msg('dates.order', { debut: enregistrement.debut, fin: enregistrement.fin }) }, 'fin');
            }
        }
        const model = this.model(certification);
        if (model && model.certification === certification && model.obtentions.length === 0) {
            this.report(accept, 'REF007', certification, { owner: certification.name }, 'name');
        }
    };

    // --- Blocs ----------------------------------------------------------------------------

    checkBloc = (bloc: Bloc, accept: ValidationAcceptor): void => {
        this.checkRepeated(bloc, accept, ['validé']);
        if (bloc.seuil && (bloc.seuil.pourcentage < 0 || bloc.seuil.pourcentage > 100)) {
            this.report(accept, 'REF304', bloc.seuil, { value: formatNumber(bloc.seuil.pourcentage) }, 'pourcentage');
        }
        const model = this.model(bloc);
        if (!model) return;
        const competences = model.competencesOfBloc.get(bloc) ?? [];
        if (competences.length === 0) {
            this.report(accept, 'REF107', bloc, { name: bloc.name }, 'name');
        } else if (competences.every(c => (model.modalitesOf.get(c) ?? []).length === 0)) {
            this.report(accept, 'REF108', bloc, { name: bloc.name }, 'name');
        }
    };

    checkActivite = (activite: Activite, accept: ValidationAcceptor): void => {
        this.checkText(activite, activite.texte, accept);
        if (activite.activites.length > 0) return; // une activité qui en regroupe d'autres
        const model = this.model(activite);
        if (!model || model.socle) return;
        if ((model.competencesOf.get(activite) ?? []).length === 0) {
            this.report(accept, 'REF103', activite, { name: activite.name }, 'name');
        }
    };

    // --- Compétences ----------------------------------------------------------------------

    checkCompetence = (competence: Competence, accept: ValidationAcceptor): void => {
        this.checkText(competence, competence.texte, accept);
        const model = this.model(competence);
        if (!model || model.socle || !isBloc(competence.$container)) return;
        const modalites = model.modalitesOf.get(competence) ?? [];
        const criteres = model.criteresOf.get(competence) ?? [];
        if (modalites.length === 0) {
            this.report(accept, 'REF101', competence, { name: competence.name }, 'name', { competence: competence.name });
        } else if (criteres.length === 0) {
            this.report(accept, 'REF102', competence, { name: competence.name }, 'name');
        }
        if (ACCESSIBLE.test(competence.texte ?? '') && !criteres.some(c => c.eliminatoire)) {
            this.report(accept, 'REF401', competence, { name: competence.name }, 'name');
        }
    };

    // --- Modalités et critères ------------------------------------------------------------

    checkModalite = (modalite: Modalite, accept: ValidationAcceptor): void => {
        this.checkRepeated(modalite, accept, ['nature', 'consigne', 'jury', 'seul', 'en']);
        if (modalite.seul && modalite.enEquipe) {
            this.report(accept, 'REF502', modalite, { name: modalite.name }, 'name');
        }
        if (modalite.competences.length === 0) {
            this.report(accept, 'REF109', modalite, { name: modalite.name }, 'name');
        }
        if (modalite.nature !== undefined) {
            const nature = modalite.nature.trim().toLowerCase();
            if (!KNOWN_NATURES.includes(nature)) {
                const close = suggest(nature, KNOWN_NATURES, 1);
                const suggestion = close.length > 0 ? ' ' + msg('link.didYouMean', { names: `« ${close[0]} »` }) : '';
                this.report(accept, 'REF501', modalite, { value: modalite.nature, suggestion }, 'nature');
            }
        }
        const bloc = isBloc(modalite.$container) ? modalite.$container : undefined;
        const model = this.model(modalite);
        if (!bloc || !model) return;
        modalite.competences.forEach((ref, index) => {
            const competence = ref.ref;
            if (!competence) return;
            const other = model.blocOf.get(competence);
            if (other && other !== bloc) {
                this.report(accept, 'REF106', modalite, { name: modalite.name, bloc: bloc.name, competence: competence.name, other: other.name }, 'competences', undefined, index);
            }
        });
    };

    checkCritere = (critere: Critere, accept: ValidationAcceptor): void => {
        this.checkText(critere, critere.texte, accept);
        if (critere.competences.length === 0) {
            this.report(accept, 'REF104', critere, { name: critere.name }, 'name');
            return;
        }
        const modalite = critere.$container;
        const assessed = new Set(modalite.competences.map(r => r.ref).filter(Boolean));
        critere.competences.forEach((ref, index) => {
            if (ref.ref && !assessed.has(ref.ref)) {
                this.report(accept, 'REF105', critere, { name: critere.name, competence: ref.$refText, modalite: modalite.name }, 'competences', { competence: ref.ref.name, modalite: modalite.name }, index);
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
            this.report(accept, issue.code, element, issue.params, 'name', fixed ? { fixed } : undefined);
        }
    };

    // --- Règles d'obtention ---------------------------------------------------------------

    checkObtention = (obtention: Obtention, accept: ValidationAcceptor): void => {
        this.checkRepeated(obtention, accept, ['bloc', 'blocs', 'aménagement']);
        if (obtention.seuilBlocs && (obtention.seuilBlocs.pourcentage < 0 || obtention.seuilBlocs.pourcentage > 100)) {
            this.report(accept, 'REF304', obtention.seuilBlocs, { value: formatNumber(obtention.seuilBlocs.pourcentage) }, 'pourcentage');
        }
        const model = this.model(obtention);
        if (!model) return;
        if (model.obtentions.length > 1 && model.obtentions[0] !== obtention) {
            const first = model.obtentions[0];
            const firstDocument = AstUtils.getDocument(first);
            const line = (first.$cstNode?.range.start.line ?? 0) + 1;
            this.report(accept, 'REF006', obtention, { owner: model.code, location: msg('location.fileLine', { file: basename(firstDocument.uri.path), line }) });
        }
        if (obtention.conditions.length === 0) {
            this.report(accept, 'REF308', obtention, { owner: model.code });
        }
    };

    checkGrandeurUsed = (grandeur: Epreuve | Mesure, accept: ValidationAcceptor): void => {
        const model = this.model(grandeur);
        if (model && !model.usedGrandeurs.has(grandeur)) {
            this.report(accept, 'REF302', grandeur, { kind: capitalize(msg(`kind.${grandeur.$type}`)), name: grandeur.name }, 'name');
        }
        if (grandeur.$type === 'Epreuve' && !(grandeur.bareme > 0)) {
            this.report(accept, 'REF303', grandeur, { detail: msg('type.scalePositive') }, 'bareme');
        }
    };

    checkCondition = (condition: Condition, accept: ValidationAcceptor): void => {
        if (!condition.expression) return;
        const model = this.model(condition);
        const checker = new RuleTypeChecker(model?.blocs.length ?? Infinity);
        checker.checkCondition(condition.expression);
        for (const problem of checker.problems) {
            this.report(accept, problem.code, problem.node, problem.params);
        }
    };

    // --- Utilitaires ----------------------------------------------------------------------

    /** REF005 : une propriété à valeur unique écrite plusieurs fois (seule la dernière serait gardée). */
    private checkRepeated(node: AstNode, accept: ValidationAcceptor, keywords: string[]): void {
        const cst = node.$cstNode;
        if (!cst) return;
        for (const keyword of keywords) {
            const occurrences = GrammarUtils.findNodesForKeyword(cst, keyword).filter(k => k.astNode === node);
            for (const extra of occurrences.slice(1)) {
                accept('error', ruleMessage('REF005', { property: keyword === 'en' ? 'en équipe' : keyword }), {
                    node, range: extra.range, code: 'REF005', data: { code: 'REF005' }
                });
            }
        }
    }

    /** REF503 : texte vide. */
    private checkText(node: Activite | Competence | Critere, texte: string | undefined, accept: ValidationAcceptor): void {
        if (texte !== undefined && texte.trim() === '') {
            this.report(accept, 'REF503', node, { kind: msg(`kind.${node.$type}`), name: node.name }, 'texte');
        }
    }
}

function isValidDate(value: string | undefined): boolean {
    if (!value) return false;
    const date = new Date(value + 'T00:00:00Z');
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function basename(path: string): string {
    return path.slice(path.lastIndexOf('/') + 1);
}

