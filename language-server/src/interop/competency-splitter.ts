/**
 * Retrouver les compétences dans le texte libre d'une fiche RNCP.
 *
 * Dans l'export de France Compétences, `LISTE_COMPETENCES` est UN texte par bloc : les
 * retours à la ligne y sont devenus des suites d'espaces, et chaque certificateur numérote
 * (ou non) à sa façon. Les heuristiques, dans l'ordre :
 *
 * 1. **lignes** : le texte a de vrais retours à la ligne et chaque ligne commence par un code
 *    suivi de « - » ou « : » (c'est ce qu'écrit `referentiel export --format rncp-xml`) ;
 * 2. **codes** : des codes en tête d'élément, dans les styles des fiches réelles — « A1C1. »,
 *    « A5.C1. », « C.1. », « C1 - », « C1.1 », « 1.1.1 », « 3.1.2. » — reconnus quand ils
 *    suivent le début du texte, un retour à la ligne, deux espaces ou plus, ou une fin de
 *    phrase, et qu'au moins deux codes de la même famille (mêmes lettres) sont trouvés ;
 * 3. **puces** : « - », « * », « • », « o »… en tête d'élément ; un élément qui a perdu sa
 *    puce (trois espaces ou plus puis un mot à majuscule) est aussi séparé ;
 * 4. **texte** : des phrases séparées par deux espaces ou plus (ou un retour à la ligne)
 *    suivis d'un mot à majuscule.
 *
 * Le texte d'une compétence est celui de la fiche, espaces normalisés (une suite d'espaces
 * ou de retours à la ligne devient une espace). Ce qui précède le premier élément (« En
 * mobilisant … : ») est rendu comme préambule.
 */

export type SplitStyle = 'lignes' | 'codes' | 'puces' | 'texte' | 'vide';

export interface SplitItem {
    /** Le code tel qu'il figure dans la fiche (sans le point final), s'il y en a un. */
    readonly sourceCode?: string;
    /** Le texte de la compétence, espaces normalisés. */
    readonly text: string;
}

export interface SplitResult {
    readonly style: SplitStyle;
    readonly preamble?: string;
    readonly items: readonly SplitItem[];
}

/**
 * Une suite d'espaces (\s, \u200b) à remplacer : celles qui ne sont pas une espace simple seule
 * (une espace suivie d'autres, ou qui commence par une autre espace). Une espace simple seule,
 * le cas courant, n'est pas touchée : un seul passage, sans test préalable du texte.
 */
const IRREGULAR_RUN = / [\s\u200b]+|[^\S ][\s\u200b]*|\u200b[\s\u200b]*/g;

/** Une suite d'espaces (retours à la ligne compris) devient une espace ; bords retirés. */
export function normalizeSpaces(text: string): string {
    return text.replace(IRREGULAR_RUN, ' ').trim();
}

/**
 * Vrai quand normalizeSpaces(text) serait vide (le texte n'a que des espaces), sans construire
 * le texte normalisé : le test s'arrête au premier caractère visible.
 */
export function isBlank(text: string): boolean {
    return /^[\s\u200b]*$/.test(text);
}

/** Les fins de ligne ramenées à « \n » ; le texte tel quel s'il n'a pas de « \r » (le cas courant). */
export function unixLines(text: string): string {
    return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Un texte en paragraphes : un retour à la ligne, ou quatre espaces ou plus (les retours à
 * la ligne perdus de l'export), sépare deux paragraphes ; toute autre suite d'espaces devient
 * une espace. Paragraphes sans espaces de bord, jamais vides.
 */
export function paragraphs(text: string): string[] {
    return unixLines(text)
        .split(/[ \t\u00a0]*\n\s*|[ \t\u00a0]{4,}/)
        .map(normalizeSpaces)
        .filter(p => p.length > 0);
}

/** Le corps d'un code strict : lettres (1 à 4) puis chiffres, ou chiffres séparés par des points. */
const CODE_BODY = String.raw`(?:[A-Z]{1,4}\.?\d{1,3}(?:[.\-]?[A-Z]{0,3}\.?\d{1,3})*|\d{1,2}(?:\.\d{1,3})+)`;
const UPPER = String.raw`A-ZÀ-ÖØ-Þ`;
const LOWER = String.raw`a-zß-öø-ÿ`;
/** Début d'élément : début du texte, retour à la ligne, deux espaces ou plus, ou fin de phrase. */
const BOUNDARY = String.raw`(?:^|\n|[ \t\u00a0]{2,}|(?<=[.;:!?»)])[ \t\u00a0]+)`;
const BULLET = String.raw`[\-*•·▪◦–—➢►o]`;

/**
 * Un code en tête d'élément : puce éventuelle, code, point final éventuel, puis un séparateur
 * explicite (« - », « – », « : »), des espaces suivis d'une majuscule, ou directement une
 * majuscule après le point (« A1C2.Apprécier »).
 */
const HEAD_CODE = new RegExp(
    BOUNDARY + String.raw`(?:${BULLET}[ \t\u00a0]+)?(${CODE_BODY})(\.?)` +
    String.raw`(?:([ \t\u00a0]*[\-–:][ \t\u00a0]+)|[ \t\u00a0]+(?=[${UPPER}«"“'’(])|(?<=\.)(?=[${UPPER}«"“]))`,
    'g'
);

/** Une puce en tête d'élément (« o » seulement devant une majuscule). */
const HEAD_BULLET = new RegExp(BOUNDARY + String.raw`(?:([\-*•·▪◦–—➢►])[ \t\u00a0]+(?=\S)|(o)[ \t\u00a0]+(?=[${UPPER}]))`, 'g');

/** Une coupure sans marque : deux espaces ou plus (ou un retour à la ligne) puis un mot à majuscule. */
const PLAIN_BREAK = new RegExp(String.raw`(?:\n\s*|[ \t\u00a0]{2,})(?=[${UPPER}](?:[${LOWER}]|['’]))`, 'g');
/** Dans un élément à puce : trois espaces ou plus (ou un retour à la ligne) puis un mot à majuscule. */
const LOST_BULLET_BREAK = new RegExp(String.raw`(?:\n\s*|[ \t\u00a0]{3,})(?=[${UPPER}](?:[${LOWER}]|['’]))`, 'g');

/** Un code du langage (terminal CODE, sans l'espace tolérée), pour le style « lignes ». */
const LINE_CODE = /^([_a-zA-Z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F][\w\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F]*(?:[.-][\w\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F]+)*)\.?[ \t]+[-–:][ \t]+(\S.*)$/;

interface Cut {
    /** Début de la marque (puce ou code), fin de la marque (début du texte). */
    readonly start: number;
    readonly end: number;
    readonly code?: string;
}

/** La famille d'un code : ses lettres (« A1C1 » et « A5.C1 » → « AC », « 1.1.1 » → « »). */
export function codeFamily(code: string): string {
    return code.replace(/[^A-Za-z]/g, '').toUpperCase();
}

/** Clé de comparaison d'un code : sans espace ni point final, séparateurs ramenés à « . ». */
export function codeKey(code: string): string {
    return code.replace(/\s+/g, '').replace(/\.+$/, '').replace(/-/g, '.');
}

function itemsFromCuts(text: string, cuts: readonly Cut[]): { preamble?: string; items: SplitItem[] } {
    const items: SplitItem[] = [];
    const preamble = normalizeSpaces(text.slice(0, cuts[0].start));
    for (let i = 0; i < cuts.length; i++) {
        const body = normalizeSpaces(text.slice(cuts[i].end, i + 1 < cuts.length ? cuts[i + 1].start : text.length));
        if (body.length > 0) {
            items.push({ ...(cuts[i].code ? { sourceCode: cuts[i].code } : {}), text: body });
        }
    }
    return { ...(preamble ? { preamble } : {}), items };
}

function boundaryStart(text: string, match: RegExpExecArray): number {
    // La marque commence après les espaces de la frontière.
    let start = match.index;
    while (start < text.length && /[\s\u00a0]/.test(text[start])) start++;
    return start;
}

function byLines(text: string): SplitResult | undefined {
    if (!text.includes('\n')) return undefined;
    const lines = text.split(/\r?\n/).map(l => l.trim()).filter(l => l.length > 0);
    if (lines.length === 0) return undefined;
    const items: SplitItem[] = [];
    for (const line of lines) {
        const m = LINE_CODE.exec(line);
        if (!m) return undefined;
        items.push({ sourceCode: m[1], text: normalizeSpaces(m[2]) });
    }
    return { style: 'lignes', items };
}

function byCodes(text: string): SplitResult | undefined {
    const found: Cut[] = [];
    HEAD_CODE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = HEAD_CODE.exec(text)) !== null) {
        const start = boundaryStart(text, m);
        found.push({ start, end: m.index + m[0].length, code: m[1] });
        if (m[0].length === 0) HEAD_CODE.lastIndex++;
    }
    if (found.length === 0) return undefined;
    // La famille la plus fréquente ; au moins deux codes, ou un seul en tête du texte.
    const counts = new Map<string, number>();
    for (const cut of found) counts.set(codeFamily(cut.code!), (counts.get(codeFamily(cut.code!)) ?? 0) + 1);
    const [family, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    const cuts = found.filter(c => codeFamily(c.code!) === family);
    if (count < 2 && normalizeSpaces(text.slice(0, cuts[0].start)).length > 0) return undefined;
    const { preamble, items } = itemsFromCuts(text, cuts);
    return items.length ? { style: 'codes', ...(preamble ? { preamble } : {}), items } : undefined;
}

function splitOn(text: string, pattern: RegExp): string[] {
    return text.split(pattern).map(normalizeSpaces).filter(s => s.length > 0);
}

function byBullets(text: string): SplitResult | undefined {
    const cuts: Cut[] = [];
    HEAD_BULLET.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = HEAD_BULLET.exec(text)) !== null) {
        cuts.push({ start: boundaryStart(text, m), end: m.index + m[0].length });
        if (m[0].length === 0) HEAD_BULLET.lastIndex++;
    }
    if (cuts.length === 0) return undefined;
    if (cuts.length < 2 && normalizeSpaces(text.slice(0, cuts[0].start)).length > 0) return undefined;
    const preamble = normalizeSpaces(text.slice(0, cuts[0].start));
    // Un élément qui a perdu sa puce (trois espaces puis un mot à majuscule) est séparé aussi.
    const items: SplitItem[] = [];
    for (let i = 0; i < cuts.length; i++) {
        const raw = text.slice(cuts[i].end, i + 1 < cuts.length ? cuts[i + 1].start : text.length);
        for (const part of splitOn(raw, LOST_BULLET_BREAK)) items.push({ text: part });
    }
    return items.length ? { style: 'puces', ...(preamble ? { preamble } : {}), items } : undefined;
}

function byText(text: string): SplitResult {
    return { style: 'texte', items: splitOn(text, PLAIN_BREAK).map(t => ({ text: t })) };
}

/** Découpe la liste des compétences d'un bloc. */
export function splitCompetences(text: string | undefined): SplitResult {
    const source = unixLines(text ?? '');
    if (isBlank(source)) return { style: 'vide', items: [] };
    return byLines(source) ?? byCodes(source) ?? byBullets(source) ?? byText(source);
}

/** Les codes (stricts) cités n'importe où dans un texte, et les plages « A3C3 à A3C6 ». */
const ANY_CODE = new RegExp(String.raw`(?<![\w.\-])(${CODE_BODY}|[A-Z][\w]*\d[\w]*(?:[.\-]\w+)*)(?![\w])`, 'g');
const RANGE = new RegExp(String.raw`(?<![\w.\-])(${CODE_BODY})\.?\s+(?:à|au|-|–)\s+(${CODE_BODY})(?![\w])`, 'g');

/**
 * Les codes nommés par un texte (modalités d'évaluation), parmi `known` (dans leur ordre),
 * plages comprises (« A3C3 à A3C6 » nomme A3C3, A3C4, A3C5 et A3C6 si elles sont connues).
 * `known` donne pour chaque compétence les écritures qui la désignent (code de la fiche,
 * code du référentiel).
 */
export function namedCodes<T>(text: string | undefined, known: ReadonlyArray<{ item: T; codes: readonly string[] }>): T[] {
    if (!text) return [];
    const keyToIndex = new Map<string, number>();
    known.forEach((k, index) => {
        for (const code of k.codes) {
            const key = codeKey(code);
            if (!keyToIndex.has(key)) keyToIndex.set(key, index);
        }
    });
    const hit = new Set<number>();
    ANY_CODE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ANY_CODE.exec(text)) !== null) {
        const index = keyToIndex.get(codeKey(m[1]));
        if (index !== undefined) hit.add(index);
    }
    RANGE.lastIndex = 0;
    while ((m = RANGE.exec(text)) !== null) {
        const from = keyToIndex.get(codeKey(m[1]));
        const to = keyToIndex.get(codeKey(m[2]));
        if (from !== undefined && to !== undefined && from <= to) {
            for (let i = from; i <= to; i++) hit.add(i);
        }
    }
    return [...hit].sort((a, b) => a - b).map(i => known[i].item);
}
