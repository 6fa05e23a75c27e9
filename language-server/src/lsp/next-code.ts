/**
 * Le prochain code libre d'un référentiel, pour les modèles de la complétion et les correctifs
 * rapides : après C1.3, C1.4 ; après BC01, BC02 ; le premier critère de M1.2 est CR1.2.1 si le
 * référentiel numérote ainsi ses critères. Le code proposé n'est jamais déjà pris.
 */
import { analyzeCode, blocNumber, canonicalCode, type CodeInfo } from '../codes.js';
import type { Bloc, Modalite } from '../generated/ast.js';
import type { ReferentielModel } from '../model/referentiel-model.js';

/** Le même code, son dernier nombre augmenté de `step` (largeur gardée : BC09 → BC10, BC01 → BC02). */
export function incrementCode(code: string, step = 1): string {
    const cleaned = analyzeCode(code).cleaned;
    const match = /(\d+)(\D*)$/.exec(cleaned);
    if (!match) return cleaned + '1';
    const digits = match[1];
    // En entier exact : C1.99999999999999999999 → C1.100000000000000000000 (pas « 1e+20 »).
    const next = (BigInt(digits) + BigInt(step)).toString().padStart(digits.length, '0');
    return cleaned.slice(0, match.index) + next + match[2];
}

/** Vrai si le code (sous sa forme canonique) est pris dans le référentiel ou l'un de ses socles. */
export function isTaken(model: ReferentielModel, code: string): boolean {
    const key = canonicalCode(code);
    return model.byCode.has(key) || model.socles.some(s => s.byCode.has(key));
}

/** Le code lui-même s'il est libre, sinon le suivant qui l'est. */
export function firstFree(model: ReferentielModel, code: string): string {
    let candidate = code;
    for (let i = 0; i < 1000 && isTaken(model, candidate); i++) {
        candidate = incrementCode(candidate);
    }
    return candidate;
}

function infos(codes: Iterable<string | undefined>): CodeInfo[] {
    const result: CodeInfo[] = [];
    for (const code of codes) {
        if (!code) continue;
        const info = analyzeCode(code);
        if (info.prefix && info.numbers.length > 0) result.push(info);
    }
    return result;
}

function compareNumbers(a: readonly number[], b: readonly number[]): number {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
        if (a[i] !== b[i]) return a[i] - b[i];
    }
    return a.length - b.length;
}

function highest(list: readonly CodeInfo[]): CodeInfo | undefined {
    let best: CodeInfo | undefined;
    for (const info of list) {
        if (!best || compareNumbers(info.numbers, best.numbers) >= 0) best = info;
    }
    return best;
}

function separatorOf(list: readonly CodeInfo[], fallback: string): string {
    const counts = new Map<string, number>();
    for (const info of list) for (const sep of info.separators) counts.set(sep, (counts.get(sep) ?? 0) + 1);
    let best = fallback;
    let count = 0;
    for (const [sep, n] of counts) if (n > count) { best = sep; count = n; }
    return best;
}

function prefixOf(list: readonly CodeInfo[], fallback: string): string {
    const counts = new Map<string, number>();
    for (const info of list) if (info.prefix) counts.set(info.prefix, (counts.get(info.prefix) ?? 0) + 1);
    let best = fallback;
    let count = 0;
    for (const [prefix, n] of counts) if (n > count) { best = prefix; count = n; }
    return best;
}

/** Le numéro d'un bloc (de son code, sinon son rang). */
export function numberOfBloc(model: ReferentielModel, bloc: Bloc | undefined): number {
    if (!bloc) return 1;
    return blocNumber(bloc.name ?? '') ?? (model.blocs.indexOf(bloc) + 1 || 1);
}

/**
 * Le suivant d'une famille : si les codes sont hiérarchiques (C1.3), le suivant du plus grand des
 * frères ; s'ils sont numérotés d'un seul nombre (M3), le suivant du plus grand du référentiel.
 */
function nextInFamily(model: ReferentielModel, siblings: readonly CodeInfo[], all: readonly CodeInfo[]): string | undefined {
    const top = highest(siblings);
    if (!top) return undefined;
    if (top.numbers.length >= 2) return firstFree(model, incrementCode(top.raw));
    const same = all.filter(i => i.prefix === top.prefix && i.numbers.length === 1);
    return firstFree(model, incrementCode((highest(same) ?? top).raw));
}

export function nextBlocCode(model: ReferentielModel): string {
    const blocs = infos(model.blocs.map(b => b.name));
    let top: CodeInfo | undefined;
    for (const info of blocs) {
        if (!top || (blocNumber(info.raw) ?? 0) >= (blocNumber(top.raw) ?? 0)) top = info;
    }
    return firstFree(model, top ? incrementCode(top.raw) : 'BC01');
}

export function nextCompetenceCode(model: ReferentielModel, bloc: Bloc | undefined): string {
    const all = infos(model.competences.map(c => c.name));
    const siblings = bloc ? infos(bloc.competences.map(c => c.name)) : all;
    const next = nextInFamily(model, siblings, all);
    if (next) return next;
    const prefix = prefixOf(all, 'C');
    const sep = separatorOf(all, '.');
    return firstFree(model, bloc ? `${prefix}${numberOfBloc(model, bloc)}${sep}1` : `${prefix}1`);
}

export function nextModaliteCode(model: ReferentielModel, bloc: Bloc | undefined): string {
    const all = infos(model.modalites.map(m => m.name));
    const siblings = bloc ? infos(bloc.modalites.map(m => m.name)) : all;
    const next = nextInFamily(model, siblings, all);
    if (next) return next;
    const prefix = prefixOf(all, 'M');
    if (all.length > 0 && all.every(i => i.numbers.length === 1)) {
        return firstFree(model, incrementCode(highest(all)!.raw));
    }
    const sep = separatorOf(all, '.');
    return firstFree(model, `${prefix}${numberOfBloc(model, bloc)}${sep}1`);
}

/**
 * Le code d'un nouveau critère d'une modalité (existante ou à créer, de code `modaliteCode`).
 * La forme suit celle des critères du référentiel : CR1.2.1 (modalité M1.2, critère 1) si les
 * critères reprennent le numéro de leur modalité, CR1.4 (bloc 1) s'ils sont numérotés par bloc.
 */
export function nextCritereCode(model: ReferentielModel, modalite: Modalite | undefined, modaliteCode: string, bloc: Bloc | undefined): string {
    const all = infos(model.criteres.map(c => c.name));
    const siblings = modalite ? infos(modalite.criteres.map(c => c.name)) : [];
    const next = nextInFamily(model, siblings, all);
    if (next) return next;
    const prefix = prefixOf(all, 'CR');
    const sep = separatorOf(all, '.');
    const modaliteNumbers = analyzeCode(modaliteCode).numbers;
    // Comment le référentiel numérote-t-il ses critères ? On regarde un critère et sa modalité.
    const sample = model.criteres
        .map(c => ({ info: analyzeCode(c.name ?? ''), parent: analyzeCode(c.$container?.name ?? '') }))
        .find(s => s.info.prefix && s.info.numbers.length > 0);
    const followsModalite = sample !== undefined && sample.parent.numbers.length > 0
        && sample.info.numbers.length === sample.parent.numbers.length + 1;
    if (sample && !followsModalite && sample.info.numbers.length === 1) {
        return firstFree(model, incrementCode(highest(all.filter(i => i.numbers.length === 1))!.raw));
    }
    if (sample && !followsModalite && sample.info.numbers.length === 2) {
        const n = numberOfBloc(model, bloc);
        const ofBloc = all.filter(i => i.numbers.length === 2 && i.numbers[0] === n);
        const top = highest(ofBloc);
        return firstFree(model, top ? incrementCode(top.raw) : `${prefix}${n}${sep}1`);
    }
    if (modaliteNumbers.length > 0) {
        return firstFree(model, `${prefix}${modaliteNumbers.join(sep)}${sep}1`);
    }
    return firstFree(model, `${prefix}${numberOfBloc(model, bloc)}${sep}1`);
}
