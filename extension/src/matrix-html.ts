/**
 * Le HTML de la matrice de couverture, sans `vscode` (testé dans Chromium : test/browser/).
 * Fait pour 40 compétences dans un panneau latéral :
 * - les compétences **non évaluées d'abord**, en liste, chacune un bouton vers son texte ;
 * - un tableau **par bloc** : ses compétences en lignes, en colonnes seulement les modalités qui
 *   en évaluent au moins une (celles du bloc et, s'il y a lieu, d'un autre bloc) — pas de mer de
 *   cases vides ;
 * - la colonne des compétences reste en place quand le tableau défile (`position: sticky`) ;
 * - un **mode compact** (bouton à bascule) : les codes seuls, les textes en infobulle (et pour
 *   les lecteurs d'écran) ;
 * - accessible (axe-core WCAG 2.1 A/AA) : légendes, en-têtes de lignes et de colonnes, marques
 *   textuelles, régions défilantes atteignables au clavier.
 */
import * as l10n from '@vscode/l10n';
import { escapeHtml as esc } from '../../language-server/src/common/markup.js';
import type { CoverageMatrix, CoverageRow, SourceLocation } from '../../language-server/src/protocol/commands.js';

export interface MatrixHtmlOptions {
    /** La politique de sécurité de la vue (sans elle : aucun <meta>, pour les tests dans un navigateur). */
    readonly csp?: string;
    readonly nonce: string;
    readonly lang: 'fr' | 'en';
}

const STYLE = `
:root { color-scheme: light dark;
  --fg: var(--vscode-foreground, CanvasText); --bg: var(--vscode-editor-background, Canvas);
  --link: var(--vscode-textLink-foreground, light-dark(#0b57b8, #6cb6ff)); --border: var(--vscode-panel-border, #8888);
  --muted: var(--vscode-descriptionForeground, light-dark(#545454, #b8b8b8)); --error: var(--vscode-errorForeground, light-dark(#b3261e, #ff8f86));
  --focus: var(--vscode-focusBorder, #0b57b8); }
body { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 13px);
  color: var(--fg); background: var(--bg); padding: 0 .75rem 2rem; line-height: 1.45; margin: 0; }
h1 { font-size: 1.3em; margin: 1rem 0 .25rem; }
h2 { font-size: 1.1em; margin: 1.25rem 0 .25rem; }
p.summary { margin: 0 0 .5rem; }
.toolbar { margin: .5rem 0; }
.scroll { overflow-x: auto; max-width: 100%; position: relative; }
.scroll:focus-visible { outline: 2px solid var(--focus); }
table { border-collapse: separate; border-spacing: 0; }
caption { text-align: start; padding: .25rem 0 .4rem; color: var(--muted); }
th, td { border: 1px solid var(--border); padding: .25rem .4rem; vertical-align: top; text-align: start; background: var(--bg); }
thead th { position: sticky; top: 0; z-index: 2; }
th[scope=row] { position: sticky; inset-inline-start: 0; z-index: 1; font-weight: normal; min-width: 9rem; max-width: 22rem; }
thead th:first-child { inset-inline-start: 0; z-index: 3; }
td { white-space: nowrap; }
.code { font-family: var(--vscode-editor-font-family, monospace); font-weight: 600; }
.muted { color: var(--muted); }
button.link { background: none; border: none; padding: 0; margin: 0; font: inherit; color: var(--link);
  text-decoration: underline; cursor: pointer; text-align: start; }
button.link:focus-visible, button.toggle:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
button.toggle { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border); padding: .2rem .6rem; cursor: pointer; }
button.toggle[aria-pressed=true] { border-color: var(--focus); font-weight: 600; }
.none { font-weight: 700; color: var(--error); }
ul.gaps, ul.legend { padding-inline-start: 1.2rem; margin: .25rem 0; }
tr.uncovered th[scope=row] { border-inline-start: 4px solid var(--error); }
.sr-only, .compact .text, .compact .label { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.compact th[scope=row] { min-width: 0; }
`;

const SCRIPT = `
const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
const toggle = document.getElementById('compact');
const apply = on => { document.body.classList.toggle('compact', on); toggle.setAttribute('aria-pressed', String(on)); };
apply(Boolean(vscode && vscode.getState() && vscode.getState().compact));
toggle.addEventListener('click', () => {
  const on = toggle.getAttribute('aria-pressed') !== 'true';
  apply(on);
  if (vscode) vscode.setState({ compact: on });
});
document.addEventListener('click', event => {
  const button = event.target instanceof Element ? event.target.closest('button[data-target]') : null;
  if (button && vscode) vscode.postMessage({ type: 'ouvrir', index: Number(button.dataset.target) });
});
`;

/** Le HTML de la vue et la liste des endroits que ses boutons ouvrent (dans l'ordre de leurs numéros). */
export function renderMatrixHtml(matrix: CoverageMatrix, options: MatrixHtmlOptions): { html: string; targets: SourceLocation[] } {
    const targets: SourceLocation[] = [];
    const go = (where: SourceLocation, title: string, inner: string): string => {
        targets.push({ uri: where.uri, range: where.range });
        // Le nom accessible est le texte du bouton (WCAG 2.5.3) ; l'infobulle dit ce qu'il ouvre.
        return `<button type="button" class="link" data-target="${targets.length - 1}" title="${esc(title)}">${inner}</button>`;
    };
    const code = (value: string): string => `<span class="code">${esc(value)}</span>`;
    const competency = (row: CoverageRow): string => go(row, l10n.t('Open competency {0}: {1}', row.code, row.texte), code(row.code));
    const modaliteByCode = new Map(matrix.modalites.map(m => [m.code, m]));
    const openModalite = (m: { code: string; titre: string } & SourceLocation): string => go(m, l10n.t('Open modalité {0}: {1}', m.code, m.titre), code(m.code));

    const uncovered = matrix.lignes.filter(l => !l.evaluee);
    const gaps = uncovered.length === 0 ? '' : `<section aria-labelledby="gaps">
<h2 id="gaps">${esc(l10n.t('Not assessed ({0})', uncovered.length))}</h2>
<ul class="gaps">
${uncovered.map(row => `<li>${competency(row)} <span class="text">${esc(row.texte)}</span> <span class="muted">(${esc(row.bloc ?? (row.socle ? l10n.t('socle {0}', row.socle) : '—'))})</span></li>`).join('\n')}
</ul>
</section>`;

    // Les compétences par bloc, dans l'ordre du référentiel ; celles d'aucun bloc à la fin.
    const groups = new Map<string | null, CoverageRow[]>();
    for (const row of matrix.lignes) {
        const list = groups.get(row.bloc) ?? [];
        list.push(row);
        groups.set(row.bloc, list);
    }
    const blocTitles = new Map((matrix.blocs ?? []).map(b => [b.code, b]));
    const order = [...groups.keys()].sort((a, b) => (a === null ? 1 : 0) - (b === null ? 1 : 0));
    const sections = order.map((bloc, index) => {
        const rows = groups.get(bloc)!;
        const used = new Set(rows.flatMap(r => r.cellules.map(c => c.modalite)));
        // Les modalités du bloc d'abord, puis celles d'un autre bloc qui évaluent ses compétences.
        const columns = matrix.modalites.filter(m => used.has(m.code))
            .sort((a, b) => Number(a.bloc !== bloc) - Number(b.bloc !== bloc));
        const info = bloc ? blocTitles.get(bloc) : undefined;
        const headingId = `bloc-${index}`;
        const heading = bloc
            ? `${esc(l10n.t('Bloc {0}', bloc))}${info?.titre ? ` — <span lang="fr">${esc(info.titre)}</span>` : ''}`
            : esc(l10n.t('Outside any bloc'));
        const head = columns.map(m => `<th scope="col">${openModalite(m)}${m.bloc !== bloc && m.bloc ? ` <span class="muted">(${esc(m.bloc)})</span>` : ''}</th>`).join('');
        const body = rows.map(row => {
            const cells = columns.map(m => {
                const cell = row.cellules.find(c => c.modalite === m.code);
                if (!cell) return `<td><span aria-hidden="true" class="muted">·</span><span class="sr-only">${esc(l10n.t('not assessed by {0}', m.code))}</span></td>`;
                const criteria = cell.criteres.map(c => go(c, l10n.t('Open criterion {0}: {1}', c.code, c.texte), code(c.code))
                    + (c.eliminatoire ? ` <em>(${esc(l10n.t('eliminatory'))})</em>` : '')).join(', ');
                return `<td>${go(cell, l10n.t('Open the assessment of {0} by {1}', row.code, m.code), `<span aria-hidden="true">✓</span><span class="label"> ${esc(l10n.t('assessed by {0}', m.code))}</span>`)}`
                    + (criteria ? `<br><span class="label">${esc(l10n.t('checked by:'))} </span>${criteria}` : '') + '</td>';
            }).join('');
            const origin = row.socle ? ` <span class="muted">(${esc(l10n.t('socle {0}', row.socle))})</span>` : '';
            const status = row.evaluee ? '' : ` <span class="none"><span aria-hidden="true">⚠ </span>${esc(l10n.t('NOT ASSESSED'))}</span>`;
            return `<tr${row.evaluee ? '' : ' class="uncovered"'}><th scope="row">${competency(row)} <span class="text">${esc(row.texte)}</span>${origin}${status}</th>${cells}</tr>`;
        }).join('\n');
        const caption = l10n.t('{0} competencies, assessed by {1} modalités. Each code opens its source.', rows.length, columns.length);
        return `<section aria-labelledby="${headingId}">
<h2 id="${headingId}">${heading}</h2>
<div class="scroll" tabindex="0" role="region" aria-labelledby="${headingId}">
<table>
<caption>${esc(caption)}</caption>
<thead><tr><th scope="col">${esc(l10n.t('Competency'))}</th>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
</section>`;
    }).join('\n');

    const legend = matrix.modalites.map(m =>
        `<li>${openModalite(modaliteByCode.get(m.code)!)} <span lang="fr">${esc(m.titre)}</span>${m.bloc ? ` <span class="muted">(${esc(m.bloc)})</span>` : ''}</li>`
    ).join('\n');
    const summary = l10n.t('{0} competencies, {1} modalités.', matrix.lignes.length, matrix.modalites.length) + ' ' + (uncovered.length === 0
        ? l10n.t('Every competency is assessed by at least one modalité.')
        : uncovered.length === 1 ? l10n.t('1 competency is not assessed by any modalité.') : l10n.t('{0} competencies are not assessed by any modalité.', uncovered.length));
    const title = l10n.t('Coverage matrix of {0}', matrix.code);
    const html = `<!DOCTYPE html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
${options.csp ? `<meta http-equiv="Content-Security-Policy" content="${options.csp}">\n` : ''}<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style nonce="${options.nonce}">${STYLE}</style>
</head>
<body>
<main>
<h1>${esc(title)}${matrix.titre ? ` — <span lang="fr">${esc(matrix.titre)}</span>` : ''}</h1>
<p class="summary">${esc(summary)}</p>
<div class="toolbar"><button type="button" class="toggle" id="compact" aria-pressed="false" title="${esc(l10n.t('Codes only; the texts are in the tooltips'))}">${esc(l10n.t('Compact view'))}</button></div>
${gaps}
${sections}
<h2>${esc(l10n.t('Modalités'))}</h2>
<ul class="legend">
${legend}
</ul>
</main>
<script nonce="${options.nonce}">${SCRIPT}</script>
</body>
</html>`;
    return { html, targets };
}
