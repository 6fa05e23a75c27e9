import { registerMessages } from '../i18n/messages.js';

/**
 * Les textes des lecteurs de résultats de candidats (JSON, CSV, XLSX) : français par défaut,
 * anglais selon la locale. Aucun message ne cite le nom d'un candidat (donnée personnelle) :
 * l'identifiant et la position suffisent.
 */
registerMessages({
    // --- Lieux (début des messages) ---------------------------------------------------------
    'cand.where.path': { fr: '« {path} »', en: '"{path}"' },
    'cand.where.column': { fr: 'colonne {name}', en: 'column {name}' },
    'cand.where.cell': { fr: 'cellule {ref} (colonne {name})', en: 'cell {ref} (column {name})' },
    'cand.where.candidate': { fr: 'candidat {id}, {place}', en: 'candidate {id}, {place}' },
    'cand.where.columnNumber': { fr: 'colonne n° {n}', en: 'column #{n}' },
    'cand.where.cellRef': { fr: 'cellule {ref}', en: 'cell {ref}' },
    'cand.where.line': { fr: 'ligne {line}', en: 'line {line}' },

    // --- Noms d'éléments (« le référentiel n'a pas de … ») -----------------------------------
    'cand.deNoun.competence': { fr: 'de compétence', en: 'competency' },
    'cand.deNoun.critere': { fr: 'de critère', en: 'criterion' },
    'cand.deNoun.epreuve': { fr: 'd\'épreuve', en: 'graded test' },
    'cand.deNoun.mesure': { fr: 'de mesure', en: 'measure' },
    'cand.deNoun.bloc': { fr: 'de bloc', en: 'bloc' },
    'cand.aNoun.competence': { fr: 'une compétence', en: 'a competency' },
    'cand.aNoun.critere': { fr: 'un critère', en: 'a criterion' },
    'cand.aNoun.epreuve': { fr: 'une épreuve', en: 'a graded test' },
    'cand.aNoun.mesure': { fr: 'une mesure', en: 'a measure' },
    'cand.aNoun.bloc': { fr: 'un bloc', en: 'a bloc' },
    'cand.known.competence': { fr: 'Compétences du référentiel : {codes}.', en: 'Competencies of the référentiel: {codes}.' },
    'cand.known.critere': { fr: 'Critères du référentiel : {codes}.', en: 'Criteria of the référentiel: {codes}.' },
    'cand.known.epreuve': { fr: 'Épreuves du référentiel : {codes}.', en: 'Graded tests of the référentiel: {codes}.' },
    'cand.known.mesure': { fr: 'Mesures du référentiel : {codes}.', en: 'Measures of the référentiel: {codes}.' },
    'cand.known.bloc': { fr: 'Blocs du référentiel : {codes}.', en: 'Blocs of the référentiel: {codes}.' },
    'cand.known.none.epreuve': { fr: 'Le référentiel ne déclare aucune épreuve notée.', en: 'The référentiel declares no graded test.' },
    'cand.known.none.mesure': { fr: 'Le référentiel ne déclare aucune mesure.', en: 'The référentiel declares no measure.' },

    // --- Fichiers --------------------------------------------------------------------------
    'cand.file.unsupported': {
        fr: 'Format de fichier non reconnu ({ext}) : une cohorte se lit en .csv, .tsv ou .xlsx, un candidat seul en .candidat.json.',
        en: 'Unrecognised file format ({ext}): a cohort is read from .csv, .tsv or .xlsx, a single candidate from .candidat.json.'
    },
    'cand.file.xls': {
        fr: 'Les classeurs .xls (ancien format d\'Excel) ne sont pas lus : enregistrez le fichier au format « Classeur Excel (.xlsx) » ou « CSV (séparateur : point-virgule) ».',
        en: '.xls workbooks (old Excel format) are not read: save the file as "Excel Workbook (.xlsx)" or "CSV".'
    },

    // --- JSON : syntaxe ---------------------------------------------------------------------
    'cand.json.empty': {
        fr: 'Fichier vide : un fichier de candidat est un objet JSON, par exemple { "referentiel": "MINI", "candidat": { "id": "2026-0042" } }.',
        en: 'Empty file: a candidate file is a JSON object, for example { "referentiel": "MINI", "candidat": { "id": "2026-0042" } }.'
    },
    'cand.json.comment': {
        fr: 'JSON mal formé : les commentaires (// ou /* … */) ne sont pas permis en JSON. Retirez-le.',
        en: 'Malformed JSON: comments (// or /* … */) are not allowed in JSON. Remove it.'
    },
    'cand.json.trailingComma': {
        fr: 'JSON mal formé : virgule en trop avant « {close} ». En JSON, le dernier élément n\'est pas suivi d\'une virgule.',
        en: 'Malformed JSON: extra comma before "{close}". In JSON the last element is not followed by a comma.'
    },
    'cand.json.syntax': { fr: 'JSON mal formé : {detail}.', en: 'Malformed JSON: {detail}.' },
    'cand.json.err.InvalidSymbol': {
        fr: '« {text} » inattendu (un texte s\'écrit entre guillemets droits "…", les valeurs permises sont les nombres, true, false et null)',
        en: 'unexpected "{text}" (a text is written between straight double quotes "…"; allowed values are numbers, true, false and null)'
    },
    'cand.json.err.InvalidNumberFormat': { fr: 'nombre mal écrit « {text} » (le séparateur décimal est le point : 12.5)', en: 'badly written number "{text}" (the decimal separator is the dot: 12.5)' },
    'cand.json.err.PropertyNameExpected': { fr: 'nom de propriété entre guillemets droits attendu ("competences"…)', en: 'property name between straight double quotes expected ("competences"…)' },
    'cand.json.err.ValueExpected': { fr: 'valeur attendue', en: 'value expected' },
    'cand.json.err.ColonExpected': { fr: '« : » attendu après le nom de la propriété', en: '":" expected after the property name' },
    'cand.json.err.CommaExpected': { fr: 'virgule attendue entre deux éléments', en: 'comma expected between two elements' },
    'cand.json.err.CloseBraceExpected': { fr: '« } » attendu pour fermer l\'objet', en: '"}" expected to close the object' },
    'cand.json.err.CloseBracketExpected': { fr: '« ] » attendu pour fermer la liste', en: '"]" expected to close the list' },
    'cand.json.err.EndOfFileExpected': { fr: 'fin du fichier attendue après l\'objet principal', en: 'end of file expected after the main object' },
    'cand.json.err.UnexpectedEndOfComment': { fr: 'commentaire non fermé', en: 'unclosed comment' },
    'cand.json.err.UnexpectedEndOfString': {
        fr: 'texte non terminé : il manque le guillemet fermant (un retour à la ligne dans un texte s\'écrit \\n)',
        en: 'unterminated text: the closing quote is missing (a line break inside a text is written \\n)'
    },
    'cand.json.err.InvalidUnicode': { fr: 'séquence \\u mal formée (\\u suivi de 4 chiffres hexadécimaux)', en: 'malformed \\u sequence (\\u followed by 4 hex digits)' },
    'cand.json.err.InvalidEscapeCharacter': {
        fr: 'échappement invalide (permis : \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
        en: 'invalid escape (allowed: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)'
    },
    'cand.json.err.InvalidCharacter': {
        fr: 'caractère de contrôle dans un texte (une tabulation s\'écrit \\t, un retour à la ligne \\n)',
        en: 'control character inside a text (a tab is written \\t, a line break \\n)'
    },

    // --- JSON : schéma ----------------------------------------------------------------------
    'cand.type.string': { fr: 'un texte entre guillemets', en: 'a text between quotes' },
    'cand.type.number': { fr: 'un nombre', en: 'a number' },
    'cand.type.object': { fr: 'un objet { … }', en: 'an object { … }' },
    'cand.type.array': { fr: 'une liste [ … ]', en: 'a list [ … ]' },
    'cand.type.boolean': { fr: 'true ou false', en: 'true or false' },
    'cand.type.null': { fr: 'null', en: 'null' },
    'cand.schema.type': { fr: '{where} doit être {expected}, pas {actual}.', en: '{where} must be {expected}, not {actual}.' },
    'cand.schema.typeNumber': {
        fr: '{where} doit être un nombre (sans guillemets, point décimal : 12.5), pas {actual}.',
        en: '{where} must be a number (without quotes, decimal point: 12.5), not {actual}.'
    },
    'cand.schema.enum': { fr: '{where} : « {value} » n\'est pas permis. Valeurs permises : {allowed}.', en: '{where}: "{value}" is not allowed. Allowed values: {allowed}.' },
    'cand.schema.required': { fr: 'Propriété obligatoire « {path} » absente : {hint}', en: 'Required property "{path}" is missing: {hint}' },
    'cand.schema.required.referentiel': { fr: 'le code du référentiel concerné (par exemple « {code} »).', en: 'the code of the référentiel concerned (for example "{code}").' },
    'cand.schema.required.candidat': { fr: 'l\'objet « candidat » avec au moins son identifiant : "candidat": { "id": "2026-0042" }.', en: 'the "candidat" object with at least its id: "candidat": { "id": "2026-0042" }.' },
    'cand.schema.required.id': { fr: 'l\'identifiant du candidat (numéro de dossier, pas son nom).', en: 'the candidate\'s id (file number, not their name).' },
    'cand.schema.required.other': { fr: 'ajoutez-la.', en: 'add it.' },
    'cand.schema.additional': {
        fr: 'Propriété « {property} » inconnue dans {where}.{suggestion} Propriétés permises : {allowed}.',
        en: 'Unknown property "{property}" in {where}.{suggestion} Allowed properties: {allowed}.'
    },
    'cand.schema.root': { fr: 'le fichier', en: 'the file' },
    'cand.schema.date': {
        fr: '{where} : « {value} » n\'est pas une date valide (AAAA-MM-JJ, par exemple 2026-06-30).',
        en: '{where}: "{value}" is not a valid date (YYYY-MM-DD, for example 2026-06-30).'
    },
    'cand.schema.minLength': { fr: '{where} ne doit pas être vide.', en: '{where} must not be empty.' },
    'cand.schema.other': { fr: '{where} : {detail}', en: '{where}: {detail}' },
    'cand.schema.duplicateKey': {
        fr: '{where} est donné deux fois (déjà ligne {line}, colonne {column}) : gardez une seule valeur.',
        en: '{where} is given twice (already line {line}, column {column}): keep a single value.'
    },
    'cand.schema.sameCode': {
        fr: '{where} et « {other} » (ligne {line}, colonne {column}) désignent le même code : gardez-en un.',
        en: '{where} and "{other}" (line {line}, column {column}) denote the same code: keep one.'
    },

    // --- Référentiel, codes -----------------------------------------------------------------
    'cand.referentiel': {
        fr: 'Ce fichier concerne le référentiel {file}, pas {model}. Vérifiez la propriété « referentiel » du fichier ou le référentiel donné à la commande.',
        en: 'This file is about référentiel {file}, not {model}. Check the "referentiel" property of the file or the référentiel given to the command.'
    },
    'cand.code.unknown': {
        fr: '{where} : le référentiel {ref} n\'a pas {deNoun} {code}.{suggestion}',
        en: '{where}: référentiel {ref} has no {deNoun} {code}.{suggestion}'
    },
    'cand.code.wrongKind': {
        fr: '{where} : {code} n\'est pas {aNoun} mais {kind} {code} ; placez ce code dans « {section} ».',
        en: '{where}: {code} is not {aNoun} but {kind} {code}; put this code in "{section}".'
    },
    'cand.bloc.duplicate': {
        fr: '{where} : le bloc {code} figure deux fois dans les blocs acquis (aussi {other}).',
        en: '{where}: bloc {code} appears twice in the blocs acquired (also {other}).'
    },
    'cand.bloc.duplicateCell': {
        fr: '{where} : le bloc {code} figure deux fois dans les blocs acquis.',
        en: '{where}: bloc {code} appears twice in the blocs acquired.'
    },
    'cand.amenagement.order': {
        fr: '{where} : la fin de l\'aménagement ({fin}) précède son début ({debut}).',
        en: '{where}: the end of the adjustment ({fin}) is before its start ({debut}).'
    },

    // --- Valeurs ---------------------------------------------------------------------------
    'cand.grade.range': {
        fr: '{where} : note {value} hors du barème de {code} (sur {bareme}) ; une note va de 0 à {bareme}.',
        en: '{where}: grade {value} outside the scale of {code} (out of {bareme}); a grade goes from 0 to {bareme}.'
    },
    'cand.measure.negative': {
        fr: '{where} : mesure {value} négative pour {code} (en {unit}) ; une mesure est positive ou nulle.',
        en: '{where}: negative measure {value} for {code} (in {unit}); a measure is zero or more.'
    },
    'cand.value.competence': {
        fr: '{where} : « {value} » n\'est pas un résultat de compétence. Valeurs acceptées : A ou acquise (acquis), NA ou non acquise (non acquis), ou une cellule vide si la compétence n\'a pas été évaluée.',
        en: '{where}: "{value}" is not a competency result. Accepted values: A or acquise (acquis), NA or non acquise (non acquis), or an empty cell if the competency was not assessed.'
    },
    'cand.value.critere': {
        fr: '{where} : « {value} » n\'est pas un résultat de critère. Valeurs acceptées : S ou satisfait, NS ou non satisfait, ou une cellule vide si le critère n\'a pas été vérifié.',
        en: '{where}: "{value}" is not a criterion result. Accepted values: S or satisfait, NS or non satisfait, or an empty cell if the criterion was not checked.'
    },
    'cand.value.grade': {
        fr: '{where} : note « {value} » non numérique pour {code}. Écrivez un nombre de 0 à {bareme} (12,5 ou 12.5), ou laissez la cellule vide si la note manque.',
        en: '{where}: non-numeric grade "{value}" for {code}. Write a number from 0 to {bareme} (12,5 or 12.5), or leave the cell empty if the grade is missing.'
    },
    'cand.value.measure': {
        fr: '{where} : « {value} » n\'est pas un nombre pour la mesure {code} (en {unit}). Écrivez un nombre (6 ou 6,5), ou laissez la cellule vide.',
        en: '{where}: "{value}" is not a number for measure {code} (in {unit}). Write a number (6 or 6,5), or leave the cell empty.'
    },
    'cand.value.date': {
        fr: '{where} : date « {value} » invalide. Écrivez AAAA-MM-JJ (2026-06-30) ou JJ/MM/AAAA (30/06/2026).',
        en: '{where}: invalid date "{value}". Write YYYY-MM-DD (2026-06-30) or DD/MM/YYYY (30/06/2026).'
    },
    'cand.value.blocItem': {
        fr: '{where} : « {value} » mal écrit. Écrivez les codes des blocs séparés par « | », chacun éventuellement suivi de sa date : « BC01|BC02@2024-06-30 ».',
        en: '{where}: "{value}" is badly written. Write the bloc codes separated by "|", each optionally followed by its date: "BC01|BC02@2024-06-30".'
    },
    'cand.value.cellError': {
        fr: '{where} : la cellule contient l\'erreur {value} (formule). Corrigez la formule ou remplacez-la par une valeur.',
        en: '{where}: the cell holds the error {value} (formula). Fix the formula or replace it with a value.'
    },
    'cand.value.formulaError': {
        fr: '{where} : la formule de la cellule ne donne pas de valeur (erreur, ou classeur jamais recalculé). Corrigez la formule ou remplacez-la par une valeur.',
        en: '{where}: the formula of the cell gives no value (error, or workbook never recalculated). Fix the formula or replace it with a value.'
    },
    'cand.value.missingId': {
        fr: '{where} : identifiant du candidat manquant (colonne « candidat ») ; chaque ligne remplie en a un.',
        en: '{where}: candidate id missing ("candidat" column); every filled row has one.'
    },
    'cand.value.duplicateId': {
        fr: 'Candidat {id} en double dans la cohorte : lignes {first} et {second}. Un candidat n\'a qu\'une ligne : fusionnez-les.',
        en: 'Candidate {id} appears twice in the cohort: lines {first} and {second}. A candidate has a single line: merge them.'
    },

    // --- Colonnes ---------------------------------------------------------------------------
    'cand.col.empty': {
        fr: 'Fichier vide : la première ligne nomme les colonnes (« candidat », puis un code par colonne : compétences, critères, épreuves, mesures).',
        en: 'Empty file: the first line names the columns ("candidat", then one code per column: competencies, criteria, graded tests, measures).'
    },
    'cand.col.notHeader': {
        fr: 'La ligne {line} ne nomme aucune colonne connue : une cohorte commence par une ligne d\'en-têtes, « candidat », puis « nom », « date_evaluation », « blocs_acquis » au besoin, et un code du référentiel par colonne de résultats (compétences, critères, épreuves, mesures).',
        en: 'Line {line} names no known column: a cohort starts with a header line, "candidat", then "nom", "date_evaluation", "blocs_acquis" if needed, and one code of the référentiel per results column (competencies, criteria, graded tests, measures).'
    },
    'cand.col.missingId': {
        fr: 'Colonne « candidat » absente : la première ligne nomme les colonnes, dont « candidat » (l\'identifiant de chaque candidat). En-têtes lus : {found}.',
        en: 'Column "candidat" is missing: the first line names the columns, including "candidat" (each candidate\'s id). Headers read: {found}.'
    },
    'cand.col.unknown': {
        fr: '{where} : colonne « {name} » inconnue : ni compétence, ni critère, ni épreuve, ni mesure du référentiel {ref}, ni colonne prévue (candidat, nom, date_evaluation, blocs_acquis).{suggestion} Pour garder une colonne de remarques, faites commencer son en-tête par « # ».',
        en: '{where}: unknown column "{name}": neither a competency, criterion, graded test nor measure of référentiel {ref}, nor a known column (candidat, nom, date_evaluation, blocs_acquis).{suggestion} To keep a column of remarks, start its header with "#".'
    },
    'cand.col.notResult': {
        fr: '{where} : {code} est {kind} {code} ; une colonne de résultats porte une compétence, un critère, une épreuve ou une mesure. Un bloc acquis lors d\'une session antérieure se déclare dans la colonne « blocs_acquis ».',
        en: '{where}: {code} is {kind} {code}; a results column holds a competency, a criterion, a graded test or a measure. A bloc acquired in an earlier session goes in the "blocs_acquis" column.'
    },
    'cand.col.duplicate': {
        fr: '{where} : colonne « {name} » en double (déjà {first}) : gardez-en une.',
        en: '{where}: duplicate column "{name}" (already {first}): keep one.'
    },
    'cand.col.noHeader': {
        fr: '{where} : valeur « {value} » dans une colonne sans en-tête. Nommez la colonne sur la première ligne ou videz la cellule.',
        en: '{where}: value "{value}" in a column without header. Name the column on the first line or empty the cell.'
    },
    'cand.col.extra': {
        fr: '{where} : valeur « {value} » au-delà des {count} colonnes de l\'en-tête.{hint}',
        en: '{where}: value "{value}" beyond the {count} columns of the header.{hint}'
    },
    'cand.col.extraHint': {
        fr: ' Une cellule qui contient le séparateur « {sep} » (une note à virgule « 12,5 » dans un CSV séparé par des virgules…) s\'écrit entre guillemets : "12,5".',
        en: ' A cell that contains the separator "{sep}" (a grade with a decimal comma "12,5" in a comma-separated file…) is written between quotes: "12,5".'
    },

    // --- CSV --------------------------------------------------------------------------------
    'cand.csv.quoteNotClosed': {
        fr: 'CSV mal formé : le guillemet ouvert ici n\'est jamais fermé. Fermez la cellule par « " » (un guillemet à l\'intérieur d\'une cellule s\'écrit « "" »).',
        en: 'Malformed CSV: the quote opened here is never closed. Close the cell with \'"\' (a quote inside a cell is written \'""\').'
    },
    'cand.csv.openingQuote': {
        fr: 'CSV mal formé : guillemet au milieu d\'une cellule. Entourez toute la cellule de guillemets et doublez les guillemets intérieurs : "Dupont ""Jr""".',
        en: 'Malformed CSV: quote in the middle of a cell. Put the whole cell between quotes and double the inner quotes: "Dupont ""Jr""".'
    },
    'cand.csv.closingQuote': {
        fr: 'CSV mal formé : après le guillemet fermant vient autre chose que le séparateur « {sep} » ou une fin de ligne. Un guillemet à l\'intérieur d\'une cellule s\'écrit « "" ».',
        en: 'Malformed CSV: the closing quote is followed by something other than the separator "{sep}" or a line end. A quote inside a cell is written \'""\'.'
    },
    'cand.csv.other': { fr: 'CSV mal formé : {detail}', en: 'Malformed CSV: {detail}' },
    'cand.csv.encoding': {
        fr: 'Encodage : le fichier est en UTF-8, mais l\'octet lu ici n\'est pas de l\'UTF-8 (fichier assemblé à partir de plusieurs sources ?). Réenregistrez-le depuis le tableur en « CSV UTF-8 ».',
        en: 'Encoding: the file is UTF-8, but the byte read here is not UTF-8 (file assembled from several sources?). Save it again from the spreadsheet as "CSV UTF-8".'
    },

    // --- Limites (evaluation/candidates/limits.ts) --------------------------------------------
    'cand.limit.cell': {
        fr: '{where} : cellule de {length} caractères, au-delà de la limite de {max} (celle d\'une cellule Excel). Une cellule de résultats tient en quelques caractères : le fichier est-il bien une cohorte ?',
        en: '{where}: cell of {length} characters, beyond the limit of {max} (that of an Excel cell). A results cell holds a few characters: is the file really a cohort?'
    },
    'cand.limit.fields': {
        fr: 'Ligne {line} : {count} cellules, au-delà de la limite de {max} colonnes (celle d\'Excel). Vérifiez le séparateur et la ligne.',
        en: 'Line {line}: {count} cells, beyond the limit of {max} columns (that of Excel). Check the separator and the line.'
    },
    'cand.limit.line': {
        fr: 'CSV mal formé : ligne de plus de {max} caractères. Une ligne de cohorte en compte quelques centaines : le fichier est-il bien un CSV de résultats ?',
        en: 'Malformed CSV: line of more than {max} characters. A cohort line has a few hundred: is the file really a results CSV?'
    },
    'cand.limit.more': {
        fr: '… et {count} {count#autre problème|autres problèmes} dans {file} (les {shown} premiers sont montrés).',
        en: '… and {count} more {count#problem|problems} in {file} (the first {shown} are shown).'
    },
    'cand.limit.xlsxBomb': {
        fr: 'Classeur refusé : l\'entrée « {entry} » se décompresse en {size} Mo ({ratio} fois sa taille compressée ; limites : {maxSize} Mo et {maxRatio} fois). Une feuille de résultats réelle est bien plus petite : réenregistrez le classeur depuis le tableur, ou exportez-le en CSV.',
        en: 'Workbook refused: entry "{entry}" expands to {size} MB ({ratio} times its compressed size; limits: {maxSize} MB and {maxRatio} times). A real results sheet is much smaller: save the workbook again from the spreadsheet, or export it as CSV.'
    },
    'cand.limit.xlsxTotal': {
        fr: 'Classeur refusé : il se décompresse en {size} Mo au total (limite : {max} Mo). Exportez la feuille de résultats en CSV.',
        en: 'Workbook refused: it expands to {size} MB in total (limit: {max} MB). Export the results sheet as CSV.'
    },
    'cand.value.masked': { fr: '⟨{count} {count#caractère masqué|caractères masqués}⟩', en: '⟨{count} masked {count#character|characters}⟩' },
    'cand.noRows': {
        fr: 'La cohorte n\'a aucune ligne de candidat : seule la ligne d\'en-tête est remplie. Ajoutez une ligne par candidat, ou retirez ce fichier de la commande.',
        en: 'The cohort has no candidate line: only the header line is filled. Add one line per candidate, or remove this file from the command.'
    },
    'cand.csv.mixedEncoding': {
        fr: 'Encodage : le fichier commence en Windows-1252 (octet non UTF-8 ligne {first}) puis continue en UTF-8 ici : il a été assemblé à partir de plusieurs sources, et ses accents seraient lus de travers. Réenregistrez-le depuis le tableur en « CSV UTF-8 ».',
        en: 'Encoding: the file starts in Windows-1252 (non-UTF-8 byte on line {first}) then continues in UTF-8 here: it was assembled from several sources, and its accents would be misread. Save it again from the spreadsheet as "CSV UTF-8".'
    },
    'cand.json.err.NestingTooDeep': {
        fr: 'objets ou listes imbriqués sur plus de {max} niveaux (un dossier candidat en a 3)',
        en: 'objects or lists nested more than {max} levels deep (a candidate file has 3)'
    },
    'cand.json.err.StringTooLong': {
        fr: 'texte de plus de {max} caractères (un identifiant ou un nom en compte quelques dizaines)',
        en: 'text of more than {max} characters (an id or a name has a few dozen)'
    },

    // --- XLSX -------------------------------------------------------------------------------
    'cand.xlsx.sheet': {
        fr: 'Feuille « {sheet} » absente du classeur.{suggestion} Feuilles du classeur : {sheets}.',
        en: 'Sheet "{sheet}" is not in the workbook.{suggestion} Sheets of the workbook: {sheets}.'
    },
    'cand.xlsx.noSheet': { fr: 'Le classeur n\'a aucune feuille.', en: 'The workbook has no sheet.' },
    'cand.xlsx.unreadable': {
        fr: 'Ce fichier n\'est pas un classeur .xlsx lisible ({reason}). Enregistrez-le depuis le tableur au format « Classeur Excel (.xlsx) » ou en CSV.',
        en: 'This file is not a readable .xlsx workbook ({reason}). Save it from the spreadsheet as "Excel Workbook (.xlsx)" or as CSV.'
    }
});
