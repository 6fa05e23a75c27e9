import { describe, expect, it } from 'vitest';
import type { CodeLens, InlayHint } from 'vscode-languageserver';
import { workspace } from '../../helpers.js';
import { deWorkspace, doc, positionOf } from './lsp-helpers.js';

const everything = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

describe('lentilles de code', () => {
    it('sur chaque compétence : « évaluée par … · n critères » ou « non évaluée » ; sur chaque bloc : sa couverture — toujours cliquables', async () => {
        const ws = await deWorkspace({ 'bloc3.ref': 'référentiel DE\nbloc BC03 "Trois" {\n    compétence C3.1 "Évaluée"\n    compétence C3.2 "Oubliée"\n    modalité M3.1 "M" {\n        évalue C3.1\n    }\n}\n' });
        const de = doc(ws, 'de.ref');
        const lenses = await ws.services.lsp.CodeLensProvider!.provideCodeLens(de, { textDocument: { uri: de.uri.toString() } }) as CodeLens[];
        expect(lenses.map(l => `${l.range.start.line + 1}: ${l.command!.title}`)).toEqual([
            '5: couverture : 3/3 compétences évaluées',
            '8: évaluée par M1.1 · 1 critère',
            '9: évaluée par M1.1 · 1 critère',
            '10: évaluée par M2.1 · 1 critère'
        ]);
        // C1.3 est évaluée dans bloc2.ref : le clic montre ses références dans « évalue » et « vérifie ».
        const c13 = lenses[3].command!;
        expect(c13.command).toBe('editor.action.showReferences');
        const b2 = doc(ws, 'bloc2.ref');
        expect(c13.arguments).toEqual([
            de.uri.toString(),
            positionOf(de, 'compétence C1.3', 11),
            [
                { uri: b2.uri.toString(), range: { start: positionOf(b2, 'évalue C2.1, C1.3', 13), end: positionOf(b2, 'évalue C2.1, C1.3', 17) } },
                { uri: b2.uri.toString(), range: { start: positionOf(b2, 'vérifie C1.3', 8), end: positionOf(b2, 'vérifie C1.3', 12) } }
            ]
        ]);
        // Les arguments sont sérialisables tels quels (JSON), comme il faut pour LSP.
        expect(JSON.parse(JSON.stringify(c13.arguments))).toEqual(c13.arguments);

        const b3 = doc(ws, 'bloc3.ref');
        const lenses3 = await ws.services.lsp.CodeLensProvider!.provideCodeLens(b3, { textDocument: { uri: b3.uri.toString() } }) as CodeLens[];
        expect(lenses3.map(l => `${l.range.start.line + 1}: ${l.command!.title}`)).toEqual([
            '2: couverture : 1/2 compétences évaluées',
            '3: évaluée par M3.1 · 0 critère',
            '4: non évaluée'
        ]);
        // Aucune lentille à commande vide (LSP : une commande désigne une commande réelle).
        for (const lens of [...lenses, ...lenses3]) expect(lens.command!.command).toBe('editor.action.showReferences');
        // Le clic sur la couverture montre les compétences non évaluées.
        expect(lenses3[0].command!.arguments![2]).toEqual([{ uri: b3.uri.toString(), range: { start: positionOf(b3, 'C3.2'), end: positionOf(b3, 'C3.2', 4) } }]);
        // Le clic sur « non évaluée » montre les modalités du bloc, où l'ajouter à « évalue ».
        expect(lenses3[2].command!.arguments![2]).toEqual([{ uri: b3.uri.toString(), range: { start: positionOf(b3, 'M3.1'), end: positionOf(b3, 'M3.1', 4) } }]);
        // Une couverture complète montre les compétences du bloc.
        expect((lenses[0].command!.arguments![2] as unknown[]).length).toBe(3);
    });

    it('dans un socle : la couverture dans chaque certification qui inclut la compétence', async () => {
        const ws = await workspace({
            'tr.ref': 'socle TR "Transverse"\ncompétence CT1 "Présenter"\ncompétence CT2 "Rédiger"\n',
            'a.ref': 'certification A "A" {\n    utilise TR\n}\nbloc BC01 "B" {\n    inclut CT1\n    modalité M1 "m" {\n        évalue CT1\n        critère CR1 "c" vérifie CT1\n    }\n}\n',
            'b.ref': 'certification B "B" {\n    utilise TR\n}\nbloc BC01 "B" {\n    inclut CT1\n    compétence C1.1 "c"\n}\n'
        });
        const tr = doc(ws, 'tr.ref');
        const lenses = await ws.services.lsp.CodeLensProvider!.provideCodeLens(tr, { textDocument: { uri: tr.uri.toString() } }) as CodeLens[];
        expect(lenses.map(l => `${l.range.start.line + 1}: ${l.command!.title}`)).toEqual([
            '2: A : évaluée par M1 · 1 critère',
            '3: socle : incluse dans aucune certification'
        ]);
        // B n'a pas de modalité où évaluer CT1 : rien à montrer, pas de lentille (REF101 le dit).
        // « incluse dans aucune certification » montre les certifications qui utilisent le socle.
        const a = doc(ws, 'a.ref');
        const b = doc(ws, 'b.ref');
        expect((lenses[1].command!.arguments![2] as Array<{ uri: string }>).map(l => l.uri)).toEqual([a.uri.toString(), b.uri.toString()]);
        for (const lens of lenses) expect(lens.command!.command).toBe('editor.action.showReferences');
    });

    it('en anglais selon la locale', async () => {
        const ws = await deWorkspace({}, { locale: 'en' });
        const de = doc(ws, 'de.ref');
        const lenses = await ws.services.lsp.CodeLensProvider!.provideCodeLens(de, { textDocument: { uri: de.uri.toString() } }) as CodeLens[];
        expect(lenses[0].command!.title).toBe('coverage: 3/3 competencies assessed');
        expect(lenses[1].command!.title).toBe('assessed by M1.1 · 1 criterion');
    });
});

describe('indications en ligne', () => {
    it('le titre court après chaque code de « évalue », « vérifie », « issue de », « inclut »', async () => {
        const ws = await deWorkspace();
        const de = doc(ws, 'de.ref');
        const hints = await ws.services.lsp.InlayHintProvider!.getInlayHints(de, { textDocument: { uri: de.uri.toString() }, range: everything }) as InlayHint[];
        const shown = hints.map(h => `${h.position.line + 1}:${h.position.character} ${h.label}`);
        expect(shown).toEqual([
            `8:${positionOf(de, 'issue de A1-1', 13).character} Analyse du besoin du client et des…`,
            `9:${positionOf(de, 'issue de A1-2', 13).character} Rédaction des cahiers des charges`,
            `10:${positionOf(de, 'juridiques" issue de A1-1', 25).character} Analyse du besoin du client et des…`,
            `14:19 Analyser les besoins en intégrant les…`,
            `14:25 Rédiger les cahiers des charges de…`,
            `15:68 Analyser les besoins en intégrant les…`,
            `16:104 Rédiger les cahiers des charges de…`
        ]);
        expect(hints.every(h => h.paddingLeft === true)).toBe(true);
        expect(hints.every(h => typeof h.label === 'string' && h.label.length <= 40)).toBe(true);
        // Le texte entier est dans l'infobulle quand il a été raccourci.
        expect(hints[3].tooltip).toBe('Analyser les besoins en intégrant les ressources, les contraintes et les risques');
        expect(hints[1].tooltip).toBeUndefined();
    });

    it('seulement dans la plage demandée ; rien pour une référence non résolue', async () => {
        const ws = await deWorkspace({ 'x.ref': 'référentiel DE\nbloc BC09 "B" {\n    inclut C1.1\n    modalité M9 "m" {\n        évalue C1.1, C9.9\n    }\n}\n' });
        const x = doc(ws, 'x.ref');
        const all = await ws.services.lsp.InlayHintProvider!.getInlayHints(x, { textDocument: { uri: x.uri.toString() }, range: everything }) as InlayHint[];
        expect(all.map(h => h.position.line)).toEqual([2, 4]);
        const line5 = await ws.services.lsp.InlayHintProvider!.getInlayHints(x, { textDocument: { uri: x.uri.toString() }, range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } } }) as InlayHint[];
        expect(line5.map(h => h.label)).toEqual(['Analyser les besoins en intégrant les…']);
    });
});
