import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createReferentielServices, type ReferentielServices } from '../language-server/src/referentiel-module.js';
import { setLocale } from '../language-server/src/i18n/locale.js';

export interface Workspace {
    services: ReferentielServices;
    documents: LangiumDocument[];
    diagnostics(name: string): Diagnostic[];
    codes(name: string): string[];
}

/** Construit un espace de travail en mémoire à partir de fichiers { nom: contenu }, validé. */
export async function workspace(files: Record<string, string>, options: { locale?: 'fr' | 'en' } = {}): Promise<Workspace> {
    setLocale(options.locale ?? 'fr');
    const { Referentiel: services } = createReferentielServices(EmptyFileSystem);
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
