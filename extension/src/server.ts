/** Les commandes du serveur (workspace/executeCommand) appelées par l'extension, typées. */
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExecuteCommandRequest, ResponseError } from 'vscode-languageclient/node';
import type {
    EvaluerResult, ExporterJsonResult, ExporterResult, MatriceCouverture, ReferentielInfo
} from '../../language-server/src/lsp/commands.js';

export type { EvaluerResult, ExporterJsonResult, ExporterResult, MatriceCouverture, ReferentielInfo };
export type { CelluleModalite, LigneMatrice, Emplacement, EvaluationDiagnostic } from '../../language-server/src/lsp/commands.js';

export interface ServerCommands {
    'referentiel.evaluer': { args: { uri: string; text?: string; code?: string }; result: EvaluerResult };
    'referentiel.exporterJson': { args: { uri: string }; result: ExporterJsonResult };
    'referentiel.exporter': { args: { uri: string; format: 'json' | 'rncp-xml' | 'case' }; result: ExporterResult };
    'referentiel.matriceCouverture': { args: { uri: string }; result: MatriceCouverture };
    'referentiel.referentiels': { args: Record<string, never>; result: ReferentielInfo[] };
}

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
    if (error instanceof ResponseError && error.data && Array.isArray((error.data as { choix?: unknown }).choix)) {
        return (error.data as { choix: string[] }).choix;
    }
    return undefined;
}
