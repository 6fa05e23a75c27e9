import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, position, REDACTION_OFF, ROOT, TestClient } from './client.js';

/**
 * Le travail de tous les jours, sur le serveur construit (out/server.cjs) piloté sur stdio :
 * un dossier ouvert est vérifié en entier sans rien ouvrir, « Nouveau référentiel… »
 * (`referentiel.creerReferentiel`), les correctifs rapides qui font ce que dit le message, et le
 * renommage du code d'une certification jusque dans les dossiers candidats qui la nomment.
 */
let client: TestClient;
let folder: string;
const file = (...parts: string[]): string => path.join(folder, ...parts);
const uriOf = (...parts: string[]): string => pathToFileURL(file(...parts)).toString();
const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map(d => String(d.code)).sort();

const ATELIER_BLOC = 'référentiel ATELIER\n\nbloc BC01 "Analyser" {\n    activité A1-1 "Analyse"\n    compétence C1.1 "Analyser le besoin" issue de A1-1\n    compétence C1.2 "Rédiger le cahier" issue de A1-1\n\n    modalité M1.1 "Étude" {\n        nature "étude de cas"\n        évalue C1.1\n        critère CR1.1.1 "Le besoin est compris." vérifie C1.1\n    }\n}\n';

beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'referentiel-quotidien-'));
    // Un référentiel cassé que personne n'ouvre.
    cpSync(path.join(ROOT, 'test/fixtures/cli/erreurs'), file('erreurs'), { recursive: true });
    // Un petit référentiel et ses dossiers candidats.
    mkdirSync(file('atelier'));
    writeFileSync(file('atelier', 'atelier.ref'), 'certification ATELIER "Atelier" {\n    niveau 5\n}\n\nobtention {\n    condition "Blocs" : tous les blocs validés\n}\n');
    writeFileSync(file('atelier', 'bc01.ref'), ATELIER_BLOC);
    mkdirSync(file('atelier', 'candidats'));
    writeFileSync(file('atelier', 'candidats', 'un.candidat.json'), '{\n  "referentiel": "ATELIER",\n  "candidat": { "id": "1" },\n  "competences": { "C1.1": "acquise" }\n}\n');
    writeFileSync(file('atelier', 'candidats', 'autre.candidat.json'), '{ "referentiel": "AUTRE", "candidat": { "id": "2" } }\n');
    // Un fichier JSON qui n'est pas un dossier candidat n'est jamais touché.
    writeFileSync(file('atelier', 'notes.json'), '{ "referentiel": "ATELIER" }\n');
    client = new TestClient();
    client.settings = { referentiel: { regles: { ...REDACTION_OFF }, langue: 'auto' } };
    await client.initialize(folder);
}, 30_000);

afterAll(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
});

describe('le travail de tous les jours, sur le protocole', () => {
    it('un dossier ouvert est vérifié en entier : les problèmes d\'un fichier que personne n\'a ouvert sont publiés', async () => {
        const diagnostics = await client.waitForDiagnostics(uriOf('erreurs', 'casse.ref'), d => d.length > 0, 20_000);
        expect(codes(diagnostics)).toEqual(['REF002', 'REF008', 'REF101']);
        // Les fichiers sans problème sont publiés aussi (liste vide) : la vue Problèmes est juste dès l'ouverture.
        expect(await client.waitForDiagnostics(uriOf('atelier', 'atelier.ref'), () => true, 20_000)).toEqual([]);
    });

    it('referentiel.creerReferentiel écrit l\'en-tête et un fichier par bloc, qui se vérifient sans aucun problème', async () => {
        const dossier = pathToFileURL(file('nouveau')).toString();
        const result = await client.request<{ code: string; fichiers: string[] }>('workspace/executeCommand', {
            command: 'referentiel.creerReferentiel', arguments: [{ dossier, code: 'NOUVEAU', titre: 'Nouvelle certification', blocs: 2 }]
        });
        expect(result).toEqual({ code: 'NOUVEAU', fichiers: ['nouveau.ref', 'bc01.ref', 'bc02.ref'].map(n => uriOf('nouveau', n)) });
        expect(readdirSync(file('nouveau')).sort()).toEqual(['bc01.ref', 'bc02.ref', 'nouveau.ref']);
        // Comme un éditeur qui surveille le dossier : les fichiers créés sont annoncés, puis ouverts.
        await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: result.fichiers.map(uri => ({ uri, type: 1 })) });
        const bloc = await client.open(file('nouveau', 'bc01.ref'));
        await new Promise(resolve => setTimeout(resolve, 500));
        expect(await client.waitForDiagnostics(bloc, d => d.length === 0, 20_000)).toEqual([]);
        expect(await client.waitForDiagnostics(uriOf('nouveau', 'nouveau.ref'), () => true, 20_000)).toEqual([]);
        // Déjà en forme : le formateur n'a rien à changer.
        const edits = await client.request<unknown[]>('textDocument/formatting', { textDocument: { uri: bloc }, options: { tabSize: 4, insertSpaces: true } });
        expect(edits ?? []).toEqual([]);
    });

    it('referentiel.creerReferentiel : fichiers existants (data.existants, rien d\'écrit), code invalide — des erreurs sans pile', async () => {
        const dossier = pathToFileURL(file('nouveau')).toString();
        const before = readFileSync(file('nouveau', 'bc01.ref'), 'utf8');
        const existing = await client.request('workspace/executeCommand', {
            command: 'referentiel.creerReferentiel', arguments: [{ dossier, code: 'NOUVEAU', titre: 'Autre titre', blocs: 1 }]
        }).then(() => undefined, (error: { code: number; message: string; data?: { existants?: string[] } }) => error);
        expect(existing?.data?.existants).toEqual(['nouveau.ref', 'bc01.ref']);
        expect(existing?.message).toContain('rien n\'a été écrit');
        expect(readFileSync(file('nouveau', 'bc01.ref'), 'utf8')).toBe(before);
        const bad = await client.request('workspace/executeCommand', {
            command: 'referentiel.creerReferentiel', arguments: [{ dossier: pathToFileURL(file('mauvais')).toString(), code: 'deux mots', titre: 'T', blocs: 1 }]
        }).then(() => undefined, (error: { code: number; message: string }) => error);
        expect(bad?.code).toBe(-32602);
        expect(bad?.message).toMatch(/^« deux mots » ne peut pas servir de code de certification/);
        expect(bad?.message).not.toMatch(/\n\s+at /);
    });

    it('« Ajouter C1.2 à M1.1 » : le correctif de REF101 allonge la liste « évalue », et le problème disparaît', async () => {
        const uri = await client.open(file('atelier', 'bc01.ref'));
        const diagnostics = await client.waitForDiagnostics(uri, d => codes(d).includes('REF101'));
        const ref101 = diagnostics.filter(d => d.code === 'REF101');
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri }, range: ref101[0].range, context: { diagnostics: ref101 }
        });
        expect(actions.map(a => [a.title, a.isPreferred])).toEqual([['Ajouter C1.2 à M1.1', true], ['Créer une modalité M1.2 qui évalue C1.2', undefined]]);
        const fixed = applyEdits(ATELIER_BLOC, actions[0].edit!.changes![uri]);
        expect(fixed).toContain('        évalue C1.1, C1.2\n');
        await client.change(uri, fixed);
        expect(codes(await client.waitForDiagnostics(uri, d => !codes(d).includes('REF101')))).toEqual(['REF102']);
        await client.change(uri, ATELIER_BLOC);
    });

    it('« Créer la compétence C1.7 dans BC01 » : le correctif de REF002 la déclare à sa place, en forme', async () => {
        const uri = uriOf('atelier', 'bc01.ref');
        const text = ATELIER_BLOC.replace('évalue C1.1\n', 'évalue C1.1, C1.2, C1.7\n');
        await client.change(uri, text);
        const diagnostics = await client.waitForDiagnostics(uri, d => codes(d).includes('REF002'));
        const ref002 = diagnostics.filter(d => d.code === 'REF002');
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri }, range: ref002[0].range, context: { diagnostics: ref002 }
        });
        const create = actions.find(a => a.title === 'Créer la compétence C1.7 dans BC01');
        expect(create, actions.map(a => a.title).join(' | ')).toBeDefined();
        const fixed = applyEdits(text, create!.edit!.changes![uri]);
        expect(fixed).toContain('    compétence C1.2 "Rédiger le cahier" issue de A1-1\n    compétence C1.7 "À rédiger : verbe à l\'infinitif, objet, finalité"\n');
        await client.change(uri, fixed);
        expect(codes(await client.waitForDiagnostics(uri, d => !codes(d).includes('REF002')))).not.toContain('REF002');
        await client.change(uri, ATELIER_BLOC);
    });

    it('la matrice de couverture nomme les blocs (pour grouper les lignes par bloc)', async () => {
        const matrix = await client.request<{ blocs?: Array<{ code: string; titre: string; uri: string }>; lignes: Array<{ code: string; bloc: string | null }> }>(
            'workspace/executeCommand', { command: 'referentiel.matriceCouverture', arguments: [{ uri: uriOf('atelier', 'atelier.ref') }] });
        expect(matrix.blocs?.map(b => [b.code, b.titre, b.uri])).toEqual([['BC01', 'Analyser', uriOf('atelier', 'bc01.ref')]]);
        expect(matrix.lignes.map(l => [l.code, l.bloc])).toEqual([['C1.1', 'BC01'], ['C1.2', 'BC01']]);
    });

    it('renommer le code de la certification change aussi « referentiel » dans les dossiers candidats qui la nomment', async () => {
        const header = await client.open(file('atelier', 'atelier.ref'));
        const text = readFileSync(file('atelier', 'atelier.ref'), 'utf8');
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
            textDocument: { uri: header }, position: position(text, 'ATELIER', 1), newName: 'ATELIER-2'
        });
        const changed = Object.keys(edit.changes ?? {}).sort();
        const candidate = uriOf('atelier', 'candidats', 'un.candidat.json');
        expect(changed).toEqual([header, uriOf('atelier', 'bc01.ref'), candidate].sort());
        const json = readFileSync(file('atelier', 'candidats', 'un.candidat.json'), 'utf8');
        const after = applyEdits(json, edit.changes![candidate]);
        expect(after).toBe(json.replace('"referentiel": "ATELIER"', '"referentiel": "ATELIER-2"'));
        // Un code refusé : une erreur de la requête (InvalidParams) qui dit pourquoi, jamais une pile.
        const refused = await client.request('textDocument/rename', {
            textDocument: { uri: header }, position: position(text, 'ATELIER', 1), newName: 'deux mots'
        }).then(() => undefined, (error: { code: number; message: string }) => error);
        expect(refused?.code).toBe(-32602);
        expect(refused?.message).toMatch(/« deux mots » n'est pas un code valide/);
        expect(client.stderr.join('')).not.toContain('rename');
    });
});
