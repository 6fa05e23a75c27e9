// `npm run package` : le paquet .vsix de l'extension, autonome (aucun node_modules à installer).
//
// Le paquet est assemblé dans un dossier à part (out/vsix) : le package.json de la racine sert
// aussi au paquet npm de la ligne de commande (champ « files »), que vsce refuse de combiner avec
// un .vscodeignore. On y met seulement ce que l'extension utilise : le serveur et l'extension
// minifiés (esbuild), la grammaire, la configuration du langage, les extraits, les icônes,
// les textes (package.nls*.json), le schéma des dossiers candidats, la licence et la notice
// (docs/extension.md). Puis `vsce package --no-dependencies`.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const stage = path.join(root, 'out', 'vsix');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const target = path.join(root, `${pkg.name}-${pkg.version}.vsix`);

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });

// 1. Le code : la grammaire générée par Langium doit exister (npm run langium:generate).
execFileSync(process.execPath, [path.join(root, 'esbuild.mjs'), '--vsix', stage], { cwd: root, stdio: 'inherit' });

// 2. Les fichiers de l'extension.
const copy = (from, to = from) => cpSync(path.join(root, from), path.join(stage, to), { recursive: true });
copy('package.nls.json');
copy('package.nls.en.json');
copy('LICENSE');
copy('extension/language-configuration.json');
copy('extension/icons/referentiel.png');
copy('extension/icons/ref-file.svg');
copy('schemas/candidat.schema.json');
copy('docs/extension.md', 'README.md');
copy('extension/.vscodeignore', '.vscodeignore');

// 3. Le manifeste de l'extension : celui de la racine, sans ce qui ne sert qu'à npm.
const manifest = { ...pkg };
for (const key of ['private', 'bin', 'files', 'scripts', 'dependencies', 'devDependencies', 'allowScripts']) delete manifest[key];
manifest.engines = { vscode: pkg.engines.vscode };
writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

// 4. vsce.
const vsce = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', target], { cwd: stage, stdio: 'inherit' });
const size = statSync(target).size;
console.log(`${path.relative(process.cwd(), target) || target} : ${(size / 1024).toFixed(0)} Kio`);
