import { readFileSync } from 'node:fs';
import { position, type TestClient } from './client.js';

/** RSS du serveur (Ko), lue dans /proc/<pid>/status (Linux) : ce que voit le système. */
export function serverRssKb(client: TestClient): number {
    const status = readFileSync(`/proc/${client.child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

/** Les options de Node qui ouvrent l'inspecteur du serveur (port libre, adresse locale). */
export const INSPECTOR_ENV = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --inspect=127.0.0.1:0`.trim() };

/**
 * Le tas JavaScript du serveur (octets utilisés) après un ramasse-miettes complet, par le
 * protocole de l'inspecteur de V8 (`HeapProfiler.collectGarbage` puis `Runtime.getHeapUsage`).
 * Le serveur doit avoir été lancé avec {@link INSPECTOR_ENV}. Contrairement à la RSS, qui suit le
 * rythme du ramasse-miettes et la taille réservée par V8, cette mesure ne compte que ce qui est
 * encore retenu : une fuite la fait grandir, un tas pas encore nettoyé non.
 */
export async function serverHeapAfterGc(client: TestClient): Promise<number> {
    const url = /ws:\/\/\S+/.exec(client.stderr.join(''))?.[0];
    if (!url) throw new Error("l'inspecteur du serveur n'est pas ouvert : lancez-le avec INSPECTOR_ENV");
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => {
        socket.addEventListener('open', resolve, { once: true });
        socket.addEventListener('error', reject, { once: true });
    });
    const pending = new Map<number, (result: unknown) => void>();
    socket.addEventListener('message', event => {
        const message = JSON.parse(String(event.data)) as { id: number; result: unknown };
        pending.get(message.id)?.(message.result);
    });
    let id = 0;
    const call = <T>(method: string): Promise<T> => new Promise(resolve => {
        pending.set(++id, resolve as (result: unknown) => void);
        socket.send(JSON.stringify({ id, method, params: {} }));
    });
    try {
        await call('HeapProfiler.collectGarbage');
        return (await call<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize;
    } finally {
        socket.close();
    }
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
 * `text` (le texte ouvert) contient `anchor` (un code survolé, sur une autre ligne que
 * `title`) et `title` (un texte entre guillemets qui reçoit un numéro de version : chaque
 * rafale y laisse ` (NNNNN)`, 8 caractères de plus sur cette seule ligne).
 */
let burstCount = 0;

export async function burst(client: TestClient, uri: string, text: string, options: { edits: number; every: number; anchor: string; title: string }): Promise<BurstResult> {
    const { edits, every, anchor, title } = options;
    const at = position(text, anchor, 1);
    const inFlight: Array<Promise<'ok' | 'cancelled' | 'failed'>> = [];
    const settle = (p: Promise<unknown>): Promise<'ok' | 'cancelled' | 'failed'> => p.then(
        () => 'ok' as const,
        (error: { code?: number }) => (error?.code === -32800 || error?.code === -32801 ? 'cancelled' as const : 'failed' as const)
    );
    // Des modifications incrémentales, comme en envoie un éditeur : le texte ` (00001)` inséré
    // après `title`, puis remplacé à chaque version (` (00002)`, …).
    const at0 = position(text, title, title.length);
    const sent: Array<Promise<void>> = [];
    let version = 1_000_000 * (burstCount += 1);
    for (let i = 1; i <= edits; i++) {
        const range = { start: at0, end: { line: at0.line, character: at0.character + (i === 1 ? 0 : 8) } };
        sent.push(client.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: ++version },
            contentChanges: [{ range, text: ` (${String(i).padStart(5, '0')})` }]
        }));
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
