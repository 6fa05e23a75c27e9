import { URI } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { ServiceRegistry } from 'langium';
import type { DidChangeWatchedFilesParams, TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { WORD_LIST_FILE } from '../validation/spelling.js';
import type { ReferentielDocumentBuilder } from '../workspace/document-builder.js';

/** Silence (ms) après une modification avant de reconstruire. */
export const UPDATE_DELAY_MS = 25;
/** Attente maximale (ms) pendant une frappe continue : on reconstruit au moins aussi souvent. */
export const UPDATE_MAX_WAIT_MS = 250;

/**
 * Regroupe les modifications (didChange) avant de reconstruire. Sans cela, chaque version lance
 * une analyse : une rafale de 3 000 modifications (collage, remplacement dans tous les fichiers,
 * frappe d'un client qui envoie chaque caractère) en demandait 3 000, et un survol envoyé
 * pendant la rafale attendait la fin de toutes (16 s). Ici la reconstruction part après
 * UPDATE_DELAY_MS de silence (au plus UPDATE_MAX_WAIT_MS après la première modification
 * retenue), et tout de suite si une requête de l'éditeur attend un fichier modifié : les
 * réponses portent toujours sur la dernière version reçue, jamais sur une version dépassée.
 */
export class ReferentielDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly pending = new Set<string>();
    private timer?: NodeJS.Timeout;
    private firstPending = 0;
    private lastFlush = -Infinity;
    private waiting: Array<() => void> = [];
    private readonly registry: ServiceRegistry;
    private readonly documents: LangiumSharedServices['workspace']['LangiumDocuments'];

    constructor(services: LangiumSharedServices) {
        super(services);
        this.registry = services.ServiceRegistry;
        this.documents = services.workspace.LangiumDocuments;
        (services.workspace.DocumentBuilder as ReferentielDocumentBuilder).beforeWait = uri => this.beforeRequest(uri);
    }

    /**
     * Une requête attend l'état d'un document : s'il a des modifications retenues, on reconstruit
     * tout de suite — sauf pendant une rafale (dernière reconstruction il y a moins de
     * UPDATE_MAX_WAIT_MS) : la requête attend alors la prochaine, déjà programmée. Ainsi 60
     * requêtes en vol ne lancent pas 60 reconstructions qui s'annulent l'une l'autre.
     */
    private beforeRequest(uri: URI | undefined): Promise<void> | undefined {
        if (this.pending.size === 0 || (uri !== undefined && !this.pending.has(uri.toString()))) return undefined;
        if (performance.now() - this.lastFlush >= UPDATE_MAX_WAIT_MS) this.flush();
        return new Promise<void>(resolve => {
            if (this.pending.size === 0) setImmediate(resolve);
            else this.waiting.push(() => setImmediate(resolve));
        });
    }

    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        const now = performance.now();
        if (this.pending.size === 0) this.firstPending = now;
        this.pending.add(change.document.uri);
        clearTimeout(this.timer);
        const wait = Math.max(0, Math.min(UPDATE_DELAY_MS, this.firstPending + UPDATE_MAX_WAIT_MS - now));
        this.timer = setTimeout(() => this.flush(), wait);
    }

    /**
     * Un document qui n'est pas un fichier (« sans titre ») n'existe que dans l'éditeur : fermé, il
     * disparaît. VS Code le vide puis le ferme à quelques ms d'intervalle ; la modification retenue
     * visait alors un document que plus rien ne connaît (ni l'éditeur, ni le disque, ni l'extension
     * du nom, qui choisit le langage) : la reconstruction échouait et laissait l'espace de travail
     * « en construction » — toute commande attendait sans fin. Il est donc retiré de l'espace de
     * travail à sa fermeture (ses diagnostics avec lui). Un fichier fermé, lui, reste : Langium le
     * relit sur le disque.
     */
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (uri.scheme === 'file') return;
        this.pending.delete(event.document.uri);
        this.fireDocumentUpdate([], [uri]);
    }

    /**
     * Une liste de mots de l'espace de travail (referentiel-mots.txt, règle REF606) créée, modifiée
     * ou supprimée : les fichiers .ref de son dossier et de ses sous-dossiers sont revérifiés (les
     * mots qu'elle ajoute ne sont plus signalés). Les autres changements suivent la règle de Langium.
     */
    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const lists = params.changes.filter(change => change.uri.endsWith(`/${WORD_LIST_FILE}`));
        if (lists.length > 0) {
            const folders = lists.map(change => change.uri.slice(0, -WORD_LIST_FILE.length));
            const affected = this.documents.all.filter(document => folders.some(folder => document.uri.toString().startsWith(folder))).map(document => document.uri).toArray();
            if (affected.length > 0) this.fireDocumentUpdate(affected, []);
        }
        const rest = params.changes.filter(change => !change.uri.endsWith(`/${WORD_LIST_FILE}`));
        if (rest.length > 0) super.didChangeWatchedFiles({ changes: rest });
    }

    /** Lance la reconstruction des fichiers modifiés retenus ; vrai s'il y en avait. */
    flush(): boolean {
        clearTimeout(this.timer);
        this.timer = undefined;
        if (this.pending.size === 0) return false;
        const uris = [...this.pending].map(uri => URI.parse(uri));
        this.pending.clear();
        this.lastFlush = performance.now();
        // Par sûreté : un document dont plus rien ne dit le langage est retiré, pas reconstruit.
        const changed = uris.filter(uri => this.registry.hasServices(uri));
        const deleted = uris.filter(uri => !this.registry.hasServices(uri));
        this.fireDocumentUpdate(changed, deleted);
        const waiting = this.waiting;
        this.waiting = [];
        for (const wake of waiting) wake();
        return true;
    }
}
