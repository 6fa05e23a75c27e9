import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, runCliAsync, useCleanups } from './run.js';

const { temp } = useCleanups();

const REF = 'test/fixtures/candidats/referentiel';
const JSON_OK = 'test/fixtures/candidats/json/essai.candidat.json';
const COHORT = 'test/fixtures/candidats/cohorte-excel-fr.csv';

describe('referentiel evaluate — formats', () => {
    it('text (défaut) : un rapport par candidat, dans l\'ordre des entrées', () => {
        const r = runCli(['evaluate', '--referentiel', REF, JSON_OK, COHORT]);
        expect(r.code).toBe(0);
        const candidates = [...r.stdout.matchAll(/^Candidat (\S+).*: certification (OBTENUE|NON OBTENUE|INCOMPLÈTE)$/gm)].map(m => [m[1], m[2]]);
        expect(candidates[0]).toEqual(['2026-0043', 'OBTENUE']);
        expect(candidates.length).toBeGreaterThan(3);
        expect(r.stdout).toContain('Moyenne de « Mémoire » et « Soutenance » : 10,75/20, il faut au moins 10/20 → remplie');
    });

    it('json : { resultats, resume }, valide selon schemas/evaluation.schema.json', () => {
        const r = runCli(['evaluate', '--referentiel', REF, JSON_OK, COHORT, '--format', 'json']);
        expect(r.code).toBe(0);
        const data = JSON.parse(r.stdout);
        const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/evaluation.schema.json'), 'utf8'));
        const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
        expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
        expect(data.resultats[0]).toMatchObject({ candidat: { id: '2026-0043' }, decision: 'obtenue', referentiel: 'ESSAI-COHORTE' });
        expect(data.resultats[0].blocs).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'BC02', statut: 'acquis antérieurement' })]));
        // Le JSON n'a pas de date d'acquisition pour BC02 et l'aménagement a expiré au 2026-06-30 ? (début 2025-09-01, 1 an : non).
        expect(data.resultats[0].avertissements).toEqual([]);
        const r2 = data.resultats.find((x: { candidat: { id: string } }) => x.candidat.id === '2026-0002');
        expect(r2.decision).toBe('non obtenue');
        expect(r2.motifs.join(' ')).toContain('critère éliminatoire CR1.1.2');
        const { candidats, obtenue, nonObtenue, incomplete } = data.resume;
        expect(candidats).toBe(data.resultats.length);
        expect(obtenue + nonObtenue + incomplete).toBe(candidats);
    });

    it('--date change la date d\'évaluation (aménagement expiré → avertissement)', () => {
        const r = runCli(['evaluate', '--referentiel', REF, JSON_OK, '--format', 'json', '--date', '2026-10-01']);
        const data = JSON.parse(r.stdout);
        expect(data.resultats[0].dateEvaluation).toBe('2026-10-01');
        expect(data.resultats[0].avertissements[0]).toContain('L\'aménagement « temps majoré » accordé le 1er septembre 2025 a pris fin le 1er septembre 2026');
    });

    it('csv : une ligne par candidat, une colonne par bloc', () => {
        const r = runCli(['evaluate', '--referentiel', REF, COHORT, '--format', 'csv']);
        expect(r.code).toBe(0);
        expect(r.stdout.charCodeAt(0)).toBe(0xfeff);
        const rows = parse(r.stdout.slice(1), { delimiter: ';', columns: true }) as Array<Record<string, string>>;
        expect(Object.keys(rows[0])).toEqual(['candidat', 'décision', 'BC01', 'BC02', 'motifs']);
        expect(rows.find(x => x.candidat === '2026-0002')).toMatchObject({ 'décision': 'non obtenue', BC01: 'non validé', BC02: 'incomplet' });
    });

    it('html : un rapport autonome écrit dans --out', () => {
        const dir = temp();
        const out = path.join(dir, 'rapport.html');
        const r = runCli(['evaluate', '--referentiel', REF, JSON_OK, COHORT, '--format', 'html', '--out', out]);
        expect(r.code).toBe(0);
        expect(r.stderr).toMatch(/✔ \d+ candidats évalués : rapport écrit dans/);
        const html = readFileSync(out, 'utf8');
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(html).toContain('<html lang="fr"');
        expect(html).not.toMatch(/<(script|link)\b/i);
        expect(html).not.toMatch(/(src|href)="https?:/);
    });

    it('openbadges : un badge par bloc validé et par certification obtenue, sans nom du candidat', () => {
        const dir = temp();
        const out = path.join(dir, 'badges');
        const r = runCli(['evaluate', '--referentiel', REF, JSON_OK, '--format', 'openbadges', '--out', out]);
        expect(r.code).toBe(0);
        // 2026-0043 : BC01 validé à cette session (BC02 acquis antérieurement) et la certification obtenue.
        expect(r.stderr).toContain('✔ 2 badges écrits (Open Badges 3.0, non signés)');
        const files = readdirSync(out).sort();
        expect(files).toHaveLength(2);
        const badges = files.map(f => JSON.parse(readFileSync(path.join(out, f), 'utf8')));
        for (const badge of badges) {
            expect(badge.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
            expect(JSON.stringify(badge)).not.toContain('2026-0043');
        }
        expect(badges.map(b => b.credentialSubject.achievement.humanCode).sort()).toEqual(['BC01', 'ESSAI-COHORTE']);
        expect(runCli(['evaluate', '--referentiel', REF, JSON_OK, '--format', 'openbadges']).code).toBe(2);
    });

    it('format inconnu, date invalide, fichier absent, --referentiel manquant : code 2', () => {
        expect(runCli(['evaluate', '--referentiel', REF, JSON_OK, '--format', 'pdf']).stderr).toContain('Format inconnu « pdf »');
        const date = runCli(['evaluate', '--referentiel', REF, JSON_OK, '--date', '2026-02-30']);
        expect(date.code).toBe(2);
        expect(date.stderr).toContain('Date « 2026-02-30 » invalide');
        expect(runCli(['evaluate', '--referentiel', REF, 'absent.candidat.json']).code).toBe(2);
        const missing = runCli(['evaluate', JSON_OK]);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain('L\'option --referentiel <chemin> est obligatoire.');
    });

    it('code 1 quand le référentiel a des erreurs', () => {
        const r = runCli(['evaluate', '--referentiel', 'test/fixtures/cli/erreurs', JSON_OK]);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('aucun candidat n\'a été évalué');
    });
});

describe('referentiel evaluate — entrées fautives : code 2, rien n\'est écrit', () => {
    // Les fichiers fautifs de test/fixtures/candidats/json concernent le référentiel MINI.
    const MINI = 'test/fixtures/cli/propre';
    const bad: Array<[string, string, RegExp]> = [
        [REF, 'test/fixtures/candidats/json/syntaxe-virgule-manquante.candidat.json', /syntaxe-virgule-manquante\.candidat\.json:\d+:\d+ /],
        [MINI, 'test/fixtures/candidats/json/codes-inconnus.candidat.json', /Vouliez-vous dire/],
        [MINI, 'test/fixtures/candidats/json/hors-bareme.candidat.json', /barème/],
        [REF, 'test/fixtures/candidats/json/autre-referentiel.candidat.json', /Ce fichier concerne le référentiel/]
    ];
    for (const [referentiel, file, expected] of bad) {
        it(path.basename(file), () => {
            const dir = temp();
            const out = path.join(dir, 'rapport.json');
            const before = referentiel === REF ? [JSON_OK] : [];
            const r = runCli(['evaluate', '--referentiel', referentiel, ...before, file, '--format', 'json', '--out', out]);
            expect(r.code).toBe(2);
            expect(r.stderr).toMatch(expected);
            expect(r.stderr).toMatch(/rien n'a été écrit/);
            expect(r.stderr).not.toMatch(/\n\s+at /);
            expect(existsSync(out)).toBe(false);
            expect(readdirSync(dir)).toEqual([]);
        });
    }

    it('un même candidat dans deux fichiers', () => {
        const dir = temp();
        const copy = path.join(dir, 'copie.candidat.json');
        writeFileSync(copy, readFileSync(path.join(ROOT, JSON_OK)));
        const r = runCli(['evaluate', '--referentiel', REF, JSON_OK, copy]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('Le candidat « 2026-0043 » figure deux fois');
    });

    it('une ligne fautive au milieu d\'une cohorte : rien sur la sortie standard non plus', () => {
        const dir = temp();
        const csv = path.join(dir, 'cohorte.csv');
        writeFileSync(csv, 'candidat;C1.1;memoire\nA-1;A;12\nA-2;A;23\nA-3;A;11\n');
        const r = runCli(['evaluate', '--referentiel', REF, csv]);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/cohorte\.csv:3:\d+ .*23.*barème/);
    });
});

describe('referentiel evaluate — une cohorte de 100 000 lignes', () => {
    it('passe en continu : la même petite mémoire pour 1 000 et 100 000 candidats', async () => {
        const dir = temp();
        const header = 'candidat;C1.1;C1.2;C2.1;memoire;soutenance;periode_entreprise;blocs_acquis\n';
        const row = (i: number): string => `X-${i};A;${i % 7 === 0 ? 'NA' : 'A'};${i % 11 === 0 ? '' : 'A'};${10 + (i % 10)};${8 + (i % 5)},5;${5 + (i % 3)};${i % 13 === 0 ? 'BC02' : ''}\n`;
        const write = (file: string, n: number): void => {
            const chunks: string[] = [header];
            for (let i = 1; i <= n; i++) chunks.push(row(i));
            writeFileSync(file, chunks.join(''));
        };
        write(path.join(dir, 'petite.csv'), 1_000);
        write(path.join(dir, 'grande.csv'), 100_000);
        // Tas limité à 160 Mo : un programme qui garderait les 100 000 résultats en mémoire échouerait.
        const env = { NODE_OPTIONS: '--max-old-space-size=160' };
        const small = await runCliAsync(['evaluate', '--referentiel', path.join(ROOT, REF), path.join(dir, 'petite.csv'), '--format', 'csv', '--out', path.join(dir, 'petite-res.csv')], { env });
        expect(small.code, small.stderr).toBe(0);
        const big = await runCliAsync(['evaluate', '--referentiel', path.join(ROOT, REF), path.join(dir, 'grande.csv'), '--format', 'json', '--out', path.join(dir, 'grande.json')], { env });
        expect(big.code, big.stderr).toBe(0);
        expect(big.stderr).toContain('✔ 100000 candidats évalués');
        const tail = readFileSync(path.join(dir, 'grande.json'), 'utf8').slice(-200);
        expect(tail).toMatch(/"candidats": 100000/);
    }, 180_000);
});
