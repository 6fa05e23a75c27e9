/**
 * Point d'entrée du serveur de langage (construit dans out/server.cjs) : LSP sur --stdio,
 * --node-ipc ou --socket=PORT, comme le choisit le client. Le même assemblage de services que la
 * ligne de commande et les tests (createReferentielServices), plus le système de fichiers Node.
 *
 * Le serveur ne s'arrête pas sur une erreur : une requête qui échoue rend une erreur LSP,
 * et le détail va dans la console de la connexion (sortie « Référentiel » de l'éditeur).
 */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { setLocale } from '../i18n/locale.js';
import { ReferentielCommandHandler } from '../lsp/commands.js';
import { readSettings, type ReferentielSettings } from '../lsp/settings.js';
import { createReferentielServices } from '../referentiel-module.js';

/**
 * Options d'initialisation (pour les éditeurs qui les donnent plus facilement que des réglages :
 * Neovim `init_options`, eglot `:initializationOptions`) : `langue` = fr, en ou auto.
 * Les réglages `referentiel.*` lus ensuite (workspace/configuration) peuvent la changer.
 */
export type ReferentielInitializationOptions = Pick<ReferentielSettings, 'langue'>;

export function startServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    // Les commandes du serveur (exports, imports, évaluation) : seulement ici, pas dans la ligne de commande.
    const { shared } = createReferentielServices({ connection, ...NodeFileSystem }, {
        lsp: { ExecuteCommandHandler: (s) => new ReferentielCommandHandler(s) }
    });
    shared.lsp.LanguageServer.onInitialize(params => {
        // La langue de départ : l'option, sinon (auto) celle de l'éditeur, sinon l'environnement.
        const options = params.initializationOptions as ReferentielInitializationOptions | undefined;
        const { locale } = readSettings({ langue: options?.langue ?? 'auto' }, params.locale);
        if (locale) setLocale(locale);
    });
    const report = (what: string) => (error: unknown): void => {
        const text = error instanceof Error ? error.stack ?? error.message : String(error);
        try {
            connection.console.error(`${what}: ${text}`);
        } catch {
            process.stderr.write(`${what}: ${text}\n`);
        }
    };
    process.on('uncaughtException', report('Erreur non rattrapée'));
    process.on('unhandledRejection', report('Promesse rejetée sans traitement'));
    startLanguageServer(shared);
}

startServer();
