import { readFileSync } from 'node:fs';
import * as l10n from '@vscode/l10n';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { renderMatrixHtml } from '../../extension/src/matrix-html.js';
import type { CoverageMatrix, CoverageRow } from '../../language-server/src/protocol/commands.js';
import { axeViolations, useChromium } from './browser.js';

/**
 * La matrice de couverture de l'extension (extension/src/matrix-html.ts) dans Chromium, pour un
 * référentiel de 40 compétences (5 blocs de 8) dans un panneau latéral : axe-core WCAG 2.1 A/AA
 * (thèmes clair et sombre, vue normale et compacte), les non évaluées d'abord, un tableau par bloc
 * sans colonnes vides, la colonne des compétences fixe au défilement, rien qui déborde du panneau.
 * La politique de sécurité de la vue n'est pas mise (elle interdirait l'injection d'axe).
 * Sans Chromium, ces tests ÉCHOUENT (ils ne sont pas ignorés).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;
declare function getComputedStyle(element: any): any;

const french = JSON.parse(readFileSync(new URL('../../l10n/bundle.l10n.fr.json', import.meta.url), 'utf8')) as Record<string, string>;

const chromiumOf = useChromium();

afterAll(() => {
    l10n.config({ contents: {} });
});

const at = (line: number) => ({ uri: 'file:///r/bc.ref', range: { start: { line, character: 0 }, end: { line, character: 4 } } });

/** 5 blocs de 8 compétences ; chaque bloc a deux modalités ; M1.3 (bloc 1) évalue aussi C2.1 ; C3.8 et C5.8 ne sont évaluées par rien. */
function fortyCompetencies(): CoverageMatrix {
    const modalites: Array<CoverageMatrix['modalites'][number]> = [];
    const lignes: CoverageRow[] = [];
    for (let b = 1; b <= 5; b++) {
        modalites.push({ code: `M${b}.1`, titre: `Étude de cas du bloc ${b}`, bloc: `BC0${b}`, ...at(b * 100) });
        modalites.push({ code: `M${b}.2`, titre: `Mise en situation du bloc ${b}`, bloc: `BC0${b}`, ...at(b * 100 + 1) });
    }
    modalites.splice(2, 0, { code: 'M1.3', titre: 'Projet transverse', bloc: 'BC01', ...at(150) });
    for (let b = 1; b <= 5; b++) {
        for (let c = 1; c <= 8; c++) {
            const code = `C${b}.${c}`;
            const uncovered = (b === 3 || b === 5) && c === 8;
            const modalite = `M${b}.${c <= 4 ? 1 : 2}`;
            const cellules = uncovered ? [] : [{
                modalite, ...at(b * 100 + c),
                criteres: [{ code: `CR${b}.${c}.1`, texte: `Le critère ${c} est observable.`, eliminatoire: c === 1, ...at(b * 100 + c) }]
            }];
            if (code === 'C2.1') cellules.push({ modalite: 'M1.3', ...at(151), criteres: [] });
            lignes.push({
                code, texte: `Concevoir l'élément ${c} du bloc ${b} pour répondre au besoin du client, en respectant les normes`,
                bloc: `BC0${b}`, ...at(b * 100 + c), cellules, evaluee: !uncovered
            });
        }
    }
    return {
        code: 'QUARANTE', titre: 'Quarante compétences', modalites, lignes,
        blocs: [1, 2, 3, 4, 5].map(b => ({ code: `BC0${b}`, titre: `Bloc numéro ${b}`, ...at(b * 100 - 1) }))
    };
}

async function open(html: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<Page> {
    const context = await chromiumOf.browser().newContext({ viewport: { width: options.width ?? 480, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return page;
}

describe('matrice de couverture de l\'extension dans Chromium (40 compétences, panneau latéral)', () => {
    for (const scheme of ['light', 'dark'] as const) {
        it(`axe-core WCAG 2.1 A/AA : aucune violation, vue normale puis compacte (thème ${scheme})`, async () => {
            l10n.config({ contents: french });
            const { html } = renderMatrixHtml(fortyCompetencies(), { nonce: 'n', lang: 'fr' });
            const page = await open(html, { colorScheme: scheme });
            try {
                expect(await axeViolations(page)).toEqual([]);
                await page.click('#compact');
                expect(await page.getAttribute('#compact', 'aria-pressed')).toBe('true');
                expect(await axeViolations(page)).toEqual([]);
            } finally {
                await page.context().close();
            }
        });
    }

    it('les non évaluées d\'abord, un tableau par bloc avec ses seules modalités, la colonne des compétences fixe', async () => {
        l10n.config({ contents: french });
        const matrix = fortyCompetencies();
        const { html, targets } = renderMatrixHtml(matrix, { nonce: 'n', lang: 'fr' });
        const page = await open(html);
        try {
            // La première section après le résumé : les lacunes, chacune un bouton vers sa compétence.
            expect(await page.locator('main > section').first().locator('h2').textContent()).toBe('Non évaluées (2)');
            const gaps = page.locator('ul.gaps button');
            expect(await gaps.allTextContents()).toEqual(['C3.8', 'C5.8']);
            const first = Number(await gaps.first().getAttribute('data-target'));
            expect(targets[first].range.start.line).toBe(308);
            // Un tableau par bloc ; en colonnes, seulement les modalités qui évaluent une de ses compétences.
            const headers = await page.locator('table').evaluateAll((tables: any[]) => tables.map(t =>
                [...t.querySelectorAll('thead th')].map((th: any) => th.textContent.trim())));
            expect(headers).toEqual([
                ['Compétence', 'M1.1', 'M1.2'],
                ['Compétence', 'M2.1', 'M2.2', 'M1.3 (BC01)'],
                ['Compétence', 'M3.1', 'M3.2'],
                ['Compétence', 'M4.1', 'M4.2'],
                ['Compétence', 'M5.1', 'M5.2']
            ]);
            expect(await page.locator('h2').allTextContents()).toContain('Bloc BC02 — Bloc numéro 2');
            // M1.3 n'évalue rien du bloc 1 : pas de colonne vide pour elle dans ce bloc.
            expect(await page.locator('tbody th[scope=row]').count()).toBe(40);
            expect(await page.locator('tbody th[scope=row]').first().evaluate((th: any) => getComputedStyle(th).position)).toBe('sticky');
            // Dans un panneau de 480 px, la page ne déborde pas : chaque tableau défile dans sa région.
            const overflow = await page.evaluate(() => [...document.querySelectorAll('body *')]
                .filter((e: any) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.scroll'))
                .map((e: any) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));
            expect(overflow).toEqual([]);
            expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        } finally {
            await page.context().close();
        }
    });

    it('la vue compacte montre les codes seuls ; les textes restent en infobulle et pour les lecteurs d\'écran', async () => {
        l10n.config({ contents: french });
        const { html } = renderMatrixHtml(fortyCompetencies(), { nonce: 'n', lang: 'fr' });
        const page = await open(html, { width: 1100 });
        try {
            const row = page.locator('tbody th[scope=row]').first();
            const wide = await row.evaluate((th: any) => th.getBoundingClientRect().width);
            await page.click('#compact');
            const narrow = await row.evaluate((th: any) => th.getBoundingClientRect().width);
            expect(narrow).toBeLessThan(wide / 2);
            expect(await row.locator('.text').evaluate((span: any) => span.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
            expect(await row.locator('button').getAttribute('title')).toBe('Ouvrir la compétence C1.1 : Concevoir l\'élément 1 du bloc 1 pour répondre au besoin du client, en respectant les normes');
            // Le texte reste dans l'arbre d'accessibilité (masqué à l'écran seulement).
            expect(await row.textContent()).toContain('Concevoir l\'élément 1 du bloc 1');
            await page.click('#compact');
            expect(await page.getAttribute('#compact', 'aria-pressed')).toBe('false');
        } finally {
            await page.context().close();
        }
    });
});
