import { registerMessages } from '../../i18n/messages.js';

/** Les phrases des lecteurs de candidats pour les faits (oui/non) et les dates d'acquisition des blocs. */
registerMessages({
    'cand.deNoun.fait': { fr: 'de fait', en: 'fact' },
    'cand.aNoun.fait': { fr: 'un fait', en: 'a fact' },
    'cand.known.fait': { fr: 'Faits du référentiel : {codes}.', en: 'Facts of the référentiel: {codes}.' },
    'cand.known.none.fait': { fr: 'Le référentiel ne déclare aucun fait.', en: 'The référentiel declares no fact.' },
    'cand.value.fait': {
        fr: '{where} : « {value} » n\'est pas un fait oui/non. Écrivez oui ou non (vrai, faux, 1 et 0 sont aussi lus).',
        en: '{where}: "{value}" is not a yes/no fact. Write oui or non (vrai, faux, 1 and 0 are also read).'
    },
    'cand.bloc.future': {
        fr: '{where} : le bloc {code} est dit acquis le {date}, après la date d\'évaluation ({evaluation}). Corrigez la date d\'acquisition ou la date d\'évaluation.',
        en: '{where}: bloc {code} is said to be acquired on {date}, after the evaluation date ({evaluation}). Correct the acquisition date or the evaluation date.'
    }
});
