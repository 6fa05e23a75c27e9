import {
    AstUtils, Cancellation, CstUtils, DefaultAstNodeDescriptionProvider, DefaultReferenceDescriptionProvider, interruptAndCheck, isReference, UriUtils,
    type AstNode, type AstNodeDescription, type AstNodeLocator, type CstNode, type DocumentSegment,
    type LangiumDocument, type NameProvider, type ReferenceDescription, type ReferenceInfo, type URI
} from 'langium';
import { referencesOf } from '../model/ast-nodes.js';

/**
 * Les descriptions des symboles (index de Langium) et des références (trouver les références,
 * renommer), en objets compacts. Celles de Langium sont des littéraux avec un accesseur et deux
 * fermetures chacun, et leurs segments (positions) calculés d'avance : V8 range un tel littéral
 * en dictionnaire, ~900 octets par code publié ; ~270 par référence. Dans un catalogue de 1 000
 * référentiels (88 000 codes, 79 000 références), c'était le premier poste du tas après l'arbre
 * lui-même (profil du tas, docs/performance.md). Ici : une classe, et les segments et chemins
 * calculés à la première lecture depuis le nœud, que la description garde de toute façon
 * (l'arbre d'un document ne change jamais : une modification en produit un nouveau, réindexé).
 */
class NodeDescription implements AstNodeDescription {
    private nameSegmentCache?: DocumentSegment | null;
    private selectionSegmentCache?: DocumentSegment | null;
    private pathCache?: string;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly type: string,
        readonly documentUri: URI,
        private readonly provider: { readonly nameProvider: NameProvider; readonly astNodeLocator: AstNodeLocator }
    ) { }

    get nameSegment(): DocumentSegment | undefined {
        if (this.nameSegmentCache === undefined) {
            this.nameSegmentCache = CstUtils.toDocumentSegment(this.provider.nameProvider.getNameNode(this.node) ?? this.node.$cstNode) ?? null;
        }
        return this.nameSegmentCache ?? undefined;
    }

    get selectionSegment(): DocumentSegment | undefined {
        if (this.selectionSegmentCache === undefined) {
            this.selectionSegmentCache = CstUtils.toDocumentSegment(this.node.$cstNode) ?? null;
        }
        return this.selectionSegmentCache ?? undefined;
    }

    get path(): string {
        return this.pathCache ??= this.provider.astNodeLocator.getAstNodePath(this.node);
    }
}

export class ReferentielAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    /** Ce que les descriptions lisent à la demande (un seul objet pour toutes). */
    private readonly context = { nameProvider: this.nameProvider, astNodeLocator: this.astNodeLocator };

    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const uri = (document ?? AstUtils.getDocument(node)).uri;
        name ??= this.nameProvider.getName(node);
        if (!name) {
            throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        }
        return new NodeDescription(node, name, node.$type, uri, this.context);
    }
}

class CompactReferenceDescription implements ReferenceDescription {
    private segmentCache?: DocumentSegment;
    private sourcePathCache?: string;

    constructor(
        readonly sourceUri: URI,
        private readonly container: AstNode,
        private readonly refNode: CstNode,
        private readonly target: AstNodeDescription,
        private readonly locator: AstNodeLocator
    ) { }

    get sourcePath(): string {
        return this.sourcePathCache ??= this.locator.getAstNodePath(this.container);
    }

    get targetUri(): URI {
        return this.target.documentUri;
    }

    get targetPath(): string {
        return this.target.path;
    }

    get segment(): DocumentSegment {
        return this.segmentCache ??= CstUtils.toDocumentSegment(this.refNode);
    }

    get local(): boolean {
        return UriUtils.equals(this.target.documentUri, this.sourceUri);
    }
}

/**
 * Les références d'un document publiées dans l'index (renommage, « toutes les références »), lues
 * dans la liste relevée une fois par arbre (`referencesOf`, model/ast-nodes.ts), comme la liaison,
 * en descriptions compactes.
 */
export class ReferentielReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        if (cancelToken !== Cancellation.CancellationToken.None) await interruptAndCheck(cancelToken);
        for (const info of referencesOf(document.parseResult.value)) {
            // Sans jeton d'annulation (ligne de commande), pas d'attente à chaque référence.
            if (cancelToken !== Cancellation.CancellationToken.None) await interruptAndCheck(cancelToken);
            if (!info.reference.error) {
                for (const description of this.createInfoDescriptions(info)) descriptions.push(description);
            }
        }
        return descriptions;
    }

    protected override createInfoDescriptions(info: ReferenceInfo): ReferenceDescription[] {
        const reference = info.reference;
        if (reference.error || !reference.$refNode) {
            return [];
        }
        const targets = isReference(reference)
            ? (reference.$nodeDescription ? [reference.$nodeDescription] : [])
            : reference.items.map(item => item.$nodeDescription).filter(description => description !== undefined);
        const sourceUri = AstUtils.getDocument(info.container).uri;
        return targets.map(target => new CompactReferenceDescription(sourceUri, info.container, reference.$refNode!, target, this.nodeLocator));
    }
}
