import { mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { loadAxe, runAxe, useChromium, type AxeViolation } from './browser.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../language-server/src/evaluation/reports/index.js';
import type { EvaluationResult } from '../../language-server/src/evaluation/types.js';
import { ROOT, cohort, hostile, incomplete, meta, nonObtenue, obtenue } from '../unit/reports/fixtures.js';

/**
 * Le rapport HTML dans un vrai navigateur (Chromium de la distribution, jamais téléchargé) :
 * audit axe-core WCAG 2.0/2.1 niveaux A et AA, aucune requête réseau, captures d'écran.
 * Sans Chromium, ces tests ÉCHOUENT (ils ne sont pas ignorés).
 */
// Les fonctions passées à page.evaluate s'exécutent dans la page : leurs globales DOM, déclarées ici
// pour ce module seulement (le projet compile sans la bibliothèque « dom »).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
declare function getComputedStyle(element: any): any;

const OUT = path.join(ROOT, 'test-results');
const chromiumOf = useChromium();

beforeAll(() => {
    mkdirSync(OUT, { recursive: true });
});

/** Ouvre le rapport dans une page neuve ; note toute requête qui ne serait pas about:/data:. */
async function open(html: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<{ page: Page; requests: string[] }> {
    const context = await chromiumOf.browser().newContext({
        viewport: { width: options.width ?? 1100, height: 900 },
        colorScheme: options.colorScheme ?? 'light',
        javaScriptEnabled: true
    });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', request => { requests.push(request.url()); });
    await page.setContent(html, { waitUntil: 'load' });
    return { page, requests };
}

function describeViolations(violations: AxeViolation[]): string {
    return violations.map(v => `${v.id} (${v.impact}) ${v.help} — ${v.helpUrl}\n`
        + v.nodes.slice(0, 5).map(n => `    ${n.target.join(' ')}: ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n')).join('\n');
}

function onlyLocal(requests: string[]): string[] {
    return requests.filter(url => !url.startsWith('about:') && !url.startsWith('data:'));
}

const CASES: Array<{ name: string; results: () => EvaluationResult[]; locale: 'fr' | 'en' }> = [
    { name: 'obtenue', results: () => [obtenue()], locale: 'fr' },
    { name: 'non-obtenue', results: () => [nonObtenue()], locale: 'fr' },
    { name: 'incomplete', results: () => [incomplete()], locale: 'fr' },
    { name: 'cohorte', results: cohort, locale: 'fr' },
    { name: 'cohorte-en', results: cohort, locale: 'en' },
    { name: 'hostile', results: () => [hostile()], locale: 'fr' }
];

describe('rapport HTML dans Chromium', () => {
    it('un Chromium est présent et démarre (distribution, sinon paquet npm)', () => {
        const browser = chromiumOf.browser();
        console.log(`Navigateur des tests d'accessibilité : ${chromiumOf.source()}`);
        expect(browser.isConnected()).toBe(true);
    });

    for (const scheme of ['light', 'dark'] as const) {
        it.each(CASES)(`axe-core WCAG 2.1 A/AA : aucune violation — $name (thème ${scheme})`, async ({ name, results, locale }) => {
            const html = renderReport('html', meta(locale), results());
            const { page, requests } = await open(html, { colorScheme: scheme });
            try {
                const report = await runAxe(page);
                expect(report.violations, describeViolations(report.violations)).toEqual([]);
                expect(onlyLocal(requests), 'le rapport ne doit charger aucune ressource').toEqual([]);
                if (name === 'hostile') {
                    // Le texte hostile est affiché, pas exécuté.
                    expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(1); // axe lui-même
                    expect(await page.locator('h2').first().textContent()).toContain('<script>alert(1)</script>');
                }
                const file = path.join(OUT, `report-${name}${scheme === 'dark' ? '-sombre' : ''}.png`);
                await page.screenshot({ path: file, fullPage: true });
                expect(statSync(file).size).toBeGreaterThan(10_000);
            } finally {
                await page.context().close();
            }
        });
    }

    it('contrôle négatif : axe voit bien un contraste insuffisant et un tableau sans en-têtes', async () => {
        const html = renderReport('html', meta(), [nonObtenue()])
            .replace('--ko: #a4161a;', '--ko: #f08080;')
            .replace('<th scope="row">BC01</th>', '<td>BC01</td>');
        const { page } = await open(html);
        try {
            const report = await runAxe(page);
            expect(report.violations.map(v => v.id)).toContain('color-contrast');
        } finally {
            await page.context().close();
        }
    });

    it('contrastes : axe les a tous mesurés (aucun cas laissé « à vérifier »)', async () => {
        const { page } = await open(renderReport('html', meta(), cohort()));
        try {
            await loadAxe(page);
            const result = await page.evaluate(async () => {
                const r = await window.axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } });
                const nodes = r.incomplete.flatMap((x: any) => x.nodes);
                return {
                    passes: r.passes.reduce((n: number, x: any) => n + x.nodes.length, 0),
                    // Les icônes décoratives (◐…) ne sont pas mesurables par axe ; elles ont la couleur du mot qu'elles doublent.
                    icons: nodes.filter((n: any) => /\.icon/.test(n.target.join(' '))).map((n: any) => n.html),
                    others: nodes.filter((n: any) => !/\.icon/.test(n.target.join(' '))).map((n: any) => `${n.target.join(' ')} ${n.any.map((c: any) => c.message).join(' ')}`)
                };
            });
            expect(result.others).toEqual([]);
            expect(new Set(result.icons)).toEqual(new Set(result.icons.length > 0 ? ['<span class="icon" aria-hidden="true">◐</span>'] : []));
            expect(result.passes).toBeGreaterThan(100);
        } finally {
            await page.context().close();
        }
    });

    it('structure vue par le navigateur : landmarks, titres, tableaux, noms accessibles', async () => {
        const { page } = await open(renderReport('html', meta(), cohort()));
        try {
            const facts = await page.evaluate(() => ({
                lang: document.documentElement.lang,
                title: document.title,
                mains: document.querySelectorAll('main').length,
                h1: document.querySelectorAll('h1').length,
                sections: [...document.querySelectorAll('section[aria-labelledby]')].map((s: any) => document.getElementById(s.getAttribute('aria-labelledby'))?.textContent),
                captions: [...document.querySelectorAll('table')].every((t: any) => t.caption !== null && t.caption.textContent.trim() !== ''),
                regions: [...document.querySelectorAll('.table-scroll')].every((r: any) => r.getAttribute('role') === 'region' && document.getElementById(r.getAttribute('aria-labelledby'))?.tagName === 'CAPTION'),
                scoped: [...document.querySelectorAll('th')].every((th: any) => th.getAttribute('scope') === 'col' || th.getAttribute('scope') === 'row'),
                externalCss: document.styleSheets.length === 1 && document.styleSheets[0].href === null
            }));
            expect(facts).toEqual({
                lang: 'fr',
                title: 'Rapport d\'évaluation — Data Engineer (DATA-ENGINEER)',
                mains: 1,
                h1: 1,
                sections: ['Résumé de la cohorte', '2026-0042 — Camille Martin', '2026-0043 — Lucas Bernard', '2026-0044 — Inès Haddad-Lefèvre'],
                captions: true,
                regions: true,
                scoped: true,
                externalCss: true
            });
        } finally {
            await page.context().close();
        }
    });

    it('focus visible : le lien d\'évitement apparaît au clavier et mène au résumé', async () => {
        const { page } = await open(renderReport('html', meta(), cohort()));
        try {
            await page.keyboard.press('Tab');
            const skip = await page.evaluate(() => {
                const a = document.activeElement;
                const style = getComputedStyle(a);
                const box = a.getBoundingClientRect();
                return { text: a.textContent, outline: style.outlineStyle, width: style.outlineWidth, top: box.top, visible: box.top >= 0 && box.height > 0 };
            });
            expect(skip).toMatchObject({ text: 'Aller au résumé de la cohorte', outline: 'solid', width: '3px', visible: true });
            await page.screenshot({ path: path.join(OUT, 'report-focus.png') });
            await page.keyboard.press('Enter');
            expect(await page.evaluate(() => document.activeElement?.id)).toBe('resume');
        } finally {
            await page.context().close();
        }
    });

    it('impression : un candidat par page, en-têtes de tableau répétés, lignes non coupées', async () => {
        const { page } = await open(renderReport('html', meta(), cohort()));
        try {
            await page.emulateMedia({ media: 'print' });
            const print = await page.evaluate(() => {
                const sections = [...document.querySelectorAll('section.candidat')];
                return {
                    breaks: sections.map((s: any) => getComputedStyle(s).breakBefore),
                    resume: getComputedStyle(document.getElementById('resume')).breakBefore,
                    thead: getComputedStyle(document.querySelector('thead')).display,
                    tr: getComputedStyle(document.querySelector('tbody tr')).breakInside,
                    skip: getComputedStyle(document.querySelector('a.skip')).display,
                    background: getComputedStyle(document.body).backgroundColor
                };
            });
            expect(print).toEqual({
                // Le résumé (tableau des candidats) ouvre le rapport ; chaque candidat commence une page.
                breaks: ['page', 'page', 'page'], resume: 'auto', thead: 'table-header-group', tr: 'avoid', skip: 'none', background: 'rgb(255, 255, 255)'
            });
            const pdf = await page.pdf({ format: 'A4', printBackground: false });
            const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
            // Le résumé sur sa page, puis 3 candidats (chacun sur au moins une page).
            expect(pages).toBeGreaterThanOrEqual(4);
        } finally {
            await page.context().close();
        }
    });

    it('largeur étroite (320 px, zoom 400 %) : pas de défilement horizontal de la page', async () => {
        const { page } = await open(renderReport('html', meta(), [nonObtenue()]), { width: 320 });
        try {
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            await page.screenshot({ path: path.join(OUT, 'report-etroit.png'), fullPage: false });
            expect(overflow).toBeLessThanOrEqual(0);
        } finally {
            await page.context().close();
        }
    });
});
