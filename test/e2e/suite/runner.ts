/**
 * Un petit exécuteur de tests pour le vrai VS Code (pas de mocha) : les tests s'inscrivent avec
 * `test(nom, fn)`, `run()` les exécute dans l'ordre, chacun avec un délai, et écrit un fichier de
 * résultats (réussis, échoués, échecs) que le harnais attend. L'hôte d'extensions sort avec le code 0
 * même quand run() échoue : c'est le fichier qui fait foi.
 */
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';

interface Test { readonly name: string; readonly fn: () => Promise<void> | void; readonly timeout: number }
const tests: Test[] = [];

export function test(name: string, fn: () => Promise<void> | void, timeout = 30_000): void {
    tests.push({ name, fn, timeout });
}

export interface Results {
    passed: number;
    failed: number;
    failures: Array<{ name: string; error: string }>;
    tests: Array<{ name: string; ok: boolean; ms: number }>;
    done: boolean;
}

export async function runAll(resultsFile: string, log: (line: string) => void): Promise<Results> {
    const results: Results = { passed: 0, failed: 0, failures: [], tests: [], done: false };
    const save = (): void => writeFileSync(resultsFile, JSON.stringify(results, null, 2));
    save();
    // REFERENTIEL_E2E_GREP=texte : seulement les tests dont le nom contient ce texte.
    const grep = process.env.REFERENTIEL_E2E_GREP;
    for (const t of tests.filter(t => !grep || t.name.includes(grep))) {
        const started = Date.now();
        let timer: NodeJS.Timeout | undefined;
        try {
            await Promise.race([
                Promise.resolve().then(t.fn),
                new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`délai dépassé (${t.timeout} ms)`)), t.timeout); })
            ]);
            results.passed++;
            results.tests.push({ name: t.name, ok: true, ms: Date.now() - started });
            log(`  ✔ ${t.name} (${Date.now() - started} ms)`);
        } catch (error) {
            results.failed++;
            const text = error instanceof Error ? error.stack ?? error.message : String(error);
            results.failures.push({ name: t.name, error: text });
            results.tests.push({ name: t.name, ok: false, ms: Date.now() - started });
            log(`  ✖ ${t.name}\n${text}`);
        } finally {
            clearTimeout(timer);
        }
        save();
    }
    results.done = true;
    save();
    return results;
}

/** Attend qu'une condition devienne vraie (ou lève avec le dernier état observé). */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeout = 15_000): Promise<T> {
    const deadline = Date.now() + timeout;
    let last: unknown;
    for (;;) {
        try {
            const value = await probe();
            if (value) return value;
            last = value;
        } catch (error) {
            last = error;
        }
        if (Date.now() > deadline) {
            throw new Error(`${what} : pas obtenu en ${timeout} ms (dernier état : ${last instanceof Error ? last.message : JSON.stringify(last)})`);
        }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}

export function assert(condition: unknown, message: string): asserts condition {
    if (!condition) throw new Error(message);
}

export function assertEqual<T>(actual: T, expected: T, message: string): void {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        throw new Error(`${message}\n  attendu : ${JSON.stringify(expected)}\n  obtenu  : ${JSON.stringify(actual)}`);
    }
}

/**
 * Ferme un document sans titre et attend que l'hôte d'extensions l'ait oublié : VS Code redonne
 * aussitôt le nom « Untitled-1 » au document suivant, et l'hôte rendait parfois l'ancien texte.
 */
export async function closeUntitled(document: vscode.TextDocument): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(`fermeture de ${document.uri.toString()}`, () => document.isClosed || undefined, 5000);
}
