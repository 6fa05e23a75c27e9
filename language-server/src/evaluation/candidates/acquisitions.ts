import { msg } from '../../i18n/messages.js';
import type { CandidateResults, InputProblem } from '../types.js';
import { capitalize, InputError, problemAt, shownValue, sortProblems } from './problems.js';
import './fact-messages.js';

/**
 * Les blocs acquis antérieurement doivent l'avoir été au plus tard à la date d'évaluation : un
 * bloc « acquis » après elle est une erreur de saisie, signalée à sa position (fichier, ligne,
 * colonne). Le même bloc listé deux fois est signalé par les lecteurs.
 */
export function checkAcquisitionDates(results: CandidateResults, evaluationDate: string): void {
    const problems: InputProblem[] = [];
    results.blocsAcquis.forEach((entry, index) => {
        if (!entry.date || entry.date <= evaluationDate) return;
        const path = `blocsAcquis.${index}.date`;
        const position = results.positions.get(path) ?? results.positions.get(`blocsAcquis.${index}.bloc`)
            ?? { file: results.source.file, line: results.source.line ?? 1, column: 1 };
        const where = results.source.line !== undefined
            ? msg('cand.where.candidate', { id: shownValue(results.candidat.id), place: msg('cand.where.column', { name: 'blocs_acquis' }) })
            : msg('cand.where.path', { path });
        problems.push(problemAt(position, 'valeur', msg('cand.bloc.future', { where: capitalize(where), code: entry.bloc, date: entry.date, evaluation: evaluationDate })));
    });
    if (problems.length > 0) throw new InputError(sortProblems(problems));
}
