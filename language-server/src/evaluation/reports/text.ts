import pc from 'picocolors';
import { printableDeep } from '../../common/markup.js';
import { formatNumber, type Locale } from '../../i18n/locale.js';
import type { EvaluationResult, EvaluationSummary, ResultatBloc } from '../types.js';
import {
    ICONS, blocStatusText, blocTitle, blocTone, candidateLabel, competenceTone, decisionTone, formatDate, label,
    previouslyAcquiredBlocs, regleTone, statusReason, t, type ReportMeta, type ReportWriter, type ReportWriterOptions, type Tone
} from './common.js';

/**
 * Rapport lisible dans un terminal. Les statuts sont écrits en mots ; la couleur (si demandée)
 * et l'icône ne font que les souligner.
 */
export function createTextWriter(options: ReportWriterOptions): ReportWriter {
    const c = pc.createColors(options.color ?? false);
    const paint = (tone: Tone, text: string): string => (tone === 'ok' ? c.green(text) : tone === 'ko' ? c.red(text) : c.yellow(text));
    let locale: Locale = 'fr';

    const heading = (title: string): string => '  ' + c.bold(t('report.heading', { title }, locale));

    const blocLine = (bloc: ResultatBloc): string => {
        const tone = blocTone(bloc.statut);
        const icon = paint(tone, ICONS[tone]);
        const statut = paint(tone, blocStatusText(bloc, locale));
        if (bloc.statut === 'acquis antérieurement' || bloc.statut === 'validé par équivalence') {
            return `    ${icon} ${t('report.text.blocNoDetail', { code: c.bold(bloc.code), statut, titre: bloc.titre }, locale)}`;
        }
        const parts = [t('report.bloc.count', { acquises: bloc.acquises, total: bloc.total }, locale)];
        if (bloc.nonEvaluees > 0) parts.push(t('report.bloc.notAssessed', { count: bloc.nonEvaluees }, locale));
        parts.push(t('report.bloc.threshold', { seuil: formatNumber(bloc.seuil, locale) }, locale));
        return `    ${icon} ${t('report.text.bloc', { code: c.bold(bloc.code), statut, detail: parts.join(', '), titre: bloc.titre }, locale)}`;
    };

    return {
        // Les textes du référentiel et du candidat passent par printableDeep : aucun caractère de
        // contrôle (saut de ligne, échappement de terminal, contrôle de direction) n'atteint le terminal.
        begin(raw: ReportMeta): string {
            const meta = printableDeep(raw);
            locale = meta.locale;
            return [
                c.bold(t('report.title', { titre: meta.referentiel.titre, code: meta.referentiel.code }, locale)),
                c.dim(t('report.generated', { date: formatDate(meta.dateGeneration, locale) }, locale)),
                '', ''
            ].join('\n');
        },

        candidate(raw: EvaluationResult): string {
            const result = printableDeep(raw);
            const lines: string[] = [];
            const tone = decisionTone(result.decision);
            const decision = label('decision', result.decision, locale).toLocaleUpperCase(locale);
            lines.push(c.bold(t('report.candidateDecision', { candidat: candidateLabel(result, locale), decision: paint(tone, decision) }, locale)));
            lines.push(c.dim('  ' + t('report.evaluatedOn', { date: formatDate(result.dateEvaluation, locale) }, locale)));

            if (result.blocs.length > 0) {
                lines.push(heading(t('report.section.blocs', {}, locale)));
                for (const bloc of result.blocs) lines.push(blocLine(bloc));
            }
            if (result.regles.length > 0) {
                lines.push(heading(t('report.section.regles', {}, locale)));
                for (const regle of result.regles) {
                    const rt = regleTone(regle.statut);
                    lines.push(`    ${paint(rt, ICONS[rt])} ${t('report.text.regle', { titre: regle.titre, detail: regle.detail, statut: paint(rt, label('regle', regle.statut, locale)) }, locale)}`);
                }
            }
            const skip = previouslyAcquiredBlocs(result);
            const toReview = result.competences.filter(k => k.statut !== 'acquise' && !(k.bloc !== null && skip.has(k.bloc)));
            if (toReview.length > 0) {
                lines.push(heading(t('report.section.competencesToReview', {}, locale)));
                for (const k of toReview) {
                    const ct = competenceTone(k.statut);
                    const statut = label('competence', k.statut, locale);
                    const said = statusReason(statut, k.motif, locale);
                    const line = said.said
                        ? t('report.text.competenceSaid', { code: k.code, bloc: k.bloc ?? '—', motif: paint(ct, said.motif.slice(0, statut.length)) + said.motif.slice(statut.length) }, locale)
                        : t('report.text.competence', { code: k.code, bloc: k.bloc ?? '—', statut: paint(ct, statut), motif: k.motif }, locale);
                    lines.push(`    ${paint(ct, ICONS[ct])} ${line}`);
                }
            }
            const list = (title: string, items: readonly string[]): void => {
                if (items.length === 0) return;
                lines.push(heading(title));
                for (const item of items) lines.push(`    • ${item}`);
            };
            list(t('report.section.motifs', {}, locale), result.motifs);
            list(t('report.section.attestations', {}, locale), result.attestations.map(code => {
                const titre = blocTitle(result, code);
                return titre ? t('report.text.attestation', { code, titre }, locale) : code;
            }));
            list(t('report.section.avertissements', {}, locale), result.avertissements);
            return lines.join('\n') + '\n\n';
        },

        end(summary: EvaluationSummary): string {
            return c.bold(t('report.summary', { ...summary }, locale)) + '\n';
        }
    };
}
