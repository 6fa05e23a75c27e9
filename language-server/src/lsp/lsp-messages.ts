import { registerMessages } from '../i18n/messages.js';

/** Les textes des fonctions de l'éditeur (français par défaut, anglais selon la locale). */
registerMessages({
    // --- Noms des éléments (en tête d'une bulle, d'un détail) -----------------------------------
    'lsp.type.Certification': { fr: 'Certification', en: 'Certification' },
    'lsp.type.Socle': { fr: 'Socle', en: 'Shared set' },
    'lsp.type.Appartenance': { fr: 'Référentiel', en: 'Référentiel' },
    'lsp.type.Bloc': { fr: 'Bloc', en: 'Bloc' },
    'lsp.type.Activite': { fr: 'Activité', en: 'Activity' },
    'lsp.type.Competence': { fr: 'Compétence', en: 'Competency' },
    'lsp.type.Modalite': { fr: 'Modalité', en: 'Assessment situation' },
    'lsp.type.Critere': { fr: 'Critère', en: 'Criterion' },
    'lsp.type.Epreuve': { fr: 'Épreuve', en: 'Graded test' },
    'lsp.type.Mesure': { fr: 'Mesure', en: 'Measure' },
    'lsp.type.Condition': { fr: 'Condition', en: 'Condition' },
    'lsp.type.Obtention': { fr: 'Obtention', en: 'Obtaining' },

    // --- Survol --------------------------------------------------------------------------------
    'lsp.hover.bloc': { fr: 'Bloc', en: 'Bloc' },
    'lsp.hover.socle': { fr: 'Socle', en: 'Shared set' },
    'lsp.hover.includedIn': { fr: 'Incluse dans', en: 'Included in' },
    'lsp.hover.issueDe': { fr: 'Issue de', en: 'Derives from' },
    'lsp.hover.evalueePar': { fr: 'Évaluée par', en: 'Assessed by' },
    'lsp.hover.nonEvaluee': { fr: 'aucune modalité (REF101)', en: 'no assessment situation (REF101)' },
    'lsp.hover.verifieePar': { fr: 'Critères', en: 'Criteria' },
    'lsp.hover.aucunCritere': { fr: 'aucun critère', en: 'no criterion' },
    'lsp.hover.eliminatoire': { fr: 'Critère éliminatoire', en: 'Eliminatory criterion' },
    'lsp.hover.oui': { fr: 'oui', en: 'yes' },
    'lsp.hover.non': { fr: 'non', en: 'no' },
    'lsp.hover.eliminatoireTag': { fr: 'éliminatoire', en: 'eliminatory' },
    'lsp.hover.notes': { fr: 'Notes', en: 'Notes' },
    'lsp.hover.competencesIssues': { fr: 'Compétences issues', en: 'Derived competencies' },
    'lsp.hover.aucune': { fr: 'aucune', en: 'none' },
    'lsp.hover.sousActivites': { fr: 'Sous-activités', en: 'Sub-activities' },
    'lsp.hover.activiteParente': { fr: 'Dans l\'activité', en: 'In activity' },
    'lsp.hover.evalue': { fr: 'Évalue', en: 'Assesses' },
    'lsp.hover.criteres': { fr: 'Critères', en: 'Criteria' },
    'lsp.hover.criteresCount': {
        fr: '{count} {count#critère|critères}, dont {eliminatoires} {eliminatoires#éliminatoire|éliminatoires}',
        en: '{count} {count#criterion|criteria}, {eliminatoires} eliminatory'
    },
    'lsp.hover.nature': { fr: 'Nature', en: 'Kind' },
    'lsp.hover.travail': { fr: 'Travail', en: 'Work' },
    'lsp.hover.seul': { fr: 'seul', en: 'alone' },
    'lsp.hover.enEquipe': { fr: 'en équipe', en: 'in a team' },
    'lsp.hover.nonPrecise': { fr: 'non précisé', en: 'not specified' },
    'lsp.hover.consigne': { fr: 'Consigne', en: 'Instructions' },
    'lsp.hover.livrables': { fr: 'Livrables', en: 'Deliverables' },
    'lsp.hover.jury': { fr: 'Jury', en: 'Jury' },
    'lsp.hover.modalite': { fr: 'Modalité', en: 'Assessment situation' },
    'lsp.hover.verifie': { fr: 'Vérifie', en: 'Checks' },
    'lsp.hover.rienVerifie': { fr: 'aucune compétence (REF104)', en: 'no competency (REF104)' },
    'lsp.hover.bareme': { fr: 'Notée sur {scale}', en: 'Graded out of {scale}' },
    'lsp.hover.unite': { fr: 'Mesurée en {unit}', en: 'Measured in {unit}' },
    'lsp.hover.conditions': { fr: 'Conditions qui l\'utilisent', en: 'Conditions using it' },
    'lsp.hover.aucuneCondition': { fr: 'aucune (REF302)', en: 'none (REF302)' },
    'lsp.hover.couverture': {
        fr: 'Couverture : {evaluees}/{total} {total#compétence évaluée|compétences évaluées}',
        en: 'Coverage: {evaluees}/{total} {total#competency assessed|competencies assessed}'
    },
    'lsp.hover.nonEvaluees': { fr: 'Non évaluées', en: 'Not assessed' },
    'lsp.hover.seuil': { fr: 'Validé si {pourcentage} % des compétences sont acquises', en: 'Validated when {pourcentage} % of its competencies are acquired' },
    'lsp.hover.seuilCommun': { fr: 'Validé si {pourcentage} % des compétences sont acquises (seuil commun)', en: 'Validated when {pourcentage} % of its competencies are acquired (common threshold)' },
    'lsp.hover.contenu': {
        fr: '{activites} {activites#activité|activités} · {competences} {competences#compétence|compétences} · {modalites} {modalites#modalité|modalités}',
        en: '{activites} {activites#activity|activities} · {competences} {competences#competency|competencies} · {modalites} {modalites#situation|situations}'
    },
    'lsp.hover.equivalences': { fr: 'Équivalent à', en: 'Equivalent to' },
    'lsp.hover.rncp': { fr: 'Fiche', en: 'Registration' },
    'lsp.hover.niveau': { fr: 'Niveau', en: 'Level' },
    'lsp.hover.fichiers': { fr: '{count} {count#fichier|fichiers}', en: '{count} {count#file|files}' },
    'lsp.hover.blocs': { fr: '{count} {count#bloc|blocs}', en: '{count} {count#bloc|blocs}' },
    'lsp.hover.utilisePar': { fr: 'Utilisé par', en: 'Used by' },
    'lsp.hover.dansCertification': { fr: 'Dans la certification {code}', en: 'In certification {code}' },
    'lsp.hover.autreReferentiel': { fr: 'du référentiel {code}', en: 'of référentiel {code}' },

    // --- Complétion ----------------------------------------------------------------------------
    'lsp.completion.keyword': { fr: 'mot-clé', en: 'keyword' },
    'lsp.completion.snippet.bloc': { fr: 'Nouveau bloc de compétences', en: 'New bloc of competencies' },
    'lsp.completion.snippet.competence': { fr: 'Nouvelle compétence', en: 'New competency' },
    'lsp.completion.snippet.modalite': { fr: 'Nouvelle modalité d\'évaluation', en: 'New assessment situation' },
    'lsp.completion.snippet.critere': { fr: 'Nouveau critère d\'évaluation', en: 'New assessment criterion' },
    'lsp.completion.snippet.certification': { fr: 'En-tête d\'un référentiel de certification', en: 'Header of a certification référentiel' },
    'lsp.completion.snippet.obtention': { fr: 'Règles d\'obtention de la certification', en: 'Rules for obtaining the certification' },
    'lsp.completion.placeholder.code': { fr: 'CODE', en: 'CODE' },
    'lsp.completion.placeholder.titreCertification': { fr: 'Intitulé de la certification', en: 'Title of the certification' },
    'lsp.completion.placeholder.condition': { fr: 'Blocs', en: 'Blocs' },
    'lsp.completion.placeholder.titreBloc': { fr: 'Titre du bloc', en: 'Title of the bloc' },
    'lsp.completion.placeholder.competence': { fr: 'Intitulé de la compétence', en: 'Wording of the competency' },
    'lsp.completion.placeholder.titreModalite': { fr: 'Titre de la modalité', en: 'Title of the situation' },
    'lsp.completion.placeholder.critere': { fr: 'Ce qui est vérifié', en: 'What is checked' },
    'lsp.completion.placeholder.nature': { fr: 'mise en situation', en: 'mise en situation' },

    // --- Renommage -----------------------------------------------------------------------------
    'lsp.rename.notACode': { fr: 'Placez le curseur sur un code (sa définition ou une référence) pour le renommer.', en: 'Put the cursor on a code (its definition or a reference) to rename it.' },
    'lsp.rename.invalid': {
        fr: '« {name} » n\'est pas un code valide : un code commence par une lettre ou « _ », suivie de lettres, de chiffres ou de « _ », avec « . » ou « - » entre ses parties (par exemple C1.2, A1-1, BC01).',
        en: '"{name}" is not a valid code: a code starts with a letter or "_", followed by letters, digits or "_", with "." or "-" between its parts (for example C1.2, A1-1, BC01).'
    },
    'lsp.rename.irregular': { fr: '« {name} » n\'est pas un code régulier : écrivez « {fixed} ».', en: '"{name}" is not a regular code: write "{fixed}".' },
    'lsp.rename.keyword': { fr: '« {name} » est un mot-clé du langage : il ne peut pas servir de code.', en: '"{name}" is a keyword of the language: it cannot be used as a code.' },
    'lsp.rename.taken': {
        fr: 'Le code « {name} » est déjà utilisé dans le référentiel {owner} par {kind} {other} ({location}). Choisissez un autre code.',
        en: 'Code "{name}" is already used in référentiel {owner} by {kind} {other} ({location}). Choose another code.'
    },

    // --- Lentilles de code -------------------------------------------------------------------
    'lsp.lens.evaluee': {
        fr: 'évaluée par {modalites} · {criteres} {criteres#critère|critères}',
        en: 'assessed by {modalites} · {criteres} {criteres#criterion|criteria}'
    },
    'lsp.lens.nonEvaluee': { fr: 'non évaluée', en: 'not assessed' },
    'lsp.lens.dans': { fr: '{code} : {detail}', en: '{code}: {detail}' },
    'lsp.lens.nonIncluse': { fr: 'socle : incluse dans aucune certification', en: 'shared set: included in no certification' },
    'lsp.lens.couverture': {
        fr: 'couverture : {evaluees}/{total} {total#compétence évaluée|compétences évaluées}',
        en: 'coverage: {evaluees}/{total} {total#competency assessed|competencies assessed}'
    },

    // --- Correctifs rapides ------------------------------------------------------------------
    'lsp.fix.rename': { fr: 'Renommer {before} en {after} partout ({count} {count#modification|modifications})', en: 'Rename {before} to {after} everywhere ({count} {count#change|changes})' },
    'lsp.fix.respell': { fr: 'Écrire « {after} » comme sa définition', en: 'Write "{after}" like its definition' },
    'lsp.fix.removeRepeated': { fr: 'Retirer la référence répétée {name}', en: 'Remove the repeated reference {name}' },
    'lsp.fix.replace': { fr: 'Remplacer par {name}', en: 'Replace with {name}' },
    'lsp.fix.addWord': { fr: 'Ajouter « {word} » aux mots de l\'espace de travail (referentiel-mots.txt)', en: 'Add "{word}" to the workspace words (referentiel-mots.txt)' },
    'lsp.fix.wordListHeader': { fr: 'Mots justes absents du dictionnaire français (règle REF606), un par ligne.', en: 'Correct words missing from the French dictionary (rule REF606), one per line.' },
    'lsp.fix.stubModalite': { fr: 'Créer une modalité {code} qui évalue {competence}', en: 'Create a situation {code} assessing {competence}' },
    'lsp.fix.stubModaliteTitre': { fr: 'Évaluation de {competence}', en: 'Assessment of {competence}' },
    'lsp.fix.accessibiliteTexte': { fr: 'Le travail respecte les normes d\'accessibilité (RGAA)', en: 'The work meets the accessibility standards (RGAA)' },
    'lsp.fix.addCritereAccessibilite': { fr: 'Ajouter à {modalite} un critère éliminatoire {code} : l\'accessibilité du travail de {competence}', en: 'Add to {modalite} an eliminatory criterion {code}: accessibility of the work for {competence}' },
    'lsp.fix.mergeObtentions': { fr: 'Réunir les règles d\'obtention dans le premier bloc « obtention »', en: 'Gather the rules for obtaining the certification in the first "obtention" block' },
    'lsp.fix.stubCritereTexte': { fr: 'À compléter : ce que le jury vérifie', en: 'To be written: what the jury checks' },
    'lsp.fix.declareEpreuve': { fr: 'Déclarer l\'épreuve {name} (sur 20) dans « obtention »', en: 'Declare graded test {name} (out of 20) in "obtention"' },
    'lsp.fix.declareMesure': { fr: 'Déclarer la mesure {name} (en {unit}) dans « obtention »', en: 'Declare measure {name} (in {unit}) in "obtention"' },
    'lsp.fix.addVerifie': { fr: 'Ajouter « vérifie {competence} »', en: 'Add "vérifie {competence}"' },
    'lsp.fix.createCompetence': { fr: 'Créer la compétence {name} dans {bloc}', en: 'Create competency {name} in {bloc}' },
    'lsp.fix.createActivite': { fr: 'Créer l\'activité {name} dans {bloc}', en: 'Create activity {name} in {bloc}' },
    'lsp.fix.newCompetenceTexte': { fr: 'À rédiger : verbe à l\'infinitif, objet, finalité', en: 'To be written: infinitive verb, object, purpose' },
    'lsp.fix.newActiviteTexte': { fr: 'À rédiger : l\'activité visée', en: 'To be written: the targeted activity' },
    'lsp.fix.addToEvalue': { fr: 'Ajouter {competence} à {modalite}', en: 'Add {competence} to {modalite}' },
    'lsp.fix.addCritere': { fr: 'Ajouter à {modalite} un critère {code} qui vérifie {competence}', en: 'Add to {modalite} a criterion {code} checking {competence}' },
    'lsp.fix.addEvalue': { fr: 'Ajouter « évalue {competence} » à {modalite}', en: 'Add "évalue {competence}" to {modalite}' },
    'lsp.fix.addInclut': { fr: 'Ajouter « inclut {competence} » au bloc {bloc}', en: 'Add "inclut {competence}" to bloc {bloc}' },
    'lsp.fix.addObtention': { fr: 'Ajouter des règles d\'obtention (tous les blocs validés)', en: 'Add rules for obtaining the certification (all blocs validated)' },
    'lsp.fix.addCondition': { fr: 'Ajouter la condition « tous les blocs validés »', en: 'Add the condition "tous les blocs validés"' },
    'lsp.fix.renumber': {
        fr: 'Renuméroter le bloc {bloc} dans l\'ordre ({count} {count#code renommé|codes renommés} partout)',
        en: 'Renumber bloc {bloc} in order ({count} {count#code renamed|codes renamed} everywhere)'
    },
    'lsp.fix.conditionBlocs': { fr: 'Blocs', en: 'Blocs' },
    'lsp.fix.plancher': { fr: 'Ramener le plancher à {text}', en: 'Bring the floor mark to {text}' },
    'lsp.fix.fait': { fr: 'Écrire « {text} »', en: 'Write "{text}"' },

    // --- Symboles ----------------------------------------------------------------------------
    'lsp.symbol.obtention': { fr: 'obtention', en: 'obtention' },
    'lsp.symbol.condition': { fr: 'condition', en: 'condition' },
    'lsp.symbol.partOf': { fr: 'fait partie de {code}', en: 'part of {code}' },
    'lsp.symbol.bareme': { fr: 'sur {scale}', en: 'out of {scale}' },
    'lsp.symbol.unite': { fr: 'en {unit}', en: 'in {unit}' }
});
