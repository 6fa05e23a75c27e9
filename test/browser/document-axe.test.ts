import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportOutput } from '../../language-server/src/core/export.js';
import { axeViolations, runAxe, useChromium } from './browser.js';
import { workspace } from '../helpers.js';
import { ROOT } from '../unit/reports/fixtures.js';

/**
 * Le document publié en HTML (`referentiel export --format html`) dans un vrai Chromium : audit
 * axe-core WCAG 2.1 A/AA sans violation, aucune requête réseau, et à l'impression (A4 paysage) les
 * lignes d'en-tête des tableaux répétées sur chaque page, aucune ligne coupée. Sans Chromium, ces
 * tests ÉCHOUENT (ils ne sont pas ignorés).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare function getComputedStyle(element: any): any;

const OUT = path.join(ROOT, 'test-results');
const SAMPLE = path.join(ROOT, 'samples', 'data-engineer');

const chromiumOf = useChromium();
let html = '';

beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const files: Record<string, string> = {};
    for (const name of readdirSync(SAMPLE).filter(n => n.endsWith('.ref'))) files[name] = readFileSync(path.join(SAMPLE, name), 'utf8');
    const ws = await workspace(files);
    html = await exportOutput(ws.services.referentiel.Models.forCode('DATA-ENGINEER'), 'html') as string;
});

async function open(content = html): Promise<{ page: Page; requests: string[] }> {
    const context = await chromiumOf.browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', request => { requests.push(request.url()); });
    await page.setContent(content, { waitUntil: 'load' });
    return { page, requests };
}

describe('document publié (HTML) dans Chromium', () => {
    it('axe-core : aucune violation non plus pour un référentiel qui a des notes de bloc, d\'activité, de modalité et des mentions entre crochets', async () => {
        const dir = path.join(ROOT, 'test', 'fixtures', 'referentiels', 'aller-retour');
        const files: Record<string, string> = {};
        for (const name of readdirSync(dir).filter(n => n.endsWith('.ref'))) files[name] = readFileSync(path.join(dir, name), 'utf8');
        const ws = await workspace(files);
        const other = await exportOutput(ws.services.referentiel.Models.forCode('ALLER-RETOUR'), 'html') as string;
        expect(other).toContain('<div class="notes">');
        const { page } = await open(other);
        try {
            expect(await axeViolations(page)).toEqual([]);
        } finally {
            await page.context().close();
        }
    });

    it('axe-core WCAG 2.1 A/AA : aucune violation, aucune ressource chargée', async () => {
        const { page, requests } = await open();
        try {
            const report = await runAxe(page);
            expect(report.violations.map(v => `${v.id} ${v.help} : ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)).toEqual([]);
            // axe a bien examiné les tableaux, les titres, la langue et les contrastes.
            const passed = report.passes.map(p => p.id);
            for (const rule of ['html-has-lang', 'html-lang-valid', 'document-title', 'th-has-data-cells', 'td-headers-attr', 'color-contrast']) {
                expect(passed, rule).toContain(rule);
            }
            expect(requests.filter(url => !url.startsWith('about:') && !url.startsWith('data:'))).toEqual([]);
            const file = path.join(OUT, 'document-publie.png');
            await page.screenshot({ path: file, fullPage: true });
            expect(statSync(file).size).toBeGreaterThan(10_000);
        } finally {
            await page.context().close();
        }
    });

    it('à l\'impression : en-têtes répétés (table-header-group), lignes entières (break-inside: avoid), PDF de plusieurs pages', async () => {
        const { page } = await open();
        try {
            await page.emulateMedia({ media: 'print' });
            const styles = await page.evaluate(() => ({
                thead: getComputedStyle(document.querySelector('table.bloc thead')).display,
                row: getComputedStyle(document.querySelector('table.bloc tbody tr')).breakInside
            }));
            expect(styles).toEqual({ thead: 'table-header-group', row: 'avoid' });
            const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
            const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
            expect(pages).toBeGreaterThan(5);
        } finally {
            await page.context().close();
        }
    });
});
