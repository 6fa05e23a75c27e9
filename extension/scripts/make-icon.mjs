// Rend extension/icons/referentiel.svg en PNG 128×128 (l'icône exigée par la place de marché)
// avec le Chromium de la distribution (jamais téléchargé). Le PNG est versionné : cette commande
// ne sert qu'à le refaire après une modification du SVG.
//   node extension/scripts/make-icon.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync(new URL('../icons/referentiel.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
    executablePath: process.env.REFERENTIEL_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
});
try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const png = await page.locator('svg').screenshot({ omitBackground: true, type: 'png' });
    writeFileSync(new URL('../icons/referentiel.png', import.meta.url), png);
    console.log(`extension/icons/referentiel.png : ${png.length} octets`);
} finally {
    await browser.close();
}
