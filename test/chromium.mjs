// Le Chromium des tests (rapports HTML, webviews, interface de code-server) : jamais téléchargé
// d'ailleurs que des dépôts de paquets.
// 1. REFERENTIEL_CHROMIUM, s'il est donné (un chemin, ou « npm » pour prendre celui du paquet npm) ;
// 2. celui de la distribution (Debian : apt-get install chromium), s'il est installé ;
// 3. sinon celui que le paquet npm @sparticuz/chromium (dépendance de développement) porte dans
//    son archive, extrait au premier appel.
// Chaque suite dit lequel a tourné.
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'];

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Le navigateur à lancer, et d'où il vient.
 * @returns {Promise<{ executablePath: string; source: string }>}
 */
export async function findChromium() {
    const fromEnv = process.env.REFERENTIEL_CHROMIUM;
    if (fromEnv === 'npm') return packagedChromium();
    if (fromEnv) {
        if (!existsSync(fromEnv)) throw new Error(`REFERENTIEL_CHROMIUM désigne ${fromEnv}, qui n'existe pas.`);
        return { executablePath: fromEnv, source: `REFERENTIEL_CHROMIUM (${fromEnv})` };
    }
    const system = SYSTEM.find(p => existsSync(p));
    if (system) return { executablePath: system, source: `Chromium de la distribution (${system})` };
    return packagedChromium();
}

/**
 * Le Chromium que porte le paquet npm @sparticuz/chromium.
 * @returns {Promise<{ executablePath: string; source: string }>}
 */
export async function packagedChromium() {
    let packaged;
    try {
        packaged = (await import('@sparticuz/chromium')).default;
    } catch (error) {
        throw new Error('Chromium est introuvable : ni REFERENTIEL_CHROMIUM, ni Chromium de la distribution (apt-get install chromium), '
            + `ni le paquet de développement @sparticuz/chromium (npm ci) : ${error instanceof Error ? error.message : String(error)}`);
    }
    const executablePath = await packaged.executablePath();
    return { executablePath, source: `Chromium du paquet npm @sparticuz/chromium (${executablePath})` };
}
