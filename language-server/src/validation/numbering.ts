import { analyzeCode, blocNumber, withSeparator, type CodeInfo } from '../codes.js';
import type { Activite, Competence, Critere, Modalite } from '../generated/ast.js';
import { blocOfNode, type ReferentielModel } from '../model/referentiel-model.js';
import type { RuleCodes } from './rules.js';

export type NumberedElement = Activite | Competence | Modalite | Critere;

export interface NumberingIssue {
    readonly code: RuleCodes<'REF201' | 'REF202' | 'REF203' | 'REF204' | 'REF205' | 'REF206'>;
    readonly params: Record<string, string | number>;
}

export interface NumberingReport {
    /** Les problèmes de numérotation de chaque élément. */
    readonly issues: ReadonlyMap<NumberedElement, readonly NumberingIssue[]>;
    /** Le code corrigé de chaque élément dont le code a une correction sûre (séparateur, point, espace). */
    readonly fixes: ReadonlyMap<NumberedElement, string>;
}

const cache = new WeakMap<ReferentielModel, NumberingReport>();

/**
 * Numérotation d'un référentiel entier (tous fichiers), calculée une fois par modèle :
 * séparateurs mêlés dans une famille (C5.1 / C5-2), point final (C1.2.), espace (A2. 1),
 * numéro qui ne suit pas le bloc (C3.4 dans BC02), trous et répétitions (C1.1, C1.3).
 */
export function numberingOf(model: ReferentielModel): NumberingReport {
    let report = cache.get(model);
    if (!report) {
        report = analyze(model);
        cache.set(model, report);
    }
    return report;
}

function analyze(model: ReferentielModel): NumberingReport {
    const issues = new Map<NumberedElement, NumberingIssue[]>();
    const fixes = new Map<NumberedElement, string>();
    const add = (element: NumberedElement, issue: NumberingIssue): void => {
        const list = issues.get(element);
        if (list) list.push(issue); else issues.set(element, [issue]);
    };
    const elements: NumberedElement[] = [...model.activites, ...model.competences, ...model.modalites, ...model.criteres];
    const infos = new Map<NumberedElement, CodeInfo>();
    for (const element of elements) {
        if (element.name) infos.set(element, analyzeCode(element.name));
    }

    // Séparateur majoritaire de chaque famille (type + préfixe).
    const familyOf = (element: NumberedElement, info: CodeInfo): string => `${element.$type}:${info.prefix ?? ''}`;
    const votes = new Map<string, Map<string, number>>();
    for (const [element, info] of infos) {
        if (!info.prefix) continue;
        const family = familyOf(element, info);
        const counts = votes.get(family) ?? new Map<string, number>();
        for (const sep of info.separators) counts.set(sep, (counts.get(sep) ?? 0) + 1);
        votes.set(family, counts);
    }
    const majority = new Map<string, string>();
    for (const [family, counts] of votes) {
        let best: string | undefined;
        let bestCount = -1;
        for (const [sep, count] of counts) {
            if (count > bestCount) { best = sep; bestCount = count; }
        }
        if (best) majority.set(family, best);
    }

    for (const [element, info] of infos) {
        let fixed = info.cleaned;
        const expected = info.prefix ? majority.get(familyOf(element, info)) : undefined;
        const wrong = expected ? info.separators.filter(s => s !== expected) : [];
        if (expected && wrong.length > 0) {
            fixed = withSeparator(info.raw, expected);
        }
        if (fixed !== info.raw) {
            fixes.set(element, fixed);
        }
        if (expected && wrong.length > 0) {
            add(element, { code: 'REF201', params: { name: info.raw, used: wrong[0], expected, family: info.prefix ?? '', fixed } });
        }
        if (info.trailingDot) {
            add(element, { code: 'REF202', params: { name: info.raw, fixed } });
        }
        if (info.hasSpace) {
            add(element, { code: 'REF203', params: { name: info.raw, fixed } });
        }
        // Le premier numéro d'un code hiérarchique (C3.4) est celui de son bloc.
        const bloc = blocOfNode(element);
        if (bloc?.name && info.numbers.length >= 2 && !model.socle) {
            const expectedNumber = blocNumber(bloc.name);
            if (expectedNumber !== undefined && info.numbers[0] !== expectedNumber) {
                add(element, { code: 'REF204', params: { name: info.raw, bloc: bloc.name, expected: expectedNumber, actual: info.numbers[0] } });
            }
        }
    }

    // Suites : même type, même préfixe, mêmes numéros parents ; on attend 1, 2, 3…
    // Un code déjà signalé hors de son bloc (REF204) sera renuméroté : il ne compte pas ici.
    const misplaced = new Set<NumberedElement>();
    for (const [element, list] of issues) {
        if (list.some(i => i.code === 'REF204')) misplaced.add(element);
    }
    const sequences = new Map<string, Array<{ element: NumberedElement; info: CodeInfo; n: bigint }>>();
    for (const [element, info] of infos) {
        if (!info.prefix || info.numbers.length < 2 || misplaced.has(element)) continue;
        const key = `${element.$type}:${info.prefix}:${info.numbers.slice(0, -1).join('.')}`;
        const list = sequences.get(key) ?? [];
        list.push({ element, info, n: lastNumber(info) });
        sequences.set(key, list);
    }
    for (const list of sequences.values()) {
        // Trou : un numéro qui n'existe nulle part dans la suite (pas seulement « pas encore vu »,
        // pour qu'une simple inversion C1.3, C1.2 ne soit pas aussi signalée comme un trou).
        // Les numéros sont comparés en entiers exacts (C1.99999999999999999999 compris) et les
        // trous décrits par plages, sans énumérer les numéros manquants : le coût suit la taille
        // du texte, pas la valeur des numéros.
        const present = [...new Set(list.map(item => item.n))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        let previous: { element: NumberedElement; info: CodeInfo; n: bigint } | undefined;
        for (const item of list) {
            const n = item.n;
            const before = previous ? previous.n : 0n;
            if (previous && n <= before) {
                if (previous.info.canonical !== item.info.canonical) {
                    add(item.element, { code: 'REF206', params: { name: item.info.raw, previous: previous.info.raw } });
                }
            } else if (n > before + 1n) {
                const ranges = missingRanges(before, n, present);
                if (ranges.length > 0) {
                    const sep = majority.get(familyOf(item.element, item.info)) ?? '.';
                    const parents = item.info.numbers.slice(0, -1).join(sep);
                    const label = (k: bigint): string => `${item.info.prefix}${parents}${sep}${k}`;
                    const range = ([from, to]: readonly [bigint, bigint]): string =>
                        from === to ? label(from)
                            : to - from === 1n && ranges.length > 1 ? `${label(from)}, ${label(to)}`
                                : `${label(from)} … ${label(to)}`;
                    add(item.element, { code: 'REF205', params: { name: item.info.raw, missing: ranges.map(range).join(', ') } });
                }
            }
            if (!previous || n > before) {
                previous = item;
            }
        }
    }
    return { issues, fixes };
}

/** Le dernier numéro d'un code, en entier exact (les chiffres tels qu'écrits, sans perte de précision). */
function lastNumber(info: CodeInfo): bigint {
    const last = info.numbers[info.numbers.length - 1] ?? 0;
    if (Number.isSafeInteger(last)) return BigInt(last);
    const digits = /(\d+)\D*$/.exec(info.cleaned);
    return digits ? BigInt(digits[1]) : 0n;
}

/**
 * Les plages de numéros manquants strictement entre `before` et `n`, sachant les numéros
 * présents (`present`, triés) : une plage par intervalle entre deux présents, en temps
 * logarithmique + le nombre de présents dans l'intervalle.
 */
function missingRanges(before: bigint, n: bigint, present: readonly bigint[]): Array<readonly [bigint, bigint]> {
    let low = 0;
    let high = present.length;
    while (low < high) {
        const mid = (low + high) >> 1;
        if (present[mid] <= before) low = mid + 1; else high = mid;
    }
    const ranges: Array<readonly [bigint, bigint]> = [];
    let from = before + 1n;
    for (let i = low; i < present.length && present[i] < n; i++) {
        if (present[i] > from) ranges.push([from, present[i] - 1n]);
        from = present[i] + 1n;
    }
    if (from < n) ranges.push([from, n - 1n]);
    return ranges;
}
