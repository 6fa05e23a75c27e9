// Construction des paquets : la ligne de commande, le serveur de langage et l'extension VS Code.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: true,
    minify,
    logLevel: 'warning',
    legalComments: 'none',
    define: { __REFERENTIEL_VERSION__: JSON.stringify(pkg.version) },
};

const entries = [
    { entryPoints: ['language-server/src/cli/main.ts'], outfile: 'out/cli.cjs' },
];
if (process.argv.includes('--bench')) {
    for (const name of ['scale']) {
        entries.push({ entryPoints: [`bench/${name}.ts`], outfile: `out/bench/${name}.cjs` });
    }
}

const contexts = await Promise.all(entries.map(entry => esbuild.context({ ...common, ...entry })));
if (watch) {
    await Promise.all(contexts.map(ctx => ctx.watch()));
} else {
    await Promise.all(contexts.map(ctx => ctx.rebuild()));
    await Promise.all(contexts.map(ctx => ctx.dispose()));
}
