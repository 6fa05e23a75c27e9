import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeLens, CompletionItem, CompletionList, DocumentSymbol, Hover, Range, SymbolInformation } from 'vscode-languageserver-protocol';
import { FULL_CAPABILITIES, MINIMAL_CAPABILITIES, position, ROOT, TestClient } from './client.js';

/**
 * Les bonnes manières du serveur : il ne répond à un client qu'avec ce que celui-ci a dit
 * comprendre. Chaque cas tourne avec un client minimal (LSP de base) et un client complet
 * (comme VS Code), sur le vrai serveur (out/server.cjs) en stdio.
 */
let folder: string;
const clients: Record<'minimal' | 'complet', TestClient> = {} as Record<'minimal' | 'complet', TestClient>;
const uriOf = (...parts: string[]): string => pathToFileURL(path.join(folder, ...parts)).toString();
let bloc1 = '';
let bloc2 = '';
let oublie = '';

beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'referentiel-lsp-manieres-'));
    cpSync(path.join(ROOT, 'test/fixtures/cli/decoupe'), path.join(folder, 'decoupe'), { recursive: true });
    bloc1 = readFileSync(path.join(folder, 'decoupe', 'bloc1.ref'), 'utf8');
    bloc2 = readFileSync(path.join(folder, 'decoupe', 'bloc2.ref'), 'utf8');
    // Un bloc dont une compétence n'est évaluée par aucune modalité, un autre sans modalité.
    oublie = 'référentiel DECOUPE\n\nbloc BC03 "Troisième bloc" {\n    compétence C3.1 "Évaluée"\n    compétence C3.2 "Oubliée"\n    modalité M3.1 "M" {\n        évalue C3.1\n    }\n}\n\nbloc BC04 "Sans modalité" {\n    compétence C4.1 "Seule"\n}\n';
    for (const [name, capabilities] of [['minimal', MINIMAL_CAPABILITIES], ['complet', FULL_CAPABILITIES]] as const) {
        const client = new TestClient();
        client.settings = { referentiel: { regles: {}, langue: 'auto' } };
        await client.initialize(folder, { capabilities });
        await client.open(path.join(folder, 'decoupe', 'bloc3.ref'), oublie);
        await client.waitForDiagnostics(uriOf('decoupe', 'bloc3.ref'), () => true);
        clients[name] = client;
    }
}, 60_000);

afterAll(async () => {
    await Promise.all(Object.values(clients).map(c => c.stop()));
    rmSync(folder, { recursive: true, force: true });
});

describe.each(['minimal', 'complet'] as const)('client %s', kind => {
    const full = kind === 'complet';
    const client = (): TestClient => clients[kind];

    it(full ? 'prepareProvider annoncé (prepareSupport)' : 'pas de prepareProvider sans prepareSupport', () => {
        const rename = client().initializeResult!.capabilities.renameProvider;
        expect(rename).toEqual(full ? { prepareProvider: true } : true);
    });

    it(full ? 'plan du fichier en arbre (DocumentSymbol)' : 'plan plat (SymbolInformation[]) sans hierarchicalDocumentSymbolSupport', async () => {
        const symbols = await client().request<Array<DocumentSymbol | SymbolInformation>>('textDocument/documentSymbol', { textDocument: { uri: uriOf('decoupe', 'bloc2.ref') } });
        if (full) {
            const tree = symbols as DocumentSymbol[];
            expect(tree.map(s => s.name)).toEqual(['DECOUPE']);
            expect(tree[0].children!.map(s => s.name)).toEqual(['BC02']);
            expect(tree[0].children![0].children!.map(s => s.name)).toEqual(['A2-1', 'C2.1', 'M2.1']);
        } else {
            const flat = symbols as SymbolInformation[];
            for (const s of flat) {
                expect(Object.keys(s).sort()).toEqual(expect.arrayContaining(['kind', 'location', 'name']));
                expect(s).not.toHaveProperty('children');
                expect(s).not.toHaveProperty('selectionRange');
                expect(s.location.uri).toBe(uriOf('decoupe', 'bloc2.ref'));
            }
            expect(flat.map(s => `${s.containerName ?? ''}>${s.name}`)).toEqual(['>DECOUPE', 'DECOUPE>BC02', 'BC02>A2-1', 'BC02>C2.1', 'BC02>M2.1', 'M2.1>CR2.1.1']);
        }
    });

    it(full ? 'survol en Markdown' : 'survol en texte brut sans markdown dans contentFormat', async () => {
        const hover = await client().request<Hover>('textDocument/hover', { textDocument: { uri: uriOf('decoupe', 'bloc2.ref') }, position: position(bloc2, 'évalue C1.1', 8) });
        const contents = hover.contents as { kind: string; value: string };
        expect(contents.kind).toBe(full ? 'markdown' : 'plaintext');
        expect(contents.value).toContain('Compétence du bloc 1');
        if (!full) {
            expect(contents.value).not.toMatch(/\*\*|\\[.*_`]/);
            expect(contents.value).toContain('C1.1');
        } else {
            expect(contents.value).toContain('**');
        }
    });

    it(full ? 'complétion avec labelDetails et documentation Markdown' : 'complétion sans labelDetails, documentation en texte brut', async () => {
        const at = position(bloc2, 'évalue C1.1', 'évalue '.length);
        const list = await client().request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri: uriOf('decoupe', 'bloc2.ref') }, position: at });
        const items = Array.isArray(list) ? list : list.items;
        const c11 = items.find(i => i.label === 'C1.1')!;
        expect(c11.detail).toBe('Compétence du bloc 1');
        if (full) {
            expect(c11.labelDetails).toEqual({ detail: ' Compétence du bloc 1', description: 'Compétence' });
            expect(c11.documentation).toMatchObject({ kind: 'markdown' });
        } else {
            expect(items.every(i => i.labelDetails === undefined)).toBe(true);
            expect(items.every(i => i.documentation === undefined || typeof i.documentation === 'string' || i.documentation.kind === 'plaintext')).toBe(true);
        }
    });

    it('prepareRename sur un mot-clé ou dans un texte : null (pas d\'erreur) ; sur un code : sa plage', async () => {
        const uri = uriOf('decoupe', 'bloc1.ref');
        expect(await client().request<Range | null>('textDocument/prepareRename', { textDocument: { uri }, position: position(bloc1, 'compétence C1.1', 3) })).toBeNull();
        expect(await client().request<Range | null>('textDocument/prepareRename', { textDocument: { uri }, position: position(bloc1, '"Compétence du bloc 1"', 4) })).toBeNull();
        expect(await client().request<Range | null>('textDocument/prepareRename', { textDocument: { uri }, position: position(bloc1, 'compétence C1.1', 12) }))
            .toEqual({ start: position(bloc1, 'compétence C1.1', 11), end: position(bloc1, 'compétence C1.1', 15) });
    });

    it('renommer ailleurs que sur un code : RequestFailed (-32803) et la raison en français', async () => {
        const error = await client().request('textDocument/rename', { textDocument: { uri: uriOf('decoupe', 'bloc1.ref') }, position: position(bloc1, 'compétence C1.1', 3), newName: 'X' })
            .then(() => undefined, (e: { code: number; message: string }) => e);
        expect(error?.code).toBe(-32803);
        expect(error?.message).toContain('Placez le curseur sur un code');
    });

    it('aucune lentille à commande vide ; « non évaluée » montre les modalités du bloc', async () => {
        const uri = uriOf('decoupe', 'bloc3.ref');
        const lenses = await client().request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
        expect(lenses.length).toBeGreaterThan(0);
        for (const lens of lenses) {
            expect(lens.command?.command).toBe('editor.action.showReferences');
            expect((lens.command!.arguments![2] as unknown[]).length).toBeGreaterThan(0);
        }
        expect(lenses.map(l => `${l.range.start.line + 1}: ${l.command!.title}`)).toEqual([
            '3: couverture : 1/2 compétences évaluées',
            '4: évaluée par M3.1 · 0 critère',
            '5: non évaluée',
            '11: couverture : 0/1 compétence évaluée'
        ]);
        const nonEvaluee = lenses[2].command!.arguments![2] as Array<{ uri: string; range: Range }>;
        expect(nonEvaluee).toEqual([{ uri, range: { start: position(oublie, 'M3.1'), end: position(oublie, 'M3.1', 4) } }]);
    });
});
