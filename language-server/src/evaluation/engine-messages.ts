import { registerMessages } from '../i18n/messages.js';

/** Les phrases du moteur d'évaluation : ce qu'un candidat lit pour comprendre la décision. */
registerMessages({
    'eval.comp.eliminatoire': {
        fr: 'Non acquise : le critère éliminatoire {critere} n\'est pas satisfait (« {texte} »).',
        en: 'Not acquired: eliminatory criterion {critere} is not met ("{texte}").'
    },
    'eval.comp.jury.acquise': { fr: 'Acquise selon le jury.', en: 'Acquired according to the jury.' },
    'eval.comp.jury.nonAcquise': { fr: 'Non acquise selon le jury.', en: 'Not acquired according to the jury.' },
    'eval.comp.criteres.acquise': {
        fr: 'Acquise : {count#son critère est satisfait|ses {count} critères sont satisfaits} ({criteres}).',
        en: 'Acquired: {count#its criterion is|its {count} criteria are} met ({criteres}).'
    },
    'eval.comp.criteres.seuil': {
        fr: 'Acquise : {satisfaits} {satisfaits#critère satisfait|critères satisfaits} sur {total} (seuil {seuil} %).',
        en: 'Acquired: {satisfaits} of {total} {total#criterion|criteria} met (threshold {seuil} %).'
    },
    'eval.comp.criteres.nonAcquise': {
        fr: 'Non acquise : {count#critère non satisfait|critères non satisfaits} {criteres}.',
        en: 'Not acquired: {count#criterion|criteria} {criteres} not met.'
    },
    'eval.comp.criteres.manquants': {
        fr: 'Non évaluée : {count#le critère|les critères} {criteres} {count#n\'est pas renseigné|ne sont pas renseignés}.',
        en: 'Not assessed: {count#criterion|criteria} {criteres} {count#is|are} missing.'
    },
    'eval.comp.absente': { fr: 'Non évaluée : aucun résultat pour cette compétence.', en: 'Not assessed: no result for this competency.' },

    'eval.bloc.anterieur': {
        fr: 'Acquis antérieurement ({date}) : les blocs sont acquis {duree}.',
        en: 'Acquired earlier ({date}): blocs are acquired {duree}.'
    },
    'eval.bloc.anterieurSansDate': { fr: 'Acquis antérieurement : les blocs sont acquis {duree}.', en: 'Acquired earlier: blocs are acquired {duree}.' },
    'eval.bloc.equivalence': {
        fr: 'Validé par équivalence : le bloc {bloc} a été acquis ({date}).',
        en: 'Validated by equivalence: bloc {bloc} was acquired ({date}).'
    },
    'eval.duree.vie': { fr: 'à vie', en: 'for life' },
    'eval.duree.pendant': { fr: 'pendant {duree} {unite}', en: 'for {duree} {unite}' },
    'eval.bloc.valide': {
        fr: 'Validé : {acquises} {acquises#compétence acquise|compétences acquises} sur {total} (seuil {seuil} %).',
        en: 'Validated: {acquises} of {total} {total#competency|competencies} acquired (threshold {seuil} %).'
    },
    'eval.bloc.nonValide': {
        fr: 'Non validé : {acquises} {acquises#compétence acquise|compétences acquises} sur {total}, il en faut {requises} (seuil {seuil} %).',
        en: 'Not validated: {acquises} of {total} {total#competency|competencies} acquired, {requises} needed (threshold {seuil} %).'
    },
    'eval.bloc.incomplet': {
        fr: 'Incomplet : {acquises} {acquises#compétence acquise|compétences acquises} sur {total}, il en faut {requises} (seuil {seuil} %) ; {manquantes} sans résultat.',
        en: 'Incomplete: {acquises} of {total} {total#competency|competencies} acquired, {requises} needed (threshold {seuil} %); {manquantes} without result.'
    },

    'eval.motif.blocNonValide': {
        fr: 'Le bloc {code} « {titre} » n\'est pas validé : {acquises} {acquises#compétence acquise|compétences acquises} sur {total}, il en faut {requises} (seuil {seuil} %).{details}',
        en: 'Bloc {code} "{titre}" is not validated: {acquises} of {total} {total#competency|competencies} acquired, {requises} needed (threshold {seuil} %).{details}'
    },
    'eval.motif.blocIncomplet': {
        fr: 'Le bloc {code} « {titre} » est incomplet : {count#il manque le résultat de|il manque les résultats de} {manquantes}.',
        en: 'Bloc {code} "{titre}" is incomplete: {count#the result of|the results of} {manquantes} {count#is|are} missing.'
    },
    'eval.motif.nonAcquises': { fr: ' {count#Compétence non acquise|Compétences non acquises} : {list}.', en: ' {count#Competency|Competencies} not acquired: {list}.' },
    'eval.motif.nonEvaluees': { fr: ' Sans résultat : {list}.', en: ' Without result: {list}.' },
    'eval.motif.eliminatoire': {
        fr: 'La compétence {competence} n\'est pas acquise : le critère éliminatoire {critere} n\'est pas satisfait (« {texte} »).',
        en: 'Competency {competence} is not acquired: eliminatory criterion {critere} is not met ("{texte}").'
    },
    'eval.motif.regleNonRemplie': {
        fr: 'La condition « {titre} » n\'est pas remplie : {detail}.',
        en: 'Condition "{titre}" is not met: {detail}.'
    },
    'eval.motif.regleIndeterminee': {
        fr: 'La condition « {titre} » ne peut pas encore être décidée : {detail}.',
        en: 'Condition "{titre}" cannot be decided yet: {detail}.'
    },
    'eval.motif.citation': { fr: ' Le référentiel dit : « {texte} »', en: ' The référentiel says: "{texte}"' },
    'eval.manque.note': { fr: 'la note de l\'épreuve « {titre} » manque', en: 'the grade of "{titre}" is missing' },
    'eval.manque.mesure': { fr: 'la mesure « {titre} » manque', en: 'the measure "{titre}" is missing' },
    'eval.manque.blocs': { fr: 'des blocs sont incomplets ({list})', en: 'some blocs are incomplete ({list})' },

    'eval.detail.blocs': { fr: 'blocs validés : {valides}/{total}', en: 'validated blocs: {valides}/{total}' },
    'eval.detail.bloc': { fr: 'bloc {code} : {statut}', en: 'bloc {code}: {statut}' },
    'eval.detail.inconnu': { fr: '?', en: '?' },
    'eval.detail.inconnue': { fr: 'pas encore connue', en: 'not known yet' },
    'eval.detail.valeurDe': { fr: '{libelle} ({valeur})', en: '{libelle} ({valeur})' },
    'eval.detail.cmp.ge': { fr: '{libelle} : {valeur}, il faut au moins {seuil}', en: '{libelle}: {valeur}, at least {seuil} required' },
    'eval.detail.cmp.gt': { fr: '{libelle} : {valeur}, il faut plus de {seuil}', en: '{libelle}: {valeur}, more than {seuil} required' },
    'eval.detail.cmp.le': { fr: '{libelle} : {valeur}, il faut au plus {seuil}', en: '{libelle}: {valeur}, at most {seuil} allowed' },
    'eval.detail.cmp.lt': { fr: '{libelle} : {valeur}, il faut moins de {seuil}', en: '{libelle}: {valeur}, less than {seuil} required' },
    'eval.detail.cmp.eq': { fr: '{libelle} : {valeur}, il faut exactement {seuil}', en: '{libelle}: {valeur}, exactly {seuil} required' },
    'eval.detail.cmp.ne': { fr: '{libelle} : {valeur}, il faut autre chose que {seuil}', en: '{libelle}: {valeur}, anything but {seuil} required' },
    'eval.libelle.cite': { fr: '« {libelle} »', en: '"{libelle}"' },
    'eval.libelle.coef': { fr: '{libelle} (coefficient {coef})', en: '{libelle} (coefficient {coef})' },
    'eval.libelle.moyenne': { fr: 'Moyenne de {list}', en: 'Average of {list}' },
    'eval.libelle.moyennePonderee': { fr: 'Moyenne pondérée de {list}', en: 'Weighted average of {list}' },
    'eval.libelle.min': { fr: 'La plus basse de {list}', en: 'The lowest of {list}' },
    'eval.libelle.max': { fr: 'La plus haute de {list}', en: 'The highest of {list}' },
    'eval.libelle.somme': { fr: 'Somme de {list}', en: 'Sum of {list}' },
    'eval.libelle.nombre': { fr: 'Nombre de conditions remplies (sur {count})', en: 'Number of conditions met (out of {count})' },
    'eval.libelle.nombreBlocs': { fr: 'Nombre de blocs validés', en: 'Number of validated blocs' },

    'eval.duplicateId': {
        fr: 'Le candidat « {id} » figure deux fois (déjà vu en {previous}) : chaque candidat n\'est évalué qu\'une fois.',
        en: 'Candidate "{id}" appears twice (already seen at {previous}): each candidate is evaluated once.'
    },
    'eval.regle.implicite': { fr: 'Validation de tous les blocs', en: 'Validation of all blocs' },

    'eval.avert.amenagement': {
        fr: 'L\'aménagement « {nature} » accordé le {debut} a pris fin le {fin} ({validite}) : il ne couvrait plus la date d\'évaluation ({date}).',
        en: 'The adjustment "{nature}" granted on {debut} ended on {fin} ({validite}): it no longer covered the evaluation date ({date}).'
    },
    'eval.avert.validite': { fr: 'valable {duree} {unite}', en: 'valid {duree} {unite}' },
    'eval.avert.validiteFin': { fr: 'fin donnée par le dossier', en: 'end given by the file' },
    'eval.avert.blocExpire': {
        fr: 'L\'acquisition du bloc {bloc} le {date} n\'est plus valable à la date d\'évaluation ({evaluation}) : les blocs sont acquis {duree}. Le bloc est évalué sur les résultats de cette session.',
        en: 'The acquisition of bloc {bloc} on {date} is no longer valid at the evaluation date ({evaluation}): blocs are acquired {duree}. The bloc is evaluated on this session\'s results.'
    },
    'eval.avert.juryContreCritere': {
        fr: 'La compétence {competence} est déclarée acquise par le jury alors que {count#le critère|les critères} {criteres} {count#n\'est pas satisfait|ne sont pas satisfaits}.',
        en: 'Competency {competence} is declared acquired by the jury although {count#criterion|criteria} {criteres} {count#is|are} not met.'
    }
});
