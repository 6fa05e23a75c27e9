import type { Locale } from '../../i18n/locale.js';
import type { EvaluationResult, EvaluationSummary } from '../types.js';
import { label, t, type ReportMeta, type ReportWriter } from './common.js';

const BOM = '\uFEFF';
const EOL = '\r\n';
const SEPARATOR = ';';

/**
 * Résumé de cohorte pour un tableur : séparateur « ; », UTF-8 avec BOM, fins de ligne CRLF
 * (ce qu'Excel en français ouvre directement). Une ligne par candidat : candidat, décision, le
 * statut de chaque bloc, puis les motifs joints par « | ». Les colonnes des blocs sont celles du
 * premier candidat (tous les candidats relèvent du même référentiel).
 */
export function createCsvWriter(): ReportWriter {
    let locale: Locale = 'fr';
    let blocs: string[] | undefined;

    const header = (codes: readonly string[]): string => row([
        t('report.csv.candidat', {}, locale), t('report.csv.decision', {}, locale), ...codes, t('report.csv.motifs', {}, locale)
    ]);

    return {
        begin(meta: ReportMeta): string {
            locale = meta.locale;
            blocs = undefined;
            return BOM;
        },
        candidate(result: EvaluationResult): string {
            let out = '';
            if (!blocs) {
                blocs = result.blocs.map(b => b.code);
                out += header(blocs);
            }
            // Le cas courant : les blocs du candidat dans l'ordre des colonnes (sans table par candidat).
            const inOrder = result.blocs.length === blocs.length && result.blocs.every((b, i) => b.code === blocs![i]);
            const byCode = inOrder ? undefined : new Map(result.blocs.map(b => [b.code, b]));
            out += row([
                result.candidat.id,
                label('decision', result.decision, locale),
                ...blocs.map((code, i) => {
                    const bloc = byCode ? byCode.get(code) : result.blocs[i];
                    return bloc ? label('bloc', bloc.statut, locale) : '';
                }),
                result.motifs.join(' | ')
            ]);
            return out;
        },
        end(_summary: EvaluationSummary): string {
            return blocs ? '' : header([]);
        }
    };
}

function row(fields: readonly string[]): string {
    return fields.map(field).join(SEPARATOR) + EOL;
}

/**
 * Un champ CSV (RFC 4180) : entre guillemets s'il contient le séparateur, un guillemet, un saut
 * de ligne ou des espaces en bordure. Un champ qui commencerait par = + - @ (ou une tabulation)
 * serait pris pour une formule par un tableur : il est préfixé d'une apostrophe (injection CSV).
 */
export function field(value: string): string {
    let text = value;
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    if (/[;"\r\n]|^\s|\s$/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
    return text;
}
