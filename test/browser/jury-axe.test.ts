import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, useChromium } from './browser.js';
import { certificatesOf, jurySession, minutesRow, minutesSummary } from '../../language-server/src/evaluation/jury/documents.js';
import { renderCertificateHtml, renderMinutesHtml } from '../../language-server/src/evaluation/jury/jury-html.js';
import { renderReport } from '../../language-server/src/evaluation/reports/index.js';
import { evaluateCandidate } from '../../language-server/src/evaluation/engine.js';
import { readCandidateJson } from '../../language-server/src/evaluation/candidates/index.js';
import type { EvaluationResult } from '../../language-server/src/evaluation/types.js';
import type { ReferentielModel } from '../../language-server/src/model/referentiel-model.js';
import { loadModel } from '../unit/engine/engine-helpers.js';
import { ROOT, cohort, meta, nonObtenue } from '../unit/reports/fixtures.js';

/**
 * Les documents du jury (procès-verbal, certificat de bloc) et le rapport d'évaluation dans
 * Chromium : audit axe-core WCAG 2.1 A/AA, et lisibles dans un panneau étroit (~400 px, VS Code à
 * côté de l'éditeur) sans qu'aucun tableau ne déborde. Sans Chromium, ces tests ÉCHOUENT.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;

const chromiumOf = useChromium();
let model: ReferentielModel;
let results: EvaluationResult[];

beforeAll(async () => {
    model = await loadModel('samples/data-engineer', 'DATA-ENGINEER');
    const dir = `${ROOT}/samples/data-engineer/candidats`;
    results = ['01-obtenue', '02-bloc-non-valide', '03-incomplet', '05-critere-eliminatoire'].map(name => {
        const file = `${dir}/${name}.candidat.json`;
        return evaluateCandidate(model, readCandidateJson(file, readFileSync(file, 'utf8'), model));
    });
});

async function open(html: string, width = 1100): Promise<Page> {
    const context = await chromiumOf.browser().newContext({ viewport: { width, height: 900 }, javaScriptEnabled: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return page;
}

/** Les tableaux plus larges que leur conteneur, et la largeur de la page au-delà de la fenêtre. */
async function overflow(page: Page): Promise<{ tables: string[]; page: number; viewport: number }> {
    return page.evaluate(() => ({
        tables: [...document.querySelectorAll('table')]
            .filter((t: any) => t.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 || t.scrollWidth > t.parentElement.clientWidth + 0.5)
            .map((t: any) => t.caption?.textContent ?? t.className),
        page: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth
    }));
}

const session = (locale: 'fr' | 'en' = 'fr') => jurySession(model, { date: '2026-06-30', session: 'Session de juin 2026', members: ['Marie Curie (présidente)', 'Paul Martin'], locale });

type DocumentCase = { name: string; kind: 'pv' | 'certificat'; locale: 'fr' | 'en' };
const CASES: DocumentCase[] = [
    { name: 'procès-verbal (fr)', kind: 'pv', locale: 'fr' }, { name: 'certificat de bloc (fr)', kind: 'certificat', locale: 'fr' },
    { name: 'procès-verbal (en)', kind: 'pv', locale: 'en' }, { name: 'certificat de bloc (en)', kind: 'certificat', locale: 'en' }
];

function render({ kind, locale }: DocumentCase): string {
    if (kind === 'pv') {
        const rows = results.map(r => minutesRow(r, locale));
        return renderMinutesHtml(session(locale), rows, minutesSummary(rows));
    }
    return renderCertificateHtml(session(locale), certificatesOf(results[1], model, locale)[0]);
}

describe('documents du jury dans Chromium', () => {
    it.each(CASES)('axe-core WCAG 2.1 A/AA : aucune violation — $name', async (c) => {
        const page = await open(render(c));
        try {
            expect(await axeViolations(page)).toEqual([]);
            expect(await page.evaluate(() => document.querySelectorAll('h1').length)).toBe(1);
            expect(await page.evaluate(() => [...document.querySelectorAll('th')].every((th: any) => ['col', 'row'].includes(th.getAttribute('scope'))))).toBe(true);
        } finally {
            await page.context().close();
        }
    });

    it.each(CASES.filter(c => c.locale === 'fr'))('à 400 px, aucun tableau ne déborde — $name', async (c) => {
        const page = await open(render(c), 400);
        try {
            const o = await overflow(page);
            expect(o.tables).toEqual([]);
            expect(o.page).toBeLessThanOrEqual(o.viewport);
        } finally {
            await page.context().close();
        }
    });

    it('à l\'impression : un document par page (saut de page après chaque document), A4', async () => {
        const page = await open(render(CASES[1]));
        try {
            await page.emulateMedia({ media: 'print' });
            expect(await page.evaluate(() => window.getComputedStyle(document.querySelector('main.document')).breakAfter)).toBe('page');
            const pdf = await page.pdf({ preferCSSPageSize: true });
            // Un certificat tient sur une page (ici BC01, ses huit compétences aux longs intitulés).
            expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBe(1);
        } finally {
            await page.context().close();
        }
    });
});

describe('rapport d\'évaluation dans un panneau étroit', () => {
    it.each([
        { name: 'cohorte', html: () => renderReport('html', meta(), cohort()) },
        { name: 'un candidat', html: () => renderReport('html', meta(), [nonObtenue()]) },
        { name: 'exemples Data Engineer', html: () => renderReport('html', meta(), results) }
    ])('à 400 px, aucun tableau ne déborde et axe ne signale rien — $name', async ({ html }) => {
        const page = await open(html(), 400);
        try {
            // Les compétences repliées sont dépliées pour être mesurées aussi.
            await page.evaluate(() => document.querySelectorAll('details').forEach((d: any) => { d.open = true; }));
            const o = await overflow(page);
            expect(o.tables).toEqual([]);
            expect(o.page).toBeLessThanOrEqual(o.viewport);
            expect(await axeViolations(page)).toEqual([]);
        } finally {
            await page.context().close();
        }
    });
});
