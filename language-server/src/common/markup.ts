/**
 * L'échappement du texte dans du HTML et du XML, en un seul endroit : rapport HTML d'évaluation,
 * vues de l'extension (matrice de couverture), rapport JUnit, exports XML. Aucune importation :
 * le serveur et l'extension le partagent.
 */

// eslint-disable-next-line no-control-regex
const HTML_SPECIAL = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const HTML_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Un texte pour le contenu d'un élément HTML comme pour une valeur d'attribut entre guillemets :
 * & < > " ' échappés, caractères de contrôle remplacés par U+FFFD.
 */
export function escapeHtml(text: string | number): string {
    const s = String(text);
    if (!HTML_SPECIAL.test(s)) return s;
    return s
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;').replace(/'/g, '&#39;')
        .replace(HTML_CONTROL, '\uFFFD');
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
