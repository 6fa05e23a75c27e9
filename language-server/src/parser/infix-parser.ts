import {
    AstUtils, CompositeCstNodeImpl, LangiumParser, createLangiumParser,
    type AstNode, type CstNode, type LangiumCoreServices, type ParseResult
} from 'langium';

/**
 * Le parseur du langage, avec les nœuds de syntaxe concrète des opérations imbriquées.
 *
 * Les règles `infix` de la grammaire (« et », « ou », « + », « * »…) construisent l'arbre
 * des priorités après coup : toutes les opérations d'une même chaîne (« a + b * c ») partagent
 * alors le nœud concret de la chaîne entière. Ici chaque opération imbriquée reçoit le sien
 * (« b * c »), comme l'écrivait l'ancienne grammaire à actions : les diagnostics, le texte d'une
 * sous-expression et le survol visent la sous-expression et non toute la chaîne.
 */
export function createReferentielParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const parse = parser.parse.bind(parser);
    parser.parse = <T extends AstNode = AstNode>(input: string, options?: Parameters<LangiumParser['parse']>[1]): ParseResult<T> => {
        const result = parse<T>(input, options);
        nestInfixCst(result.value);
        return result;
    };
    return parser;
}

type Operation = AstNode & { left?: AstNode; right?: AstNode; operator?: string };

function isOperation(node: AstNode | undefined): node is Operation {
    return node !== undefined && 'left' in node && 'right' in node && 'operator' in node;
}

/** Donne un nœud concret à chaque opération qui partage celui de l'opération qui la contient. */
export function nestInfixCst(root: AstNode): void {
    const chains: Operation[] = [];
    for (const node of AstUtils.streamAst(root)) {
        if (isOperation(node) && node.$cstNode && node.$container?.$cstNode !== node.$cstNode) chains.push(node);
    }
    for (const chain of chains) nestChain(chain);
}

function nestChain(top: Operation): void {
    // Le nœud concret de la chaîne contient, sous les appels de règle qui l'enveloppent, dans
    // l'ordre : opérande, opérateur, opérande… (et les commentaires). Les opérations imbriquées
    // pointent vers l'un de ces nœuds enveloppants.
    const wrappers = new Set<CstNode>();
    let holder = top.$cstNode as CompositeCstNodeImpl;
    let parts = visible(holder);
    wrappers.add(holder);
    while (parts.length === 1 && parts[0] instanceof CompositeCstNodeImpl) {
        holder = parts[0];
        parts = visible(holder);
        wrappers.add(holder);
    }
    const inChain = (node: AstNode | undefined): node is Operation => isOperation(node) && node.$cstNode !== undefined && wrappers.has(node.$cstNode);
    const operandCount = (node: AstNode | undefined): number =>
        inChain(node) ? operandCount(node.left) + operandCount(node.right) : 1;
    if (parts.length !== 2 * operandCount(top) - 1) return; // chaîne incomplète (erreur de syntaxe)

    const group = (node: AstNode | undefined, container: CompositeCstNodeImpl, first: number): number => {
        if (!inChain(node)) return 1;
        const count = operandCount(node);
        let own = container;
        if (node !== top) {
            const start = container.content.indexOf(parts[2 * first]);
            const end = container.content.indexOf(parts[2 * (first + count - 1)]);
            if (start < 0 || end < start) return count;
            own = wrap(container, start, end, parts[2 * first].grammarSource);
            own.astNode = node;
            (node as { $cstNode?: CstNode }).$cstNode = own;
        }
        const left = group(node.left, own, first);
        group(node.right, own, first + left);
        return count;
    };
    group(top, holder, 0);
}

function visible(node: CompositeCstNodeImpl): CstNode[] {
    return node.content.filter(child => !child.hidden);
}

/** Remplace `content[start..end]` d'un nœud composite par un nouveau nœud composite qui les contient. */
function wrap(container: CompositeCstNodeImpl, start: number, end: number, grammarSource: CstNode['grammarSource']): CompositeCstNodeImpl {
    const wrapper = new CompositeCstNodeImpl();
    wrapper.grammarSource = grammarSource;
    wrapper.container = container;
    wrapper.content = container.content.slice(start, end + 1);
    for (const child of wrapper.content) (child as { container?: CompositeCstNodeImpl }).container = wrapper;
    container.content.splice(start, end - start + 1, wrapper);
    return wrapper;
}
