import type { AstNode } from 'langium';
import { formatNumber } from '../i18n/locale.js';
import { msg } from '../i18n/messages.js';
import {
    isAppel, isBinaire, isBlocValide, isComparaison, isEpreuve, isLitteral, isMesure, isNombreBlocs, isNon, isTousBlocs, isVariable,
    type Comparaison, type Expression
} from '../generated/ast.js';

/**
 * Types des expressions des règles d'obtention :
 * - booléen (une condition) ;
 * - note sur un barème (une épreuve, une moyenne d'épreuves) ;
 * - mesure dans une unité (mois, heures…) ;
 * - compte (nombre de blocs validés, nombre de conditions vraies) ;
 * - nombre sans unité, pourcentage.
 */
export type RuleType =
    | { kind: 'booleen' }
    | { kind: 'note'; scale: number }
    | { kind: 'mesure'; unit: string }
    | { kind: 'compte'; max?: number }
    | { kind: 'nombre' }
    | { kind: 'pourcentage' }
    | { kind: 'inconnu' };

export interface TypeProblem {
    readonly node: AstNode;
    readonly code: 'REF303' | 'REF304' | 'REF305' | 'REF306' | 'REF307';
    readonly params: Record<string, string | number>;
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
        case 'booleen': return msg('type.booleen');
        case 'note': return msg('type.note', { scale: formatNumber(type.scale) });
        case 'mesure': return msg('type.mesure', { unit: type.unit });
        case 'compte': return msg('type.compte');
        case 'nombre': return msg('type.nombre');
        case 'pourcentage': return msg('type.pourcentage');
        default: return msg('type.inconnu');
    }
}

interface Interval { lo: number; loIn: boolean; hi: number; hiIn: boolean }

/**
 * Vérifie une condition : types compatibles, seuils dans le barème, pourcentages possibles,
 * fonctions bien employées, et conditions qui ne pourraient jamais être remplies.
 */
export class RuleTypeChecker {
    readonly problems: TypeProblem[] = [];

    constructor(private readonly blocCount: number) { }

    checkCondition(expression: Expression): void {
        const type = this.infer(expression);
        if (type.kind !== 'booleen' && type.kind !== 'inconnu') {
            this.problems.push({ node: expression, code: 'REF303', params: { detail: msg('type.notACondition', { type: describeType(type) }) } });
        }
        if (type.kind === 'booleen') {
            this.checkSatisfiable(expression);
        }
    }

    infer(e: Expression): RuleType {
        if (isLitteral(e)) {
            if (e.pourcent) {
                if (e.valeur < 0 || e.valeur > 100) {
                    this.problems.push({ node: e, code: 'REF304', params: { value: formatNumber(e.valeur) } });
                }
                return { kind: 'pourcentage' };
            }
            if (e.unite) {
                return { kind: 'mesure', unit: normalizeUnit(e.unite) };
            }
            return { kind: 'nombre' };
        }
        if (isVariable(e)) {
            const target = e.grandeur?.ref;
            if (isEpreuve(target)) return { kind: 'note', scale: target.bareme };
            if (isMesure(target)) return { kind: 'mesure', unit: normalizeUnit(target.unite) };
            return { kind: 'inconnu' };
        }
        if (isTousBlocs(e) || isBlocValide(e)) {
            return { kind: 'booleen' };
        }
        if (isNombreBlocs(e)) {
            return { kind: 'compte', max: this.blocCount };
        }
        if (isNon(e)) {
            const operand = this.infer(e.operande);
            this.expectBoolean(e.operande, operand, 'non');
            return { kind: 'booleen' };
        }
        if (isBinaire(e)) {
            const left = this.infer(e.gauche);
            const right = this.infer(e.droite);
            if (e.operateur === 'et' || e.operateur === 'ou') {
                this.expectBoolean(e.gauche, left, e.operateur);
                this.expectBoolean(e.droite, right, e.operateur);
                return { kind: 'booleen' };
            }
            return this.arithmetic(e, e.operateur, left, right);
        }
        if (isComparaison(e)) {
            return this.comparison(e);
        }
        if (isAppel(e)) {
            return this.call(e);
        }
        return { kind: 'inconnu' };
    }

    private expectBoolean(node: Expression, type: RuleType, operator: string): void {
        if (type.kind !== 'booleen' && type.kind !== 'inconnu') {
            this.problems.push({ node, code: 'REF303', params: { detail: msg('type.expectedBoolean', { operator, type: describeType(type) }) } });
        }
    }

    private arithmetic(node: Expression, operator: string, left: RuleType, right: RuleType): RuleType {
        if (left.kind === 'inconnu' || right.kind === 'inconnu') return { kind: 'inconnu' };
        const numeric = (t: RuleType): boolean => t.kind !== 'booleen';
        if (!numeric(left) || !numeric(right)) {
            this.problems.push({ node, code: 'REF303', params: { detail: msg('type.arithmeticOnBoolean', { operator }) } });
            return { kind: 'inconnu' };
        }
        const constant = (t: RuleType): boolean => t.kind === 'nombre';
        const constantValue = (n: Expression): number | undefined => (isLitteral(n) && !n.pourcent && !n.unite ? n.valeur : undefined);
        if (operator === '+' || operator === '-') {
            if (left.kind === 'note' && right.kind === 'note') {
                return { kind: 'note', scale: operator === '+' ? left.scale + right.scale : left.scale };
            }
            if (left.kind === 'mesure' && right.kind === 'mesure') {
                if (left.unit !== right.unit) {
                    this.problems.push({ node, code: 'REF303', params: { detail: msg('type.mixedUnits', { left: left.unit, right: right.unit }) } });
                    return { kind: 'inconnu' };
                }
                return left;
            }
            if (constant(left)) return right;
            if (constant(right)) return left;
            if (left.kind === right.kind) return left;
            this.problems.push({ node, code: 'REF303', params: { detail: msg('type.incompatible', { left: describeType(left), right: describeType(right) }) } });
            return { kind: 'inconnu' };
        }
        // * et / : seulement par un nombre sans unité.
        if (isBinaire(node)) {
            const k = constantValue(node.droite);
            if (left.kind === 'note' && constant(right)) {
                return k === undefined || k === 0 ? { kind: 'nombre' } : { kind: 'note', scale: operator === '*' ? left.scale * k : left.scale / k };
            }
            if (constant(left) && right.kind === 'note' && operator === '*') {
                const k2 = constantValue(node.gauche);
                return k2 === undefined ? { kind: 'nombre' } : { kind: 'note', scale: right.scale * k2 };
            }
        }
        if (constant(left) && constant(right)) return { kind: 'nombre' };
        if (constant(right) || constant(left)) return constant(right) ? left : right;
        this.problems.push({ node, code: 'REF303', params: { detail: msg('type.incompatible', { left: describeType(left), right: describeType(right) }) } });
        return { kind: 'inconnu' };
    }

    private comparison(e: Comparaison): RuleType {
        const left = this.infer(e.gauche);
        const right = this.infer(e.droite);
        if (left.kind === 'inconnu' || right.kind === 'inconnu') return { kind: 'booleen' };
        if (left.kind === 'booleen' || right.kind === 'booleen') {
            this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.compareBoolean') } });
            return { kind: 'booleen' };
        }
        const [variable, constantSide, constantType] = isLitteral(e.droite) ? [left, e.droite, right] : isLitteral(e.gauche) ? [right, e.gauche, left] : [undefined, undefined, undefined];
        if (variable && constantSide && isLitteral(constantSide) && constantType) {
            const value = constantSide.valeur;
            if (variable.kind === 'note') {
                if (constantType.kind === 'mesure' || constantType.kind === 'pourcentage') {
                    this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.incompatible', { left: describeType(variable), right: describeType(constantType) }) } });
                } else if (value < 0 || value > variable.scale) {
                    this.problems.push({ node: constantSide, code: 'REF305', params: { value: formatNumber(value), name: textOf(isLitteral(e.droite) ? e.gauche : e.droite), scale: formatNumber(variable.scale) } });
                }
            } else if (variable.kind === 'mesure') {
                if (constantType.kind === 'mesure' && constantType.unit !== variable.unit) {
                    this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.mixedUnits', { left: variable.unit, right: constantType.unit }) } });
                } else if (constantType.kind === 'pourcentage') {
                    this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.incompatible', { left: describeType(variable), right: describeType(constantType) }) } });
                }
            } else if (variable.kind === 'compte' && (constantType.kind === 'mesure' || constantType.kind === 'pourcentage')) {
                this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.incompatible', { left: describeType(variable), right: describeType(constantType) }) } });
            }
            return { kind: 'booleen' };
        }
        const compatible =
            (left.kind === 'note' && right.kind === 'note' && left.scale === right.scale) ||
            (left.kind === 'mesure' && right.kind === 'mesure' && left.unit === right.unit) ||
            (left.kind === right.kind && left.kind !== 'note' && left.kind !== 'mesure') ||
            left.kind === 'nombre' || right.kind === 'nombre';
        if (!compatible) {
            this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.incompatible', { left: describeType(left), right: describeType(right) }) } });
        }
        return { kind: 'booleen' };
    }

    private call(e: Expression & { fonction: string; ponderee: boolean; arguments: Array<{ valeur: Expression; coefficient?: number }> }): RuleType {
        const types = e.arguments.map(a => this.infer(a.valeur));
        for (const argument of e.arguments) {
            if (argument.coefficient !== undefined && !e.ponderee) {
                this.problems.push({ node: argument as unknown as AstNode, code: 'REF307', params: { detail: msg('type.coefWithoutWeighted') } });
            }
            if (argument.coefficient !== undefined && argument.coefficient <= 0) {
                this.problems.push({ node: argument as unknown as AstNode, code: 'REF307', params: { detail: msg('type.coefPositive') } });
            }
        }
        if (e.ponderee) {
            if (e.fonction !== 'moyenne') {
                this.problems.push({ node: e, code: 'REF307', params: { detail: msg('type.weightedOnlyAverage', { name: e.fonction }) } });
            } else if (e.arguments.some(a => a.coefficient === undefined)) {
                this.problems.push({ node: e, code: 'REF307', params: { detail: msg('type.weightedNeedsCoef') } });
            }
        }
        if (types.some(t => t.kind === 'inconnu')) {
            return e.fonction === 'nombre' ? { kind: 'compte', max: e.arguments.length } : { kind: 'inconnu' };
        }
        if (e.fonction === 'nombre') {
            types.forEach((t, i) => this.expectBoolean(e.arguments[i].valeur, t, 'nombre'));
            return { kind: 'compte', max: e.arguments.length };
        }
        if (types.some(t => t.kind === 'booleen')) {
            this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.functionOnBoolean', { name: e.fonction }) } });
            return { kind: 'inconnu' };
        }
        const notes = types.filter(t => t.kind === 'note') as Array<{ kind: 'note'; scale: number }>;
        const mesures = types.filter(t => t.kind === 'mesure') as Array<{ kind: 'mesure'; unit: string }>;
        if (notes.length > 0 && mesures.length > 0) {
            this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.mixedInFunction', { name: e.fonction }) } });
            return { kind: 'inconnu' };
        }
        if (notes.length > 0) {
            const scales = new Set(notes.map(n => n.scale));
            if (scales.size > 1) {
                this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.mixedScales', { name: e.fonction, scales: [...scales].map(s => formatNumber(s)).join(', ') }) } });
                return { kind: 'inconnu' };
            }
            const scale = notes[0].scale;
            return { kind: 'note', scale: e.fonction === 'somme' ? notes.reduce((sum, n) => sum + n.scale, 0) : scale };
        }
        if (mesures.length > 0) {
            const units = new Set(mesures.map(m => m.unit));
            if (units.size > 1) {
                this.problems.push({ node: e, code: 'REF303', params: { detail: msg('type.mixedUnits', { left: [...units][0], right: [...units][1] }) } });
                return { kind: 'inconnu' };
            }
            return mesures[0];
        }
        return types[0] ?? { kind: 'nombre' };
    }

    // --- Conditions impossibles ---------------------------------------------------------
    private checkSatisfiable(expression: Expression): void {
        // Pour chaque conjonction (et) : intersection des contraintes sur une même quantité.
        const visit = (e: Expression): void => {
            if (isBinaire(e) && e.operateur === 'et') {
                const constraints = new Map<string, { interval: Interval; domain: Interval }>();
                for (const leaf of conjuncts(e)) {
                    const c = this.constraintOf(leaf);
                    if (!c) continue;
                    const existing = constraints.get(c.key);
                    const interval = intersect(existing?.interval ?? c.domain, c.interval);
                    if (isEmpty(interval) && (!existing || !isEmpty(existing.interval))) {
                        this.problems.push({ node: e, code: 'REF306', params: { detail: msg('type.contradiction', { name: c.key }) } });
                    }
                    constraints.set(c.key, { interval, domain: c.domain });
                }
                conjuncts(e).forEach(child => { if (!(isComparaison(child))) visit(child); });
                return;
            }
            if (isComparaison(e)) {
                const c = this.constraintOf(e);
                if (c && isEmpty(intersect(c.domain, c.interval))) {
                    this.problems.push({ node: e, code: 'REF306', params: { detail: msg('type.outOfDomain', { name: c.key, domain: describeInterval(c.domain) }) } });
                }
                return;
            }
            if (isBinaire(e) && e.operateur === 'ou') { visit(e.gauche); visit(e.droite); return; }
            if (isNon(e)) { visit(e.operande); }
        };
        visit(expression);
    }

    private constraintOf(e: Expression): { key: string; interval: Interval; domain: Interval } | undefined {
        if (!isComparaison(e)) return undefined;
        let op: string = e.operateur;
        let subject: Expression;
        let value: number;
        if (isLitteral(e.droite) && !isLitteral(e.gauche)) {
            subject = e.gauche; value = e.droite.valeur;
        } else if (isLitteral(e.gauche) && !isLitteral(e.droite)) {
            subject = e.droite; value = e.gauche.valeur; op = flip(op);
        } else {
            return undefined;
        }
        const type = this.infer(subject);
        const domain: Interval =
            type.kind === 'note' ? { lo: 0, loIn: true, hi: type.scale, hiIn: true }
                : type.kind === 'compte' ? { lo: 0, loIn: true, hi: type.max ?? Infinity, hiIn: true }
                    : type.kind === 'mesure' ? { lo: 0, loIn: true, hi: Infinity, hiIn: false }
                        : { lo: -Infinity, loIn: false, hi: Infinity, hiIn: false };
        const interval = intervalOf(op, value);
        if (!interval) return undefined;
        return { key: textOf(subject), interval, domain };
    }
}

function conjuncts(e: Expression): Expression[] {
    return isBinaire(e) && e.operateur === 'et' ? [...conjuncts(e.gauche), ...conjuncts(e.droite)] : [e];
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
    return i.hi === Infinity ? `≥ ${formatNumber(i.lo)}` : `${formatNumber(i.lo)} – ${formatNumber(i.hi)}`;
}

export function textOf(node: AstNode): string {
    return node.$cstNode?.text.replace(/\s+/g, ' ') ?? '';
}
