import { readFileSync } from 'node:fs';
import { position, type TestClient } from './client.js';

/** RSS du serveur (Ko), lue dans /proc/<pid>/status (Linux). */
export function serverRssKb(client: TestClient): number {
    const status = readFileSync(`/proc/${client.child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

export interface BurstResult {
    /** Délai (ms) entre la fin de la rafale et la réponse à la première requête envoyée après. */
    readonly firstAnswerMs: number;
    /** Délai (ms) entre la fin de la rafale et la dernière réponse aux requêtes envoyées pendant. */
    readonly allAnsweredMs: number;
    /** Requêtes envoyées pendant la rafale : réponses (résultat), annulations, autres erreurs. */
    readonly answered: number;
    readonly cancelled: number;
    readonly failed: number;
}

/**
 * Une rafale de `edits` modifications (didChange, texte entier) d'un fichier ouvert, avec une
 * requête de survol et une de complétion toutes les `every` modifications, sans attendre leurs
 * réponses (comme un éditeur pendant une frappe rapide ou un collage). Puis un survol : le
 * temps de sa réponse mesure la réactivité du serveur après la rafale.
 * `text` contient `anchor` (un code survolé) ; chaque version change le titre qui suit `title`.
 */
export async function burst(client: TestClient, uri: string, text: string, options: { edits: number; every: number; anchor: string; title: string }): Promise<BurstResult> {
    const { edits, every, anchor, title } = options;
    const at = position(text, anchor, 1);
    const inFlight: Array<Promise<'ok' | 'cancelled' | 'failed'>> = [];
    const settle = (p: Promise<unknown>): Promise<'ok' | 'cancelled' | 'failed'> => p.then(
        () => 'ok' as const,
        (error: { code?: number }) => (error?.code === -32800 || error?.code === -32801 ? 'cancelled' as const : 'failed' as const)
    );
    const sent: Array<Promise<void>> = [];
    for (let i = 1; i <= edits; i++) {
        const version = text.replace(title, `${title} (${i})`);
        sent.push(client.change(uri, version));
        if (i % every === 0) {
            inFlight.push(settle(client.request('textDocument/hover', { textDocument: { uri }, position: at })));
            inFlight.push(settle(client.request('textDocument/completion', { textDocument: { uri }, position: at })));
        }
    }
    // La fin de la rafale : la dernière modification écrite sur l'entrée du serveur.
    await Promise.all(sent);
    const end = performance.now();
    await client.request('textDocument/hover', { textDocument: { uri }, position: at });
    const firstAnswerMs = performance.now() - end;
    const outcomes = await Promise.all(inFlight);
    const allAnsweredMs = performance.now() - end;
    return {
        firstAnswerMs, allAnsweredMs,
        answered: outcomes.filter(o => o === 'ok').length,
        cancelled: outcomes.filter(o => o === 'cancelled').length,
        failed: outcomes.filter(o => o === 'failed').length
    };
}
