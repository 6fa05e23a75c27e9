import { escapeHtml as esc } from '../../common/markup.js';
import { formatNumber, type Locale } from '../../i18n/locale.js';
import type { EvaluationResult, EvaluationSummary, ResultatBloc } from '../types.js';
import {
    ICONS, blocStatusText, blocTitle, blocTone, competenceTone, decisionTone, formatDate, idName, label, percent,
    regleTone, statusReason, t, type ReportMeta, type ReportWriter, type Tone
} from './common.js';

/**
 * Rapport HTML autonome et accessible (RGAA / WCAG 2.1 AA) : un seul fichier, CSS en ligne, ni
 * script ni ressource externe. Le même document sert à la vue VS Code.
 *
 * - structure : un `<main>`, un `<h1>`, une `<section aria-labelledby>` par candidat avec son `<h2>` ;
 * - ce qui compte d'abord : une cohorte s'ouvre sur le tableau de tous les candidats et de leur
 *   décision (liens vers leur section) et les totaux ; un candidat seul n'a pas de section de
 *   cohorte ; les compétences acquises sont repliées (`<details>`) après celles qui décident ;
 * - les sections sont gardées jusqu'à la fin pour écrire ce tableau en tête (la taille du
 *   rapport HTML d'une cohorte est en mémoire ; les formats json et csv restent en flux) ;
 * - tableaux lisibles dans un panneau étroit (VS Code à côté de l'éditeur) : aucune colonne coupée ;
 * - tableaux de données avec `<caption>`, `<th scope="col">` et `<th scope="row">` ;
 * - statuts écrits en toutes lettres ; l'icône (aria-hidden) et la couleur ne font que les doubler ;
 * - contrastes ≥ 4,5:1 en thème clair comme en thème sombre (prefers-color-scheme, thèmes VS Code) ;
 * - impression : un candidat par page, lignes de tableau non coupées, en-têtes répétés ;
 * - tout texte venu d'un fichier est échappé.
 */
export function createHtmlWriter(): ReportWriter {
    let locale: Locale = 'fr';
    let contentLang = 'fr';
    let count = 0;
    let header = '';
    let sections: string[] = [];
    let overview: Array<{ id: string; who: string; decision: EvaluationResult['decision'] }> = [];

    /** Texte venu du référentiel : marqué de sa langue si elle diffère de celle du rapport (WCAG 3.1.2). */
    const ref = (text: string): string => (contentLang !== locale ? `<span lang="${esc(contentLang)}">${esc(text)}</span>` : esc(text));
    const status = (tone: Tone, text: string): string =>
        `<span class="status tone-${tone}"><span class="icon" aria-hidden="true">${ICONS[tone]}</span> ${esc(text)}</span>`;
    const time = (iso: string): string => `<time datetime="${esc(iso)}">${esc(formatDate(iso, locale))}</time>`;
    /**
     * Un tableau dans une zone défilante (sur un écran étroit, le tableau défile seul, pas la page) ;
     * la zone est focalisable pour défiler au clavier et porte le nom de la légende du tableau.
     */
    const openTable = (cls: string, captionId: string, title: string, who?: string): string =>
        `<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${captionId}">\n<table class="${cls}">\n`
        + `<caption id="${captionId}">${esc(title)}`
        + (who === undefined ? '' : `<span class="sr-only">${esc(t('report.caption.of', { candidat: who }, locale))}</span>`)
        + '</caption>';
    const closeTable = '</tbody></table>\n</div>';
    const head = (...columns: string[]): string =>
        `<thead><tr>${columns.map(col => `<th scope="col">${esc(col)}</th>`).join('')}</tr></thead>`;

    /** Le motif, sans redire le statut de la colonne voisine (« Non acquise selon le jury. » → « Selon le jury. »). */
    const reason = (statut: string, motif: string): string => {
        if (!statusReason(statut, motif, locale).said) return motif;
        const rest = motif.slice(statut.length).replace(/^\s*[:—,-]?\s*/, '');
        return rest ? rest.charAt(0).toLocaleUpperCase(locale) + rest.slice(1) : motif;
    };

    const acquiredCell = (bloc: ResultatBloc): string => {
        if (bloc.statut === 'acquis antérieurement' || bloc.statut === 'validé par équivalence') return esc(t('report.bloc.notReassessed', {}, locale));
        let text = t('report.bloc.countShort', { acquises: bloc.acquises, total: bloc.total }, locale);
        if (bloc.nonEvaluees > 0) text += ` (${t('report.bloc.notAssessed', { count: bloc.nonEvaluees }, locale)})`;
        return esc(text);
    };

    return {
        begin(meta: ReportMeta): string {
            locale = meta.locale;
            contentLang = meta.langueReferentiel ?? 'fr';
            count = 0;
            sections = [];
            overview = [];
            const { code, titre } = meta.referentiel;
            const title = t('report.title', { titre, code }, locale);
            const h1 = esc(t('report.title', { titre: SLOT, code }, locale)).replace(SLOT, () => ref(titre));
            header = `<!DOCTYPE html>
<html lang="${esc(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex, nofollow">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${SKIP_SLOT}<main>
<header class="report-header">
<h1>${h1}</h1>
<p class="muted">${esc(t('report.generated', { date: SLOT }, locale)).replace(SLOT, () => time(meta.dateGeneration))}</p>
</header>
`;
            return '';
        },

        candidate(result: EvaluationResult, index: number): string {
            count++;
            const id = `candidat-${index + 1}`;
            const who = idName(result, locale);
            overview.push({ id, who, decision: result.decision });
            const tone = decisionTone(result.decision);
            const out: string[] = [];
            out.push(`<section class="candidat" id="${id}" aria-labelledby="${id}-titre">`);
            out.push(`<h2 id="${id}-titre">${esc(who)}</h2>`);
            out.push(`<p class="muted">${esc(t('report.evaluatedOn', { date: SLOT }, locale)).replace(SLOT, () => time(result.dateEvaluation))}`
                + ` · ${esc(t('report.referentiel', { code: result.referentiel }, locale))}</p>`);

            // Décision
            const failed = result.regles.filter(r => r.statut === 'non remplie').length;
            out.push(`<div class="decision tone-${tone}">`);
            out.push(`<p class="decision-label">${esc(t('report.decisionLabel', {}, locale))}</p>`);
            out.push(`<p class="decision-value"><span class="icon" aria-hidden="true">${ICONS[tone]}</span> ${esc(label('decisionTitle', result.decision, locale))}</p>`);
            const note = t(`report.decisionNote.${result.decision}` as 'report.decisionNote.obtenue', { count: failed }, locale);
            if (!note.startsWith('report.')) out.push(`<p class="decision-note">${esc(note)}</p>`);
            out.push('</div>');

            // Blocs
            if (result.blocs.length > 0) {
                out.push(openTable('blocs', `${id}-blocs`, t('report.section.blocs', {}, locale), who));
                out.push(head(t('report.col.code', {}, locale), t('report.col.titre', {}, locale), t('report.col.statut', {}, locale),
                    t('report.col.acquises', {}, locale), t('report.col.seuil', {}, locale)));
                out.push('<tbody>');
                for (const bloc of result.blocs) {
                    out.push(`<tr><th scope="row">${esc(bloc.code)}</th><td>${ref(bloc.titre)}</td>`
                        + `<td>${status(blocTone(bloc.statut), blocStatusText(bloc, locale))}</td>`
                        + `<td class="num">${acquiredCell(bloc)}</td><td class="num">${esc(percent(bloc.seuil, locale))}</td></tr>`);
                }
                out.push(closeTable);
            }

            // Règles d'obtention
            if (result.regles.length > 0) {
                out.push(openTable('regles', `${id}-regles`, t('report.section.regles', {}, locale), who));
                out.push(head(t('report.col.regle', {}, locale), t('report.col.calcul', {}, locale), t('report.col.resultat', {}, locale)));
                out.push('<tbody>');
                for (const regle of result.regles) {
                    const expression = regle.expression
                        ? `<span class="expression">${esc(t('report.html.expression', { expression: SLOT }, locale)).replace(SLOT, () => `<code>${esc(regle.expression)}</code>`)}</span>`
                        : '';
                    out.push(`<tr><th scope="row">${ref(regle.titre)}${expression}</th>`
                        + `<td class="calc">${esc(regle.detail)}</td>`
                        + `<td>${status(regleTone(regle.statut), label('regle', regle.statut, locale))}</td></tr>`);
                }
                out.push(closeTable);
            }

            // Listes
            const list = (cls: string, title: string, items: readonly string[]): void => {
                if (items.length === 0) return;
                out.push(`<div class="${cls}"><h3>${esc(title)}</h3><ul>`);
                for (const item of items) out.push(`<li>${item}</li>`);
                out.push('</ul></div>');
            };
            list('motifs', t('report.section.motifs', {}, locale), result.motifs.map(esc));
            list('attestations', t('report.section.attestations', {}, locale), result.attestations.map(code => {
                const titre = blocTitle(result, code);
                return titre ? `${esc(code)} — ${ref(titre)}` : esc(code);
            }));
            list('avertissements', t('report.section.avertissements', {}, locale), result.avertissements.map(esc));

            // Compétences : d'abord celles qui décident (non acquises, non évaluées), puis les acquises, repliées.
            const competenceRows = (list: EvaluationResult['competences']): string => list.map(k =>
                `<tr><th scope="row">${esc(k.code)}</th><td>${k.bloc === null ? esc(t('report.html.noBloc', {}, locale)) : esc(k.bloc)}</td>`
                + `<td>${status(competenceTone(k.statut), label('competence', k.statut, locale))}</td><td>${esc(reason(label('competence', k.statut, locale), k.motif))}</td></tr>`).join('\n');
            const competenceTable = (suffix: string, title: string, list: EvaluationResult['competences']): void => {
                out.push(openTable('competences', `${id}-${suffix}`, title, who));
                out.push(head(t('report.col.code', {}, locale), t('report.col.bloc', {}, locale), t('report.col.statut', {}, locale), t('report.col.motif', {}, locale)));
                out.push('<tbody>');
                out.push(competenceRows(list));
                out.push(closeTable);
            };
            const deciding = result.competences.filter(k => k.statut !== 'acquise');
            const acquired = result.competences.filter(k => k.statut === 'acquise');
            if (deciding.length > 0) competenceTable('competences', t('report.section.competencesToReview', {}, locale), deciding);
            if (acquired.length > 0) {
                out.push(`<details class="acquises"><summary>${esc(t('report.html.acquired', { count: acquired.length }, locale))}</summary>`);
                competenceTable('acquises', t('report.section.competencesAcquired', {}, locale), acquired);
                out.push('</details>');
            }
            out.push('</section>\n');
            sections.push(out.join('\n'));
            return '';
        },

        end(summary: EvaluationSummary): string {
            const out: string[] = [];
            const cohort = count !== 1;
            out.push(header.replace(SKIP_SLOT, cohort ? `<a class="skip" href="#resume">${esc(t('report.html.skip', {}, locale))}</a>\n` : ''));
            if (count === 0) out.push(`<p>${esc(t('report.html.noCandidate', {}, locale))}</p>`);
            if (cohort) {
                // En tête : chaque candidat et sa décision (lien vers sa section), puis les totaux.
                const share = (n: number): string => percent(summary.candidats > 0 ? (100 * n) / summary.candidats : 0, locale);
                const row = (tone: Tone, text: string, n: number): string =>
                    `<tr><th scope="row">${status(tone, text)}</th><td class="num">${esc(formatNumber(n, locale))}</td><td class="num">${esc(share(n))}</td></tr>`;
                out.push('<section class="resume" id="resume" aria-labelledby="resume-titre" tabindex="-1">');
                out.push(`<h2 id="resume-titre">${esc(t('report.section.resume', {}, locale))}</h2>`);
                out.push(`<p>${esc(t('report.summary', { ...summary }, locale))}</p>`);
                if (overview.length > 0) {
                    out.push(openTable('candidats', 'resume-candidats', t('report.caption.candidats', {}, locale)));
                    out.push(head(t('report.col.candidat', {}, locale), t('report.col.decision', {}, locale)));
                    out.push('<tbody>');
                    for (const c of overview) {
                        out.push(`<tr><th scope="row"><a href="#${c.id}">${esc(c.who)}</a></th><td>${status(decisionTone(c.decision), label('decisionTitle', c.decision, locale))}</td></tr>`);
                    }
                    out.push(closeTable);
                }
                out.push(openTable('synthese', 'resume-tableau', t('report.caption.resume', {}, locale)));
                out.push(head(t('report.col.decision', {}, locale), t('report.col.nombre', {}, locale), t('report.col.part', {}, locale)));
                out.push('<tbody>');
                out.push(row('ok', t('report.summary.obtenue', {}, locale), summary.obtenue));
                out.push(row('ko', t('report.summary.nonObtenue', {}, locale), summary.nonObtenue));
                out.push(row('pending', t('report.summary.incomplete', {}, locale), summary.incomplete));
                out.push('</tbody>');
                out.push(`<tfoot><tr><th scope="row">${esc(t('report.summary.candidats', {}, locale))}</th><td class="num">${esc(formatNumber(summary.candidats, locale))}</td><td class="num">${esc(share(summary.candidats))}</td></tr></tfoot>`);
                out.push('</table>\n</div>');
                out.push('</section>');
            }
            out.push(...sections);
            sections = [];
            out.push('</main>');
            out.push('</body>');
            out.push('</html>\n');
            return out.join('\n');
        }
    };
}

/** Emplacement du lien d'évitement, écrit à la fin quand on sait s'il y a une cohorte. */
const SKIP_SLOT = '\uE001';

/** Emplacement d'un fragment HTML dans un message traduit (caractère d'usage privé, jamais échappé). */
const SLOT = '\uE000';

/**
 * Feuille de style. Couleurs en variables (thème clair, thème sombre, thèmes VS Code) ; chaque
 * couple texte/fond respecte un contraste d'au moins 4,5:1 (vérifié par les tests axe-core).
 */
const CSS = `
:root {
  --bg: #ffffff; --fg: #1a1a1a; --muted: #4a4a4a; --line: #8c8c8c; --head-bg: #f0f0f0; --stripe: #f7f7f7;
  --ok: #0f6b2c; --ok-bg: #e7f4eb; --ko: #a4161a; --ko-bg: #fcebeb; --pending: #7d4300; --pending-bg: #fff2dc;
  --focus: #1a4fd6;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #1e1e1e; --fg: #ececec; --muted: #c8c8c8; --line: #8c8c8c; --head-bg: #2c2c2c; --stripe: #252525;
    --ok: #7fd89b; --ok-bg: #15301e; --ko: #ffa39e; --ko-bg: #3b1a1a; --pending: #ffc56b; --pending-bg: #392a10;
    --focus: #8ab4ff;
  }
}
body.vscode-light {
  --bg: #ffffff; --fg: #1a1a1a; --muted: #4a4a4a; --line: #8c8c8c; --head-bg: #f0f0f0; --stripe: #f7f7f7;
  --ok: #0f6b2c; --ok-bg: #e7f4eb; --ko: #a4161a; --ko-bg: #fcebeb; --pending: #7d4300; --pending-bg: #fff2dc;
  --focus: #1a4fd6;
}
body.vscode-dark, body.vscode-high-contrast {
  --bg: #1e1e1e; --fg: #ececec; --muted: #c8c8c8; --line: #8c8c8c; --head-bg: #2c2c2c; --stripe: #252525;
  --ok: #7fd89b; --ok-bg: #15301e; --ko: #ffa39e; --ko-bg: #3b1a1a; --pending: #ffc56b; --pending-bg: #392a10;
  --focus: #8ab4ff;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; padding: 1.5rem; background: var(--bg); color: var(--fg);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  font-size: 1rem; line-height: 1.5;
}
main { max-width: 72rem; margin: 0 auto; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.4rem; line-height: 1.3; margin: 0 0 .25rem; padding-top: .5rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .25rem; }
p { margin: .25rem 0; }
.muted { color: var(--muted); }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .95em; }
.report-header { border-bottom: 2px solid var(--line); padding-bottom: .75rem; margin-bottom: 1.5rem; }
.candidat { border-top: 1px solid var(--line); padding-top: 1rem; margin-top: 2.5rem; }
.candidat:first-of-type { border-top: 0; margin-top: 0; }
.decision { margin: 1rem 0; padding: .75rem 1rem; border: 2px solid currentColor; border-left-width: .6rem; border-radius: .25rem; break-inside: avoid; page-break-inside: avoid; }
.decision p { color: var(--fg); }
.decision .decision-label { font-size: .875rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 0; }
.decision .decision-value { font-size: 1.4rem; font-weight: 700; margin: .1rem 0; }
.decision.tone-ok { color: var(--ok); background: var(--ok-bg); }
.decision.tone-ko { color: var(--ko); background: var(--ko-bg); }
.decision.tone-pending { color: var(--pending); background: var(--pending-bg); }
.decision.tone-ok .decision-value { color: var(--ok); }
.decision.tone-ko .decision-value { color: var(--ko); }
.decision.tone-pending .decision-value { color: var(--pending); }
.decision.tone-ok .decision-label, .decision.tone-ok .decision-note { color: var(--fg); }
.decision.tone-ko .decision-label, .decision.tone-ko .decision-note { color: var(--fg); }
.decision.tone-pending .decision-label, .decision.tone-pending .decision-note { color: var(--fg); }
.status { font-weight: 600; white-space: nowrap; }
.status.tone-ok { color: var(--ok); }
.status.tone-ko { color: var(--ko); }
.status.tone-pending { color: var(--pending); }
.icon { display: inline-block; min-width: 1.1em; text-align: center; }
.table-scroll { overflow-x: auto; margin: 1.25rem 0 .5rem; }
table { width: 100%; border-collapse: collapse; font-size: .95rem; }
caption { text-align: left; font-weight: 700; font-size: 1.1rem; padding: 0 0 .35rem; caption-side: top; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
thead th { background: var(--head-bg); }
tbody th { font-weight: 600; white-space: nowrap; overflow-wrap: normal; }
tbody tr:nth-child(even) td, tbody tr:nth-child(even) th { background: var(--stripe); }
tfoot th, tfoot td { font-weight: 700; background: var(--head-bg); }
td.num { white-space: nowrap; overflow-wrap: normal; }
td.calc { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; }
.regles .expression { display: block; font-weight: 400; color: var(--muted); font-size: .9em; white-space: normal; }
ul { margin: .25rem 0 .5rem; padding-left: 1.5rem; }
li { margin: .15rem 0; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.skip { position: absolute; left: 1rem; top: -10rem; z-index: 1; padding: .5rem .75rem; background: var(--bg); color: var(--focus); border: 2px solid var(--focus); font-weight: 700; }
.skip:focus { top: 1rem; }
a { color: var(--focus); }
a:focus-visible, [tabindex]:focus-visible, :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.resume { border-bottom: 2px solid var(--line); margin-bottom: 2.5rem; padding-bottom: 1rem; }
details.acquises { margin: 1rem 0; }
details.acquises summary { cursor: pointer; font-weight: 600; padding: .25rem 0; }
.resume:focus { outline: none; }
.resume:focus-visible { outline: 3px solid var(--focus); }
@media (max-width: 40rem) {
  body { padding: .75rem; }
  h1 { font-size: 1.4rem; }
  h2 { font-size: 1.2rem; }
  table { font-size: .875rem; }
  /* Panneau étroit : le texte passe à la ligne, aucune colonne n'est coupée ni ne déborde. */
  th, td { padding: .25rem .35rem; overflow-wrap: anywhere; }
  .status, tbody th, td.num { white-space: normal; overflow-wrap: anywhere; }
  td.calc { font-family: inherit; }
  .decision .decision-value { font-size: 1.2rem; }
}
@media print {
  :root, body.vscode-dark, body.vscode-light, body.vscode-high-contrast {
    --bg: #ffffff; --fg: #000000; --muted: #333333; --line: #555555; --head-bg: #ffffff; --stripe: #ffffff;
    --ok: #0b5323; --ok-bg: #ffffff; --ko: #8a0f12; --ko-bg: #ffffff; --pending: #5c3200; --pending-bg: #ffffff;
  }
  body { padding: 0; font-size: 10.5pt; }
  main { max-width: none; }
  .skip { display: none; }
  .candidat { break-before: page; page-break-before: always; border-top: 0; margin-top: 0; }
  .report-header + .candidat, .candidat:first-of-type { break-before: auto; page-break-before: auto; }
  .resume { border-bottom: 0; }
  .resume + .candidat { break-before: page; page-break-before: always; }
  h1, h2, h3, caption { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr, .decision, li { break-inside: avoid; page-break-inside: avoid; }
  table { font-size: 9.5pt; }
  .table-scroll { overflow: visible; }
}
`.replace(/\n\s*/g, '\n').trim();
