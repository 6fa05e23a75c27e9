import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseError } from 'vscode-languageserver-protocol';
import type { CommandErrorData, ImportWordResult } from '../../language-server/src/protocol/commands.js';
import { ROOT, TestClient } from './client.js';

/**
 * `referentiel.importerWord` sur le vrai protocole : la commande de la palette « Importer un
 * référentiel Word… » de VS Code. Le travail est celui de `referentiel import docx` (core/).
 */
const DOCX = path.join(ROOT, 'test', 'fixtures', 'docx', 'data-engineer.docx');
let client: TestClient;
let folder: string;
const uri = (file: string): string => pathToFileURL(file).toString();

function run<T>(arg: unknown): Promise<T> {
    return client.request<T>('workspace/executeCommand', { command: 'referentiel.importerWord', arguments: [arg] });
}

async function failure(arg: unknown): Promise<ResponseError<CommandErrorData>> {
    try {
        await run(arg);
    } catch (error) {
        return error as ResponseError<CommandErrorData>;
    }
    throw new Error('referentiel.importerWord aurait dû échouer');
}

beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'referentiel-word-'));
    client = new TestClient();
    client.settings = { referentiel: { regles: {}, langue: 'auto' } };
    const init = await client.initialize(folder);
    expect(init.capabilities.executeCommandProvider?.commands).toContain('referentiel.importerWord');
});

afterAll(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
});

describe('referentiel.importerWord', () => {
    it('importe le document Word : les fichiers (URI) et les comptes de la ligne de commande', async () => {
        const out = path.join(folder, 'data-engineer');
        const result = await run<ImportWordResult>({ fichier: uri(DOCX), dossier: uri(out) });
        expect(result).toMatchObject({ code: 'DATA-ENGINEER', blocs: 5, activites: 25, competences: 40, modalites: 10, criteres: 71, regles: 6 });
        expect(result.liensDeduits).toBeGreaterThan(0);
        expect(result.fichiers).toEqual(['data-engineer.ref', 'bc01.ref', 'bc02.ref', 'bc03.ref', 'bc04.ref', 'bc05.ref'].map(n => uri(path.join(out, n))));
        expect(readFileSync(path.join(out, 'bc01.ref'), 'utf8')).toContain('compétence C1.2. "Analyser le besoin de protection des données');
    });

    it('ne remplace rien sans « remplacer » : les fichiers existants reviennent dans data.existants', async () => {
        const out = path.join(folder, 'deja');
        await run<ImportWordResult>({ fichier: uri(DOCX), dossier: uri(out) });
        const bc02 = path.join(out, 'bc02.ref');
        writeFileSync(bc02, readFileSync(bc02, 'utf8') + '// Complété à la main.\n');
        const error = await failure({ fichier: uri(DOCX), dossier: uri(out) });
        expect(error.message).toContain('contient déjà data-engineer.ref, bc01.ref');
        expect(error.data?.existants).toEqual(['data-engineer.ref', 'bc01.ref', 'bc02.ref', 'bc03.ref', 'bc04.ref', 'bc05.ref']);
        expect(readFileSync(bc02, 'utf8')).toContain('// Complété à la main.');
        await run<ImportWordResult>({ fichier: uri(DOCX), dossier: uri(out), remplacer: true });
        expect(readFileSync(bc02, 'utf8')).not.toContain('// Complété à la main.');
    });

    it('refuse un document qui n\'est pas un référentiel, en français, sans rien écrire', async () => {
        const bad = path.join(folder, 'note.docx');
        writeFileSync(bad, 'pas un document Word');
        const out = path.join(folder, 'rien');
        const error = await failure({ fichier: uri(bad), dossier: uri(out) });
        expect(error.message).toContain('n\'est pas un document Word (.docx)');
        expect(existsSync(out)).toBe(false);
        const missing = await failure({ fichier: uri(DOCX) });
        expect(missing.message).toContain('attend un argument { fichier, dossier, remplacer? }');
        expect(readdirSync(folder).filter(n => n.startsWith('.'))).toEqual([]);
    });
});
