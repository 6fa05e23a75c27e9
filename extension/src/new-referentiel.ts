/**
 * « Nouveau référentiel… » : demande le code, le titre et le nombre de blocs (boîtes de saisie),
 * puis le dossier ; le serveur écrit l'en-tête et un fichier par bloc (`referentiel.creerReferentiel`,
 * le même que `referentiel new`). Si des fichiers existent déjà, on demande avant de les remplacer.
 * La vérification des valeurs est celle du serveur : un refus revient comme message.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { SERVER_COMMANDS, type CreateReferentielResult } from '../../language-server/src/protocol/commands.js';
import { errorMessage, runReplacingIfConfirmed, type Server } from './server.js';

export interface NewReferentielTarget {
    readonly code?: string;
    readonly titre?: string;
    readonly blocs?: number;
    /** Le dossier où écrire (sinon : un sous-dossier du premier dossier de l'espace de travail, nommé d'après le code). */
    readonly dossier?: string | vscode.Uri;
    /** Remplacer sans demander les fichiers qui existent déjà (scripts, tests). */
    readonly remplacer?: boolean;
}

export async function newReferentielCommand(server: Server, target: NewReferentielTarget = {}): Promise<CreateReferentielResult | undefined> {
    try {
        const code = target.code ?? await vscode.window.showInputBox({
            title: l10n.t('New référentiel (1/3)'),
            prompt: l10n.t('Code of the certification, as in the files (for example DATA-ENGINEER)'),
            placeHolder: 'DATA-ENGINEER',
            ignoreFocusOut: true,
            validateInput: value => (/^\S+$/.test(value.trim()) ? undefined : l10n.t('One word: letters, digits, hyphens and dots.'))
        });
        if (code === undefined) return undefined;
        const titre = target.titre ?? await vscode.window.showInputBox({
            title: l10n.t('New référentiel (2/3)'),
            prompt: l10n.t('Title of the certification, as on its RNCP register entry'),
            ignoreFocusOut: true,
            validateInput: value => (value.trim() ? undefined : l10n.t('The title cannot be empty.'))
        });
        if (titre === undefined) return undefined;
        let blocs = target.blocs;
        if (blocs === undefined) {
            const answer = await vscode.window.showInputBox({
                title: l10n.t('New référentiel (3/3)'),
                prompt: l10n.t('Number of competency blocs (one file per bloc)'),
                value: '3',
                ignoreFocusOut: true,
                validateInput: value => (/^\d+$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= 30 ? undefined : l10n.t('An integer from 1 to 30.'))
            });
            if (answer === undefined) return undefined;
            blocs = Number(answer.trim());
        }
        let dossier = typeof target.dossier === 'string' ? vscode.Uri.parse(target.dossier) : target.dossier;
        if (!dossier) {
            const root = vscode.workspace.workspaceFolders?.[0]?.uri;
            const picked = await vscode.window.showOpenDialog({
                canSelectFiles: false,
                canSelectFolders: true,
                canSelectMany: false,
                defaultUri: root,
                openLabel: l10n.t('Write the .ref files here'),
                title: l10n.t('Folder for the .ref files of the référentiel')
            });
            dossier = picked?.[0];
            if (!dossier) return undefined;
        }
        const args = { dossier: dossier.toString(), code: code.trim(), titre: titre.trim(), blocs, remplacer: target.remplacer === true };
        const result = await runReplacingIfConfirmed(remplacer => server.run(SERVER_COMMANDS.createReferentiel, { ...args, remplacer }), args.remplacer);
        if (!result) return undefined;
        // Le premier bloc s'ouvre : c'est là qu'on commence à écrire.
        await vscode.window.showTextDocument(vscode.Uri.parse(result.fichiers[Math.min(1, result.fichiers.length - 1)]));
        void vscode.window.showInformationMessage(
            l10n.t('Référentiel {0} created: {1} files. Replace the texts of each bloc, then check the Problems view.', result.code, result.fichiers.length));
        return result;
    } catch (error) {
        void vscode.window.showErrorMessage(errorMessage(error));
        return undefined;
    }
}
