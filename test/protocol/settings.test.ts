import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, TestClient, REDACTION_OFF } from './client.js';

/**
 * Les réglages lus au démarrage : le serveur les demande au client (workspace/configuration,
 * section « referentiel ») et les applique avant de publier ses diagnostics.
 */
const folders: string[] = [];
afterAll(() => { for (const folder of folders) rmSync(folder, { recursive: true, force: true }); });

async function start(settings: Record<string, unknown>, locale = 'fr'): Promise<{ client: TestClient; folder: string }> {
    const folder = mkdtempSync(path.join(tmpdir(), 'referentiel-lsp-'));
    folders.push(folder);
    cpSync(path.join(ROOT, 'test/fixtures/cli/decoupe'), folder, { recursive: true });
    const client = new TestClient();
    client.settings = { referentiel: settings };
    await client.initialize(folder, { locale });
    return { client, folder };
}

describe('réglages au démarrage', () => {
    it('referentiel.regles et referentiel.langue = "en" s\'appliquent dès les premiers diagnostics', async () => {
        const { client, folder } = await start({ regles: { ...REDACTION_OFF, REF106: 'error' }, langue: 'en' });
        for (const name of ['principal.ref', 'bloc1.ref', 'bloc2.ref']) await client.open(path.join(folder, name));
        const uri = pathToFileURL(path.join(folder, 'bloc2.ref')).toString();
        const diagnostics = await client.waitForDiagnostics(uri, d => d.length > 0 && d[0].severity === 1);
        expect(diagnostics.map(d => `${d.code} ${d.message}`)).toEqual(['REF106 Situation M2.1 of bloc BC02 assesses C1.1, which belongs to bloc BC01.']);
        expect(await client.stop()).toBe(0);
    });

    it('« auto » prend la langue de l\'éditeur (paramètre locale d\'initialize) ; une règle « off » ne s\'affiche pas', async () => {
        const { client, folder } = await start({ regles: { ...REDACTION_OFF, REF106: 'off' }, langue: 'auto' }, 'en-US');
        for (const name of ['principal.ref', 'bloc1.ref', 'bloc2.ref']) await client.open(path.join(folder, name));
        await client.change(pathToFileURL(path.join(folder, 'bloc2.ref')).toString(), 'référentiel DECOUPE\nbloc BC02 "B" {\n    compétence C2.1 "c"\n    modalité M2.1 "m" {\n        évalue C1.1, C2.9\n    }\n}\n');
        const diagnostics = await client.waitForDiagnostics(pathToFileURL(path.join(folder, 'bloc2.ref')).toString(), d => d.some(x => x.code === 'REF002'));
        expect(diagnostics.map(d => d.code).sort()).toEqual(['REF002', 'REF101', 'REF108']);
        expect(diagnostics.find(d => d.code === 'REF002')?.message).toBe('The competency "C2.9" does not exist in référentiel DECOUPE. Did you mean C2.1?');
        expect(await client.stop()).toBe(0);
    });
    it('les règles de rédaction sont publiées par défaut (information) et se règlent comme les autres', async () => {
        const { client, folder } = await start({ regles: { REF601: 'warning' }, langue: 'auto' });
        for (const name of ['principal.ref', 'bloc1.ref', 'bloc2.ref']) await client.open(path.join(folder, name));
        const uri = pathToFileURL(path.join(folder, 'bloc2.ref')).toString();
        const diagnostics = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'REF602'));
        const lines = diagnostics.map(d => `${d.code} ${d.severity} ${d.message}`);
        expect(lines).toContain('REF601 2 La compétence C2.1 commence par « Compétence » : une compétence s\'écrit avec un verbe d\'action à l\'infinitif (« Analyser… », « Concevoir… », « S\'assurer… »).');
        expect(lines).toContain('REF602 3 La compétence C2.1 ne dit pas dans quel but elle s\'exerce : ajoutez la finalité (« pour… », « afin de… », « en vue de… »).');
        expect(await client.stop()).toBe(0);
    });
});
