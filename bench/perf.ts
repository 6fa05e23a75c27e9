/**
 * `npm run bench` : chaque ligne du tableau de l'issue 13 (docs/performance.md), mesurée comme un
 * rapport à son plancher, sur la même entrée déterministe (bench/generate.ts), dans la même
 * exécution : les machines sont partagées et bruitées, un rapport l'est beaucoup moins qu'un temps.
 * Médianes de mesures entrelacées (mesure, plancher, mesure, plancher…). Les rapports de débit
 * (démarrage, lint, évaluation) sont des rapports de temps processeur ; la frappe, la rafale et le
 * serveur prêt, des latences (temps écoulé).
 *
 *   --ci      exécution réduite (catalogue de 50, cohorte de 20 000) ; échoue (code 1) si un
 *             rapport dépasse son seuil de garde (bench/guard.json, marge documentée) ;
 *   --million ajoute la cohorte d'un million de candidats (plusieurs minutes) ;
 *   --seulement=lint,evaluation…  ne mesure que ces parties (demarrage, lint, memoire, frappe,
 *             rafale, evaluation, import-rncp ; memoire-lint : la mémoire du lint sans le serveur),
 *             pour comparer un changement sans tout refaire ;
 *   --rncp=10,100  les tailles (Mo) des exports du registre importés ;
 *   --lint=10,100,1000  --cohortes=10000,100000  les tailles mesurées ;
 *   --taille=realiste  les référentiels du lint et de la mémoire à la taille des vrais (≈ 46 Ko
 *             chacun, 46 Mo pour 1 000, comme le catalogue de l'issue 13) au lieu de ≈ 7 Ko.
 *
 * Écrit bench/results/<date>.json et bench/results/<date>.md (dossier ignoré par git).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { exportText } from '../language-server/src/core/export.js';
import { createReferentielServices } from '../language-server/src/referentiel-module.js';
import type { ReferentielModel } from '../language-server/src/model/referentiel-model.js';
import { burst, INSPECTOR_ENV, serverHeapAfterGc, serverRssKb } from '../test/protocol/burst.js';
import { TestClient } from '../test/protocol/client.js';
import { generateCatalogue, generateReferentiel, type CatalogueSize, type GeneratedFile } from './generate.js';
import { writeRncpExport } from './generate-rncp.js';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'referentiel.cjs');
const SAMPLE = path.join(ROOT, 'samples', 'data-engineer');
const ci = process.argv.includes('--ci');
const million = process.argv.includes('--million');
const NODE = process.execPath;
const option = (name: string): string | undefined => process.argv.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = option('seulement')?.split(',');
const wanted = (part: string): boolean => !only || only.includes(part);
const sizes = (name: string, fallback: number[]): number[] => option(name)?.split(',').map(Number) ?? fallback;
/** La taille des référentiels générés pour le lint et sa mémoire (`--taille=realiste`). */
const catalogueSize: CatalogueSize = option('taille') === 'realiste' ? 'realiste' : 'banc';
const sizeLabel = catalogueSize === 'realiste' ? ' (taille réaliste)' : '';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} Mo`;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Médianes de mesures entrelacées : chaque tour appelle toutes les fonctions, dans l'ordre. */
async function interleaved(rounds: number, fns: Array<() => Promise<number> | number>): Promise<number[]> {
    const times: number[][] = fns.map(() => []);
    for (let r = 0; r < rounds; r++) {
        for (let i = 0; i < fns.length; i++) times[i].push(await fns[i]());
    }
    return times.map(median);
}

/** Temps processeur (utilisateur + système) de ce processus, en ms : les mesures en mémoire. */
function cpuMs(): number {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
}

/**
 * Lance un processus et rend son temps **processeur** (utilisateur + système, en ms, écrit à sa
 * sortie par bench/cpu-report.cjs) ; le temps écoulé est gardé dans `walls` pour le détail.
 * Sur une machine partagée, le temps écoulé d'un processus double quand la charge double ; son
 * temps processeur bouge peu : les rapports du banc sont des rapports de temps processeur.
 */
const CPU_REPORT = path.join(ROOT, 'bench', 'cpu-report.cjs');
const walls = new Map<string, number[]>();
function timeSpawn(args: string[], options: { cwd?: string; label?: string } = {}): number {
    const cpuFile = path.join(tmpdir(), `referentiel-bench-cpu-${process.pid}`);
    rmSync(cpuFile, { force: true });
    const start = performance.now();
    const r = spawnSync(NODE, ['--require', CPU_REPORT, ...args], {
        cwd: options.cwd ?? ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BENCH_CPU_FILE: cpuFile }
    });
    const wall = performance.now() - start;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} : code ${r.status}\n${r.stderr}`);
    const cpu = Number(readFileSync(cpuFile, 'utf8')) / 1000;
    rmSync(cpuFile, { force: true });
    if (options.label) walls.set(options.label, [...(walls.get(options.label) ?? []), wall]);
    return cpu;
}
const wallOf = (label: string): number => median(walls.get(label) ?? [NaN]);

interface Row { id: string; mesure: string; rapport: number; cible: number; detail: string; partie: string }
const rows: Row[] = [];
const extra: Record<string, unknown> = {};
/** La partie du banc en cours (demarrage, lint…) : chaque ligne la garde, pour être remesurée. */
let currentPart = '';
function row(id: string, mesure: string, rapport: number, cible: number, detail: string): void {
    rows.push({ id, mesure, rapport, cible, detail, partie: currentPart });
    console.log(`${rapport <= cible ? '✔' : '✖'} ${mesure} : ${rapport.toFixed(2)} (cible ≤ ${cible}) — ${detail}`);
}

// ---------------------------------------------------------------- démarrage
async function startup(): Promise<void> {
    const rounds = ci ? 5 : 9;
    // Un premier lancement remplit le cache de compilation (comme après l'installation).
    timeSpawn([CLI, 'lint', SAMPLE]);
    const [bare, lint] = await interleaved(rounds, [() => timeSpawn(['-e', '0'], { label: 'node' }), () => timeSpawn([CLI, 'lint', SAMPLE], { label: 'lint' })]);
    // `lint` charge le paquet du langage (out/lint.cjs), pas le paquet complet : on mesure les deux.
    const requireOf = (bundle: string) => () => timeSpawn(['-e', `require('node:module').enableCompileCache();require(${JSON.stringify(path.join(ROOT, 'out', bundle))})`]);
    const [lintBundle, fullBundle] = await interleaved(rounds, [requireOf('lint.cjs'), requireOf('cli.cjs')]);
    row('demarrage', 'lint à froid de samples/data-engineer ÷ node -e 0 (temps processeur)', lint / bare, 4,
        `${lint.toFixed(0)} ms contre ${bare.toFixed(0)} ms de processeur (écoulé : ${wallOf('lint').toFixed(0)} contre ${wallOf('node').toFixed(0)} ms) ; require du paquet du langage : ${(lintBundle - bare).toFixed(0)} ms, du paquet complet : ${(fullBundle - bare).toFixed(0)} ms`);
}

// ---------------------------------------------------------------- lint d'un catalogue
interface Built { services: ReturnType<typeof createReferentielServices>['Referentiel']; documents: LangiumDocument[]; ms: number }

async function buildCatalogue(files: GeneratedFile[]): Promise<Built> {
    const { Referentiel: services } = createReferentielServices(EmptyFileSystem);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const start = cpuMs();
    const documents = files.map(f => {
        const document = factory.fromString(f.text, URI.parse(`memory:///bench/${f.name}`));
        langiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services, documents, ms: cpuMs() - start };
}

async function lintThroughput(sizes: number[]): Promise<void> {
    const { Referentiel: services } = createReferentielServices(EmptyFileSystem);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'referentiel.schema.json'), 'utf8')));
    await buildCatalogue(generateCatalogue(20)); // échauffement (JIT)
    const perSize: Array<{ n: number; lint: number; lexer: number; parse: number; json: number; bytes: number }> = [];
    for (const n of sizes) {
        const files = generateCatalogue(n, catalogueSize);
        const bytes = files.reduce((s, f) => s + Buffer.byteLength(f.text), 0);
        // Les exports JSON des mêmes référentiels (plancher « JSON.parse + ajv »).
        const built = await buildCatalogue(files);
        const models = new Map<string, ReferentielModel>();
        for (const d of built.documents) {
            const m = built.services.referentiel.Models.forDocument(d);
            if (m?.certification) models.set(m.key, m);
        }
        const exports = [...models.values()].map(m => exportText(m, 'json'));
        const rounds = n >= 1000 ? 3 : 5;
        gc();
        const [lint, lexer, parse, json] = await interleaved(rounds, [
            async () => { gc(); return (await buildCatalogue(files)).ms; },
            () => { const s = cpuMs(); for (const f of files) services.parser.Lexer.tokenize(f.text); return cpuMs() - s; },
            () => { const s = cpuMs(); for (const f of files) services.parser.LangiumParser.parse(f.text); return cpuMs() - s; },
            () => { const s = cpuMs(); for (const e of exports) if (!validate(JSON.parse(e))) throw new Error('export invalide'); return cpuMs() - s; }
        ]);
        perSize.push({ n, lint, lexer, parse, json, bytes });
        console.log(`  N = ${n} : ${files.length} fichiers, ${mb(bytes)} ; lint ${lint.toFixed(0)} ms, lexer ${lexer.toFixed(0)} ms, analyse ${parse.toFixed(0)} ms, JSON+ajv ${json.toFixed(0)} ms`);
    }
    const big = perSize[perSize.length - 1];
    const of = `${big.n} référentiels${sizeLabel} (${mb(big.bytes)})`;
    row('lint-lexer', `lint de ${of} ÷ lexer seul`, big.lint / big.lexer, 8, `${big.lint.toFixed(0)} ms contre ${big.lexer.toFixed(0)} ms`);
    row('lint-json', `lint de ${of} ÷ JSON.parse + ajv de leurs exports`, big.lint / big.json, 10, `${big.lint.toFixed(0)} ms contre ${big.json.toFixed(0)} ms`);
    row('lint-analyse', `lint de ${of} ÷ analyse seule`, big.lint / big.parse, 2, `${big.lint.toFixed(0)} ms contre ${big.parse.toFixed(0)} ms`);
    const exponents: Record<string, number> = {};
    for (let i = 1; i < perSize.length; i++) {
        const a = perSize[i - 1], b = perSize[i];
        exponents[`${a.n}→${b.n}`] = Math.log(b.lint / a.lint) / Math.log(b.n / a.n);
    }
    console.log(`  exposants d'échelle du lint (1 = linéaire) : ${Object.entries(exponents).map(([k, v]) => `${k} : ${v.toFixed(2)}`).join(', ')}`);
    extra.lint = { mesures: perSize, exposants: exponents };
}

/**
 * La ligne de commande réelle sur un catalogue écrit sur disque : temps (écoulé et processeur) et
 * mémoire de crête. `lint` s'exécute dans le paquet du langage (out/lint.cjs), comme le lance
 * bin/referentiel.cjs.
 */
function cliLint(dir: string): { ms: number; cpuMs: number; maxRssKb: number } {
    const script = `const t=performance.now();require(${JSON.stringify(path.join(ROOT, 'out', 'lint.cjs'))}).main(['lint', ${JSON.stringify(dir)}, '--quiet']).then(c=>{const u=process.cpuUsage();process.stderr.write('\\n'+JSON.stringify({code:c,ms:performance.now()-t,cpu:(u.user+u.system)/1000,rss:process.resourceUsage().maxRSS})+'\\n')})`;
    const r = spawnSync(NODE, ['-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    const last = JSON.parse(r.stderr.trim().split('\n').pop()!) as { code: number; ms: number; cpu: number; rss: number };
    if (last.code !== 0) throw new Error(`lint du catalogue : code ${last.code}`);
    return { ms: last.ms, cpuMs: last.cpu, maxRssKb: last.rss };
}

/** Temps processeur (utilisateur + système, ms) d'un processus lancé, lu dans /proc/<pid>/stat (Linux). */
function processCpuMs(pid: number): number {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // Champs 14 et 15 de stat (utime, stime), en tops d'horloge (100 par seconde sous Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
}

function writeCatalogue(n: number): { dir: string; files: GeneratedFile[]; bytes: number } {
    const dir = mkdtempSync(path.join(tmpdir(), 'referentiel-bench-'));
    const files = generateCatalogue(n, catalogueSize);
    for (const f of files) {
        mkdirSync(path.join(dir, path.dirname(f.name)), { recursive: true });
        writeFileSync(path.join(dir, f.name), f.text);
    }
    return { dir, files, bytes: files.reduce((s, f) => s + Buffer.byteLength(f.text), 0) };
}

/** Mémoire du lint seule (`--seulement=memoire-lint`), sans le serveur. */
function lintMemory(n: number): void {
    const { dir, bytes } = writeCatalogue(n);
    try {
        const lint = cliLint(dir);
        row('lint-memoire', `mémoire de crête du lint de ${n} référentiels${sizeLabel} ÷ taille du texte`, lint.maxRssKb * 1024 / bytes, 5,
            `${mb(lint.maxRssKb * 1024)} pour ${mb(bytes)} de texte (${(lint.ms / 1000).toFixed(1)} s écoulées)`);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** Mémoire du lint, serveur prêt (temps et mémoire) sur le même catalogue. */
async function memoryAndServer(n: number): Promise<void> {
    const { dir, files, bytes } = writeCatalogue(n);
    try {
        const lint = cliLint(dir);
        row('lint-memoire', `mémoire de crête du lint de ${n} référentiels${sizeLabel} ÷ taille du texte`, lint.maxRssKb * 1024 / bytes, 5,
            `${mb(lint.maxRssKb * 1024)} pour ${mb(bytes)} de texte`);
        const client = new TestClient(INSPECTOR_ENV);
        client.settings = { referentiel: { regles: {}, langue: 'auto' } };
        const start = performance.now();
        await client.initialize(dir);
        const uris = files.map(f => pathToFileURL(path.join(dir, f.name)).toString());
        for (;;) {
            if (uris.every(u => client.diagnostics.has(u))) break;
            if (performance.now() - start > 600_000) throw new Error('serveur non prêt en 10 min');
            await new Promise(resolve => setTimeout(resolve, 20));
        }
        const ready = performance.now() - start;
        const readyCpu = processCpuMs(client.child.pid!);
        const status = readFileSync(`/proc/${client.child.pid}/status`, 'utf8');
        const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
        const heap = await serverHeapAfterGc(client);
        await client.stop();
        row('serveur-pret', `serveur prêt, ${n} référentiels ÷ lint en ligne de commande`, ready / lint.ms, 2,
            `${(ready / 1000).toFixed(1)} s contre ${(lint.ms / 1000).toFixed(1)} s ; en temps processeur ${(readyCpu / 1000).toFixed(1)} s contre ${(lint.cpuMs / 1000).toFixed(1)} s (${(readyCpu / lint.cpuMs).toFixed(2)}×) ; mémoire de crête ${mb(peakKb * 1024)} (cible ≤ 500 Mo), tas après un ramasse-miettes complet ${mb(heap)}`);
        extra.serveurTasMo = heap / 1048576;
        extra.serveurMemoireMo = peakKb / 1024;
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** Frappe : une modification d'un fichier dans un catalogue de n, contre le même référentiel seul. */
async function keystroke(n: number): Promise<void> {
    const edit = async (files: GeneratedFile[], rounds: number): Promise<number> => {
        const { services, documents } = await buildCatalogue(files);
        const target = documents.find(d => d.uri.path.endsWith('CERT-0005/bc02.ref'))!;
        const original = files.find(f => f.name.endsWith('CERT-0005/bc02.ref'))!.text;
        const times: number[] = [];
        for (let i = 0; i < rounds; i++) {
            const text = original.replace('Bloc 2 du référentiel', `Bloc 2 (version ${i}) du référentiel`);
            setTextDocument(services, TextDocument.create(target.uri.toString(), 'referentiel', i + 2, text));
            const start = performance.now();
            await services.shared.workspace.DocumentBuilder.update([target.uri], []);
            if (target.state < DocumentState.Validated) throw new Error('non vérifié');
            times.push(performance.now() - start);
        }
        return median(times);
    };
    const alone = generateReferentiel(5);
    const soloMs = await edit(alone, 21);
    const catalogueMs = await edit(generateCatalogue(n), 21);
    const soloAgain = await edit(alone, 21);
    const solo = Math.min(soloMs, soloAgain);
    row('frappe', `modification → diagnostics, catalogue de ${n} ÷ référentiel seul`, catalogueMs / solo, 1.3,
        `${catalogueMs.toFixed(1)} ms contre ${solo.toFixed(1)} ms`);
}

/** Rafale de 3 000 modifications, survols et complétions en vol, sur l'échantillon. */
async function bursts(): Promise<void> {
    const dir = mkdtempSync(path.join(tmpdir(), 'referentiel-bench-'));
    try {
        const file = path.join(dir, 'bc02.ref');
        for (const f of ['data-engineer.ref', 'bc01.ref', 'bc02.ref', 'bc03.ref', 'bc04.ref', 'bc05.ref']) {
            writeFileSync(path.join(dir, f), readFileSync(path.join(SAMPLE, f)));
        }
        const client = new TestClient(INSPECTOR_ENV);
        client.settings = { referentiel: { regles: {}, langue: 'auto' } };
        await client.initialize(dir);
        const text = readFileSync(file, 'utf8');
        const uri = await client.open(file, text);
        await client.waitForDiagnostics(uri, () => true);
        const results = [];
        const rss: number[] = [];
        const heap: number[] = [];
        for (let i = 0; i < 4; i++) {
            results.push(await burst(client, uri, text, { edits: 3000, every: 100, anchor: 'C2.1', title: 'Manager la transition data' }));
            rss.push(serverRssKb(client));
            heap.push(await serverHeapAfterGc(client));
        }
        await client.stop();
        const first = Math.max(...results.map(r => r.firstAnswerMs));
        row('rafale', 'après 3 000 modifications : première réponse (s) ÷ 1 s', first / 1000, 1,
            `pire de 4 rafales ${first.toFixed(0)} ms ; RSS après chaque rafale ${rss.map(k => (k / 1024).toFixed(0)).join(' → ')} Mo (échauffement, puis +${((rss[3] / rss[1] - 1) * 100).toFixed(0)} % sur 3 rafales, cible ≤ +25 %) ; tas après un ramasse-miettes complet ${heap.map(b => (b / 1048576).toFixed(1)).join(' → ')} Mo`);
        extra.rafales = { resultats: results, rssKo: rss, tasOctets: heap };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

// ---------------------------------------------------------------- évaluation
const COHORT_HEADER = 'candidat;nom;C1.1;C1.2;C1.3;C1.4;C1.5;C1.6;C1.7;C1.8;C2.1;C2.2;C2.3;C2.4;C2.5;C2.6;C2.7;C2.8;C2.9;C2.10;C3.1;C3.2;C3.3;C3.4;C3.5;C3.6;C3.7;C3.8;C4.1;C4.2;C4.3;C4.4;C4.5;C5.1;C5.2;C5.3;C5.4;C5.5;C5.6;C5.7;C5.8;C5.9;memoire;soutenance;periode_entreprise;blocs_acquis';

/** Une cohorte déterministe pour samples/data-engineer (mêmes colonnes que son CSV d'exemple). */
function writeCohort(file: string, n: number): number {
    const competences = COHORT_HEADER.split(';').filter(c => /^C\d/.test(c)).length;
    const chunks: string[] = [COHORT_HEADER + '\n'];
    for (let i = 1; i <= n; i++) {
        const cells: string[] = [];
        for (let c = 0; c < competences; c++) cells.push((i * 31 + c * 7) % 23 === 0 ? 'NA' : 'A');
        chunks.push(`X-${i};Candidat ${i};${cells.join(';')};${8 + (i % 10)};${9 + (i % 7)},5;${4 + (i % 4)};${i % 17 === 0 ? 'BC02' : ''}\n`);
    }
    writeFileSync(file, chunks.join(''));
    return n;
}

async function evaluation(sizes: number[]): Promise<void> {
    const dir = mkdtempSync(path.join(tmpdir(), 'referentiel-bench-'));
    const csvParse = path.join(ROOT, 'node_modules', 'csv-parse', 'dist', 'cjs', 'index.cjs');
    try {
        const measures: Array<{ n: number; csv: number; json: number; floor: number; octetsLus: number; octetsJson: number }> = [];
        for (const n of sizes) {
            const cohort = path.join(dir, `cohorte-${n}.csv`);
            writeCohort(cohort, n);
            const floorScript = `const {parse}=require(${JSON.stringify(csvParse)});let k=0;require('fs').createReadStream(${JSON.stringify(cohort)}).pipe(parse({delimiter:';'})).on('data',()=>k++).on('end',()=>{})`;
            const rounds = n >= 1_000_000 || ci ? 1 : 3;
            const [floor, csv, json] = await interleaved(rounds, [
                () => timeSpawn(['-e', floorScript], { label: `floor-${n}` }),
                () => timeSpawn([CLI, 'evaluate', '--referentiel', SAMPLE, cohort, '--format', 'csv', '--out', path.join(dir, 'r.csv')], { label: `csv-${n}` }),
                () => timeSpawn([CLI, 'evaluate', '--referentiel', SAMPLE, cohort, '--format', 'json', '--out', path.join(dir, 'r.json')], { label: `json-${n}` })
            ]);
            // Le rapport JSON écrit bien plus d'octets qu'il n'en lit : ce rapport-là borne son débit.
            const octetsLus = statSync(cohort).size;
            const octetsJson = statSync(path.join(dir, 'r.json')).size;
            measures.push({ n, csv, json, floor, octetsLus, octetsJson });
            console.log(`  ${n} candidats (processeur) : csv-parse ${floor.toFixed(0)} ms, evaluate → CSV ${csv.toFixed(0)} ms, → JSON ${json.toFixed(0)} ms ; écoulé : ${wallOf(`floor-${n}`).toFixed(0)}, ${wallOf(`csv-${n}`).toFixed(0)}, ${wallOf(`json-${n}`).toFixed(0)} ms ; JSON : ${mb(octetsJson)} écrits pour ${mb(octetsLus)} lus (× ${(octetsJson / octetsLus).toFixed(0)})`);
        }
        const big = measures.find(m => m.n === (ci ? 20_000 : 100_000)) ?? measures[measures.length - 1];
        row('evaluate-csv', `evaluate de ${big.n} candidats CSV → CSV ÷ csv-parse seul (temps processeur)`, big.csv / big.floor, 3, `${(big.csv / 1000).toFixed(1)} s contre ${(big.floor / 1000).toFixed(1)} s de processeur`);
        row('evaluate-json', `evaluate de ${big.n} candidats CSV → JSON ÷ csv-parse seul (temps processeur)`, big.json / big.floor, 4, `${(big.json / 1000).toFixed(1)} s contre ${(big.floor / 1000).toFixed(1)} s de processeur`);
        const exponents: Record<string, number> = {};
        for (let i = 1; i < measures.length; i++) {
            const a = measures[i - 1], b = measures[i];
            exponents[`${a.n}→${b.n}`] = Math.log(b.csv / a.csv) / Math.log(b.n / a.n);
        }
        console.log(`  exposants d'échelle de evaluate → CSV : ${Object.entries(exponents).map(([k, v]) => `${k} : ${v.toFixed(2)}`).join(', ')}`);
        // L'exposant est tiré vers le bas par le coût fixe (chargement, analyse du référentiel) : le
        // coût marginal par candidat, lui, doit rester le même d'une taille à l'autre (croissance linéaire).
        const marginal = measures.slice(1).map((b, i) => `${measures[i].n}→${b.n} : ${((b.csv - measures[i].csv) / (b.n - measures[i].n) * 1000).toFixed(0)} µs`);
        if (marginal.length > 0) console.log(`  coût marginal d'un candidat (evaluate → CSV, processeur) : ${marginal.join(', ')}`);
        extra.evaluation = { mesures: measures, exposants: exponents };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

// ---------------------------------------------------------------- import rncp
/**
 * `referentiel import rncp <export> --all --out <dossier>` (processus réel) sur un export du
 * registre généré (bench/generate-rncp.ts), contre un passage saxes seul sur le même fichier
 * (processus réel, mêmes morceaux de 64 Ko, même décodage, positions suivies comme le lecteur,
 * aucun écouteur) : ce que coûte la seule lecture du XML. Temps processeur et mémoire de crête
 * (maxRSS) de chacun, médianes de passages entrelacés ; la mémoire est plate quand la crête ne
 * grandit pas avec le fichier (la plus petite taille contre la plus grande).
 */
function spawnMeasured(args: string[], label: string): { cpu: number; rssKb: number } {
    const rssFile = path.join(tmpdir(), `referentiel-bench-rss-${process.pid}`);
    rmSync(rssFile, { force: true });
    process.env.BENCH_RSS_FILE = rssFile;
    try {
        const cpu = timeSpawn(args, { label });
        return { cpu, rssKb: Number(readFileSync(rssFile, 'utf8')) };
    } finally {
        delete process.env.BENCH_RSS_FILE;
        rmSync(rssFile, { force: true });
    }
}

async function rncpImport(sizesMb: number[]): Promise<void> {
    const dir = mkdtempSync(path.join(tmpdir(), 'referentiel-bench-'));
    const saxes = path.join(ROOT, 'node_modules', 'saxes', 'saxes.js');
    try {
        const measures: Array<{ mo: number; fiches: number; bytes: number; floor: number; import: number; floorRssKb: number; importRssKb: number }> = [];
        for (const mo of sizesMb) {
            const file = path.join(dir, `export-${mo}.xml`);
            const { bytes, fiches } = writeRncpExport(ROOT, file, mo * 1024 * 1024);
            const floorScript = `const {SaxesParser}=require(${JSON.stringify(saxes)});const p=new SaxesParser({xmlns:false,position:true});const d=new TextDecoder('utf-8',{fatal:true});`
                + `require('fs').createReadStream(${JSON.stringify(file)},{highWaterMark:65536}).on('data',c=>p.write(d.decode(c,{stream:true}))).on('end',()=>{p.write(d.decode());p.close()})`;
            const out = path.join(dir, `out-${mo}`);
            const floors: Array<{ cpu: number; rssKb: number }> = [];
            const imports: Array<{ cpu: number; rssKb: number }> = [];
            const rounds = ci ? 3 : mo >= 100 ? 5 : 3;
            await interleaved(rounds, [
                () => { const m = spawnMeasured(['-e', floorScript], `saxes-${mo}`); floors.push(m); return m.cpu; },
                () => {
                    rmSync(out, { recursive: true, force: true });
                    const m = spawnMeasured([CLI, 'import', 'rncp', file, '--all', '--out', out], `import-${mo}`);
                    imports.push(m);
                    return m.cpu;
                }
            ]);
            rmSync(out, { recursive: true, force: true });
            const m = {
                mo, fiches, bytes, floor: median(floors.map(f => f.cpu)), import: median(imports.map(i => i.cpu)),
                floorRssKb: median(floors.map(f => f.rssKb)), importRssKb: median(imports.map(i => i.rssKb))
            };
            measures.push(m);
            console.log(`  export de ${mb(bytes)} (${fiches} fiches), processeur : saxes ${m.floor.toFixed(0)} ms, import ${m.import.toFixed(0)} ms (${(m.import / m.floor).toFixed(2)}×) ; `
                + `écoulé : ${wallOf(`saxes-${mo}`).toFixed(0)}, ${wallOf(`import-${mo}`).toFixed(0)} ms ; crête : saxes ${mb(m.floorRssKb * 1024)}, import ${mb(m.importRssKb * 1024)}`);
        }
        const small = measures[0];
        const big = measures[measures.length - 1];
        const memory = measures.length > 1
            ? ` ; crête de l'import ${mb(small.importRssKb * 1024)} à ${small.mo} Mo, ${mb(big.importRssKb * 1024)} à ${big.mo} Mo (×${(big.importRssKb / small.importRssKb).toFixed(2)} ; saxes seul ×${(big.floorRssKb / small.floorRssKb).toFixed(2)})`
            : ` ; crête de l'import ${mb(big.importRssKb * 1024)}`;
        row('import-rncp', `import rncp --all d'un export de ${big.mo} Mo ÷ saxes seul (temps processeur)`, big.import / big.floor, 2.5,
            `${(big.import / 1000).toFixed(1)} s contre ${(big.floor / 1000).toFixed(1)} s de processeur${memory}`);
        extra.importRncp = { mesures: measures };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

// ---------------------------------------------------------------- garde (CI)
interface Guard { id: string; seuil: number; raison: string }

/** Les lignes qui dépassent leur seuil de garde × la marge. */
function overGuard(): Array<{ row: Row; limit: number; guard: Guard; marge: number }> {
    const guards = JSON.parse(readFileSync(path.join(ROOT, 'bench', 'guard.json'), 'utf8')) as { marge: number; lignes: Guard[] };
    return guards.lignes.flatMap(g => {
        const r = rows.find(x => x.id === g.id);
        const limit = g.seuil * guards.marge;
        return r && r.rapport > limit ? [{ row: r, limit, guard: g, marge: guards.marge }] : [];
    });
}

/**
 * La garde de la CI. Une ligne au-delà de son seuil est remesurée une fois (sa partie du banc
 * relancée) : sur une machine partagée, un autre travail peut fausser une mesure, rarement deux de
 * suite. Elle n'échoue que si la seconde mesure dépasse aussi. Rend le nombre de régressions.
 */
async function guard(parts: readonly Part[]): Promise<number> {
    const first = overGuard();
    if (first.length === 0) return 0;
    const again = parts.filter(p => first.some(f => f.row.partie === p.name));
    console.log(`\nAu-delà du seuil : ${first.map(f => `${f.row.id} (${f.row.rapport.toFixed(2)} > ${f.limit.toFixed(2)})`).join(', ')} ; seconde mesure de : ${again.map(p => p.name).join(', ')}\n`);
    for (const p of again) {
        for (let i = rows.length - 1; i >= 0; i--) if (rows[i].partie === p.name) rows.splice(i, 1);
        currentPart = p.name;
        await p.run();
    }
    const confirmed = overGuard();
    for (const { row: r, limit, guard: g, marge } of confirmed) {
        console.error(`✖ régression : ${r.mesure} = ${r.rapport.toFixed(2)} > ${limit.toFixed(2)} (seuil ${g.seuil} × marge ${marge} ; ${g.raison}), deux fois de suite`);
    }
    return confirmed.length;
}

interface Part { readonly name: string; readonly run: () => Promise<void> }

async function main(): Promise<void> {
    const started = performance.now();
    console.log(`Référentiel — mesures de performance (${ci ? 'exécution réduite de la CI' : 'complète'}), Node ${process.version}\n`);
    const parts: Part[] = [
        { name: 'demarrage', run: startup },
        { name: 'lint', run: () => lintThroughput(sizes('lint', ci ? [10, 50] : [10, 100, 1000])) },
        ...(ci ? [] : wanted('memoire') ? [{ name: 'memoire', run: () => memoryAndServer(1000) }] : [{ name: 'memoire-lint', run: async () => lintMemory(1000) }]),
        { name: 'frappe', run: () => keystroke(ci ? 50 : 1000) },
        { name: 'rafale', run: bursts },
        { name: 'import-rncp', run: () => rncpImport(sizes('rncp', ci ? [10] : [10, 100])) },
        { name: 'evaluation', run: () => evaluation(sizes('cohortes', ci ? [20_000] : million ? [10_000, 100_000, 1_000_000] : [10_000, 100_000])) }
    ].filter(p => wanted(p.name));
    for (const p of parts) {
        currentPart = p.name;
        await p.run();
    }
    const failures = ci ? await guard(parts) : 0;

    const date = new Date().toISOString().replace(/:/g, '-').slice(0, 19);
    const out = path.join(ROOT, 'bench', 'results');
    mkdirSync(out, { recursive: true });
    const table = ['| mesure | rapport mesuré | cible | détail |', '|---|---|---|---|',
        ...rows.map(r => `| ${r.mesure} | ${r.rapport.toFixed(2)}× ${r.rapport <= r.cible ? '✔' : '✖'} | ≤ ${r.cible} | ${r.detail} |`)].join('\n');
    writeFileSync(path.join(out, `${date}${ci ? '-ci' : ''}.json`), JSON.stringify({ date, node: process.version, ci, lignes: rows, ...extra }, null, 2) + '\n');
    writeFileSync(path.join(out, `${date}${ci ? '-ci' : ''}.md`), table + '\n');
    console.log('\n' + table);
    console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s ; résultats dans bench/results/${date}${ci ? '-ci' : ''}.{json,md})`);
    if (failures > 0) process.exitCode = 1;
}

main().catch(error => {
    console.error(error);
    process.exitCode = 1;
});

