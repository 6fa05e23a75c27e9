/**
 * Issue 14, second passage : ce que security-io.test.ts ne vérifiait pas encore.
 * - §3 : chaque entrée démesurée mesurée par l'issue, à deux tailles (n et 8 n) dans la vraie ligne
 *   de commande : le temps croît au plus linéairement (rapport des temps, jamais une durée fixe),
 *   et le refus est un message clair.
 * - §5 : toutes les sorties lisibles de toutes les commandes (lint, format, export, import,
 *   evaluate, verify) neutralisent un nom de fichier hostile ; JUnit reste valide selon le schéma
 *   xunit de Jenkins avec des caractères interdits en XML ; l'export HTML retire les contrôles de
 *   direction.
 * - §6 : un nom de candidat marqueur n'apparaît jamais sur la sortie d'erreur ni, hors du rapport
 *   demandé, sur la sortie standard — ligne de commande (tous les formats, vers des fichiers ;
 *   mauvaises cellules) et serveur de langage (commande referentiel.evaluer sur stdio).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import type { ResponseError } from 'vscode-languageserver-protocol';
import { validateXML } from 'xmllint-wasm';
import type { EvaluateResult } from '../../language-server/src/protocol/commands.js';
import { TestClient } from '../protocol/client.js';
import { BIN, ROOT, cliEnv, runCli, type CliResult, useCleanups, writeIn as write, xmlError } from './run.js';

const { temp, later, forget } = useCleanups();

vi.setConfig({ testTimeout: 300_000 });

const REF = path.join(ROOT, 'test/fixtures/candidats/referentiel');
const JSON_OK = path.join(ROOT, 'test/fixtures/candidats/json/essai.candidat.json');
const RNCP_EXPORT = path.join(ROOT, 'test/fixtures/interop/rncp/export_fiches_RNCP_V4_1_12fiches.xml');
const DOCX = path.join(ROOT, 'test/fixtures/docx/data-engineer.docx');
const HEAD = 'candidat;nom;date_evaluation;C1.1;C1.2;C2.1;CR1.1.1;CR1.1.2;CR2.1.1;memoire;soutenance;periode_entreprise;blocs_acquis';
const ROW = '2026-0001;Camille Martin;30/06/2026;A;A;A;S;S;S;14,5;12;6;';

/** Le processus complet, chronométré (démarrage compris : le même pour les deux tailles). */
function timed(args: string[]): CliResult & { ms: number } {
    const t0 = performance.now();
    const r = runCli(args);
    return { ...r, ms: performance.now() - t0 };
}

function expectCleanFailure(r: { code: number; stderr: string }): void {
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(/Erreur interne|\n\s+at .+:\d+:\d+/);
}

describe('§3 — chaque entrée démesurée de l\'issue : refusée clairement, en temps au plus linéaire', () => {
    // Taille × 8 : linéaire → au plus 8 ; on tolère 3 fois plus (machine chargée) ; quadratique → 64.
    const FACTOR = 8;
    const within = (name: string, small: { ms: number }, large: { ms: number }): void => {
        const ratio = large.ms / small.ms;
        console.log(`[abus] ${name} : n → ${(small.ms / 1000).toFixed(1)} s, ${FACTOR} n → ${(large.ms / 1000).toFixed(1)} s (rapport ${ratio.toFixed(1)})`);
        expect(ratio).toBeLessThan(3 * FACTOR);
    };

    it('ligne de séparateurs (avant : 200 Mo = 175 s, 2,4 Go, erreur interne) : 1 Mo puis 8 Mo', () => {
        const dir = temp();
        const runs = [1, FACTOR].map(mb => {
            const file = write(dir, `sep${mb}.csv`, `${HEAD}\n${';'.repeat(mb * 1024 * 1024)}\n`);
            const r = timed(['evaluate', '--referentiel', REF, file]);
            expectCleanFailure(r);
            expect(r.stderr).toMatch(/:2:\d+ (CSV mal formé : ligne de plus de 1048576 caractères|Ligne 2 : \d+ cellules, au-delà de la limite de 16384 colonnes)/);
            return r;
        });
        within('ligne CSV de séparateurs', runs[0], runs[1]);
    });

    it('texte partagé XLSX démesuré (avant : 4 Mo = 75 s de « vouliez-vous dire ») : 512 Ko puis 4 Mo', async () => {
        const dir = temp();
        const runs = [];
        for (const kb of [512, 512 * FACTOR]) {
            const wb = new ExcelJS.Workbook();
            wb.addWorksheet('Cohorte').addRow(['candidat', 'Z'.repeat(kb * 1024)]);
            const file = path.join(dir, `entete${kb}.xlsx`);
            await wb.xlsx.writeFile(file);
            const r = timed(['evaluate', '--referentiel', REF, file]);
            expectCleanFailure(r);
            expect(r.stderr).toMatch(new RegExp(`Classeur refusé|cellule de ${kb * 1024} caractères`));
            expect(r.stderr).not.toContain('Vouliez-vous dire');
            runs.push(r);
        }
        within('texte partagé XLSX', runs[0], runs[1]);
    });

    it('bombe XLSX (avant : 314 Ko → cellule de 300 Mo, 1,73 Go, acceptée) : 4 Mo puis 32 Mo décompressés', async () => {
        const dir = temp();
        const runs = [];
        for (const mb of [4, 4 * FACTOR]) {
            const wb = new ExcelJS.Workbook();
            const ws = wb.addWorksheet('Cohorte');
            ws.addRow(['candidat', 'C1.1']);
            ws.addRow(['1', 'A'.repeat(mb * 1024 * 1024)]);
            const file = path.join(dir, `bombe${mb}.xlsx`);
            await wb.xlsx.writeFile(file);
            const r = timed(['evaluate', '--referentiel', REF, file]);
            expectCleanFailure(r);
            expect(r.stderr).toMatch(/Classeur refusé : l'entrée « xl\/\S+ » se décompresse en \d+ Mo \(\d+ fois sa taille compressée/);
            runs.push(r);
        }
        within('bombe XLSX', runs[0], runs[1]);
    });

    it('JSON imbriqué (avant : débordement de pile) : 12 500 puis 100 000 niveaux', () => {
        const dir = temp();
        const runs = [12_500, 12_500 * FACTOR].map(depth => {
            const file = write(dir, `profond${depth}.candidat.json`, '{"referentiel":"ESSAI-COHORTE","x":' + '['.repeat(depth) + ']'.repeat(depth) + '}');
            const r = timed(['evaluate', '--referentiel', REF, file]);
            expectCleanFailure(r);
            expect(r.stderr).toContain('objets ou listes imbriqués sur plus de 64 niveaux');
            return r;
        });
        within('JSON imbriqué', runs[0], runs[1]);
    });

    it('colonnes inconnues (avant : 50 000 colonnes = 50 001 lignes d\'erreur) : 2 000 puis 16 000, 22 lignes chaque fois', () => {
        const dir = temp();
        const runs = [2000, 2000 * FACTOR].map(count => {
            const header = ['candidat', ...Array.from({ length: count }, (_, i) => `X${i}`)].join(';');
            const file = write(dir, `colonnes${count}.csv`, `${header}\n1${';'.repeat(count)}\n`);
            const r = timed(['evaluate', '--referentiel', REF, file]);
            expectCleanFailure(r);
            const lines = r.stderr.trim().split('\n');
            expect(lines).toHaveLength(22);
            expect(lines[20]).toBe(`… et ${count - 20} autres problèmes dans ${file} (les 20 premiers sont montrés).`);
            return r;
        });
        within('colonnes inconnues', runs[0], runs[1]);
        // 50 000 colonnes : au-delà de la borne des colonnes, une seule ligne d'erreur.
        const header = ['candidat', ...Array.from({ length: 50_000 }, (_, i) => `X${i}`)].join(';');
        const r = runCli(['evaluate', '--referentiel', REF, write(dir, 'colonnes50000.csv', `${header}\n1\n`)]);
        expectCleanFailure(r);
        expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
        expect(r.stderr).toContain('50001 cellules, au-delà de la limite de 16384 colonnes');
    });

    it('registre RNCP imbriqué (avant : 100 000 niveaux = 147 s) : 12 500 puis 100 000 niveaux', () => {
        const dir = temp();
        const runs = [12_500, 12_500 * FACTOR].map(depth => {
            const xml = write(dir, `profond${depth}.xml`, `<FICHES>\n<FICHE>${'<X>'.repeat(depth)}${'</X>'.repeat(depth)}</FICHE></FICHES>\n`);
            const r = timed(['import', 'rncp', xml, '--all', '--out', path.join(dir, `rien${depth}`)]);
            expectCleanFailure(r);
            expect(r.stderr).toContain('plus de 64 niveaux d\'éléments imbriqués');
            return r;
        });
        within('registre RNCP imbriqué', runs[0], runs[1]);
    });

    it('champ du registre RNCP démesuré (avant : 200 Mo = 2,8 Go) : 8 Mo puis 64 Mo', () => {
        const dir = temp();
        const runs = [8, 8 * FACTOR].map(mb => {
            const xml = write(dir, `champ${mb}.xml`, `<FICHES>\n<FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE><ACTIVITES_VISEES>${'x'.repeat(mb * 1024 * 1024)}</ACTIVITES_VISEES></FICHE></FICHES>\n`);
            const r = timed(['import', 'rncp', xml, '--all', '--out', path.join(dir, `rien${mb}`)]);
            expectCleanFailure(r);
            expect(r.stderr).toContain('ACTIVITES_VISEES');
            expect(r.stderr).toContain('Rien n\'a été écrit.');
            return r;
        });
        within('champ du registre RNCP', runs[0], runs[1]);
    });

    it('mot démesuré à la place d\'un mot-clé (avant : 1 Mo = 30 s de distance d\'édition) : 128 Ko puis 1 Mo', () => {
        const dir = temp();
        const runs = [128, 128 * FACTOR].map(kb => {
            const folder = path.join(dir, `mot${kb}`);
            mkdirSync(folder);
            write(folder, 'a.ref', `bloc${'x'.repeat(kb * 1024)} BC01 "x" {\n}\n`);
            const r = timed(['lint', folder]);
            expect(r.code, r.stderr).toBe(1);
            expect(r.stdout).toContain('REF001');
            return r;
        });
        within('mot démesuré', runs[0], runs[1]);
    });
});

// Tout ce qu'un fichier peut glisser dans une ligne lue par une personne : fin de ligne et fausse
// annotation GitHub, échappement de terminal, contrôle de direction, contrôles C1 (NEL, CSI).
const HOSTILE = 'd\n::error file=x::forge\u001b[2J\u202Eevil\u0085\u009B';
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

function expectNeutral(label: string, r: CliResult): void {
    const all = r.stdout + r.stderr;
    expect(all, label).not.toMatch(RAW_CONTROL);
    expect(all, label).not.toMatch(/^::error file=x::/m);
    expect(all, label).not.toContain('Erreur interne');
}

describe('§5 — aucune sortie lisible ne laisse passer un contrôle, même dans un nom de fichier', () => {
    it('lint, format, export, import, evaluate, verify : un dossier au nom hostile', () => {
        const dir = path.join(temp(), HOSTILE);
        mkdirSync(dir);
        cpSync(REF, path.join(dir, 'ref'), { recursive: true });
        const ref = path.join(dir, 'ref');
        const messy = path.join(dir, 'desordre');
        mkdirSync(messy);
        // Un fichier à remettre en forme, un autre qui a une erreur de syntaxe (et un caractère hostile).
        writeFileSync(path.join(messy, `m${HOSTILE}.ref`), 'certification   X "X" {\nniveau 6\n}\n');
        const broken = path.join(dir, 'casse');
        mkdirSync(broken);
        writeFileSync(path.join(broken, `c${HOSTILE}.ref`), 'certification X "X" {\n}\nbloc BC01 "B" \u0001\u202E\u009B {\n}\n');
        const cases: Array<[string, CliResult]> = [
            ['lint stylish', runCli(['lint', ref, broken])],
            ['lint github', runCli(['lint', ref, broken, '--format', 'github'])],
            ['format --check', runCli(['format', '--check', messy])],
            ['format (erreur de syntaxe)', runCli(['format', broken])],
            ['format', runCli(['format', messy])],
            ['export json', runCli(['export', ref, '--out', path.join(dir, 'o.json')])],
            ['export html', runCli(['export', ref, '--format', 'html', '--out', path.join(dir, 'o.html')])],
            ['import rncp', runCli(['import', 'rncp', RNCP_EXPORT, '--fiche', 'RNCP37674', '--out', path.join(dir, 'rncp')])],
            ['import docx', runCli(['import', 'docx', DOCX, '--out', path.join(dir, 'docx')])],
            ['evaluate --out', runCli(['evaluate', '--referentiel', ref, JSON_OK, '--out', path.join(dir, 'r.txt')])],
            ['evaluate openbadges', runCli(['evaluate', '--referentiel', ref, JSON_OK, '--format', 'openbadges', '--out', path.join(dir, 'badges')])],
            ['evaluate (dossier illisible)', runCli(['evaluate', '--referentiel', ref, path.join(dir, 'absent.candidat.json')])],
            ['verify', runCli(['verify', path.join(dir, 'absent.json')])]
        ];
        for (const [label, r] of cases) {
            expect(r.code, `${label} : ${r.stderr}`).toBeLessThanOrEqual(2);
            expectNeutral(label, r);
        }
        // Les commandes ont bien parlé du fichier hostile (échappé), pas d'autre chose.
        const said = cases.map(([, r]) => r.stdout + r.stderr).join('\n');
        expect(said).toContain('d\\n::error file=x::forge\\x1B[2J\\u202Eevil\\x85\\x9B');
        expect(cases.filter(([, r]) => (r.stdout + r.stderr).includes('\\x1B[2J')).map(([label]) => label)).toEqual(cases.map(([label]) => label));
    });

    it('JUnit : caractères interdits en XML (U+FFFE, U+FFFF, C0) dans un nom de fichier et un message → valide selon le schéma xunit', async () => {
        const dir = temp();
        writeFileSync(path.join(dir, 'b\uFFFE\uFFFF\u0001\u001B.ref'), 'certification X "X" {\n}\nbloc BC01 "B" \u0001\uFFFF\uFFFE\u0008 {\n}\n');
        const r = runCli(['lint', dir, '--format', 'junit']);
        expect(r.code, r.stderr).toBe(1);
        expect(xmlError(r.stdout)).toBeUndefined();
        const result = await validateXML({
            xml: [{ fileName: 'rapport.xml', contents: r.stdout }],
            schema: [{ fileName: 'junit-10.xsd', contents: readFileSync(path.join(ROOT, 'test/fixtures/standards/jenkins-xunit-junit-10.xsd'), 'utf8') }]
        });
        expect(result.errors.map(e => e.message)).toEqual([]);
        expect(result.valid).toBe(true);
        expect(r.stdout).toContain('<failure');
        expect(r.stdout).toContain('Caractère inattendu');
    });

    it('export HTML : les contrôles de direction des textes du référentiel sont retirés', () => {
        const dir = temp();
        const source = readFileSync(path.join(REF, 'essai.ref'), 'utf8');
        const title = /certification\s+\S+\s+"([^"]+)"/.exec(source)![1];
        writeFileSync(path.join(dir, 'essai.ref'), source.replace(`"${title}"`, `"${title} \u202Eevil\u2066x\u2069"`));
        const out = path.join(dir, 'o.html');
        const r = runCli(['export', dir, '--format', 'html', '--out', out]);
        expect(r.code, r.stderr).toBe(0);
        const html = readFileSync(out, 'utf8');
        expect(html).not.toMatch(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
        expect(html).toContain('evilx');
    });
});

describe('§6 — un nom de candidat n\'apparaît ni sur la sortie d\'erreur, ni dans les messages, ni dans le journal du serveur', () => {
    const MARKER = 'Zéphyrinmarqueur';
    const NAME = `${MARKER} Quintavalle`;
    const withName = (row: string): string => row.replace('Camille Martin', NAME);

    it('ligne de commande : tous les formats vers des fichiers, puis le nom dans de mauvaises cellules', async () => {
        const dir = temp();
        const csv = write(dir, 'cohorte.csv', `${HEAD}\n${withName(ROW)}\n`);
        const json = write(dir, 'c.candidat.json', JSON.stringify({ ...JSON.parse(readFileSync(JSON_OK, 'utf8')), candidat: { id: '2026-0043', nom: NAME } }));
        for (const format of ['text', 'json', 'html', 'csv', 'openbadges']) {
            const out = path.join(dir, format === 'openbadges' ? 'badges' : `rapport.${format}`);
            const r = runCli(['evaluate', '--referentiel', REF, csv, json, '--format', format, '--out', out]);
            expect(r.code, r.stderr).toBe(0);
            expect(r.stdout + r.stderr, format).not.toContain(MARKER);
            // Le rapport demandé, lui, porte le nom (le CSV et les badges ne le portent pas) : le marqueur est bien une donnée du dossier.
            const written = format === 'openbadges' ? readdirSync(out).map(f => readFileSync(path.join(out, f), 'utf8')).join('') : readFileSync(out, 'utf8');
            if (['text', 'json', 'html'].includes(format)) expect(written, format).toContain(MARKER);
        }
        const wrong = [
            write(dir, 'w1.csv', `${HEAD}\n${ROW.replace(';A;A;A;', `;${NAME};A;A;`)}\n`),
            write(dir, 'w2.csv', `${HEAD}\n${ROW.replace('30/06/2026', NAME)}\n`),
            write(dir, 'w3.csv', `${HEAD}\n${ROW};${NAME}\n`),
            write(dir, 'w4.candidat.json', JSON.stringify({ referentiel: 'ESSAI-COHORTE', candidat: { id: '1' }, competences: { 'C1.1': NAME } })),
            write(dir, 'w5.candidat.json', JSON.stringify({ referentiel: 'ESSAI-COHORTE', candidat: { id: '1' }, epreuves: { memoire: NAME } })),
            write(dir, 'w6.candidat.json', `{"referentiel": "ESSAI-COHORTE", "candidat": {"id": "1", "nom": ${MARKER}}}`),
            // Trouvé par le fuzzing (test/fuzz/candidates.test.ts) : un nom collé à un code, dans une clé.
            write(dir, 'w8.candidat.json', JSON.stringify({ referentiel: 'ESSAI-COHORTE', candidat: { id: '1' }, competences: { [`C1${MARKER}.1`]: 'acquise' } }))
        ];
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Cohorte');
        ws.addRow(HEAD.split(';'));
        ws.addRow(ROW.replace(';S;S;S;', `;${NAME};S;S;`).split(';'));
        const xlsx = path.join(dir, 'w7.xlsx');
        await wb.xlsx.writeFile(xlsx);
        wrong.push(xlsx);
        // Chaque format tour à tour (le refus d'une entrée ne dépend pas du format demandé).
        const formats = ['text', 'json', 'html', 'csv'];
        wrong.forEach((file, i) => {
            const format = formats[i % formats.length];
            const r = runCli(['evaluate', '--referentiel', REF, file, '--format', format, '--out', path.join(dir, `faux.${format}`)]);
            expect(r.code, `${file} ${format} : ${r.stderr}`).toBe(2);
            expect(r.stderr).toMatch(/masqués?/);
            expect(r.stdout + r.stderr, `${path.basename(file)} ${format}`).not.toContain(MARKER);
        });
    });

    it('serveur de langage : referentiel.evaluer sur stdio, rien du nom hors du rapport rendu', async () => {
        const folder = temp();
        cpSync(REF, path.join(folder, 'ref'), { recursive: true });
        const good = write(folder, 'bon.candidat.json', JSON.stringify({ ...JSON.parse(readFileSync(JSON_OK, 'utf8')), candidat: { id: '2026-0043', nom: NAME } }));
        const wrongJson = write(folder, 'faux.candidat.json', JSON.stringify({ referentiel: 'ESSAI-COHORTE', candidat: { id: '1' }, competences: { 'C1.1': NAME } }));
        const wrongCsv = write(folder, 'faux.csv', `${HEAD}\n${ROW.replace('30/06/2026', NAME)}\n`);
        const client = new TestClient();
        later(() => client.stop());
        // Tout ce que le serveur écrit sur sa sortie standard, message par message.
        const raw: Buffer[] = [];
        client.child.stdout.on('data', (d: Buffer) => raw.push(d));
        const notifications: string[] = [];
        for (const method of ['window/logMessage', 'window/showMessage', 'telemetry/event']) {
            client.connection.onNotification(method, (params: unknown) => { notifications.push(JSON.stringify(params)); });
        }
        client.settings = { referentiel: { regles: {}, langue: 'auto' } };
        await client.initialize(folder);
        const evaluer = (arg: unknown): Promise<EvaluateResult> => client.request<EvaluateResult>('workspace/executeCommand', { command: 'referentiel.evaluer', arguments: [arg] });

        const result = await evaluer({ uri: pathToFileURL(good).toString() });
        expect(result.html).toContain(MARKER);
        const fromJson = await evaluer({ uri: pathToFileURL(wrongJson).toString() });
        expect(fromJson.diagnostics.length).toBeGreaterThan(0);
        expect(JSON.stringify(fromJson)).not.toContain(MARKER);
        let fromCsv: EvaluateResult | undefined;
        try {
            fromCsv = await evaluer({ uri: pathToFileURL(wrongCsv).toString() });
        } catch (error) {
            expect((error as ResponseError<unknown>).message).not.toContain(MARKER);
        }
        if (fromCsv) {
            expect(fromCsv.diagnostics.length).toBeGreaterThan(0);
            expect(JSON.stringify(fromCsv)).not.toContain(MARKER);
        }
        await client.stop();
        forget();

        // Les messages du serveur, un par un : seul le rapport rendu (la réponse qui porte `html`) cite le nom.
        const stdout = Buffer.concat(raw).toString('utf8');
        const messages = stdout.split(/Content-Length: \d+\r\n\r\n/).filter(Boolean).map(m => JSON.parse(m) as { result?: { html?: string } });
        expect(messages.length).toBeGreaterThan(3);
        const carrying = messages.filter(m => JSON.stringify(m).includes(MARKER));
        expect(carrying).toHaveLength(1);
        expect(carrying[0].result?.html).toContain(MARKER);
        expect(client.stderr.join('')).not.toContain(MARKER);
        expect(notifications.join('\n')).not.toContain(MARKER);
    });
});

describe('§4 — Ctrl-C pendant une cohorte', () => {
    it('SIGINT : un message dit que rien n\'a été écrit, code 130, aucun temporaire', async () => {
        const dir = temp();
        const rows = Array.from({ length: 60_000 }, (_, i) => `X-${i};Nom ${i};30/06/2026;A;A;A;S;S;S;14;12;6;`);
        const csv = write(dir, 'grande.csv', `${HEAD}\n${rows.join('\n')}\n`);
        const out = path.join(dir, 'rapport.json');
        const child = spawn(process.execPath, [BIN, 'evaluate', '--referentiel', REF, csv, '--format', 'json', '--out', out], { cwd: ROOT, env: cliEnv() });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
        const closed = new Promise<number | null>(resolve => child.on('close', code => resolve(code)));
        for (let i = 0; i < 6000 && !readdirSync(dir).some(f => f.endsWith('.tmp')); i++) {
            await new Promise(resolve => setTimeout(resolve, 20));
        }
        child.kill('SIGINT');
        expect(await closed).toBe(130);
        expect(readdirSync(dir).filter(f => f.endsWith('.tmp'))).toEqual([]);
        expect(stderr).toContain('Interrompu (SIGINT) : rien n\'a été écrit, les fichiers temporaires sont retirés.');
        expect(stderr).not.toContain('Nom ');
    });
});
