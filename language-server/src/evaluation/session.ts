import { msg } from '../i18n/messages.js';
import { InputError } from './candidates/index.js';
import { shownValue } from './candidates/problems.js';
import './engine-messages.js';
import type { CandidateResults, Decision, EvaluationSummary } from './types.js';

/**
 * Ce qui est commun à toute évaluation d'un lot (ligne de commande, éditeur) : un candidat n'est
 * évalué qu'une fois, et les totaux de la session.
 */
export class EvaluationSession {
    private readonly seen = new Map<string, string>();
    private readonly counts = { candidats: 0, obtenue: 0, nonObtenue: 0, incomplete: 0 };

    /** Refuse un candidat déjà vu (dans ce fichier ou un autre) : InputError de type « doublon ». */
    admit(results: CandidateResults): void {
        const where = results.source.line !== undefined ? `${results.source.file}:${results.source.line}` : results.source.file;
        const previous = this.seen.get(results.candidat.id);
        if (previous !== undefined) {
            const position = results.positions.get('candidat.id');
            throw new InputError([{
                file: results.source.file, line: position?.line ?? results.source.line ?? 1, column: position?.column ?? 1, kind: 'doublon',
                message: msg('eval.duplicateId', { id: shownValue(results.candidat.id), previous })
            }]);
        }
        this.seen.set(results.candidat.id, where);
    }

    /** Compte une décision ; renvoie le rang du candidat (à partir de 0). */
    count(decision: Decision): number {
        this.counts.candidats++;
        if (decision === 'obtenue') this.counts.obtenue++;
        else if (decision === 'non obtenue') this.counts.nonObtenue++;
        else this.counts.incomplete++;
        return this.counts.candidats - 1;
    }

    get summary(): EvaluationSummary {
        return { ...this.counts };
    }
}
