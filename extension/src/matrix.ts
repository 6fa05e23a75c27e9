/**
 * « Afficher la matrice de couverture » : compétences × modalités, avec les critères qui vérifient
 * chaque compétence. Un tableau accessible (légende, en-têtes de lignes et de colonnes, marques
 * textuelles, pas seulement des couleurs) dont chaque code est un bouton qui ouvre le texte source.
 * Les données viennent du serveur (referentiel.matriceCouverture) ; la vue se met à jour quand
 * les fichiers du référentiel changent.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { langue } from './i18n.js';
import { pickReferentielFile } from './export.js';
import { SERVER_COMMANDS, type CoverageMatrix, type SourceLocation } from '../../language-server/src/protocol/commands.js';
import { errorMessage, type Server } from './server.js';
import { escapeHtml as esc } from '../../language-server/src/common/markup.js';
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

const STYLE = `
:root { color-scheme: light dark; }
body { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 13px);
  color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1rem 2rem; line-height: 1.45; }
h1 { font-size: 1.4em; margin: 1rem 0 .25rem; }
p.summary { margin: 0 0 1rem; }
table { border-collapse: collapse; margin-top: .5rem; }
caption { text-align: start; font-weight: 600; padding: .25rem 0 .5rem; }
th, td { border: 1px solid var(--vscode-panel-border, #8888); padding: .3rem .45rem; vertical-align: top; text-align: start; }
thead th { position: sticky; top: 0; background: var(--vscode-editor-background); z-index: 1; }
th[scope=row] { font-weight: normal; min-width: 14rem; max-width: 26rem; }
td { min-width: 7.5rem; }
h2 { font-size: 1.15em; margin: 1.5rem 0 .25rem; }
ul.legend { list-style: none; padding: 0; }
ul.legend li { margin: .2rem 0; }
.code { font-family: var(--vscode-editor-font-family, monospace); font-weight: 600; }
.muted { opacity: 1; color: var(--vscode-descriptionForeground, inherit); }
button.link { background: none; border: none; padding: 0; margin: 0; font: inherit; color: var(--vscode-textLink-foreground);
  text-decoration: underline; cursor: pointer; text-align: start; }
button.link:hover { color: var(--vscode-textLink-activeForeground, var(--vscode-textLink-foreground)); }
button.link:focus-visible { outline: 2px solid var(--vscode-focusBorder); outline-offset: 2px; }
div.criteria { margin-top: .25rem; }
.none { font-weight: 700; color: var(--vscode-errorForeground); }
.ok { font-weight: 600; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
tr.uncovered th[scope=row] { border-inline-start: 4px solid var(--vscode-errorForeground); }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', event => {
  const button = event.target instanceof Element ? event.target.closest('button[data-target]') : null;
  if (button) vscode.postMessage({ type: 'ouvrir', index: Number(button.dataset.target) });
});
`;

/** Le HTML de la vue (exporté pour les tests) et la liste des endroits que ses boutons ouvrent. */
export function renderMatrix(matrix: CoverageMatrix, webview: Pick<vscode.Webview, 'cspSource'>): { html: string; targets: SourceLocation[] } {
    const targets: SourceLocation[] = [];
    const go = (where: SourceLocation, label: string, text: string, className = 'link'): string => {
        targets.push({ uri: where.uri, range: where.range });
        // Le nom accessible est le texte visible (WCAG 2.5.3) ; l'infobulle dit ce que fait le bouton.
        return `<button type="button" class="${className}" data-target="${targets.length - 1}" title="${esc(label)}">${text}</button>`;
    };
    const uncovered = matrix.lignes.filter(l => !l.evaluee).length;
    // En-têtes de colonnes : le code seul (les intitulés, souvent longs, sont dans la légende).
    const head = matrix.modalites.map(m =>
        `<th scope="col">${go(m, l10n.t('Open modalité {0}: {1}', m.code, m.titre), `<span class="code">${esc(m.code)}</span>`)}</th>`
    ).join('');
    const legend = matrix.modalites.map(m =>
        `<li>${go(m, l10n.t('Open modalité {0}: {1}', m.code, m.titre), `<span class="code">${esc(m.code)}</span>`)} <span lang="fr">${esc(m.titre)}</span>${m.bloc ? ` <span class="muted">(${esc(m.bloc)})</span>` : ''}</li>`
    ).join('\n');
    const rows = matrix.lignes.map(ligne => {
        const cells = matrix.modalites.map(m => {
            const cell = ligne.cellules.find(c => c.modalite === m.code);
            if (!cell) {
                return `<td><span aria-hidden="true">—</span><span class="sr-only">${esc(l10n.t('not assessed by {0}', m.code))}</span></td>`;
            }
            const criteria = cell.criteres.length === 0 ? ''
                : `<div class="criteria">${esc(l10n.t('checked by:'))} ${cell.criteres.map(c => go(c, l10n.t('Open criterion {0}: {1}', c.code, c.texte),
                    `<span class="code">${esc(c.code)}</span>`) + (c.eliminatoire ? ` <em>(${esc(l10n.t('eliminatory'))})</em>` : '')).join(', ')}</div>`;
            return `<td>${go(cell, l10n.t('Open the assessment of {0} by {1}', ligne.code, m.code), `<span aria-hidden="true">✓ </span>${esc(l10n.t('assessed by {0}', m.code))}`)}${criteria}</td>`;
        }).join('');
        const status = ligne.evaluee
            ? `<span class="ok">${esc(l10n.t('assessed ({0})', ligne.cellules.map(c => c.modalite).join(', ')))}</span>`
            : `<span class="none"><span aria-hidden="true">⚠ </span>${esc(l10n.t('NOT ASSESSED'))}</span>`;
        const origin = ligne.socle ? ` <span class="muted">(${esc(l10n.t('socle {0}', ligne.socle))})</span>` : '';
        return `<tr${ligne.evaluee ? '' : ' class="uncovered"'}><th scope="row">${go(ligne, l10n.t('Open competency {0}', ligne.code), `<span class="code">${esc(ligne.code)}</span>`)} ${esc(ligne.texte)}${origin}</th>`
            + `<td>${esc(ligne.bloc ?? '—')}</td>${cells}<td>${status}</td></tr>`;
    }).join('\n');
    const value = nonce();
    const summary = l10n.t('{0} competencies, {1} modalités.', matrix.lignes.length, matrix.modalites.length) + ' ' + (uncovered === 0
        ? l10n.t('Every competency is assessed by at least one modalité.')
        : uncovered === 1 ? l10n.t('1 competency is not assessed by any modalité.') : l10n.t('{0} competencies are not assessed by any modalité.', uncovered));
    const html = `<!DOCTYPE html>
<html lang="${langue()}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview as vscode.Webview, value, { script: true })}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(l10n.t('Coverage matrix of {0}', matrix.code))}</title>
<style nonce="${value}">${STYLE}</style>
</head>
<body>
<main>
<h1>${esc(l10n.t('Coverage matrix of {0}', matrix.code))}${matrix.titre ? ` — <span lang="fr">${esc(matrix.titre)}</span>` : ''}</h1>
<p class="summary">${esc(summary)}</p>
<table>
<caption>${esc(l10n.t('Competencies (rows) and the modalités that assess them (columns), with the criteria that check them. Each code opens its source.'))}</caption>
<thead><tr><th scope="col">${esc(l10n.t('Competency'))}</th><th scope="col">${esc(l10n.t('Bloc'))}</th>${head}<th scope="col">${esc(l10n.t('Coverage'))}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>${esc(l10n.t('Modalités'))}</h2>
<ul class="legend">
${legend}
</ul>
</main>
<script nonce="${value}">${SCRIPT}</script>
</body>
</html>`;
    return { html, targets };
}
