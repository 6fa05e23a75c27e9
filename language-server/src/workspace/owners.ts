import {
    DefaultIndexManager, DocumentState, WorkspaceCache, stream,
    type AstNodeDescription, type LangiumDocument, type LangiumDocuments, type LangiumSharedCoreServices, type Stream
} from 'langium';
import { canonicalCode } from '../codes.js';
import { isAppartenance, isCertification, isSocle, type Document } from '../generated/ast.js';

/**
 * À quel référentiel appartient un fichier : c'est son en-tête qui le dit.
 * - `certification CODE "…"` : le fichier définit la certification CODE ;
 * - `socle CODE "…"` : le fichier définit un socle de compétences partagées ;
 * - `référentiel CODE` : le fichier fait partie du référentiel (ou du socle) CODE.
 *
 * Les codes (C1.1, BC01…) sont propres à chaque référentiel : deux référentiels peuvent
 * avoir chacun leur C1.1. La clé d'un propriétaire est la forme canonique de son code.
 */
export function ownerCodeOf(root: Document | undefined): string | undefined {
    const header = root?.entete;
    if (!header) {
        return undefined;
    }
    if (isCertification(header) || isSocle(header)) {
        return header.name;
    }
    if (isAppartenance(header)) {
        return header.proprietaire?.$refText || undefined;
    }
    return undefined;
}

export function ownerKeyOf(document: LangiumDocument): string | undefined {
    const code = ownerCodeOf(document.parseResult?.value as Document | undefined);
    return code ? canonicalCode(code) : undefined;
}

const HEADER = /^(?:\s|\/\/[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*(?:certification|référentiel|socle)\s+([^\s"{]+)/;

/** Lecture rapide de l'en-tête d'un texte pas encore analysé (pour savoir ce qu'une modification touche). */
export function scanOwnerKey(text: string): string | undefined {
    const m = HEADER.exec(text);
    return m ? canonicalCode(m[1]) : undefined;
}

/** Donne accès aux symboles exportés d'un seul document, sans parcourir tout l'index. */
export class ReferentielIndexManager extends DefaultIndexManager {
    exportsOf(uri: string): readonly AstNodeDescription[] {
        return this.symbolIndex.get(uri) ?? [];
    }
}

interface OwnerState {
    /** Documents par propriétaire. */
    readonly documents: Map<string, LangiumDocument[]>;
    /** Déclarations des propriétaires (certifications et socles), par clé. */
    readonly declarations: Map<string, AstNodeDescription[]>;
    /** Socles utilisés par chaque certification (clés). */
    readonly uses: Map<string, string[]>;
    /** Symboles propres à chaque propriétaire, calculés à la demande. */
    readonly symbols: Map<string, Map<string, AstNodeDescription[]>>;
}

/**
 * L'index des référentiels de l'espace de travail : quels documents appartiennent à quel
 * référentiel, et les codes de chacun. Calculé une fois par construction (après l'indexation
 * du contenu), en un seul passage sur les documents ; les tables de symboles d'un référentiel
 * ne sont construites que si l'on en a besoin.
 */
export class OwnerIndex {
    private readonly documents: LangiumDocuments;
    private readonly indexManager: ReferentielIndexManager;
    private readonly cache: WorkspaceCache<string, OwnerState>;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.indexManager = shared.workspace.IndexManager as ReferentielIndexManager;
        this.cache = new WorkspaceCache(shared, DocumentState.IndexedContent);
    }

    private state(): OwnerState {
        return this.cache.get('state', () => {
            const documents = new Map<string, LangiumDocument[]>();
            const declarations = new Map<string, AstNodeDescription[]>();
            const uses = new Map<string, string[]>();
            for (const document of this.documents.all) {
                const root = document.parseResult?.value as Document | undefined;
                const key = ownerKeyOf(document);
                if (!key || !root) {
                    continue;
                }
                push(documents, key, document);
                const header = root.entete;
                if (isCertification(header) || isSocle(header)) {
                    const own = this.indexManager.exportsOf(document.uri.toString()).find(d => d.node === header || d.path === '/entete');
                    if (own) {
                        push(declarations, key, own);
                    }
                }
                if (isCertification(header) && header.socles.length > 0) {
                    const list = uses.get(key) ?? [];
                    for (const ref of header.socles) {
                        list.push(canonicalCode(ref.$refText));
                    }
                    uses.set(key, list);
                }
            }
            return { documents, declarations, uses, symbols: new Map() };
        });
    }

    documentsOf(ownerKey: string): readonly LangiumDocument[] {
        return this.state().documents.get(ownerKey) ?? [];
    }

    owners(): Iterable<string> {
        return this.state().documents.keys();
    }

    declarationsOf(ownerKey: string): readonly AstNodeDescription[] {
        return this.state().declarations.get(ownerKey) ?? [];
    }

    allDeclarations(): Stream<AstNodeDescription> {
        return stream(this.state().declarations.values()).flat();
    }

    /** Les socles qu'utilise une certification. */
    socleKeysOf(ownerKey: string): readonly string[] {
        return this.state().uses.get(ownerKey) ?? [];
    }

    /** Les certifications qui utilisent un socle. */
    usersOf(socleKey: string): string[] {
        const result: string[] = [];
        for (const [owner, socles] of this.state().uses) {
            if (socles.includes(socleKey)) {
                result.push(owner);
            }
        }
        return result;
    }

    /** Codes propres à un référentiel : forme canonique → descriptions. */
    symbolsOf(ownerKey: string): Map<string, AstNodeDescription[]> {
        const state = this.state();
        let table = state.symbols.get(ownerKey);
        if (!table) {
            table = new Map();
            for (const document of state.documents.get(ownerKey) ?? []) {
                for (const description of this.indexManager.exportsOf(document.uri.toString())) {
                    push(table, canonicalCode(description.name), description);
                }
            }
            state.symbols.set(ownerKey, table);
        }
        return table;
    }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) {
        list.push(value);
    } else {
        map.set(key, [value]);
    }
}
