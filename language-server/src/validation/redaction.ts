import lexicon from 'lefff:verbes';
import nonObservables from './non-observables.json';

/**
 * Les règles de rédaction (REF601 … REF605) en fonctions pures : la doctrine de France
 * Compétences sur l'écriture des compétences et des critères (docs/rules.md, « Rédaction »).
 * Le lexique des verbes est celui du Lefff (paquet french-verbs-lefff, extrait à la
 * construction par scripts/lefff-lexicon.mjs).
 */

const INFINITIVES: ReadonlySet<string> = new Set(lexicon.infinitifs);

/**
 * Verbes d'action courants des référentiels que le Lefff ne connaît pas (néologismes du métier).
 * Un complément du lexique, non une liste de terminaisons : chaque mot est un verbe attesté.
 */
const EXTRA_INFINITIVES: ReadonlySet<string> = new Set([
    'auditer', 'prototyper', 'monitorer', 'anonymiser', 'pseudonymiser', 'containeriser', 'maquetter',
    'éco-concevoir', 'co-construire', 'co-concevoir'
]);

/** Apostrophes typographiques ramenées à l'apostrophe droite, minuscules. */
function normalise(text: string): string {
    return text.replace(/[’ʼ‘`]/g, '\'').toLowerCase();
}

/** Un mot est-il un verbe à l'infinitif (lexique, capitale sans accent « Elaborer » comprise) ? */
export function isInfinitive(word: string): boolean {
    const w = normalise(word);
    if (INFINITIVES.has(w) || EXTRA_INFINITIVES.has(w)) return true;
    const known = (v: string): boolean => INFINITIVES.has(v) || EXTRA_INFINITIVES.has(v);
    // Les capitales perdent souvent leur accent : « Elaborer », « Etablir », « Etre ».
    if (w.startsWith('e') && ['é', 'ê', 'è'].some(a => known(a + w.slice(1)))) return true;
    // Orthographe rectifiée (1990) : l'accent circonflexe sur i et u est facultatif (« maitriser »).
    for (let i = 0; i < w.length; i++) {
        const circumflex = w[i] === 'i' ? 'î' : w[i] === 'u' ? 'û' : undefined;
        if (circumflex && known(w.slice(0, i) + circumflex + w.slice(i + 1))) return true;
    }
    return false;
}

const WORD = /[\p{L}][\p{L}'-]*/gu;

/**
 * Le premier mot d'une compétence, s'il n'est pas un verbe à l'infinitif ; `undefined` si la
 * compétence commence bien par un infinitif. Les formes pronominales (« S'assurer »,
 * « Se positionner ») sont lues sans leur pronom.
 */
export function missingInfinitive(text: string): string | undefined {
    const words: string[] = normalise(text).match(WORD) ?? [];
    if (words.length === 0) return undefined; // texte vide : REF503
    let first = words[0];
    let shown = first;
    if (/^s'./.test(first)) {
        first = first.slice(2);
    } else if (first === 'se' && words.length > 1) {
        first = words[1];
        shown = `se ${words[1]}`;
    }
    if (isInfinitive(first)) return undefined;
    // « Co-construire », « Éco-concevoir » : le verbe après le préfixe.
    const dash = first.lastIndexOf('-');
    if (dash > 0 && isInfinitive(first.slice(dash + 1))) return undefined;
    return originalSpelling(text, shown);
}

/** Le mot tel qu'il est écrit dans le texte (capitale comprise). */
function originalSpelling(text: string, normalised: string): string {
    const at = normalise(text).indexOf(normalised);
    return at >= 0 ? text.slice(at, at + normalised.length) : normalised;
}

/**
 * Les tournures qui introduisent la finalité d'une compétence (le « pour quoi » de France
 * Compétences : pour, afin de, en vue de, à l'attention de…).
 */
const PURPOSE = new RegExp([
    'pour', 'afin\\s+(?:de|d\'|que|qu\')', 'en\\s+vue\\s+(?:de|d\')',
    'de\\s+(?:telle\\s+)?(?:façon|manière|sorte)\\s+(?:à|que|qu\')',
    'dans\\s+(?:le\\s+but|l\'objectif|l\'optique|le\\s+souci|le\\s+respect)\\s+(?:de|d\'|du|des)',
    'avec\\s+(?:pour|comme)\\s+(?:but|objectif|finalité)',
    'à\\s+(?:l\'attention|destination)\\s+(?:de|d\'|du|des)', 'au\\s+service\\s+(?:de|d\'|du|des)',
    'visant\\s+à', 'permett(?:ant|e|ent)\\s+(?:de|d\'|à|aux|au)', 'en\\s+prévision\\s+(?:de|d\'|du|des)'
].map(p => `(?<![\\p{L}])${p}(?:(?<=')|(?![\\p{L}]))`).join('|'), 'u');

/** La compétence énonce-t-elle sa finalité ? */
export function hasPurpose(text: string): boolean {
    return PURPOSE.test(normalise(text));
}

/**
 * Formes des verbes non observables (non-observables.json), tirées du Lefff : une forme conjuguée
 * → son infinitif. Les formes de moins de 4 lettres (« su », « sus ») sont trop ambiguës.
 */
const NON_OBSERVABLE_FORMS: ReadonlyMap<string, string> = (() => {
    const forms = new Map<string, string>();
    for (const verb of Object.keys(nonObservables.verbes)) {
        for (const form of lexicon.formes[verb] ?? []) {
            if (form.length >= 4) forms.set(form, verb);
        }
    }
    return forms;
})();

/** Tournures où une forme n'est pas le verbe non observable (« y compris » : inclus). */
const NOT_A_VERB = /(?<![\p{L}])y\s+compris/gu;

/**
 * Le verbe non observable sur lequel un critère est bâti (« Le candidat maîtrise… »,
 * « Les enjeux sont compris », « Être sensibilisé à… ») : sa forme dans le texte et son infinitif.
 */
export function nonObservableVerb(text: string): { form: string; verb: string } | undefined {
    const words = normalise(text).replace(NOT_A_VERB, ' ').match(WORD) ?? [];
    for (const raw of words) {
        const word = raw.replace(/^(?:[ldsnmtj]|qu)'/, '');
        const verb = NON_OBSERVABLE_FORMS.get(word);
        if (verb && formAllowed(verb, word)) return { form: word, verb };
    }
    return undefined;
}

/** Pour certains verbes, seules quelques formes sont non observables (non-observables.json). */
function formAllowed(verb: string, form: string): boolean {
    const only = (nonObservables.verbes as Record<string, string>)[verb];
    if (only === 'participe') {
        return /(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)$/.test(form) && !/(?:ai|ez|ons|ent)$/.test(form);
    }
    return true;
}

// --- Textes presque identiques ----------------------------------------------------------------

/** Les mots vides, retirés avant de comparer deux textes. */
const STOP_WORDS: ReadonlySet<string> = new Set([
    'le', 'la', 'les', 'l', 'un', 'une', 'des', 'de', 'du', 'd', 'au', 'aux', 'a', 'à', 'et', 'ou', 'en', 'dans',
    'par', 'pour', 'sur', 'avec', 'sans', 'son', 'sa', 'ses', 'leur', 'leurs', 'ce', 'cet', 'cette', 'ces',
    'qui', 'que', 'qu', 'se', 's', 'y', 'ne', 'pas', 'afin', 'selon', 'entre', 'vers', 'chez', 'lors'
]);

/** Au plus autant de mots distincts par texte : le coût d'une comparaison reste borné. */
const MAX_TOKENS = 256;
/** Un mot présent dans plus de compétences que cela ne sert pas à trouver des candidats. */
const MAX_POSTINGS = 64;

/** Les mots pleins d'un texte, sans accents ni casse. */
export function contentTokens(text: string): Set<string> {
    const tokens = new Set<string>();
    const plain = normalise(text).normalize('NFD').replace(/\p{M}/gu, '');
    for (const m of plain.matchAll(/[\p{L}\p{N}]+/gu)) {
        if (!STOP_WORDS.has(m[0])) tokens.add(m[0]);
        if (tokens.size >= MAX_TOKENS) break;
    }
    return tokens;
}

/** Indice de Jaccard de deux ensembles de mots. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
    if (a.size === 0 && b.size === 0) return 1;
    let shared = 0;
    const [small, large] = a.size <= b.size ? [a, b] : [b, a];
    for (const t of small) if (large.has(t)) shared++;
    return shared / (a.size + b.size - shared);
}

/** Seuil de REF605 : part des mots pleins communs (réglé sur l'exemple et les 12 fiches, docs/rules.md). */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

/**
 * Les paires de textes presque identiques : pour chaque texte, le plus proche des textes qui le
 * précèdent, si leur indice de Jaccard atteint le seuil. Les candidats viennent d'un index
 * inversé des mots (sans les mots trop fréquents) : le coût suit le nombre de paires qui
 * partagent un mot rare, pas le carré du nombre de textes.
 */
export function nearDuplicates(texts: readonly string[], threshold = NEAR_DUPLICATE_THRESHOLD): Array<{ index: number; of: number; similarity: number }> {
    const sets = texts.map(contentTokens);
    const postings = new Map<string, number[]>();
    sets.forEach((set, index) => {
        for (const token of set) {
            const list = postings.get(token);
            if (list) list.push(index); else postings.set(token, [index]);
        }
    });
    const found: Array<{ index: number; of: number; similarity: number }> = [];
    sets.forEach((set, index) => {
        if (set.size === 0) return;
        // Pour chaque texte précédent qui partage un mot rare : le nombre de mots partagés, compté
        // par l'index (dans l'ordre où les candidats apparaissent). Si un mot trop fréquent a été
        // sauté, le compte n'est qu'un minimum : l'indice est alors recalculé sur les deux ensembles.
        const shared = new Map<number, number>();
        let skipped = false;
        for (const token of set) {
            const list = postings.get(token)!;
            if (list.length > MAX_POSTINGS) {
                skipped = true;
                continue;
            }
            for (const other of list) {
                if (other >= index) break;
                shared.set(other, (shared.get(other) ?? 0) + 1);
            }
        }
        let best: { of: number; similarity: number } | undefined;
        for (const [other, count] of shared) {
            const otherSet = sets[other];
            // Jaccard ≤ min(|a|, |b|) / max(|a|, |b|) : inutile de compter quand le rapport des tailles est sous le seuil.
            if (Math.min(set.size, otherSet.size) < threshold * Math.max(set.size, otherSet.size)) continue;
            const similarity = skipped ? jaccard(set, otherSet) : count / (set.size + otherSet.size - count);
            if (similarity >= threshold && (!best || similarity > best.similarity)) best = { of: other, similarity };
        }
        if (best) found.push({ index, ...best });
    });
    return found;
}
