/**
 * Les deux paquets de la ligne de commande (docs/performance.md, démarrage) : out/lint.cjs, pour
 * les commandes qui n'ont besoin que du langage (`lint`, `format`), ne contient aucune des
 * bibliothèques lourdes des exports, de l'évaluation et des imports ; bin/referentiel.cjs le
 * choisit d'après la commande, sans lire out/cli.cjs ; les deux paquets répondent pareil.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandModule, commandOf } from '../../language-server/src/cli/commands.js';
import { BIN, cliEnv, ROOT } from './run.js';

const OUT = path.join(ROOT, 'out');
const SAMPLE = path.join(ROOT, 'samples', 'data-engineer');

/** Les bibliothèques que `lint` et `format` n'utilisent pas (et leurs dépendances les plus lourdes). */
const HEAVY = [
    'exceljs', 'pdfkit', 'fontkit', 'brotli', 'docx', 'jszip', 'hunspell-asm', 'jose', 'ajv', 'ajv-formats',
    'saxes', 'iconv-lite', 'csv-parse', 'cli-progress', 'fflate', '@fontsource/noto-sans'
];

interface Metafile { inputs: Record<string, { bytes: number }>; outputs: Record<string, { bytes: number }> }

/** Les paquets de node_modules dont le paquet construit contient des fichiers. */
function packagesOf(meta: Metafile): Set<string> {
    const found = new Set<string>();
    for (const input of Object.keys(meta.inputs)) {
        const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
        if (match) found.add(match[1]);
    }
    return found;
}

const work = mkdtempSync(path.join(tmpdir(), 'referentiel-bundles-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Lance bin/referentiel.cjs et rend, en plus de sa sortie, les paquets de out/ qu'il a chargés. */
function runWithBundles(args: string[]): { code: number | null; stdout: string; stderr: string; bundles: string[] } {
    const hook = path.join(work, 'hook.cjs');
    const list = path.join(work, `loaded-${args.join('-').replace(/[^\w-]/g, '')}.json`);
    writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, JSON.stringify(Object.keys(require.cache))));\n`);
    const result = spawnSync(process.execPath, ['--require', hook, BIN, ...args], { cwd: ROOT, env: cliEnv(), encoding: 'utf8' });
    const loaded = JSON.parse(readFileSync(list, 'utf8')) as string[];
    const bundles = loaded.filter(file => path.dirname(file) === OUT).map(file => path.basename(file)).sort();
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, bundles };
}

/** `main(argv)` d'un paquet donné, dans un processus neuf. */
function runBundle(bundle: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
    const script = `require(${JSON.stringify(path.join(OUT, bundle))}).main(${JSON.stringify(args)}).then(code => { process.exitCode = code; });`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, env: cliEnv(), encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('le paquet du langage (out/lint.cjs)', () => {
    const meta = JSON.parse(readFileSync(path.join(OUT, 'lint.meta.json'), 'utf8')) as Metafile;

    it('la liste de contenu (out/lint.meta.json) est celle du paquet construit', () => {
        expect(meta.outputs['out/lint.cjs']?.bytes).toBe(statSync(path.join(OUT, 'lint.cjs')).size);
    });

    it('contient le langage (langium, chevrotain) et aucune bibliothèque lourde', () => {
        const packages = packagesOf(meta);
        expect(packages).toContain('langium');
        expect(packages).toContain('chevrotain');
        expect(HEAVY.filter(name => packages.has(name))).toEqual([]);
    });

    it('ne contient ni les exports, ni l\'évaluation, ni les imports, ni les commandes du serveur', () => {
        const ours = Object.keys(meta.inputs).filter(input => input.startsWith('language-server/src/'));
        expect(ours).toContain('language-server/src/cli/lint-command.ts');
        expect(ours).toContain('language-server/src/cli/format-command.ts');
        const heavy = ours.filter(input => /^language-server\/src\/(export|interop\/(?!interop-messages)|evaluation\/(?!\w+-messages\.ts$)|lsp\/commands\.ts|core\/(export|evaluate|jury|import-docx|rncp-import|new-referentiel)\.ts)/.test(input));
        expect(heavy).toEqual([]);
    });
});

describe('la commande d\'une ligne d\'arguments', () => {
    it('est le premier argument qui n\'est pas une option générale (--locale prend une valeur)', () => {
        expect(commandOf(['lint', 'a'])).toBe('lint');
        expect(commandOf(['--locale', 'en', '--no-color', 'format', 'a'])).toBe('format');
        expect(commandOf(['--locale=en', 'export', 'a'])).toBe('export');
        expect(commandOf(['--locale', 'lint', 'export'])).toBe('export');
        expect(commandOf(['--version'])).toBeUndefined();
        expect(commandOf(['--', 'lint'])).toBeUndefined();
    });

    it('une commande absente de la table du paquet est une erreur interne, pas un chargement', async () => {
        await expect(commandModule({}, 'export')).rejects.toThrow('la commande export n\'est pas dans ce paquet');
    });
});

describe('bin/referentiel.cjs choisit le paquet d\'après la commande', () => {
    it.each([
        [['lint', SAMPLE, '--quiet'], ['lint.cjs']],
        [['--locale', 'en', '--no-color', 'lint', SAMPLE, '--quiet'], ['lint.cjs']],
        [['format', '--check', path.join(SAMPLE, 'data-engineer.ref')], ['lint.cjs']],
        [['lint', '--help'], ['lint.cjs']],
        [['export', SAMPLE, '--format', 'json'], ['cli.cjs']],
        [['--version'], ['cli.cjs']]
    ])('%j → %j', (args, expected) => {
        const result = runWithBundles(args);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.bundles).toEqual(expected);
    });
});

describe('les deux paquets répondent pareil', () => {
    it.each([
        [['lint', SAMPLE, '-f', 'json']],
        [['lint', '--help']],
        [['--locale', 'en', 'lint', path.join(ROOT, 'test', 'fixtures', 'cli', 'erreurs')]],
        [['format', '--check', SAMPLE]]
    ])('%j', args => {
        const full = runBundle('cli.cjs', args);
        const language = runBundle('lint.cjs', args);
        expect(language).toEqual(full);
        expect(full.stdout.length + full.stderr.length).toBeGreaterThan(0);
    });

    it('une autre commande donnée au paquet du langage passe au paquet complet', () => {
        const args = ['export', SAMPLE, '--format', 'json'];
        const full = runBundle('cli.cjs', args);
        expect(full.code).toBe(0);
        expect(JSON.parse(full.stdout)).toHaveProperty('code', 'DATA-ENGINEER');
        expect(runBundle('lint.cjs', args)).toEqual(full);
    });
});
