import type { EvaluationResult, EvaluationSummary } from '../types.js';
import type { ReportWriter } from './common.js';

/**
 * `{ "resultats": [ … ], "resume": { … } }`, écrit au fil de l'eau et indenté de deux espaces :
 * le texte produit est exactement celui de `JSON.stringify({ resultats, resume }, null, 2)`.
 * Décrit par schemas/evaluation.schema.json.
 */
export function createJsonWriter(): ReportWriter {
    let count = 0;
    return {
        begin(): string {
            count = 0;
            return '{\n  "resultats": [';
        },
        candidate(result: EvaluationResult): string {
            // Sérialisé à deux niveaux de profondeur : l'indentation de la liste vient de
            // JSON.stringify lui-même, sans repasser une expression régulière sur tout le texte.
            const nested = JSON.stringify([[result]], null, 2);
            const body = nested.slice(10, nested.length - 6);
            return (count++ > 0 ? ',' : '') + '\n    ' + body;
        },
        end(summary: EvaluationSummary): string {
            const resume = {
                candidats: summary.candidats,
                obtenue: summary.obtenue,
                nonObtenue: summary.nonObtenue,
                incomplete: summary.incomplete
            };
            const close = count > 0 ? '\n  ]' : ']';
            return `${close},\n  "resume": ${JSON.stringify(resume, null, 2).replace(/\n/g, '\n  ')}\n}\n`;
        }
    };
}
