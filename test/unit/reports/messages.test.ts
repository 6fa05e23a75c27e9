import { describe, expect, it } from 'vitest';
import { REPORT_MESSAGES } from '../../../language-server/src/evaluation/report-messages.js';
import { msg } from '../../../language-server/src/i18n/messages.js';
import type { Decision, StatutBloc, StatutCompetence, StatutRegle } from '../../../language-server/src/evaluation/types.js';

const placeholders = (template: string): string[] =>
    [...template.matchAll(/\{(\w+)(?:#[^}]*)?\}/g)].map(m => m[1]).filter((v, i, a) => a.indexOf(v) === i).sort();

describe('messages des rapports', () => {
    const entries = Object.entries(REPORT_MESSAGES) as Array<[string, { fr: string; en: string }]>;

    it.each(entries)('%s existe en français et en anglais, avec les mêmes paramètres', (key, { fr, en }) => {
        expect(fr.trim()).not.toBe('');
        expect(en.trim()).not.toBe('');
        expect(placeholders(en)).toEqual(placeholders(fr));
        expect(msg(key, {}, 'fr')).not.toBe(key);
        expect(msg(key, {}, 'en')).not.toBe(key);
    });

    it('chaque statut du contrat a un libellé dans les deux langues', () => {
        const decisions: Decision[] = ['obtenue', 'non obtenue', 'incomplète'];
        const blocs: StatutBloc[] = ['validé', 'acquis antérieurement', 'non validé', 'incomplet'];
        const competences: StatutCompetence[] = ['acquise', 'non acquise', 'non évaluée'];
        const regles: StatutRegle[] = ['remplie', 'non remplie', 'indéterminée'];
        const keys = [
            ...decisions.flatMap(d => [`report.decision.${d}`, `report.decisionTitle.${d}`, `report.decisionNote.${d}`]),
            ...blocs.map(s => `report.bloc.${s}`),
            ...competences.map(s => `report.competence.${s}`),
            ...regles.map(s => `report.regle.${s}`)
        ];
        for (const key of keys) {
            expect(REPORT_MESSAGES, key).toHaveProperty([key]);
        }
        // En français, le libellé est le statut lui-même.
        for (const s of [...blocs, ...competences, ...regles]) {
            const kind = (blocs as string[]).includes(s) ? 'bloc' : (competences as string[]).includes(s) ? 'competence' : 'regle';
            expect(msg(`report.${kind}.${s}`, {}, 'fr')).toBe(s);
        }
    });

    it('accords du pluriel selon la langue (0 et 1 au singulier en français, 1 seul en anglais)', () => {
        expect(msg('report.bloc.notAssessed', { count: 0 }, 'fr')).toBe('0 non évaluée');
        expect(msg('report.bloc.notAssessed', { count: 2 }, 'fr')).toBe('2 non évaluées');
        expect(msg('report.bloc.count', { acquises: 1, total: 1 }, 'fr')).toBe('1/1 compétence');
        expect(msg('report.bloc.count', { acquises: 0, total: 8 }, 'en')).toBe('0/8 competencies');
        expect(msg('report.decisionNote.non obtenue', { count: 1 }, 'fr')).toBe('1 règle d\'obtention n\'est pas remplie : voir les motifs.');
        expect(msg('report.decisionNote.non obtenue', { count: 1 }, 'en')).toBe('1 rule for obtaining the certification is not met: see the reasons.');
        expect(msg('report.summary', { candidats: 0, obtenue: 0, nonObtenue: 0, incomplete: 0 }, 'en'))
            .toBe('0 candidates evaluated: 0 certifications obtained, 0 not obtained, 0 incomplete evaluations.');
    });
});
