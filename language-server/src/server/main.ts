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
import { detectLocale, parseLocale, setLocale } from '../i18n/locale.js';
import { createReferentielServices } from '../referentiel-module.js';

export interface ReferentielInitializationOptions {
    /** Réglage `referentiel.langue` : fr, en ou auto (la langue de l'éditeur). */
    readonly langue?: 'fr' | 'en' | 'auto';
}

/** La langue des messages : le réglage, sinon celle de l'éditeur, sinon l'environnement (français par défaut). */
export function initialLocale(options: ReferentielInitializationOptions | undefined, editorLocale: string | undefined): 'fr' | 'en' {
    const langue = options?.langue;
    if (langue === 'fr' || langue === 'en') return langue;
    return parseLocale(editorLocale) ?? detectLocale();
}

export function startServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared } = createReferentielServices({ connection, ...NodeFileSystem });
    shared.lsp.LanguageServer.onInitialize(params => {
        setLocale(initialLocale(params.initializationOptions as ReferentielInitializationOptions | undefined, params.locale));
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
