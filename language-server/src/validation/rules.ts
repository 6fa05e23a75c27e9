import { fill } from '../i18n/messages.js';
import { getLocale, type Locale } from '../i18n/locale.js';

/**
 * Le catalogue des règles de cohérence. Un code publié ne change jamais de sens :
 * une règle retirée garde son numéro, une règle nouvelle en prend un nouveau.
 * Chaque règle a une ligne dans docs/rules.md (un test le vérifie).
 */
export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';

export type RuleCategory = 'syntaxe' | 'coherence' | 'couverture' | 'numerotation' | 'obtention' | 'accessibilite' | 'redaction';

/** Une entrée du catalogue, de code `C` (le type `RuleCode` est l'union de ces codes). */
interface RuleEntry<C extends string> {
    readonly code: C;
    readonly severity: Severity;
    readonly category: RuleCategory;
    /** Titre court (une ligne de documentation, une entrée SARIF). */
    readonly title: { fr: string; en: string };
    /** Message placé sur le jeton fautif ; paramètres {nom}. */
    readonly message: { fr: string; en: string };
    /** Une correction automatique sûre existe (appliquée par `lint --fix`). */
    readonly autofix?: boolean;
    /**
     * Ce qui est dit de l'autre endroit que le diagnostic désigne (`relatedInformation` du
     * diagnostic : l'autre définition d'un code en double, les premières règles d'obtention).
     */
    readonly related?: { fr: string; en: string };
    /** Règle éteinte tant que l'utilisateur ne lui donne pas de sévérité (`--rule REF606=info`). */
    readonly defaultOff?: boolean;
}

function rule<C extends string>(code: C, severity: Severity, category: RuleCategory, title: [string, string], message: [string, string], autofix = false, related?: [string, string]): RuleEntry<C> {
    return { code, severity, category, title: { fr: title[0], en: title[1] }, message: { fr: message[0], en: message[1] }, autofix, ...(related ? { related: { fr: related[0], en: related[1] } } : {}) };
}

const CATALOGUE = [
    // --- Syntaxe et liaison ---------------------------------------------------------------
    rule('REF001', 'error', 'syntaxe',
        ['Erreur de syntaxe', 'Syntax error'],
        ['{detail}', '{detail}']),
    rule('REF002', 'error', 'syntaxe',
        ['Référence non résolue', 'Unresolved reference'],
        ['{kind} « {name} » n\'existe pas dans le référentiel {owner}.{suggestion}', '{kind} "{name}" does not exist in référentiel {owner}.{suggestion}']),
    rule('REF003', 'warning', 'coherence',
        ['Référence écrite autrement que sa définition', 'Reference spelled differently from its definition'],
        ['« {name} » est écrit autrement que sa définition ({kind} « {defined} ») : écrivez « {fixed} ».', '"{name}" is spelled differently from its definition ({kind} "{defined}"): write "{fixed}".'], true),
    rule('REF004', 'error', 'coherence',
        ['Code en double', 'Duplicate code'],
        ['Le code « {name} » est déjà utilisé par {kind} {other}. Chaque code doit être unique dans le référentiel {owner}.', 'Code "{name}" is already used by {kind} {other}. Each code must be unique within référentiel {owner}.'], false,
        ['Autre élément de code « {name} » : {kind} {other}', 'Other element with code "{name}": {kind} {other}']),
    rule('REF005', 'error', 'coherence',
        ['Propriété répétée', 'Repeated property'],
        ['« {property} » est donné plusieurs fois : seule la dernière valeur serait retenue. Gardez-en une.', '"{property}" is given more than once: only the last value would be kept. Keep one.']),
    rule('REF006', 'error', 'coherence',
        ['Règles d\'obtention en double', 'Duplicate rules for obtaining the certification'],
        ['Le référentiel {owner} a déjà des règles d\'obtention. Réunissez-les dans un seul bloc « obtention ».', 'Référentiel {owner} already has rules for obtaining the certification. Gather them in a single "obtention" block.'], false,
        ['Premières règles d\'obtention du référentiel {owner}', 'First rules for obtaining the certification of référentiel {owner}']),
    rule('REF007', 'warning', 'coherence',
        ['Certification sans règles d\'obtention', 'Certification without rules for obtaining it'],
        ['La certification {owner} ne dit pas comment elle s\'obtient : ajoutez un bloc « obtention { … } » (seuil des blocs, épreuves, conditions).', 'Certification {owner} does not say how it is obtained: add an "obtention { … }" block (bloc threshold, graded tests, conditions).']),
    rule('REF008', 'error', 'coherence',
        ['Niveau européen invalide', 'Invalid European level'],
        ['Le niveau {value} n\'existe pas : le cadre européen des certifications va de 1 à 8.', 'Level {value} does not exist: the European qualifications framework goes from 1 to 8.']),
    rule('REF009', 'error', 'coherence',
        ['Dates incohérentes', 'Inconsistent dates'],
        ['{detail}', '{detail}']),
    rule('REF010', 'error', 'coherence',
        ['Élément hors de sa place', 'Element out of place'],
        ['{detail}', '{detail}']),
    rule('REF011', 'warning', 'coherence',
        ['Code qui masque un élément d\'un socle utilisé', 'Code hiding an element of a shared set in use'],
        ['Le code « {name} » est aussi celui de {kind} {other} du socle {socle} : les références « {name} » de cette certification iront à son propre élément, celui du socle restera inaccessible. Changez l\'un des deux codes.', 'Code "{name}" is also the code of {kind} {other} of shared set {socle}: references "{name}" in this certification will go to its own element and the shared one will be unreachable. Rename one of them.']),
    rule('REF012', 'error', 'coherence',
        ['Code de nomenclature mal formé', 'Malformed nomenclature code'],
        ['Le code {kind} « {value} » est mal formé : {expected}.', 'The {kind} code "{value}" is malformed: {expected}.']),

    // --- Couverture -----------------------------------------------------------------------
    rule('REF101', 'error', 'couverture',
        ['Compétence évaluée par aucune modalité', 'Competency assessed by no assessment situation'],
        ['La compétence {name} n\'est évaluée par aucune modalité : ajoutez-la à la liste « évalue » d\'une modalité.', 'Competency {name} is assessed by no assessment situation: add it to the "évalue" list of one.']),
    rule('REF102', 'warning', 'couverture',
        ['Compétence vérifiée par aucun critère', 'Competency checked by no criterion'],
        ['Aucun critère ne vérifie la compétence {name} : rattachez-lui un critère avec « vérifie {name} ».', 'No criterion checks competency {name}: tie one to it with "vérifie {name}".']),
    rule('REF103', 'warning', 'couverture',
        ['Activité sans compétence', 'Activity from which no competency derives'],
        ['Aucune compétence n\'est issue de l\'activité {name} : ajoutez « issue de {name} » à la compétence qui en découle.', 'No competency derives from activity {name}: add "issue de {name}" to the competency that derives from it.']),
    rule('REF104', 'warning', 'couverture',
        ['Critère rattaché à aucune compétence', 'Criterion tied to no competency'],
        ['Le critère {name} ne dit pas quelle compétence il vérifie : ajoutez « vérifie C… ».', 'Criterion {name} does not say which competency it checks: add "vérifie C…".']),
    rule('REF105', 'error', 'couverture',
        ['Critère rattaché à une compétence que sa modalité n\'évalue pas', 'Criterion tied to a competency its situation does not assess'],
        ['Le critère {name} vérifie {competence}, que la modalité {modalite} n\'évalue pas : ajoutez {competence} à sa liste « évalue » ou corrigez le critère.', 'Criterion {name} checks {competence}, which situation {modalite} does not assess: add {competence} to its "évalue" list or fix the criterion.']),
    rule('REF106', 'warning', 'couverture',
        ['Modalité évaluant une compétence d\'un autre bloc', 'Situation assessing a competency of another bloc'],
        ['La modalité {name} du bloc {bloc} évalue {competence}, qui appartient au bloc {other}.', 'Situation {name} of bloc {bloc} assesses {competence}, which belongs to bloc {other}.']),
    rule('REF107', 'error', 'couverture',
        ['Bloc vide', 'Empty bloc'],
        ['Le bloc {name} ne contient aucune compétence : un bloc se valide par ses compétences.', 'Bloc {name} holds no competency: a bloc is validated through its competencies.']),
    rule('REF108', 'error', 'couverture',
        ['Bloc dont aucune compétence n\'est évaluée', 'Bloc none of whose competencies is assessed'],
        ['Aucune compétence du bloc {name} n\'est évaluée : ce bloc ne pourrait jamais être validé.', 'No competency of bloc {name} is assessed: this bloc could never be validated.']),
    rule('REF109', 'warning', 'couverture',
        ['Modalité qui n\'évalue rien', 'Situation that assesses nothing'],
        ['La modalité {name} n\'évalue aucune compétence : ajoutez « évalue C… ».', 'Situation {name} assesses no competency: add "évalue C…".']),
    rule('REF110', 'warning', 'couverture',
        ['Référence répétée dans une liste', 'Reference repeated in a list'],
        ['{name} figure déjà dans cette liste.', '{name} is already in this list.'], true),
    rule('REF111', 'warning', 'couverture',
        ['Compétence de socle évaluée mais incluse dans aucun bloc', 'Shared competency assessed but included in no bloc'],
        ['La modalité {name} évalue {competence}, une compétence de socle qu\'aucun bloc de la certification {owner} n\'inclut : son évaluation ne compte pour aucun bloc. Ajoutez « inclut {competence} » au bloc {bloc}.', 'Situation {name} assesses {competence}, a shared competency that no bloc of certification {owner} includes: its assessment counts for no bloc. Add "inclut {competence}" to bloc {bloc}.']),

    // --- Numérotation ---------------------------------------------------------------------
    rule('REF201', 'warning', 'numerotation',
        ['Séparateurs mêlés dans une famille de codes', 'Mixed separators within a family of codes'],
        ['« {name} » utilise « {used} » alors que les autres codes {family} utilisent « {expected} » : écrivez « {fixed} ».', '"{name}" uses "{used}" while the other {family} codes use "{expected}": write "{fixed}".'], true),
    rule('REF202', 'warning', 'numerotation',
        ['Point final dans un code', 'Trailing dot in a code'],
        ['Le code « {name} » se termine par un point : écrivez « {fixed} ».', 'Code "{name}" ends with a dot: write "{fixed}".'], true),
    rule('REF203', 'warning', 'numerotation',
        ['Espace dans un code', 'Space inside a code'],
        ['Le code « {name} » contient une espace : écrivez « {fixed} ».', 'Code "{name}" contains a space: write "{fixed}".'], true),
    rule('REF204', 'warning', 'numerotation',
        ['Numéro ne correspondant pas au bloc', 'Number not matching its bloc'],
        ['{name} est dans le bloc {bloc} (n° {expected}) mais son numéro commence par {actual}.', '{name} is in bloc {bloc} (no. {expected}) but its number starts with {actual}.']),
    rule('REF205', 'warning', 'numerotation',
        ['Trou dans la numérotation', 'Gap in the numbering'],
        ['Numérotation : {missing} manque avant {name}.', 'Numbering: {missing} missing before {name}.']),
    rule('REF206', 'warning', 'numerotation',
        ['Numéro répété ou hors d\'ordre', 'Number repeated or out of order'],
        ['Numérotation : {name} vient après {previous} (numéro répété ou hors d\'ordre).', 'Numbering: {name} comes after {previous} (number repeated or out of order).']),

    // --- Règles d'obtention ---------------------------------------------------------------
    rule('REF301', 'error', 'obtention',
        ['Épreuve ou mesure utilisée mais non déclarée', 'Graded test or measure used but not declared'],
        ['« {name} » n\'est pas déclaré : ajoutez « épreuve {name} \"…\" sur 20 » ou « mesure {name} \"…\" en mois » dans « obtention ».{suggestion}', '"{name}" is not declared: add "épreuve {name} \"…\" sur 20" or "mesure {name} \"…\" en mois" in "obtention".{suggestion}']),
    rule('REF302', 'warning', 'obtention',
        ['Épreuve ou mesure déclarée mais jamais utilisée', 'Graded test or measure declared but never used'],
        ['{kind} {name} est déclarée mais aucune condition ne l\'utilise.', '{kind} {name} is declared but no condition uses it.']),
    rule('REF303', 'error', 'obtention',
        ['Types incompatibles', 'Incompatible types'],
        ['{detail}', '{detail}']),
    rule('REF304', 'error', 'obtention',
        ['Pourcentage hors de 0 à 100 %', 'Percentage outside 0 to 100 %'],
        ['{value} % n\'est pas un pourcentage possible (de 0 à 100 %).', '{value} % is not a possible percentage (0 to 100 %).']),
    rule('REF305', 'error', 'obtention',
        ['Seuil hors du barème', 'Threshold outside the scale'],
        ['Le seuil {value} est hors du barème de « {name} », qui va de {min} à {scale}.', 'Threshold {value} is outside the scale of "{name}", which goes from {min} to {scale}.']),
    rule('REF306', 'error', 'obtention',
        ['Condition impossible à remplir', 'Condition that can never be met'],
        ['Cette condition ne peut jamais être remplie : {detail}.', 'This condition can never be met: {detail}.']),
    rule('REF307', 'error', 'obtention',
        ['Appel de fonction invalide', 'Invalid function call'],
        ['{detail}', '{detail}']),
    rule('REF308', 'warning', 'obtention',
        ['Règles d\'obtention sans condition', 'Rules for obtaining without any condition'],
        ['Les règles d\'obtention de {owner} n\'ont aucune condition : ajoutez au moins « condition \"…\" : tous les blocs validés ».', 'The rules for obtaining {owner} have no condition: add at least "condition \"…\" : tous les blocs validés".']),
    rule('REF309', 'error', 'obtention',
        ['Plancher hors du barème', 'Floor mark outside the scale'],
        ['Le plancher {value} de l\'épreuve {name} est hors de son barème, qui va de 0 à {scale} : aucune note ne pourrait le franchir comme prévu.', 'The floor mark {value} of graded test {name} is outside its scale, which goes from 0 to {scale}: no grade could clear it as intended.']),
    rule('REF310', 'error', 'obtention',
        ['Fait comparé à un nombre', 'Fact compared with a number'],
        ['{name} est un fait (oui/non) : il ne se compare pas à un nombre. Écrivez « {name} » (oui) ou « non {name} ».', '{name} is a yes/no fact: it is not compared with a number. Write "{name}" (yes) or "non {name}".']),

    // --- Accessibilité --------------------------------------------------------------------
    rule('REF401', 'info', 'accessibilite',
        ['Compétence « accessible » sans critère éliminatoire', '"Accessible" competency without an eliminatory criterion'],
        ['La compétence {name} demande un travail accessible, mais aucun critère éliminatoire ne vérifie l\'accessibilité : ne pas respecter les normes d\'accessibilité doit entraîner la non-validation de la compétence.', 'Competency {name} asks for accessible work, but no eliminatory criterion checks accessibility: not respecting accessibility norms must mean the competency is not validated.']),

    // --- Modalités ------------------------------------------------------------------------
    rule('REF501', 'info', 'coherence',
        ['Nature de modalité inhabituelle', 'Unusual kind of assessment situation'],
        ['« {value} » n\'est pas une nature de modalité connue.{suggestion}', '"{value}" is not a known kind of assessment situation.{suggestion}']),
    rule('REF502', 'error', 'coherence',
        ['Modalité à la fois individuelle et en équipe', 'Situation both individual and in a team'],
        ['La modalité {name} est déclarée à la fois « seul » et « en équipe » : choisissez.', 'Situation {name} is declared both "seul" and "en équipe": choose one.']),
    rule('REF503', 'warning', 'coherence',
        ['Texte vide', 'Empty text'],
        ['Texte vide : {kind} {name} n\'a pas de libellé. Écrivez-le entre les guillemets.', 'Empty text: {kind} {name} has no wording. Write it between the quotes.']),

    // --- Rédaction (doctrine de France Compétences) ---------------------------------------
    rule('REF601', 'info', 'redaction',
        ['Compétence qui ne commence pas par un verbe à l\'infinitif', 'Competency not starting with an infinitive verb'],
        ['La compétence {name} commence par « {word} » : une compétence s\'écrit avec un verbe d\'action à l\'infinitif (« Analyser… », « Concevoir… », « S\'assurer… »).', 'Competency {name} starts with "{word}": a competency is written with an action verb in the infinitive ("Analyser…", "Concevoir…", "S\'assurer…").']),
    rule('REF602', 'info', 'redaction',
        ['Compétence sans finalité énoncée', 'Competency without a stated purpose'],
        ['{detail} : ajoutez la finalité (« pour… », « afin de… », « en vue de… »).', '{detail}: add the purpose ("pour…", "afin de…", "en vue de…").']),
    rule('REF603', 'info', 'redaction',
        ['Critère fondé sur un verbe non observable', 'Criterion built on a non-observable verb'],
        ['Le critère {name} repose sur « {form} » ({verb}), qui ne s\'observe pas : dites ce que le jury constate (« identifie », « justifie », « produit », « respecte »…).', 'Criterion {name} rests on "{form}" ({verb}), which cannot be observed: say what the jury sees ("identifie", "justifie", "produit", "respecte"…).']),
    rule('REF604', 'info', 'redaction',
        ['Compétence évaluée seulement par une modalité d\'un autre bloc', 'Competency assessed only by a situation of another bloc'],
        ['La compétence {name} du bloc {bloc} n\'est évaluée que par {modalites}, d\'un autre bloc : le bloc {bloc} ne peut pas être évalué seul. Évaluez-la par une modalité du bloc {bloc}.', 'Competency {name} of bloc {bloc} is assessed only by {modalites}, of another bloc: bloc {bloc} cannot be assessed on its own. Assess it through a situation of bloc {bloc}.'], false,
        ['Modalité {modalites}, d\'un autre bloc, qui évalue {name}', 'Situation {modalites}, of another bloc, which assesses {name}']),
    rule('REF605', 'info', 'redaction',
        ['Compétences presque identiques', 'Near-duplicate competencies'],
        ['Le texte de la compétence {name} reprend à {percent} % celui de {other} : fusionnez-les ou dites ce qui les distingue.', 'The text of competency {name} repeats {percent} % of that of {other}: merge them or say what sets them apart.'], false,
        ['Compétence {other}, presque identique à {name}', 'Competency {other}, nearly identical to {name}']),
    {
        ...rule('REF606', 'info', 'redaction',
            ['Mot inconnu du dictionnaire', 'Word not in the dictionary'],
            ['« {word} » n\'est pas dans le dictionnaire français{suggestion}. S\'il est juste (terme du métier, nom propre), ajoutez-le à referentiel-mots.txt.', '"{word}" is not in the French dictionary{suggestion}. If it is right (a trade term, a proper name), add it to referentiel-mots.txt.']),
        defaultOff: true
    },
];

/** Le code d'une règle du catalogue : un code mal écrit est une erreur de compilation. */
export type RuleCode = typeof CATALOGUE[number]['code'];

/**
 * Quelques codes du catalogue, nommés ensemble (`RuleCodes<'REF201' | 'REF202'>`) : un code
 * qui n'est pas au catalogue est refusé à la compilation.
 */
export type RuleCodes<C extends RuleCode> = C;

export type RuleDefinition = RuleEntry<RuleCode>;

export const RULES: readonly RuleDefinition[] = CATALOGUE;

export const RULES_BY_CODE: ReadonlyMap<RuleCode, RuleDefinition> = new Map(RULES.map(r => [r.code, r]));

/** Un texte venu de l'extérieur (option `--rule`, réglages, diagnostic) est-il un code du catalogue ? */
export function isRuleCode(code: string): code is RuleCode {
    return RULES_BY_CODE.has(code as RuleCode);
}

export function ruleDefinition(code: RuleCode): RuleDefinition {
    const definition = RULES_BY_CODE.get(code);
    if (!definition) {
        throw new Error(`Règle inconnue : ${code}`);
    }
    return definition;
}

export function ruleMessage(code: RuleCode, params: Record<string, string | number | undefined>, locale: Locale = getLocale()): string {
    return fill(ruleDefinition(code).message[locale], params);
}

/** Le message de l'autre endroit désigné par un diagnostic de cette règle (voir `related`). */
export function relatedMessage(code: RuleCode, params: Record<string, string | number | undefined>, locale: Locale = getLocale()): string {
    const related = ruleDefinition(code).related;
    if (!related) {
        throw new Error(`La règle ${code} ne désigne pas d'autre endroit`);
    }
    return fill(related[locale], params);
}

/** Les natures de modalité usuelles des référentiels (pour REF501). */
export const KNOWN_NATURES: readonly string[] = [
    'mise en situation', 'mise en situation professionnelle', 'mise en situation reconstituée', 'étude de cas',
    'mission de conseil', 'rapport', 'soutenance', 'dossier', 'dossier professionnel', 'projet', 'présentation',
    'entretien', 'entretien technique', 'épreuve écrite', 'épreuve orale', 'questionnaire', 'questionnaire à choix multiples',
    'qcm', 'jeu de rôle', 'portfolio', 'mémoire', 'observation en situation de travail', 'évaluation en entreprise',
    'contrôle continu', 'examen', 'travaux pratiques', 'cas pratique', 'épreuve pratique'
];
