import { registerMessages } from '../i18n/messages.js';

/** Les textes de l'import d'un référentiel Word (`referentiel import docx`, commande du serveur). */
registerMessages({
    'docx.notZip': {
        fr: '{path} n\'est pas un document Word (.docx) : ce n\'est pas une archive zip. Enregistrez le document au format « Document Word (.docx) ». Rien n\'a été écrit.',
        en: '{path} is not a Word document (.docx): it is not a zip archive. Save the document as "Word Document (.docx)". Nothing was written.'
    },
    'docx.corrupt': {
        fr: '{path} : archive .docx endommagée ({reason}). Ouvrez-la dans Word et enregistrez-la à nouveau. Rien n\'a été écrit.',
        en: '{path}: damaged .docx archive ({reason}). Open it in Word and save it again. Nothing was written.'
    },
    'docx.notDocx': {
        fr: '{path} est une archive zip, pas un document Word (.docx) : word/document.xml est absent. Rien n\'a été écrit.',
        en: '{path} is a zip archive, not a Word document (.docx): word/document.xml is missing. Nothing was written.'
    },
    'docx.xml': {
        fr: '{path} : contenu XML illisible ({reason}). Rien n\'a été écrit.',
        en: '{path}: unreadable XML content ({reason}). Nothing was written.'
    },
    'docx.notReferentiel': {
        fr: '{path} n\'est pas un référentiel : aucun tableau de bloc de compétences n\'y a été trouvé (un tableau à quatre colonnes ACTIVITÉS | COMPÉTENCES | MODALITÉS D\'ÉVALUATION | CRITÈRES D\'ÉVALUATION, avec une ligne ou un titre « Bloc 1 : … » et des compétences codées « C1.1 … »). Rien n\'a été écrit.',
        en: '{path} is not a référentiel: no table of a bloc de compétences was found (a four-column table ACTIVITÉS | COMPÉTENCES | MODALITÉS D\'ÉVALUATION | CRITÈRES D\'ÉVALUATION, with a "Bloc 1 : …" row or heading and competencies coded "C1.1 …"). Nothing was written.'
    },
    'docx.badCode': {
        fr: 'Le code de certification « {code} » n\'est pas utilisable dans un fichier .ref : donnez-en un avec --code (par ex. --code DATA-ENGINEER). Rien n\'a été écrit.',
        en: 'Certification code "{code}" cannot be used in a .ref file: give one with --code (e.g. --code DATA-ENGINEER). Nothing was written.'
    },
    'docx.internal': {
        fr: 'Erreur interne de l\'import : le fichier {file} produit ne se relit pas ({reason}). Rien n\'a été écrit ; signalez le problème avec le document.',
        en: 'Internal import error: the produced file {file} does not parse ({reason}). Nothing was written; report the problem with the document.'
    },
    'docx.write': { fr: '{path} : écriture impossible ({reason}). Rien n\'a été écrit.', en: '{path}: cannot write ({reason}). Nothing was written.' },
    'import.exists': {
        fr: '{out} contient déjà {files} : rien n\'a été écrit. Ajoutez --force pour remplacer ces fichiers (un fichier complété à la main serait perdu).',
        en: '{out} already holds {files}: nothing was written. Add --force to replace these files (a file completed by hand would be lost).'
    },
    'docx.summary': {
        fr: '✔ Référentiel {code} importé dans {out} ({files} fichiers) : {blocs} blocs, {activites} activités, {competences} compétences, {modalites} modalités, {criteres} critères, {regles} {regles#règle|règles} d\'obtention.',
        en: '✔ Référentiel {code} imported into {out} ({files} files): {blocs} blocs, {activites} activities, {competences} competencies, {modalites} assessment situations, {criteres} criteria, {regles} {regles#rule|rules} for obtaining the certification.'
    },
    'docx.summary.review': {
        fr: '{count} {count#lien déduit|liens déduits} à relire (commentaires « À relire » dans les fichiers) ; puis vérifiez : referentiel lint {out}',
        en: '{count} inferred {count#link|links} to review ("À relire" comments in the files); then check: referentiel lint {out}'
    },
    'docx.summary.exact': {
        fr: 'Aucun lien déduit : tout a été lu tel que le document l\'écrit. Vérifiez : referentiel lint {out}',
        en: 'No inferred link: everything was read as the document writes it. Check: referentiel lint {out}'
    },
    'interop.cli.import.force': { fr: 'remplacer les fichiers qui existent déjà dans le dossier de sortie', en: 'replace files that already exist in the output folder' },
    'interop.cli.import.code': { fr: 'import docx : code de la certification (sinon tiré du titre du document)', en: 'import docx: certification code (otherwise taken from the document title)' },
    'import.docxOnly': {
        fr: '{option} ne sert qu\'à « import docx ».',
        en: '{option} only applies to "import docx".'
    },
    'import.rncpOnly': {
        fr: '{option} ne sert qu\'à « import rncp » : un document Word contient un seul référentiel.',
        en: '{option} only applies to "import rncp": a Word document holds a single référentiel.'
    }
});
