import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SaxesParser } from 'saxes';
import { afterEach } from 'vitest';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'referentiel.cjs');

export interface CliResult {
    code: number;
    stdout: string;
    stderr: string;
}

/** L'environnement d'un utilisateur français, sans couleurs (sauf demande). */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'fr_FR.UTF-8', NO_COLOR: '1', ...extra };
    delete env.LC_ALL;
    delete env.LC_MESSAGES;
    delete env.REFERENTIEL_LOCALE;
    delete env.FORCE_COLOR;
    for (const [key, value] of Object.entries(extra)) {
        if (value === undefined) delete env[key];
    }
    return env;
}

/** Lance `referentiel …` comme un utilisateur : un vrai processus Node. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
    const result = spawnSync(process.execPath, [BIN, ...args], {
        cwd: options.cwd ?? ROOT,
        env: cliEnv(options.env),
        encoding: 'utf8',
        input: options.input,
        maxBuffer: 256 * 1024 * 1024
    });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Variante asynchrone (pour les tests qui lancent plusieurs processus ou suivent la mémoire). */
export function runCliAsync(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: cliEnv(options.env) });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
        child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
        child.on('error', reject);
        child.on('close', code => resolve({ code: code ?? -1, stdout, stderr }));
    });
}

/** Copie un dossier de fixtures dans un dossier temporaire (pour les tests qui écrivent). */
export function tempCopy(source: string): { dir: string; cleanup: () => void } {
    const dir = mkdtempSync(path.join(tmpdir(), 'referentiel-'));
    cpSync(path.join(ROOT, source), dir, { recursive: true });
    return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function tempDir(): { dir: string; cleanup: () => void } {
    const dir = mkdtempSync(path.join(tmpdir(), 'referentiel-'));
    return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Les nettoyages d'un fichier de tests, faits après chaque test (afterEach), du dernier au premier.
 * `temp()` crée un dossier temporaire effacé après le test ; `later(f)` ajoute un nettoyage ;
 * `forget()` retire le dernier ajouté (fait autrement, ou gardé pour tout un groupe de tests).
 */
export function useCleanups(): { temp(): string; later(cleanup: () => unknown): void; forget(): void } {
    const cleanups: Array<() => unknown> = [];
    afterEach(async () => { while (cleanups.length) await cleanups.pop()!(); });
    return {
        temp() {
            const t = tempDir();
            cleanups.push(t.cleanup);
            return t.dir;
        },
        later(cleanup) { cleanups.push(cleanup); },
        forget() { cleanups.pop(); }
    };
}

/** Écrit un fichier dans un dossier ; rend son chemin. */
export function writeIn(dir: string, name: string, content: string | Buffer): string {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
}

/** La première erreur de bonne formation XML d'un texte (saxes), ou undefined s'il est bien formé. */
export function xmlError(text: string): Error | undefined {
    const parser = new SaxesParser();
    let failure: Error | undefined;
    parser.on('error', e => { failure ??= e; });
    parser.write(text).close();
    return failure;
}
