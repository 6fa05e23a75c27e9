import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createReferentielServices, type ReferentielServices } from '../language-server/src/referentiel-module.js';
import { setLocale } from '../language-server/src/i18n/locale.js';
import { RULES, type RuleCode, type SeverityOrOff } from '../language-server/src/validation/rules.js';

export interface Workspace {
    services: ReferentielServices;
    documents: LangiumDocument[];
    diagnostics(name: string): Diagnostic[];
    codes(name: string): string[];
}

/** Les règles de rédaction (REF601 … REF605) : le style des textes, pas leur structure. */
const REDACTION_OFF = Object.fromEntries(RULES.filter(r => r.category === 'redaction').map(r => [r.code, 'off' as const]));

export interface WorkspaceOptions {
    locale?: 'fr' | 'en';
    /**
     * Vérifier aussi la rédaction des textes (REF601 … REF605, actives par défaut dans le produit).
     * Les tests de structure écrivent des textes de remplissage (« Compétence 1 », « c ») : ils s'en
     * passent ; les tests de la rédaction, de la documentation des règles et de l'exemple les activent.
     */
    redaction?: boolean;
    /** Sévérités données aux règles (après la rédaction), p. ex. `{ REF606: 'info' }` pour l'orthographe, éteinte par défaut. */
    rules?: Partial<Record<RuleCode, SeverityOrOff>>;
}

/** Construit un espace de travail en mémoire à partir de fichiers { nom: contenu }, validé. */
export async function workspace(files: Record<string, string>, options: WorkspaceOptions = {}): Promise<Workspace> {
    setLocale(options.locale ?? 'fr');
    const { Referentiel: services } = createReferentielServices(EmptyFileSystem);
    services.validation.RuleSettings.set({ ...(options.redaction ? {} : REDACTION_OFF), ...options.rules });
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const documents = Object.entries(files).map(([name, text]) => {
        const document = factory.fromString(text, URI.parse(`memory:///ws/${name}`));
        langiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const byName = (name: string): LangiumDocument => {
        const found = documents.find(d => d.uri.path.endsWith('/' + name));
        if (!found) throw new Error(`pas de document ${name}`);
        return found;
    };
    return {
        services,
        documents,
        diagnostics: (name) => byName(name).diagnostics ?? [],
        codes: (name) => (byName(name).diagnostics ?? []).map(d => String(d.code))
    };
}
