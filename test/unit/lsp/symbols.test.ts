import { expectSymbols } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { workspace } from '../../helpers.js';
import { deWorkspace, doc } from './lsp-helpers.js';

/** Le plan en texte : « nom [genre] détail », indenté par niveau. */
function outline(symbols: readonly DocumentSymbol[], indent = ''): string[] {
    const kinds = Object.fromEntries(Object.entries(SymbolKind).map(([k, v]) => [v, k]));
    return symbols.flatMap(s => [`${indent}${s.name} [${kinds[s.kind]}]${s.detail ? ' ' + s.detail : ''}`, ...outline(s.children ?? [], indent + '  ')]);
}

describe('plan du document', () => {
    it('certification › blocs › activités, compétences, modalités › critères ; obtention › épreuves, mesures, conditions', async () => {
        const ws = await deWorkspace();
        const symbols = await ws.services.lsp.DocumentSymbolProvider!.getSymbols(doc(ws, 'de.ref'), { textDocument: { uri: '' } });
        expect(outline(symbols as DocumentSymbol[])).toEqual([
            'DE [Module] Data Engineer',
            '  BC01 [Namespace] Collecter et exploiter des données',
            '    A1-1 [Event] Analyse du besoin du client et des risques liés à la solution',
            '    A1-2 [Event] Rédaction des cahiers des charges',
            '    C1.1 [Class] Analyser les besoins en intégrant les ressources, les contraintes et les risques',
            '    C1.2 [Class] Rédiger les cahiers des charges de manière accessible',
            '    C1.3 [Class] Identifier les risques juridiques',
            '    M1.1 [Function] Analyse des besoins et rédaction des cahiers des charges',
            '      CR1.1.1 [EnumMember] Les besoins sont hiérarchisés',
            '      CR1.1.2 [EnumMember] Les documents respectent la Charte de la communication accessible',
            '  obtention [Object]',
            '    memoire [Variable] Mémoire · sur 20',
            '    periode [Variable] Période en entreprise · en mois',
            '    Tous les blocs [Boolean] Tous les blocs',
            '    C2 [Boolean] Mémoire'
        ]);
        // La plage de chaque symbole contient sa sélection (exigé par les éditeurs).
        const check = (s: DocumentSymbol): void => {
            const inside = (p: { line: number; character: number }) =>
                (p.line > s.range.start.line || (p.line === s.range.start.line && p.character >= s.range.start.character))
                && (p.line < s.range.end.line || (p.line === s.range.end.line && p.character <= s.range.end.character));
            expect(inside(s.selectionRange.start) && inside(s.selectionRange.end)).toBe(true);
            s.children?.forEach(check);
        };
        (symbols as DocumentSymbol[]).forEach(check);
    });

    it('un fichier « référentiel DE » : ses blocs sous le code du référentiel', async () => {
        const ws = await deWorkspace();
        const symbols = await ws.services.lsp.DocumentSymbolProvider!.getSymbols(doc(ws, 'bloc2.ref'), { textDocument: { uri: '' } });
        expect(outline(symbols as DocumentSymbol[]).slice(0, 3)).toEqual([
            'DE [Module] fait partie de DE',
            '  BC02 [Namespace] Manager la transition data',
            '    A2-1 [Event] Pilotage'
        ]);
    });

    it('activités imbriquées et socle (avec expectSymbols de langium/test)', async () => {
        const { services } = await workspace({});
        await expectSymbols(services)({
            text: 'socle TR "Transverse"\nactivité AT1 "Communiquer" {\n    activité AT1-1 "À l\'oral"\n}\ncompétence CT1 "Présenter" issue de AT1-1\n',
            // Un seul symbole au premier niveau (le socle), comparé avec tout son plan.
            expectedSymbols: [['TR [Package] Transverse', '  AT1 [Event] Communiquer', '    AT1-1 [Event] À l\'oral', '  CT1 [Class] Présenter'].join('\n')],
            symbolToString: s => outline([s]).join('\n'),
            disposeAfterCheck: true
        });
    });
});

describe('symboles de l\'espace de travail', () => {
    it('par mots du titre (sans accents), tous référentiels ; le conteneur est le code du référentiel', async () => {
        const ws = await deWorkspace({ 'autre.ref': 'certification AUTRE "Autre"\nbloc BC01 "B" {\n    compétence C1.1 "Évaluer les risques"\n}\n' });
        const symbols = await ws.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'risques' });
        const found = symbols.map(s => `${s.containerName} ${s.name}`).sort();
        expect(found).toEqual([
            'AUTRE C1.1 Évaluer les risques',
            'DE A1-1 Analyse du besoin du client et des risques liés à la…',
            'DE C1.1 Analyser les besoins en intégrant les ressources, les…',
            'DE C1.3 Identifier les risques juridiques',
            'DE CR2.1.2 Les risques juridiques sont identifiés'
        ]);
        const evaluer = await ws.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'evaluer risq' });
        expect(evaluer.map(s => s.name)).toEqual(['C1.1 Évaluer les risques']);
    });

    it('par code (approché) : « cr211 » trouve CR2.1.1, avec son emplacement', async () => {
        const ws = await deWorkspace();
        const symbols = await ws.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'CR211' });
        const names = symbols.map(s => s.name);
        expect(names).toContain('CR2.1.1 La charte intègre les engagements');
        const symbol = symbols.find(s => s.name.startsWith('CR2.1.1'))!;
        expect(symbol.kind).toBe(SymbolKind.EnumMember);
        expect('range' in symbol.location && symbol.location.uri.endsWith('bloc2.ref')).toBe(true);
    });
});
