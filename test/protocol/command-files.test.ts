import { execFileSync } from 'node:child_process';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseError } from 'vscode-languageserver-protocol';
import type { EvaluateResult, ExportResult, ReferentielInfo } from '../../language-server/src/protocol/commands.js';
import { ROOT, TestClient } from './client.js';

/**
 * Les commandes du serveur qui lisent un fichier désigné par le client (`referentiel.evaluer`,
 * `referentiel.exporter`, `referentiel.matriceCouverture`) ne lisent que des fichiers ordinaires
 * des dossiers de l'espace de travail, d'au plus 50 Mo, et ne recopient jamais un contenu dans
 * leurs erreurs. Avant : `file:///etc/passwd` renvoyait son premier jeton, `file:///dev/zero`
 * faisait grossir le serveur jusqu'à 9,5 Go.
 */
let client: TestClient;
let folder: string;
let outside: string;
const file = (...parts: string[]): string => path.join(folder, ...parts);
const uriOf = (...parts: string[]): string => pathToFileURL(file(...parts)).toString();
const SECRET = 'SECRET-HORS-ESPACE-42';

function run<T>(command: string, arg: unknown): Promise<T> {
    return client.request<T>('workspace/executeCommand', { command, arguments: [arg] });
}

/** L'erreur de la commande, qui doit venir vite (la lecture est bornée, pas de flux sans fin). */
async function refusal(command: string, arg: unknown): Promise<ResponseError<unknown>> {
    const started = Date.now();
    try {
        await run(command, arg);
    } catch (error) {
        expect(Date.now() - started).toBeLessThan(10_000);
        return error as ResponseError<unknown>;
    }
    throw new Error(`${command} aurait dû refuser ${JSON.stringify(arg)}`);
}

/** Un fichier creux (sans octets écrits) de `bytes` octets : grand sur le papier, rien sur le disque. */
function sparse(target: string, bytes: number): void {
    const fd = openSync(target, 'w');
    ftruncateSync(fd, bytes);
    closeSync(fd);
}

beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'referentiel-fichiers-'));
    outside = mkdtempSync(path.join(tmpdir(), 'referentiel-dehors-'));
    cpSync(path.join(ROOT, 'samples/data-engineer'), file('data-engineer'), { recursive: true });
    writeFileSync(path.join(outside, 'secret.candidat.json'), `${SECRET} {"referentiel": "DATA-ENGINEER"}\n`);
    writeFileSync(path.join(outside, 'secret.csv'), `${SECRET};x\n`);
    writeFileSync(path.join(outside, 'dehors.ref'), readFileSync(file('data-engineer', 'data-engineer.ref'), 'utf8'));
    mkdirSync(file('liens'));
    symlinkSync(path.join(outside, 'secret.candidat.json'), file('liens', 'lien.candidat.json'));
    symlinkSync(outside, file('liens', 'dossier'));
    symlinkSync('/dev/zero', file('liens', 'zero.candidat.json'));
    mkdirSync(file('dossier.candidat.json'));
    execFileSync('mkfifo', [file('tube.candidat.json')]);
    sparse(file('enorme.candidat.json'), 50 * 1024 * 1024 + 1);
    sparse(file('enorme.csv'), 60 * 1024 * 1024);
    client = new TestClient();
    client.settings = { referentiel: { regles: {}, langue: 'auto' } };
    await client.initialize(folder);
}, 30_000);

afterAll(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
});

describe('les fichiers que lisent les commandes du serveur', () => {
    it('un fichier hors de l\'espace de travail est refusé, sans rien en recopier', async () => {
        for (const uri of ['file:///etc/passwd', pathToFileURL(path.join(outside, 'secret.candidat.json')).toString()]) {
            const error = await refusal('referentiel.evaluer', { uri });
            expect(error.message).toMatch(/n'est pas dans l'espace de travail : le serveur ne lit que les fichiers des dossiers ouverts/);
            expect(error.message).not.toMatch(/root|SECRET/);
            expect(JSON.stringify(error.data ?? null)).not.toMatch(/root|SECRET/);
        }
        const cohort = await refusal('referentiel.evaluer', { uri: pathToFileURL(path.join(outside, 'secret.csv')).toString(), code: 'DATA-ENGINEER' });
        expect(cohort.message).toMatch(/n'est pas dans l'espace de travail/);
        expect(cohort.message).not.toContain('SECRET');
    });

    it('un lien symbolique de l\'espace de travail vers un fichier du dehors est refusé (chemins réels comparés)', async () => {
        for (const name of [['liens', 'lien.candidat.json'], ['liens', 'dossier', 'secret.candidat.json'], ['liens', 'zero.candidat.json']]) {
            const error = await refusal('referentiel.evaluer', { uri: uriOf(...name) });
            expect(error.message).toMatch(/n'est pas dans l'espace de travail/);
            expect(error.message).not.toContain('SECRET');
        }
    });

    it('/dev/zero, un dossier, un tube : refusés tout de suite, le serveur ne grossit pas', async () => {
        expect((await refusal('referentiel.evaluer', { uri: 'file:///dev/zero' })).message).toMatch(/n'est pas dans l'espace de travail/);
        expect((await refusal('referentiel.evaluer', { uri: uriOf('dossier.candidat.json') })).message)
            .toMatch(/dossier\.candidat\.json n'est pas un fichier ordinaire/);
        expect((await refusal('referentiel.evaluer', { uri: uriOf('tube.candidat.json') })).message)
            .toMatch(/tube\.candidat\.json n'est pas un fichier ordinaire/);
    });

    it('un fichier de plus de 50 Mo est refusé avant d\'être lu (dossier JSON comme cohorte)', async () => {
        expect((await refusal('referentiel.evaluer', { uri: uriOf('enorme.candidat.json') })).message)
            .toMatch(/enorme\.candidat\.json dépasse la taille maximale de 50 Mo/);
        expect((await refusal('referentiel.evaluer', { uri: uriOf('enorme.csv'), code: 'DATA-ENGINEER' })).message)
            .toMatch(/enorme\.csv dépasse la taille maximale de 50 Mo/);
    });

    it('exporter et matriceCouverture : un .ref ou un fichier hors de l\'espace de travail est refusé', async () => {
        for (const command of ['referentiel.exporter', 'referentiel.matriceCouverture']) {
            for (const uri of ['file:///etc/passwd', pathToFileURL(path.join(outside, 'dehors.ref')).toString(), 'file:///dev/zero']) {
                const error = await refusal(command, { uri, format: 'json' });
                expect(error.message).toMatch(/n'est pas dans l'espace de travail/);
                expect(error.message).not.toMatch(/root|DATA-ENGINEER/);
            }
            const folderError = await refusal(command, { uri: uriOf('dossier.candidat.json'), format: 'json' });
            expect(folderError.message).toMatch(/n'est pas un fichier ordinaire/);
        }
    });

    it('les fichiers de l\'espace de travail restent lus, et le serveur répond toujours', async () => {
        const result = await run<EvaluateResult>('referentiel.evaluer', { uri: uriOf('data-engineer', 'candidats', '01-obtenue.candidat.json') });
        expect(result.resultats?.map(r => r.decision)).toEqual(['obtenue']);
        const exported = await run<ExportResult>('referentiel.exporter', { uri: uriOf('data-engineer', 'data-engineer.ref'), format: 'json' });
        expect(exported.code).toBe('DATA-ENGINEER');
        // Un .ref créé après le démarrage (pas encore chargé) est lu depuis le disque.
        writeFileSync(file('data-engineer', 'nouveau.ref'), 'référentiel DATA-ENGINEER\n');
        const late = await run<ExportResult>('referentiel.exporter', { uri: uriOf('data-engineer', 'nouveau.ref'), format: 'json' });
        expect(late.code).toBe('DATA-ENGINEER');
        const list = await run<ReferentielInfo[]>('referentiel.referentiels', {});
        expect(list.map(r => r.code)).toEqual(['DATA-ENGINEER']);
    });
});
