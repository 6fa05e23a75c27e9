/**
 * Le paquet .vsix ne livre aucune dépendance de développement (issue 14, §6) : il est construit
 * comme le fait `npm run package`, puis son contenu est lu. Aucun `node_modules`, seulement les
 * fichiers de l'extension ; le code livré (serveur et extension, regroupés par esbuild) ne contient
 * que des paquets de production — plus les deux bibliothèques d'exécution de l'extension,
 * déclarées en développement parce que la ligne de commande publiée sur npm n'en a pas besoin.
 */
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run.js';

/** Les dépendances « de développement » que l'extension exécute (client LSP, textes traduits). */
const EXTENSION_RUNTIME = ['vscode-languageclient', '@vscode/l10n'];

interface Lock { packages: Record<string, { dev?: boolean; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }> }

/** Les paquets atteignables depuis `roots` dans l'arbre installé (package-lock.json). */
function closure(lock: Lock, roots: string[]): Set<string> {
    const seen = new Set<string>();
    const queue = [...roots];
    while (queue.length > 0) {
        const name = queue.pop()!;
        if (seen.has(name)) continue;
        seen.add(name);
        const entry = lock.packages[`node_modules/${name}`];
        for (const dep of Object.keys({ ...entry?.dependencies, ...entry?.optionalDependencies })) queue.push(dep);
    }
    return seen;
}

/**
 * Les paquets installés (clé de package-lock.json, « node_modules/a/node_modules/b ») dont une
 * carte de sources d'esbuild (out/*.cjs.map) a regroupé des fichiers. Les sources venues de la
 * carte d'un paquet déjà regroupé par son auteur (« webpack://… », « dist/node_modules/… ») sont
 * comptées dans ce paquet.
 */
function bundledPackages(map: string, lock: Lock): Set<string> {
    const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
    const found = new Set<string>();
    for (const source of sources) {
        const match = /^(?:\.\.\/)+(node_modules\/.*)$/.exec(source);
        if (!match) continue;
        const parts = match[1].split('/');
        let key: string | undefined;
        for (let i = 1; i <= parts.length; i++) {
            const candidate = parts.slice(0, i).join('/');
            if (lock.packages[candidate]) key = candidate;
        }
        if (key) found.add(key);
    }
    return found;
}

const nameOf = (key: string): string => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('le paquet .vsix de l\'extension', () => {
    it('ni node_modules ni dépendance de développement : les fichiers de l\'extension et du code de production', () => {
        const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };
        execFileSync(process.execPath, [path.join(ROOT, 'extension/scripts/package.mjs')], { cwd: ROOT, stdio: 'pipe' });
        const vsix = unzipSync(readFileSync(path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`)));
        const entries = Object.keys(vsix).sort();

        expect(entries.filter(e => e.includes('node_modules'))).toEqual([]);
        expect(entries).toEqual([
            '[Content_Types].xml', 'extension.vsixmanifest', 'extension/LICENSE.txt',
            'extension/extension/icons/ref-file.svg', 'extension/extension/icons/referentiel.png',
            'extension/extension/language-configuration.json',
            'extension/out/dictionaries/LICENSE-dictionary-fr', 'extension/out/dictionaries/fr.aff', 'extension/out/dictionaries/fr.dic',
            'extension/out/extension.cjs', 'extension/out/server.cjs', 'extension/out/syntaxes/referentiel.tmLanguage.json',
            'extension/package.json', 'extension/package.nls.en.json', 'extension/package.nls.json',
            'extension/readme.md', 'extension/schemas/candidat.schema.json'
        ]);

        // Le manifeste livré ne demande rien à installer.
        const manifest = JSON.parse(strFromU8(vsix['extension/package.json'])) as Record<string, unknown>;
        for (const key of ['dependencies', 'devDependencies', 'scripts', 'bin']) expect(manifest, key).not.toHaveProperty(key);

        // Le code livré ne charge que Node, VS Code et des paquets de production (regroupés, pas installés).
        const allowed = new Set([...builtinModules, ...builtinModules.map(m => `node:${m}`), 'vscode']);
        const production = Object.keys(pkg.dependencies);
        for (const file of ['extension/out/server.cjs', 'extension/out/extension.cjs']) {
            const required = [...strFromU8(vsix[file]).matchAll(/\brequire\("([^"]+)"\)/g)].map(m => m[1]);
            const outside = required.filter(r => !allowed.has(r) && !production.some(p => r === p || r.startsWith(`${p}/`)));
            expect(outside, file).toEqual([]);
        }

        // Ce qu'esbuild a regroupé (cartes de sources de `npm run build`, mêmes points d'entrée) :
        // rien d'autre que les dépendances de production et les bibliothèques d'exécution de l'extension.
        const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as Lock;
        const runtime = closure(lock, EXTENSION_RUNTIME);
        // Les outils (tests, construction) : les dépendances de développement que rien de livré n'atteint.
        const shippable = closure(lock, [...production, ...EXTENSION_RUNTIME]);
        const tools = Object.keys(pkg.devDependencies).filter(d => !shippable.has(d));
        expect(tools).toEqual(expect.arrayContaining(['vitest', 'fast-check', 'esbuild', 'typescript', '@vscode/vsce', 'playwright-core']));
        for (const map of ['out/server.cjs.map', 'out/extension.cjs.map']) {
            const bundled = [...bundledPackages(path.join(ROOT, map), lock)];
            expect(bundled.length, map).toBeGreaterThan(0);
            expect(bundled.filter(key => lock.packages[key].dev && !runtime.has(nameOf(key))), map).toEqual([]);
            expect(bundled.filter(key => tools.includes(nameOf(key))), map).toEqual([]);
        }
    }, 180_000);
});
