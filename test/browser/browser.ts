import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../chromium.mjs';

/**
 * Ce que partagent les tests d'accessibilité dans Chromium : le navigateur d'un fichier de tests
 * (Chromium de la distribution, ou celui du paquet npm ; jamais téléchargé) et l'audit axe-core
 * WCAG 2.1 A/AA. Sans Chromium, chaque test ÉCHOUE avec la raison (aucun n'est ignoré).
 */

// La fonction passée à page.evaluate s'exécute dans la page : ses globales DOM, déclarées ici pour
// ce module seulement (le projet compile sans la bibliothèque « dom »).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeNode { target: string[]; html: string; failureSummary?: string }
export interface AxeViolation { id: string; impact: string | null; help: string; helpUrl: string; nodes: AxeNode[] }
export interface AxeResults { violations: AxeViolation[]; passes: Array<{ id: string }>; incomplete: Array<{ id: string }> }

export interface ChromiumOfFile {
    /** Le navigateur lancé ; lève la raison de son absence. */
    browser(): Browser;
    /** D'où vient le Chromium trouvé (distribution, variable d'environnement, paquet npm). */
    source(): string | undefined;
}

/** Lance Chromium avant les tests du fichier (beforeAll) et le ferme après (afterAll). */
export function useChromium(): ChromiumOfFile {
    let browser: Browser | undefined;
    let source: string | undefined;
    let launchError: Error | undefined;
    beforeAll(async () => {
        try {
            const found = await findChromium();
            source = found.source;
            browser = await chromium.launch({ executablePath: found.executablePath, args: CHROMIUM_ARGS });
        } catch (error) {
            launchError = source ? new Error(`${source} n'a pas démarré : ${(error as Error).message}`) : error as Error;
        }
    });
    afterAll(async () => {
        await browser?.close();
    });
    return {
        browser() {
            if (launchError) throw launchError;
            if (!browser) throw new Error('Chromium n\'a pas démarré.');
            return browser;
        },
        source: () => source
    };
}

/** Charge axe-core dans la page (window.axe), sans réseau. */
export async function loadAxe(page: Page): Promise<void> {
    await page.addScriptTag({ content: AXE_SOURCE });
}

/**
 * L'audit axe-core WCAG 2.0/2.1 niveaux A et AA de la page. Les violations sont détaillées (tous
 * les éléments fautifs) ; les règles satisfaites ou incomplètes sont listées avec un élément chacune.
 */
export async function runAxe(page: Page): Promise<AxeResults> {
    await loadAxe(page);
    return await page.evaluate(async () => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations']
    })) as AxeResults;
}

/** Une ligne par violation : règle, aide, et jusqu'à trois éléments fautifs. */
export async function axeViolations(page: Page): Promise<string[]> {
    const result = await runAxe(page);
    return result.violations.map(v => `${v.id} ${v.help} : ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
}
