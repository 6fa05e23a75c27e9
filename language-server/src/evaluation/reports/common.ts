import { formatDay, formatNumber, type Locale } from '../../i18n/locale.js';
import { msg } from '../../i18n/messages.js';
import '../report-messages.js';
import type { ReportMessageKey } from '../report-messages.js';
import type { Decision, EvaluationResult, EvaluationSummary, ResultatBloc, StatutBloc, StatutCompetence, StatutRegle } from '../types.js';

/** Ce que le rapport dit de l'évaluation en tête de document. */
export interface ReportMeta {
    readonly referentiel: { readonly code: string; readonly titre: string };
    /** Date (AAAA-MM-JJ) ou horodatage ISO 8601 de la génération du rapport. */
    readonly dateGeneration: string;
    /** Langue des textes fixes du rapport. */
    readonly locale: Locale;
    /**
     * Langue des textes qui viennent du référentiel (titres des blocs, des règles…), pour
     * l'attribut `lang` du HTML quand elle diffère de `locale`. Français par défaut.
     */
    readonly langueReferentiel?: string;
}

/**
 * Un rapport écrit au fil de l'eau : `begin`, puis `candidate` pour chaque candidat dans l'ordre
 * d'entrée, puis `end`. Chaque appel rend le morceau de texte à écrire ; rien n'est gardé en
 * mémoire d'un candidat à l'autre (une cohorte de 100 000 candidats tient en mémoire constante).
 */
export interface ReportWriter {
    /** Début du document. */
    begin(meta: ReportMeta): string;
    /** Un candidat (appelé dans l'ordre d'entrée ; `index` à partir de 0). */
    candidate(result: EvaluationResult, index: number): string;
    /** Fin du document (avec les totaux de la cohorte). */
    end(summary: EvaluationSummary): string;
}

export const REPORT_FORMATS = ['text', 'json', 'html', 'csv'] as const;
export type ReportFormat = typeof REPORT_FORMATS[number];

export interface ReportWriterOptions {
    /** Couleurs ANSI (format text seulement). */
    readonly color?: boolean;
}

/** Extension de fichier et type MIME de chaque format (pour --out et la vue VS Code). */
export const REPORT_FILE_TYPES: Readonly<Record<ReportFormat, { readonly extension: string; readonly mime: string }>> = {
    text: { extension: '.txt', mime: 'text/plain; charset=utf-8' },
    json: { extension: '.json', mime: 'application/json' },
    html: { extension: '.html', mime: 'text/html; charset=utf-8' },
    csv: { extension: '.csv', mime: 'text/csv; charset=utf-8' }
};

/** Les totaux d'une liste de résultats (les écrivains les reçoivent de l'appelant). */
export function summarize(results: Iterable<EvaluationResult>): EvaluationSummary {
    let candidats = 0, obtenue = 0, nonObtenue = 0, incomplete = 0;
    for (const r of results) {
        candidats++;
        if (r.decision === 'obtenue') obtenue++;
        else if (r.decision === 'non obtenue') nonObtenue++;
        else incomplete++;
    }
    return { candidats, obtenue, nonObtenue, incomplete };
}

/** Ton d'un statut : il choisit l'icône et la couleur, jamais seul porteur du sens. */
export type Tone = 'ok' | 'ko' | 'pending';

export function decisionTone(decision: Decision | string): Tone {
    return decision === 'obtenue' ? 'ok' : decision === 'non obtenue' ? 'ko' : 'pending';
}

export function blocTone(statut: StatutBloc | string): Tone {
    return statut === 'validé' || statut === 'acquis antérieurement' || statut === 'validé par équivalence' ? 'ok' : statut === 'non validé' ? 'ko' : 'pending';
}

export function competenceTone(statut: StatutCompetence | string): Tone {
    return statut === 'acquise' ? 'ok' : statut === 'non acquise' ? 'ko' : 'pending';
}

export function regleTone(statut: StatutRegle | string): Tone {
    return statut === 'remplie' ? 'ok' : statut === 'non remplie' ? 'ko' : 'pending';
}

export const ICONS: Readonly<Record<Tone, string>> = { ok: '✔', ko: '✖', pending: '◐' };

/** Le libellé d'un statut dans la langue du rapport ; une valeur inconnue est rendue telle quelle. */
export function label(kind: 'decision' | 'decisionTitle' | 'bloc' | 'competence' | 'regle', value: string, locale: Locale): string {
    const key = `report.${kind}.${value}`;
    const text = fixed(key, locale);
    return text === key ? value : text;
}

/** Les textes sans paramètre, traduits une fois par langue (un rapport de cohorte les répète des millions de fois). */
const fixedTexts = new Map<string, string>();

function fixed(key: string, locale: Locale): string {
    const cacheKey = locale + '\u0000' + key;
    let text = fixedTexts.get(cacheKey);
    if (text === undefined) {
        text = msg(key, {}, locale);
        fixedTexts.set(cacheKey, text);
    }
    return text;
}

export function t(key: ReportMessageKey, params: Record<string, string | number | undefined>, locale: Locale): string {
    for (const _ in params) return msg(key, params, locale);
    return fixed(key, locale);
}

/** « 26 juin 2026 » / « 26 June 2026 » ; un horodatage ISO garde l'heure (UTC). Texte inconnu : tel quel. */
export function formatDate(value: string, locale: Locale): string {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        const cacheKey = locale + value;
        let text = dates.get(cacheKey);
        if (text === undefined) {
            const date = new Date(value + 'T00:00:00Z');
            text = Number.isNaN(date.getTime()) ? value : formatDay(value, locale);
            if (dates.size > 10_000) dates.clear();
            dates.set(cacheKey, text);
        }
        return text;
    }
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
        const date = new Date(value);
        if (Number.isNaN(date.getTime())) return value;
        return formatter(locale, true).format(date) + ' UTC';
    }
    return value;
}

const dates = new Map<string, string>();
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
    const key = `${locale}${withTime}`;
    let f = formatters.get(key);
    if (!f) {
        f = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', withTime
            ? { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }
            : { dateStyle: 'long', timeZone: 'UTC' });
        formatters.set(key, f);
    }
    return f;
}

/** « Candidat 2026-0042 — Camille Martin » (sans nom : « Candidat 2026-0042 »). */
export function candidateLabel(result: EvaluationResult, locale: Locale): string {
    const { id, nom } = result.candidat;
    return nom ? t('report.candidateNamed', { id, nom }, locale) : t('report.candidate', { id }, locale);
}

/** « 2026-0042 — Camille Martin » (sans nom : « 2026-0042 »). */
export function idName(result: EvaluationResult, locale: Locale): string {
    const { id, nom } = result.candidat;
    return nom ? t('report.idName', { id, nom }, locale) : id;
}

export function percent(value: number, locale: Locale): string {
    return t('report.percent', { value: formatNumber(value, locale) }, locale);
}

/** Le statut d'un bloc en mots : « acquis antérieurement (20 juin 2025) » pour un bloc déjà acquis. */
export function blocStatusText(bloc: ResultatBloc, locale: Locale): string {
    if (bloc.statut === 'acquis antérieurement' && bloc.dateAcquisition) {
        return t('report.bloc.previousOn', { date: formatDate(bloc.dateAcquisition, locale) }, locale);
    }
    if (bloc.statut === 'validé par équivalence' && bloc.equivalence) {
        return t('report.bloc.equivalentTo', { bloc: bloc.equivalence }, locale);
    }
    return label('bloc', bloc.statut, locale);
}

/** Les blocs acquis antérieurement ne sont pas réévalués : leurs compétences ne sont pas « à revoir ». */
export function previouslyAcquiredBlocs(result: EvaluationResult): Set<string> {
    return new Set(result.blocs.filter(b => b.statut === 'acquis antérieurement' || b.statut === 'validé par équivalence').map(b => b.code));
}

/** Le titre d'un bloc à partir de son code (pour les attestations). */
export function blocTitle(result: EvaluationResult, code: string): string | undefined {
    return result.blocs.find(b => b.code === code)?.titre;
}

/**
 * Le statut et son motif sans redite : un motif qui commence par le statut (« Non acquise selon
 * le jury. ») le dit déjà ; on n'écrit alors que le motif, sa première lettre en minuscule
 * (« non acquise selon le jury. »). `said` vaut vrai dans ce cas.
 */
export function statusReason(statut: string, motif: string, locale: Locale): { said: boolean; motif: string } {
    if (motif.toLocaleLowerCase(locale).startsWith(statut.toLocaleLowerCase(locale))) {
        return { said: true, motif: motif.charAt(0).toLocaleLowerCase(locale) + motif.slice(1) };
    }
    return { said: false, motif };
}
