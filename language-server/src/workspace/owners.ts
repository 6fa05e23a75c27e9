import {
    DefaultIndexManager,
    type AstNodeDescription, type Cancellation, type LangiumDocument, type LangiumSharedCoreServices, type URI
} from 'langium';
import { canonicalCode } from '../codes.js';
import { isAppartenance, isCertification, isSocle, type Certification, type Document, type Socle } from '../generated/ast.js';

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

/** La déclaration du propriétaire d'un fichier (certification ou socle), résolue ; undefined sans en-tête valable. */
export function ownerDeclarationOf(root: Document | undefined): Certification | Socle | undefined {
    const header = root?.entete;
    if (isCertification(header) || isSocle(header)) {
        return header;
    }
    return isAppartenance(header) ? header.proprietaire?.ref : undefined;
}

const ownerKeys = new WeakMap<object, string | null>();

/** Clé du propriétaire d'un document, mémorisée par arbre syntaxique (un nouvel arbre à chaque analyse). */
export function ownerKeyOf(document: LangiumDocument): string | undefined {
    const root = document.parseResult?.value as Document | undefined;
    if (!root) {
        return undefined;
    }
    let key = ownerKeys.get(root);
    if (key === undefined) {
        const code = ownerCodeOf(root);
        key = code ? canonicalCode(code) : null;
        ownerKeys.set(root, key);
    }
    return key ?? undefined;
}

const HEADER = /^(?:\s|\/\/[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*(?:certification|référentiel|socle)\s+([^\s"{]+)/;

/** Lecture rapide de l'en-tête d'un texte pas encore analysé (pour savoir ce qu'une modification touche). */
export function scanOwnerKey(text: string): string | undefined {
    const m = HEADER.exec(text);
    return m ? canonicalCode(m[1]) : undefined;
}

/**
 * L'index des symboles de Langium, plus deux choses : l'accès aux symboles exportés d'un seul
 * document, sans parcourir tout l'index ; et des abonnés prévenus dans le même appel que
 * l'indexation ou le retrait d'un document.
 *
 * Pourquoi pas `DocumentBuilder.onDocumentPhase(IndexedContent)` : Langium vérifie l'annulation
 * avant chaque écouteur de phase, après avoir déjà passé le document à l'état « contenu indexé ».
 * Une construction interrompue à ce moment-là (un `didOpen` reçu pendant la construction initiale)
 * sautait l'écouteur, et la construction suivante ne réindexe pas un document déjà à cet état :
 * le fichier manquait pour de bon à l'index des référentiels (test/unit/startup-race.test.ts).
 * Ici, l'abonné voit exactement ce que voit l'index des symboles, annulation ou pas.
 */
export class ReferentielIndexManager extends DefaultIndexManager {
    private readonly indexedListeners: Array<(document: LangiumDocument) => void> = [];
    private readonly removedListeners: Array<(uri: string) => void> = [];

    exportsOf(uri: string): readonly AstNodeDescription[] {
        return this.symbolIndex.get(uri) ?? [];
    }

    /** Appelé chaque fois que les symboles exportés d'un document viennent d'être indexés. */
    onContentIndexed(listener: (document: LangiumDocument) => void): void {
        this.indexedListeners.push(listener);
    }

    /** Appelé quand un document quitte l'espace de travail (supprimé). */
    onRemoved(listener: (uri: string) => void): void {
        this.removedListeners.push(listener);
    }

    override async updateContent(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        await super.updateContent(document, cancelToken);
        for (const listener of this.indexedListeners) listener(document);
    }

    override remove(uri: URI): void {
        super.remove(uri);
        const key = uri.toString();
        for (const listener of this.removedListeners) listener(key);
    }
}

interface DocumentEntry {
    readonly document: LangiumDocument;
    readonly key: string;
    readonly declaration?: AstNodeDescription;
    readonly uses: readonly string[];
}

/**
 * L'index des référentiels de l'espace de travail : quels documents appartiennent à quel
 * référentiel, et les codes de chacun. Tenu à jour document par document quand un document
 * est (ré)indexé ou supprimé : une modification ne coûte que le référentiel qu'elle touche.
 * Les tables de symboles d'un référentiel sont construites à la demande et jetées quand un de
 * ses fichiers change.
 */
export class OwnerIndex {
    private readonly indexManager: ReferentielIndexManager;
    private readonly entries = new Map<string, DocumentEntry>();
    private readonly byOwner = new Map<string, Map<string, DocumentEntry>>();
    private readonly declarationTable = new Map<string, AstNodeDescription[]>();
    private readonly symbols = new Map<string, Map<string, AstNodeDescription[]>>();
    private readonly sortedDocuments = new Map<string, LangiumDocument[]>();
    /** Socle → les documents de certification qui l'utilisent. */
    private readonly usedBy = new Map<string, Set<DocumentEntry>>();
    /** Les documents indexés sans en-tête de référentiel, par URI. */
    private readonly unownedDocuments = new Map<string, LangiumDocument>();
    private readonly changeListeners: Array<(ownerKey: string) => void> = [];

    constructor(shared: LangiumSharedCoreServices) {
        this.indexManager = shared.workspace.IndexManager as ReferentielIndexManager;
        // Tenu par l'index des symboles lui-même, pas par un écouteur de phase (voir ReferentielIndexManager).
        this.indexManager.onContentIndexed(document => this.index(document));
        this.indexManager.onRemoved(uri => this.remove(uri));
    }

    /** Appelé à chaque changement des documents d'un référentiel (pour vider ce qui en dépend). */
    onChanged(listener: (ownerKey: string) => void): void {
        this.changeListeners.push(listener);
    }

    private index(document: LangiumDocument): void {
        const uri = document.uri.toString();
        this.remove(uri);
        const root = document.parseResult?.value as Document | undefined;
        const key = ownerKeyOf(document);
        if (!root || !key) {
            this.unownedDocuments.set(uri, document);
            return;
        }
        const header = root.entete;
        const declaration = isCertification(header) || isSocle(header)
            ? this.indexManager.exportsOf(uri).find(d => d.node === header || d.path === '/entete')
            : undefined;
        const uses = isCertification(header) ? header.socles.map(ref => canonicalCode(ref.$refText)) : [];
        const entry: DocumentEntry = { document, key, declaration, uses };
        this.entries.set(uri, entry);
        let owned = this.byOwner.get(key);
        if (!owned) {
            owned = new Map();
            this.byOwner.set(key, owned);
        }
        owned.set(uri, entry);
        for (const socle of uses) {
            let users = this.usedBy.get(socle);
            if (!users) {
                users = new Set();
                this.usedBy.set(socle, users);
            }
            users.add(entry);
        }
        this.changed(key);
    }

    private remove(uri: string): void {
        this.unownedDocuments.delete(uri);
        const entry = this.entries.get(uri);
        if (!entry) {
            return;
        }
        this.entries.delete(uri);
        for (const socle of entry.uses) {
            const users = this.usedBy.get(socle);
            users?.delete(entry);
            if (users?.size === 0) this.usedBy.delete(socle);
        }
        const owned = this.byOwner.get(entry.key);
        owned?.delete(uri);
        if (owned && owned.size === 0) {
            this.byOwner.delete(entry.key);
        }
        this.changed(entry.key);
    }

    private changed(key: string): void {
        this.symbols.delete(key);
        this.sortedDocuments.delete(key);
        for (const listener of this.changeListeners) listener(key);
        const declarations: AstNodeDescription[] = [];
        for (const entry of this.byOwner.get(key)?.values() ?? []) {
            if (entry.declaration) declarations.push(entry.declaration);
        }
        if (declarations.length > 0) {
            this.declarationTable.set(key, declarations);
        } else {
            this.declarationTable.delete(key);
        }
    }

    /** Les documents d'un référentiel, triés par URI (ordre stable, indépendant du système). */
    documentsOf(ownerKey: string): readonly LangiumDocument[] {
        let list = this.sortedDocuments.get(ownerKey);
        if (!list) {
            list = [...(this.byOwner.get(ownerKey)?.values() ?? [])]
                .map(e => e.document)
                .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
            this.sortedDocuments.set(ownerKey, list);
        }
        return list;
    }

    owners(): Iterable<string> {
        return this.byOwner.keys();
    }

    declarationsOf(ownerKey: string): readonly AstNodeDescription[] {
        return this.declarationTable.get(ownerKey) ?? [];
    }

    /** Toutes les déclarations de référentiels (certifications et socles), par clé canonique. */
    declarations(): Map<string, AstNodeDescription[]> {
        return this.declarationTable;
    }

    /** Les socles qu'utilise une certification. */
    socleKeysOf(ownerKey: string): readonly string[] {
        const result: string[] = [];
        for (const entry of this.byOwner.get(ownerKey)?.values() ?? []) {
            result.push(...entry.uses);
        }
        return result;
    }

    /** Les certifications qui utilisent un socle (sans parcourir l'espace de travail). */
    usersOf(socleKey: string): string[] {
        const result = new Set<string>();
        for (const entry of this.usedBy.get(socleKey) ?? []) result.add(entry.key);
        return [...result];
    }

    /** Les documents indexés dont le texte ne dit pas à quel référentiel ils appartiennent. */
    unowned(): Iterable<LangiumDocument> {
        return this.unownedDocuments.values();
    }

    /**
     * Oublie les tables de codes calculées (appelé à la fin de chaque construction) : elles ne
     * servent qu'à la liaison ; une requête de l'éditeur refait celle de son seul référentiel.
     */
    releaseSymbolTables(): void {
        this.symbols.clear();
    }

    /** Codes propres à un référentiel : forme canonique → descriptions. */
    symbolsOf(ownerKey: string): Map<string, AstNodeDescription[]> {
        let table = this.symbols.get(ownerKey);
        if (!table) {
            table = new Map();
            for (const document of this.documentsOf(ownerKey)) {
                for (const description of this.indexManager.exportsOf(document.uri.toString())) {
                    push(table, canonicalCode(description.name), description);
                }
            }
            this.symbols.set(ownerKey, table);
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
