/**
 * « Exporter le référentiel en JSON / en fiche RNCP (XML) / en CASE / en Word / en PDF » : les
 * octets exacts de `referentiel export --format …` (le serveur les produit ; en base64 pour les
 * formats binaires), écrits dans un fichier temporaire puis renommés à la place choisie.
 */
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { temporaryName } from '../../language-server/src/common/files.js';
import { SERVER_COMMANDS, type ExportFormat } from '../../language-server/src/protocol/commands.js';
import { errorMessage, type Server } from './server.js';

export interface ExportTarget {
    /** Un fichier .ref du référentiel (sinon : l'éditeur actif, ou un choix dans la liste). */
    readonly uri?: string | vscode.Uri;
    /** Où écrire, sans boîte de dialogue (scripts, tâches, tests). */
    readonly destination?: string | vscode.Uri;
}

const asUri = (value: string | vscode.Uri): vscode.Uri =>
    typeof value === 'string' ? (/^[a-z][\w+.-]+:/i.test(value) && !/^[a-z]:[\\/]/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value)) : value;

/** Un fichier .ref du référentiel visé : l'argument, l'éditeur actif, ou un choix parmi ceux de l'espace de travail. */
export async function pickReferentielFile(server: Server, given: string | vscode.Uri | undefined, title: string): Promise<vscode.Uri | undefined> {
    if (given) return asUri(given);
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === 'referentiel') return active.uri;
    const referentiels = await server.run(SERVER_COMMANDS.referentiels, {});
    if (referentiels.length === 0) {
        void vscode.window.showErrorMessage(l10n.t('No référentiel in this workspace: open the folder that holds your .ref files.'));
        return undefined;
    }
    if (referentiels.length === 1) return vscode.Uri.parse(referentiels[0].uri);
    const picked = await vscode.window.showQuickPick(
        referentiels.map(r => ({ label: r.code, description: r.titre, detail: r.type === 'socle' ? l10n.t('shared socle') : undefined, uri: r.uri })),
        { title, matchOnDescription: true }
    );
    return picked ? vscode.Uri.parse(picked.uri) : undefined;
}

const FORMAT_LABELS: Record<ExportFormat, () => string> = {
    json: () => 'JSON',
    'rncp-xml': () => l10n.t('RNCP XML'),
    case: () => 'CASE',
    docx: () => 'Word',
    pdf: () => 'PDF',
    html: () => 'HTML'
};

/** Les octets d'un résultat d'export : le texte en UTF-8, ou les octets binaires décodés du base64. */
export function exportBytes(result: { texte?: string; base64?: string }): Uint8Array {
    if (result.base64 !== undefined) return new Uint8Array(Buffer.from(result.base64, 'base64'));
    return new TextEncoder().encode(result.texte ?? '');
}

export async function exportJsonCommand(server: Server, target?: vscode.Uri | ExportTarget): Promise<vscode.Uri | undefined> {
    return exportCommand(server, 'json', target);
}

export async function exportCommand(server: Server, format: ExportFormat, target?: vscode.Uri | ExportTarget): Promise<vscode.Uri | undefined> {
    const options: ExportTarget = target instanceof vscode.Uri ? { uri: target } : target ?? {};
    try {
        const source = await pickReferentielFile(server, options.uri, l10n.t('Which référentiel do you want to export?'));
        if (!source) return undefined;
        const result = await server.run(SERVER_COMMANDS.export, { uri: source.toString(), format });
        const { code, extension } = result;
        let destination = options.destination ? asUri(options.destination) : undefined;
        if (!destination) {
            const folder = vscode.workspace.getWorkspaceFolder(source)?.uri ?? vscode.Uri.file(path.dirname(source.fsPath));
            const label = FORMAT_LABELS[format]();
            destination = await vscode.window.showSaveDialog({
                defaultUri: vscode.Uri.joinPath(folder, `${code.toLowerCase()}.${extension}`),
                filters: { [label]: [extension.split('.').pop()!] },
                saveLabel: l10n.t('Export'),
                title: format === 'json' ? l10n.t('Export référentiel {0} as JSON', code) : l10n.t('Export référentiel {0} as {1}', code, label)
            });
            if (!destination) return undefined;
        }
        await writeAtomic(destination, exportBytes(result));
        const open = l10n.t('Open');
        // Un document Word ou PDF s'ouvre dans l'application du système, un texte dans l'éditeur.
        const binary = result.base64 !== undefined;
        void vscode.window.showInformationMessage(l10n.t('Référentiel {0} exported to {1}.', code, vscode.workspace.asRelativePath(destination)), open)
            .then(choice => {
                if (choice !== open) return;
                if (binary) void vscode.env.openExternal(destination!);
                else void vscode.window.showTextDocument(destination!);
            });
        return destination;
    } catch (error) {
        void vscode.window.showErrorMessage(errorMessage(error));
        return undefined;
    }
}

/**
 * Écrit d'un coup : fichier temporaire à côté (nommé comme ceux du serveur, `common/files.ts`), puis
 * renommage. Jamais de fichier à moitié écrit. Par `vscode.workspace.fs` : marche aussi à distance.
 */
export async function writeAtomic(destination: vscode.Uri, bytes: Uint8Array): Promise<void> {
    const name = path.posix.basename(destination.path);
    const temporary = destination.with({ path: path.posix.join(path.posix.dirname(destination.path), temporaryName(name)) });
    try {
        await vscode.workspace.fs.writeFile(temporary, bytes);
        await vscode.workspace.fs.rename(temporary, destination, { overwrite: true });
    } catch (error) {
        await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
        throw new Error(l10n.t('Cannot write {0}: {1}', destination.fsPath, errorMessage(error)));
    }
}
