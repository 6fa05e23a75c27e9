import {
    AstUtils, DefaultScopeComputation, DefaultScopeProvider, MultiMap, stream,
    type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols, type ReferenceInfo, type Scope, type Stream
} from 'langium';
import { canonicalCode } from '../codes.js';
import { Certification, Proprietaire, Socle, type Document } from '../generated/ast.js';
import { descendants } from '../model/ast-nodes.js';
import { CODED_TYPES } from '../model/coded.js';
import type { ReferentielServices } from '../referentiel-module.js';
import { ownerKeyOf, type OwnerIndex } from '../workspace/owners.js';

export class ReferentielScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const exports: AstNodeDescription[] = [];
        const root = document.parseResult.value;
        // Les éléments nommés qu'un document publie : tous ceux qui portent un code, à toute profondeur.
        for (const node of descendants(root)) {
            if (CODED_TYPES.has(node.$type)) {
                const name = this.nameProvider.getName(node);
                if (name) {
                    exports.push(this.descriptions.createDescription(node, name, document));
                }
            }
        }
        return exports;
    }

    /** Pas de portée locale : tout se résout au niveau du référentiel (voir ReferentielScopeProvider). */
    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}

/**
 * Portée des références : les codes du référentiel auquel appartient le fichier (tous ses
 * fichiers), puis ceux des socles qu'il utilise. Les codes se comparent sous leur forme
 * canonique : « C5-2 » trouve « C5.2 » (la règle REF003 signale l'écart d'écriture).
 */
export class ReferentielScopeProvider extends DefaultScopeProvider {
    private readonly owners: OwnerIndex;

    constructor(services: ReferentielServices) {
        super(services);
        this.owners = services.references.OwnerIndex;
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        if (referenceType === Proprietaire.$type || referenceType === Socle.$type || referenceType === Certification.$type) {
            return new CodeScope([this.owners.declarations()], d => this.reflection.isSubtype(d.type, referenceType));
        }
        const document = AstUtils.getDocument(context.container);
        const owner = ownerKeyOf(document);
        if (!owner) {
            return new CodeScope([], () => false);
        }
        const layers = [this.owners.symbolsOf(owner)];
        for (const socle of this.owners.socleKeysOf(owner)) {
            if (socle !== owner) {
                layers.push(this.owners.symbolsOf(socle));
            }
        }
        return new CodeScope(layers, d => this.reflection.isSubtype(d.type, referenceType));
    }

}

/** Une portée par couches (le référentiel, puis ses socles), indexée par code canonique. */
export class CodeScope implements Scope {
    constructor(
        private readonly layers: ReadonlyArray<Map<string, AstNodeDescription[]>>,
        private readonly accept: (description: AstNodeDescription) => boolean
    ) { }

    getElement(name: string): AstNodeDescription | undefined {
        const key = canonicalCode(name);
        for (const layer of this.layers) {
            const found = layer.get(key)?.find(this.accept);
            if (found) {
                return found;
            }
        }
        return undefined;
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const key = canonicalCode(name);
        return stream(this.layers).flatMap(layer => layer.get(key) ?? []).filter(this.accept);
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.layers).flatMap(layer => stream(layer.values()).flat()).filter(this.accept);
    }
}

export type { Document };
