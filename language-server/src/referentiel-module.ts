import { DocumentState, inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { ReferentielFormatter } from './formatting/referentiel-formatter.js';
import { ReferentielGeneratedModule, ReferentielGeneratedSharedModule } from './generated/module.js';
import { ReferentielCodeActionProvider } from './lsp/code-actions.js';
import { ReferentielLanguageServer } from './lsp/client-capabilities.js';
import { ReferentielCodeLensProvider } from './lsp/code-lens.js';
import { ReferentielCompletionProvider } from './lsp/completion.js';
import { ReferentielFoldingRangeProvider } from './lsp/folding.js';
import { ReferentielHoverProvider } from './lsp/hover.js';
import { ReferentielInlayHintProvider } from './lsp/inlay-hints.js';
import { ReferentielRenameProvider } from './lsp/rename.js';
import { ReferentielSemanticTokenProvider } from './lsp/semantic-tokens.js';
import { EditorSettings } from './lsp/settings.js';
import { ReferentielDocumentUpdateHandler } from './lsp/update-handler.js';
import { ReferentielDocumentSymbolProvider, ReferentielWorkspaceSymbolProvider } from './lsp/symbols.js';
import { ReferentielModelProvider } from './model/referentiel-model.js';
import { ReferentielParserErrorMessageProvider } from './parser/error-messages.js';
import { createReferentielParser } from './parser/infix-parser.js';
import { createGuardedParser } from './parser/nesting-guard.js';
import { ReferentielTokenBuilder } from './parser/token-builder.js';
import { ReferentielValueConverter } from './parser/value-converter.js';
import { ReferentielScopeComputation, ReferentielScopeProvider } from './references/scoping.js';
import { ReferentielLinker } from './references/linking.js';
import { internalFailureDiagnostic, ReferentielDocumentValidator } from './validation/document-validator.js';
import { RuleSettings } from './validation/settings.js';
import { SpellingValidator } from './validation/spelling-check.js';
import { ReferentielValidationRegistry } from './validation/validation-registry.js';
import { ReferentielValidator, registerValidationChecks } from './validation/validator.js';
import { ReferentielDocumentBuilder } from './workspace/document-builder.js';
import { ReferentielAstNodeDescriptionProvider, ReferentielReferenceDescriptionProvider } from './references/descriptions.js';
import { ReferentielLangiumDocuments } from './workspace/documents.js';
import { OwnerIndex, ReferentielIndexManager } from './workspace/owners.js';
import { ReferentielWorkspaceManager } from './workspace/workspace-manager.js';

/** Les services propres au langage Référentiel. */
export interface ReferentielAddedServices {
    references: {
        OwnerIndex: OwnerIndex;
    };
    validation: {
        ReferentielValidator: ReferentielValidator;
        SpellingValidator: SpellingValidator;
        RuleSettings: RuleSettings;
    };
    referentiel: {
        Models: ReferentielModelProvider;
    };
    editor: {
        /** Réglages `referentiel.regles` et `referentiel.langue` de l'éditeur. */
        Settings: EditorSettings;
    };
}

export type ReferentielServices = LangiumServices & ReferentielAddedServices;

export const ReferentielModule: Module<ReferentielServices, PartialLangiumServices & ReferentielAddedServices> = {
    parser: {
        // L'analyseur de Langium (chaque opération avec son nœud concret : infix-parser.ts), gardé
        // contre les imbrications qui dépasseraient la pile.
        LangiumParser: (services) => createGuardedParser(services, createReferentielParser),
        // Décisions LL(2) plutôt que LL(*) (chevrotain-allstar) : la grammaire n'a besoin que de deux
        // jetons d'avance, et l'analyseur se construit près de deux fois plus vite au démarrage
        // (docs/performance.md, démarrage). test/unit/grammar-validations.test.ts échoue si une
        // alternative devient ambiguë à deux jetons.
        ParserConfig: () => ({ maxLookahead: 2 }),
        // Textes et commentaires jamais refermés : analyse lexicale linéaire.
        TokenBuilder: () => new ReferentielTokenBuilder(),
        ValueConverter: () => new ReferentielValueConverter(),
        ParserErrorMessageProvider: () => new ReferentielParserErrorMessageProvider()
    },
    references: {
        ScopeComputation: (services) => new ReferentielScopeComputation(services),
        ScopeProvider: (services) => new ReferentielScopeProvider(services),
        // La liaison et les références de l'index lisent les références relevées une fois par arbre.
        Linker: (services) => new ReferentielLinker(services),
        OwnerIndex: (services) => new OwnerIndex(services.shared)
    },
    validation: {
        DocumentValidator: (services) => new ReferentielDocumentValidator(services),
        ValidationRegistry: (services) => new ReferentielValidationRegistry(services),
        ReferentielValidator: (services) => new ReferentielValidator(services),
        SpellingValidator: (services) => new SpellingValidator(services),
        RuleSettings: () => new RuleSettings()
    },
    referentiel: {
        Models: (services) => new ReferentielModelProvider(services.shared, () => services.references.OwnerIndex)
    },
    // Les fonctions de l'éditeur (language-server/src/lsp, formatting ; docs/editor.md).
    lsp: {
        CompletionProvider: (services) => new ReferentielCompletionProvider(services),
        HoverProvider: (services) => new ReferentielHoverProvider(services),
        RenameProvider: (services) => new ReferentielRenameProvider(services),
        DocumentSymbolProvider: (services) => new ReferentielDocumentSymbolProvider(services),
        FoldingRangeProvider: (services) => new ReferentielFoldingRangeProvider(services),
        SemanticTokenProvider: (services) => new ReferentielSemanticTokenProvider(services),
        Formatter: (services) => new ReferentielFormatter(services),
        CodeLensProvider: (services) => new ReferentielCodeLensProvider(services),
        InlayHintProvider: () => new ReferentielInlayHintProvider(),
        CodeActionProvider: (services) => new ReferentielCodeActionProvider(services)
    },
    editor: {
        Settings: (services) => new EditorSettings(services)
    },
    workspace: {
        AstNodeDescriptionProvider: (services) => new ReferentielAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: (services) => new ReferentielReferenceDescriptionProvider(services)
    }
};

export const ReferentielSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        LanguageServer: (s) => new ReferentielLanguageServer(s),
        WorkspaceSymbolProvider: (s) => new ReferentielWorkspaceSymbolProvider(s),
        DocumentUpdateHandler: (s) => new ReferentielDocumentUpdateHandler(s)
    },
    workspace: {
        IndexManager: (services) => new ReferentielIndexManager(services),
        LangiumDocuments: (services) => new ReferentielLangiumDocuments(services),
        WorkspaceManager: (services) => new ReferentielWorkspaceManager(services),
        DocumentBuilder: (services) => new ReferentielDocumentBuilder(services)
    }
};

/**
 * Crée les services partagés et ceux du langage. Le même assemblage sert au serveur de langage,
 * à la ligne de commande et aux tests. `serverModule` : ce que seul le serveur ajoute (ses
 * commandes `workspace/executeCommand`, lsp/commands.ts, qui tirent les exports et les imports :
 * la ligne de commande `lint` ne les charge pas, docs/performance.md, démarrage).
 */
export function createReferentielServices(context: DefaultSharedModuleContext, serverModule?: Module<LangiumSharedServices, PartialLangiumSharedServices>): {
    shared: LangiumSharedServices;
    Referentiel: ReferentielServices;
} {
    const shared = inject(
        createDefaultSharedModule(context),
        ReferentielGeneratedSharedModule,
        ReferentielSharedModule,
        serverModule
    );
    const Referentiel = inject(
        createDefaultModule({ shared }),
        ReferentielGeneratedModule,
        ReferentielModule
    );
    shared.ServiceRegistry.register(Referentiel);
    registerValidationChecks(Referentiel);
    const builder = shared.workspace.DocumentBuilder as ReferentielDocumentBuilder;
    builder.setOwnerIndex(() => Referentiel.references.OwnerIndex);
    builder.failureDiagnostics = document => {
        const failure = builder.failureOf(document.uri);
        return failure ? [internalFailureDiagnostic(failure)] : [];
    };
    // Un modèle ne survit pas à un changement de l'index des référentiels (fichier indexé ou retiré).
    Referentiel.references.OwnerIndex.onChanged(() => Referentiel.referentiel.Models.invalidate());
    // Une construction achevée, les modèles et les tables de codes de tous les référentiels ne
    // servent plus : une requête de l'éditeur refait ceux de son référentiel. Dans un catalogue
    // de 1 000 référentiels, ils pesaient ~30 Mo gardés pour rien (docs/performance.md).
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        Referentiel.referentiel.Models.invalidate();
        Referentiel.references.OwnerIndex.releaseSymbolTables();
    });
    // Créés tout de suite : ils s'abonnent aux événements du serveur (initialisation, réglages).
    void Referentiel.editor.Settings;
    if (!context.connection) {
        // Hors serveur de langage : on construit l'espace de travail à la demande.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Referentiel };
}
