// Construction des paquets : la ligne de commande, le serveur de langage et l'extension VS Code.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGrammar } from './extension/scripts/textmate.mjs';
import { LEFFF_MODULE, lefffLexiconSource } from './scripts/lefff-lexicon.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
// --vsix DOSSIER : seulement le serveur et l'extension, minifiés, sans cartes, dans DOSSIER/out
// (le paquet .vsix est assemblé là par extension/scripts/package.mjs).
const vsixIndex = process.argv.indexOf('--vsix');
const vsix = vsixIndex >= 0 ? process.argv[vsixIndex + 1] : undefined;
const minify = process.argv.includes('--minify') || vsix !== undefined;

const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    // Préférer les versions ES des paquets (jsonc-parser : sa version UMD charge des modules à l'exécution).
    mainFields: ['module', 'main'],
    sourcemap: vsix === undefined,
    minify,
    logLevel: 'warning',
    legalComments: 'none',
    define: { __REFERENTIEL_VERSION__: JSON.stringify(pkg.version) },
    // docs/rules.md est embarqué comme texte (la documentation des règles dans les rapports SARIF).
    loader: { '.md': 'text' },
    // Le lexique des verbes (règles de rédaction) : les infinitifs du Lefff, pas ses 6 Mo de conjugaisons.
    plugins: [{
        name: 'lefff-lexicon',
        setup(build) {
            build.onResolve({ filter: /^lefff:verbes$/ }, () => ({ path: LEFFF_MODULE, namespace: 'lefff' }));
            build.onLoad({ filter: /.*/, namespace: 'lefff' }, () => ({ contents: lefffLexiconSource(), loader: 'js' }));
        }
    }],
};

let entries = [
    { entryPoints: ['language-server/src/cli/main.ts'], outfile: 'out/cli.cjs' },
    // Le serveur de langage (VS Code le lance ; bin/referentiel-language-server.cjs pour les autres éditeurs).
    { entryPoints: ['language-server/src/server/main.ts'], outfile: 'out/server.cjs' },
    // L'extension VS Code : « vscode » est fourni par l'éditeur.
    { entryPoints: ['extension/src/extension.ts'], outfile: 'out/extension.cjs', external: ['vscode'] },
];
if (process.argv.includes('--e2e')) {
    // Les suites qui tournent dans un vrai VS Code (test/e2e/suite), chargées par extensionTestsPath.
    entries.push({ entryPoints: ['test/e2e/suite/index.ts'], outfile: 'out/e2e/suite/index.js', external: ['vscode'] });
}
if (process.argv.includes('--bench')) {
    for (const name of ['scale']) {
        entries.push({ entryPoints: [`bench/${name}.ts`], outfile: `out/bench/${name}.cjs` });
    }
}

if (vsix !== undefined) {
    entries = entries
        .filter(entry => entry.outfile === 'out/server.cjs' || entry.outfile === 'out/extension.cjs')
        .map(entry => ({ ...entry, outfile: path.join(vsix, entry.outfile) }));
}

// La grammaire TextMate de l'extension (corrigée à partir de celle de langium-cli).
buildGrammar(fileURLToPath(new URL('.', import.meta.url)), vsix);

const contexts = await Promise.all(entries.map(entry => esbuild.context({ ...common, ...entry })));
if (watch) {
    await Promise.all(contexts.map(ctx => ctx.watch()));
} else {
    await Promise.all(contexts.map(ctx => ctx.rebuild()));
    await Promise.all(contexts.map(ctx => ctx.dispose()));
}
