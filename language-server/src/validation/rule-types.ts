import type { AstNode } from 'langium';
import { formatNumber } from '../i18n/locale.js';
import { msg } from '../i18n/messages.js';
import {
    isAppel, isArithmeticExpression, isBlocValide, isComparaison, isCompetenceAcquise, isCritereSatisfait, isEpreuve, isFait, isLitteral,
    isLogicalExpression, isMesure, isNombreBlocs, isNon, isTousBlocs, isVariable,
    type Appel, type ArithmeticExpression, type Comparaison, type Expression, type Litteral
} from '../generated/ast.js';

/**
 * Types des expressions des règles d'obtention :
 * - booléen (une condition : `boolean`) ;
 * - note sur un barème (une épreuve, une moyenne d'épreuves) ;
 * - mesure dans une unité (mois, heures…) ;
 * - compte (`count` : nombre de blocs validés, nombre de conditions vraies) ;
 * - nombre sans unité (`number`), pourcentage (`percentage`) ; `unknown` quand une opérande manque ou est fautive.
 */
export type RuleType =
    | { kind: 'boolean' }
    /** Une note : de `min` (0 pour une épreuve, négatif pour une différence) à `scale`. */
    | { kind: 'note'; scale: number; min?: number }
    | { kind: 'mesure'; unit: string }
    | { kind: 'count'; max?: number }
    | { kind: 'number' }
    | { kind: 'percentage' }
    | { kind: 'unknown' };

export interface TypeProblem {
    readonly node: AstNode;
    readonly code: 'REF303' | 'REF304' | 'REF305' | 'REF306' | 'REF307' | 'REF310';
    readonly params: Record<string, string | number>;
    /** Ce que lit le correctif rapide (REF310 : le texte qui remplace la comparaison). */
    readonly data?: Record<string, unknown>;
    readonly property?: string;
}

const UNIT_ALIASES: Record<string, string> = {
    an: 'ans', ans: 'ans', année: 'ans', années: 'ans', annee: 'ans', annees: 'ans',
    mois: 'mois', semaine: 'semaines', semaines: 'semaines', jour: 'jours', jours: 'jours',
    heure: 'heures', heures: 'heures', h: 'heures'
};

export function normalizeUnit(unit: string): string {
    const lower = unit.toLowerCase();
    return UNIT_ALIASES[lower] ?? lower;
}

export function describeType(type: RuleType): string {
    switch (type.kind) {
        case 'boolean': return msg('type.booleen');
        case 'note': return msg('type.note', { scale: formatNumber(type.scale) });
        case 'mesure': return msg('type.mesure', { unit: type.unit });
        case 'count': return msg('type.compte');
        case 'number': return msg('type.nombre');
        case 'percentage': return msg('type.pourcentage');
        default: return msg('type.inconnu');
    }
}

interface Interval { lo: number; loIn: boolean; hi: number; hiIn: boolean }

/** Le type d'une expression et les problèmes trouvés en le calculant. */
export interface TypeInference {
    readonly type: RuleType;
    readonly problems: readonly TypeProblem[];
}

/**
 * Vérifie une condition : types compatibles, seuils dans le barème, pourcentages possibles,
 * fonctions bien employées, et conditions qui ne pourraient jamais être remplies.
 * Fonction pure : le résultat ne dépend que de l'expression et du nombre de blocs.
 */
export function checkCondition(expression: Expression, blocCount: number): TypeInference {
    const inference = new Inference(blocCount);
    const type = inference.infer(expression);
    if (type.kind !== 'boolean' && type.kind !== 'unknown') {
        inference.problems.push({ node: expression, code: 'REF303', params: { detail: msg('type.notACondition', { type: describeType(type) }) } });
    }
    if (type.kind === 'boolean') {
        inference.checkSatisfiable(expression);
    }
    return { type, problems: inference.problems };
}

/** Le type d'une expression (barème, unité…), et les problèmes de ses sous-expressions. Fonction pure. */
export function inferType(expression: Expression, blocCount: number): TypeInference {
    const inference = new Inference(blocCount);
    const type = inference.infer(expression);
    return { type, problems: inference.problems };
}

/** L'état d'un calcul de types : créé pour un appel de `checkCondition` ou `inferType`, jamais partagé. */
class Inference {
    readonly problems: TypeProblem[] = [];
    /** Le type de chaque expression, calculé une fois (les problèmes ne sont signalés qu'une fois). */
    private readonly types = new Map<Expression, RuleType>();
    /** Comparaisons dont le seuil est déjà signalé hors du barème (REF305) : pas de REF306 en plus. */
    private readonly outOfScale = new Set<Expression>();

    constructor(private readonly blocCount: number) { }

    infer(e: Expression | undefined): RuleType {
        // Arbre partiel (erreur de syntaxe) : une opérande peut manquer.
        if (!e) return { kind: 'unknown' };
        let type = this.types.get(e);
        if (!type) {
            type = this.compute(e);
            this.types.set(e, type);
        }
        return type;
    }

    private compute(e: Expression): RuleType {
        if (isLitteral(e)) {
            if (e.pourcent) {
                if (e.valeur < 0 || e.valeur > 100) {
                    this.problems.push({ node: e, code: 'REF304', params: { value: formatNumber(e.valeur) } });
                }
                return { kind: 'percentage' };
            }
            if (e.unite) {
                return { kind: 'mesure', unit: normalizeUnit(e.unite) };
            }
            return { kind: 'number' };
        }
        if (isVariable(e)) {
            const target = e.grandeur?.ref;
            if (isEpreuve(target)) return target.bareme > 0 ? { kind: 'note', scale: target.bareme } : { kind: 'unknown' };
            if (isMesure(target)) return { kind: 'mesure', unit: normalizeUnit(target.unite) };
            if (isFait(target)) return { kind: 'boolean' };
            return { kind: 'unknown' };
        }
        if (isTousBlocs(e) || isBlocValide(e) || isCompetenceAcquise(e) || isCritereSatisfait(e)) {
            return { kind: 'boolean' };
        }
        if (isNombreBlocs(e)) {
            return { kind: 'count', max: this.blocCount };
        }
        if (isNon(e)) {
            const operand = this.infer(e.operand);
            this.expectBoolean(e.operand, operand, 'non');
            return { kind: 'boolean' };
        }
        if (isLogicalExpression(e)) {
            const left = this.infer(e.left);
            const right = this.infer(e.right);
            this.expectBoolean(e.left, left, e.operator);
            this.expectBoolean(e.right, right, e.operator);
            return { kind: 'boolean' };
        }
        if (isArithmeticExpression(e)) {
            return this.arithmetic(e, this.infer(e.left), this.infer(e.right));
        }
        if (isComparaison(e)) {
            return this.comparison(e);
        }
        if (isAppel(e)) {
            return this.call(e);
        }
        return { kind: 'unknown' };
    }

    private expectBoolean(node: Expression, type: RuleType, operator: string): void {
        if (type.kind !== 'boolean' && type.kind !== 'unknown') {
            this.problems.push({ node, code: 'REF303', params: { detail: msg('type.expectedBoolean', { operator, type: describeType(type) }) } });
        }
    }

    private arithmetic(node: ArithmeticExpression, left: RuleType, right: RuleType): RuleType {
        const operator = node.operator;
        if (left.kind === 'unknown' || right.kind === 'unknown') return { kind: 'unknown' };
        const numeric = (t: RuleType): boolean => t.kind !== 'boolean';
        if (!numeric(left) || !numeric(right)) {
            this.problems.push({ node, code: 'REF303', params: { detail: msg('type.arithmeticOnBoolean', { operator }) } });
            return { kind: 'unknown' };
        }
        const constant = (t: RuleType): boolean => t.kind === 'number';
        const constantValue = (n: Expression): number | undefined => (isLitteral(n) && !n.pourcent && !n.unite ? n.valeur : undefined);
        if (operator === '+' || operator === '-') {
            if (left.kind === 'note' && right.kind === 'note') {
                // Les bornes suivent l'opération : memoire - soutenance va de -20 à 20.
                return operator === '+'
                    ? { kind: 'note', scale: left.scale + right.scale, min: minOf(left) + minOf(right) }
                    : { kind: 'note', scale: left.scale - minOf(right), min: minOf(left) - right.scale };
            }
            if (left.kind === 'note' || right.kind === 'note') {
                // Une note décalée d'une constante : memoire + 2 va de 2 à 22 ; une autre opérande
                // (nombre non littéral) rend les bornes inconnues.
                const note = (left.kind === 'note' ? left : right) as { kind: 'note'; scale: number; min?: number };
                const other = left.kind === 'note' ? right : left;
                const k = constantValue(left.kind === 'note' ? node.right : node.left);
                if (constant(other)) {
                    if (k === undefined) return { kind: 'number' };
                    if (left.kind === 'note') {
                        const shift = operator === '+' ? k : -k;
                        return { kind: 'note', scale: note.scale + shift, min: minOf(note) + shift };
                    }
                    return operator === '+'
                        ? { kind: 'note', scale: note.scale + k, min: minOf(note) + k }
                        : { kind: 'note', scale: k - minOf(note), min: k - note.scale };
                }
            }
            if (left.kind === 'mesure' && right.kind === 'mesure') {
                if (left.unit !== right.unit) {
                    this.problems.push({ node, code: 'REF303', params: { detail: msg('type.mixedUnits', { left: left.unit, right: right.unit }) } });
                    return { kind: 'unknown' };
                }
                return left;
            }
            if (constant(left)) return right;
            if (constant(right)) return left;
            if (left.kind === right.kind) return left;
            this.problems.push({ node, code: 'REF303', params: { detail: msg('type.incompatible', { left: describeType(left), right: describeType(right) }) } });
            return { kind: 'unknown' };
        }
        // * et / : seulement par un nombre sans unité.
        const k = constantValue(node.right);
        if (left.kind === 'note' && constant(right)) {
            if (k === undefined || k === 0) return { kind: 'number' };
            const factor = operator === '*' ? k : 1 / k;
            return { kind: 'note', scale: left.scale * factor, min: minOf(left) * factor };
        }
        if (constant(left) && right.kind === 'note' && operator === '*') {
            const k2 = constantValue(node.left);
            return k2 === undefined ? { kind: 'number' } : { kind: 'note', scale: right.scale * k2, min: minOf(right) * k2 };
        }
        if (constant(left) && constant(right)) return { kind: 'number' };
        if (constant(right) || constant(left)) return constant(right) ? left : right;
        this.problems.push({ node, code: 'REF303', params: { detail: msg('type.incompatible', { left: describeType(left), right: describeType(right) }) } });
        return { kind: 'unknown' };
    }

    private comparison(e: Comparaison): RuleType {
        const left = this.infer(e.left);
        const right = this.infer(e.right);
        // Un fait oui/non comparé à un nombre (« menee_a_terme = 1 ») : REF310, corrigé en « fait » ou « non fait ».
        const fact = factOf(e.left) ?? factOf(e.right);
        if (fact) {
            const other = factOf(e.left) ? e.right : e.left;
            const value = isLitteral(other) && !other.pourcent && !other.unite ? other.valeur : undefined;
            const positive = value === undefined ? undefined
                : (e.operator === '=' ? value !== 0 : e.operator === '!=' || e.operator === '≠' ? value === 0 : undefined);
            this.problems.push({
                node: e, code: 'REF310', params: { name: fact },
                ...(positive !== undefined ? { data: { replacement: positive ? fact : `non ${fact}` } } : {})
            });
            return { kind: 'boolean' };
        }
        if (left.kind === 'unknown' || right.kind === 'unknown') return { kind: 'boolean' };
        if (left.kind === 'boolean' || right.kind === 'boolean') {
            this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.compareBoolean') } });
            return { kind: 'boolean' };
        }
        const [variable, constantSide, constantType] = isLitteral(e.right) ? [left, e.right, right] : isLitteral(e.left) ? [right, e.left, left] : [undefined, undefined, undefined];
        if (variable && constantSide && isLitteral(constantSide) && constantType) {
            const value = constantSide.valeur;
            if (variable.kind === 'note') {
                if (constantType.kind === 'mesure' || constantType.kind === 'percentage') {
                    this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.incompatible', { left: describeType(variable), right: describeType(constantType) }) } });
                } else if (value < minOf(variable) || value > variable.scale) {
                    this.outOfScale.add(e);
                    this.problems.push({ node: constantSide, code: 'REF305', params: { value: formatNumber(value), name: textOf(isLitteral(e.right) ? e.left : e.right), min: formatNumber(minOf(variable)), scale: formatNumber(variable.scale) } });
                }
            } else if (variable.kind === 'mesure') {
                if (constantType.kind === 'mesure' && constantType.unit !== variable.unit) {
                    this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.mixedUnits', { left: variable.unit, right: constantType.unit }) } });
                } else if (constantType.kind === 'percentage') {
                    this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.incompatible', { left: describeType(variable), right: describeType(constantType) }) } });
                }
            } else if (variable.kind === 'count' && (constantType.kind === 'mesure' || constantType.kind === 'percentage')) {
                this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.incompatible', { left: describeType(variable), right: describeType(constantType) }) } });
            }
            return { kind: 'boolean' };
        }
        const compatible =
            (left.kind === 'note' && right.kind === 'note' && left.scale === right.scale) ||
            (left.kind === 'mesure' && right.kind === 'mesure' && left.unit === right.unit) ||
            (left.kind === right.kind && left.kind !== 'note' && left.kind !== 'mesure') ||
            left.kind === 'number' || right.kind === 'number';
        if (!compatible) {
            this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.incompatible', { left: describeType(left), right: describeType(right) }) } });
        }
        return { kind: 'boolean' };
    }

    private call(e: Appel): RuleType {
        const types = e.arguments.map(a => this.infer(a?.valeur));
        for (const argument of e.arguments) {
            if (!argument) continue;
            if (argument.coefficient !== undefined && !e.ponderee) {
                this.problems.push({ node: argument, code: 'REF307', params: { detail: msg('type.coefWithoutWeighted') } });
            }
            if (argument.coefficient !== undefined && argument.coefficient <= 0) {
                this.problems.push({ node: argument, code: 'REF307', params: { detail: msg('type.coefPositive') } });
            }
        }
        if (e.ponderee) {
            if (e.fonction !== 'moyenne') {
                this.problems.push({ node: e, code: 'REF307', params: { detail: msg('type.weightedOnlyAverage', { name: e.fonction }) } });
            } else if (e.arguments.some(a => a?.coefficient === undefined && !declaresCoefficient(a?.valeur))) {
                this.problems.push({ node: e, code: 'REF307', params: { detail: msg('type.weightedNeedsCoef') } });
            }
        }
        if (types.some(t => t.kind === 'unknown')) {
            return e.fonction === 'nombre' ? { kind: 'count', max: e.arguments.length } : { kind: 'unknown' };
        }
        if (e.fonction === 'nombre') {
            types.forEach((t, i) => { const valeur = e.arguments[i]?.valeur; if (valeur) this.expectBoolean(valeur, t, 'nombre'); });
            return { kind: 'count', max: e.arguments.length };
        }
        if (types.some(t => t.kind === 'boolean')) {
            this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.functionOnBoolean', { name: e.fonction }) } });
            return { kind: 'unknown' };
        }
        const notes = types.filter(t => t.kind === 'note') as Array<{ kind: 'note'; scale: number; min?: number }>;
        const mesures = types.filter(t => t.kind === 'mesure') as Array<{ kind: 'mesure'; unit: string }>;
        if (notes.length > 0 && mesures.length > 0) {
            this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.mixedInFunction', { name: e.fonction }) } });
            return { kind: 'unknown' };
        }
        if (notes.length > 0) {
            const scales = new Set(notes.map(n => n.scale));
            if (scales.size > 1) {
                this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.mixedScales', { name: e.fonction, scales: [...scales].map(s => formatNumber(s)).join(', ') }) } });
                return { kind: 'unknown' };
            }
            const scale = notes[0].scale;
            return e.fonction === 'somme'
                ? { kind: 'note', scale: notes.reduce((sum, n) => sum + n.scale, 0), min: notes.reduce((sum, n) => sum + minOf(n), 0) }
                : { kind: 'note', scale, min: Math.min(...notes.map(minOf)) };
        }
        if (mesures.length > 0) {
            const units = new Set(mesures.map(m => m.unit));
            if (units.size > 1) {
                this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.mixedUnits', { left: [...units][0], right: [...units][1] }) } });
                return { kind: 'unknown' };
            }
            return mesures[0];
        }
        return types[0] ?? { kind: 'number' };
    }

    // --- Conditions impossibles ---------------------------------------------------------
    /**
     * Une comparaison hors du domaine de sa grandeur (une note > 20 sur 20, un nombre de blocs
     * supérieur au nombre de blocs), ou une conjonction dont les contraintes sur une même grandeur
     * se contredisent (« memoire > 12 et memoire < 10 »). On ne descend pas sous « non » :
     * la négation d'une contrainte impossible est toujours vraie, pas impossible.
     */
    checkSatisfiable(expression: Expression): void {
        const visit = (e: Expression | undefined): void => {
            if (!e) return;
            if (isLogicalExpression(e) && e.operator === 'et') {
                const constraints = new Map<string, Interval>();
                const reported = new Set<string>();
                for (const leaf of conjuncts(e)) {
                    if (!isComparaison(leaf)) {
                        visit(leaf);
                        continue;
                    }
                    const c = this.constraintOf(leaf);
                    if (!c) continue;
                    if (this.reportOutOfDomain(leaf, c)) {
                        reported.add(c.key);
                        continue;
                    }
                    const interval = intersect(constraints.get(c.key) ?? c.domain, c.interval);
                    if (isEmpty(interval) && !reported.has(c.key)) {
                        reported.add(c.key);
                        this.problems.push({ node: e, code: 'REF306', params: { detail: msg('type.contradiction', { name: c.key }) } });
                    }
                    constraints.set(c.key, interval);
                }
                return;
            }
            if (isComparaison(e)) {
                const c = this.constraintOf(e);
                if (c) this.reportOutOfDomain(e, c);
                return;
            }
            if (isLogicalExpression(e) && e.operator === 'ou') { visit(e.left); visit(e.right); }
        };
        visit(expression);
    }

    /** REF306 pour une comparaison impossible à elle seule ; vrai si elle l'est (même déjà signalée par REF305). */
    private reportOutOfDomain(e: Comparaison, c: { key: string; interval: Interval; domain: Interval }): boolean {
        if (!isEmpty(intersect(c.domain, c.interval))) return false;
        if (!this.outOfScale.has(e)) {
            this.problems.push({ node: e, code: 'REF306', params: { detail: msg('type.outOfDomain', { name: c.key, domain: describeInterval(c.domain) }) } });
        }
        return true;
    }

    private constraintOf(e: Expression): { key: string; interval: Interval; domain: Interval } | undefined {
        if (!isComparaison(e) || !e.left || !e.right) return undefined;
        let op: string = e.operator;
        let subject: Expression;
        let literal: Litteral;
        if (isLitteral(e.right) && !isLitteral(e.left)) {
            subject = e.left; literal = e.right;
        } else if (isLitteral(e.left) && !isLitteral(e.right)) {
            subject = e.right; literal = e.left; op = flip(op);
        } else {
            return undefined;
        }
        const value = literal.valeur;
        const type = this.infer(subject);
        if (type.kind === 'unknown' || type.kind === 'boolean') return undefined;
        // Seuil d'une autre nature (pourcentage, autre unité) : déjà signalé par REF303.
        if (literal.pourcent || (literal.unite && (type.kind !== 'mesure' || normalizeUnit(literal.unite) !== type.unit))) return undefined;
        const domain: Interval =
            type.kind === 'note' ? { lo: minOf(type), loIn: true, hi: type.scale, hiIn: true }
                : type.kind === 'count' ? { lo: 0, loIn: true, hi: type.max ?? Infinity, hiIn: true }
                    : type.kind === 'mesure' ? { lo: 0, loIn: true, hi: Infinity, hiIn: false }
                        : { lo: -Infinity, loIn: false, hi: Infinity, hiIn: false };
        const interval = intervalOf(op, value);
        if (!interval) return undefined;
        return { key: textOf(subject), interval, domain };
    }
}

/** Le code du fait qu'une expression désigne (« menee_a_terme »), sinon undefined. */
function factOf(e: Expression | undefined): string | undefined {
    return isVariable(e) && isFait(e.grandeur?.ref) ? e.grandeur.$refText : undefined;
}

/** L'argument est-il une épreuve qui déclare son coefficient (« épreuve … coefficient 2 ») ? */
function declaresCoefficient(e: Expression | undefined): boolean {
    const target = isVariable(e) ? e.grandeur?.ref : undefined;
    return isEpreuve(target) && target.coefficient !== undefined;
}

function minOf(note: { min?: number }): number {
    return note.min ?? 0;
}

function conjuncts(e: Expression): Expression[] {
    return isLogicalExpression(e) && e.operator === 'et' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

function flip(op: string): string {
    return ({ '>': '<', '<': '>', '>=': '<=', '<=': '>=', '≥': '≤', '≤': '≥' } as Record<string, string>)[op] ?? op;
}

function intervalOf(op: string, v: number): Interval | undefined {
    switch (op) {
        case '>=': case '≥': return { lo: v, loIn: true, hi: Infinity, hiIn: false };
        case '>': return { lo: v, loIn: false, hi: Infinity, hiIn: false };
        case '<=': case '≤': return { lo: -Infinity, loIn: false, hi: v, hiIn: true };
        case '<': return { lo: -Infinity, loIn: false, hi: v, hiIn: false };
        case '=': return { lo: v, loIn: true, hi: v, hiIn: true };
        default: return undefined;
    }
}

function intersect(a: Interval, b: Interval): Interval {
    const lo = a.lo > b.lo ? a : a.lo < b.lo ? b : { lo: a.lo, loIn: a.loIn && b.loIn };
    const hi = a.hi < b.hi ? a : a.hi > b.hi ? b : { hi: a.hi, hiIn: a.hiIn && b.hiIn };
    return { lo: lo.lo, loIn: lo.loIn, hi: hi.hi, hiIn: hi.hiIn };
}

function isEmpty(i: Interval): boolean {
    return i.lo > i.hi || (i.lo === i.hi && !(i.loIn && i.hiIn));
}

function describeInterval(i: Interval): string {
    return i.hi === Infinity
        ? msg('type.domain.positive')
        : msg('type.domain.range', { lo: formatNumber(i.lo), hi: formatNumber(i.hi) });
}

export function textOf(node: AstNode): string {
    return node.$cstNode?.text.replace(/\s+/g, ' ') ?? '';
}
