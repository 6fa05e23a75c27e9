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
