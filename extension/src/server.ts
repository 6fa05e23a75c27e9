/** Les commandes du serveur (workspace/executeCommand) appelées par l'extension, typées par le contrat partagé. */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExecuteCommandRequest, ResponseError } from 'vscode-languageclient/node';
import type { CommandErrorData, ServerCommands } from '../../language-server/src/protocol/commands.js';

export class Server {
    constructor(private readonly client: () => Promise<LanguageClient>) {}

    async run<K extends keyof ServerCommands>(command: K, args: ServerCommands[K]['args']): Promise<ServerCommands[K]['result']> {
        const client = await this.client();
        return await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] }) as ServerCommands[K]['result'];
    }
}

/** Le message d'une erreur du serveur (déjà en français ou en anglais), sans pile. */
export function errorMessage(error: unknown): string {
    if (error instanceof ResponseError) return error.message;
    if (error instanceof Error) return error.message;
    return String(error);
}

/** Les référentiels que le serveur propose de choisir quand il y en a plusieurs. */
/** Les fichiers déjà là qu'une commande refuse de remplacer sans confirmation (`data.existants`). */
export function existingOf(error: unknown): string[] | undefined {
    if (error instanceof ResponseError && error.data && Array.isArray((error.data as CommandErrorData).existants)) {
        return (error.data as Required<CommandErrorData>).existants;
    }
    return undefined;
}

/**
 * Lance une commande qui écrit des fichiers ; si elle refuse d'en remplacer, demande à
 * l'utilisateur (fenêtre modale) et la relance avec `remplacer` — `undefined` s'il renonce.
 */
export async function runReplacingIfConfirmed<T>(run: (remplacer: boolean) => Promise<T>, remplacer: boolean): Promise<T | undefined> {
    try {
        return await run(remplacer);
    } catch (error) {
        const existing = existingOf(error);
        if (!existing) throw error;
        const replace = l10n.t('Replace');
        const choice = await vscode.window.showWarningMessage(
            l10n.t('These files already exist: {0}. Replace them? A file completed by hand would be lost.', existing.join(', ')),
            { modal: true }, replace);
        if (choice !== replace) return undefined;
        return run(true);
    }
}

export function choicesOf(error: unknown): string[] | undefined {
    if (error instanceof ResponseError && error.data && Array.isArray((error.data as CommandErrorData).choix)) {
        return (error.data as Required<CommandErrorData>).choix;
    }
    return undefined;
}
