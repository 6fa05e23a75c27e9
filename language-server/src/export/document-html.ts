import { escapeHtml as esc } from '../common/markup.js';
import { HEADINGS, type BlocTable, type Paragraph, type PublishedDocument } from './published-document.js';

/**
 * Le document publié en HTML autonome (aucune ressource externe), accessible : langue, titres,
 * tableaux avec légende et en-têtes (`<th scope>`), et une feuille d'impression où les lignes
 * d'en-tête se répètent sur chaque page et où aucune ligne n'est coupée. Déterministe.
 */
export function renderDocumentHtml(document: PublishedDocument): string {
    const out: string[] = [];
    out.push('<!DOCTYPE html>');
    out.push('<html lang="fr-FR">');
    out.push('<head>');
    out.push('<meta charset="utf-8">');
    out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
    out.push(`<title>${esc(document.titre)} — référentiel</title>`);
    if (document.date) out.push(`<meta name="dcterms.modified" content="${esc(document.date)}">`);
    out.push(`<style>${STYLE}</style>`);
    out.push('</head>');
    out.push('<body>');
    out.push('<header>');
    out.push(`<h1>${esc(document.titre)}</h1>`);
    out.push('<dl class="identite">');
    for (const { label, value } of document.identite) out.push(`<div><dt>${esc(label)}</dt><dd>${esc(value)}</dd></div>`);
    out.push('</dl>');
    out.push('</header>');
    out.push('<main>');
    if (document.preambule.length > 0) {
        out.push('<section aria-labelledby="preambule">');
        out.push(`<h2 id="preambule">${HEADINGS.preambule}</h2>`);
        out.push(blockHtml(document.preambule));
        out.push('</section>');
    }
    if (document.blocs.length > 0) {
        out.push('<section aria-labelledby="referentiels">');
        out.push(`<h2 id="referentiels">${esc(HEADINGS.referentiels)}</h2>`);
        document.blocs.forEach((bloc, i) => out.push(blocHtml(bloc, i)));
        out.push('</section>');
    }
    const obtention = document.obtention;
    if (obtention) {
        out.push('<section aria-labelledby="obtention">');
        out.push(`<h2 id="obtention">${esc(obtention.titre)}</h2>`);
        out.push(blockHtml(obtention.introduction));
        if (obtention.rows.length > 0) {
            out.push('<table class="obtention">');
            out.push(`<caption>Règles d'obtention de la certification</caption>`);
            out.push(`<thead><tr><th scope="col">${HEADINGS.regle}</th><th scope="col">${HEADINGS.condition}</th><th scope="col">${HEADINGS.precisions}</th></tr></thead>`);
            out.push('<tbody>');
            for (const row of obtention.rows) {
                out.push(`<tr><th scope="row">${esc(row.regle)}</th><td>${blockHtml(row.condition)}</td><td>${blockHtml(row.precisions)}</td></tr>`);
            }
            out.push('</tbody>');
            out.push('</table>');
        }
        out.push('</section>');
    }
    out.push('</main>');
    out.push('</body>');
    out.push('</html>');
    return out.join('\n') + '\n';
}

function blocHtml(bloc: BlocTable, index: number): string {
    const id = `bloc-${index + 1}`;
    const out: string[] = [];
    out.push(`<section aria-labelledby="${id}">`);
    out.push(`<h3 id="${id}">${esc(bloc.label)}</h3>`);
    if (bloc.notes.length > 0) out.push(`<div class="notes">${blockHtml(bloc.notes)}</div>`);
    out.push('<table class="bloc">');
    out.push(`<caption>Référentiels d'activités, de compétences et d'évaluation — ${esc(bloc.label)}</caption>`);
    out.push('<colgroup><col class="activites"><col class="competences"></colgroup><colgroup span="2" class="evaluation"></colgroup>');
    out.push('<thead>');
    out.push('<tr>'
        + `<th scope="col" rowspan="2">${esc(HEADINGS.activites)}<span class="description">${esc(HEADINGS.activitesDescription)}</span></th>`
        + `<th scope="col" rowspan="2">${esc(HEADINGS.competences)}<span class="description">${esc(HEADINGS.competencesDescription)}</span></th>`
        + `<th scope="colgroup" colspan="2">${esc(HEADINGS.evaluation)}<span class="description">${esc(HEADINGS.evaluationDescription)}</span></th>`
        + '</tr>');
    out.push(`<tr><th scope="col">${esc(HEADINGS.modalites)}</th><th scope="col">${esc(HEADINGS.criteres)}</th></tr>`);
    out.push('</thead>');
    out.push('<tbody>');
    for (const group of bloc.groups) {
        group.rows.forEach((row, i) => {
            const modalite = i === 0 ? `<td${group.rows.length > 1 ? ` rowspan="${group.rows.length}"` : ''} class="modalite">${blockHtml(group.modalite)}</td>` : '';
            out.push(`<tr><td>${blockHtml(row.activites)}</td><td>${blockHtml(row.competences)}</td>${modalite}<td>${blockHtml(row.criteres)}</td></tr>`);
        });
    }
    out.push('</tbody>');
    out.push('</table>');
    out.push('</section>');
    return out.join('\n');
}

/** Des paragraphs en HTML : les éléments de liste consécutifs forment une liste. */
function blockHtml(list: readonly Paragraph[]): string {
    let html = '';
    let inList = false;
    for (const p of list) {
        if (p.bullet && !inList) { html += '<ul>'; inList = true; }
        if (!p.bullet && inList) { html += '</ul>'; inList = false; }
        const text = p.bullet ? p.text.replace(/^[-–•]\s+/, '') : p.text;
        let inner = esc(text);
        if (p.italic) inner = `<em>${inner}</em>`;
        if (p.bold) inner = `<strong>${inner}</strong>`;
        html += p.bullet ? `<li>${inner}</li>` : `<p>${inner}</p>`;
    }
    if (inList) html += '</ul>';
    return html;
}

const STYLE = `
:root { color-scheme: light; }
body { font-family: "Noto Sans", "Segoe UI", system-ui, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #1a1a1a; background: #fff; margin: 1.5rem auto; max-width: 80rem; padding: 0 1rem; }
h1 { font-size: 1.8em; margin: 0 0 .5rem; color: #1d3557; }
h2 { font-size: 1.35em; margin: 2rem 0 .5rem; color: #1d3557; }
h3 { font-size: 1.1em; margin: 1.5rem 0 .5rem; }
dl.identite { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
dl.identite div { display: contents; }
dt { font-weight: 600; }
dd { margin: 0; }
p { margin: 0 0 .35rem; }
ul { margin: 0 0 .35rem; padding-inline-start: 1.2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; table-layout: fixed; }
caption { text-align: start; font-weight: 600; padding: 0 0 .4rem; }
th, td { border: 1px solid #555; padding: .35rem .45rem; vertical-align: top; text-align: start; overflow-wrap: anywhere; }
thead th { background: #1d3557; color: #fff; }
thead th .description { display: block; font-weight: normal; font-style: italic; font-size: .9em; }
tbody th { font-weight: 600; background: #eef2f7; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; max-width: none; font-size: 9pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3, caption { break-after: avoid; page-break-after: avoid; }
  thead th { background: #fff; color: #000; }
}
`;
