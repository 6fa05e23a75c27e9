import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium, packagedChromium } from '../chromium.mjs';

/**
 * Sur une machine neuve sans Chromium de la distribution, les tests d'accessibilité prennent celui
 * du paquet npm @sparticuz/chromium (installé par npm ci) : il doit démarrer et rendre une page.
 * Le Chromium de la distribution passe toujours en premier.
 */
describe('le Chromium des tests', () => {
    it('le Chromium du paquet npm démarre et rend une page', async () => {
        const found = await packagedChromium();
        expect(found.source).toMatch(/@sparticuz\/chromium/);
        expect(existsSync(found.executablePath)).toBe(true);
        const browser = await chromium.launch({ executablePath: found.executablePath, args: CHROMIUM_ARGS });
        try {
            const page = await browser.newPage();
            await page.setContent('<main lang="fr"><h1>Référentiel</h1></main>');
            expect(await page.textContent('h1')).toBe('Référentiel');
        } finally {
            await browser.close();
        }
    });

    it('REFERENTIEL_CHROMIUM=npm force le paquet npm ; sinon la distribution passe d\'abord', async () => {
        const saved = process.env.REFERENTIEL_CHROMIUM;
        try {
            process.env.REFERENTIEL_CHROMIUM = 'npm';
            expect((await findChromium()).source).toMatch(/@sparticuz\/chromium/);
            delete process.env.REFERENTIEL_CHROMIUM;
            const found = await findChromium();
            if (existsSync('/usr/bin/chromium')) {
                expect(found.source).toBe('Chromium de la distribution (/usr/bin/chromium)');
            } else {
                expect(found.source).toMatch(/@sparticuz\/chromium/);
            }
        } finally {
            if (saved === undefined) delete process.env.REFERENTIEL_CHROMIUM; else process.env.REFERENTIEL_CHROMIUM = saved;
        }
    });
});
