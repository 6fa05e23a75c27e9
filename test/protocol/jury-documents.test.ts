import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseError } from 'vscode-languageserver-protocol';
import type { CommandErrorData, JuryDocumentsResult } from '../../language-server/src/protocol/commands.js';
import { ROOT, TestClient } from './client.js';

/**
 * `referentiel.documentsJury` sur le vrai protocole : les commandes de la palette « Produire le
 * procès-verbal du jury » et « Produire les certificats de bloc ». Le travail est celui de
 * `referentiel evaluate --format pv|certificats` (core/jury.ts).
 */
let client: TestClient;
let folder: string;
const uri = (file: string): string => pathToFileURL(file).toString();

function run<T>(arg: unknown): Promise<T> {
    return client.request<T>('workspace/executeCommand', { command: 'referentiel.documentsJury', arguments: [arg] });
}

beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'referentiel-jury-'));
    cpSync(path.join(ROOT, 'samples', 'data-engineer'), path.join(folder, 'data-engineer'), { recursive: true });
    client = new TestClient();
    client.settings = { referentiel: { regles: {}, langue: 'auto' } };
    const init = await client.initialize(folder);
    expect(init.capabilities.executeCommandProvider?.commands).toContain('referentiel.documentsJury');
});

afterAll(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
});

describe('referentiel.documentsJury', () => {
    it('procès-verbal d\'une cohorte en HTML : le fichier écrit et les totaux', async () => {
        const sortie = path.join(folder, 'jury', 'pv.html');
        const result = await run<JuryDocumentsResult>({
            uri: uri(path.join(folder, 'data-engineer', 'candidats', 'cohorte-session-2026.csv')),
            document: 'pv', sortie: uri(sortie), session: 'Session de juin 2026', jury: ['Marie Curie'], date: '2026-06-30'
        });
        expect(result).toMatchObject({ referentiel: 'DATA-ENGINEER', fichiers: [uri(sortie)], diagnostics: [] });
        expect(result.resume?.candidats).toBe(8);
        const html = readFileSync(sortie, 'utf8');
        expect(html).toContain('Session : Session de juin 2026');
        expect(html).toContain('<li>Marie Curie</li>');
    });

    it('certificats de bloc en PDF dans un dossier', async () => {
        const sortie = path.join(folder, 'certificats');
        const result = await run<JuryDocumentsResult>({
            uri: uri(path.join(folder, 'data-engineer', 'candidats', '02-bloc-non-valide.candidat.json')),
            document: 'certificats', type: 'pdf', sortie: uri(sortie), date: '2026-06-30'
        });
        expect(result.fichiers).toHaveLength(4);
        expect(readdirSync(sortie).sort()).toEqual(['certificat-2026-0043-BC01.pdf', 'certificat-2026-0043-BC02.pdf', 'certificat-2026-0043-BC04.pdf', 'certificat-2026-0043-BC05.pdf']);
        expect(readFileSync(path.join(sortie, 'certificat-2026-0043-BC01.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('un dossier fautif : ses problèmes en diagnostics, aucun fichier écrit', async () => {
        const fautif = path.join(folder, 'data-engineer', 'candidats', 'fautif.candidat.json');
        writeFileSync(fautif, '{ "referentiel": "DATA-ENGINEER", "candidat": { "id": "X" }, "competences": { "C9.9": "acquise" } }');
        const sortie = path.join(folder, 'pv-fautif.html');
        const result = await run<JuryDocumentsResult>({ uri: uri(fautif), document: 'pv', sortie: uri(sortie) });
        expect(result.fichiers).toEqual([]);
        expect(result.diagnostics.some(d => d.code === 'code-inconnu')).toBe(true);
        expect(existsSync(sortie)).toBe(false);
    });

    it('arguments invalides : une erreur qui dit ce qui est attendu', async () => {
        let error: ResponseError<CommandErrorData> | undefined;
        try {
            await run({ uri: uri(path.join(folder, 'x.csv')), document: 'bulletin', sortie: uri(folder) });
        } catch (e) {
            error = e as ResponseError<CommandErrorData>;
        }
        expect(error?.message).toContain('document: "pv" | "certificats"');
    });
});
