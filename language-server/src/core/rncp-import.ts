import { EmptyFileSystem, URI } from 'langium';
import { formatDocumentText } from '../formatting/formatter.js';
import { createReferentielServices, type ReferentielServices } from '../referentiel-module.js';

let services: ReferentielServices | undefined;

/**
 * Un texte .ref mis en forme comme le ferait `referentiel format` (formatting/formatter.ts) ;
 * inchangé s'il ne s'analyse pas (le formateur ne touche pas un texte en erreur de syntaxe).
 */
export function formatRefText(text: string, name = 'import.ref'): string {
    services ??= createReferentielServices(EmptyFileSystem).Referentiel;
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///${name}`));
    return formatDocumentText(services, document) ?? text;
}
