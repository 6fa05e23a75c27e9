/**
 * Fiabilité et sécurité des entrées et sorties (issue 14, §3 à §6) : des fichiers hostiles ou
 * démesurés s'arrêtent sur un message clair, rien n'est perdu ni écrit à moitié, les sorties ne
 * se retournent pas contre leurs lecteurs, aucun nom de candidat ne fuit. Chaque cas lance la
 * vraie ligne de commande ; les chiffres mesurés sont repris dans SECURITY.md.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { BIN, ROOT, cliEnv, runCli, runCliAsync, useCleanups, writeIn as write, xmlError } from './run.js';

const { temp, later } = useCleanups();

const REF = path.join(ROOT, 'test/fixtures/candidats/referentiel');
const JSON_OK = path.join(ROOT, 'test/fixtures/candidats/json/essai.candidat.json');
const HEAD = 'candidat;nom;date_evaluation;C1.1;C1.2;C2.1;CR1.1.1;CR1.1.2;CR2.1.1;memoire;soutenance;periode_entreprise;blocs_acquis';
const ROW = '2026-0001;Camille Martin;30/06/2026;A;A;A;S;S;S;14,5;12;6;';

// Chaque cas lance un ou plusieurs vrais processus : sur une machine chargée, plus d'une minute.
vi.setConfig({ testTimeout: 180_000 });

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
/** Les fichiers temporaires d'écriture (`.nom.pid.date.tmp`) d'un dossier. */
const temporaries = (dir: string): string[] => readdirSync(dir).filter(f => /^\..*\.\d+\.\d+\.tmp$/.test(f));
/** Aucune pile JavaScript ni « Erreur interne » : un message d'usage. */
function expectCleanFailure(r: { code: number; stderr: string }): void {
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(/Erreur interne|\n\s+at .+:\d+:\d+/);
}

function evaluate(args: string[], options: { cwd?: string } = {}) {
    return runCli(['evaluate', '--referentiel', REF, ...args], options);
}

describe('§3 — entrées bornées : message clair, temps et mémoire bornés', () => {
    it('cellule CSV de 40 000 caractères : refusée à sa ligne et sa colonne', () => {
        const dir = temp();
        const file = write(dir, 'longue.csv', `${HEAD}\n2026-0001;x;30/06/2026;${'A'.repeat(40_000)};A;A;S;S;S;14;12;6;\n`);
        const r = evaluate([file]);
        expectCleanFailure(r);
        expect(r.stderr).toContain(`${file}:2:`);
        expect(r.stderr).toContain('cellule de 40000 caractères, au-delà de la limite de 32767');
    });

    it('enregistrement CSV de 20 000 cellules : refusé (limite 16 384 colonnes)', () => {
        const dir = temp();
        const file = write(dir, 'large.csv', 'candidat' + ';C1.1'.repeat(19_999) + '\n');
        const r = evaluate([file]);
        expectCleanFailure(r);
        expect(r.stderr).toContain('Ligne 1 : 20000 cellules, au-delà de la limite de 16384 colonnes');
    });

    it('ligne de 8 Mo de séparateurs : refusée, sans erreur interne (temps linéaire : security-audit.test.ts)', () => {
        const dir = temp();
        const file = write(dir, 'separateurs.csv', `${HEAD}\n${';'.repeat(8 * 1024 * 1024)}\n`);
        const started = Date.now();
        const r = evaluate([file]);
        const seconds = (Date.now() - started) / 1000;
        expectCleanFailure(r);
        expect(r.stderr).toContain(`${file}:2:1048577 CSV mal formé : ligne de plus de 1048576 caractères`);
        console.log(`[abus] ligne CSV de 8 Mo de séparateurs : refusée en ${seconds.toFixed(1)} s`);
    });

    it('JSON imbriqué sur 100 000 niveaux : refusé (limite 64), sans débordement de pile', () => {
        const dir = temp();
        const file = write(dir, 'profond.candidat.json', '{"referentiel":"ESSAI-COHORTE","x":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}');
        const r = evaluate([file]);
        expectCleanFailure(r);
        expect(r.stderr).toContain('objets ou listes imbriqués sur plus de 64 niveaux');
    });

    it('texte JSON de 1 Mo : refusé (limite d\'une cellule)', () => {
        const dir = temp();
        const file = write(dir, 'texte.candidat.json', JSON.stringify({ referentiel: 'ESSAI-COHORTE', candidat: { id: '1', nom: 'x'.repeat(1 << 20) } }));
        const r = evaluate([file]);
        expectCleanFailure(r);
        expect(r.stderr).toContain('texte de plus de 32767 caractères');
    });

    it('5 000 colonnes inconnues : 20 problèmes montrés, puis « … et 4980 autres »', () => {
        const dir = temp();
        const header = ['candidat', ...Array.from({ length: 5000 }, (_, i) => `X${i}`)].join(';');
        const file = write(dir, 'colonnes.csv', `${header}\n1${';'.repeat(5000)}\n`);
        const r = evaluate([file]);
        expectCleanFailure(r);
        const lines = r.stderr.trim().split('\n');
        expect(lines.length).toBe(22);
        expect(lines[20]).toBe(`… et 4980 autres problèmes dans ${file} (les 20 premiers sont montrés).`);
        expect(lines[21]).toContain('5000 problèmes dans les dossiers candidats');
    });

    it('XLSX : en-tête de 4 Mo (texte partagé) refusé, sans « vouliez-vous dire » (temps linéaire : security-audit.test.ts)', async () => {
        const dir = temp();
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('Cohorte').addRow(['candidat', 'Z'.repeat(4 * 1024 * 1024)]);
        const file = path.join(dir, 'entete.xlsx');
        await wb.xlsx.writeFile(file);
        const started = Date.now();
        const r = evaluate([file]);
        const seconds = (Date.now() - started) / 1000;
        expectCleanFailure(r);
        expect(r.stderr).toMatch(/Classeur refusé|cellule de 4194304 caractères/);
        expect(r.stderr).not.toContain('Vouliez-vous dire');
        console.log(`[abus] XLSX à texte partagé de 4 Mo : refusé en ${seconds.toFixed(1)} s`);
    });

    it('XLSX : bombe de décompression (cellule de 64 Mo dans un fichier de quelques Ko) refusée avant lecture', async () => {
        const dir = temp();
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Cohorte');
        ws.addRow(['candidat', 'C1.1']);
        ws.addRow(['1', 'A'.repeat(64 * 1024 * 1024)]);
        const file = path.join(dir, 'bombe.xlsx');
        await wb.xlsx.writeFile(file);
        const size = statSync(file).size;
        const r = await runCliAsync(['evaluate', '--referentiel', REF, file], { env: { NODE_OPTIONS: '--max-old-space-size=256' } });
        expectCleanFailure(r);
        expect(r.stderr).toMatch(/Classeur refusé : l'entrée « xl\/\S+ » se décompresse en 64 Mo \(\d+ fois sa taille compressée/);
        console.log(`[abus] bombe XLSX de ${Math.round(size / 1024)} Ko → 64 Mo : refusée`);
    }, 120_000);
});

describe('§4 — rien de perdu ni d\'écrit à moitié', () => {
    it('--out égal à une entrée : refusé dans les 4 cas (dossier JSON, cohorte CSV, lint -o .ref, export --out .ref), source intacte', () => {
        const dir = temp();
        cpSync(REF, path.join(dir, 'ref'), { recursive: true });
        const ref = path.join(dir, 'ref', 'essai.ref');
        const json = path.join(dir, 'essai.candidat.json');
        cpSync(JSON_OK, json);
        const csv = write(dir, 'cohorte.csv', `${HEAD}\n${ROW}\n`);
        const link = path.join(dir, 'lien.csv');
        symlinkSync(csv, link);
        const before = [ref, json, csv].map(sha);
        const cases = [
            runCli(['evaluate', '--referentiel', path.join(dir, 'ref'), json, '--out', json]),
            runCli(['evaluate', '--referentiel', path.join(dir, 'ref'), csv, '--format', 'csv', '--out', link]),
            runCli(['lint', path.join(dir, 'ref'), '-o', ref]),
            runCli(['export', path.join(dir, 'ref'), '--out', path.join(dir, 'ref', '.', 'essai.ref')])
        ];
        for (const r of cases) {
            expectCleanFailure(r);
            expect(r.stderr).toContain('est aussi un fichier lu');
        }
        expect([ref, json, csv].map(sha)).toEqual(before);
        console.log(`[abus] --out égal à une entrée : ${cases.length}/${cases.length} refusés, sources intactes`);
    }, 180_000);

    it('--out dans un dossier en lecture seule : code 2, message, aucun fichier temporaire laissé', () => {
        const dir = temp();
        const locked = path.join(dir, 'verrouille');
        mkdirSync(locked);
        chmodSync(locked, 0o555);
        later(() => chmodSync(locked, 0o755));
        // root passe outre les droits : /sys refuse toute création, même à root.
        const out = process.getuid?.() === 0 ? '/sys/referentiel-rapport.txt' : path.join(locked, 'rapport.txt');
        const r = evaluate([JSON_OK, '--out', out]);
        expectCleanFailure(r);
        expect(r.stderr).toMatch(/écriture impossible \((EACCES|EPERM|EROFS)\)\. Rien n'a été écrit\./);
        expect(temporaries(locked)).toEqual([]);
        expect(existsSync(out)).toBe(false);
    });

    it('disque plein (/dev/full) : en --out comme sur la sortie standard, code 2 et message', async () => {
        const r = evaluate([JSON_OK, '--out', '/dev/full']);
        expectCleanFailure(r);
        expect(r.stderr).toContain('/dev/full : écriture impossible (ENOSPC)');
        expect(existsSync('/dev/full') && statSync('/dev/full').isCharacterDevice()).toBe(true);

        const full = openSync('/dev/full', 'w');
        const stdout = await new Promise<{ code: number; stderr: string }>((resolve, reject) => {
            const child = spawn(process.execPath, [BIN, 'evaluate', '--referentiel', REF, JSON_OK], { cwd: ROOT, env: cliEnv(), stdio: ['ignore', full, 'pipe'] });
            let stderr = '';
            child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
            child.on('error', reject);
            child.on('close', code => resolve({ code: code ?? -1, stderr }));
        });
        closeSync(full);
        expectCleanFailure(stdout);
        expect(stdout.stderr).toContain('Sortie standard : écriture impossible (ENOSPC)');
    });

    it('--out un dossier : message clair, pas « Erreur interne »', () => {
        const dir = temp();
        const r = evaluate([JSON_OK, '--format', 'html', '--out', dir]);
        expectCleanFailure(r);
        expect(r.stderr).toContain(`${dir} est un dossier : donnez le nom du fichier à écrire (par exemple ${dir}/rapport.html)`);
    });

    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        it(`${signal} pendant une cohorte : le fichier temporaire (0600, à côté de la cible) est retiré`, async () => {
            const dir = temp();
            const rows = Array.from({ length: 60_000 }, (_, i) => `X-${i};Nom ${i};30/06/2026;A;A;A;S;S;S;14;12;6;`);
            const csv = write(dir, 'grande.csv', `${HEAD}\n${rows.join('\n')}\n`);
            const out = path.join(dir, 'rapport.json');
            const child = spawn(process.execPath, [BIN, 'evaluate', '--referentiel', REF, csv, '--format', 'json', '--out', out], { cwd: ROOT, env: cliEnv() });
            let stderr = '';
            child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
            const closed = new Promise<number | null>(resolve => child.on('close', (code, sig) => resolve(code ?? (sig ? -1 : null))));
            let seen: string | undefined;
            let mode = 0;
            for (let i = 0; i < 6000 && !seen; i++) {
                await new Promise(resolve => setTimeout(resolve, 20));
                const found = temporaries(dir)[0];
                if (found) {
                    seen = found;
                    mode = statSync(path.join(dir, found)).mode & 0o777;
                }
            }
            expect(seen, stderr).toBeDefined();
            expect(seen).toMatch(/^\.rapport\.json\.\d+\.\d+\.tmp$/);
            expect(mode.toString(8)).toBe('600');
            child.kill(signal);
            const code = await closed;
            expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
            expect(temporaries(dir)).toEqual([]);
            expect(existsSync(out)).toBe(false);
        }, 180_000);
    }

    it('rapport publié : mode habituel (pas 0600), fichier remplacé : son mode est gardé', () => {
        const dir = temp();
        const out = path.join(dir, 'rapport.txt');
        expect(evaluate([JSON_OK, '--out', out]).code).toBe(0);
        expect(statSync(out).mode & 0o777).toBe(0o666 & ~process.umask());
        chmodSync(out, 0o640);
        expect(evaluate([JSON_OK, '--out', out]).code).toBe(0);
        expect(statSync(out).mode & 0o777).toBe(0o640);
    });

    it('CSV commencé en Windows-1252 et continué en UTF-8 : refusé à la ligne UTF-8', () => {
        const dir = temp();
        const file = write(dir, 'mixte.csv', Buffer.concat([
            Buffer.from(`${HEAD}\n`, 'latin1'),
            Buffer.from('2026-0001;L\xe9a Dupr\xe9;30/06/2026;A;A;A;S;S;S;14;12;6;\n', 'latin1'),
            Buffer.from('2026-0002;Zoé Lefèvre;30/06/2026;A;A;A;S;S;S;14;12;6;\n', 'utf8')
        ]));
        const r = evaluate([file]);
        expectCleanFailure(r);
        expect(r.stderr).toContain(`${file}:3:`);
        expect(r.stderr).toContain('commence en Windows-1252 (octet non UTF-8 ligne 2) puis continue en UTF-8 ici');
        expect(r.stdout).toBe('');
    });

    it('cohorte réduite à sa ligne d\'en-tête : une erreur, pas un succès vide', () => {
        const dir = temp();
        const file = write(dir, 'vide.csv', `${HEAD}\n\n`);
        const r = evaluate([file]);
        expectCleanFailure(r);
        expect(r.stderr).toContain('La cohorte n\'a aucune ligne de candidat');
    });
});

describe('§5 — les sorties ne se retournent pas contre leurs lecteurs', () => {
    const HOSTILE = 'Eve\n::error file=ci.yml,line=1::faux\u001b[2J\u202Eevil\u0085';

    it('evaluate text : nom hostile neutralisé (ni saut de ligne, ni échappement, ni contrôle de direction)', () => {
        const dir = temp();
        const file = write(dir, 'eve.candidat.json', JSON.stringify({ ...JSON.parse(readFileSync(JSON_OK, 'utf8')), candidat: { id: '2026-0043', nom: HOSTILE } }));
        const r = evaluate([file]);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).not.toMatch(/^::/m);
        expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
        expect(r.stdout).toContain('Eve\\n::error file=ci.yml,line=1::faux\\x1B[2J\\u202Eevil\\x85');
    });

    it('HTML : contrôles de direction retirés, page toujours complète', () => {
        const dir = temp();
        const file = write(dir, 'eve.candidat.json', JSON.stringify({ ...JSON.parse(readFileSync(JSON_OK, 'utf8')), candidat: { id: '2026-0043', nom: 'Eve\u202Elive\u2066x\u2069' } }));
        const r = evaluate([file, '--format', 'html']);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).not.toMatch(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
        expect(r.stdout).toContain('Evelivex');
    });

    it('lint stylish et github, erreurs : un nom de fichier hostile ne forge pas d\'annotation', () => {
        const dir = temp();
        const name = 'a\n::error file=forge.ref,line=1::faux\u001b]0;titre\u0007.ref';
        writeFileSync(path.join(dir, name), 'bloc BC01 "x" {\n  compétence C1 "y" issue de INCONNU\n}\n');
        for (const format of ['stylish', 'github']) {
            const r = runCli(['lint', dir, '--format', format]);
            expect(r.code, r.stderr).toBe(1);
            expect(r.stdout).not.toMatch(/^::error file=forge/m);
            expect(r.stdout).not.toMatch(/[\u0007\u001b]/);
        }
        const bad = write(dir, 'x\n::error file=forge::faux.candidat.json', '{');
        const r = evaluate([bad]);
        expectCleanFailure(r);
        expect(r.stderr).not.toMatch(/^::error/m);
        expect(r.stderr).toContain('x\\n::error file=forge::faux.candidat.json:1:');
    }, 180_000);

    it('JUnit reste bien formé avec U+FFFE et U+FFFF dans un nom de fichier', () => {
        const dir = temp();
        writeFileSync(path.join(dir, 'b\uFFFE\uFFFF.ref'), 'bloc BC01 "x" {\n  compétence C1 "y" issue de INCONNU\n}\n');
        const r = runCli(['lint', dir, '--format', 'junit']);
        expect(r.code, r.stderr).toBe(1);
        expect(xmlError(r.stdout)).toBeUndefined();
        expect(r.stdout).toContain('<failure');
    });
});

describe('§6 — données personnelles', () => {
    const NAME = 'Camille Martin';
    const ALSO = 'DUPRÉ';

    it('un nom dans une mauvaise cellule ou un mauvais champ n\'apparaît dans aucun message (14 sondes)', async () => {
        const dir = temp();
        const csvRow = (cells: Record<number, string>): string => {
            const base = ROW.split(';');
            for (const [i, v] of Object.entries(cells)) base[Number(i)] = v;
            return base.join(';');
        };
        const probes: Array<[string, string]> = [
            ['compétence', write(dir, 'p1.csv', `${HEAD}\n${csvRow({ 3: NAME })}\n`)],
            ['critère', write(dir, 'p2.csv', `${HEAD}\n${csvRow({ 6: NAME })}\n`)],
            ['épreuve', write(dir, 'p3.csv', `${HEAD}\n${csvRow({ 9: NAME })}\n`)],
            ['mesure', write(dir, 'p4.csv', `${HEAD}\n${csvRow({ 11: ALSO })}\n`)],
            ['date', write(dir, 'p5.csv', `${HEAD}\n${csvRow({ 2: NAME })}\n`)],
            ['blocs', write(dir, 'p6.csv', `${HEAD}\n${csvRow({ 12: NAME })}\n`)],
            ['cellule en trop', write(dir, 'p7.csv', `${HEAD}\n${ROW};${NAME}\n`)],
            ['identifiant', write(dir, 'p8.csv', `${HEAD}\n${csvRow({ 0: NAME, 3: 'peut-être' })}\n`)],
            ['JSON compétence', write(dir, 'p9.candidat.json', JSON.stringify({ referentiel: 'ESSAI-COHORTE', candidat: { id: '1' }, competences: { 'C1.1': NAME } }))],
            ['JSON note', write(dir, 'p10.candidat.json', JSON.stringify({ referentiel: 'ESSAI-COHORTE', candidat: { id: '1' }, epreuves: { memoire: NAME } }))],
            ['JSON clé', write(dir, 'p11.candidat.json', JSON.stringify({ referentiel: 'ESSAI-COHORTE', candidat: { id: '1' }, competences: { [ALSO]: 'A' } }))],
            ['JSON sans guillemets', write(dir, 'p12.candidat.json', `{"referentiel": "ESSAI-COHORTE", "candidat": {"id": "1", "nom": ${ALSO}}}`)],
            ['JSON date', write(dir, 'p13.candidat.json', JSON.stringify({ referentiel: 'ESSAI-COHORTE', candidat: { id: '1' }, dateEvaluation: NAME }))]
        ];
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Cohorte');
        ws.addRow(HEAD.split(';'));
        ws.addRow(csvRow({ 4: NAME }).split(';'));
        const xlsx = path.join(dir, 'p14.xlsx');
        await wb.xlsx.writeFile(xlsx);
        probes.push(['XLSX compétence', xlsx]);
        let leaks = 0;
        for (const [label, file] of probes) {
            const r = evaluate([file]);
            expect(r.code, `${label} : ${r.stderr}`).toBe(2);
            expect(r.stderr, label).toMatch(/caractères? masqués?|peut-être/);
            if (r.stderr.includes(NAME) || r.stderr.includes('Camille') || r.stderr.includes(ALSO)) {
                leaks++;
                console.log(`[abus] fuite : ${label} : ${r.stderr}`);
            }
        }
        console.log(`[abus] noms dans une mauvaise cellule : ${leaks}/${probes.length} fuites`);
        expect(leaks).toBe(0);
    }, 300_000);

    it('--anonymize : ni identifiant ni nom dans aucun format ; même --sel, mêmes pseudonymes', () => {
        const dir = temp();
        const csv = write(dir, 'cohorte.csv', `${HEAD}\n${ROW}\n2026-0002;Léa Dupré;30/06/2026;A;NA;A;S;S;S;9;11;6;\n`);
        const secrets = ['2026-0001', '2026-0002', 'Camille', 'Martin', 'Léa', 'Dupré', '2026-0043'];
        const pseudonyms = new Set<string>();
        for (const format of ['text', 'json', 'html', 'csv']) {
            const r = evaluate([csv, JSON_OK, '--format', format, '--anonymize', '--sel', 'secret-de-session']);
            expect(r.code, r.stderr).toBe(0);
            for (const s of secrets) {
                expect(r.stdout, `${format} : ${s}`).not.toContain(s);
                expect(r.stderr).not.toContain(s);
            }
            for (const m of r.stdout.matchAll(/anon-[0-9a-f]{16}/g)) pseudonyms.add(m[0]);
        }
        // Trois candidats, les mêmes pseudonymes dans les quatre formats.
        expect(pseudonyms.size).toBe(3);
        const again = evaluate([csv, '--format', 'json', '--anonymize', '--sel', 'secret-de-session']);
        const other = evaluate([csv, '--format', 'json', '--anonymize', '--sel', 'autre']);
        const random = evaluate([csv, '--format', 'json', '--anonymize']);
        const ids = (out: string): string[] => (JSON.parse(out) as { resultats: Array<{ candidat: { id: string } }> }).resultats.map(x => x.candidat.id);
        expect(ids(again.stdout).every(id => pseudonyms.has(id))).toBe(true);
        expect(ids(other.stdout).some(id => pseudonyms.has(id))).toBe(false);
        expect(ids(random.stdout).some(id => pseudonyms.has(id))).toBe(false);
        expect(random.stderr).toContain('sel aléatoire non conservé');
        expect(JSON.stringify(JSON.parse(random.stdout))).not.toMatch(/Camille|Dupré/);
    }, 300_000);
});
