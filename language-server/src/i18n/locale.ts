/**
 * Langue des messages : français par défaut, anglais sur demande.
 *
 * Ordre de priorité : option explicite (`--locale`, paramètre du serveur),
 * puis la variable REFERENTIEL_LOCALE, puis LC_ALL / LC_MESSAGES / LANG.
 * Une locale qui n'est pas anglaise (ou absente, ou « C ») donne le français.
 */
export type Locale = 'fr' | 'en';

let current: Locale = 'fr';

export function getLocale(): Locale {
    return current;
}

export function setLocale(locale: Locale): void {
    current = locale;
}

/** Normalise une étiquette de langue (« en-US », « fr_FR.UTF-8 »…) ; `undefined` si inconnue. */
export function parseLocale(tag: string | undefined | null): Locale | undefined {
    if (!tag) {
        return undefined;
    }
    const lower = tag.trim().toLowerCase();
    if (lower.startsWith('en')) {
        return 'en';
    }
    if (lower.startsWith('fr')) {
        return 'fr';
    }
    return undefined;
}

export function detectLocale(explicit?: string, env: NodeJS.ProcessEnv = process.env): Locale {
    return parseLocale(explicit)
        ?? parseLocale(env.REFERENTIEL_LOCALE)
        ?? parseLocale(env.LC_ALL)
        ?? parseLocale(env.LC_MESSAGES)
        ?? parseLocale(env.LANG)
        ?? 'fr';
}

/** Formate un nombre selon la langue courante (virgule décimale en français). */
export function formatNumber(value: number, locale: Locale = current): string {
    if (!Number.isFinite(value)) {
        return String(value);
    }
    const rounded = Math.round(value * 100) / 100;
    const text = String(rounded);
    return locale === 'fr' ? text.replace('.', ',') : text;
}

/** Arrondit à `decimals` décimales et écrit selon la langue (virgule décimale en français). */
export function formatDecimals(value: number, decimals: number, locale: Locale = current): string {
    if (!Number.isFinite(value)) {
        return String(value);
    }
    const text = String(roundTo(value, decimals));
    return locale === 'fr' ? text.replace('.', ',') : text;
}

/** Arrondi décimal tel qu'on l'écrit (9,995 → 10 à deux décimales), sans l'erreur binaire de `x * 100`. */
function roundTo(value: number, decimals: number): number {
    if (/e/i.test(String(value))) return Math.round(value * 10 ** decimals) / 10 ** decimals;
    return Number(`${Math.round(Number(`${value}e${decimals}`))}e-${decimals}`);
}

/**
 * Écrit des nombres qui se comparent : la précision augmente (deux décimales d'abord) jusqu'à ce
 * que les valeurs affichées se comparent comme les vraies. Une moyenne de 9,995 face au seuil 10
 * s'écrit « 9,995 », jamais « 10 » (qui ferait lire « 10/20 < 10/20 »). Deux valeurs égales à
 * `tolerance` près restent écrites égales.
 */
export function formatCompared(values: readonly number[], locale: Locale = current, tolerance = 1e-9): string[] {
    const order = (a: number, b: number, eps: number): number => (Math.abs(a - b) <= eps ? 0 : Math.sign(a - b));
    const finite = values.filter(Number.isFinite);
    for (let decimals = 2; decimals <= 12; decimals++) {
        const rounded = finite.map(v => roundTo(v, decimals));
        const faithful = finite.every((a, i) => finite.every((b, j) => order(rounded[i], rounded[j], 0) === order(a, b, tolerance)));
        if (faithful) {
            return values.map(v => formatDecimals(v, decimals, locale));
        }
    }
    return values.map(v => formatDecimals(v, 12, locale));
}

const dayFormatters = new Map<Locale, Intl.DateTimeFormat>();

/**
 * Une date AAAA-MM-JJ écrite pour une personne : « 1er mars 2026 », « 30 juin 2026 » ; en anglais
 * « 1 March 2026 ». Un texte qui n'est pas une date valide est rendu tel quel.
 */
export function formatDay(iso: string, locale: Locale = current): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
        return iso;
    }
    const date = new Date(iso + 'T00:00:00Z');
    if (Number.isNaN(date.getTime())) {
        return iso;
    }
    let f = dayFormatters.get(locale);
    if (!f) {
        f = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
        dayFormatters.set(locale, f);
    }
    const text = f.format(date);
    return locale === 'fr' && date.getUTCDate() === 1 ? text.replace(/^1 /, '1er ') : text;
}
