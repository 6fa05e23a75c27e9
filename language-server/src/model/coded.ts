import type { AstNode } from 'langium';
import type {
    Activite, Bloc, Certification, Competence, Critere, Epreuve, Fait, Mesure, Modalite, Socle
} from '../generated/ast.js';

/** Un élément qui porte un code propre à son référentiel : ce que les références désignent. */
export type CodedElement = Bloc | Activite | Competence | Modalite | Critere | Epreuve | Mesure | Fait | Certification | Socle;

/** Les types des éléments codés ; le compilateur vérifie que la liste est celle de `CodedElement`. */
const CODED: Record<CodedElement['$type'], true> = {
    Certification: true, Socle: true, Bloc: true, Activite: true, Competence: true, Modalite: true, Critere: true, Epreuve: true, Mesure: true, Fait: true
};

export const CODED_TYPES: ReadonlySet<string> = new Set(Object.keys(CODED));

/** Un élément codé (et nommé : un arbre partiel peut avoir perdu son code). */
export function isCoded(node: AstNode | undefined): node is CodedElement {
    return node !== undefined && CODED_TYPES.has(node.$type) && typeof (node as { name?: unknown }).name === 'string';
}
