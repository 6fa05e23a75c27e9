/**
 * « Aperçu du document publié » : le document que produisent les exports Word et PDF, en HTML
 * (les octets de `referentiel export --format html`), dans une vue à côté de l'éditeur, mise à
 * jour pendant la frappe (modification d'un .ref du référentiel, après une courte pause). La vue
 * n'exécute aucun script et suit la politique de sécurité stricte des autres vues (webview.ts).
 * Si le référentiel a des erreurs, la vue garde le dernier document et son titre le dit.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { SERVER_COMMANDS } from '../../language-server/src/protocol/commands.js';
import { pickReferentielFile } from './export.js';
import { errorMessage, type Server } from './server.js';
import { secureDocument } from './webview.js';

/** La pause après la dernière frappe avant de redemander le document (millisecondes). */
export const PREVIEW_DELAY = 400;

/** Ce que rend la commande (tests, autres extensions). */
export interface PreviewOutcome {
    readonly code: string;
    /** Le HTML montré (avant l'ajout de la politique de sécurité). */
    readonly html: string;
}

export class PreviewController implements vscode.Disposable {
    private readonly panels = new Map<string, { panel: vscode.WebviewPanel; source: vscode.Uri; html: string; version: number }>();
    private readonly disposables: vscode.Disposable[] = [];
    private timer: NodeJS.Timeout | undefined;
    private readonly emitter = new vscode.EventEmitter<PreviewOutcome>();
    /** Chaque mise à jour d'un aperçu (tests). */
    readonly onDidUpdate = this.emitter.event;

    constructor(private readonly server: Server) {
        this.disposables.push(
            this.emitter,
            vscode.workspace.onDidChangeTextDocument(event => {
                if (this.panels.size > 0 && event.document.languageId === 'referentiel' && event.contentChanges.length > 0) this.schedule();
            }),
            // Le serveur republie les diagnostics après chaque vérification (fichiers modifiés sur le disque aussi).
            vscode.languages.onDidChangeDiagnostics(event => {
                if (this.panels.size > 0 && event.uris.some(u => u.path.endsWith('.ref'))) this.schedule();
            })
        );
    }

    async command(target?: vscode.Uri | { uri?: string | vscode.Uri }): Promise<PreviewOutcome | undefined> {
        const given = target instanceof vscode.Uri ? target : target?.uri;
        try {
            const source = await pickReferentielFile(this.server, given, l10n.t('Which référentiel?'));
            if (!source) return undefined;
            return await this.show(source, true);
        } catch (error) {
            void vscode.window.showErrorMessage(errorMessage(error));
            return undefined;
        }
    }

    private async show(source: vscode.Uri, reveal: boolean): Promise<PreviewOutcome> {
        const result = await this.server.run(SERVER_COMMANDS.export, { uri: source.toString(), format: 'html' });
        const html = result.texte ?? '';
        let entry = this.panels.get(result.code);
        if (!entry) {
            const panel = vscode.window.createWebviewPanel('referentiel.apercu', '', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
                enableScripts: false,
                enableFindWidget: true,
                localResourceRoots: []
            });
            const created = { panel, source, html: '', version: 0 };
            this.panels.set(result.code, created);
            panel.onDidDispose(() => this.panels.delete(result.code));
            entry = created;
        } else if (reveal) {
            entry.panel.reveal(undefined, true);
        }
        entry.source = source;
        entry.panel.title = l10n.t('Preview — {0}', result.code);
        if (entry.html !== html) {
            entry.html = html;
            entry.panel.webview.html = secureDocument(html, entry.panel.webview);
        }
        const outcome = { code: result.code, html };
        this.emitter.fire(outcome);
        return outcome;
    }

    private schedule(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), PREVIEW_DELAY);
    }

    private async refresh(): Promise<void> {
        for (const [code, entry] of [...this.panels]) {
            try {
                await this.show(entry.source, false);
            } catch (error) {
                // Le référentiel a des erreurs (ou le fichier a disparu) : la vue garde le dernier document.
                entry.panel.title = l10n.t('Preview — {0} (not up to date)', code);
                void error;
            }
        }
    }

    dispose(): void {
        clearTimeout(this.timer);
        for (const { panel } of this.panels.values()) panel.dispose();
        for (const d of this.disposables) d.dispose();
    }
}
