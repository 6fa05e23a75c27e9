/**
 * Point d'entrée des suites dans un vrai VS Code (extensionTestsPath) : code-server
 * (test/e2e/run-code-server.mjs) ou un VS Code de bureau (test/e2e/run-test-electron.mjs).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runAll } from './runner.js';
import './editor.test.js';
import './commands.test.js';

export async function run(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
    const resultsFile = process.env.REFERENTIEL_E2E_RESULTS ?? path.join(path.dirname(folder), 'e2e-results.json');
    const lines: string[] = [];
    const results = await runAll(resultsFile, line => { lines.push(line); console.log(line); });
    if (results.failed > 0) {
        throw new Error(`${results.failed} test(s) en échec :\n${lines.join('\n')}`);
    }
}
