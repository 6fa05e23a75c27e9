import { CstUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { ReferentielServices } from '../referentiel-module.js';
import { isCoded } from '../model/coded.js';

export interface CodeAtPosition {
    /** L'élément désigné (sa définition). */
    readonly target: AstNode;
    /** Le jeton du code sous le curseur (définition ou référence). */
    readonly cst: CstNode;
    /** Vrai si le curseur est sur la définition du code, faux sur une référence. */
    readonly declaration: boolean;
}

/**
 * Le code sous le curseur (ou juste avant lui, quand le curseur suit le code) : sa cible et son
 * jeton. Une référence non résolue ne désigne rien.
 */
export function codeAt(services: ReferentielServices, document: LangiumDocument, offset: number): CodeAtPosition | undefined {
    const root = document.parseResult?.value?.$cstNode;
    if (!root) return undefined;
    for (const at of [offset, offset - 1]) {
        if (at < 0) continue;
        const leaf = CstUtils.findLeafNodeAtOffset(root, at);
        if (!leaf || leaf.hidden || at >= leaf.end) continue;
        const targets = services.references.References.findDeclarations(leaf);
        const target = targets[0];
        if (!target) continue;
        const nameNode = target === leaf.astNode ? services.references.NameProvider.getNameNode(target) : undefined;
        const declaration = nameNode !== undefined && (nameNode === leaf || CstUtils.isChildNode(leaf, nameNode));
        if (!declaration && !isCoded(target)) continue;
        return { target, cst: leaf, declaration };
    }
    return undefined;
}
