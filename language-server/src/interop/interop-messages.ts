import { registerMessages } from '../i18n/messages.js';

/** Les textes de l'interopérabilité : import RNCP, exports RNCP XML et CASE, badges. */
registerMessages({
    'interop.cli.export.description': {
        fr: 'Exporter un référentiel : JSON, fiche RNCP (XML, flux V4.1) ou CASE 1.1 (JSON).',
        en: 'Export a référentiel: JSON, RNCP fiche (XML, flux V4.1) or CASE 1.1 (JSON).'
    },
    'interop.cli.export.format': { fr: 'format : json, rncp-xml, case', en: 'format: json, rncp-xml, case' },

    'interop.cli.import.description': {
        fr: 'Importer des fiches de l\'export open data du RNCP (France Compétences, flux XML V4.1) : un fichier .ref par fiche.',
        en: 'Import fiches from the RNCP open-data export (France Compétences, XML flux V4.1): one .ref file per fiche.'
    },
    'interop.cli.import.source': { fr: 'source : rncp', en: 'source: rncp' },
    'interop.cli.import.file': { fr: 'l\'export XML (lu en flux, quelle que soit sa taille)', en: 'the XML export (streamed, whatever its size)' },
    'interop.cli.import.fiche': { fr: 'numéro de fiche à importer, par ex. RNCP35419 (répétable)', en: 'number of a fiche to import, e.g. RNCP35419 (repeatable)' },
    'interop.cli.import.all': { fr: 'importer toutes les fiches', en: 'import every fiche' },
    'interop.cli.import.out': { fr: 'dossier où écrire les fichiers .ref (obligatoire)', en: 'folder where the .ref files are written (required)' },

    'import.unknownSource': {
        fr: 'Source d\'import inconnue « {value} » : seule « rncp » existe (referentiel import rncp export.xml …).{suggestion}',
        en: 'Unknown import source "{value}": only "rncp" exists (referentiel import rncp export.xml …).{suggestion}'
    },
    'import.noSelection': {
        fr: 'Dites quelles fiches importer : --fiche RNCPnnnnn (répétable) ou --all.',
        en: 'Say which fiches to import: --fiche RNCPnnnnn (repeatable) or --all.'
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
    }
});
