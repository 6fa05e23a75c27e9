/**
 * « Importer un référentiel Word… » : demande le document (.docx) et le dossier où écrire les
 * fichiers .ref, puis le serveur fait l'import (`referentiel.importerWord`, le même que
 * `referentiel import docx`). Si des fichiers existent déjà, on demande avant de les remplacer.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { SERVER_COMMANDS, type ImportWordResult } from '../../language-server/src/protocol/commands.js';
import { errorMessage, runReplacingIfConfirmed, type Server } from './server.js';

export interface ImportWordTarget {
    /** Le document Word (sinon : boîte de dialogue). */
    readonly fichier?: string | vscode.Uri;
    /** Le dossier de sortie (sinon : boîte de dialogue). */
    readonly dossier?: string | vscode.Uri;
    /** Remplacer sans demander les fichiers qui existent déjà (scripts, tests). */
    readonly remplacer?: boolean;
}

const asUri = (value: string | vscode.Uri): vscode.Uri =>
    typeof value === 'string' ? (/^[a-z][\w+.-]+:/i.test(value) && !/^[a-z]:[\\/]/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value)) : value;

export async function importWordCommand(server: Server, target: vscode.Uri | ImportWordTarget = {}): Promise<ImportWordResult | undefined> {
    const options: ImportWordTarget = target instanceof vscode.Uri ? { fichier: target } : target;
    try {
        let fichier = options.fichier ? asUri(options.fichier) : undefined;
        if (!fichier) {
            const picked = await vscode.window.showOpenDialog({
                canSelectMany: false,
                filters: { [l10n.t('Word document')]: ['docx'] },
                openLabel: l10n.t('Import'),
                title: l10n.t('Which Word référentiel do you want to import?')
            });
            fichier = picked?.[0];
            if (!fichier) return undefined;
        }
        let dossier = options.dossier ? asUri(options.dossier) : undefined;
        if (!dossier) {
            const picked = await vscode.window.showOpenDialog({
                canSelectFiles: false,
                canSelectFolders: true,
                canSelectMany: false,
                defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
                openLabel: l10n.t('Write the .ref files here'),
                title: l10n.t('Folder for the .ref files of the référentiel')
            });
            dossier = picked?.[0];
            if (!dossier) return undefined;
        }
        const args = { fichier: fichier.toString(), dossier: dossier.toString(), remplacer: options.remplacer === true };
        const result = await runReplacingIfConfirmed(remplacer => server.run(SERVER_COMMANDS.importWord, { ...args, remplacer }), args.remplacer);
        if (!result) return undefined;
        const open = l10n.t('Open');
        void vscode.window.showInformationMessage(
            l10n.t('Référentiel {0} imported: {1} blocs, {2} competencies, {3} modalités, {4} criteria. {5} inferred links to review ("À relire" comments).',
                result.code, result.blocs, result.competences, result.modalites, result.criteres, result.liensDeduits),
            open
        ).then(choice => { if (choice === open) void vscode.window.showTextDocument(vscode.Uri.parse(result.fichiers[0])); });
        return result;
    } catch (error) {
        void vscode.window.showErrorMessage(errorMessage(error));
        return undefined;
    }
}
