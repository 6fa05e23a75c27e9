/**
 * « Afficher la matrice de couverture » : compétences × modalités, avec les critères qui vérifient
 * chaque compétence, un tableau par bloc, les compétences non évaluées d'abord, un mode compact
 * (matrix-html.ts). Chaque code est un bouton qui ouvre le texte source.
 * Les données viennent du serveur (referentiel.matriceCouverture) ; la vue se met à jour quand
 * les fichiers du référentiel changent.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { langue } from './i18n.js';
import { pickReferentielFile } from './export.js';
import { SERVER_COMMANDS, type CoverageMatrix, type SourceLocation } from '../../language-server/src/protocol/commands.js';
import { errorMessage, type Server } from './server.js';
import { renderMatrixHtml } from './matrix-html.js';
import { contentSecurityPolicy, nonce } from './webview.js';

interface OpenMessage {
    readonly type: 'ouvrir';
    readonly index: number;
}

export class MatrixController implements vscode.Disposable {
    private readonly panels = new Map<string, { panel: vscode.WebviewPanel; source: vscode.Uri; targets: SourceLocation[] }>();
    private readonly disposables: vscode.Disposable[] = [];
    private refreshTimer: NodeJS.Timeout | undefined;

    constructor(private readonly server: Server) {
        // Le serveur republie les diagnostics après chaque vérification : la matrice suit.
        this.disposables.push(vscode.languages.onDidChangeDiagnostics(e => {
            if (this.panels.size > 0 && e.uris.some(u => u.path.endsWith('.ref'))) this.scheduleRefresh();
        }));
    }

    async command(target?: vscode.Uri | { uri?: string | vscode.Uri }): Promise<string | undefined> {
        const given = target instanceof vscode.Uri ? target : target?.uri;
        try {
            const source = await pickReferentielFile(this.server, given, l10n.t('Which référentiel?'));
            if (!source) return undefined;
            const matrix = await this.server.run(SERVER_COMMANDS.coverageMatrix, { uri: source.toString() });
            this.show(source, matrix, true);
            return matrix.code;
        } catch (error) {
            void vscode.window.showErrorMessage(errorMessage(error));
            return undefined;
        }
    }

    private show(source: vscode.Uri, matrix: CoverageMatrix, reveal: boolean): void {
        let entry = this.panels.get(matrix.code);
        const title = l10n.t('Coverage — {0}', matrix.code);
        if (!entry) {
            const panel = vscode.window.createWebviewPanel('referentiel.matrice', title, vscode.ViewColumn.Beside, {
                enableScripts: true,
                enableFindWidget: true,
                localResourceRoots: []
            });
            const created = { panel, source, targets: [] as SourceLocation[] };
            this.panels.set(matrix.code, created);
            panel.onDidDispose(() => this.panels.delete(matrix.code));
            panel.webview.onDidReceiveMessage((message: OpenMessage) => this.open(created.targets, message));
            entry = created;
        } else if (reveal) {
            entry.panel.reveal(undefined, false);
        }
        entry.source = source;
        entry.panel.title = title;
        const { html, targets } = renderMatrix(matrix, entry.panel.webview);
        entry.targets = targets;
        entry.panel.webview.html = html;
    }

    /** Ouvre l'endroit désigné par un bouton de la vue (seulement ceux que la vue a reçus). */
    private async open(targets: readonly SourceLocation[], message: OpenMessage): Promise<void> {
        if (message?.type !== 'ouvrir' || !Number.isInteger(message.index)) return;
        const target = targets[message.index];
        if (!target) return;
        const { start, end } = target.range;
        const selection = new vscode.Range(start.line, start.character, end.line, end.character);
        await vscode.window.showTextDocument(vscode.Uri.parse(target.uri), { selection, viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    }

    private scheduleRefresh(): void {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void this.refresh(), 500);
    }

    private async refresh(): Promise<void> {
        for (const [code, entry] of [...this.panels]) {
            try {
                const matrix = await this.server.run(SERVER_COMMANDS.coverageMatrix, { uri: entry.source.toString() });
                if (matrix.code !== code) continue;
                this.show(entry.source, matrix, false);
            } catch {
                // Le fichier a peut-être disparu : la vue garde son dernier état.
            }
        }
    }

    dispose(): void {
        clearTimeout(this.refreshTimer);
        for (const { panel } of this.panels.values()) panel.dispose();
        for (const d of this.disposables) d.dispose();
    }
}

/** Le HTML de la vue (extension/src/matrix-html.ts) avec la politique de sécurité de la vue. */
export function renderMatrix(matrix: CoverageMatrix, webview: Pick<vscode.Webview, 'cspSource'>): { html: string; targets: SourceLocation[] } {
    const value = nonce();
    return renderMatrixHtml(matrix, { csp: contentSecurityPolicy(webview as vscode.Webview, value, { script: true }), nonce: value, lang: langue() });
}
