import {
    Cancellation, DefaultDocumentBuilder, DocumentState, interruptAndCheck, isOperationCancelled,
    type AstNode, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices, type MaybePromise, type URI
} from 'langium';
import type { Connection } from 'vscode-languageserver';
import { ReferentielLangiumDocuments } from './documents.js';
import type { OwnerIndex } from './owners.js';
import { ownerKeyOf, scanOwnerKey } from './owners.js';

/**
 * Ce qu'une modification touche. Langium reconstruit les documents qui référencent un document
 * modifié ; les règles de couverture vont plus loin (une modalité ajoutée dans bloc2.ref change le
 * diagnostic d'une compétence de bloc1.ref, qui ne référence pas bloc2.ref). On revérifie donc tous
 * les fichiers du même référentiel, et ceux des certifications qui utilisent un socle modifié —
 * et rien d'autre : une modification dans un référentiel ne revérifie pas les 999 autres.
 */
export class ReferentielDocumentBuilder extends DefaultDocumentBuilder {
    private affectedOwners = new Set<string>();
    private ownerIndex?: () => OwnerIndex;
    /** Les documents dont une phase a échoué (exception interne), et pourquoi. */
    private readonly failures = new Map<string, { state: DocumentState; reason: string }>();
    private readonly connection?: Connection;
    /**
     * Les documents (URI) dont la dernière construction n'est pas achevée pour les options de mise
     * à jour : ajoutés, modifiés, remis à un état antérieur, construction annulée. Une mise à jour
     * ne regarde qu'eux et les documents des référentiels touchés, au lieu de parcourir tout
     * l'espace de travail (voir `update`).
     */
    private readonly unfinished = new Map<string, URI>();
    /** Les options de mise à jour avec lesquelles `unfinished` a été tenu (autres options : parcours complet). */
    private trackedOptions?: BuildOptions;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.connection = (services as { lsp?: { Connection?: Connection } }).lsp?.Connection;
        if (this.langiumDocuments instanceof ReferentielLangiumDocuments) {
            this.langiumDocuments.onAdded(document => this.unfinished.set(document.uri.toString(), document.uri));
        }
    }

    /**
     * Appelé avant d'attendre l'état d'un document (requêtes de l'éditeur) : le serveur y applique
     * les modifications encore retenues par le regroupement des didChange (lsp/update-handler.ts).
     * Rend une promesse à attendre si une mise à jour est lancée (ou va l'être) pour ce document.
     */
    beforeWait?: (uri: URI | undefined) => Promise<void> | undefined;

    override waitUntil(state: DocumentState, cancelToken?: Cancellation.CancellationToken): Promise<void>;
    override waitUntil(state: DocumentState, uri?: URI, cancelToken?: Cancellation.CancellationToken): Promise<URI>;
    override async waitUntil(state: DocumentState, uriOrToken?: URI | Cancellation.CancellationToken, cancelToken?: Cancellation.CancellationToken): Promise<URI | void> {
        const uri = uriOrToken && 'scheme' in uriOrToken ? uriOrToken : undefined;
        // La mise à jour passe par le verrou d'écriture : après elle, le document est marqué modifié
        // et l'attente porte sur sa nouvelle version.
        await this.beforeWait?.(uri);
        return super.waitUntil(state, uriOrToken as URI, cancelToken) as Promise<URI | void>;
    }

    /** L'échec interne d'une phase de ce document pendant la dernière construction, s'il y en a eu un. */
    failureOf(uri: URI): { state: DocumentState; reason: string } | undefined {
        return this.failures.get(uri.toString());
    }

    /**
     * Chaque document est isolé : une exception pendant l'analyse, l'indexation, la liaison ou la
     * vérification d'UN fichier est notée pour ce fichier (une erreur REF001 à sa place, voir
     * ReferentielDocumentValidator) et la construction continue avec les autres. Sans cela, un
     * seul fichier fautif arrêtait la construction initiale : plus aucun diagnostic ni réponse.
     * L'annulation, elle, passe.
     */
    protected override runCancelable(
        documents: LangiumDocument[], targetState: DocumentState, cancelToken: Cancellation.CancellationToken,
        callback: (document: LangiumDocument) => MaybePromise<unknown>
    ): Promise<void> {
        return super.runCancelable(documents, targetState, cancelToken, async document => {
            const key = document.uri.toString();
            if (targetState === DocumentState.Parsed) this.failures.delete(key);
            try {
                await callback(document);
            } catch (error) {
                if (isOperationCancelled(error)) throw error;
                const reason = error instanceof Error ? error.message : String(error);
                if (!this.failures.has(key)) this.failures.set(key, { state: targetState, reason });
                const detail = error instanceof Error ? error.stack ?? reason : reason;
                this.connection?.console.error(`Référentiel : échec interne (phase ${DocumentState[targetState]}) sur ${document.uri.fsPath} : ${detail}`);
                if (targetState === DocumentState.Validated) {
                    // La vérification elle-même a échoué : le diagnostic de l'échec, seul.
                    document.diagnostics = this.failureDiagnostics?.(document) ?? [];
                }
            }
        });
    }

    /** Branché par le module du langage : le diagnostic qui dit l'échec interne d'un document. */
    failureDiagnostics?: (document: LangiumDocument) => NonNullable<LangiumDocument['diagnostics']>;

    /** Branché par le module du langage (l'index des propriétaires vit dans ses services). */
    setOwnerIndex(provider: () => OwnerIndex): void {
        this.ownerIndex = provider;
    }

    /**
     * La mise à jour de Langium, à une différence près : au lieu de parcourir tous les documents
     * de l'espace de travail (deux fois : qui relier, qui reconstruire), elle ne regarde que ceux
     * qui peuvent être concernés — les documents des référentiels touchés, ceux sans en-tête
     * (règle générale de Langium), et ceux dont la dernière construction n'est pas achevée.
     * Les décisions, elles, sont celles de Langium (`shouldRelink`, état, construction achevée,
     * résultats complets). Profil : dans un catalogue de 1 000 référentiels, ces deux parcours
     * coûtaient plus que la reconstruction du référentiel modifié (docs/performance.md).
     */
    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        this.affectedOwners = await this.computeAffectedOwners([...changed, ...deleted]);
        const index = this.ownerIndex?.();
        if (!index || !(this.langiumDocuments instanceof ReferentielLangiumDocuments) || this.trackedOptions !== this.updateBuildOptions) {
            // Options de mise à jour changées (ou services incomplets) : le parcours complet de Langium, une fois.
            this.trackedOptions = this.updateBuildOptions;
            return super.update(changed, deleted, cancelToken);
        }
        this.currentState = DocumentState.Changed;
        const deletedUris: URI[] = [];
        for (const deletedUri of deleted) {
            for (const document of this.langiumDocuments.deleteDocuments(deletedUri)) {
                deletedUris.push(document.uri);
                this.cleanUpDeleted(document);
            }
        }
        const changedUris = (await Promise.all(changed.map(uri => this.findChangedUris(uri)))).flat();
        for (const changedUri of changedUris) {
            let document = this.langiumDocuments.getDocument(changedUri);
            if (document === undefined) {
                // Comme Langium : un document vide, analysé à la première phase de la construction.
                document = this.langiumDocumentFactory.fromModel({ $type: 'INVALID' }, changedUri);
                document.state = DocumentState.Changed;
                this.langiumDocuments.addDocument(document);
            }
            this.resetToState(document, DocumentState.Changed);
        }
        const allChangedUris = new Set([...changedUris, ...deletedUris].map(uri => uri.toString()));
        for (const document of this.relinkCandidates(index)) {
            if (!allChangedUris.has(document.uri.toString()) && this.shouldRelink(document, allChangedUris)) {
                this.resetToState(document, DocumentState.ComputedScopes);
            }
        }
        await this.emitUpdate(changedUris, deletedUris);
        await interruptAndCheck(cancelToken);
        await this.buildDocuments(this.sortDocuments(this.unfinishedDocuments()), this.updateBuildOptions, cancelToken);
    }

    /** Ceux que `shouldRelink` peut retenir : les référentiels touchés, les documents sans en-tête, les inachevés. */
    private relinkCandidates(index: OwnerIndex): Set<LangiumDocument> {
        const candidates = new Set<LangiumDocument>();
        for (const owner of this.affectedOwners) {
            for (const document of index.documentsOf(owner)) candidates.add(document);
        }
        for (const document of index.unowned()) candidates.add(document);
        for (const document of this.unfinishedDocuments()) candidates.add(document);
        return new Set([...candidates].filter(document => this.langiumDocuments.getDocument(document.uri) === document));
    }

    /**
     * Les documents à reconstruire, selon la règle de Langium (pas encore vérifiés, construction
     * interrompue, catégories de règles manquantes), parmi les inachevés, dans l'ordre des adresses.
     * Ceux qui sont achevés (ou partis) quittent la liste : ils n'y reviennent que par une remise à
     * un état antérieur, une nouvelle construction ou leur ajout.
     */
    private unfinishedDocuments(): LangiumDocument[] {
        const documents: LangiumDocument[] = [];
        for (const [key, uri] of [...this.unfinished].sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) {
            const document = this.langiumDocuments.getDocument(uri);
            if (document && (document.state < DocumentState.Validated || !this.buildState.get(key)?.completed
                || this.resultsAreIncomplete(document, this.updateBuildOptions))) {
                documents.push(document);
            } else {
                this.unfinished.delete(key);
            }
        }
        return documents;
    }

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        super.resetToState(document, state);
        this.unfinished.set(document.uri.toString(), document.uri);
    }

    protected override prepareBuild(documents: LangiumDocument[], options: BuildOptions): void {
        super.prepareBuild(documents, options);
        for (const document of documents) this.unfinished.set(document.uri.toString(), document.uri);
    }

    protected override cleanUpDeleted<T extends AstNode>(document: LangiumDocument<T>): void {
        super.cleanUpDeleted(document);
        this.unfinished.delete(document.uri.toString());
    }

    /**
     * Un document d'un référentiel ne voit que les codes de son référentiel et des socles que
     * celui-ci utilise (voir ReferentielScopeProvider) : seule une modification de ce référentiel
     * ou de ces socles peut changer ses liens ou ses diagnostics — y compris résoudre une
     * référence restée en erreur. Décision en temps constant par document, au lieu de parcourir
     * ses références (profilé : c'était l'essentiel du coût d'une modification dans un catalogue
     * de 1 000 référentiels). Un fichier sans en-tête garde la règle générale de Langium.
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        const owner = ownerKeyOf(document);
        if (owner !== undefined) {
            return this.affectedOwners.has(owner);
        }
        return super.shouldRelink(document, changedUris);
    }

    /**
     * Chemin rapide (profilé : c'était le premier coût d'une modification dans un grand catalogue) :
     * un document déjà validé avec toutes les catégories demandées n'est pas incomplet.
     */
    protected override resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean {
        if (document.state === DocumentState.Validated) {
            const state = this.buildState.get(document.uri.toString());
            const executed = state?.result?.validationChecks;
            const requested = typeof options?.validation === 'object' ? options.validation.categories : undefined;
            if (state?.completed && executed && requested && requested.every(category => executed.includes(category))) {
                return false;
            }
        }
        return super.resultsAreIncomplete(document, options);
    }

    private async computeAffectedOwners(uris: URI[]): Promise<Set<string>> {
        const owners = new Set<string>();
        for (const uri of uris) {
            const existing = this.langiumDocuments.getDocument(uri);
            const before = existing ? ownerKeyOf(existing) : undefined;
            if (before) {
                owners.add(before);
            }
            const text = this.textDocuments?.get(uri)?.getText() ?? await this.readQuietly(uri, existing !== undefined);
            const after = text !== undefined ? scanOwnerKey(text) : undefined;
            if (after) {
                owners.add(after);
            }
        }
        const index = this.ownerIndex?.();
        if (index) {
            for (const owner of [...owners]) {
                for (const user of index.usersOf(owner)) {
                    owners.add(user);
                }
            }
        }
        return owners;
    }

    private async readQuietly(uri: URI, known: boolean): Promise<string | undefined> {
        // Un document connu a changé sur disque ; un document inconnu n'est lu que s'il est un .ref.
        if (!known && !uri.path.endsWith('.ref')) {
            return undefined;
        }
        try {
            return await this.fileSystemProvider.readFile(uri);
        } catch {
            return undefined;
        }
    }
}
