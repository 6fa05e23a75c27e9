import { registerMessages } from '../i18n/messages.js';

/** Les textes de la ligne de commande (français par défaut, anglais selon la locale). */
registerMessages({
    'cli.description': {
        fr: 'Écrire, vérifier, évaluer et exporter les référentiels de certifications professionnelles (RNCP).',
        en: 'Write, check, evaluate and export the référentiels of professional certifications (RNCP).'
    },
    'cli.help': { fr: 'afficher l\'aide', en: 'display help' },
    'cli.version': { fr: 'afficher la version', en: 'display the version' },
    'cli.opt.locale': { fr: 'langue des messages : fr ou en', en: 'language of messages: fr or en' },
    'cli.opt.noColor': { fr: 'sans couleurs', en: 'without colours' },

    'cli.lint.description': {
        fr: 'Vérifier des référentiels (.ref) : cohérence, couverture, numérotation, règles d\'obtention.',
        en: 'Check référentiels (.ref): consistency, coverage, numbering, rules for obtaining.'
    },
    'cli.lint.paths': { fr: 'fichiers .ref ou dossiers (parcourus récursivement)', en: '.ref files or folders (searched recursively)' },
    'cli.lint.format': { fr: 'format du rapport : stylish, json, sarif, github, junit', en: 'report format: stylish, json, sarif, github, junit' },
    'cli.lint.maxWarnings': { fr: 'échouer (code 1) au-delà de N avertissements', en: 'fail (exit 1) above N warnings' },
    'cli.lint.quiet': { fr: 'ne montrer que les erreurs', en: 'show errors only' },
    'cli.lint.fix': { fr: 'appliquer les corrections sûres (séparateurs, points finaux, espaces dans les codes)', en: 'apply the safe fixes (separators, trailing dots, spaces inside codes)' },
    'cli.lint.output': { fr: 'écrire le rapport dans ce fichier', en: 'write the report to this file' },
    'cli.lint.rule': { fr: 'sévérité d\'une règle, par ex. REF102=off (répétable)', en: 'severity of a rule, e.g. REF102=off (repeatable)' },
    'cli.lint.basePath': { fr: 'racine du dépôt pour les chemins SARIF et GitHub (par défaut : le dossier qui contient .git)', en: 'repository root for SARIF and GitHub paths (default: the folder that holds .git)' },
    'cli.lint.docsUrl': { fr: 'adresse de base de la documentation publiée (liens des règles SARIF)', en: 'base URL of the published documentation (SARIF rule links)' },
    'cli.lint.junitWarnings': { fr: 'JUnit : compter les avertissements comme des tests en échec', en: 'JUnit: report warnings as failed tests' },
    'lint.githubSummary.title': { fr: 'Vérification des référentiels', en: 'Référentiel check' },
    'lint.githubSummary.columns': { fr: 'Fichier | Ligne | Colonne | Sévérité | Code | Message', en: 'File | Line | Column | Severity | Code | Message' },
    'cli.export.baseUri': { fr: 'CASE : adresse https de base des « uri » (le service CASE qui publie le référentiel)', en: 'CASE: https base URL of the "uri" fields (the CASE service that publishes the référentiel)' },
    'error.badBaseUri': { fr: 'Option --base-uri « {value} » invalide : donnez une adresse https://…', en: 'Invalid --base-uri "{value}": give an https://… address' },
    'error.badDocsUrl': { fr: 'Option --docs-url « {value} » invalide : donnez une adresse https://…', en: 'Invalid --docs-url "{value}": give an https://… address' },

    'cli.export.description': {
        fr: 'Exporter un référentiel (JSON).',
        en: 'Export a référentiel (JSON).'
    },
    'cli.export.path': { fr: 'fichier .ref ou dossier du référentiel', en: '.ref file or folder of the référentiel' },
    'cli.export.format': { fr: 'format : json', en: 'format: json' },
    'cli.export.out': { fr: 'fichier de sortie (sinon la sortie standard)', en: 'output file (standard output otherwise)' },
    'cli.export.referentiel': { fr: 'code du référentiel à exporter, s\'il y en a plusieurs', en: 'code of the référentiel to export, when there are several' },

    'cli.evaluate.description': {
        fr: 'Évaluer des dossiers de candidats (JSON, cohorte CSV ou XLSX) au regard d\'un référentiel et expliquer la décision.',
        en: 'Evaluate candidate files (JSON, CSV or XLSX cohort) against a référentiel and explain the decision.'
    },
    'cli.evaluate.files': {
        fr: 'dossiers candidats (*.candidat.json), cohortes (.csv, .tsv, .xlsx) ou dossiers qui les contiennent',
        en: 'candidate files (*.candidat.json), cohorts (.csv, .tsv, .xlsx) or folders that hold them'
    },
    'cli.evaluate.referentiel': { fr: 'fichier .ref ou dossier du référentiel (obligatoire)', en: '.ref file or folder of the référentiel (required)' },
    'cli.evaluate.code': { fr: 'code du référentiel, si le dossier en contient plusieurs', en: 'code of the référentiel, when the folder holds several' },
    'cli.evaluate.format': {
        fr: 'format : text, json, html, csv ; openbadges, certificats (avec --out <dossier>) ; pv (procès-verbal du jury)',
        en: 'format: text, json, html, csv; openbadges, certificats (with --out <folder>); pv (minutes of the jury)'
    },
    'cli.evaluate.out': { fr: 'fichier du rapport ou du procès-verbal (.html, .pdf), dossier des badges ou des certificats (sinon la sortie standard)', en: 'file of the report or minutes (.html, .pdf), folder of the badges or certificates (standard output otherwise)' },
    'cli.evaluate.date': { fr: 'date d\'évaluation AAAA-MM-JJ (sinon celle du dossier, puis aujourd\'hui)', en: 'evaluation date YYYY-MM-DD (otherwise the file\'s, then today)' },
    'cli.evaluate.anonymize': {
        fr: 'remplace identifiants et noms des candidats par un pseudonyme (HMAC-SHA-256 salé) dans tout le rapport',
        en: 'replaces candidate ids and names with a pseudonym (salted HMAC-SHA-256) in the whole report'
    },
    'cli.evaluate.sel': {
        fr: 'avec --anonymize : le sel secret des pseudonymes (même sel, mêmes pseudonymes ; aléatoire sinon)',
        en: 'with --anonymize: the secret salt of the pseudonyms (same salt, same pseudonyms; random otherwise)'
    },
    'cli.evaluate.sheet': { fr: 'feuille du classeur XLSX à lire (sinon la première)', en: 'sheet of the XLSX workbook to read (otherwise the first)' },
    'evaluate.badDate': { fr: 'Date « {value} » invalide : écrivez AAAA-MM-JJ, par ex. 2026-06-30.', en: 'Invalid date "{value}": write YYYY-MM-DD, e.g. 2026-06-30.' },
    'evaluate.referentielErrors': {
        fr: '✖ Le référentiel {code} a {count} {count#erreur|erreurs} : aucun candidat n\'a été évalué. Corrigez d\'abord (referentiel lint) :',
        en: '✖ Référentiel {code} has {count} {count#error|errors}: no candidate was evaluated. Fix first (referentiel lint):'
    },
    'evaluate.badgesNeedOut': {
        fr: 'Le format openbadges écrit un fichier par badge : donnez le dossier de sortie avec --out <dossier>.',
        en: 'The openbadges format writes one file per badge: give the output folder with --out <folder>.'
    },
    'evaluate.progress': { fr: 'Évaluation {fichier} |{bar}| {percentage} %', en: 'Evaluating {fichier} |{bar}| {percentage} %' },
    'evaluate.written': {
        fr: '✔ {count} {count#candidat évalué|candidats évalués} : rapport écrit dans {file}.',
        en: '✔ {count} {count#candidate|candidates} evaluated: report written to {file}.'
    },
    'evaluate.anonymizedRandom': {
        fr: 'Candidats sous pseudonyme, avec un sel aléatoire non conservé : ces pseudonymes ne se retrouveront dans aucun autre rapport. Pour les garder d\'un rapport à l\'autre, donnez le même --sel.',
        en: 'Candidates under pseudonym, with a random salt that is not kept: these pseudonyms will match no other report. To keep them from one report to the next, give the same --sel.'
    },
    'evaluate.refusedType': {
        fr: '{count#Fichier refusé|Fichiers refusés}, d\'un type que l\'évaluation ne lit pas : {files}. Un candidat se donne en .json (*.candidat.json), une cohorte en .csv, .tsv ou .xlsx (ou donnez le dossier qui les contient) ; un export « Texte Unicode » d\'Excel (.txt) se renomme en .tsv.',
        en: '{count#File|Files} refused, of a type the evaluation does not read: {files}. A candidate is given as .json (*.candidat.json), a cohort as .csv, .tsv or .xlsx (or give the folder that holds them); an Excel "Unicode Text" export (.txt) is renamed to .tsv.'
    },
    'evaluate.emptyFolder': {
        fr: '{path} : aucun fichier de candidat dans ce dossier (*.candidat.json, .csv, .tsv, .xlsx).',
        en: '{path}: no candidate file in this folder (*.candidat.json, .csv, .tsv, .xlsx).'
    },
    'evaluate.certificatsNeedOut': {
        fr: 'Le format certificats écrit un fichier par certificat de bloc : donnez le dossier de sortie avec --out <dossier>.',
        en: 'The certificats format writes one file per bloc certificate: give the output folder with --out <folder>.'
    },
    'evaluate.certificatsOutIsFile': {
        fr: '{path} est un fichier : les certificats s\'écrivent dans un dossier (--out <dossier>).',
        en: '{path} is a file: the certificates are written to a folder (--out <folder>).'
    },
    'evaluate.pvExtension': {
        fr: '{path} : le procès-verbal s\'écrit dans un fichier .html ou .pdf (avec --pdf, un .pdf).',
        en: '{path}: the minutes are written to an .html or .pdf file (with --pdf, a .pdf).'
    },
    'evaluate.pdfNeedsOut': {
        fr: 'Un PDF ne s\'écrit pas sur la sortie standard : donnez le fichier avec --out <fichier.pdf>.',
        en: 'A PDF is not written to standard output: give the file with --out <file.pdf>.'
    },
    'evaluate.emptySession': { fr: '--session attend le nom de la session, par ex. « Session de juin 2026 ».', en: '--session expects the name of the session, e.g. "June 2026 session".' },
    'evaluate.pvWritten': {
        fr: '✔ Procès-verbal écrit dans {file} ({count} {count#candidat|candidats}).',
        en: '✔ Minutes written to {file} ({count} {count#candidate|candidates}).'
    },
    'evaluate.certificatsWritten': {
        fr: '✔ {count} {count#certificat de bloc écrit|certificats de bloc écrits} dans {folder} ({candidats} {candidats#candidat évalué|candidats évalués}).',
        en: '✔ {count} bloc {count#certificate|certificates} written to {folder} ({candidats} {candidats#candidate|candidates} evaluated).'
    },
    'cli.evaluate.session': { fr: 'pv, certificats : le nom de la session du jury (sinon « session du <date> »)', en: 'pv, certificats: the name of the jury session (otherwise "session of <date>")' },
    'cli.evaluate.jury': { fr: 'pv : les membres du jury, séparés par « ; » (sinon des lignes à remplir)', en: 'pv: the members of the jury, separated by ";" (otherwise lines to fill in)' },
    'cli.evaluate.pdf': { fr: 'pv, certificats : écrire des PDF balisés (accessibles) plutôt que du HTML', en: 'pv, certificats: write tagged (accessible) PDFs rather than HTML' },
    'evaluate.nothingWritten': {
        fr: '✖ {count} {count#problème|problèmes} dans les dossiers candidats : rien n\'a été écrit.',
        en: '✖ {count} {count#problem|problems} in the candidate files: nothing was written.'
    },

    'severity.error': { fr: 'erreur', en: 'error' },
    'severity.warning': { fr: 'avertissement', en: 'warning' },
    'severity.info': { fr: 'info', en: 'info' },

    'lint.summary.clean': { fr: '✔ Aucun problème ({files} {files#fichier vérifié|fichiers vérifiés}).', en: '✔ No problems ({files} {files#file|files} checked).' },
    'lint.summary.problems': {
        fr: '✖ {total} {total#problème|problèmes} : {errors} {errors#erreur|erreurs}, {warnings} {warnings#avertissement|avertissements}, {infos} {infos#info|infos} — {files} {files#fichier vérifié|fichiers vérifiés}.',
        en: '✖ {total} {total#problem|problems}: {errors} {errors#error|errors}, {warnings} {warnings#warning|warnings}, {infos} {infos#info|infos} — {files} {files#file|files} checked.'
    },
    'lint.summary.fixable': {
        fr: '  {count} {count#problème corrigeable|problèmes corrigeables} avec l\'option --fix.',
        en: '  {count} {count#problem|problems} fixable with the --fix option.'
    },
    'cli.new.description': {
        fr: 'Créer un référentiel à remplir : l\'en-tête et un fichier par bloc, mis en forme, sans erreur.',
        en: 'Create a référentiel to fill in: the header and one file per bloc, formatted, without errors.'
    },
    'cli.new.code': { fr: 'code de la certification (par ex. DATA-ENGINEER)', en: 'certification code (e.g. DATA-ENGINEER)' },
    'cli.new.title': { fr: 'intitulé de la certification (entre guillemets)', en: 'certification title (quoted)' },
    'cli.new.blocs': { fr: 'nombre de blocs de compétences, de 1 à 30', en: 'number of competency blocs, from 1 to 30' },
    'cli.new.out': { fr: 'dossier où écrire les fichiers .ref (obligatoire)', en: 'folder to write the .ref files to (required)' },
    'cli.new.force': { fr: 'remplacer les fichiers qui existent déjà', en: 'replace files that already exist' },
    'new.summary': {
        fr: '✔ Référentiel {code} créé dans {out} : {files} {files#fichier|fichiers} ({blocs} {blocs#bloc|blocs}). Remplacez les textes, puis : referentiel lint {out}',
        en: '✔ Référentiel {code} created in {out}: {files} {files#file|files} ({blocs} {blocs#bloc|blocs}). Replace the texts, then: referentiel lint {out}'
    },
    'lint.summary.hidden': {
        fr: '  --quiet : {warnings} {warnings#avertissement masqué|avertissements masqués} et {infos} {infos#info masquée|infos masquées} (relancez sans --quiet pour les voir).',
        en: '  --quiet: {warnings} {warnings#warning|warnings} and {infos} {infos#info|infos} hidden (run without --quiet to see them).'
    },
    'lint.summary.maxWarnings': {
        fr: '✖ {warnings} {warnings#avertissement|avertissements} pour un maximum autorisé de {max} (--max-warnings).',
        en: '✖ {warnings} {warnings#warning|warnings} for an allowed maximum of {max} (--max-warnings).'
    },
    'lint.fix.applied': { fr: '✔ {count} {count#correction appliquée|corrections appliquées} dans {files} {files#fichier|fichiers} :', en: '✔ {count} {count#fix|fixes} applied in {files} {files#file|files}:' },
    'lint.fix.none': { fr: 'Aucune correction automatique à appliquer.', en: 'No automatic fix to apply.' },
    'lint.fix.line': { fr: '  {file}:{line}:{column}  {before} → {after}  ({code})', en: '  {file}:{line}:{column}  {before} → {after}  ({code})' },
    'lint.fix.remove': { fr: '  {file}:{line}:{column}  « {before} » retiré (répété)  ({code})', en: '  {file}:{line}:{column}  "{before}" removed (repeated)  ({code})' },

    'export.written': { fr: '✔ Référentiel {code} exporté dans {file}.', en: '✔ Référentiel {code} exported to {file}.' },
    'export.binaryToTerminal': {
        fr: 'Le format {format} est binaire : indiquez le fichier à écrire (--out référentiel.{format}) ou redirigez la sortie.',
        en: 'Format {format} is binary: give the file to write (--out referentiel.{format}) or redirect the output.'
    },
    'export.hasErrors': {
        fr: '✖ Le référentiel {code} a {count} {count#erreur|erreurs} : rien n\'a été exporté. Corrigez d\'abord (referentiel lint) :',
        en: '✖ Référentiel {code} has {count} {count#error|errors}: nothing was exported. Fix first (referentiel lint):'
    },
    'export.none': {
        fr: 'Aucune certification trouvée dans {path} : un référentiel commence par « certification CODE "…" ».',
        en: 'No certification found in {path}: a référentiel starts with "certification CODE "…"".'
    },
    'export.several': {
        fr: 'Plusieurs référentiels dans {path} ({codes}) : choisissez-en un avec --referentiel CODE.',
        en: 'Several référentiels in {path} ({codes}): choose one with --referentiel CODE.'
    },
    'export.unknown': {
        fr: 'Le référentiel « {code} » n\'est pas dans {path}.{suggestion}',
        en: 'Référentiel "{code}" is not in {path}.{suggestion}'
    },

    'error.outIsInput': {
        fr: '{out} est aussi un fichier lu ({input}) : l\'écrire détruirait la source. Choisissez un autre fichier de sortie.',
        en: '{out} is also an input file ({input}): writing it would destroy the source. Choose another output file.'
    },
    'error.outIsFolder': {
        fr: '{path} est un dossier : donnez le nom du fichier à écrire (par exemple {path}/rapport.{ext}).',
        en: '{path} is a folder: give the name of the file to write (for example {path}/rapport.{ext}).'
    },
    'error.writeStdout': {
        fr: 'Sortie standard : écriture impossible ({reason}). Le rapport n\'a pas été écrit en entier.',
        en: 'Standard output: cannot write ({reason}). The report was not written in full.'
    },
    'error.write': { fr: '{path} : écriture impossible ({reason}). Rien n\'a été écrit.', en: '{path}: cannot write ({reason}). Nothing was written.' },
    'error.badFormat': { fr: 'Format inconnu « {value} ». Formats possibles : {allowed}.', en: 'Unknown format "{value}". Possible formats: {allowed}.' },
    'error.badRule': {
        fr: 'Option --rule « {value} » invalide : écrivez CODE=niveau, par ex. REF102=off (niveaux : error, warning, info, off).',
        en: 'Invalid --rule option "{value}": write CODE=level, e.g. REF102=off (levels: error, warning, info, off).'
    },
    'error.unknownRule': { fr: 'Règle inconnue « {value} ».{suggestion}', en: 'Unknown rule "{value}".{suggestion}' },
    'error.badInteger': { fr: '« {value} » n\'est pas un entier positif ou nul.', en: '"{value}" is not a non-negative integer.' },
    'error.badLocale': { fr: 'Langue inconnue « {value} » : fr ou en.', en: 'Unknown language "{value}": fr or en.' },
    'error.usage': { fr: '{message}\nVoir « referentiel {command} --help ».', en: '{message}\nSee "referentiel {command} --help".' },
    'error.unknownCommand': { fr: 'Commande inconnue « {value} ».{suggestion}', en: 'Unknown command "{value}".{suggestion}' },
    'error.unknownOption': { fr: 'Option inconnue « {value} ».', en: 'Unknown option "{value}".' },
    'error.missingArgument': { fr: 'Argument manquant : {value}.', en: 'Missing argument: {value}.' },
    'error.missingOption': { fr: 'L\'option {value} est obligatoire.', en: 'Option {value} is required.' },
    'error.missingOptionValue': { fr: 'L\'option {value} attend une valeur.', en: 'Option {value} expects a value.' },
    'error.interrupted': {
        fr: 'Interrompu ({signal}) : rien n\'a été écrit, les fichiers temporaires sont retirés.',
        en: 'Interrupted ({signal}): nothing was written, temporary files were removed.'
    },
    'error.internal': {
        fr: 'Erreur interne inattendue : {reason}. Merci de signaler ce problème avec la commande utilisée.',
        en: 'Unexpected internal error: {reason}. Please report this problem with the command you ran.'
    },
    'error.nodeVersion': {
        fr: 'Référentiel demande Node.js 22 ou plus récent (version actuelle : {version}).',
        en: 'Référentiel needs Node.js 22 or newer (current version: {version}).'
    }
});
