/**
 * Analyse des codes (C1.1, A1-1, BC01, RNCP35419BC01, CR1.1.2…).
 *
 * Un code « numéroté » est un préfixe de lettres suivi de nombres séparés par « . » ou « - ».
 * Les formes irrégulières des textes publiés sont reconnues pour être signalées :
 * point final (« C1.2. »), espace dans le code (« A2. 1 »), séparateurs mêlés.
 *
 * La forme canonique d'un code sert à la résolution des références et à la détection
 * des doublons : sans espace, sans point final, tous les séparateurs ramenés à « . ».
 * Ainsi « C5-2 », « C5.2 » et « C5.2. » désignent le même élément.
 */

export interface CodeInfo {
    /** Le code tel qu'il est écrit. */
    readonly raw: string;
    /** Forme canonique (clé de résolution). */
    readonly canonical: string;
    /** Le code corrigé : sans espace ni point final (les séparateurs sont laissés tels quels). */
    readonly cleaned: string;
    readonly trailingDot: boolean;
    readonly hasSpace: boolean;
    /** Préfixe alphabétique (« C », « A », « BC », « CR »), pour les codes numérotés. */
    readonly prefix?: string;
    /** Préfixe RNCP d'un code de bloc (« RNCP35419 » dans « RNCP35419BC01 »). */
    readonly rncpPrefix?: string;
    /** Les nombres du code (« C1.10 » → [1, 10]). */
    readonly numbers: readonly number[];
    /** Les séparateurs utilisés entre les nombres (« A1-1.2 » → ['-', '.']). */
    readonly separators: readonly string[];
}

const NUMBERED = /^(RNCP\d+)?([A-Za-z\u00C0-\u017F_]+?)(\d+)((?:\s*[.-]\s*\d+)*)\s*(\.?)$/;

/** Les formes canoniques déjà calculées : les mêmes codes reviennent sans cesse (liaison, règles, évaluation). */
const canonicalCache = new Map<string, string>();
const CANONICAL_CACHE_MAX = 50_000;

export function canonicalCode(raw: string): string {
    let canonical = canonicalCache.get(raw);
    if (canonical === undefined) {
        canonical = raw.replace(/\s+/g, '').replace(/\.+$/, '').replace(/-/g, '.');
        // Borné : un flot de codes tous différents (fichier hostile) ne fait pas grossir la mémoire.
        if (canonicalCache.size >= CANONICAL_CACHE_MAX) canonicalCache.clear();
        canonicalCache.set(raw, canonical);
    }
    return canonical;
}

export function analyzeCode(raw: string): CodeInfo {
    const trailingDot = /\.\s*$/.test(raw) && raw.length > 1;
    const hasSpace = /\s/.test(raw);
    const cleaned = raw.replace(/\s+/g, '').replace(/\.+$/, '');
    const canonical = canonicalCode(raw);
    const match = NUMBERED.exec(raw);
    if (!match) {
        return { raw, canonical, cleaned, trailingDot, hasSpace, numbers: [], separators: [] };
    }
    const [, rncpPrefix, prefix, first, rest] = match;
    const numbers = [Number(first)];
    const separators: string[] = [];
    const part = /\s*([.-])\s*(\d+)/g;
    let m: RegExpExecArray | null;
    while ((m = part.exec(rest)) !== null) {
        separators.push(m[1]);
        numbers.push(Number(m[2]));
    }
    return { raw, canonical, cleaned, trailingDot, hasSpace, prefix, rncpPrefix, numbers, separators };
}

/** Le même code écrit avec un seul séparateur. */
export function withSeparator(raw: string, separator: string): string {
    const info = analyzeCode(raw);
    if (!info.prefix) {
        return info.cleaned;
    }
    // On réécrit à partir du texte nettoyé pour conserver les zéros de tête (BC01).
    return info.cleaned.replace(/[.-]/g, separator);
}

/** Numéro d'un bloc tiré de son code : « BC01 » → 1, « RNCP35419BC03 » → 3, « Bloc 2 » → 2. */
export function blocNumber(code: string): number | undefined {
    const info = analyzeCode(code);
    if (info.prefix === 'RNCP') {
        return undefined; // « RNCP35419 » est un numéro de fiche, pas un numéro de bloc
    }
    if (info.prefix && info.numbers.length > 0) {
        return info.numbers[0];
    }
    const m = /(\d+)\s*\.?$/.exec(code.replace(/^RNCP\d+/, ''));
    return m ? Number(m[1]) : undefined;
}

/**
 * Distance d'édition de Damerau (variante « alignement optimal ») : insertions, suppressions,
 * substitutions et inversions de deux caractères voisins (« CR1.1 » / « RC1.1 » : 1), pour les
 * suggestions « vouliez-vous dire ».
 */
export function editDistance(a: string, b: string): number {
    const m = a.length;
    const n = b.length;
    if (m === 0) return n;
    if (n === 0) return m;
    // Trois lignes suffisent : la précédente de la précédente sert aux inversions.
    let prev2 = new Array<number>(n + 1).fill(0);
    let prev = new Array<number>(n + 1);
    let cur = new Array<number>(n + 1);
    for (let j = 0; j <= n; j++) prev[j] = j;
    for (let i = 1; i <= m; i++) {
        cur[0] = i;
        for (let j = 1; j <= n; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d = Math.min(d, prev2[j - 2] + 1);
            }
            cur[j] = d;
        }
        [prev2, prev, cur] = [prev, cur, prev2];
    }
    return prev[n];
}

/**
 * Les candidats les plus proches d'un nom inconnu (au plus `max`), comparés sans tenir compte
 * de la casse ni des séparateurs. Rien n'est proposé au-delà d'une distance raisonnable.
 */
export function suggest(name: string, candidates: Iterable<string>, max = 3): string[] {
    // Un nom très long n'est la faute de frappe d'aucun code : pas de distance d'édition (coût longueur²).
    if (name.length > 64) return [];
    const key = canonicalCode(name).toLowerCase();
    const limit = Math.max(1, Math.floor(key.length / 3));
    const scored: Array<{ candidate: string; distance: number }> = [];
    const seen = new Set<string>();
    for (const candidate of candidates) {
        if (seen.has(candidate)) continue;
        seen.add(candidate);
        const other = canonicalCode(candidate).toLowerCase();
        // La distance est au moins l'écart des longueurs : inutile de la calculer (un nom d'un
        // mégaoctet ne coûte pas un calcul quadratique par candidat).
        if (Math.abs(key.length - other.length) > limit) continue;
        const distance = editDistance(key, other);
        if (distance <= limit) {
            scored.push({ candidate, distance });
        }
    }
    scored.sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate));
    return scored.slice(0, max).map(s => s.candidate);
}
