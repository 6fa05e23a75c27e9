/**
 * L'échappement du texte dans du HTML et du XML, en un seul endroit : rapport HTML d'évaluation,
 * vues de l'extension (matrice de couverture), rapport JUnit, exports XML. Aucune importation :
 * le serveur et l'extension le partagent.
 */

// eslint-disable-next-line no-control-regex
const HTML_SPECIAL = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const HTML_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Un texte pour le contenu d'un élément HTML comme pour une valeur d'attribut entre guillemets :
 * & < > " ' échappés, caractères de contrôle remplacés par U+FFFD, contrôles de direction du texte
 * (U+202E…) retirés : un nom ne peut pas retourner l'affichage de ce qui le suit.
 */
export function escapeHtml(text: string | number): string {
    const s = String(text);
    if (!HTML_SPECIAL.test(s)) return s;
    return s
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;').replace(/'/g, '&#39;')
        .replace(HTML_CONTROL, '\uFFFD')
        .replace(BIDI_CONTROLS, '');
}

/** Les caractères interdits en XML 1.0 (contrôles sauf tabulation et retours, surrogates isolés). */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Un texte pour XML 1.0 : caractères interdits retirés, fins de ligne en \n, & < > échappés ;
 * avec `quotes`, aussi " et ' (valeur d'attribut).
 */
export function escapeXml(text: string, options: { quotes?: boolean } = {}): string {
    const s = text
        .replace(INVALID_XML, '')
        .replace(/\r\n?/g, '\n')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
    return options.quotes ? s.replace(/"/g, '&quot;').replace(/'/g, '&apos;') : s;
}

/**
 * Les caractères qui ne doivent jamais atteindre un terminal ni un journal tels quels : contrôles
 * C0 (dont les fins de ligne et l'échappement des terminaux), DEL, contrôles C1, et contrôles de
 * direction du texte (U+200E/F, U+202A–202E, U+2066–2069), qui font lire une ligne autrement
 * qu'elle n'est écrite.
 */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNPRINTABLE_TEST = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/**
 * Un texte pour une sortie lue par une personne (terminal, journal de CI) : chaque caractère de
 * contrôle ou de direction devient une séquence visible (« \n », « \x1B », « \u202E ») ; une
 * valeur ne peut donc ni couper la ligne (fausse annotation `::error` de GitHub Actions), ni
 * piloter le terminal, ni se faire lire à l'envers.
 */
export function printable(text: string): string {
    if (!UNPRINTABLE_TEST.test(text)) return text;
    return text.replace(UNPRINTABLE, c => {
        const code = c.charCodeAt(0);
        if (c === '\n') return '\\n';
        if (c === '\r') return '\\r';
        if (c === '\t') return '\\t';
        return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    });
}

/** Chaque texte d'une valeur (objets, listes, Map) passé par `printable` ; le reste est inchangé. */
export function printableDeep<T>(value: T): T {
    if (typeof value === 'string') return printable(value) as T;
    if (Array.isArray(value)) return value.map(v => printableDeep(v)) as T;
    if (value instanceof Map) return new Map([...value].map(([k, v]) => [printableDeep(k), printableDeep(v)])) as T;
    if (value && typeof value === 'object' && !(value instanceof Date)) {
        const out: Record<string, unknown> = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
        for (const [k, v] of Object.entries(value)) out[k] = printableDeep(v);
        return out as T;
    }
    return value;
}

/** Les contrôles de direction du texte, retirés des pages HTML (le texte garde son sens de lecture naturel). */
export const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
