/**
 * Ce que le client (l'éditeur) dit savoir faire, lu à l'initialisation : le serveur ne lui
 * envoie que ce qu'il comprend (docs/editor.md, « Clients LSP »).
 *
 * - pas de `prepareProvider` sans `rename.prepareSupport` ;
 * - un plan plat (`SymbolInformation[]`) sans `documentSymbol.hierarchicalDocumentSymbolSupport` ;
 * - un survol en texte brut si `hover.contentFormat` ne contient pas `markdown` ;
 * - pas de `labelDetails` sans `completionItem.labelDetailsSupport`, une documentation de
 *   complétion en texte brut sans `markdown` dans `completionItem.documentationFormat`.
 *
 * Sans initialisation (ligne de commande, tests qui appellent les fournisseurs directement),
 * tout est permis.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import { DefaultLanguageServer } from 'langium/lsp';
import type { ClientCapabilities, InitializeParams, InitializeResult } from 'vscode-languageserver';

export interface ClientSupport {
    readonly prepareRename: boolean;
    readonly hierarchicalSymbols: boolean;
    readonly markdownHover: boolean;
    readonly labelDetails: boolean;
    readonly markdownCompletion: boolean;
}

const FULL: ClientSupport = { prepareRename: true, hierarchicalSymbols: true, markdownHover: true, labelDetails: true, markdownCompletion: true };

const supports = new WeakMap<object, ClientSupport>();

export function supportOf(capabilities: ClientCapabilities | undefined): ClientSupport {
    const text = capabilities?.textDocument;
    return {
        prepareRename: text?.rename?.prepareSupport === true,
        hierarchicalSymbols: text?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
        markdownHover: (text?.hover?.contentFormat ?? []).includes('markdown'),
        labelDetails: text?.completion?.completionItem?.labelDetailsSupport === true,
        markdownCompletion: (text?.completion?.completionItem?.documentationFormat ?? []).includes('markdown')
    };
}

/** Ce que permet le client des services donnés (tout, s'il n'y a pas eu d'initialisation). */
export function clientSupport(services: { shared: LangiumSharedServices }): ClientSupport {
    return supports.get(services.shared) ?? FULL;
}

export class ReferentielLanguageServer extends DefaultLanguageServer {
    constructor(services: LangiumSharedServices) {
        super(services);
    }

    override async initialize(params: InitializeParams): Promise<InitializeResult> {
        supports.set(this.services, supportOf(params.capabilities));
        return super.initialize(params);
    }

    protected override buildInitializeResult(params: InitializeParams): InitializeResult {
        const result = super.buildInitializeResult(params);
        if (result.capabilities.renameProvider && !supportOf(params.capabilities).prepareRename) {
            // Un client sans prepareSupport ne sait pas ce qu'est prepareProvider.
            result.capabilities.renameProvider = true;
        }
        return result;
    }
}

/** Le Markdown des survols et de la documentation, en texte brut lisible. */
export function markdownToPlainText(markdown: string): string {
    // Les caractères échappés (\*, \_…) sont mis de côté : ce sont du texte, pas du balisage.
    const escaped: string[] = [];
    const protectedText = markdown.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, (_m, ch: string) => `\u0000${escaped.push(ch) - 1}\u0000`);
    return protectedText
        .replace(/```[^\n]*\n?/g, '')
        .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
        .replace(/\*\*([^*]*)\*\*/g, '$1')
        .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1$2')
        .replace(/`([^`]*)`/g, '$1')
        .replace(/^#+\s*/gm, '')
        .replace(/\u0000(\d+)\u0000/g, (_m, i: string) => escaped[Number(i)]);
}
