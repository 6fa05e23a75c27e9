import { registerMessages } from '../i18n/messages.js';

/**
 * Les phrases des règles que les référentiels énoncent : critères éliminatoires et leur portée,
 * planchers des épreuves, faits (oui/non), compétences et critères nommés dans les conditions,
 * aménagements.
 */
registerMessages({
    'eval.comp.eliminatoiresSeuls': {
        fr: 'Acquise : ses critères, tous éliminatoires, sont satisfaits ({criteres}).',
        en: 'Acquired: its criteria, all eliminatory, are met ({criteres}).'
    },
    'eval.bloc.eliminatoire': {
        fr: 'Non validé : le critère éliminatoire {critere} n\'est pas satisfait (« {texte} ») et il élimine le bloc.',
        en: 'Not validated: eliminatory criterion {critere} is not met ("{texte}") and it eliminates the bloc.'
    },
    'eval.bloc.plancher': {
        fr: 'Non validé : la note de l\'épreuve « {titre} » est {note}/{bareme}, sous son plancher de {plancher}/{bareme}.',
        en: 'Not validated: the grade of "{titre}" is {note}/{bareme}, below its floor of {plancher}/{bareme}.'
    },
    'eval.bloc.plancherManquant': {
        fr: 'Incomplet : la note de l\'épreuve « {titre} » manque (plancher {plancher}/{bareme}).',
        en: 'Incomplete: the grade of "{titre}" is missing (floor {plancher}/{bareme}).'
    },
    'eval.motif.blocEliminatoire': {
        fr: 'Le bloc {code} « {titre} » n\'est pas validé : le critère éliminatoire {critere} n\'est pas satisfait (« {texte} »).',
        en: 'Bloc {code} "{titre}" is not validated: eliminatory criterion {critere} is not met ("{texte}").'
    },
    'eval.motif.blocPlancher': {
        fr: 'Le bloc {code} « {titre} » n\'est pas validé : la note de l\'épreuve « {epreuve} » est {note}/{bareme}, sous son plancher de {plancher}/{bareme}.',
        en: 'Bloc {code} "{titre}" is not validated: the grade of "{epreuve}" is {note}/{bareme}, below its floor of {plancher}/{bareme}.'
    },
    'eval.regle.eliminatoire': {
        fr: 'Critère éliminatoire pour la certification : {critere}',
        en: 'Eliminatory criterion for the certification: {critere}'
    },
    'eval.detail.eliminatoire': {
        fr: 'le critère {critere} n\'est pas satisfait (« {texte} »)',
        en: 'criterion {critere} is not met ("{texte}")'
    },
    'eval.detail.plancher': {
        fr: 'la note de l\'épreuve « {titre} » est {note}/{bareme}, sous son plancher de {plancher}/{bareme}',
        en: 'the grade of "{titre}" is {note}/{bareme}, below its floor of {plancher}/{bareme}'
    },
    'eval.detail.fait': { fr: '{titre} : {valeur}', en: '{titre}: {valeur}' },
    'eval.detail.competence': { fr: 'compétence {code} : {statut}', en: 'competency {code}: {statut}' },
    'eval.detail.critere': { fr: 'critère {code} : {statut}', en: 'criterion {code}: {statut}' },
    'eval.fait.oui': { fr: 'oui', en: 'yes' },
    'eval.fait.non': { fr: 'non', en: 'no' },
    'eval.fait.inconnu': { fr: 'non renseigné', en: 'not reported' },
    'eval.manque.fait': { fr: 'le fait « {titre} » ({code}) n\'est pas renseigné', en: 'the fact "{titre}" ({code}) is not reported' },
    'eval.manque.competence': { fr: 'la compétence {code} n\'est pas évaluée', en: 'competency {code} is not assessed' },
    'eval.manque.critere': { fr: 'le critère {code} n\'est pas renseigné', en: 'criterion {code} is not reported' },

    'eval.avert.eliminatoireAbsorbe': {
        fr: 'Le critère éliminatoire {critere} n\'est pas satisfait : la compétence {competence} n\'est pas acquise, mais le bloc {bloc} reste validé par son seuil ({seuil} %).',
        en: 'Eliminatory criterion {critere} is not met: competency {competence} is not acquired, but bloc {bloc} stays validated by its threshold ({seuil} %).'
    },
    'eval.avert.eliminatoireBlocAbsorbe': {
        fr: 'Le critère éliminatoire {critere} élimine le bloc {bloc}, mais les règles d\'obtention n\'exigent pas ce bloc : la certification reste obtenue.',
        en: 'Eliminatory criterion {critere} eliminates bloc {bloc}, but the rules for obtaining the certification do not require this bloc: the certification is still obtained.'
    },
    'eval.avert.amenagementFutur': {
        fr: 'L\'aménagement « {nature} » commence le {debut}, après la date d\'évaluation ({date}) : il ne la couvre pas.',
        en: 'The adjustment "{nature}" starts on {debut}, after the evaluation date ({date}): it does not cover it.'
    },
    'eval.avert.amenagementAuDela': {
        fr: 'L\'aménagement « {nature} » accordé le {debut} finit le {fin}, au-delà de sa validité ({duree} {unite}, jusqu\'au {limite}) : il est compté jusqu\'au {limite}.',
        en: 'The adjustment "{nature}" granted on {debut} ends on {fin}, beyond its validity ({duree} {unite}, until {limite}): it counts until {limite}.'
    },
    'eval.avert.amenagementNonTemporaire': {
        fr: 'L\'aménagement « {nature} » a une date de fin ({fin}), mais le référentiel ne prévoit pas d\'aménagement temporaire : il vaut {duree} {unite}, jusqu\'au {limite}.',
        en: 'The adjustment "{nature}" has an end date ({fin}), but the référentiel provides for no temporary adjustment: it is valid {duree} {unite}, until {limite}.'
    }
});

registerMessages({
    'eval.motif.blocPlancherManquant': {
        fr: 'Le bloc {code} « {titre} » ne peut pas encore être validé : la note de l\'épreuve « {epreuve} » manque (plancher {plancher}/{bareme}).',
        en: 'Bloc {code} "{titre}" cannot be validated yet: the grade of "{epreuve}" is missing (floor {plancher}/{bareme}).'
    }
});
