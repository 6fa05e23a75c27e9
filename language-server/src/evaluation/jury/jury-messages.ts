import { registerMessages } from '../../i18n/messages.js';

/** Les textes des documents du jury : procès-verbal de délibération et certificats de bloc. */
registerMessages({
    'jury.pv.title': { fr: 'Procès-verbal de délibération du jury', en: 'Minutes of the jury\'s deliberation' },
    'jury.certification': { fr: 'Certification professionnelle {titre} ({code})', en: 'Professional certification {titre} ({code})' },
    'jury.certificationRncp': { fr: 'Certification professionnelle {titre} ({code}, {rncp})', en: 'Professional certification {titre} ({code}, {rncp})' },
    'jury.certificateur': { fr: 'Certificateur : {nom}', en: 'Certifying body: {nom}' },
    'jury.session': { fr: 'Session : {session}', en: 'Session: {session}' },
    'jury.sessionDefault': { fr: 'session du {date}', en: 'session of {date}' },
    'jury.pv.date': { fr: 'Date de la délibération : {date}', en: 'Date of the deliberation: {date}' },
    'jury.pv.members': { fr: 'Membres du jury', en: 'Members of the jury' },
    'jury.pv.composition': { fr: 'Composition prévue par le référentiel ({voie}) : {composition}', en: 'Composition set by the référentiel ({voie}): {composition}' },
    'jury.pv.membersToFill': {
        fr: 'Les noms des membres du jury n\'ont pas été donnés : chaque membre écrit son nom et signe ci-dessous.',
        en: 'The names of the members of the jury were not given: each member writes their name and signs below.'
    },
    'jury.pv.decisions': { fr: 'Décisions du jury', en: 'Decisions of the jury' },
    'jury.pv.caption': { fr: 'La décision du jury pour chaque candidat', en: 'The jury\'s decision for each candidate' },
    'jury.pv.col.candidat': { fr: 'Candidat', en: 'Candidate' },
    'jury.pv.col.decision': { fr: 'Décision', en: 'Decision' },
    'jury.pv.col.blocs': { fr: 'Blocs validés', en: 'Validated blocs' },
    'jury.pv.col.motifs': { fr: 'Motifs', en: 'Reasons' },
    'jury.pv.noBloc': { fr: 'aucun', en: 'none' },
    'jury.pv.noReason': { fr: 'toutes les règles d\'obtention sont remplies', en: 'all the rules for obtaining the certification are met' },
    'jury.pv.signatures': { fr: 'Signatures', en: 'Signatures' },
    'jury.pv.signaturesCaption': { fr: 'Nom et signature de chaque membre du jury', en: 'Name and signature of each member of the jury' },
    'jury.pv.col.membre': { fr: 'Membre du jury', en: 'Member of the jury' },
    'jury.pv.col.signature': { fr: 'Signature', en: 'Signature' },
    'jury.pv.member': { fr: 'Membre {n} : nom', en: 'Member {n}: name' },
    'jury.pv.done': { fr: 'Fait le {date}.', en: 'Done on {date}.' },
    'jury.pv.noCandidate': { fr: 'Aucun candidat n\'a été présenté au jury.', en: 'No candidate was presented to the jury.' },

    'jury.cert.title': { fr: 'Certificat de bloc de compétences', en: 'Certificate of a bloc de compétences' },
    'jury.cert.docTitle': { fr: 'Certificat de bloc {bloc} — {candidat}', en: 'Bloc certificate {bloc} — {candidat}' },
    'jury.cert.statement': {
        fr: 'Le jury de certification, réuni le {date}, certifie que {candidat} a validé le bloc de compétences suivant.',
        en: 'The certification jury, which met on {date}, certifies that {candidat} has validated the following bloc de compétences.'
    },
    'jury.cert.competences': { fr: 'Compétences attestées', en: 'Competencies certified' },
    'jury.cert.caption': { fr: 'Les compétences du bloc {bloc}', en: 'The competencies of bloc {bloc}' },
    'jury.cert.col.code': { fr: 'Code', en: 'Code' },
    'jury.cert.col.competence': { fr: 'Compétence', en: 'Competency' },
    'jury.cert.lifetime': { fr: 'Le bloc est acquis {duree}.', en: 'The bloc is acquired {duree}.' },
    'jury.cert.signature': { fr: 'Pour le jury, le président ou la présidente (nom et signature) :', en: 'For the jury, the chair (name and signature):' },
    'jury.cert.signatureCaption': { fr: 'Signature du certificat', en: 'Signature of the certificate' }
});
