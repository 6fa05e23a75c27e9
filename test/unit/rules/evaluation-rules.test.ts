import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { ERROR, at, bloc, certification, expectNone, expectOne, find, lint } from './util.js';
import type { Workspace } from '../../helpers.js';

/**
 * Le linter type-vérifie les règles d'évaluation (issue 9) : un plancher hors du barème
 * (REF309), un fait comparé à un nombre (REF310), un critère ou une compétence inconnus dans
 * une condition (REF002) — chacun avec son correctif rapide ; et les références des conditions
 * (`compétence C1.1 acquise`, `critère CR1.1 satisfait`) se suivent et se renomment.
 */
const obtention = (lines: string) => `obtention {\n${lines}}\n`;

async function actions(ws: Workspace, code: string, file = 'a.ref'): Promise<{ actions: CodeAction[]; diagnostic: Diagnostic; apply: (a: CodeAction) => string }> {
    const document = ws.services.shared.workspace.LangiumDocuments.all.find(d => d.uri.path.endsWith('/' + file))!;
    const diagnostic = find(ws, code as never, file)[0];
    const found = await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    }) as CodeAction[];
    const apply = (action: CodeAction): string => TextDocument.applyEdits(
        TextDocument.create(document.uri.toString(), 'referentiel', 0, document.textDocument.getText()),
        action.edit!.changes![document.uri.toString()]);
    return { actions: found, diagnostic, apply };
}

describe('REF309 — plancher hors du barème', () => {
    it('un plancher au-dessus du barème : erreur sur le plancher, correctif qui le ramène au barème', async () => {
        const text = certification(bloc(1), obtention('    épreuve oral "Oral" sur 20 plancher 25\n    condition "Oral" : oral >= 10\n'));
        const ws = await lint(text);
        expectOne(ws, 'REF309', { severity: ERROR, range: at(text, '25'), message: ['Le plancher 25 de l\'épreuve oral est hors de son barème, qui va de 0 à 20'] });
        const { actions: found, apply } = await actions(ws, 'REF309');
        expect(found.map(a => [a.title, a.isPreferred])).toEqual([['Ramener le plancher à 20', true]]);
        expect(apply(found[0])).toContain('épreuve oral "Oral" sur 20 plancher 20');
    });

    it('un plancher égal au barème, ou à 0 : aucune erreur ; dans une modalité aussi', async () => {
        for (const plancher of ['20', '0']) {
            expectNone(await lint(certification(bloc(1), obtention(`    épreuve oral "Oral" sur 20 plancher ${plancher}\n    condition "Oral" : oral >= 10\n`))), 'REF309');
        }
        const modalite = certification(bloc(1).replace('        évalue C1.1\n', '        évalue C1.1\n        épreuve qcm "QCM" sur 20 durée 30 minutes plancher 21\n'));
        const ws = await lint(modalite);
        expectOne(ws, 'REF309', { severity: ERROR, range: at(modalite, '21') });
        // L'épreuve d'une modalité sert à son bloc : jamais « déclarée mais jamais utilisée ».
        expectNone(ws, 'REF302');
    });
});

describe('REF310 — fait comparé à un nombre', () => {
    const FAIT = '    fait evaluees "Les compétences ont été évaluées"\n';

    it('« fait = 1 » : erreur, correctif « fait » ; « fait = 0 » : correctif « non fait »', async () => {
        const text = certification(bloc(1), obtention(`${FAIT}    condition "Période" : evaluees = 1\n`));
        const ws = await lint(text);
        expectOne(ws, 'REF310', { severity: ERROR, range: at(text, 'evaluees = 1'), message: ['evaluees est un fait (oui/non) : il ne se compare pas à un nombre'] });
        const { actions: found, apply } = await actions(ws, 'REF310');
        expect(found.map(a => a.title)).toEqual(['Écrire « evaluees »']);
        expect(apply(found[0])).toContain('condition "Période" : evaluees\n');
        const zero = await lint(certification(bloc(1), obtention(`${FAIT}    condition "Période" : evaluees = 0\n`)));
        const fixed = await actions(zero, 'REF310');
        expect(fixed.apply(fixed.actions[0])).toContain('condition "Période" : non evaluees\n');
    });

    it('« fait > 3 » : erreur sans correctif (rien de sûr à proposer)', async () => {
        const ws = await lint(certification(bloc(1), obtention(`${FAIT}    condition "Période" : evaluees > 3\n`)));
        expect(find(ws, 'REF310')).toHaveLength(1);
        expect((await actions(ws, 'REF310')).actions).toEqual([]);
    });

    it('un fait seul, avec non, et/ou : aucune erreur de type', async () => {
        const ws = await lint(certification(bloc(1), obtention(`${FAIT}    condition "Période" : evaluees et non (non evaluees) ou tous les blocs validés\n`)));
        expectNone(ws, 'REF310');
        expectNone(ws, 'REF303');
    });

    it('un fait dans un calcul est une erreur de type (REF303)', async () => {
        const ws = await lint(certification(bloc(1), obtention(`${FAIT}    condition "Période" : evaluees + 1 >= 2\n`)));
        expect(find(ws, 'REF303').length).toBeGreaterThan(0);
    });
});

describe('compétences et critères dans les conditions', () => {
    it('un critère ou une compétence inconnus : REF002 avec la suggestion et son correctif', async () => {
        const text = certification(bloc(1), obtention('    condition "Sécurité" : critère CR1.2 satisfait et compétence C1.1 acquise\n'));
        const ws = await lint(text);
        expectOne(ws, 'REF002', { severity: ERROR, range: at(text, 'CR1.2'), message: ['CR1.2', 'CR1.1'] });
        const { actions: found, apply } = await actions(ws, 'REF002');
        expect(found.map(a => a.title)).toEqual(['Remplacer par CR1.1']);
        expect(apply(found[0])).toContain('critère CR1.1 satisfait');
        const competence = await lint(certification(bloc(1), obtention('    condition "Sécurité" : compétence C1.2 acquise\n')));
        expect(find(competence, 'REF002')[0].message).toContain('C1.1');
    });

    it('une compétence nommée dans une condition n\'est pas une grandeur : ni REF301 ni REF303', async () => {
        const ws = await lint(certification(bloc(1), obtention('    condition "Sécurité" : compétence C1.1 acquise et non critère CR1.1 satisfait ou tous les blocs validés\n')));
        expectNone(ws, 'REF301');
        expectNone(ws, 'REF303');
        expectNone(ws, 'REF002');
    });

    it('aller à la définition et renommer : le critère d\'une condition est une vraie référence', async () => {
        const text = certification(bloc(1), obtention('    condition "Sécurité" : critère CR1.1 satisfait et compétence C1.1 acquise\n'));
        const ws = await lint(text);
        const document = ws.services.shared.workspace.LangiumDocuments.all.find(d => d.uri.path.endsWith('/a.ref'))!;
        const position = at(text, 'CR1.1', 2).start;
        const links = await ws.services.lsp.DefinitionProvider!.getDefinition(document, { textDocument: { uri: document.uri.toString() }, position });
        expect(links![0].targetSelectionRange).toEqual(at(text, 'CR1.1', 1));
        const edit = await ws.services.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position, newName: 'CR1.9' });
        const edits = edit!.changes![document.uri.toString()];
        const renamed = TextDocument.applyEdits(TextDocument.create(document.uri.toString(), 'referentiel', 0, text), edits);
        expect(renamed).toContain('critère CR1.9 "Critère 1"');
        expect(renamed).toContain('critère CR1.9 satisfait');
        const competence = at(text, 'C1.1', 4).start;
        const toCompetence = await ws.services.lsp.DefinitionProvider!.getDefinition(document, { textDocument: { uri: document.uri.toString() }, position: competence });
        expect(toCompetence![0].targetSelectionRange).toEqual(at(text, 'C1.1', 1));
    });

    it('les portées « pour le bloc » et « pour la certification » s\'analysent dans les deux ordres', async () => {
        const ws = await lint(certification(bloc(1).replace('critère CR1.1 "Critère 1" vérifie C1.1', 'critère CR1.1 "Critère 1" vérifie C1.1 éliminatoire pour le bloc\n        critère CR1.2 "Critère 2" éliminatoire pour la certification vérifie C1.1')));
        expectNone(ws, 'REF001');
        expectNone(ws, 'REF002');
    });
});
