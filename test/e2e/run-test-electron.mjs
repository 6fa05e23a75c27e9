// Les mêmes suites (test/e2e/suite) dans un VS Code de bureau, par @vscode/test-electron :
// pour qui a un accès à Internet (test-electron télécharge VS Code) ou un VS Code installé
// (VSCODE_EXECUTABLE=/chemin/vers/code). Sur les machines de CI de ce projet, sans VS Code de bureau,
// c'est test/e2e/run-code-server.mjs qui fait foi.
//   npm run build && node esbuild.mjs --e2e && node test/e2e/run-test-electron.mjs
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const suite = path.join(ROOT, 'out', 'e2e', 'suite', 'index.js');
if (!existsSync(suite)) {
    console.error(`${suite} manque : npm run build && node esbuild.mjs --e2e`);
    process.exit(2);
}
const tmp = mkdtempSync(path.join(os.tmpdir(), 'referentiel-e2e-electron-'));
const workspace = path.join(tmp, 'workspace');
mkdirSync(workspace, { recursive: true });
cpSync(path.join(ROOT, 'test', 'e2e', 'fixtures', 'atelier'), path.join(workspace, 'atelier'), { recursive: true });
cpSync(path.join(ROOT, 'test', 'e2e', 'fixtures', 'candidats'), path.join(workspace, 'candidats'), { recursive: true });
cpSync(path.join(ROOT, 'samples', 'data-engineer'), path.join(workspace, 'data-engineer'), { recursive: true });
const resultsFile = path.join(tmp, 'results.json');

let code = 0;
try {
    await runTests({
        vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: suite,
        extensionTestsEnv: { REFERENTIEL_E2E_RESULTS: resultsFile },
        // Les titres des commandes sont vérifiés en français : VS Code démarre en français.
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--locale', 'fr', '--user-data-dir', path.join(tmp, 'ud')]
    });
} catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    code = 1;
}
if (existsSync(resultsFile)) {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    for (const f of results.failures) console.log(`  ✖ ${f.name}\n      ${f.error.replace(/\n/g, '\n      ')}`);
    console.log(`${results.passed} passed, ${results.failed} failed`);
    if (results.failed > 0 || !results.done) code = 1;
} else {
    console.log('0 passed, 1 failed (aucun résultat : VS Code n\'a pas lancé les suites)');
    code = 1;
}
rmSync(tmp, { recursive: true, force: true });
process.exit(code);
