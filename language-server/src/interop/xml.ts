/** Écriture XML minimale, sûre et déterministe (pas de bibliothèque : quelques éléments seulement). */

import { escapeXml } from '../common/markup.js';

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
