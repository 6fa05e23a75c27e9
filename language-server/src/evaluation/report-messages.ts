import { registerMessages } from '../i18n/messages.js';

/**
 * Les textes fixes des rapports d'évaluation (`referentiel evaluate --format text|html|csv`, vue
 * VS Code). Les statuts du contrat (types.ts) sont en français ; leur libellé affiché vient d'ici.
 * Exporté pour que les tests vérifient que chaque message existe dans les deux langues.
 */
export const REPORT_MESSAGES = {
    'report.title': { fr: 'Rapport d\'évaluation — {titre} ({code})', en: 'Evaluation report — {titre} ({code})' },
    'report.generated': { fr: 'Généré le {date}', en: 'Generated on {date}' },
    'report.evaluatedOn': { fr: 'Date d\'évaluation : {date}', en: 'Evaluation date: {date}' },
    'report.referentiel': { fr: 'Référentiel {code}', en: 'Référentiel {code}' },
    'report.candidate': { fr: 'Candidat {id}', en: 'Candidate {id}' },
    'report.candidateNamed': { fr: 'Candidat {id} — {nom}', en: 'Candidate {id} — {nom}' },
    'report.candidateDecision': { fr: '{candidat} : certification {decision}', en: '{candidat}: certification {decision}' },
    'report.idName': { fr: '{id} — {nom}', en: '{id} — {nom}' },

    // --- Statuts (libellés affichés) ---------------------------------------------------------
    'report.decision.obtenue': { fr: 'obtenue', en: 'obtained' },
    'report.decision.non obtenue': { fr: 'non obtenue', en: 'not obtained' },
    'report.decision.incomplète': { fr: 'incomplète', en: 'incomplete' },
    'report.decisionTitle.obtenue': { fr: 'Certification obtenue', en: 'Certification obtained' },
    'report.decisionTitle.non obtenue': { fr: 'Certification non obtenue', en: 'Certification not obtained' },
    'report.decisionTitle.incomplète': { fr: 'Évaluation incomplète', en: 'Incomplete evaluation' },
    'report.decisionNote.obtenue': {
        fr: 'Toutes les règles d\'obtention sont remplies.',
        en: 'All the rules for obtaining the certification are met.'
    },
    'report.decisionNote.non obtenue': {
        fr: '{count} {count#règle d\'obtention n\'est pas remplie|règles d\'obtention ne sont pas remplies} : voir les motifs.',
        en: '{count} {count#rule for obtaining the certification is|rules for obtaining the certification are} not met: see the reasons.'
    },
    'report.decisionNote.incomplète': {
        fr: 'Des résultats manquent : la décision ne peut pas encore être prise.',
        en: 'Some results are missing: the decision cannot be made yet.'
    },
    'report.decisionLabel': { fr: 'Décision', en: 'Decision' },

    'report.bloc.validé': { fr: 'validé', en: 'validated' },
    'report.bloc.acquis antérieurement': { fr: 'acquis antérieurement', en: 'previously acquired' },
    'report.bloc.validé par équivalence': { fr: 'validé par équivalence', en: 'validated by equivalence' },
    'report.bloc.equivalentTo': { fr: 'validé par équivalence ({bloc})', en: 'validated by equivalence ({bloc})' },
    'report.bloc.non validé': { fr: 'non validé', en: 'not validated' },
    'report.bloc.incomplet': { fr: 'incomplet', en: 'incomplete' },
    'report.bloc.previousOn': { fr: 'acquis antérieurement ({date})', en: 'previously acquired ({date})' },
    'report.bloc.count': {
        fr: '{acquises}/{total} {total#compétence|compétences}',
        en: '{acquises}/{total} {total#competency|competencies}'
    },
    'report.bloc.countShort': { fr: '{acquises}/{total}', en: '{acquises}/{total}' },
    'report.bloc.notAssessed': {
        fr: '{count} non {count#évaluée|évaluées}',
        en: '{count} not assessed'
    },
    'report.bloc.notReassessed': { fr: 'non réévalué', en: 'not reassessed' },
    'report.bloc.threshold': { fr: 'seuil {seuil}\u00a0%', en: 'threshold {seuil}%' },
    'report.percent': { fr: '{value}\u00a0%', en: '{value}%' },

    'report.competence.acquise': { fr: 'acquise', en: 'acquired' },
    'report.competence.non acquise': { fr: 'non acquise', en: 'not acquired' },
    'report.competence.non évaluée': { fr: 'non évaluée', en: 'not assessed' },

    'report.regle.remplie': { fr: 'remplie', en: 'met' },
    'report.regle.non remplie': { fr: 'non remplie', en: 'not met' },
    'report.regle.indéterminée': { fr: 'indéterminée', en: 'undetermined' },

    // --- Sections --------------------------------------------------------------------------
    'report.section.blocs': { fr: 'Blocs de compétences', en: 'Competency blocs' },
    'report.section.regles': { fr: 'Règles d\'obtention', en: 'Rules for obtaining the certification' },
    'report.section.competences': { fr: 'Compétences', en: 'Competencies' },
    'report.section.competencesToReview': {
        fr: 'Compétences non acquises ou non évaluées',
        en: 'Competencies not acquired or not assessed'
    },
    'report.section.competencesAcquired': { fr: 'Compétences acquises', en: 'Competencies acquired' },
    'report.section.motifs': { fr: 'Motifs', en: 'Reasons' },
    'report.section.attestations': { fr: 'Certificats de bloc', en: 'Bloc certificates' },
    'report.section.avertissements': { fr: 'Avertissements', en: 'Warnings' },
    'report.section.resume': { fr: 'Résumé de la cohorte', en: 'Cohort summary' },
    'report.heading': { fr: '{title} :', en: '{title}:' },

    // --- Lignes du rapport texte ---------------------------------------------------------------
    'report.text.bloc': { fr: '{code} : {statut} — {detail} — {titre}', en: '{code}: {statut} — {detail} — {titre}' },
    'report.text.blocNoDetail': { fr: '{code} : {statut} — {titre}', en: '{code}: {statut} — {titre}' },
    'report.text.regle': { fr: '{titre} : {detail} → {statut}', en: '{titre}: {detail} → {statut}' },
    'report.text.competence': { fr: '{code} ({bloc}) : {statut} — {motif}', en: '{code} ({bloc}): {statut} — {motif}' },
    'report.text.competenceSaid': { fr: '{code} ({bloc}) : {motif}', en: '{code} ({bloc}): {motif}' },
    'report.text.attestation': { fr: '{code} — {titre}', en: '{code} — {titre}' },

    // --- Tableaux (HTML) -----------------------------------------------------------------------
    'report.col.code': { fr: 'Code', en: 'Code' },
    'report.col.titre': { fr: 'Intitulé', en: 'Title' },
    'report.col.statut': { fr: 'Statut', en: 'Status' },
    'report.col.acquises': { fr: 'Compétences acquises', en: 'Competencies acquired' },
    'report.col.seuil': { fr: 'Seuil', en: 'Threshold' },
    'report.col.detail': { fr: 'Détail', en: 'Details' },
    'report.col.regle': { fr: 'Règle', en: 'Rule' },
    'report.col.calcul': { fr: 'Calcul', en: 'Calculation' },
    'report.col.resultat': { fr: 'Résultat', en: 'Result' },
    'report.col.bloc': { fr: 'Bloc', en: 'Bloc' },
    'report.col.motif': { fr: 'Motif', en: 'Reason' },
    'report.col.decision': { fr: 'Décision', en: 'Decision' },
    'report.col.nombre': { fr: 'Nombre', en: 'Number' },
    'report.col.part': { fr: 'Part', en: 'Share' },
    'report.caption.of': { fr: ' — {candidat}', en: ' — {candidat}' },
    'report.caption.resume': { fr: 'Décisions de la cohorte', en: 'Decisions of the cohort' },
    'report.caption.candidats': { fr: 'Chaque candidat et sa décision', en: 'Each candidate and their decision' },
    'report.col.candidat': { fr: 'Candidat', en: 'Candidate' },
    'report.html.acquired': {
        fr: '{count} {count#compétence acquise|compétences acquises} (afficher le détail)',
        en: '{count} {count#competency|competencies} acquired (show the details)'
    },
    'report.html.skip': { fr: 'Aller au résumé de la cohorte', en: 'Skip to the cohort summary' },
    'report.html.noBloc': { fr: 'hors bloc', en: 'no bloc' },
    'report.html.missing': { fr: 'non renseignée', en: 'missing' },
    'report.html.noCandidate': { fr: 'Aucun candidat évalué.', en: 'No candidate evaluated.' },
    'report.html.expression': { fr: 'Condition : {expression}', en: 'Condition: {expression}' },

    // --- Résumé ---------------------------------------------------------------------------------
    'report.summary': {
        fr: '{candidats} {candidats#candidat évalué|candidats évalués} : {obtenue} {obtenue#certification obtenue|certifications obtenues}, {nonObtenue} non {nonObtenue#obtenue|obtenues}, {incomplete} {incomplete#évaluation incomplète|évaluations incomplètes}.',
        en: '{candidats} {candidats#candidate|candidates} evaluated: {obtenue} {obtenue#certification|certifications} obtained, {nonObtenue} not obtained, {incomplete} incomplete {incomplete#evaluation|evaluations}.'
    },
    'report.summary.candidats': { fr: 'Candidats évalués', en: 'Candidates evaluated' },
    'report.summary.obtenue': { fr: 'Certification obtenue', en: 'Certification obtained' },
    'report.summary.nonObtenue': { fr: 'Certification non obtenue', en: 'Certification not obtained' },
    'report.summary.incomplete': { fr: 'Évaluation incomplète', en: 'Incomplete evaluation' },

    // --- CSV -----------------------------------------------------------------------------------
    'report.csv.candidat': { fr: 'candidat', en: 'candidate' },
    'report.csv.decision': { fr: 'décision', en: 'decision' },
    'report.csv.motifs': { fr: 'motifs', en: 'reasons' }
} as const satisfies Record<string, { fr: string; en: string }>;

export type ReportMessageKey = keyof typeof REPORT_MESSAGES;

registerMessages(REPORT_MESSAGES);
