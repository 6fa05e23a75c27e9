import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectSeparator, readCohort } from '../../../language-server/src/evaluation/candidates/index.js';
import { setLocale } from '../../../language-server/src/i18n/locale.js';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { cohortProblems, collect, FIXTURES, model, tempDir, writeTemp } from './helpers.js';

let essai: ReferentielModel;
let mini: ReferentielModel;
let dir: string;
let cleanup: () => void;
beforeAll(async () => {
    essai = await model('essai');
    mini = await model('mini');
    ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

let counter = 0;
/** Un CSV temporaire (UTF-8 sans BOM). */
function csv(text: string, ext = '.csv'): string {
    return writeTemp(dir, `cohorte-${++counter}${ext}`, text);
}

const HEAD = 'candidat;nom;C1.1;C1.2;CR1.1.1;CR1.1.2;memoire;blocs_acquis';

describe('readCohort (CSV) : formes acceptées', () => {
    it('les fixtures gardent leurs octets (Windows-1252 et CRLF, BOM) : à marquer « -text » pour git si besoin', () => {
        const excel = readFileSync(path.join(FIXTURES, 'cohorte-excel-fr.csv'));
        expect(excel.includes(Buffer.from('\r\n'))).toBe(true);
        expect(excel.includes(Buffer.from([0x4c, 0xe9, 0x61]))).toBe(true); // « Léa » en Windows-1252
        const bom = readFileSync(path.join(FIXTURES, 'cohorte-utf8-bom.csv'));
        expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    });

    it('lit un CSV d\'Excel français : « ; », Windows-1252, CRLF, virgule décimale, dates JJ/MM/AAAA', async () => {
        const file = path.join(FIXTURES, 'cohorte-excel-fr.csv');
        const rows = await collect(file, essai);
        expect(rows.map(r => r.candidat)).toEqual([
            { id: '2026-0001', nom: 'Camille Martin' }, { id: '2026-0002', nom: 'Léa Dupré' },
            { id: '2026-0003', nom: 'Noël Bénard' }, { id: '2026-0004', nom: 'Zoé Lefèvre' }
        ]);
        expect(rows.map(r => r.source)).toEqual([2, 3, 4, 5].map(line => ({ file, line })));
        expect(rows[0].referentiel).toBeUndefined();
        expect(rows[0].dateEvaluation).toBe('2026-06-30');
        expect(Object.fromEntries(rows[1].competences)).toEqual({ 'C1.1': 'acquise', 'C1.2': 'non acquise' });
        expect(Object.fromEntries(rows[1].criteres)).toEqual({ 'CR1.1.1': 'satisfait', 'CR1.1.2': 'non satisfait' });
        expect(Object.fromEntries(rows[1].epreuves)).toEqual({ memoire: 9.5, soutenance: 11.25 });
        expect(Object.fromEntries(rows[1].mesures)).toEqual({ periode_entreprise: 6.5 });
        expect(rows[2].blocsAcquis).toEqual([{ bloc: 'BC02', date: '2024-06-30' }]);
        // Cellules vides : non évalué, note manquante.
        expect(rows[3].epreuves.size).toBe(0);
        expect(rows[1].competences.has('C2.1')).toBe(false);
        expect(rows[0].amenagements).toEqual([]);
        // Positions : ligne physique, colonne du premier caractère de la cellule.
        expect(rows[1].positions.get('candidat.id')).toEqual({ file, line: 3, column: 1, endLine: 3, endColumn: 10 });
        expect(rows[1].positions.get('epreuves.memoire')).toEqual({ file, line: 3, column: 78, endLine: 3, endColumn: 81 });
        expect(rows[2].positions.get('blocsAcquis.0.bloc')).toMatchObject({ line: 4 });
        expect(rows[2].positions.get('blocsAcquis.0.date')).toMatchObject({ line: 4 });
    });

    it('lit un CSV UTF-8 avec BOM (« CSV UTF-8 » d\'Excel) et saute les lignes vides', async () => {
        const file = path.join(FIXTURES, 'cohorte-utf8-bom.csv');
        const rows = await collect(file, essai);
        expect(rows.map(r => [r.source.line, r.candidat.id, r.candidat.nom])).toEqual([[2, '2026-0011', 'Anaïs Müller'], [4, '2026-0012', 'Jérôme Ødegård']]);
        expect(Object.fromEntries(rows[0].epreuves)).toEqual({ memoire: 15, soutenance: 13.5 });
        expect(rows[1].blocsAcquis).toEqual([{ bloc: 'BC01' }, { bloc: 'BC02', date: '2025-06-30' }]);
        expect(rows[0].positions.get('candidat.id')).toMatchObject({ line: 2, column: 1 });
    });

    it('lit un CSV séparé par des virgules, avec points décimaux et cellules entre guillemets', async () => {
        const rows = await collect(path.join(FIXTURES, 'cohorte-virgule.csv'), essai);
        expect(rows.map(r => r.candidat)).toEqual([{ id: '2026-0101', nom: 'Martin, Camille' }, { id: '2026-0102', nom: 'Léa Dupré' }]);
        expect(Object.fromEntries(rows[0].epreuves)).toEqual({ memoire: 14.5, soutenance: 12 });
        expect(Object.fromEntries(rows[1].epreuves)).toEqual({ memoire: 9.5, soutenance: 11.25 });
        expect(Object.fromEntries(rows[1].competences)).toEqual({ 'C1.1': 'acquise', 'C1.2': 'non acquise' });
        expect(rows[1].blocsAcquis).toEqual([{ bloc: 'BC02' }]);
        // « "Martin, Camille" » : la cellule commence au guillemet.
        expect(rows[0].positions.get('candidat.nom')).toEqual({ file: path.join(FIXTURES, 'cohorte-virgule.csv'), line: 2, column: 11, endLine: 2, endColumn: 28 });
        expect(rows[0].positions.get('dateEvaluation')).toMatchObject({ line: 2, column: 29 });
    });

    it('codes sensibles à la casse : « c1.1 » n\'est pas C1.1 (mais il est proposé)', async () => {
        const { problems } = await cohortProblems(csv('candidat;c1.1\n1;A\n'), mini);
        expect(problems).toEqual([expect.objectContaining({ kind: 'colonne', line: 1, column: 10 })]);
        expect(problems[0].message).toContain('colonne « c1.1 » inconnue');
        expect(problems[0].message).toContain('Vouliez-vous dire C1.1');
    });

    it('valeurs sans casse, formes longues et courtes, en-têtes entourés d\'espaces, codes C1-1 ≡ C1.1', async () => {
        const file = csv([
            ' Candidat ; Date évaluation ;C1-1; C1.2 ;CR1.1.1;CR1.1.2;memoire; Blocs acquis ;# remarques',
            '1;2026-06-30;a;Na;s;NS;12;BC01;RAS',
            '2;;ACQUISE;Non Acquis;Satisfait;non satisfait;20;;',
            '3;;acquis;non-acquise;S;ns;0;;',
            '4;;;;;;,5;;'
        ].join('\r\n'));
        const rows = await collect(file, mini);
        expect(rows.map(r => [...r.competences])).toEqual([
            [['C1-1', 'acquise'], ['C1.2', 'non acquise']],
            [['C1-1', 'acquise'], ['C1.2', 'non acquise']],
            [['C1-1', 'acquise'], ['C1.2', 'non acquise']],
            []
        ]);
        expect(rows.map(r => [...r.criteres].map(([, v]) => v))).toEqual([['satisfait', 'non satisfait'], ['satisfait', 'non satisfait'], ['satisfait', 'non satisfait'], []]);
        expect(rows.map(r => r.epreuves.get('memoire'))).toEqual([12, 20, 0, 0.5]);
        expect(rows[0].dateEvaluation).toBe('2026-06-30');
        expect(rows[0].blocsAcquis).toEqual([{ bloc: 'BC01' }]);
        expect(rows[0].positions.get('competences.C1-1')).toMatchObject({ line: 2, column: 14 });
    });

    it('saute les lignes faites seulement de séparateurs et les lignes blanches ; tabulation dans un .tsv', async () => {
        const rows = await collect(csv(`${HEAD};;\n\n1;;A;;;;;;;\n;;;;;;;;;\n   \n2;;NA;;;;;;;\n`), mini);
        expect(rows.map(r => [r.candidat.id, r.source.line])).toEqual([['1', 3], ['2', 6]]);
        // Ligne plus courte que l'en-tête (cellules finales omises) : les cellules manquantes sont vides.
        const short = await collect(csv('candidat;C1.1;C1.2;memoire\n1;A\n2;NA;A;12\n'), mini);
        expect(short.map(r => [r.candidat.id, r.competences.size, r.epreuves.size])).toEqual([['1', 1, 0], ['2', 2, 1]]);
        const tab = await collect(csv('candidat\tC1.1\tmemoire\r\n1\tA\t12,5\r\n', '.tsv'), mini);
        expect(tab.map(r => [r.candidat.id, r.competences.get('C1.1'), r.epreuves.get('memoire')])).toEqual([['1', 'acquise', 12.5]]);
    });

    it('suit les lignes physiques quand une cellule entre guillemets s\'étend sur plusieurs lignes', async () => {
        const file = csv('candidat;nom;C1.1\r\n1;"Nom\r\nsur deux lignes";A\r\n2;x;NA\r\n');
        const rows = await collect(file, mini);
        expect(rows.map(r => r.source.line)).toEqual([2, 4]);
        expect(rows[0].positions.get('competences.C1.1')).toMatchObject({ line: 3, column: 18 });
    });

    it('positions calculées à la demande : les mêmes par get, has, size et parcours, avec des fins de ligne CR seul', async () => {
        // Fins de ligne « CR » seul (anciens Mac), ligne vide, cellule sur deux lignes : la position
        // de chaque valeur n'est calculée qu'à la lecture de la table, et doit rester juste.
        const file = csv('candidat;nom;C1.1;memoire\r1;"A\rB";A;12\r\r2;x;NA;9\r');
        const rows = await collect(file, mini);
        expect(rows.map(r => r.source.line)).toEqual([2, 5]);
        const first = rows[0].positions;
        expect(first.size).toBe(4);
        expect([...first.keys()]).toEqual(['candidat.id', 'candidat.nom', 'competences.C1.1', 'epreuves.memoire']);
        expect(first.has('epreuves.memoire')).toBe(true);
        expect(first.get('candidat.nom')).toEqual({ file, line: 2, column: 3, endLine: 3, endColumn: 3 });
        expect(first.get('epreuves.memoire')).toEqual({ file, line: 3, column: 6, endLine: 3, endColumn: 8 });
        expect(new Map(rows[1].positions)).toEqual(new Map([
            ['candidat.id', { file, line: 5, column: 1, endLine: 5, endColumn: 2 }],
            ['candidat.nom', { file, line: 5, column: 3, endLine: 5, endColumn: 4 }],
            ['competences.C1.1', { file, line: 5, column: 5, endLine: 5, endColumn: 7 }],
            ['epreuves.memoire', { file, line: 5, column: 8, endLine: 5, endColumn: 9 }]
        ]));
    });

    it('détecte le séparateur sur la ligne d\'en-tête (hors guillemets)', () => {
        expect(detectSeparator('candidat;nom;C1.1')).toBe(';');
        expect(detectSeparator('candidat,nom,C1.1')).toBe(',');
        expect(detectSeparator('candidat\tnom\tC1.1')).toBe('\t');
        expect(detectSeparator('"a;b","c;d",e')).toBe(',');
        expect(detectSeparator('candidat')).toBe(';');
    });

    it('un fichier avec l\'en-tête seul est une erreur (pas un succès vide)', async () => {
        const { problems, before } = await cohortProblems(csv(`${HEAD}\r\n\r\n`), mini);
        expect(before).toEqual([]);
        expect(problems).toEqual([expect.objectContaining({ kind: 'colonne', line: 1, column: 1, message: expect.stringContaining('aucune ligne de candidat') })]);
    });
});

describe('readCohort (CSV) : problèmes', () => {
    it('guillemet jamais fermé : à la ligne et la colonne du guillemet ouvrant', async () => {
        const { problems, before } = await cohortProblems(csv(`${HEAD}\r\n1;a;A;A;S;S;12;\r\n\r\n2;"Dupont;A;A;S;S;12;\r\n3;b;A;A;S;S;12;\r\n`), mini);
        expect(before.map(r => r.candidat.id)).toEqual(['1']);
        expect(problems).toEqual([expect.objectContaining({ kind: 'syntaxe', line: 4, column: 3 })]);
        expect(problems[0].message).toBe('CSV mal formé : le guillemet ouvert ici n\'est jamais fermé. Fermez la cellule par « " » (un guillemet à l\'intérieur d\'une cellule s\'écrit « "" »).');
    });

    it('guillemet jamais fermé dans un grand fichier : s\'arrête sans tout charger', async () => {
        const rows = Array.from({ length: 30_000 }, (_, i) => `${i + 10};x;A;A;S;S;12;`).join('\n');
        const { problems } = await cohortProblems(csv(`${HEAD}\n1;"Dupont;A;A;S;S;12;\n${rows}\n`), mini);
        expect(problems[0]).toMatchObject({ kind: 'syntaxe', line: 2, column: 3 });
        expect(problems[0].message).toContain('jamais fermé');
    });

    it('une ligne fautive avant une erreur de syntaxe est signalée la première (première ligne fautive)', async () => {
        const { problems, before } = await cohortProblems(csv(`${HEAD}\r\n1;a;A;A;S;S;12;\r\n2;b;peut-être;A;S;S;12;\r\n3;"Dupont;A;A;S;S;12;\r\n`), mini);
        expect(before).toHaveLength(1);
        expect(problems).toEqual([expect.objectContaining({ kind: 'valeur', line: 3, column: 5 })]);
    });

    it('guillemet au milieu d\'une cellule, ou suivi d\'autre chose que le séparateur', async () => {
        const opening = (await cohortProblems(csv(`${HEAD}\n1;Dupont "Jr";A;A;S;S;12;\n`), mini)).problems;
        expect(opening).toEqual([expect.objectContaining({ kind: 'syntaxe', line: 2, column: 10 })]);
        expect(opening[0].message).toContain('guillemet au milieu d\'une cellule');
        const closing = (await cohortProblems(csv(`${HEAD}\n1;"Dupont" Jr;A;A;S;S;12;\n`), mini)).problems;
        expect(closing).toEqual([expect.objectContaining({ kind: 'syntaxe', line: 2, column: 11 })]);
        expect(closing[0].message).toContain('après le guillemet fermant vient autre chose que le séparateur « ; »');
    });

    it('colonnes inconnues (avec « Vouliez-vous dire »), en double, ou qui ne portent pas de résultat : toutes à la fois', async () => {
        const { problems } = await cohortProblems(csv('candidat;C11;C1.2;CR1.1.3;memoir;C1-2;BC01;commentaire\n1;A;A;S;12;A;A;x\n'), mini);
        expect(problems.map(p => [p.kind, p.line, p.column, p.message])).toEqual([
            ['colonne', 1, 10, 'Colonne n° 2 : colonne « C11 » inconnue : ni compétence, ni critère, ni épreuve, ni mesure du référentiel MINI, ni colonne prévue (candidat, nom, date_evaluation, blocs_acquis). Vouliez-vous dire C1.1 ? Pour garder une colonne de remarques, faites commencer son en-tête par « # ».'],
            ['colonne', 1, 19, expect.stringContaining('colonne « CR1.1.3 » inconnue') as unknown as string],
            ['colonne', 1, 27, expect.stringContaining('Vouliez-vous dire memoire ?') as unknown as string],
            ['colonne', 1, 34, 'Colonne n° 6 : colonne « C1-2 » en double (déjà colonne n° 3) : gardez-en une.'],
            ['colonne', 1, 39, 'Colonne n° 7 : BC01 est le bloc BC01 ; une colonne de résultats porte une compétence, un critère, une épreuve ou une mesure. Un bloc acquis lors d\'une session antérieure se déclare dans la colonne « blocs_acquis ».'],
            ['colonne', 1, 44, expect.stringContaining('colonne « commentaire » inconnue') as unknown as string]
        ]);
        expect(problems[1].message).toContain('Vouliez-vous dire CR1.1.1 ou CR1.1.2 ?');
    });

    it('colonne « candidat » absente, fichier vide', async () => {
        const missing = (await cohortProblems(csv('id_eleve;C1.1\nx;A\n'), mini)).problems;
        // « id_eleve » est d'abord une colonne inconnue.
        expect(missing[0].message).toContain('colonne « id_eleve » inconnue');
        // Pas de ligne d'en-têtes : un seul message, qui ne recopie pas la ligne (noms des candidats).
        const noHeader = (await cohortProblems(csv('\n2026-0001;Camille Martin;A;A\n2026-0002;Léa Dupré;A;NA\n'), mini)).problems;
        expect(noHeader).toEqual([expect.objectContaining({ kind: 'colonne', line: 2, column: 1 })]);
        expect(noHeader[0].message).toMatch(/^La ligne 2 ne nomme aucune colonne connue : une cohorte commence par une ligne d'en-têtes/);
        expect(noHeader[0].message).not.toContain('Martin');
        const noId = (await cohortProblems(csv('nom;C1.1\nx;A\n'), mini)).problems;
        expect(noId).toEqual([expect.objectContaining({
            kind: 'colonne', line: 1, column: 1,
            message: 'Colonne « candidat » absente : la première ligne nomme les colonnes, dont « candidat » (l\'identifiant de chaque candidat). En-têtes lus : « nom », « C1.1 ».'
        })]);
        const empty = (await cohortProblems(csv('\r\n\r\n'), mini)).problems;
        expect(empty).toEqual([expect.objectContaining({ kind: 'colonne', line: 1, column: 1 })]);
        expect(empty[0].message).toContain('Fichier vide');
        expect((await cohortProblems(csv(''), mini)).problems[0].message).toContain('Fichier vide');
    });

    it('identifiant manquant, valeurs refusées (compétence, critère, note, date) : tous les problèmes de la ligne', async () => {
        const { problems, before } = await cohortProblems(csv([
            'candidat;date_evaluation;C1.1;C1.2;CR1.1.1;CR1.1.2;memoire;blocs_acquis',
            '1;;A;A;S;S;12;',
            '2;31/02/2026;peut-être;A;oui;S;abs;BC01, BC02',
            '3;;A;A;S;S;12;'
        ].join('\n')), mini);
        expect(before).toHaveLength(1);
        expect(problems.map(p => [p.kind, p.line, p.column, p.message])).toEqual([
            ['valeur', 3, 3, 'Candidat 2, colonne date_evaluation : date « 31/02/2026 » invalide. Écrivez AAAA-MM-JJ (2026-06-30) ou JJ/MM/AAAA (30/06/2026).'],
            ['valeur', 3, 14, 'Candidat 2, colonne C1.1 : « peut-être » n\'est pas un résultat de compétence. Valeurs acceptées : A ou acquise (acquis), NA ou non acquise (non acquis), ou une cellule vide si la compétence n\'a pas été évaluée.'],
            ['valeur', 3, 26, 'Candidat 2, colonne CR1.1.1 : « oui » n\'est pas un résultat de critère. Valeurs acceptées : S ou satisfait, NS ou non satisfait, ou une cellule vide si le critère n\'a pas été vérifié.'],
            ['valeur', 3, 32, 'Candidat 2, colonne memoire : note « abs » non numérique pour memoire. Écrivez un nombre de 0 à 20 (12,5 ou 12.5), ou laissez la cellule vide si la note manque.'],
            ['valeur', 3, 36, 'Candidat 2, colonne blocs_acquis : « BC01, BC02 » mal écrit. Écrivez les codes des blocs séparés par « | », chacun éventuellement suivi de sa date : « BC01|BC02@2024-06-30 ».']
        ]);
        const noId = (await cohortProblems(csv('candidat;nom;C1.1\n1;x;A\n ;y;A\n'), mini)).problems;
        expect(noId).toEqual([expect.objectContaining({
            kind: 'valeur', line: 3, column: 1,
            message: 'Ligne 3 : identifiant du candidat manquant (colonne « candidat ») ; chaque ligne remplie en a un.'
        })]);
        for (const p of noId) expect(p.message).not.toContain('y');
    });

    it('note hors barème, mesure négative ou non numérique', async () => {
        const hors = (await cohortProblems(csv('candidat;memoire\n1;12\n2;23\n'), mini)).problems;
        expect(hors).toEqual([expect.objectContaining({
            kind: 'hors-bareme', line: 3, column: 3,
            message: 'Candidat 2, colonne memoire : note 23 hors du barème de memoire (sur 20) ; une note va de 0 à 20.'
        })]);
        const negative = (await cohortProblems(csv('candidat;soutenance;periode_entreprise\n1;-0,5;-2\n'), essai)).problems;
        expect(negative.map(p => [p.kind, p.column, p.message])).toEqual([
            ['hors-bareme', 3, 'Candidat 1, colonne soutenance : note -0,5 hors du barème de soutenance (sur 20) ; une note va de 0 à 20.'],
            ['valeur', 8, 'Candidat 1, colonne periode_entreprise : mesure -2 négative pour periode_entreprise (en mois) ; une mesure est positive ou nulle.']
        ]);
        const nan = (await cohortProblems(csv('candidat;periode_entreprise\n1;six\n'), essai)).problems;
        expect(nan[0]).toMatchObject({ kind: 'valeur', line: 2, column: 3 });
        expect(nan[0].message).toBe('Candidat 1, colonne periode_entreprise : « six » n\'est pas un nombre pour la mesure periode_entreprise (en mois). Écrivez un nombre (6 ou 6,5), ou laissez la cellule vide.');
    });

    it('bloc inconnu ou date de bloc invalide dans blocs_acquis', async () => {
        const { problems } = await cohortProblems(csv('candidat;blocs_acquis\n1;BC01|BC03@2024-06-30\n'), essai);
        expect(problems).toEqual([expect.objectContaining({
            kind: 'code-inconnu', line: 2, column: 3,
            message: 'Candidat 1, colonne blocs_acquis : le référentiel ESSAI-COHORTE n\'a pas de bloc BC03. Vouliez-vous dire BC01 ou BC02 ?'
        })]);
        const date = (await cohortProblems(csv('candidat;blocs_acquis\n1;BC01@2024-13-01\n'), essai)).problems;
        expect(date[0].message).toBe('Candidat 1, colonne blocs_acquis : date « 2024-13-01 » invalide. Écrivez AAAA-MM-JJ (2026-06-30) ou JJ/MM/AAAA (30/06/2026).');
        const twice = (await cohortProblems(csv('candidat;blocs_acquis\n1;BC01|BC01\n'), essai)).problems;
        expect(twice[0]).toMatchObject({ kind: 'doublon', message: 'Candidat 1, colonne blocs_acquis : le bloc BC01 figure deux fois dans les blocs acquis.' });
    });

    it('candidat en double dans une cohorte : kind « doublon », avec les deux lignes', async () => {
        const { problems, before } = await cohortProblems(csv('candidat;C1.1\n2026-0042;A\n2026-0043;A\n\n2026-0042;NA\n'), mini);
        expect(before).toHaveLength(2);
        expect(problems).toEqual([{
            file: expect.any(String) as unknown as string, line: 5, column: 1, endLine: 5, endColumn: 10, kind: 'doublon',
            message: 'Candidat 2026-0042 en double dans la cohorte : lignes 2 et 5. Un candidat n\'a qu\'une ligne : fusionnez-les.'
        }]);
    });

    it('cellules au-delà de l\'en-tête (note à virgule non protégée dans un CSV à virgules) et colonne sans en-tête', async () => {
        const extra = (await cohortProblems(csv('candidat,C1.1,memoire\n1,A,12,5\n'), mini)).problems;
        expect(extra).toEqual([expect.objectContaining({ kind: 'colonne', line: 2, column: 8 })]);
        expect(extra[0].message).toBe('Candidat 1, colonne n° 4 : valeur « 5 » au-delà des 3 colonnes de l\'en-tête. Une cellule qui contient le séparateur « , » (une note à virgule « 12,5 » dans un CSV séparé par des virgules…) s\'écrit entre guillemets : "12,5".');
        const unnamed = (await cohortProblems(csv('candidat;;C1.1\n1;x;A\n'), mini)).problems;
        expect(unnamed[0]).toMatchObject({ kind: 'colonne', line: 2, column: 3, message: 'Candidat 1, colonne n° 2 : valeur « x » dans une colonne sans en-tête. Nommez la colonne sur la première ligne ou videz la cellule.' });
    });

    it('extension non prise en charge, ancien .xls', async () => {
        const ods = (await cohortProblems(writeTemp(dir, 'c.ods', 'x'), mini)).problems;
        expect(ods[0]).toMatchObject({ kind: 'syntaxe', line: 1, column: 1 });
        expect(ods[0].message).toContain('Format de fichier non reconnu (.ods)');
        const xls = (await cohortProblems(writeTemp(dir, 'c.xls', 'x'), mini)).problems;
        expect(xls[0].message).toContain('ancien format d\'Excel');
    });

    it('messages en anglais selon la locale', async () => {
        setLocale('en');
        try {
            const { problems } = await cohortProblems(csv('candidat;memoire;C1.1\n1;23;peut-être\n'), mini);
            expect(problems.map(p => p.message)).toEqual([
                'Candidate 1, column memoire: grade 23 outside the scale of memoire (out of 20); a grade goes from 0 to 20.',
                'Candidate 1, column C1.1: "peut-être" is not a competency result. Accepted values: A or acquise (acquis), NA or non acquise (non acquis), or an empty cell if the competency was not assessed.'
            ]);
        } finally {
            setLocale('fr');
        }
    });

    it('Windows-1252 : les messages citent les valeurs décodées', async () => {
        const file = writeTemp(dir, 'w.csv', iconv.encode('candidat;C1.1\r\n1;réussi\r\n', 'windows-1252'));
        const { problems } = await cohortProblems(file, mini);
        expect(problems[0].message).toContain('« réussi »');
    });

    it('on peut arrêter la lecture en cours de route (le fichier est refermé)', async () => {
        const file = path.join(FIXTURES, 'cohorte-excel-fr.csv');
        for await (const r of readCohort(file, essai)) {
            expect(r.candidat.id).toBe('2026-0001');
            break;
        }
    });
});
