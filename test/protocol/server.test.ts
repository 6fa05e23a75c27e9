import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
    CodeAction, CodeLens, CompletionList, Diagnostic, DocumentSymbol, Hover, InlayHint, Location, LocationLink,
    Range, SemanticTokens, TextEdit, WorkspaceEdit, WorkspaceSymbol
} from 'vscode-languageserver-protocol';
import { applyEdits, position, ROOT, TestClient, REDACTION_OFF } from './client.js';

/**
 * Le serveur construit (out/server.cjs), lancé comme par un éditeur et piloté sur son entrée et
 * sortie standard : un référentiel découpé en 3 fichiers (test/fixtures/cli/decoupe) et
 * l'échantillon Data Engineer (samples/data-engineer), copiés dans un dossier temporaire.
 */
let client: TestClient;
let folder: string;
const file = (...parts: string[]): string => path.join(folder, ...parts);
const uriOf = (...parts: string[]): string => pathToFileURL(file(...parts)).toString();
const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map(d => String(d.code)).sort();

let bloc1 = '';
let bloc2 = '';

beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'referentiel-lsp-'));
    cpSync(path.join(ROOT, 'test/fixtures/cli/decoupe'), file('decoupe'), { recursive: true });
    cpSync(path.join(ROOT, 'samples/data-engineer'), file('data-engineer'), { recursive: true });
    client = new TestClient();
    client.settings = { referentiel: { regles: { ...REDACTION_OFF }, langue: 'auto' } };
    await client.initialize(folder);
    bloc1 = readFileSync(file('decoupe', 'bloc1.ref'), 'utf8');
    bloc2 = readFileSync(file('decoupe', 'bloc2.ref'), 'utf8');
}, 30_000);

afterAll(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
});

describe('serveur de langage sur stdio', () => {
    it('annonce ses fonctions à l\'initialisation', () => {
        const capabilities = client.initializeResult!.capabilities;
        expect(capabilities.completionProvider).toBeDefined();
        expect(capabilities.hoverProvider).toBe(true);
        expect(capabilities.definitionProvider).toBe(true);
        expect(capabilities.referencesProvider).toBe(true);
        expect(capabilities.renameProvider).toEqual({ prepareProvider: true });
        expect(capabilities.documentFormattingProvider).toBe(true);
        expect(capabilities.documentRangeFormattingProvider).toBe(true);
        expect(capabilities.codeActionProvider).toBe(true);
        expect(capabilities.codeLensProvider).toEqual({ resolveProvider: false });
        expect(capabilities.inlayHintProvider).toEqual({ resolveProvider: false });
        expect(capabilities.foldingRangeProvider).toBe(true);
        expect(capabilities.documentSymbolProvider).toBe(true);
        expect(capabilities.workspaceSymbolProvider).toBeTruthy();
        expect(capabilities.semanticTokensProvider?.legend.tokenTypes).toContain('function');
    });

    it('publie les diagnostics des fichiers ouverts, calculés sur le référentiel entier', async () => {
        await client.open(file('decoupe', 'principal.ref'));
        await client.open(file('decoupe', 'bloc1.ref'));
        await client.open(file('decoupe', 'bloc2.ref'));
        const diagnostics = await client.waitForDiagnostics(uriOf('decoupe', 'bloc2.ref'), d => d.length > 0);
        expect(diagnostics.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.severity} ${d.message}`)).toEqual([
            '8:16 REF106 2 La modalité M2.1 du bloc BC02 évalue C1.1, qui appartient au bloc BC01.'
        ]);
        // C1.1 (bloc1.ref) est évaluée par une modalité de bloc2.ref : pas de REF101.
        expect(await client.waitForDiagnostics(uriOf('decoupe', 'bloc1.ref'), () => true)).toEqual([]);
    });

    it('les diagnostics apparaissent et disparaissent pendant la frappe, d\'un fichier à l\'autre', async () => {
        const b1 = uriOf('decoupe', 'bloc1.ref');
        const b2 = uriOf('decoupe', 'bloc2.ref');
        // Une nouvelle compétence dans bloc1.ref : évaluée par rien.
        const bloc1New = bloc1.replace('issue de A1-1\n', 'issue de A1-1\n    compétence C1.2 "Nouvelle compétence" issue de A1-1\n');
        await client.change(b1, bloc1New);
        const added = await client.waitForDiagnostics(b1, d => codes(d).includes('REF101'));
        expect(added.map(d => d.message)).toEqual(['La compétence C1.2 n\'est évaluée par aucune modalité : ajoutez-la à la liste « évalue » d\'une modalité.']);
        // bloc2.ref l'évalue : REF101 disparaît de bloc1.ref ; il manque encore un critère (REF102).
        await client.change(b2, bloc2.replace('évalue C1.1, C2.1', 'évalue C1.1, C1.2, C2.1'));
        await client.waitForDiagnostics(b1, d => codes(d).join() === 'REF102');
        // Un critère la vérifie : plus rien dans bloc1.ref.
        await client.change(b2, bloc2.replace('évalue C1.1, C2.1', 'évalue C1.1, C1.2, C2.1').replace('vérifie C1.1, C2.1', 'vérifie C1.1, C1.2, C2.1'));
        await client.waitForDiagnostics(b1, d => d.length === 0);
        // Une faute de frappe dans bloc2.ref : REF002 avec suggestion.
        await client.change(b2, bloc2.replace('vérifie C1.1, C2.1', 'vérifie C1.1, C2.9'));
        const typo = await client.waitForDiagnostics(b2, d => codes(d).includes('REF002'));
        expect(typo.find(d => d.code === 'REF002')?.message).toBe('La compétence « C2.9 » n\'existe pas dans le référentiel DECOUPE. Vouliez-vous dire C2.1 ?');
        // Retour aux textes d'origine.
        await client.change(b1, bloc1);
        await client.change(b2, bloc2);
        await client.waitForDiagnostics(b2, d => codes(d).join() === 'REF106');
        await client.waitForDiagnostics(b1, d => d.length === 0);
    });

    it('complète les codes des autres fichiers du référentiel, avec leur texte', async () => {
        const at = position(bloc2, 'évalue C1.1', 'évalue '.length);
        const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uriOf('decoupe', 'bloc2.ref') }, position: at });
        const c11 = list.items.find(i => i.label === 'C1.1');
        expect(c11?.detail).toBe('Compétence du bloc 1');
        // C2.1 est déjà dans la liste « évalue » : elle n'est pas reproposée.
        expect(list.items.map(i => i.label)).not.toContain('C2.1');
        // Pas les codes de l'échantillon Data Engineer (un autre référentiel).
        expect(list.items.map(i => i.label)).not.toContain('C1.8');
    });

    it('survol : le texte de la compétence, son bloc, qui l\'évalue', async () => {
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf('decoupe', 'bloc2.ref') }, position: position(bloc2, 'évalue C1.1', 8) });
        const value = (hover.contents as { value: string }).value;
        expect(value).toContain('**Compétence C1.1** · Bloc `BC01` « Premier bloc »');
        expect(value).toContain('Compétence du bloc 1');
        expect(value).toContain('- **Évaluée par** : `M2.1` « Évalue aussi le bloc 1 » (mise en situation)');
        expect(value).toContain('- **Critères** : `CR2.1.1` « Critère »');
    });

    it('aller à la définition dans un autre fichier ; trouver les références dans tous les fichiers', async () => {
        const links = await client.request<Array<Location | LocationLink>>('textDocument/definition', { textDocument: { uri: uriOf('decoupe', 'bloc2.ref') }, position: position(bloc2, 'évalue C1.1', 8) });
        const link = links[0] as LocationLink;
        expect(link.targetUri).toBe(uriOf('decoupe', 'bloc1.ref'));
        expect(link.targetSelectionRange.start).toEqual(position(bloc1, 'compétence C1.1', 11));

        const references = await client.request<Location[]>('textDocument/references', {
            textDocument: { uri: uriOf('decoupe', 'bloc1.ref') }, position: position(bloc1, 'compétence C1.1', 12), context: { includeDeclaration: true }
        });
        expect(references.map(r => `${path.basename(r.uri)}:${r.range.start.line + 1}:${r.range.start.character + 1}`).sort()).toEqual([
            'bloc1.ref:5:16', 'bloc2.ref:8:16', 'bloc2.ref:9:43'
        ]);
    });

    it('renommer un code modifie plusieurs fichiers ; un code déjà pris est refusé en français', async () => {
        const params = { textDocument: { uri: uriOf('decoupe', 'bloc1.ref') }, position: position(bloc1, 'compétence C1.1', 12) };
        const range = await client.request<Range>('textDocument/prepareRename', params);
        expect(range).toEqual({ start: position(bloc1, 'compétence C1.1', 11), end: position(bloc1, 'compétence C1.1', 15) });
        const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...params, newName: 'C1.7' });
        expect(Object.keys(edit.changes!).sort()).toEqual([uriOf('decoupe', 'bloc1.ref'), uriOf('decoupe', 'bloc2.ref')]);
        expect(applyEdits(bloc2, edit.changes![uriOf('decoupe', 'bloc2.ref')])).toContain('évalue C1.7, C2.1');
        expect(applyEdits(bloc2, edit.changes![uriOf('decoupe', 'bloc2.ref')])).toContain('vérifie C1.7, C2.1');
        await expect(client.request('textDocument/rename', { ...params, newName: 'C2.1' }))
            .rejects.toThrow('Le code « C2.1 » est déjà utilisé dans le référentiel DECOUPE par la compétence C2.1 (bloc2.ref, ligne 5). Choisissez un autre code.');
    });

    it('met en forme un document (et rien quand il a une erreur de syntaxe)', async () => {
        const messy = 'certification FMT "Mise en forme" { niveau 6 }\nbloc BC01 "B" {\ncompétence C1.1 "Un"   note "n"\n  modalité M1 "m" { évalue C1.1 critère CR1 "c" vérifie C1.1 }\n}\n';
        const uri = await client.open(file('fmt.ref'), messy);
        const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
        expect(applyEdits(messy, edits)).toBe('certification FMT "Mise en forme" {\n    niveau 6\n}\n\nbloc BC01 "B" {\n    compétence C1.1 "Un"\n        note "n"\n    modalité M1 "m" {\n        évalue C1.1\n        critère CR1 "c" vérifie C1.1\n    }\n}\n');
        await client.change(uri, messy.replace('"Un"', ''));
        const none = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
        expect(none).toEqual([]);
    });

    it('lentilles : couverture du bloc, « évaluée par … » avec les arguments de editor.action.showReferences', async () => {
        const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf('decoupe', 'bloc1.ref') } });
        expect(lenses.map(l => l.command?.title)).toEqual(['couverture : 1/1 compétence évaluée', 'évaluée par M2.1 · 1 critère']);
        const command = lenses[1].command!;
        expect(command.command).toBe('editor.action.showReferences');
        expect(command.arguments).toEqual([
            uriOf('decoupe', 'bloc1.ref'),
            position(bloc1, 'compétence C1.1', 11),
            [
                { uri: uriOf('decoupe', 'bloc2.ref'), range: { start: position(bloc2, 'évalue C1.1', 7), end: position(bloc2, 'évalue C1.1', 11) } },
                { uri: uriOf('decoupe', 'bloc2.ref'), range: { start: position(bloc2, 'vérifie C1.1', 8), end: position(bloc2, 'vérifie C1.1', 12) } }
            ]
        ]);
    });

    it('correctif rapide de REF202 : le code corrigé partout, et le diagnostic disparaît', async () => {
        const text = 'certification PTS "Points"\nbloc BC01 "B" {\n    compétence C1.1 "Un"\n    compétence C1.2. "Deux"\n    modalité M1.1 "M" {\n        évalue C1.1, C1.2.\n        critère CR1.1.1 "c" vérifie C1.1, C1.2\n    }\n}\nobtention {\n    condition "c" : tous les blocs validés\n}\n';
        const uri = await client.open(file('points.ref'), text);
        const diagnostics = await client.waitForDiagnostics(uri, d => codes(d).includes('REF202'));
        const ref202 = diagnostics.find(d => d.code === 'REF202')!;
        expect(ref202.message).toBe('Le code « C1.2. » se termine par un point : écrivez « C1.2 ».');
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: ref202.range, context: { diagnostics: [ref202], only: ['quickfix'] } });
        expect(actions.map(a => a.title)).toEqual(['Renommer C1.2. en C1.2 partout (2 modifications)']);
        expect(actions[0].isPreferred).toBe(true);
        expect(actions[0].diagnostics).toEqual([ref202]);
        const fixed = applyEdits(text, actions[0].edit!.changes![uri]);
        expect(fixed).toContain('compétence C1.2 "Deux"');
        expect(fixed).toContain('évalue C1.1, C1.2\n');
        await client.change(uri, fixed);
        await client.waitForDiagnostics(uri, d => d.length === 0);
    });

    it('correctif rapide de REF001 : le mot-clé sans accent, un seul diagnostic, corrigé', async () => {
        const text = 'certification ACC "Accents"\nbloc BC09 "B" {\n    compétence C9.1 "Un"\n    modalité M9.1 "M" {\n        évalue C9.1\n        critere CR9.1.1 "c" vérifie C9.1\n    }\n}\nobtention {\n    condition "c" : tous les blocs validés\n}\n';
        const uri = await client.open(file('accents.ref'), text);
        const diagnostics = await client.waitForDiagnostics(uri, d => codes(d).includes('REF001'));
        expect(diagnostics).toHaveLength(1);
        const [ref001] = diagnostics;
        expect(ref001.message).toBe('« critere » : vouliez-vous dire « critère » ?');
        expect(ref001.range).toEqual({ start: position(text, 'critere'), end: position(text, 'critere', 7) });
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: ref001.range, context: { diagnostics: [ref001], only: ['quickfix'] } });
        expect(actions.map(a => a.title)).toEqual(['Remplacer par « critère »']);
        expect(actions[0].isPreferred).toBe(true);
        const fixed = applyEdits(text, actions[0].edit!.changes![uri]);
        expect(fixed).toContain('        critère CR9.1.1 "c" vérifie C9.1\n');
        await client.change(uri, fixed);
        await client.waitForDiagnostics(uri, d => d.length === 0);
    });

    it('plan du document et symboles de l\'espace de travail', async () => {
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf('decoupe', 'bloc2.ref') } });
        expect(symbols.map(s => s.name)).toEqual(['DECOUPE']);
        const bloc = symbols[0].children![0];
        expect([bloc.name, bloc.detail]).toEqual(['BC02', 'Deuxième bloc']);
        expect(bloc.children!.map(s => s.name)).toEqual(['A2-1', 'C2.1', 'M2.1']);
        expect(bloc.children![2].children!.map(s => `${s.name} ${s.detail}`)).toEqual(['CR2.1.1 Critère']);

        const found = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'C1.1' });
        const containers = new Set(found.filter(s => s.name.startsWith('C1.1 ')).map(s => s.containerName));
        expect(containers).toEqual(new Set(['DECOUPE', 'DATA-ENGINEER', 'PTS']));
    });

    it('coloration sémantique : codes et références selon le genre de l\'élément', async () => {
        const legend = client.initializeResult!.capabilities.semanticTokensProvider!.legend;
        const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: uriOf('decoupe', 'bloc2.ref') } });
        const lines = bloc2.split('\n');
        const decoded: string[] = [];
        let line = 0;
        let char = 0;
        for (let i = 0; i < tokens.data.length; i += 5) {
            line += tokens.data[i];
            char = tokens.data[i] === 0 ? char + tokens.data[i + 1] : tokens.data[i + 1];
            const modifiers = legend.tokenModifiers.filter((_m, bit) => tokens.data[i + 4] & (1 << bit));
            decoded.push(`${lines[line].slice(char, char + tokens.data[i + 2])}:${legend.tokenTypes[tokens.data[i + 3]]}${modifiers.length ? '.' + modifiers.join('.') : ''}`);
        }
        expect(decoded).toContain('M2.1:function.declaration');
        expect(decoded).toContain('C1.1:type');
        expect(decoded).toContain('A2-1:event');
        expect(decoded).toContain('évalue:keyword');
        expect(decoded).toContain('DECOUPE:namespace');
    });

    it('indications en ligne : le titre court après les codes', async () => {
        const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
            textDocument: { uri: uriOf('decoupe', 'bloc2.ref') }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } }
        });
        expect(hints.map(h => `${h.position.line + 1}:${h.position.character} ${h.label}`)).toEqual([
            `5:${position(bloc2, 'issue de A2-1', 13).character} Activité`,
            `8:${position(bloc2, 'évalue C1.1', 11).character} Compétence du bloc 1`,
            `8:${position(bloc2, 'C1.1, C2.1', 10).character} Compétence du bloc 2`,
            `9:${position(bloc2, 'vérifie C1.1', 12).character} Compétence du bloc 1`,
            `9:${position(bloc2, 'vérifie C1.1, C2.1', 18).character} Compétence du bloc 2`
        ]);
    });

    it('l\'échantillon Data Engineer : survol d\'une compétence évaluée', async () => {
        const text = readFileSync(file('data-engineer', 'bc01.ref'), 'utf8');
        const uri = await client.open(file('data-engineer', 'bc01.ref'));
        const diagnostics = await client.waitForDiagnostics(uri, () => true, 20_000);
        expect(diagnostics.filter(d => d.severity === 1)).toEqual([]);
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: position(text, 'compétence C1.1', 12) });
        expect((hover.contents as { value: string }).value).toContain('- **Évaluée par** : `M1.1`');
    });

    it('un changement de réglages revérifie les documents (referentiel.regles, referentiel.langue)', async () => {
        const b2 = uriOf('decoupe', 'bloc2.ref');
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { referentiel: { regles: { ...REDACTION_OFF, REF106: 'off' }, langue: 'auto' } } });
        await client.waitForDiagnostics(b2, d => d.length === 0);
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { referentiel: { regles: { ...REDACTION_OFF, REF106: 'error' }, langue: 'en' } } });
        const english = await client.waitForDiagnostics(b2, d => d.length === 1 && d[0].severity === 1);
        expect(english[0].message).toBe('Situation M2.1 of bloc BC02 assesses C1.1, which belongs to bloc BC01.');
        // Le survol suit aussi la langue.
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: b2 }, position: position(bloc2, 'évalue C1.1', 8) });
        expect((hover.contents as { value: string }).value).toContain('**Competency C1.1**');
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { referentiel: { regles: { ...REDACTION_OFF }, langue: 'fr' } } });
        await client.waitForDiagnostics(b2, d => d.length === 1 && d[0].severity === 2 && String(d[0].message).startsWith('La modalité'));
    });

    it('s\'arrête proprement (shutdown, exit) sans rien écrire sur sa sortie d\'erreur', async () => {
        const code = await client.stop();
        expect(code).toBe(0);
        expect(client.stderr.join('')).toBe('');
    });
});
