import { EmptyFileSystem, URI } from 'langium';
import { formatDocumentText } from '../formatting/formatter.js';
import { ficheToRef, type ImportedFiche } from '../interop/rncp-import.js';
import type { RncpFiche } from '../interop/rncp-reader.js';
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

/**
 * Une fiche RNCP → un fichier .ref déjà mis en forme (undefined : numéro inutilisable) :
 * `ficheToRef` l'écrit tel que le formateur l'écrirait (test/unit/interop/rncp-register.test.ts
 * le vérifie sur les fiches réelles), sans l'analyse complète de chaque fiche que coûtait le
 * formateur (la moitié du temps d'un import, docs/performance.md).
 */
export function importFiche(fiche: RncpFiche): ImportedFiche | undefined {
    return ficheToRef(fiche);
}
