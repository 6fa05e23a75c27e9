import { registerMessages } from '../i18n/messages.js';

/** Les textes de l'interopérabilité : import RNCP, exports RNCP XML et CASE, badges. */
registerMessages({
    'interop.cli.export.description': {
        fr: 'Exporter un référentiel : JSON, fiche RNCP (XML, flux V4.1) ou CASE 1.1 (JSON).',
        en: 'Export a référentiel: JSON, RNCP fiche (XML, flux V4.1) or CASE 1.1 (JSON).'
    },
    'interop.cli.export.format': {
        fr: 'format : json, rncp-xml, case, ou le document publié en docx (Word), pdf ou html',
        en: 'format: json, rncp-xml, case, or the published document as docx (Word), pdf or html'
    },

    'interop.cli.import.description': {
        fr: 'Importer des fiches de l\'export open data du RNCP (France Compétences, flux XML V4.1) : un fichier .ref par fiche ; ou un référentiel Word (.docx) : un fichier .ref par bloc et l\'en-tête.',
        en: 'Import fiches from the RNCP open-data export (France Compétences, XML flux V4.1): one .ref file per fiche; or a Word référentiel (.docx): one .ref file per bloc plus the header.'
    },
    'interop.cli.import.source': { fr: 'source : rncp (registre RNCP, XML) ou docx (référentiel Word)', en: 'source: rncp (RNCP register, XML) or docx (Word référentiel)' },
    'interop.cli.import.file': { fr: 'l\'export XML (lu en flux, quelle que soit sa taille)', en: 'the XML export (streamed, whatever its size)' },
    'interop.cli.import.fiche': { fr: 'numéro de fiche à importer, par ex. RNCP35419 (répétable)', en: 'number of a fiche to import, e.g. RNCP35419 (repeatable)' },
    'interop.cli.import.all': { fr: 'importer toutes les fiches', en: 'import every fiche' },
    'interop.cli.import.out': { fr: 'dossier où écrire les fichiers .ref (obligatoire)', en: 'folder where the .ref files are written (required)' },

    'import.unknownSource': {
        fr: 'Source d\'import inconnue « {value} » : « rncp » (referentiel import rncp export.xml …) ou « docx » (referentiel import docx referentiel.docx …).{suggestion}',
        en: 'Unknown import source "{value}": "rncp" (referentiel import rncp export.xml …) or "docx" (referentiel import docx referentiel.docx …).{suggestion}'
    },
    'import.severalFiches': {
        fr: '{path} contient {count} fiches : rien n\'a été écrit. Dites quelles fiches importer : --fiche RNCPnnnnn (répétable) ou --all.',
        en: '{path} holds {count} fiches: nothing was written. Say which fiches to import: --fiche RNCPnnnnn (repeatable) or --all.'
    },
    'import.bothSelections': {
        fr: '--fiche et --all s\'excluent : choisissez l\'un ou l\'autre.',
        en: '--fiche and --all are mutually exclusive: choose one.'
    },
    'import.notFile': { fr: '{path} n\'est pas un fichier.', en: '{path} is not a file.' },
    'import.unknownFiche': {
        fr: 'La fiche {code} n\'est pas dans {path} ({count} {count#fiche lue|fiches lues}) : rien n\'a été écrit.{suggestion}',
        en: 'Fiche {code} is not in {path} ({count} {count#fiche|fiches} read): nothing was written.{suggestion}'
    },
    'import.malformed': {
        fr: '{path}:{line}:{column} : XML mal formé ({reason}). Rien n\'a été écrit.',
        en: '{path}:{line}:{column}: malformed XML ({reason}). Nothing was written.'
    },
    'import.tooDeep': {
        fr: '{path}:{line}:{column} : plus de {reason} niveaux d\'éléments imbriqués. Refusé : un export RNCP en a moins de dix ; vérifiez que c\'est bien l\'export de France Compétences. Rien n\'a été écrit.',
        en: '{path}:{line}:{column}: more than {reason} nested element levels. Refused: an RNCP export has fewer than ten; check that this is the France Compétences export. Nothing was written.'
    },
    'import.tooLarge': {
        fr: '{path}:{line}:{column} : le texte qui suit <{reason}> dépasse {max} millions de caractères. Refusé : un champ d\'un export RNCP en compte au plus quelques dizaines de milliers ; le fichier est peut-être tronqué ou corrompu. Rien n\'a été écrit.',
        en: '{path}:{line}:{column}: the text after <{reason}> exceeds {max} million characters. Refused: a field of an RNCP export holds at most a few tens of thousands; the file may be truncated or corrupt. Nothing was written.'
    },
    'import.entities': {
        fr: '{path}:{line}:{column} : le document déclare des entités XML (<!ENTITY …> dans la DOCTYPE). Refusé : un export RNCP n\'en déclare pas, et leur expansion peut épuiser la mémoire (« billion laughs ») ou lire des fichiers locaux. Rien n\'a été écrit.',
        en: '{path}:{line}:{column}: the document declares XML entities (<!ENTITY …> in the DOCTYPE). Refused: an RNCP export declares none, and expanding them can exhaust memory ("billion laughs") or read local files. Nothing was written.'
    },
    'import.notRncp': {
        fr: '{path}:{line}:{column} : ce n\'est pas un export de fiches RNCP (élément racine <{reason}> au lieu de <FICHES>). Rien n\'a été écrit.',
        en: '{path}:{line}:{column}: this is not an RNCP fiche export (root element <{reason}> instead of <FICHES>). Nothing was written.'
    },
    'import.encoding': {
        fr: '{path} : encodage illisible ou non pris en charge ({reason}). Enregistrez l\'export en UTF-8. Rien n\'a été écrit.',
        en: '{path}: unreadable or unsupported encoding ({reason}). Save the export as UTF-8. Nothing was written.'
    },
    'import.version': {
        fr: 'Attention : {path} annonce la version de flux {version} ; l\'import suit la version 4.1.',
        en: 'Warning: {path} announces flux version {version}; the import follows version 4.1.'
    },
    'import.progress': { fr: 'Import RNCP |{bar}| {percentage} % — {fiches} fiches lues', en: 'RNCP import |{bar}| {percentage} % — {fiches} fiches read' },
    'import.summary': {
        fr: '✔ {fiches} {fiches#fiche importée|fiches importées} dans {out} : {blocs} {blocs#bloc|blocs}, {competences} {competences#compétence retrouvée|compétences retrouvées}, dont {sansCode} sans code dans la fiche (codes générés C<bloc>.<n>).',
        en: '✔ {fiches} {fiches#fiche|fiches} imported into {out}: {blocs} {blocs#bloc|blocs}, {competences} {competences#competency|competencies} recovered, {sansCode} of them without a code in the fiche (generated codes C<bloc>.<n>).'
    },
    'import.summary.structure': {
        fr: '  {activites} {activites#activité|activités}, dont {regroupements} {regroupements#intitulé|intitulés} de regroupement de compétences ; {modalites} {modalites#modalité|modalités} ; {collees} {collees#compétence qui semble|compétences qui semblent} en contenir deux (note « À vérifier »).',
        en: '  {activites} {activites#activity|activities}, {regroupements} of them grouping {regroupements#heading|headings} of competencies; {modalites} assessment {modalites#situation|situations}; {collees} {collees#competency that seems|competencies that seem} to hold two (note "À vérifier").'
    },
    'import.summary.noList': {
        fr: '  {count} {count#bloc sans|blocs sans} liste de compétences : l\'intitulé du bloc tient lieu de compétence.',
        en: '  {count} {count#bloc|blocs} without a list of competencies: the bloc title stands for the competency.'
    },
    'import.summary.skipped': {
        fr: '  {count} {count#fiche ignorée|fiches ignorées} : numéro de fiche absent ou inutilisable comme code.',
        en: '  {count} {count#fiche|fiches} skipped: fiche number missing or unusable as a code.'
    },
    'import.summary.next': {
        fr: '  Le registre ne donne ni critères d\'évaluation ni règles d\'obtention : vérifiez et complétez (referentiel lint {out}).',
        en: '  The register gives neither assessment criteria nor rules for obtaining: check and complete (referentiel lint {out}).'
    },
    'import.nothing': {
        fr: 'Aucune fiche importée : {path} ne contient aucune fiche utilisable.',
        en: 'No fiche imported: {path} holds no usable fiche.'
    },

    'badges.written': {
        fr: '✔ {count} {count#badge écrit|badges écrits} (Open Badges 3.0, non signés) dans {folder}.',
        en: '✔ {count} {count#badge|badges} written (Open Badges 3.0, unsigned) to {folder}.'
    },
    'badges.writtenSigned': {
        fr: '✔ {count} {count#badge signé écrit|badges signés écrits} (Open Badges 3.0, VC-JWT {alg}, clé {kid}) dans {folder}.',
        en: '✔ {count} signed {count#badge|badges} written (Open Badges 3.0, VC-JWT {alg}, key {kid}) to {folder}.'
    },
    'badges.unsignedWarning': {
        fr: '⚠ Ces badges ne sont PAS signés : un portefeuille ou un vérificateur ne peut pas établir qui les a émis ni qu\'ils sont intacts. Signez-les avec --cle <fichier JWK ou PEM> (la clé privée du certificateur).',
        en: '⚠ These badges are NOT signed: a wallet or verifier cannot establish who issued them or that they are intact. Sign them with --cle <JWK or PEM file> (the certifier\'s private key).'
    },
    'badges.noHttpsIssuer': {
        fr: '⚠ L\'émetteur n\'a pas d\'identifiant https : déclarez le site du certificateur (certificateur "…" site "https://…") ou donnez --emetteur https://…',
        en: '⚠ The issuer has no https identifier: declare the certifier\'s site (certificateur "…" site "https://…") or give --emetteur https://…'
    },
    'badges.noTargetBase': {
        fr: '⚠ Sans --base-uri, l\'alignement des compétences renvoie à la fiche RNCP (ou à un urn:uuid) : donnez --base-uri https://… (le service CASE du référentiel).',
        en: '⚠ Without --base-uri, competency alignments point to the RNCP fiche (or a urn:uuid): give --base-uri https://… (the référentiel\'s CASE service).'
    },
    'badges.needsDate': {
        fr: 'Les badges datent leur validité de la date d\'évaluation : un dossier n\'en donne pas (« dateEvaluation ») ; donnez-la avec --date AAAA-MM-JJ. Rien n\'a été écrit.',
        en: 'Badges date their validity from the evaluation date: a record gives none ("dateEvaluation"); give it with --date YYYY-MM-DD. Nothing was written.'
    },
    'badges.signNeedsHttpsIssuer': {
        fr: 'Pour signer, l\'émetteur doit avoir un identifiant https : déclarez le site du certificateur (certificateur "…" site "https://…") ou donnez --emetteur https://…',
        en: 'To sign, the issuer needs an https identifier: declare the certifier\'s site (certificateur "…" site "https://…") or give --emetteur https://…'
    },
    'key.unreadable': { fr: 'Clé {file} illisible : donnez une clé privée JWK (JSON) ou PEM ({detail}).', en: 'Unreadable key {file}: give a JWK (JSON) or PEM private key ({detail}).' },
    'key.public': { fr: 'La clé {file} est une clé publique : pour signer, il faut la clé privée.', en: 'Key {file} is a public key: signing needs the private key.' },
    'key.unsupported': { fr: 'Type de clé non pris en charge dans {file} ({detail}) : RSA, EC P-256/P-384/P-521 ou Ed25519.', en: 'Unsupported key type in {file} ({detail}): RSA, EC P-256/P-384/P-521 or Ed25519.' },
    'error.badIssuer': { fr: 'Option --emetteur « {value} » invalide : donnez une adresse https://…', en: 'Invalid --emetteur "{value}": give an https://… address' },

    'cli.verify.description': { fr: 'Vérifier des badges Open Badges 3.0 : signature, schéma, validité.', en: 'Verify Open Badges 3.0 badges: signature, schema, validity.' },
    'cli.verify.files': { fr: 'fichiers de badges (.jwt, .json) ou dossiers', en: 'badge files (.jwt, .json) or folders' },
    'cli.verify.key': { fr: 'clé publique de l\'émetteur (JWK ou PEM) ; sinon la clé jointe au badge', en: 'issuer\'s public key (JWK or PEM); otherwise the key attached to the badge' },
    'cli.evaluate.key': { fr: 'openbadges : signer les badges (VC-JWT) avec cette clé privée (JWK ou PEM)', en: 'openbadges: sign the badges (VC-JWT) with this private key (JWK or PEM)' },
    'cli.evaluate.issuer': { fr: 'openbadges : identifiant https de l\'émetteur (sinon le site du certificateur)', en: 'openbadges: https identifier of the issuer (otherwise the certifier\'s site)' },
    'cli.evaluate.baseUri': { fr: 'openbadges : adresse https du service CASE (alignement des compétences)', en: 'openbadges: https address of the CASE service (competency alignment)' },
    'verify.valid': { fr: '✔ {file} : valide — « {name} », émis par {issuer}', en: '✔ {file}: valid — "{name}", issued by {issuer}' },
    'verify.invalid': { fr: '✖ {file} : refusé', en: '✖ {file}: rejected' },
    'verify.summary': {
        fr: '{valid} {valid#badge valide|badges valides}, {invalid} {invalid#refusé|refusés}.',
        en: '{valid} valid {valid#badge|badges}, {invalid} rejected.'
    },
    'verify.none': { fr: 'Aucun badge (.jwt ou .json) dans {path}.', en: 'No badge (.jwt or .json) in {path}.' },
    'verify.unreadableJwt': { fr: 'JWT illisible (en-tête)', en: 'unreadable JWT (header)' },
    'verify.unreadablePayload': { fr: 'contenu du JWT illisible (JSON attendu)', en: 'unreadable JWT payload (JSON expected)' },
    'verify.embeddedKey': {
        fr: 'signature vérifiée avec la clé jointe au badge : elle prouve que le badge est intact, pas qui l\'a émis — donnez --cle (la clé publique de l\'émetteur) pour le vérifier',
        en: 'signature checked with the key attached to the badge: it proves the badge is intact, not who issued it — give --cle (the issuer\'s public key) to check that'
    },
    'verify.badEmbeddedKey': { fr: 'la clé jointe au badge (en-tête jwk) est illisible', en: 'the key attached to the badge (jwk header) is unreadable' },
    'verify.noKey': { fr: 'aucune clé pour vérifier la signature (kid {kid}) : donnez --cle', en: 'no key to check the signature (kid {kid}): give --cle' },
    'verify.badSignature': { fr: 'signature invalide : le badge a été modifié, ou signé par une autre clé', en: 'invalid signature: the badge was modified, or signed with another key' },
    'verify.signatureError': { fr: 'signature non vérifiable : {detail}', en: 'signature cannot be checked: {detail}' },
    'verify.claimMismatch': { fr: 'revendication JWT « {claim} » = {value}, le badge dit {expected}', en: 'JWT claim "{claim}" = {value}, the badge says {expected}' },
    'verify.notABadge': { fr: 'ni un JWT ni un badge JSON', en: 'neither a JWT nor a JSON badge' },
    'verify.unsigned': { fr: 'non signé : aucune preuve (signez avec referentiel evaluate … --cle)', en: 'unsigned: no proof (sign with referentiel evaluate … --cle)' },
    'verify.unsupportedProof': { fr: 'preuve « {type} » non prise en charge : seuls les badges VC-JWT sont vérifiés', en: 'unsupported proof "{type}": only VC-JWT badges are checked' },
    'verify.schema': { fr: 'schéma Open Badges 3.0 : {path} {message}', en: 'Open Badges 3.0 schema: {path} {message}' },
    'verify.notYetValid': { fr: 'pas encore valide (à partir du {date})', en: 'not yet valid (from {date})' },
    'verify.expired': { fr: 'expiré le {date}', en: 'expired on {date}' }
});
