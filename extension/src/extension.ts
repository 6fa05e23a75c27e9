/**
 * L'extension VS Code Référentiel : elle démarre le serveur de langage (out/server.cjs) et ajoute
 * les commandes d'évaluation, d'export et de couverture. Aucune logique métier ici : tout est
 * demandé au serveur (workspace/executeCommand) et affiché.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import {
    ErrorCodes, LanguageClient, LSPErrorCodes, PrepareRenameRequest, RenameRequest, ResponseError, TransportKind,
    type LanguageClientOptions, type Middleware, type ServerOptions
} from 'vscode-languageclient/node';
import { EvaluationController } from './evaluation.js';
import { exportCommand, exportJsonCommand, type ExportTarget } from './export.js';
import { configureLangue } from './i18n.js';
import { importWordCommand, type ImportWordTarget } from './import-word.js';
import { juryDocumentsCommand, type JuryTarget } from './jury.js';
import { MatrixController } from './matrix.js';
import { newReferentielCommand, type NewReferentielTarget } from './new-referentiel.js';
import { PreviewController, type PreviewOutcome } from './preview.js';
import { Server } from './server.js';

export const COMMANDS = {
    evaluer: 'referentiel.evaluerDossierCandidat',
    exporterJson: 'referentiel.exporterReferentielJson',
    exporterRncp: 'referentiel.exporterReferentielRncpXml',
    exporterCase: 'referentiel.exporterReferentielCase',
    exporterWord: 'referentiel.exporterReferentielWord',
    exporterPdf: 'referentiel.exporterReferentielPdf',
    apercu: 'referentiel.afficherApercuDocument',
    matrice: 'referentiel.afficherMatriceCouverture',
    importerWord: 'referentiel.importerReferentielWord',
    nouveau: 'referentiel.nouveauReferentiel',
    procesVerbal: 'referentiel.produireProcesVerbal',
    certificats: 'referentiel.produireCertificatsDeBloc',
    redemarrer: 'referentiel.redemarrerServeur'
} as const;

let client: LanguageClient | undefined;

/** Ce que rend activate() : utile aux tests et aux autres extensions. */
export interface ReferentielApi {
    readonly client: () => LanguageClient | undefined;
    readonly ready: Promise<void>;
    /** Chaque mise à jour d'un aperçu du document publié. */
    readonly onDidUpdatePreview: vscode.Event<PreviewOutcome>;
}

export async function activate(context: vscode.ExtensionContext): Promise<ReferentielApi> {
    configureLangue();
    const output = vscode.window.createOutputChannel('Référentiel', { log: true });
    context.subscriptions.push(output);

    let started: Promise<LanguageClient> = startClient(context, output);
    const server = new Server(() => started);
    const evaluation = new EvaluationController(server, output);
    const matrix = new MatrixController(server);
    const preview = new PreviewController(server);
    context.subscriptions.push(evaluation, matrix, preview);

    context.subscriptions.push(
        vscode.commands.registerCommand(COMMANDS.evaluer, (target?: vscode.Uri | { uri?: string }) => evaluation.command(target)),
        vscode.commands.registerCommand(COMMANDS.exporterJson, (target?: vscode.Uri | ExportTarget) => exportJsonCommand(server, target)),
        vscode.commands.registerCommand(COMMANDS.exporterRncp, (target?: vscode.Uri | ExportTarget) => exportCommand(server, 'rncp-xml', target)),
        vscode.commands.registerCommand(COMMANDS.exporterCase, (target?: vscode.Uri | ExportTarget) => exportCommand(server, 'case', target)),
        vscode.commands.registerCommand(COMMANDS.exporterWord, (target?: vscode.Uri | ExportTarget) => exportCommand(server, 'docx', target)),
        vscode.commands.registerCommand(COMMANDS.exporterPdf, (target?: vscode.Uri | ExportTarget) => exportCommand(server, 'pdf', target)),
        vscode.commands.registerCommand(COMMANDS.apercu, (target?: vscode.Uri | { uri?: string }) => preview.command(target)),
        vscode.commands.registerCommand(COMMANDS.matrice, (target?: vscode.Uri | { uri?: string }) => matrix.command(target)),
        vscode.commands.registerCommand(COMMANDS.importerWord, (target?: vscode.Uri | ImportWordTarget) => importWordCommand(server, target)),
        vscode.commands.registerCommand(COMMANDS.nouveau, (target?: NewReferentielTarget) => newReferentielCommand(server, target)),
        vscode.commands.registerCommand(COMMANDS.procesVerbal, (target?: vscode.Uri | JuryTarget) => juryDocumentsCommand(server, 'pv', target)),
        vscode.commands.registerCommand(COMMANDS.certificats, (target?: vscode.Uri | JuryTarget) => juryDocumentsCommand(server, 'certificats', target)),
        vscode.commands.registerCommand(COMMANDS.redemarrer, async () => {
            await stopClient();
            started = startClient(context, output);
            await started;
        }),
        vscode.workspace.onDidChangeConfiguration(event => {
            // Le serveur suit le réglage de lui-même (workspace/didChangeConfiguration) ; ici, les vues.
            if (event.affectsConfiguration('referentiel.langue')) configureLangue();
        })
    );

    const ready = started.then(() => undefined, error => {
        output.appendLine(String(error instanceof Error ? error.stack ?? error.message : error));
        void vscode.window.showErrorMessage(String(error instanceof Error ? error.message : error));
    });
    return { client: () => client, ready, onDidUpdatePreview: preview.onDidUpdate };
}

export async function deactivate(): Promise<void> {
    await stopClient();
}

async function stopClient(): Promise<void> {
    const running = client;
    client = undefined;
    if (running) {
        await running.stop(2000).catch(() => undefined);
    }
}

async function startClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<LanguageClient> {
    const module = context.asAbsolutePath('out/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const configuration = vscode.workspace.getConfiguration('referentiel');
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'referentiel' },
            { scheme: 'untitled', language: 'referentiel' }
        ],
        synchronize: {
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*.ref')
        },
        outputChannel: output,
        initializationOptions: { langue: configuration.get<string>('langue', 'auto') },
        middleware: { ...codeLensMiddleware(() => client), ...renameMiddleware(() => client) }
    };
    const created = new LanguageClient('referentiel', 'Référentiel', serverOptions, clientOptions);
    client = created;
    await created.start();
    return created;
}

/**
 * Les lentilles du serveur portent la commande `editor.action.showReferences` avec des arguments
 * sérialisés par LSP (URI en texte, positions et emplacements en objets simples) ; VS Code attend
 * ses propres objets (Uri, Position, Location[]). On les convertit ici.
 */
export function codeLensMiddleware(current: () => LanguageClient | undefined): Middleware {
    const convert = (lens: vscode.CodeLens | null | undefined): void => {
        const command = lens?.command;
        const c = current();
        if (!command || !c || command.command !== 'editor.action.showReferences' || !Array.isArray(command.arguments)) return;
        const [uri, position, locations] = command.arguments as [unknown, unknown, unknown];
        if (typeof uri !== 'string') return;
        const p2c = c.protocol2CodeConverter;
        command.arguments = [
            p2c.asUri(uri),
            p2c.asPosition(position as { line: number; character: number }),
            Array.isArray(locations) ? locations.map(l => p2c.asLocation(l as { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } })) : []
        ];
    };
    return {
        provideCodeLenses: async (document, token, next) => {
            const lenses = await next(document, token);
            lenses?.forEach(convert);
            return lenses;
        },
        resolveCodeLens: async (lens, token, next) => {
            const resolved = await next(lens, token);
            convert(resolved);
            return resolved;
        }
    };
}

/**
 * Un renommage que le serveur refuse (code déjà pris, invalide, pas un code) n'est pas une panne :
 * la raison revient comme ResponseError, que VS Code doit montrer dans la boîte de renommage. Le
 * client LSP, lui, l'écrirait comme erreur (avec sa pile) dans la sortie « Référentiel ». On
 * envoie donc la requête nous-mêmes et on rend la raison seule ; les autres erreurs passent.
 */
export function renameMiddleware(current: () => LanguageClient | undefined): Middleware {
    const refused = (error: unknown): error is ResponseError<unknown> =>
        error instanceof ResponseError && (error.code === ErrorCodes.InvalidParams || error.code === LSPErrorCodes.RequestFailed);
    return {
        provideRenameEdits: async (document, position, newName, token, next) => {
            const c = current();
            if (!c) return next(document, position, newName, token);
            const params = { textDocument: c.code2ProtocolConverter.asTextDocumentIdentifier(document), position: c.code2ProtocolConverter.asPosition(position), newName };
            try {
                const result = await c.sendRequest(RenameRequest.type, params, token);
                return token.isCancellationRequested || !result ? null : await c.protocol2CodeConverter.asWorkspaceEdit(result, token);
            } catch (error) {
                if (refused(error)) throw new Error(error.message);
                if (token.isCancellationRequested) return null;
                throw error;
            }
        },
        prepareRename: async (document, position, token, next) => {
            const c = current();
            if (!c) return next(document, position, token);
            const params = { textDocument: c.code2ProtocolConverter.asTextDocumentIdentifier(document), position: c.code2ProtocolConverter.asPosition(position) };
            try {
                const result = await c.sendRequest(PrepareRenameRequest.type, params, token);
                if (token.isCancellationRequested) return null;
                // Rien à renommer ici (mot-clé, texte) : VS Code le dit lui-même.
                if (!result) throw new Error(l10n.t('Only a code can be renamed here.'));
                if ('start' in result) return c.protocol2CodeConverter.asRange(result);
                if ('range' in result) return { range: c.protocol2CodeConverter.asRange(result.range), placeholder: result.placeholder };
                return null;
            } catch (error) {
                if (refused(error)) throw new Error(error.message);
                throw error;
            }
        }
    };
}
