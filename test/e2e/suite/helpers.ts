/** Ce que partagent les suites : l'espace de travail de test, l'extension, l'attente des diagnostics. */
import * as vscode from 'vscode';
import { assert, waitFor } from './runner.js';

export const EXTENSION_ID = 'referentiel.referentiel';

/**
 * L'espace de travail est une copie temporaire (le harnais la fait) :
 *   atelier/            un référentiel en trois fichiers (références entre fichiers)
 *   candidats/          dossiers candidats de l'atelier (un valide, un fautif)
 *   data-engineer/      l'exemple samples/data-engineer (référentiel + candidats)
 */
export function file(relative: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert(folder, 'aucun dossier ouvert dans VS Code');
    return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export async function open(relative: string): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(file(relative));
    return vscode.window.showTextDocument(document, { preview: false });
}

/** La position du n-ième `needle` (à partir de 0) dans un document, décalée de `offset` caractères. */
export function positionOf(document: vscode.TextDocument, needle: string, occurrence = 0, offset = 0): vscode.Position {
    const text = document.getText();
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = text.indexOf(needle, index + 1);
        assert(index >= 0, `« ${needle} » (n° ${occurrence + 1}) introuvable dans ${document.uri.path}`);
    }
    return document.positionAt(index + offset);
}

export async function replace(document: vscode.TextDocument, needle: string, replacement: string): Promise<void> {
    const start = positionOf(document, needle);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(start, document.positionAt(document.offsetAt(start) + needle.length)), replacement);
    assert(await vscode.workspace.applyEdit(edit), `modification refusée dans ${document.uri.path}`);
}

export function diagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(uri);
}

export async function activated(): Promise<vscode.Extension<unknown>> {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert(extension, `extension ${EXTENSION_ID} absente`);
    await waitFor('extension activée', () => extension.isActive, 20_000);
    const api = extension.exports as { ready?: Promise<void> } | undefined;
    await api?.ready;
    return extension;
}

export function webviewTabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap(g => g.tabs).filter(t => t.input instanceof vscode.TabInputWebview);
}

export function hoverText(hovers: vscode.Hover[]): string {
    return hovers.flatMap(h => h.contents).map(c => typeof c === 'string' ? c : 'value' in c ? c.value : '').join('\n');
}
