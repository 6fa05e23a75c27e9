/** Écriture XML minimale, sûre et déterministe (pas de bibliothèque : quelques éléments seulement). */

/** Les caractères interdits en XML 1.0 (contrôles sauf tabulation et retours, surrogates isolés). */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Le texte d'un élément : & < > échappés, caractères interdits retirés, fins de ligne en \n. */
export function escapeXml(text: string): string {
    return text
        .replace(INVALID_XML, '')
        .replace(/\r\n?/g, '\n')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
}

/** Un petit arbre XML : un élément a du texte ou des enfants. */
export interface XmlElement {
    readonly name: string;
    readonly text?: string;
    readonly children?: ReadonlyArray<XmlElement | undefined | false>;
}

export function el(name: string, content?: string | ReadonlyArray<XmlElement | undefined | false>): XmlElement {
    return typeof content === 'string' ? { name, text: content } : { name, children: content ?? [] };
}

/** Sérialise avec une indentation de deux espaces ; les textes sont écrits tels quels (échappés). */
export function serialize(element: XmlElement, depth = 0): string {
    const pad = '  '.repeat(depth);
    if (element.text !== undefined) {
        return `${pad}<${element.name}>${escapeXml(element.text)}</${element.name}>\n`;
    }
    const children = (element.children ?? []).filter((c): c is XmlElement => Boolean(c));
    if (children.length === 0) return `${pad}<${element.name}/>\n`;
    return `${pad}<${element.name}>\n${children.map(c => serialize(c, depth + 1)).join('')}${pad}</${element.name}>\n`;
}
