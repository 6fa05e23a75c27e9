// Construction des paquets : la ligne de commande, le serveur de langage et l'extension VS Code.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
    // import.meta.url des paquets ES (pdfkit) : l'adresse du fichier construit, en CommonJS.
    define: { __REFERENTIEL_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__importMetaUrl' },
    banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    // docs/rules.md est embarqué comme texte (la documentation des règles dans les rapports SARIF) ;
    // les polices du PDF publié (Noto Sans) en octets.
    loader: { '.md': 'text', '.woff': 'binary' },
    // Le lexique des verbes (règles de rédaction) : les infinitifs du Lefff, pas ses 6 Mo de conjugaisons.
    plugins: [{
        name: 'lefff-lexicon',
        setup(build) {
            build.onResolve({ filter: /^lefff:verbes$/ }, () => ({ path: LEFFF_MODULE, namespace: 'lefff' }));
            build.onLoad({ filter: /.*/, namespace: 'lefff' }, () => ({ contents: lefffLexiconSource(), loader: 'js' }));
        }
    }, {
        // Hunspell (règle REF606) : la version CommonJS de ces deux paquets. Leur version ES appelle
        // un espace de noms comme une fonction (`nanoid()`, `unixify()`), ce qui casse une fois empaqueté.
        name: 'hunspell-cjs',
        setup(build) {
            const require = createRequire(import.meta.url);
            build.onResolve({ filter: /^(hunspell-asm|emscripten-wasm-loader)$/ }, args => ({ path: require.resolve(args.path) }));
        }
    }],
};

// Dans le paquet du langage, `import('hunspell-asm')` charge out/hunspell.cjs, un fichier à côté.
const hunspellApart = {
    name: 'hunspell-apart',
    setup(build) {
        build.onResolve({ filter: /^hunspell-asm$/ }, () => ({ path: './hunspell.cjs', external: true }));
    }
};

let entries = [
    { entryPoints: ['language-server/src/cli/entry.ts'], outfile: 'out/cli.cjs' },
    // Le paquet du langage (lint, format) : ni exports, ni évaluation, ni imports (docs/performance.md,
    // démarrage). Son contenu est écrit dans out/lint.meta.json, que test/cli/bundles.test.ts vérifie.
    { entryPoints: ['language-server/src/cli/language-entry.ts'], outfile: 'out/lint.cjs', metafile: true, plugins: [hunspellApart, ...common.plugins] },
    // Hunspell (REF606, éteinte par défaut : 0,8 Mo de WebAssembly) à part pour le paquet du langage,
    // chargé à la première vérification demandée.
    { entryPoints: [createRequire(import.meta.url).resolve('hunspell-asm')], outfile: 'out/hunspell.cjs' },
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
    for (const name of ['perf', 'scale']) {
        entries.push({ entryPoints: [`bench/${name}.ts`], outfile: `out/bench/${name}.cjs` });
    }
}

if (vsix !== undefined) {
    entries = entries
        .filter(entry => entry.outfile === 'out/server.cjs' || entry.outfile === 'out/extension.cjs')
        .map(entry => ({ ...entry, outfile: path.join(vsix, entry.outfile) }));
}

// Le dictionnaire français de la règle REF606 (orthographe) : lu sur le disque à côté des paquets,
// à la première vérification demandée (validation/spelling.ts), jamais chargé sinon.
{
    const root = fileURLToPath(new URL('.', import.meta.url));
    const target = path.join(vsix ?? root, 'out', 'dictionaries');
    const source = path.dirname(createRequire(import.meta.url).resolve('dictionary-fr'));
    mkdirSync(target, { recursive: true });
    copyFileSync(path.join(source, 'index.aff'), path.join(target, 'fr.aff'));
    copyFileSync(path.join(source, 'index.dic'), path.join(target, 'fr.dic'));
    copyFileSync(path.join(source, 'license'), path.join(target, 'LICENSE-dictionary-fr'));
}

// La grammaire TextMate de l'extension (corrigée à partir de celle de langium-cli).
buildGrammar(fileURLToPath(new URL('.', import.meta.url)), vsix);

const contexts = await Promise.all(entries.map(entry => esbuild.context({ ...common, ...entry })));
if (watch) {
    await Promise.all(contexts.map(ctx => ctx.watch()));
} else {
    const results = await Promise.all(contexts.map(ctx => ctx.rebuild()));
    results.forEach((result, i) => {
        if (result.metafile) writeFileSync(entries[i].outfile.replace(/\.cjs$/, '.meta.json'), JSON.stringify(result.metafile));
    });
    await Promise.all(contexts.map(ctx => ctx.dispose()));
}
