import { AstUtils, type AstNode } from 'langium';

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
