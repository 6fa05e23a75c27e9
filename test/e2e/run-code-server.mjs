// Tests de l'extension dans un vrai VS Code, sur une machine sans VS Code de bureau :
//
//  1. les suites de test/e2e/suite (API `vscode`, comme @vscode/test-electron) tournent dans le
//     serveur VS Code de code-server, ouvert dans le Chromium de la distribution (playwright-core) ;
//     l'extension est chargée depuis les sources (extensionDevelopmentPath) ;
//  2. le paquet .vsix est installé dans code-server comme le ferait un utilisateur, puis l'interface
//     est pilotée : un .ref avec un diagnostic, l'évaluation d'un dossier candidat, la matrice de
//     couverture ; captures d'écran (test-results/e2e-*.png) et axe-core dans les vues web.
//
// Prérequis (npm run test:e2e les construit) : out/server.cjs, out/extension.cjs,
// out/e2e/suite/index.js, referentiel-<version>.vsix. Outils : voir tools.mjs.
// Options : --suites (étape 1 seulement), --vsix (étape 2 seulement), --keep (garder le dossier temporaire).
// Affiche « N passed, M failed » ; code de sortie 1 si un test échoue ou si le délai est dépassé.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureTools, findChromium } from './tools.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RESULTS_DIR = path.join(ROOT, 'test-results');
const PKG = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const VSIX = path.join(ROOT, `${PKG.name}-${PKG.version}.vsix`);
const SUITE = path.join(ROOT, 'out', 'e2e', 'suite', 'index.js');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SUITES_DEADLINE = Number(process.env.REFERENTIEL_E2E_TIMEOUT ?? 240) * 1000;

const args = new Set(process.argv.slice(2));
const runSuites = !args.has('--vsix');
const runVsix = !args.has('--suites');
const started = Date.now();
const log = (line) => console.log(line);
const results = { passed: 0, failed: 0, failures: [] };

function record(name, ok, error) {
    if (ok) {
        results.passed++;
        log(`  ✔ ${name}`);
    } else {
        results.failed++;
        results.failures.push({ name, error });
        log(`  ✖ ${name}\n      ${String(error).replace(/\n/g, '\n      ')}`);
    }
}

/** La page pilotée (étape 2) : capture d'écran en cas d'échec. */
let currentPage;
let failureShots = 0;

async function check(name, fn) {
    try {
        await fn();
        record(name, true);
    } catch (error) {
        let shot = '';
        if (currentPage) {
            const file = path.join(RESULTS_DIR, `e2e-echec-${++failureShots}.png`);
            await currentPage.screenshot({ path: file }).then(() => { shot = `\n(capture : ${path.relative(ROOT, file)})`; }, () => undefined);
        }
        record(name, false, (error instanceof Error ? error.stack ?? error.message : String(error)) + shot);
    }
}

function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));

/** Un dossier temporaire isolé : HOME, TMPDIR, XDG_* (rien n'est écrit dans le vrai dossier personnel). */
function isolation(base) {
    const dirs = {};
    for (const name of ['home', 'tmp', 'config', 'data', 'cache']) {
        dirs[name] = path.join(base, name);
        mkdirSync(dirs[name], { recursive: true });
    }
    const env = {
        ...process.env,
        HOME: dirs.home, TMPDIR: dirs.tmp, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, XDG_CACHE_HOME: dirs.cache,
        VSCODE_CLI: undefined, ELECTRON_RUN_AS_NODE: undefined
    };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    return env;
}

/**
 * Un VS Code « en français » sans télécharger de module de langue : VS Code choisit la langue de
 * l'interface web d'après l'en-tête Accept-Language, mais ne la retient que si un module de langue
 * est déclaré dans languagepacks.json du dossier de données. On en déclare un, vide : l'interface
 * reste en anglais (pas de traductions), mais la langue vue par les extensions est « fr »
 * (vscode.env.language, package.nls.<langue>.json) — ce que voit l'utilisateur d'un VS Code français.
 */
function declareFrenchLanguagePack(userDataDir) {
    mkdirSync(userDataDir, { recursive: true });
    const translations = path.join(userDataDir, 'e2e-fr.i18n.json');
    writeFileSync(translations, JSON.stringify({ contents: {} }));
    writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({
        fr: { hash: 'e2e-fr', label: 'français', extensions: [{ extensionIdentifier: { id: 'referentiel-e2e.language-pack-fr' }, version: '1.0.0' }], translations: { vscode: translations } }
    }));
}

/** L'espace de travail des tests : une copie (les tests modifient des fichiers). */
function makeWorkspace(dir) {
    mkdirSync(dir, { recursive: true });
    cpSync(path.join(ROOT, 'test', 'e2e', 'fixtures', 'atelier'), path.join(dir, 'atelier'), { recursive: true });
    cpSync(path.join(ROOT, 'test', 'e2e', 'fixtures', 'candidats'), path.join(dir, 'candidats'), { recursive: true });
    cpSync(path.join(ROOT, 'samples', 'data-engineer'), path.join(dir, 'data-engineer'), { recursive: true });
    return dir;
}

/** Lance un processus et attend une ligne de sa sortie ; garde toute la sortie dans un journal. */
function startProcess(command, commandArgs, env, pattern, logFile, timeout = 60_000) {
    const child = spawn(command, commandArgs, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
    let output = '';
    const append = (chunk) => {
        output += chunk.toString();
        writeFileSync(logFile, output);
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const ready = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${path.basename(command)} n'a pas démarré en ${timeout / 1000} s (journal : ${logFile})\n${output.slice(-2000)}`)), timeout);
        const onData = () => {
            const match = pattern.exec(output);
            if (match) {
                clearTimeout(timer);
                resolve(match);
            }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('exit', code => {
            clearTimeout(timer);
            reject(new Error(`${path.basename(command)} s'est arrêté (code ${code}) :\n${output.slice(-2000)}`));
        });
    });
    return { child, ready, output: () => output };
}

function stop(child) {
    if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
    }
}

/** Le Chromium trouvé (distribution, sinon paquet npm), dit une fois dans le journal. */
let browserFound;
async function launchBrowser(env) {
    if (!browserFound) {
        browserFound = await findChromium();
        log(`Navigateur : ${browserFound.source}`);
    }
    return chromium.launch({ executablePath: browserFound.executablePath, args: CHROMIUM_ARGS, env });
}

// ---------------------------------------------------------------------------------------------
// 0. Vérifications sans éditeur : les textes traduits.
// ---------------------------------------------------------------------------------------------
async function checkL10n(tmp) {
    await check('l10n : chaque chaîne de l\'extension est traduite en français, bundle.l10n.json à jour', async () => {
        const outDir = path.join(tmp, 'l10n');
        const l10nDev = createRequire(import.meta.url).resolve('@vscode/l10n-dev/dist/cli.js');
        execFileSync(process.execPath, [l10nDev, 'export', '--outDir', outDir, path.join(ROOT, 'extension', 'src')], { stdio: 'ignore' });
        const fresh = JSON.parse(readFileSync(path.join(outDir, 'bundle.l10n.json'), 'utf8'));
        const committed = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8'));
        const french = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.fr.json'), 'utf8'));
        const stale = Object.keys(fresh).filter(k => !(k in committed)).concat(Object.keys(committed).filter(k => !(k in fresh)));
        if (stale.length) throw new Error(`l10n/bundle.l10n.json n'est pas à jour (npm run l10n:export) : ${stale.join(' | ')}`);
        const missing = Object.keys(fresh).filter(k => typeof french[k] !== 'string' || french[k].trim() === '');
        if (missing.length) throw new Error(`non traduites dans l10n/bundle.l10n.fr.json : ${missing.join(' | ')}`);
        const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
        const nlsEn = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.en.json'), 'utf8'));
        const used = [...JSON.stringify(PKG.contributes).matchAll(/"%([^%"]+)%"/g)].map(m => m[1]);
        const absent = used.filter(k => !(k in nls) || !(k in nlsEn));
        if (absent.length) throw new Error(`clés de package.nls absentes : ${absent.join(', ')}`);
    });
}

// ---------------------------------------------------------------------------------------------
// 1. Les suites dans le serveur VS Code (extension chargée depuis les sources).
// ---------------------------------------------------------------------------------------------
async function suites(tools, tmp) {
    log('\n▶ Suites dans le serveur VS Code (extension depuis les sources)');
    if (!existsSync(SUITE)) throw new Error(`${SUITE} manque : node esbuild.mjs --e2e`);
    const env = isolation(path.join(tmp, 'suites'));
    const workspace = makeWorkspace(path.join(tmp, 'suites', 'workspace'));
    const resultsFile = path.join(tmp, 'suites', 'results.json');
    env.REFERENTIEL_E2E_RESULTS = resultsFile;
    declareFrenchLanguagePack(path.join(tmp, 'suites', 'ud'));
    const port = await freePort();
    const server = startProcess(tools.node, [tools.serverMain,
        '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
        '--disable-telemetry', '--disable-workspace-trust', '--enable-smoke-test-driver', '--locale', 'fr',
        '--user-data-dir', path.join(tmp, 'suites', 'ud'), '--server-data-dir', path.join(tmp, 'suites', 'sd'),
        '--extensions-dir', path.join(tmp, 'suites', 'ext')
    ], env, /Extension host agent listening on (\d+)/, path.join(RESULTS_DIR, 'e2e-suites-server.log'));
    let browser;
    try {
        await server.ready;
        browser = await launchBrowser(env);
        // Un VS Code en français (l'en-tête Accept-Language fixe la langue de l'interface web) :
        // les titres des commandes (package.nls.json) et les messages sont ceux d'un utilisateur français.
        const page = await browser.newPage({ locale: 'fr-FR' });
        const consoleLines = [];
        page.on('console', message => consoleLines.push(`[${message.type()}] ${message.text()}`));
        const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
        const payload = JSON.stringify([['extensionDevelopmentPath', remote(ROOT.replace(/\/$/, ''))], ['extensionTestsPath', remote(SUITE)]]);
        await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
        const deadline = Date.now() + SUITES_DEADLINE;
        let report;
        while (Date.now() < deadline) {
            if (existsSync(resultsFile)) {
                try {
                    report = JSON.parse(readFileSync(resultsFile, 'utf8'));
                } catch {
                    report = undefined; // écriture en cours
                }
                if (report?.done) break;
            }
            if (server.child.exitCode !== null) break;
            await sleep(250);
        }
        writeFileSync(path.join(RESULTS_DIR, 'e2e-suites-console.log'), consoleLines.join('\n'));
        if (!report?.done) {
            const partial = report ? ` (${report.passed} réussis, ${report.failed} échoués avant l'arrêt)` : '';
            record('suites : toutes terminées dans le délai', false,
                `pas de résultat complet en ${SUITES_DEADLINE / 1000} s${partial} ; journaux : test-results/e2e-suites-*.log\n${consoleLines.slice(-30).join('\n')}`);
            if (report) for (const f of report.failures) record(`suite : ${f.name}`, false, f.error);
            return;
        }
        for (const t of report.tests) {
            const failure = report.failures.find(f => f.name === t.name);
            record(`suite : ${t.name} (${t.ms} ms)`, t.ok, failure?.error);
        }
    } finally {
        await browser?.close().catch(() => undefined);
        stop(server.child);
    }
}

// ---------------------------------------------------------------------------------------------
// 2. Le paquet .vsix installé comme par un utilisateur, l'interface pilotée dans Chromium.
// ---------------------------------------------------------------------------------------------
async function axeIn(frame, name) {
    await frame.evaluate(AXE_SOURCE);
    const outcome = await frame.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
        return { violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => `${n.target.join(' ')} — ${n.failureSummary}`) })), passes: r.passes.length };
    });
    if (outcome.violations.length > 0) {
        throw new Error(`${name} : ${outcome.violations.length} violation(s) axe-core\n`
            + outcome.violations.map(v => `${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n'));
    }
    return outcome;
}

/** Le cadre qui affiche le contenu d'une vue web (l'iframe interne de VS Code) et qui vérifie `test`. */
async function webviewFrame(page, selector, timeout = 30_000) {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
        for (const frame of page.frames()) {
            if (frame === page.mainFrame()) continue;
            try {
                if (await frame.$(selector)) return frame;
            } catch {
                // cadre en cours de chargement
            }
        }
        await sleep(200);
    }
    throw new Error(`aucune vue web ne contient ${selector} après ${timeout / 1000} s`);
}

async function quickOpen(page, name) {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(name);
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await sleep(300);
    await page.keyboard.press('Enter');
    await page.locator(`.tab.active[data-resource-name="${name}"], .tab.active:has-text("${name}")`).first().waitFor({ timeout: 15_000 });
}

async function runCommand(page, title, execute = true) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ timeout: 15_000 });
    const label = (await row.textContent()) ?? '';
    await page.keyboard.press(execute ? 'Enter' : 'Escape');
    return label;
}

async function vsix(tools, tmp) {
    log('\n▶ Le paquet .vsix installé dans code-server, l\'interface pilotée dans Chromium');
    if (!existsSync(VSIX)) throw new Error(`${VSIX} manque : npm run package`);
    const base = path.join(tmp, 'vsix');
    const env = isolation(base);
    const extensions = path.join(base, 'extensions');
    const userData = path.join(base, 'user-data');
    mkdirSync(path.join(userData, 'User'), { recursive: true });
    declareFrenchLanguagePack(userData);
    const settingsFile = path.join(userData, 'User', 'settings.json');
    const writeSettings = (semanticHighlighting) => writeFileSync(settingsFile, JSON.stringify({
        'editor.semanticHighlighting.enabled': semanticHighlighting,
        'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off',
        'workbench.tips.enabled': false, 'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'workbench.colorTheme': 'Default Dark Modern',
        'chat.disableAIFeatures': true, 'workbench.secondarySideBar.defaultVisibility': 'hidden'
    }, null, 2));
    // D'abord sans la coloration sémantique du serveur : la coloration visible est celle de la
    // grammaire TextMate, que vérifie le test des mots-clés accentués ; ensuite avec.
    writeSettings(false);
    // Le dossier de l'exemple, tel qu'un utilisateur l'ouvre ; bc01.ref reçoit une référence fautive.
    // Même disposition que le dépôt (samples/… et schemas/) : le "$schema" relatif des dossiers candidats se résout.
    const workspace = path.join(base, 'samples', 'data-engineer');
    cpSync(path.join(ROOT, 'samples', 'data-engineer'), workspace, { recursive: true });
    cpSync(path.join(ROOT, 'schemas'), path.join(base, 'schemas'), { recursive: true });
    const bc01 = path.join(workspace, 'bc01.ref');
    writeFileSync(bc01, readFileSync(bc01, 'utf8').replace('issue de A1-2', 'issue de A1-20'));

    await check('vsix : installé par `code-server --install-extension`', async () => {
        const output = execFileSync(tools.node, [tools.entry, '--install-extension', VSIX, '--extensions-dir', extensions, '--user-data-dir', userData],
            { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        if (!/successfully installed/i.test(output)) throw new Error(output);
    });

    const port = await freePort();
    const server = startProcess(tools.node, [tools.entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
        '--extensions-dir', extensions, '--user-data-dir', userData, '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', '--disable-getting-started-override', '--locale', 'fr', workspace
    ], env, /HTTP server listening on/, path.join(RESULTS_DIR, 'e2e-vsix-code-server.log'));
    let browser;
    try {
        await server.ready;
        browser = await launchBrowser(env);
        const context = await browser.newContext({ viewport: { width: 1500, height: 920 }, locale: 'fr-FR', colorScheme: 'dark' });
        const page = await context.newPage();
        currentPage = page;
        const consoleLines = [];
        page.on('console', message => consoleLines.push(`[${message.type()}] ${message.text()}`));
        await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });

        await check('vsix : un .ref fautif s\'ouvre avec son diagnostic (capture)', async () => {
            await quickOpen(page, 'bc01.ref');
            await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
            await page.keyboard.press('Control+Shift+M');
            const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'A1-20' }).first();
            await problem.waitFor({ timeout: 15_000 });
            const text = (await problem.textContent()) ?? '';
            if (!/A1-2/.test(text)) throw new Error(`diagnostic inattendu : ${text}`);
            await sleep(300);
            await page.screenshot({ path: path.join(RESULTS_DIR, 'e2e-editeur-diagnostic.png') });
            await page.keyboard.press('Control+J'); // referme le panneau du bas (plus de place pour les vues)
        });

        await check('vsix : les mots-clés accentués sont colorés comme les autres (« activité », « compétence » / « bloc »)', async () => {
            const classes = await page.evaluate(() => {
                const out = {};
                // eslint-disable-next-line no-undef
                for (const span of document.querySelectorAll('.monaco-editor .view-line span span')) {
                    const word = span.textContent.trim();
                    if (['bloc', 'activité', 'compétence', 'référentiel', 'issue', 'A1-1'].includes(word) && !out[word]) out[word] = span.className;
                }
                return out;
            });
            const reference = classes.bloc;
            if (!reference) throw new Error(`« bloc » introuvable à l'écran : ${JSON.stringify(classes)}`);
            for (const word of ['activité', 'compétence', 'référentiel', 'issue']) {
                if (classes[word] !== reference) throw new Error(`« ${word} » (${classes[word]}) n'a pas la couleur des mots-clés (${reference}) : ${JSON.stringify(classes)}`);
            }
            if (!classes['A1-1'] || classes['A1-1'] === reference) throw new Error(`un code (A1-1) devrait avoir une autre couleur que les mots-clés : ${JSON.stringify(classes)}`);
        });
        writeSettings(true);

        await check('vsix : le correctif rapide (Ctrl+.) remplace la référence fautive par celle proposée', async () => {
            await page.locator('.monaco-editor .view-lines').first().click();
            await page.keyboard.press('Control+Home');
            await page.keyboard.press('F8');
            await page.keyboard.press('Escape');
            await page.keyboard.press('Control+.');
            const fix = page.locator('.action-widget .monaco-list-row, .context-view .action-widget li', { hasText: 'A1-2' }).first();
            await fix.waitFor({ timeout: 15_000 });
            await sleep(300);
            await page.screenshot({ path: path.join(RESULTS_DIR, 'e2e-editeur-correctif.png') });
            await fix.click();
            await page.keyboard.press('Control+S');
            const deadline = Date.now() + 15_000;
            while (Date.now() < deadline && readFileSync(bc01, 'utf8').includes('A1-20')) await sleep(200);
            if (readFileSync(bc01, 'utf8').includes('A1-20')) throw new Error('bc01.ref garde « A1-20 » après le correctif et l\'enregistrement');
            await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'detached', timeout: 15_000 });
        });

        await check('vsix : la palette montre les commandes en français', async () => {
            for (const title of ['Évaluer le dossier candidat', 'Exporter le référentiel en JSON', 'Afficher la matrice de couverture']) {
                const label = await runCommand(page, title, false);
                if (!label.includes(`Référentiel: ${title}`) && !label.includes(`Référentiel : ${title}`)) throw new Error(`libellé dans la palette : ${label}`);
            }
        });

        await check('vsix : « Évaluer le dossier candidat » ouvre le rapport ; axe-core sans violation (capture)', async () => {
            await quickOpen(page, '01-obtenue.candidat.json');
            await runCommand(page, 'Évaluer le dossier candidat');
            const frame = await webviewFrame(page, 'main h1');
            const title = await frame.evaluate(() => document.title); // eslint-disable-line no-undef
            if (!/DATA-ENGINEER/.test(title)) throw new Error(`titre du rapport : ${title}`);
            const text = await frame.evaluate(() => document.body.innerText); // eslint-disable-line no-undef
            if (!/OBTENUE/i.test(text)) throw new Error('la décision n\'apparaît pas dans le rapport');
            const csp = await frame.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? ''); // eslint-disable-line no-undef
            if (!/default-src 'none'/.test(csp) || !/script-src 'none'/.test(csp)) throw new Error(`politique de sécurité : ${csp}`);
            await sleep(500);
            await page.screenshot({ path: path.join(RESULTS_DIR, 'e2e-rapport.png') });
            await axeIn(frame, 'rapport d\'évaluation');
        });

        await check('vsix : la matrice de couverture, accessible au clavier, ouvre la source ; axe-core sans violation (capture)', async () => {
            await runCommand(page, 'View: Close All Editors');
            await quickOpen(page, 'bc02.ref');
            await runCommand(page, 'Afficher la matrice de couverture');
            const frame = await webviewFrame(page, 'table caption');
            const text = await frame.evaluate(() => document.body.innerText); // eslint-disable-line no-undef
            if (!/évaluée par M1\.1/.test(text)) throw new Error('la matrice ne dit pas « évaluée par M1.1 »');
            await runCommand(page, 'View: Toggle Maximize Editor Group');
            await sleep(500);
            await page.screenshot({ path: path.join(RESULTS_DIR, 'e2e-matrice.png') });
            await runCommand(page, 'View: Toggle Maximize Editor Group');
            await axeIn(frame, 'matrice de couverture');
            // Clavier : le bouton de C1.3 reçoit le focus, Entrée ouvre bc01.ref sur la déclaration de C1.3.
            const lines = readFileSync(bc01, 'utf8').split('\n');
            const line = lines.findIndex(l => l.includes('compétence C1.3 ')) + 1;
            await frame.focus('button[data-target]:has-text("C1.3")');
            await page.keyboard.press('Enter');
            await page.locator('.tab.active', { hasText: 'bc01.ref' }).waitFor({ timeout: 15_000 });
            const status = page.locator('[id="status.editor.selection"]');
            await status.waitFor({ timeout: 10_000 });
            const deadline = Date.now() + 10_000;
            let position = '';
            while (Date.now() < deadline) {
                position = (await status.textContent()) ?? '';
                if (position.includes(`${line},`) || position.includes(`Ln ${line}`) || position.includes(`Li ${line}`)) break;
                await sleep(200);
            }
            if (!new RegExp(`\\b${line}\\b`).test(position)) throw new Error(`curseur attendu ligne ${line}, barre d'état : ${position}`);
        });

        writeFileSync(path.join(RESULTS_DIR, 'e2e-vsix-console.log'), consoleLines.join('\n'));
    } finally {
        currentPage = undefined;
        await browser?.close().catch(() => undefined);
        stop(server.child);
    }
}

// ---------------------------------------------------------------------------------------------
mkdirSync(RESULTS_DIR, { recursive: true });
const tmp = mkdtempSync(path.join(os.tmpdir(), 'referentiel-e2e-'));
let exitCode = 0;
try {
    const tools = ensureTools(log);
    await checkL10n(tmp);
    if (runSuites) {
        try {
            await suites(tools, tmp);
        } catch (error) {
            record('suites : démarrage', false, error instanceof Error ? error.stack ?? error.message : String(error));
        }
    }
    if (runVsix) {
        try {
            await vsix(tools, tmp);
        } catch (error) {
            record('vsix : démarrage', false, error instanceof Error ? error.stack ?? error.message : String(error));
        }
    }
} catch (error) {
    record('outils (Node 24, code-server, Chromium)', false, error instanceof Error ? error.message : String(error));
} finally {
    if (!args.has('--keep')) rmSync(tmp, { recursive: true, force: true });
    else log(`Dossier temporaire gardé : ${tmp}`);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
log(`\n${results.passed} passed, ${results.failed} failed (${seconds} s)`);
if (results.failed > 0) {
    log('Échecs :');
    for (const f of results.failures) log(`  - ${f.name}`);
    exitCode = 1;
}
process.exit(exitCode);
