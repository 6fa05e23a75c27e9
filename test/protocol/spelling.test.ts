import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTION_OFF, TestClient } from './client.js';

/**
 * REF606 dans l'éditeur : allumée par le réglage referentiel.regles, et une liste de mots
 * (referentiel-mots.txt) créée sur le disque fait revérifier les fichiers de son dossier.
 */
let client: TestClient;
let folder: string;

beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'referentiel-mots-'));
    writeFileSync(path.join(folder, 'x.ref'), 'certification X "Certification"\nbloc BC01 "Concevoir un pipeline scalable" {\n    compétence C1.1 "Garantir la qualité des données afin de fiabiliser les décisions"\n    modalité M1.1 "Étude de cas" {\n        évalue C1.1\n        critère CR1.1.1 "La solution est documentée" vérifie C1.1\n    }\n}\nobtention {\n    condition "c" : tous les blocs validés\n}\n');
    client = new TestClient();
    client.settings = { referentiel: { regles: { ...REDACTION_OFF, REF606: 'info' }, langue: 'auto' } };
    await client.initialize(folder);
}, 30_000);

afterAll(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
});

describe('REF606 et referentiel-mots.txt', () => {
    it('le mot signalé disparaît quand la liste de mots qui l\'admet est créée', async () => {
        const uri = await client.open(path.join(folder, 'x.ref'));
        const before = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'REF606'), 30_000);
        expect(before.filter(d => d.code === 'REF606').map(d => d.message)).toEqual([expect.stringContaining('« scalable »')]);
        const list = path.join(folder, 'referentiel-mots.txt');
        writeFileSync(list, 'scalable\n');
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(list).toString(), type: 1 }] });
        const after = await client.waitForDiagnostics(uri, d => !d.some(x => x.code === 'REF606'), 30_000);
        expect(after.filter(d => d.code === 'REF606')).toEqual([]);
    }, 60_000);
});
