import { describe, expect, it } from 'vitest';
import { createReportWriter, renderReport } from '../../../language-server/src/evaluation/reports/index.js';
import { HOSTILE, cohort, hostile, incomplete, meta, nonObtenue, obtenue } from './fixtures.js';

const html = (results = cohort(), locale: 'fr' | 'en' = 'fr'): string => renderReport('html', meta(locale), results);
const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;
/** Le texte visible, sans balises (les entités de base décodées). */
const visible = (s: string): string => s.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&amp;/g, '&');

describe('rapport HTML', () => {
    it('document autonome : doctype, langue, charset, titre, un seul main et un seul h1', () => {
        const out = html();
        expect(out.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
        expect(out).toContain('<meta charset="utf-8">');
        expect(out).toContain('<title>Rapport d&#39;évaluation — Data Engineer (DATA-ENGINEER)</title>');
        expect(count(out, /<main[\s>]/g)).toBe(1);
        expect(count(out, /<h1[\s>]/g)).toBe(1);
        expect(out).toContain('<h1>Rapport d&#39;évaluation — Data Engineer (DATA-ENGINEER)</h1>');
        expect(out.trimEnd().endsWith('</html>')).toBe(true);
    });

    it('aucune ressource externe, aucun script', () => {
        const out = html();
        expect(out).not.toMatch(/<script|<link|<img|<iframe|src=|url\(|@import|https?:\/\//i);
        expect(count(out, /<style>/g)).toBe(1);
    });

    it('une section par candidat, étiquetée par son h2', () => {
        const out = html();
        const sections = [...out.matchAll(/<section class="candidat" id="([^"]+)" aria-labelledby="([^"]+)">/g)];
        expect(sections).toHaveLength(3);
        for (const [, , labelledby] of sections) expect(out).toContain(`<h2 id="${labelledby}">`);
        expect(out).toContain('<h2 id="candidat-1-titre">2026-0042 — Camille Martin</h2>');
        expect(out).toContain('<h2 id="candidat-2-titre">2026-0043 — Lucas Bernard</h2>');
        expect(out).toContain('<h2 id="candidat-3-titre">2026-0044 — Inès Haddad-Lefèvre</h2>');
        const ids = [...out.matchAll(/ id="([^"]+)"/g)].map(m => m[1]);
        expect(new Set(ids).size).toBe(ids.length);
    });

    it('décision écrite en toutes lettres, dans un encadré ; icône masquée aux lecteurs d\'écran', () => {
        const text = visible(html());
        expect(text).toContain('Certification obtenue');
        expect(text).toContain('Certification non obtenue');
        expect(text).toContain('Évaluation incomplète');
        expect(text).toContain('2 règles d\'obtention ne sont pas remplies : voir les motifs.');
        expect(text).toContain('Des résultats manquent : la décision ne peut pas encore être prise.');
        const out = html();
        expect(out).toContain('<div class="decision tone-ok">');
        expect(out).toContain('<div class="decision tone-ko">');
        expect(out).toContain('<div class="decision tone-pending">');
        // Chaque icône est aria-hidden.
        expect(count(out, /[✔✖◐]/g)).toBe(count(out, /<span class="icon" aria-hidden="true">[✔✖◐]<\/span>/g));
    });

    it('tableaux de données : caption, th scope="col" et scope="row"', () => {
        const out = html([nonObtenue()]);
        const tables = [...out.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map(m => m[1]);
        expect(tables).toHaveLength(4); // blocs, règles, compétences, résumé
        for (const table of tables) {
            expect(table).toMatch(/^\s*<caption id="[^"]+">/);
            expect(table).toContain('<th scope="col">');
            expect(table).toContain('<th scope="row">');
            expect(table).not.toMatch(/<th>/);
        }
        expect(out).toContain('<div class="table-scroll" role="region" tabindex="0" aria-labelledby="candidat-1-blocs">\n<table class="blocs">\n'
            + '<caption id="candidat-1-blocs">Blocs de compétences<span class="sr-only"> — 2026-0043 — Lucas Bernard</span></caption>');
        // Chaque zone défilante est nommée par la légende de son tableau.
        for (const [, labelledby] of out.matchAll(/role="region" tabindex="0" aria-labelledby="([^"]+)"/g)) {
            expect(out).toContain(`<caption id="${labelledby}">`);
        }
        for (const col of ['Code', 'Intitulé', 'Statut', 'Compétences acquises', 'Seuil', 'Règle', 'Calcul', 'Résultat', 'Bloc', 'Motif']) {
            expect(out).toContain(`<th scope="col">${col}</th>`);
        }
    });

    it('blocs : statut, compétences acquises/total, seuil', () => {
        const text = visible(html());
        expect(text).toMatch(/BC01Conduire et réaliser[^✔]*✔ validé8\/8100\u00a0%/);
        expect(text).toContain('✔ acquis antérieurement (20 juin 2025)non réévalué');
        expect(text).toContain('✖ non validé4/5100\u00a0%');
        expect(text).toContain('◐ incomplet6/8 (2 non évaluées)100\u00a0%');
    });

    it('règles : titre, condition, calcul, résultat', () => {
        const out = html([nonObtenue()]);
        expect(out).toContain('<th scope="row">Validation du mémoire et de sa soutenance<span class="expression">Condition : <code>moyenne(memoire, soutenance) &gt;= 10</code></span></th>');
        expect(out).toContain('<td class="calc">Moyenne de « Mémoire » et « Soutenance » : 9,75/20, il faut au moins 10/20</td>');
        expect(visible(out)).toContain('Moyenne de « Mémoire » et « Soutenance » : 9,75/20, il faut au moins 10/20✖ non remplie');
        expect(visible(html([obtenue()]))).toContain('✔ remplie');
        expect(visible(html([incomplete()]))).toContain('◐ indéterminée');
    });

    it('compétences : code, bloc, statut, motif', () => {
        const text = visible(html([nonObtenue()]));
        expect(text).toContain('C4.5BC04✖ non acquiseLe critère éliminatoire CR4.1.7');
        expect(text).toContain('C1.1BC01✔ acquiseSelon le jury.');
        expect(visible(html([incomplete()]))).toContain('C3.7BC03◐ non évaluéeAucun résultat pour cette compétence.');
    });

    it('listes : motifs, attestations, avertissements', () => {
        const out = html([nonObtenue()]);
        expect(out).toMatch(/<h3>Motifs<\/h3><ul>\n<li>Le bloc BC04 « Concevoir/);
        expect(count(out.slice(out.indexOf('<h3>Motifs'), out.indexOf('</ul>', out.indexOf('<h3>Motifs'))), /<li>/g)).toBe(4);
        expect(out).toContain('<h3>Certificats de bloc</h3>');
        expect(out).toContain('<li>BC05 — Exploiter la donnée pour piloter l&#39;activité de l&#39;entreprise et créer de nouvelles opportunités</li>');
        expect(out).toContain('<h3>Avertissements</h3>');
        const ok = html([obtenue()]);
        expect(ok).not.toContain('<h3>Motifs</h3>');
        expect(ok).not.toContain('<h3>Avertissements</h3>');
    });

    it('une cohorte s\'ouvre sur chaque candidat et sa décision (liens vers sa section) et les totaux', () => {
        const out = html();
        const resume = out.indexOf('<section class="resume"');
        expect(resume).toBeGreaterThan(0);
        expect(resume).toBeLessThan(out.indexOf('<section class="candidat"'));
        expect(out).toContain('<caption id="resume-candidats">Chaque candidat et sa décision</caption>');
        expect(out).toContain('<tr><th scope="row"><a href="#candidat-1">2026-0042 — Camille Martin</a></th><td><span class="status tone-ok"><span class="icon" aria-hidden="true">✔</span> Certification obtenue</span></td></tr>');
        expect(out).toContain('<a href="#candidat-2">2026-0043 — Lucas Bernard</a>');
        expect(out).toContain('<section class="candidat" id="candidat-2"');
    });

    it('un candidat seul : ni section de cohorte ni lien d\'évitement ; les compétences acquises repliées après celles qui décident', () => {
        const out = html([nonObtenue()]);
        expect(out).not.toContain('class="resume"');
        expect(out).not.toContain('class="skip"');
        const deciding = out.indexOf('<caption id="candidat-1-competences">Compétences non acquises ou non évaluées');
        const folded = out.indexOf('<details class="acquises"><summary>');
        expect(deciding).toBeGreaterThan(0);
        expect(folded).toBeGreaterThan(deciding);
        expect(out).toMatch(/<details class="acquises"><summary>\d+ compétences acquises \(afficher le détail\)<\/summary>/);
        expect(out.slice(deciding, folded)).toContain('C4.5');
        expect(out.slice(deciding, folded)).not.toContain('<th scope="row">C1.1</th>');
        expect(out.slice(folded)).toContain('<th scope="row">C1.1</th>');
    });

    it('résumé de la cohorte, atteint par un lien d\'évitement', () => {
        const out = html();
        expect(out).toContain('<a class="skip" href="#resume">Aller au résumé de la cohorte</a>');
        expect(out).toContain('<section class="resume" id="resume" aria-labelledby="resume-titre" tabindex="-1">');
        const text = visible(out.slice(out.indexOf('<section class="resume"')));
        expect(text).toContain('3 candidats évalués : 1 certification obtenue, 1 non obtenue, 1 évaluation incomplète.');
        expect(text).toContain('✔ Certification obtenue133,33\u00a0%');
        expect(text).toContain('Candidats évalués3100\u00a0%');
    });

    it('impression : un candidat par page, lignes non coupées, en-têtes répétés ; focus visible', () => {
        const out = html();
        expect(out).toContain('@media print');
        expect(out).toMatch(/\.candidat \{ break-before: page;/);
        expect(out).toMatch(/tr, \.decision, li \{ break-inside: avoid;/);
        expect(out).toContain('thead { display: table-header-group; }');
        expect(out).toMatch(/:focus-visible \{ outline: 3px solid/);
    });

    it('tout texte venu d\'un fichier est échappé', () => {
        const out = renderReport('html', meta('fr', { referentiel: { code: `X&${HOSTILE}`, titre: HOSTILE } }), [hostile()]);
        expect(out).not.toContain('<script>');
        expect(out).not.toMatch(/<script/i);
        const escaped = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Zoé&quot; O&#39;Brien';
        expect(out).toContain(`<title>Rapport d&#39;évaluation — ${escaped} (X&amp;${escaped})</title>`);
        expect(out).toContain(`<h2 id="candidat-1-titre">ID-${escaped} — ${escaped}</h2>`);
        expect(out).toContain(`<th scope="row">B${escaped}</th><td>${escaped}</td>`);
        expect(out).toContain(`<td class="calc">${escaped}</td>`);
        expect(out).toContain(`<code>${escaped}</code>`);
        expect(out).toContain(`<li>${escaped}</li>`);
        expect(out).toContain(`<li>B${escaped} — ${escaped}</li>`);
        expect(out).toContain(`<th scope="row">C${escaped}</th><td>B${escaped}</td>`);
        expect(out).toContain(`Référentiel R-${escaped}`);
        // Aucune balise n'a été injectée : seules les balises du gabarit subsistent.
        const tags = new Set([...out.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map(m => m[1].toLowerCase()));
        expect([...tags].sort()).toEqual(['body', 'caption', 'code', 'details', 'div', 'h1', 'h2', 'h3', 'head', 'header', 'html', 'li', 'main', 'meta', 'p', 'section', 'span', 'style', 'summary', 'table', 'tbody', 'td', 'th', 'thead', 'time', 'title', 'tr', 'ul']);
    });

    it('les « $ » des textes ne sont pas interprétés comme motifs de remplacement', () => {
        const out = renderReport('html', meta('fr', { referentiel: { code: 'X', titre: 'A $& B $\' C' } }), []);
        expect(out).toContain('<h1>Rapport d&#39;évaluation — A $&amp; B $&#39; C (X)</h1>');
    });

    it('cohorte vide : document complet et message', () => {
        const out = html([]);
        expect(out).toContain('<p>Aucun candidat évalué.</p>');
        expect(count(out, /<main[\s>]/g)).toBe(1);
        expect(out.trimEnd().endsWith('</html>')).toBe(true);
    });

    it('en anglais : lang="en", textes traduits, textes du référentiel marqués lang="fr"', () => {
        const out = html(cohort(), 'en');
        expect(out.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
        expect(out).toContain('<title>Evaluation report — Data Engineer (DATA-ENGINEER)</title>');
        expect(out).toContain('<h1>Evaluation report — <span lang="fr">Data Engineer</span> (DATA-ENGINEER)</h1>');
        expect(out).toContain('<td><span lang="fr">Manager la transition data de l&#39;entreprise</span></td>');
        const text = visible(out);
        for (const s of ['Certification obtained', 'Certification not obtained', 'Incomplete evaluation', '✔ validated', '✔ previously acquired (20 June 2025)',
            '✖ not validated', '◐ incomplete', '6/8 (2 not assessed)', '✖ not met', '✔ met', '◐ undetermined', '✖ not acquired', '◐ not assessed',
            'Reasons', 'Bloc certificates', 'Warnings', 'Cohort summary', 'Skip to the cohort summary', 'Generated on 26 June 2026', 'Evaluation date: 26 June 2026',
            '3 candidates evaluated: 1 certification obtained, 1 not obtained, 1 incomplete evaluation.', '2 rules for obtaining the certification are not met: see the reasons.']) {
            expect(text, s).toContain(s);
        }
        for (const col of ['Title', 'Status', 'Competencies acquired', 'Threshold', 'Rule', 'Calculation', 'Result', 'Reason']) {
            expect(out).toContain(`<th scope="col">${col}</th>`);
        }
        expect(text).not.toMatch(/Certification obtenue|non validé|Motifs|Résumé/);
        // Même langue pour le rapport et le référentiel : pas de marquage.
        expect(html()).not.toContain('<span lang=');
    });

    it('les sections sont écrites à la fin, après le tableau des candidats : begin et candidate ne rendent rien', () => {
        const w = createReportWriter('html', {});
        expect(w.begin(meta())).toBe('');
        expect(w.candidate(obtenue(), 0)).toBe('');
        const end = w.end({ candidats: 1, obtenue: 1, nonObtenue: 0, incomplete: 0 });
        expect(end).toMatch(/<main>\n<header class="report-header">[\s\S]*<\/header>\n+<section class="candidat"/);
        expect(end.trimEnd().endsWith('</main>\n</body>\n</html>')).toBe(true);
        expect(end).toBe(html([obtenue()]));
    });
});
