import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TestClient, REDACTION_OFF } from './client.js';

/**
 * La course du démarrage : un éditeur qui rouvre un dossier envoie `didOpen` pour les fichiers
 * restés ouverts quelques millisecondes après `initialized`, pendant la construction initiale.
 * Cette modification interrompt la construction ; un fichier dont l'indexation était faite mais
 * pas encore annoncée manquait alors à l'index des référentiels : fausses erreurs (« A1-1
 * n'existe pas » dans le fichier qui la définit), évaluation impossible, matrice sans un bloc.
 *
 * Le démarrage est répété (REFERENTIEL_STARTUP_RUNS fois, 16 par défaut) avec des délais
 * différents entre `initialized` et les ouvertures : chaque fois, le modèle doit être entier.
 */
const RUNS = Number(process.env.REFERENTIEL_STARTUP_RUNS ?? 16);
const COPIES = 20;

interface Matrix {
    readonly lignes: ReadonlyArray<{ readonly code: string; readonly bloc: string | null }>;
}

interface Evaluation {
    readonly resultats: ReadonlyArray<{ readonly decision?: string; readonly resultat?: { readonly decision?: string } }>;
}

let folder: string;
const file = (...parts: string[]): string => path.join(folder, ...parts);

beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'referentiel-demarrage-'));
    cpSync(path.join(ROOT, 'samples/data-engineer'), file('data-engineer'), { recursive: true });
    // D'autres référentiels autour (copies sous d'autres codes) : la construction initiale dure
    // assez pour que les ouvertures tombent au milieu de ses phases.
    const sample = path.join(ROOT, 'samples/data-engineer');
    for (let k = 0; k < COPIES; k++) {
        mkdirSync(file(`copie-${k}`));
        for (const name of readdirSync(sample).filter(n => n.endsWith('.ref'))) {
            const text = readFileSync(path.join(sample, name), 'utf8').replaceAll('DATA-ENGINEER', `COPIE-${k}`);
            writeFileSync(file(`copie-${k}`, name), text);
        }
    }
});

afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
});

describe('démarrage du serveur avec des fichiers déjà ouverts', () => {
    it(`le modèle est entier à chacun des ${RUNS} démarrages`, async () => {
        const opened = ['bc02.ref', 'data-engineer.ref'].map(name => file('data-engineer', name));
        const failures: string[] = [];
        for (let run = 0; run < RUNS; run++) {
            const client = new TestClient();
            client.settings = { referentiel: { regles: { ...REDACTION_OFF }, langue: 'auto' } };
            try {
                const uri = pathToFileURL(folder).toString();
                // initialize puis initialized, et les ouvertures sans attendre la construction initiale.
                await client.connection.sendRequest('initialize', {
                    processId: process.pid, locale: 'fr', rootUri: uri,
                    workspaceFolders: [{ uri, name: 'demarrage' }],
                    capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { publishDiagnostics: {} } }
                });
                await client.connection.sendNotification('initialized', {});
                // Des délais différents à chaque démarrage, et entre les deux ouvertures : chacune
                // interrompt la construction en cours à un autre moment.
                const delays = [(run * 37) % 400, (run * 53) % 150];
                const uris: string[] = [];
                for (const [i, name] of opened.entries()) {
                    await new Promise(resolve => setTimeout(resolve, delays[i]));
                    uris.push(await client.open(name));
                }

                // La matrice attend la construction : les 5 blocs et les 40 compétences.
                const matrix = await client.request<Matrix>('workspace/executeCommand', {
                    command: 'referentiel.matriceCouverture', arguments: [{ uri: uris[1] }]
                });
                const blocs = new Set(matrix.lignes.map(l => l.bloc));
                if (blocs.size !== 5 || matrix.lignes.length !== 40) {
                    failures.push(`démarrage ${run} : matrice de ${matrix.lignes.length} compétences en ${blocs.size} blocs`);
                }
                // L'évaluation trouve toutes les compétences.
                const candidate = file('data-engineer', 'candidats', '01-obtenue.candidat.json');
                try {
                    await client.request<Evaluation>('workspace/executeCommand', {
                        command: 'referentiel.evaluer', arguments: [{ uri: pathToFileURL(candidate).toString() }]
                    });
                } catch (error) {
                    failures.push(`démarrage ${run} : évaluation impossible (${(error as Error).message})`);
                }
                // Les fichiers ouverts finissent sans aucun diagnostic (l'échantillon est propre).
                for (const opened of uris) {
                    try {
                        await client.waitForDiagnostics(opened, d => d.length === 0, 5_000);
                    } catch (error) {
                        failures.push(`démarrage ${run} : ${path.basename(opened)} : ${(error as Error).message.slice(0, 300)}`);
                    }
                }
            } finally {
                await client.stop();
            }
        }
        expect(failures).toEqual([]);
    }, 60_000 + RUNS * 15_000);
});

describe('un fichier hostile dans l\'espace de travail', () => {
    it('482 octets de parenthèses imbriquées : une erreur à sa place, le serveur répond pour le reste', async () => {
        const hostile = mkdtempSync(path.join(tmpdir(), 'referentiel-hostile-'));
        cpSync(path.join(ROOT, 'samples/data-engineer'), path.join(hostile, 'data-engineer'), { recursive: true });
        writeFileSync(path.join(hostile, 'casse.ref'), `certification CASSE "Cassé" {\n}\nobtention {\n  condition "c" : ${'('.repeat(200)}1${')'.repeat(200)} >= 1\n}\n`);
        const client = new TestClient();
        client.settings = { referentiel: { regles: { ...REDACTION_OFF }, langue: 'auto' } };
        try {
            await client.initialize(hostile);
            const bad = await client.open(path.join(hostile, 'casse.ref'));
            const good = await client.open(path.join(hostile, 'data-engineer', 'bc01.ref'));
            const diagnostics = await client.waitForDiagnostics(bad, d => d.length > 0);
            expect(diagnostics.map(d => d.code)).toEqual(['REF001']);
            expect(diagnostics[0].message).toMatch(/Plus de 32 parenthèses imbriquées/);
            expect(diagnostics[0].range.start).toEqual({ line: 3, character: 50 });
            await client.waitForDiagnostics(good, d => d.length === 0);
            const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: good } });
            expect(symbols.length).toBeGreaterThan(0);
            expect(client.stderr.join('')).not.toMatch(/Maximum call stack/);
        } finally {
            await client.stop();
            rmSync(hostile, { recursive: true, force: true });
        }
    }, 60_000);
});
