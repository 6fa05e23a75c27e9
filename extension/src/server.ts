/** Les commandes du serveur (workspace/executeCommand) appelées par l'extension, typées par le contrat partagé. */
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
export function choicesOf(error: unknown): string[] | undefined {
    if (error instanceof ResponseError && error.data && Array.isArray((error.data as CommandErrorData).choix)) {
        return (error.data as Required<CommandErrorData>).choix;
    }
    return undefined;
}
