import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateSources, type CandidateSource } from '../../../language-server/src/core/evaluate.js';
import { InputError, readCandidateJson, readCohort } from '../../../language-server/src/evaluation/candidates/index.js';
import { EvaluationSession } from '../../../language-server/src/evaluation/session.js';
import type { CandidateResults, InputProblem } from '../../../language-server/src/evaluation/types.js';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { workspace } from '../../helpers.js';
import { problemsOf, tempDir, writeTemp } from './helpers.js';

/**
 * Les lecteurs de dossiers et les faits oui/non (JSON et CSV), les blocs d'autres fiches
 * déclarés équivalents, et les dates d'acquisition des blocs (au plus tard la date d'évaluation).
 * L'exemple d'équivalence est celui de docs/language.md (bloc RNCP37674BC01 ↔ RNCP31114BC01).
 */
const SOURCE = `certification WEB "Développeur web" {
}
bloc RNCP37674BC01 "Développer la partie front-end d'une application web" {
    équivalent à RNCP31114BC01 "Développer la partie front-end (fiche précédente)"
    activité A1-1 "Maquetter une application"
    compétence C1.1 "Maquetter une application" issue de A1-1
    modalité M1.1 "Mise en situation" {
        évalue C1.1
        critère CR1.1.1 "La maquette est conforme" vérifie C1.1
    }
}
obtention {
    fait dossier_remis "Le dossier professionnel a été remis"
    condition "Blocs" : tous les blocs validés et dossier_remis
}
`;

let model: ReferentielModel;
beforeAll(async () => {
    const ws = await workspace({ 'web.ref': SOURCE });
    expect(ws.diagnostics('web.ref').filter(d => d.severity === 1)).toEqual([]);
    model = ws.services.referentiel.Models.forCode('WEB');
});

const json = (extra: Record<string, unknown>) => JSON.stringify({ referentiel: 'WEB', candidat: { id: 'X-1' }, dateEvaluation: '2026-06-30', ...extra }, null, 2);

async function evaluate(sources: CandidateSource[], date?: string) {
    const results = [];
    for await (const e of evaluateSources(model, sources, new EvaluationSession(), { date })) results.push(e.result);
    return results;
}

async function inputProblems(sources: CandidateSource[], date?: string): Promise<InputProblem[]> {
    try {
        await evaluate(sources, date);
    } catch (error) {
        if (error instanceof InputError) return error.problems;
        throw error;
    }
    throw new Error('aucune erreur d\'entrée');
}

describe('faits (oui/non)', () => {
    it('JSON : « faits » lus comme des booléens', () => {
        const r = readCandidateJson('x.candidat.json', json({ faits: { dossier_remis: true } }), model);
        expect([...(r.faits ?? new Map())]).toEqual([['dossier_remis', true]]);
    });

    it('JSON : un fait inconnu ou qui n\'est pas un booléen est une erreur située', () => {
        const problems = problemsOf(() => readCandidateJson('x.candidat.json', json({ faits: { dossier_remi: true, dossier_remis: 'oui' } }), model));
        expect(problems.map(p => [p.kind, p.line])).toEqual([['code-inconnu', 8], ['schema', 9]]);
        expect(problems[0].message).toContain('Vouliez-vous dire dossier_remis ?');
    });

    it('CSV : oui, non, vrai, faux, 1, 0 ; une autre valeur est une erreur à sa cellule', async () => {
        const { dir, cleanup } = tempDir();
        try {
            const file = writeTemp(dir, 'cohorte.csv', 'candidat;C1.1;dossier_remis\nA;A;oui\nB;A;non\nC;A;Vrai\nD;A;0\nE;A;\n');
            const read: CandidateResults[] = [];
            for await (const c of readCohort(file, model)) read.push(c);
            expect(read.map(c => c.faits?.get('dossier_remis'))).toEqual([true, false, true, false, undefined]);
            const bad = writeTemp(dir, 'bad.csv', 'candidat;C1.1;dossier_remis\nA;A;peut-être\n');
            let problems: InputProblem[] = [];
            try {
                for await (const c of readCohort(bad, model)) void c;
            } catch (error) {
                problems = (error as InputError).problems;
            }
            expect(problems.map(p => [p.line, p.column, p.kind])).toEqual([[2, 5, 'valeur']]);
            expect(problems[0].message).toContain('n\'est pas un fait oui/non');
        } finally {
            cleanup();
        }
    });
});

describe('équivalences : le bloc d\'une autre fiche déclaré « équivalent à »', () => {
    it('JSON : validé par équivalence (l\'exemple de docs/language.md ne s\'arrête plus en erreur)', async () => {
        const text = json({ competences: {}, faits: { dossier_remis: true }, blocsAcquis: [{ bloc: 'RNCP31114BC01', date: '2023-06-30' }] });
        const [r] = await evaluate([{ file: 'x.candidat.json', text }]);
        expect(r.blocs[0]).toMatchObject({ statut: 'validé par équivalence', equivalence: 'RNCP31114BC01', dateAcquisition: '2023-06-30' });
        expect(r.decision).toBe('obtenue');
    });

    it('CSV : validé par équivalence', async () => {
        const { dir, cleanup } = tempDir();
        try {
            const file = writeTemp(dir, 'cohorte.csv', 'candidat;date_evaluation;dossier_remis;blocs_acquis\nA;2026-06-30;oui;RNCP31114BC01@2023-06-30\n');
            const [r] = await evaluate([{ file }]);
            expect(r.blocs[0]).toMatchObject({ statut: 'validé par équivalence', equivalence: 'RNCP31114BC01' });
            expect(r.decision).toBe('obtenue');
        } finally {
            cleanup();
        }
    });

    it('un bloc d\'une autre fiche non déclaré équivalent reste un code inconnu', () => {
        const problems = problemsOf(() => readCandidateJson('x.candidat.json', json({ blocsAcquis: [{ bloc: 'RNCP31114BC02' }] }), model));
        expect(problems.map(p => p.kind)).toEqual(['code-inconnu']);
    });
});

describe('blocs acquis : dates et doublons', () => {
    it('acquis le jour de l\'évaluation : accepté ; le lendemain : erreur à la position de la date', async () => {
        const same = json({ faits: { dossier_remis: true }, blocsAcquis: [{ bloc: 'RNCP37674BC01', date: '2026-06-30' }] });
        expect((await evaluate([{ file: 'x.candidat.json', text: same }]))[0].decision).toBe('obtenue');
        const after = json({ blocsAcquis: [{ bloc: 'RNCP37674BC01', date: '2026-07-01' }] });
        const problems = await inputProblems([{ file: 'x.candidat.json', text: after }]);
        expect(problems.map(p => [p.file, p.line, p.column, p.kind])).toEqual([['x.candidat.json', 10, 15, 'valeur']]);
        expect(problems[0].message).toBe('« blocsAcquis.0.date » : le bloc RNCP37674BC01 est dit acquis le 2026-07-01, après la date d\'évaluation (2026-06-30). Corrigez la date d\'acquisition ou la date d\'évaluation.');
    });

    it('la date d\'évaluation de la commande l\'emporte sur celle du dossier', async () => {
        const text = json({ blocsAcquis: [{ bloc: 'RNCP37674BC01', date: '2026-06-15' }] });
        expect((await inputProblems([{ file: 'x.candidat.json', text }], '2026-06-01')).map(p => p.kind)).toEqual(['valeur']);
    });

    it('CSV : acquis après la date d\'évaluation, erreur à la cellule ; listé deux fois, erreur aussi', async () => {
        const { dir, cleanup } = tempDir();
        try {
            const after = writeTemp(dir, 'apres.csv', 'candidat;date_evaluation;blocs_acquis\nA;2026-06-30;RNCP37674BC01@2026-07-01\n');
            const problems = await inputProblems([{ file: after }]);
            expect(problems.map(p => [p.line, p.column])).toEqual([[2, 14]]);
            expect(problems[0].message).toContain('Candidat A, colonne blocs_acquis : le bloc RNCP37674BC01 est dit acquis le 2026-07-01');
            const twice = writeTemp(dir, 'deux.csv', 'candidat;blocs_acquis\nA;RNCP37674BC01|RNCP37674BC01\n');
            expect((await inputProblems([{ file: twice }])).map(p => [p.line, p.kind])).toEqual([[2, 'doublon']]);
        } finally {
            cleanup();
        }
    });

    it('JSON : le même bloc listé deux fois est une erreur à sa position', () => {
        const problems = problemsOf(() => readCandidateJson('x.candidat.json', json({ blocsAcquis: [{ bloc: 'RNCP37674BC01' }, { bloc: 'RNCP37674BC01' }] }), model));
        expect(problems.map(p => [p.kind, p.line])).toEqual([['doublon', 12]]);
    });
});
