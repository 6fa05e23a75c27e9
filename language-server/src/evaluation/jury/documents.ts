import { formatDay, type Locale } from '../../i18n/locale.js';
import { joinList, msg } from '../../i18n/messages.js';
import { single } from '../../model/clauses.js';
import type { ReferentielModel } from '../../model/referentiel-model.js';
import { idName, label } from '../reports/common.js';
import type { Decision, EvaluationResult, EvaluationSummary } from '../types.js';
import './jury-messages.js';

/**
 * Les documents du jury, indépendamment de leur format (HTML ou PDF balisé) : le procès-verbal
 * de délibération (une ligne par candidat) et les certificats de bloc (un par bloc validé à la
 * session, par candidat). Les noms des candidats n'apparaissent que dans ces documents.
 */

/** Ce qui est commun aux documents d'une session : la certification, la session, la date, le jury. */
export interface JurySession {
    readonly referentiel: { readonly code: string; readonly titre: string; readonly rncp?: string; readonly certificateur?: string };
    /** Le nom de la session (« Session de juin 2026 ») ; sinon « session du 30 juin 2026 ». */
    readonly session: string;
    /** La date de la délibération, AAAA-MM-JJ. */
    readonly date: string;
    /** Les membres du jury nommés (option --jury) ; vide : des lignes à remplir à la main. */
    readonly members: readonly string[];
    /** La composition du jury que décrit le référentiel, par voie d'accès. */
    readonly compositions: ReadonlyArray<{ readonly voie: string; readonly composition: string }>;
    /** Combien de lignes de signature laisser quand les membres ne sont pas nommés. */
    readonly blankMembers: number;
    readonly locale: Locale;
}

export interface MinutesRow {
    /** « 2026-0042 — Camille Martin ». */
    readonly candidat: string;
    readonly decision: Decision;
    readonly decisionText: string;
    /** Les blocs validés (à la session, antérieurement ou par équivalence), par leur code. */
    readonly blocs: string;
    readonly motifs: readonly string[];
}

export interface BlocCertificate {
    readonly candidat: string;
    readonly id: string;
    readonly bloc: { readonly code: string; readonly titre: string };
    readonly competences: ReadonlyArray<{ readonly code: string; readonly texte: string }>;
    /** « à vie », « pendant 5 ans » : ce que dit le référentiel de la durée d'acquisition. */
    readonly duree?: string;
}

/** La session du jury pour un référentiel : la date, le nom de la session, les membres donnés. */
export function jurySession(model: ReferentielModel, options: { date: string; session?: string; members?: readonly string[]; locale: Locale }): JurySession {
    const certification = model.certification;
    const compositions = (certification?.jurys ?? [])
        .filter(j => j.statut === 'actif' && j.composition)
        .map(j => ({ voie: j.voie, composition: j.composition!.replace(/\s+/g, ' ').trim() }));
    return {
        referentiel: {
            code: model.code, titre: certification?.titre ?? model.code,
            rncp: single(certification?.rncp), certificateur: certification?.certificateurs[0]?.nom
        },
        session: options.session?.trim() || msg('jury.sessionDefault', { date: formatDay(options.date, options.locale) }, options.locale),
        date: options.date,
        members: (options.members ?? []).map(m => m.trim()).filter(m => m.length > 0),
        compositions,
        blankMembers: 3,
        locale: options.locale
    };
}

/** La ligne du procès-verbal d'un candidat. */
export function minutesRow(result: EvaluationResult, locale: Locale): MinutesRow {
    const validated = result.blocs.filter(b => b.statut === 'validé' || b.statut === 'acquis antérieurement' || b.statut === 'validé par équivalence').map(b => b.code);
    return {
        candidat: idName(result, locale),
        decision: result.decision,
        decisionText: label('decisionTitle', result.decision, locale),
        blocs: validated.length > 0 ? joinList(validated, locale) : msg('jury.pv.noBloc', {}, locale),
        motifs: result.motifs.length > 0 ? result.motifs : result.decision === 'obtenue' ? [msg('jury.pv.noReason', {}, locale)] : []
    };
}

/** Les certificats de bloc d'un candidat : un par bloc qui y donne droit à cette session. */
export function certificatesOf(result: EvaluationResult, model: ReferentielModel, locale: Locale): BlocCertificate[] {
    const acquis = single(model.obtentions[0]?.acquisBlocs);
    const duree = acquis
        ? acquis.aVie ? msg('eval.duree.vie', {}, locale) : msg('eval.duree.pendant', { duree: acquis.duree ?? 0, unite: acquis.unite ?? '' }, locale)
        : undefined;
    return result.attestations.flatMap(code => {
        const bloc = result.blocs.find(b => b.code === code);
        if (!bloc) return [];
        return [{
            candidat: idName(result, locale),
            id: result.candidat.id,
            bloc: { code: bloc.code, titre: bloc.titre },
            competences: result.competences.filter(c => c.bloc === code && c.statut === 'acquise').map(c => ({ code: c.code, texte: c.texte })),
            ...(duree ? { duree } : {})
        }];
    });
}

/** Le nom de fichier d'un certificat : identifiant et bloc, réduits à des caractères sûrs. */
export function certificateFileName(certificate: BlocCertificate, extension: 'html' | 'pdf'): string {
    const safe = (text: string): string => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|-+$/g, '') || 'candidat';
    return `certificat-${safe(certificate.id)}-${safe(certificate.bloc.code)}.${extension}`;
}

/** Les totaux du procès-verbal. */
export function minutesSummary(rows: readonly MinutesRow[]): EvaluationSummary {
    return {
        candidats: rows.length,
        obtenue: rows.filter(r => r.decision === 'obtenue').length,
        nonObtenue: rows.filter(r => r.decision === 'non obtenue').length,
        incomplete: rows.filter(r => r.decision === 'incomplète').length
    };
}
