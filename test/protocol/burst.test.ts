import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { burst, INSPECTOR_ENV, serverHeapAfterGc } from './burst.js';
import { ROOT, TestClient } from './client.js';

/**
 * Le serveur sous une rafale de modifications (issue 13, ligne « rafale ») : 3 000 didChange d'un
 * fichier ouvert de l'échantillon, avec survols et complétions en vol. Après la rafale, la
 * première requête reçoit sa réponse en moins d'une seconde, toutes celles en vol reçoivent une
 * réponse (résultat ou annulation), et la mémoire ne grossit pas d'une rafale à l'autre.
 */
let client: TestClient;
let folder: string;

beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'referentiel-rafale-'));
    cpSync(path.join(ROOT, 'samples/data-engineer'), path.join(folder, 'data-engineer'), { recursive: true, filter: f => !f.includes('candidats') });
    client = new TestClient(INSPECTOR_ENV);
    client.settings = { referentiel: { regles: {}, langue: 'auto' } };
    await client.initialize(folder);
}, 30_000);

afterAll(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
});

describe('rafale de modifications', () => {
    it('répond vite après 3 000 modifications (< 1 s au repos ; sous charge, ≤ 40 × une modification seule), à toutes les requêtes en vol, mémoire stable', async () => {
        const file = path.join(folder, 'data-engineer', 'bc02.ref');
        const text = readFileSync(file, 'utf8');
        const uri = await client.open(file, text);
        await client.waitForDiagnostics(uri, () => true);
        const options = { edits: 3000, every: 100, anchor: 'C2.1', title: 'Manager la transition data' };
        expect(text).toContain(options.title);
        // Une rafale d'échauffement d'abord : le tas de V8 y prend sa taille de travail (code compilé,
        // caches de l'analyseur), puis il plafonne. On compare ensuite trois
        // rafales : une fuite (une version gardée par modification) ferait grossir chacune.
        // La cible de l'issue est absolue (< 1 s sur une machine au repos). Sur une machine chargée
        // (tests en parallèle, autres travaux), tout ralentit : la limite est alors relative à ce
        // que coûte, au même moment, une seule modification suivie d'un survol (médiane de 3),
        // soit max(1 s, 40 × ce coût). Avant le regroupement des modifications, la réponse venait
        // après 16 s, 400 fois ce coût.
        const single: number[] = [];
        for (let i = 0; i < 3; i++) single.push((await burst(client, uri, text, { ...options, edits: 1, every: 1 })).firstAnswerMs);
        const baseline = single.sort((a, b) => a - b)[1];
        const limit = Math.max(1000, 40 * baseline);
        const heap: number[] = [];
        for (let round = 0; round < 4; round++) {
            const result = await burst(client, uri, text, options);
            expect(result.firstAnswerMs, `${JSON.stringify(result)} ; une modification seule : ${baseline.toFixed(0)} ms`).toBeLessThan(limit);
            expect(result.answered + result.cancelled, JSON.stringify(result)).toBe(2 * options.edits / options.every);
            expect(result.failed).toBe(0);
            if (round > 0) heap.push(await serverHeapAfterGc(client));
        }
        // Le serveur reste utilisable : les diagnostics de la dernière version arrivent.
        await client.waitForDiagnostics(uri, d => Array.isArray(d));
        // Tas après un ramasse-miettes complet (mesuré : 43,4 → 43,7 → 43,8 Mo). Garder une version par
        // modification (12 Ko de texte, sans son arbre) ajouterait 36 Mo par rafale : la marge de 4 Mo
        // en est le neuvième ; une telle fuite, essayée, donne 189 → 261 → 334 Mo. La RSS, mesurée
        // ici avant, suivait le rythme du ramasse-miettes (156 → 196 Mo en CI, sans fuite).
        expect(heap[2] - heap[0], `tas (octets) après chaque rafale : ${heap.join(', ')}`).toBeLessThanOrEqual(4 * 1024 * 1024);
    }, 120_000);
});


describe('un document sans titre modifié puis fermé aussitôt', () => {
    it('les commandes répondent ensuite (la mise à jour retenue ne bloque pas la construction)', async () => {
        // VS Code vide un document sans titre avant de le fermer (didChange puis didClose, à
        // quelques ms) : la modification retenue par le regroupement porte alors sur un document
        // qui n'existe plus nulle part. Elle ne doit pas laisser l'espace de travail « en cours de
        // construction » : toute commande attendrait sans fin (vu dans un vrai VS Code).
        const uri = 'untitled:Untitled-1';
        const logs: string[] = [];
        client.connection.onNotification('window/logMessage', (p: { message: string }) => { logs.push(p.message); });
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'referentiel', version: 1, text: 'référentiel X "x"\n' } });
        await client.waitForDiagnostics(uri, () => true);
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: '' }] });
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        const started = Date.now();
        const target = pathToFileURL(path.join(folder, 'data-engineer', 'bc01.ref')).toString();
        const exported = await Promise.race([
            client.request<{ code: string }>('workspace/executeCommand', { command: 'referentiel.exporter', arguments: [{ uri: target, format: 'json' }] }),
            new Promise<{ code: string }>(resolve => setTimeout(() => resolve({ code: `sans réponse après 10 s ; journal du serveur : ${logs.join('\n')}` }), 10_000))
        ]);
        expect(exported.code).toBe('DATA-ENGINEER');
        expect(Date.now() - started).toBeLessThan(5000);
        // Le document fermé est retiré : ses diagnostics sont effacés.
        await client.waitForDiagnostics(uri, d => d.length === 0);
        expect(logs.filter(l => /Error|rejet/.test(l))).toEqual([]);
    }, 30_000);
});
