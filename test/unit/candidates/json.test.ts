import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, InputError, readCandidateJson } from '../../../language-server/src/evaluation/candidates/index.js';
import { setLocale } from '../../../language-server/src/i18n/locale.js';
import { FIXTURES, jsonFixtureProblems, locate, model, problemsOf, readJsonFixture } from './helpers.js';

const fixtureText = (name: string): string => readFileSync(path.join(FIXTURES, 'json', name), 'utf8');

describe('readCandidateJson : fichiers valides', () => {
    it('lit toutes les sections et garde les codes tels qu\'écrits', async () => {
        const r = readJsonFixture('valide.candidat.json', await model('mini'));
        expect(r.referentiel).toBe('MINI');
        expect(r.candidat).toEqual({ id: '2026-0042', nom: 'Camille Martin' });
        expect(r.dateEvaluation).toBe('2026-06-30');
        expect([...r.competences]).toEqual([['C1.1', 'acquise'], ['C1.2', 'non acquise']]);
        expect([...r.criteres]).toEqual([['CR1.1.1', 'satisfait'], ['CR1.1.2', 'non satisfait']]);
        expect([...r.epreuves]).toEqual([['memoire', 12.5]]);
        expect([...r.mesures]).toEqual([]);
        expect(r.blocsAcquis).toEqual([{ bloc: 'BC01', date: '2024-06-30' }]);
        expect(r.amenagements).toEqual([{ nature: 'temps majoré', debut: '2025-09-01', fin: '2026-01-31' }]);
        expect(r.source).toEqual({ file: 'json/valide.candidat.json' });
    });

    it('donne la position de chaque valeur (clé « section.code », « liste.indice.champ »)', async () => {
        const text = fixtureText('valide.candidat.json');
        const r = readJsonFixture('valide.candidat.json', await model('mini'));
        const expectAt = (key: string, needle: string, nth = 1): void => {
            const { line, column } = locate(text, needle, nth);
            expect(r.positions.get(key), key).toEqual({
                file: 'json/valide.candidat.json', line, column, endLine: line, endColumn: column + needle.length
            });
        };
        expectAt('candidat.id', '"2026-0042"');
        expectAt('candidat.nom', '"Camille Martin"');
        expectAt('referentiel', '"MINI"');
        expectAt('dateEvaluation', '"2026-06-30"');
        expectAt('competences.C1.1', '"acquise"');
        expectAt('competences.C1.2', '"non acquise"');
        expectAt('criteres.CR1.1.2', '"non satisfait"');
        expectAt('epreuves.memoire', '12.5');
        expectAt('blocsAcquis.0.bloc', '"BC01"');
        expectAt('blocsAcquis.0.date', '"2024-06-30"');
        expectAt('amenagements.0.fin', '"2026-01-31"');
        expect(r.positions.get('competences')?.line).toBe(6);
    });

    it('accepte le minimum (referentiel et candidat.id), une mesure, un code écrit avec un tiret, un BOM', async () => {
        const mini = readJsonFixture('minimal.candidat.json', await model('mini'));
        expect(mini.candidat).toEqual({ id: '2026-0001' });
        expect(mini.dateEvaluation).toBeUndefined();
        expect(mini.competences.size + mini.criteres.size + mini.epreuves.size + mini.blocsAcquis.length + mini.amenagements.length).toBe(0);

        const essai = readJsonFixture('essai.candidat.json', await model('essai'));
        expect([...essai.mesures]).toEqual([['periode_entreprise', 6]]);
        expect([...essai.epreuves]).toEqual([['memoire', 12], ['soutenance', 9.5]]);
        expect(essai.competences.get('C1-2')).toBe('acquise');
        expect(essai.blocsAcquis).toEqual([{ bloc: 'BC02' }]);
        expect(essai.amenagements).toEqual([{ nature: 'temps majoré', debut: '2025-09-01' }]);

        const json = '{ "referentiel": "MINI", "candidat": { "id": "X" } }';
        const bom = readCandidateJson('bom.json', '\uFEFF' + json, await model('mini'));
        // Le BOM ne compte pas dans les colonnes (comme dans l'éditeur).
        expect(bom.positions.get('candidat.id')).toMatchObject(locate(json, '"X"'));
    });

    it('compare le code du référentiel sous sa forme canonique (DATA-ENGINEER ≡ DATA.ENGINEER)', async () => {
        const r = readCandidateJson('a.json', '{ "referentiel": "ESSAI.COHORTE", "candidat": { "id": "1" } }', await model('essai'));
        expect(r.referentiel).toBe('ESSAI.COHORTE');
    });
});

describe('readCandidateJson : syntaxe', () => {
    it('signale tous les commentaires et toutes les virgules finales, chacun à sa place', async () => {
        const problems = jsonFixtureProblems('syntaxe-commentaire-virgule.candidat.json', await model('mini'));
        expect(problems.map(p => [p.kind, p.line, p.column])).toEqual([['syntaxe', 3, 3], ['syntaxe', 4, 34], ['syntaxe', 5, 39]]);
        expect(problems[0].message).toBe('JSON mal formé : les commentaires (// ou /* … */) ne sont pas permis en JSON. Retirez-le.');
        expect(problems[1].message).toBe('JSON mal formé : virgule en trop avant « } ». En JSON, le dernier élément n\'est pas suivi d\'une virgule.');
    });

    it('situe une virgule manquante et un texte non fermé', async () => {
        const comma = jsonFixtureProblems('syntaxe-virgule-manquante.candidat.json', await model('mini'));
        expect(comma).toEqual([expect.objectContaining({ kind: 'syntaxe', line: 4, column: 3, message: 'JSON mal formé : virgule attendue entre deux éléments.' })]);
        const string = jsonFixtureProblems('syntaxe-texte-non-ferme.candidat.json', await model('mini'));
        expect(string).toHaveLength(1);
        expect(string[0]).toMatchObject({ kind: 'syntaxe', line: 3, column: 23 });
        expect(string[0].message).toContain('il manque le guillemet fermant');
    });

    it('refuse un fichier vide, des guillemets simples, deux objets, une accolade manquante', async () => {
        const m = await model('mini');
        expect(problemsOf(() => readCandidateJson('v.json', '  \n', m))[0]).toMatchObject({ kind: 'syntaxe', line: 1, column: 1 });
        expect(problemsOf(() => readCandidateJson('v.json', '  \n', m))[0].message).toContain('Fichier vide');
        const quotes = problemsOf(() => readCandidateJson('q.json', "{ 'referentiel': 'MINI' }", m));
        expect(quotes[0]).toMatchObject({ line: 1, column: 3 });
        expect(quotes[0].message).toContain('« \'referentiel\' » inattendu');
        const two = problemsOf(() => readCandidateJson('t.json', '{}\n{}', m));
        expect(two[0]).toMatchObject({ line: 2, column: 1, message: 'JSON mal formé : fin du fichier attendue après l\'objet principal.' });
        const open = problemsOf(() => readCandidateJson('o.json', '{ "referentiel": "MINI",\n  "candidat": { "id": "1" }\n', m));
        expect(open[0].message).toBe('JSON mal formé : « } » attendu pour fermer l\'objet.');
        expect(open[0].line).toBe(3);
    });

    it('InputError : le message est le premier problème formaté fichier:ligne:colonne', async () => {
        try {
            readJsonFixture('syntaxe-virgule-manquante.candidat.json', await model('mini'));
            expect.unreachable();
        } catch (error) {
            expect(error).toBeInstanceOf(InputError);
            expect((error as Error).message).toBe('json/syntaxe-virgule-manquante.candidat.json:4:3 JSON mal formé : virgule attendue entre deux éléments.');
            expect(formatProblem((error as InputError).problems[0])).toBe((error as Error).message);
        }
    });
});

describe('readCandidateJson : schéma', () => {
    it('donne tous les écarts au schéma, chacun sur la valeur fautive', async () => {
        const text = fixtureText('schema.candidat.json');
        const problems = jsonFixtureProblems('schema.candidat.json', await model('mini'));
        const at = (needle: string) => locate(text, needle);
        expect(problems.map(p => ({ kind: p.kind, line: p.line, column: p.column, message: p.message }))).toEqual([
            { kind: 'schema', ...at('{ "nom"'), message: 'Propriété obligatoire « candidat.id » absente : l\'identifiant du candidat (numéro de dossier, pas son nom).' },
            { kind: 'schema', ...at('"2026-02-30"'), message: '« dateEvaluation » : « 2026-02-30 » n\'est pas une date valide (AAAA-MM-JJ, par exemple 2026-06-30).' },
            { kind: 'schema', ...at('"oui"'), message: '« competences.C1.1 » : « oui » n\'est pas permis. Valeurs permises : « acquise », « non acquise ».' },
            { kind: 'schema', ...at('true'), message: '« competences.C1.2 » : « true » n\'est pas permis. Valeurs permises : « acquise », « non acquise ».' },
            { kind: 'schema', ...at('"12,5"'), message: '« epreuves.memoire » doit être un nombre (sans guillemets, point décimal : 12.5), pas « 12,5 ».' },
            { kind: 'schema', ...at('"BC01"'), message: '« blocsAcquis » doit être une liste [ … ], pas un texte entre guillemets.' },
            { kind: 'schema', ...at('"commentaire"'), message: 'Propriété « commentaire » inconnue dans le fichier. Propriétés permises : $schema, referentiel, candidat, dateEvaluation, competences, criteres, epreuves, mesures, faits, blocsAcquis, amenagements.' }
        ]);
        // Les positions ont une fin (pour souligner la valeur dans l'éditeur).
        expect(problems[1]).toMatchObject({ endLine: 4, endColumn: 33 });
    });

    it('propose la propriété voisine et signale les propriétés obligatoires absentes', async () => {
        const m = await model('mini');
        const typo = problemsOf(() => readCandidateJson('a.json', '{ "referentiel": "MINI", "candidat": { "id": "1" }, "competence": {} }', m));
        expect(typo).toEqual([expect.objectContaining({ kind: 'schema', line: 1, column: 53 })]);
        expect(typo[0].message).toContain('Propriété « competence » inconnue dans le fichier. Vouliez-vous dire competences ?');
        const missing = problemsOf(() => readCandidateJson('b.json', '{}', m));
        expect(missing.map(p => p.message)).toEqual([
            'Propriété obligatoire « referentiel » absente : le code du référentiel concerné (par exemple « MINI »).',
            'Propriété obligatoire « candidat » absente : l\'objet « candidat » avec au moins son identifiant : "candidat": { "id": "2026-0042" }.'
        ]);
        const root = problemsOf(() => readCandidateJson('c.json', '[]', m));
        expect(root[0].message).toBe('Le fichier doit être un objet { … }, pas une liste [ … ].');
        const extra = problemsOf(() => readCandidateJson('d.json', '{ "referentiel": "MINI", "candidat": { "id": "1", "age": 30 } }', m));
        expect(extra[0].message).toContain('Propriété « age » inconnue dans « candidat ». Propriétés permises : id, nom.');
        const idText = '{ "referentiel": "MINI", "candidat": { "id": 42 } }';
        const idType = problemsOf(() => readCandidateJson('e.json', idText, m));
        expect(idType[0]).toMatchObject({ ...locate(idText, '42'), message: '« candidat.id » doit être un texte entre guillemets, pas un nombre.' });
        const empty = problemsOf(() => readCandidateJson('f.json', '{ "referentiel": "MINI", "candidat": { "id": "" } }', m));
        expect(empty[0].message).toBe('« candidat.id » ne doit pas être vide.');
    });
});

describe('readCandidateJson : référentiel, codes et barèmes', () => {
    it('refuse un fichier d\'un autre référentiel (et ne signale pas ses codes)', async () => {
        const problems = jsonFixtureProblems('autre-referentiel.candidat.json', await model('mini'));
        expect(problems).toEqual([{
            file: 'json/autre-referentiel.candidat.json', line: 2, column: 18, endLine: 2, endColumn: 33, kind: 'referentiel',
            message: 'Ce fichier concerne le référentiel DATA-ENGINEER, pas MINI. Vérifiez la propriété « referentiel » du fichier ou le référentiel donné à la commande.'
        }]);
    });

    it('signale les codes inconnus avec « Vouliez-vous dire », et un code rangé dans la mauvaise section', async () => {
        const text = fixtureText('codes-inconnus.candidat.json');
        const problems = jsonFixtureProblems('codes-inconnus.candidat.json', await model('mini'));
        const at = (needle: string) => locate(text, needle);
        expect(problems.map(p => ({ kind: p.kind, line: p.line, column: p.column, message: p.message }))).toEqual([
            { kind: 'code-inconnu', ...at('"C1.3"'), message: '« competences.C1.3 » : le référentiel MINI n\'a pas de compétence C1.3. Vouliez-vous dire C1.1 ou C1.2 ?' },
            { kind: 'code-inconnu', ...at('"c1.2"'), message: '« competences.c1.2 » : le référentiel MINI n\'a pas de compétence c1.2. Vouliez-vous dire C1.2 ou C1.1 ?' },
            { kind: 'code-inconnu', ...at('"CR1.1.3"'), message: '« criteres.CR1.1.3 » : le référentiel MINI n\'a pas de critère CR1.1.3. Vouliez-vous dire CR1.1.1 ou CR1.1.2 ?' },
            { kind: 'code-inconnu', ...locate(text, '"C1.1"', 2), message: '« criteres.C1.1 » : C1.1 n\'est pas un critère mais la compétence C1.1 ; placez ce code dans « competences ».' },
            { kind: 'code-inconnu', ...at('"memoir"'), message: '« epreuves.memoir » : le référentiel MINI n\'a pas d\'épreuve memoir. Vouliez-vous dire memoire ?' },
            { kind: 'code-inconnu', ...at('"periode_entreprise"'), message: '« mesures.periode_entreprise » : le référentiel MINI n\'a pas de mesure periode_entreprise. Le référentiel ne déclare aucune mesure.' },
            { kind: 'code-inconnu', ...at('"BC09"'), message: '« blocsAcquis.0.bloc » : le référentiel MINI n\'a pas de bloc BC09. Vouliez-vous dire BC01 ?' }
        ]);
    });

    it('signale une note hors barème, une note et une mesure négatives, un aménagement qui finit avant de commencer', async () => {
        const hors = jsonFixtureProblems('hors-bareme.candidat.json', await model('mini'));
        expect(hors).toEqual([expect.objectContaining({
            kind: 'hors-bareme', line: 4, column: 28,
            message: '« epreuves.memoire » : note 23 hors du barème de memoire (sur 20) ; une note va de 0 à 20.'
        })]);
        expect(hors[0].message).toContain('note 23 hors du barème de memoire (sur 20)');
        const text = fixtureText('mesure-negative.candidat.json');
        const neg = jsonFixtureProblems('mesure-negative.candidat.json', await model('essai'));
        expect(neg.map(p => ({ kind: p.kind, line: p.line, column: p.column, message: p.message }))).toEqual([
            { kind: 'hors-bareme', ...locate(text, '-1'), message: '« epreuves.memoire » : note -1 hors du barème de memoire (sur 20) ; une note va de 0 à 20.' },
            { kind: 'valeur', ...locate(text, '-2'), message: '« mesures.periode_entreprise » : mesure -2 négative pour periode_entreprise (en mois) ; une mesure est positive ou nulle.' },
            { kind: 'valeur', ...locate(text, '"2025-09-01"'), message: '« amenagements.0.fin » : la fin de l\'aménagement (2025-09-01) précède son début (2026-01-31).' }
        ]);
    });

    it('signale les clés répétées et deux écritures du même code', async () => {
        const text = fixtureText('doublons.candidat.json');
        const problems = jsonFixtureProblems('doublons.candidat.json', await model('mini'));
        const first = locate(text, '"C1.1"');
        expect(problems.map(p => ({ kind: p.kind, line: p.line, column: p.column, message: p.message }))).toEqual([
            { kind: 'doublon', ...locate(text, '"C1.1"', 2), message: `« competences.C1.1 » est donné deux fois (déjà ligne ${first.line}, colonne ${first.column}) : gardez une seule valeur.` },
            { kind: 'doublon', ...locate(text, '"C1.2"'), message: `« competences.C1.2 » et « competences.C1-2 » (ligne 4, colonne ${locate(text, '"C1-2"').column}) désignent le même code : gardez-en un.` },
            { kind: 'doublon', ...locate(text, '"BC01"', 2), message: '« blocsAcquis.1.bloc » : le bloc BC01 figure deux fois dans les blocs acquis (aussi « blocsAcquis.0.bloc »).' }
        ]);
    });

    it('écrit les nombres à la française (20,5) et, en anglais, avec un point', async () => {
        const text = '{ "referentiel": "MINI", "candidat": { "id": "1" }, "epreuves": { "memoire": 20.5 } }';
        expect(problemsOf(() => readCandidateJson('a.json', text, mini))[0].message)
            .toBe('« epreuves.memoire » : note 20,5 hors du barème de memoire (sur 20) ; une note va de 0 à 20.');
        setLocale('en');
        try {
            expect(problemsOf(() => readCandidateJson('a.json', text, mini))[0].message)
                .toBe('"epreuves.memoire": grade 20.5 outside the scale of memoire (out of 20); a grade goes from 0 to 20.');
            expect(problemsOf(() => readCandidateJson('a.json', '{ "referentiel": "MINI", "candidat": { "id": "1" }, "competences": { "C1.3": "acquise" } }', mini))[0].message)
                .toBe('"competences.C1.3": référentiel MINI has no competency C1.3. Did you mean C1.1 or C1.2?');
        } finally {
            setLocale('fr');
        }
    });

    it('ne cite jamais le nom du candidat', async () => {
        const text = '{ "referentiel": "MINI", "candidat": { "id": "2026-0042", "nom": "Camille Martin" }, "epreuves": { "memoire": 23 }, "competences": { "C9": "oui" }, "criteres": { "CR1.1.1": "oui" }, "blocsAcquis": [{ "bloc": "BC9" }] }';
        const problems = problemsOf(() => readCandidateJson('a.json', text, mini));
        expect(problems.length).toBe(5);
        for (const p of problems) expect(p.message).not.toContain('Martin');
    });
});

let mini: Awaited<ReturnType<typeof model>>;
beforeAll(async () => { mini = await model('mini'); });
