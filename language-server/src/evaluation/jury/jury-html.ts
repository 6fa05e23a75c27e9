import { escapeHtml as esc } from '../../common/markup.js';
import { formatDay } from '../../i18n/locale.js';
import { msg } from '../../i18n/messages.js';
import { ICONS, decisionTone } from '../reports/common.js';
import type { EvaluationSummary } from '../types.js';
import type { BlocCertificate, JurySession, MinutesRow } from './documents.js';

/**
 * Les documents du jury en HTML autonome et accessible (axe-core WCAG 2.1 AA) : langue, titre,
 * un `<main>` et un `<h1>` par document, tableaux à légende et en-têtes avec portée, statuts écrits
 * en toutes lettres. À l'impression : A4, un document par page, lignes de tableau non coupées.
 */

function page(session: JurySession, title: string, body: string): string {
    return `<!DOCTYPE html>
<html lang="${esc(session.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function certificationLine(session: JurySession): string {
    const { code, titre, rncp } = session.referentiel;
    return rncp ? msg('jury.certificationRncp', { titre, code, rncp }, session.locale) : msg('jury.certification', { titre, code }, session.locale);
}

const table = (id: string, caption: string, columns: readonly string[], rows: string, cls = ''): string =>
    `<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${id}">\n<table${cls ? ` class="${cls}"` : ''}>\n<caption id="${id}">${esc(caption)}</caption>\n`
    + `<thead><tr>${columns.map(c => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>\n<tbody>\n${rows}</tbody>\n</table>\n</div>`;

/** Le procès-verbal de délibération : la session, le jury, une ligne par candidat, les signatures. */
export function renderMinutesHtml(session: JurySession, rows: readonly MinutesRow[], summary: EvaluationSummary): string {
    const l = session.locale;
    const t = (key: string, params: Record<string, string | number> = {}): string => msg(key, params, l);
    const out: string[] = ['<main class="document">'];
    out.push(`<h1>${esc(t('jury.pv.title'))}</h1>`);
    out.push(`<p class="lead">${esc(certificationLine(session))}</p>`);
    if (session.referentiel.certificateur) out.push(`<p>${esc(t('jury.certificateur', { nom: session.referentiel.certificateur }))}</p>`);
    out.push(`<p>${esc(t('jury.session', { session: session.session }))}</p>`);
    out.push(`<p>${esc(t('jury.pv.date', { date: '\uE000' })).replace('\uE000', () => `<time datetime="${esc(session.date)}">${esc(formatDay(session.date, l))}</time>`)}</p>`);

    out.push(`<h2>${esc(t('jury.pv.members'))}</h2>`);
    if (session.members.length > 0) {
        out.push(`<ul>${session.members.map(m => `<li>${esc(m)}</li>`).join('')}</ul>`);
    } else {
        out.push(`<p>${esc(t('jury.pv.membersToFill'))}</p>`);
    }
    for (const c of session.compositions) out.push(`<p>${esc(t('jury.pv.composition', { voie: c.voie, composition: c.composition }))}</p>`);

    out.push(`<h2>${esc(t('jury.pv.decisions'))}</h2>`);
    out.push(`<p>${esc(t('report.summary', { ...summary }))}</p>`);
    if (rows.length === 0) {
        out.push(`<p>${esc(t('jury.pv.noCandidate'))}</p>`);
    } else {
        const body = rows.map(r => {
            const tone = decisionTone(r.decision);
            const motifs = r.motifs.length > 0 ? `<ul>${r.motifs.map(m => `<li>${esc(m)}</li>`).join('')}</ul>` : '';
            return `<tr><th scope="row">${esc(r.candidat)}</th>`
                + `<td><span class="status tone-${tone}"><span aria-hidden="true">${ICONS[tone]}</span> ${esc(r.decisionText)}</span></td>`
                + `<td>${esc(r.blocs)}</td><td>${motifs}</td></tr>\n`;
        }).join('');
        out.push(table('pv-decisions', t('jury.pv.caption'), [t('jury.pv.col.candidat'), t('jury.pv.col.decision'), t('jury.pv.col.blocs'), t('jury.pv.col.motifs')], body, 'decisions'));
    }

    out.push(`<h2>${esc(t('jury.pv.signatures'))}</h2>`);
    out.push(`<p>${esc(t('jury.pv.done', { date: formatDay(session.date, l) }))}</p>`);
    const names = session.members.length > 0 ? session.members : Array.from({ length: session.blankMembers }, (_, i) => t('jury.pv.member', { n: i + 1 }));
    const signatures = names.map(n => `<tr><th scope="row">${esc(n)}</th><td class="signature"></td></tr>\n`).join('');
    out.push(table('pv-signatures', t('jury.pv.signaturesCaption'), [t('jury.pv.col.membre'), t('jury.pv.col.signature')], signatures, 'signatures'));
    out.push('</main>');
    return page(session, `${t('jury.pv.title')} — ${session.referentiel.titre}`, out.join('\n'));
}

/** Un certificat de bloc : un document d'une page. */
export function renderCertificateHtml(session: JurySession, certificate: BlocCertificate): string {
    const l = session.locale;
    const t = (key: string, params: Record<string, string | number> = {}): string => msg(key, params, l);
    const out: string[] = ['<main class="document certificat">'];
    out.push(`<h1>${esc(t('jury.cert.title'))}</h1>`);
    out.push(`<p class="lead">${esc(certificationLine(session))}</p>`);
    if (session.referentiel.certificateur) out.push(`<p>${esc(t('jury.certificateur', { nom: session.referentiel.certificateur }))}</p>`);
    out.push(`<p>${esc(t('jury.cert.statement', { date: formatDay(session.date, l), candidat: certificate.candidat }))}</p>`);
    out.push(`<h2>${esc(`${certificate.bloc.code} — ${certificate.bloc.titre}`)}</h2>`);
    if (certificate.duree) out.push(`<p>${esc(t('jury.cert.lifetime', { duree: certificate.duree }))}</p>`);
    if (certificate.competences.length > 0) {
        out.push(`<h3>${esc(t('jury.cert.competences'))}</h3>`);
        const body = certificate.competences.map(c => `<tr><th scope="row">${esc(c.code)}</th><td>${esc(c.texte)}</td></tr>\n`).join('');
        out.push(table('certificat-competences', t('jury.cert.caption', { bloc: certificate.bloc.code }), [t('jury.cert.col.code'), t('jury.cert.col.competence')], body, 'competences'));
    }
    out.push(`<p>${esc(t('jury.session', { session: session.session }))}</p>`);
    out.push(`<p class="signature-line">${esc(t('jury.cert.signature'))}</p>`);
    out.push('<div class="signature-box"></div>');
    out.push('</main>');
    return page(session, t('jury.cert.docTitle', { bloc: certificate.bloc.code, candidat: certificate.candidat }), out.join('\n'));
}

/**
 * Feuille de style commune. Les tableaux tiennent dans une colonne étroite (panneau latéral) :
 * mots longs coupés, aucune largeur minimale ; à l'impression, A4, un document par page.
 */
const CSS = `
:root { --bg: #ffffff; --fg: #1a1a1a; --muted: #4a4a4a; --line: #767676; --head-bg: #f0f0f0; --ok: #0f6b2c; --ko: #a4161a; --pending: #7d4300; --focus: #1a4fd6; color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem; background: var(--bg); color: var(--fg); font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; line-height: 1.5; }
main.document { max-width: 60rem; margin: 0 auto; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1.1rem; margin: 1rem 0 .25rem; }
p { margin: .3rem 0; }
.lead { font-size: 1.1rem; font-weight: 600; }
.table-scroll { margin: .75rem 0; max-width: 100%; }
table { width: 100%; border-collapse: collapse; table-layout: auto; }
caption { text-align: left; font-weight: 700; padding-bottom: .35rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; word-break: normal; }
thead th { background: var(--head-bg); }
td ul { margin: 0; padding-left: 1.1rem; }
.status { font-weight: 600; }
.tone-ok { color: var(--ok); }
.tone-ko { color: var(--ko); }
.tone-pending { color: var(--pending); }
td.signature { height: 3.5rem; min-width: 8rem; }
.signature-box { border: 1px solid var(--line); height: 5rem; margin-top: .5rem; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
@media (max-width: 40rem) {
  body { padding: .5rem; }
  h1 { font-size: 1.3rem; }
  th, td { padding: .25rem .3rem; font-size: .9rem; }
  td.signature { min-width: 0; }
}
@page { size: A4; margin: 15mm; }
@media print {
  body { padding: 0; font-size: 9.5pt; line-height: 1.35; }
  h1 { font-size: 16pt; }
  h2 { font-size: 12.5pt; margin-top: .8rem; }
  h3 { font-size: 11pt; }
  th, td { padding: .15rem .35rem; }
  .signature-box { height: 4rem; }
  main.document { max-width: none; break-after: page; page-break-after: always; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3, caption { break-after: avoid; page-break-after: avoid; }
}
`.replace(/\n\s*/g, '\n').trim();
