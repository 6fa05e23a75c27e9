import { AstUtils, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';

/**
 * Les nœuds d'un arbre, racine comprise, dans l'ordre de `AstUtils.streamAst` : parcourus une
 * fois par arbre et gardés tant que l'arbre vit. L'indexation (symboles publiés), le modèle du
 * référentiel et plusieurs vérifications demandent chacun tous les nœuds d'un document ; un
 * itérateur paresseux de Langium par demande coûtait plusieurs parcours complets par document.
 * Un arbre n'est jamais modifié après l'analyse (une modification du texte en produit un neuf).
 */
const cache = new WeakMap<AstNode, readonly AstNode[]>();

export function astNodes(root: AstNode): readonly AstNode[] {
    let nodes = cache.get(root);
    if (!nodes) {
        nodes = AstUtils.streamAst(root).toArray();
        cache.set(root, nodes);
    }
    return nodes;
}

/** Les nœuds sous la racine (comme `AstUtils.streamAllContents`). */
export function* descendants(root: AstNode): Generator<AstNode> {
    const nodes = astNodes(root);
    for (let i = 1; i < nodes.length; i++) yield nodes[i];
}

const references = new WeakMap<AstNode, readonly ReferenceInfo[]>();

/**
 * Les références d'un arbre, dans l'ordre de `AstUtils.streamAst` puis de
 * `AstUtils.streamReferences` sur chaque nœud : relevées une fois par arbre. La liaison et la
 * description des références pour l'index (references/linking.ts) les lisent au lieu de
 * reparcourir l'arbre, chacune avec un itérateur par nœud.
 */
export function referencesOf(root: AstNode): readonly ReferenceInfo[] {
    let found = references.get(root);
    if (!found) {
        const list: ReferenceInfo[] = [];
        for (const node of astNodes(root)) {
            for (const property of Object.keys(node)) {
                if (property.charCodeAt(0) === 36 /* $ */) continue;
                const value = (node as unknown as Record<string, unknown>)[property];
                if (isReference(value) || isMultiReference(value)) {
                    list.push({ reference: value, container: node, property });
                } else if (Array.isArray(value)) {
                    for (let index = 0; index < value.length; index++) {
                        const element: unknown = value[index];
                        if (isReference(element) || isMultiReference(element)) {
                            list.push({ reference: element, container: node, property, index });
                        }
                    }
                }
            }
        }
        found = list;
        references.set(root, found);
    }
    return found;
}
