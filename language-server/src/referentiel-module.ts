import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { ReferentielGeneratedModule, ReferentielGeneratedSharedModule } from './generated/module.js';
import { ReferentielModelProvider } from './model/referentiel-model.js';
import { ReferentielParserErrorMessageProvider } from './parser/error-messages.js';
import { ReferentielValueConverter } from './parser/value-converter.js';
import { ReferentielScopeComputation, ReferentielScopeProvider } from './references/scoping.js';
import { ReferentielDocumentValidator } from './validation/document-validator.js';
import { RuleSettings } from './validation/settings.js';
import { ReferentielValidator, registerValidationChecks } from './validation/validator.js';
import { ReferentielDocumentBuilder } from './workspace/document-builder.js';
import { OwnerIndex, ReferentielIndexManager } from './workspace/owners.js';

/** Les services propres au langage Référentiel. */
export interface ReferentielAddedServices {
    references: {
        OwnerIndex: OwnerIndex;
    };
    validation: {
        ReferentielValidator: ReferentielValidator;
        RuleSettings: RuleSettings;
    };
    referentiel: {
        Models: ReferentielModelProvider;
    };
}

export type ReferentielServices = LangiumServices & ReferentielAddedServices;

export const ReferentielModule: Module<ReferentielServices, PartialLangiumServices & ReferentielAddedServices> = {
    parser: {
        ValueConverter: () => new ReferentielValueConverter(),
        ParserErrorMessageProvider: () => new ReferentielParserErrorMessageProvider()
    },
    references: {
        ScopeComputation: (services) => new ReferentielScopeComputation(services),
        ScopeProvider: (services) => new ReferentielScopeProvider(services),
        OwnerIndex: (services) => new OwnerIndex(services.shared)
    },
    validation: {
        DocumentValidator: (services) => new ReferentielDocumentValidator(services),
        ReferentielValidator: (services) => new ReferentielValidator(services),
        RuleSettings: () => new RuleSettings()
    },
    referentiel: {
        Models: (services) => new ReferentielModelProvider(services.shared, () => services.references.OwnerIndex)
    }
};

export const ReferentielSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        IndexManager: (services) => new ReferentielIndexManager(services),
        DocumentBuilder: (services) => new ReferentielDocumentBuilder(services)
    }
};

/**
 * Crée les services partagés et ceux du langage. Le même assemblage sert au serveur de langage,
 * à la ligne de commande et aux tests.
 */
export function createReferentielServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    Referentiel: ReferentielServices;
} {
    const shared = inject(
        createDefaultSharedModule(context),
        ReferentielGeneratedSharedModule,
        ReferentielSharedModule
    );
    const Referentiel = inject(
        createDefaultModule({ shared }),
        ReferentielGeneratedModule,
        ReferentielModule
    );
    shared.ServiceRegistry.register(Referentiel);
    registerValidationChecks(Referentiel);
    (shared.workspace.DocumentBuilder as ReferentielDocumentBuilder).setOwnerIndex(() => Referentiel.references.OwnerIndex);
    if (!context.connection) {
        // Hors serveur de langage : on construit l'espace de travail à la demande.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Referentiel };
}
