/**
 * L'éditeur dans un vrai VS Code : activation, diagnostics, survol, définition et renommage entre
 * fichiers, commentaires, modèles (snippets) du serveur.
 */
import * as vscode from 'vscode';
import { activated, diagnostics, file, hoverText, open, positionOf, replace } from './helpers.js';
import { assert, assertEqual, closeUntitled, test, waitFor } from './runner.js';

test('un fichier .ref active l\'extension, avec la langue « referentiel »', async () => {
    const editor = await open('atelier/bloc1.ref');
    assertEqual(editor.document.languageId, 'referentiel', 'langue du document');
    const extension = await activated();
    assert(extension.isActive, 'extension non activée');
    // Le serveur a vérifié le fichier : l'avertissement REF106 de bloc2.ref (modalité qui évalue
    // une compétence d'un autre bloc) montre que les fichiers non ouverts sont lus aussi.
    await open('atelier/bloc2.ref');
    const warning = await waitFor('diagnostic REF106 sur bloc2.ref', () =>
        diagnostics(file('atelier/bloc2.ref')).find(d => d.code === 'REF106'));
    assertEqual(warning.severity, vscode.DiagnosticSeverity.Warning, 'sévérité de REF106');
});

test('un fichier cassé reçoit un diagnostic, qui disparaît quand il est corrigé', async () => {
    const editor = await open('atelier/bloc1.ref');
    const uri = editor.document.uri;
    await replace(editor.document, 'issue de A1-1\n    compétence C1.2', 'issue de A9-9\n    compétence C1.2');
    const broken = await waitFor('diagnostic sur la référence A9-9', () =>
        diagnostics(uri).find(d => d.message.includes('A9-9') && d.severity === vscode.DiagnosticSeverity.Error));
    try {
        assertEqual(editor.document.getText(broken.range), 'A9-9', 'le diagnostic souligne la référence');
        const language = vscode.env.language.toLowerCase().startsWith('en') ? /activity/ : /activité/;
        assert(/ATELIER/.test(broken.message) && language.test(broken.message), `message dans la langue de VS Code, qui nomme le référentiel : ${broken.message}`);
    } finally {
        await replace(editor.document, 'issue de A9-9', 'issue de A1-1');
    }
    await waitFor('plus de diagnostic sur A9-9', () => !diagnostics(uri).some(d => d.message.includes('A9-9')));
    assertEqual(diagnostics(uri).filter(d => d.severity === vscode.DiagnosticSeverity.Error).length, 0, 'erreurs restantes');
}, 45_000);

test('survol d\'une référence : le texte de la compétence', async () => {
    const editor = await open('atelier/bloc2.ref');
    const position = positionOf(editor.document, 'évalue C1.1', 0, 'évalue '.length + 1);
    const hovers = await waitFor('survol de C1.1', async () => {
        const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
        return result && result.length > 0 ? result : undefined;
    });
    const text = hoverText(hovers);
    assert(text.includes('Analyser le besoin du client'), `le survol donne le texte de C1.1 ; obtenu : ${text}`);
});

test('aller à la définition : d\'un fichier à l\'autre', async () => {
    const editor = await open('atelier/bloc2.ref');
    const position = positionOf(editor.document, 'évalue C1.1', 0, 'évalue '.length + 1);
    const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
        'vscode.executeDefinitionProvider', editor.document.uri, position);
    assert(locations && locations.length === 1, `une définition attendue, obtenu ${JSON.stringify(locations)}`);
    const target = locations[0];
    const uri = 'targetUri' in target ? target.targetUri : target.uri;
    const range = 'targetUri' in target ? (target.targetSelectionRange ?? target.targetRange) : target.range;
    assertEqual(uri.toString(), file('atelier/bloc1.ref').toString(), 'fichier de la définition');
    const declaration = await vscode.workspace.openTextDocument(uri);
    assertEqual(declaration.lineAt(range.start.line).text.trim().startsWith('compétence C1.1'), true, 'ligne de la définition');
});

test('renommer un code : toutes les références, dans tous les fichiers', async () => {
    const bloc1 = (await open('atelier/bloc1.ref')).document;
    const bloc2 = (await open('atelier/bloc2.ref')).document;
    const position = positionOf(bloc1, 'compétence C1.1', 0, 'compétence '.length + 1);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', bloc1.uri, position, 'C1.9');
    assert(edit, 'pas de modification de renommage');
    const files = edit.entries().map(([uri]) => uri.path.split('/').pop()).sort();
    assertEqual(files, ['bloc1.ref', 'bloc2.ref'], 'fichiers modifiés par le renommage');
    assert(await vscode.workspace.applyEdit(edit), 'renommage refusé');
    assert(bloc1.getText().includes('compétence C1.9 '), 'déclaration renommée');
    assert(bloc2.getText().includes('évalue C1.9, C2.1') && bloc2.getText().includes('vérifie C1.9'), 'références renommées dans bloc2.ref');
    await waitFor('aucune erreur après le renommage', () =>
        ![bloc1.uri, bloc2.uri].some(u => diagnostics(u).some(d => d.severity === vscode.DiagnosticSeverity.Error)) || undefined, 5000)
        .catch(() => undefined);
    // Retour à l'état initial (les autres tests comptent sur C1.1).
    const back = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', bloc1.uri, position, 'C1.1');
    assert(back && await vscode.workspace.applyEdit(back), 'renommage inverse refusé');
    assert(bloc2.getText().includes('évalue C1.1, C2.1'), 'retour à C1.1');
    await Promise.all([bloc1.save(), bloc2.save()]);
});

test('un renommage refusé : la raison du serveur, telle quelle (pas une panne du client)', async () => {
    const bloc1 = (await open('atelier/bloc1.ref')).document;
    const position = positionOf(bloc1, 'compétence C1.1', 0, 'compétence '.length + 1);
    const error = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', bloc1.uri, position, 'C1.2')
        .then(() => undefined, (e: unknown) => e as Error);
    assert(error, 'le renommage vers un code déjà pris devait être refusé');
    const message = String(error.message ?? error);
    assert(/C1\.2/.test(message) && !/Request textDocument\/rename failed|\n\s+at /.test(message), `raison du refus : ${message}`);
    assert(!bloc1.isDirty, 'rien n\'a été modifié');
});

test('correctif rapide « Ajouter C1.3 à M1.1 » : la compétence évaluée, le problème disparaît', async () => {
    const editor = await open('atelier/bloc1.ref');
    const document = editor.document;
    const original = document.getText();
    await replace(document, '    compétence C1.2 "Rédiger le cahier des charges" issue de A1-1\n',
        '    compétence C1.2 "Rédiger le cahier des charges" issue de A1-1\n    compétence C1.3 "Présenter la solution au client" issue de A1-1\n');
    try {
        const problem = await waitFor('REF101 sur C1.3', () => diagnostics(document.uri).find(d => d.code === 'REF101'), 20_000);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, problem.range, vscode.CodeActionKind.QuickFix.value);
        const titles = actions.map(a => a.title);
        const english = vscode.env.language.toLowerCase().startsWith('en');
        const wanted = english ? 'Add C1.3 to M1.1' : 'Ajouter C1.3 à M1.1';
        const action = actions.find(a => a.title === wanted);
        assert(action?.edit, `correctif « ${wanted} » absent : ${titles.join(' | ')}`);
        assertEqual(action.isPreferred, true, 'correctif préféré (une seule modalité dans le bloc)');
        assert(await vscode.workspace.applyEdit(action.edit), 'modification refusée');
        assert(document.getText().includes('        évalue C1.2, C1.3\n'), document.getText());
        await waitFor('plus de REF101', () => !diagnostics(document.uri).some(d => d.code === 'REF101') || undefined, 20_000);
    } finally {
        const all = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, all, original);
        await vscode.workspace.applyEdit(edit);
        await document.save();
    }
}, 45_000);

test('configuration du langage : Ctrl+/ commente avec //', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'referentiel', content: 'bloc BC01 "Titre" {\n}\n' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('editor.action.commentLine');
    assertEqual(document.lineAt(0).text, '// bloc BC01 "Titre" {', 'ligne commentée');
    await closeUntitled(document);
});


/**
 * À la place du marqueur « ICI » : les modèles (snippets) que le serveur propose là, et celui
 * dont le libellé commence par `label` inséré (puis on sort du mode extrait). Rend les libellés
 * de tous les modèles proposés à cet endroit.
 */
async function insertSnippet(editor: vscode.TextEditor, label: string): Promise<string[]> {
    const start = positionOf(editor.document, 'ICI');
    assert(await editor.edit(b => b.delete(new vscode.Range(start, start.translate(0, 3)))), 'marqueur non retiré');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, start);
    const snippets = list.items.filter(i => i.kind === vscode.CompletionItemKind.Snippet);
    const name = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);
    const item = snippets.find(i => name(i).startsWith(label));
    assert(item, `pas de modèle « ${label}… » ; proposés : ${snippets.map(name).join(', ')}`);
    const body = item.insertText instanceof vscode.SnippetString ? item.insertText : new vscode.SnippetString(String(item.insertText ?? name(item)));
    await editor.insertSnippet(body, start);
    await vscode.commands.executeCommand('leaveSnippet');
    return snippets.map(name);
}

test('les modèles du serveur, proposés seulement là où ils peuvent être, donnent un référentiel sans erreur', async () => {
    const document = await vscode.workspace.openTextDocument({
        language: 'referentiel',
        content: 'ICI\n\nbloc BC01 "Bloc" {\n    activité A1-1 "Activité"\n    ICI\n    modalité M1.1 "Modalité" {\n        nature "étude de cas"\n        évalue C1.1\n        ICI\n    }\n}\n\nICI\n'
    });
    const editor = await vscode.window.showTextDocument(document);
    await insertSnippet(editor, 'certification');
    const inBloc = await insertSnippet(editor, 'compétence');
    const inModalite = await insertSnippet(editor, 'critère');
    await insertSnippet(editor, 'obtention');
    // Pas d'en-tête ni d'obtention dans un bloc ou une modalité ; pas de compétence dans une modalité.
    assert(!inBloc.some(l => /^(certification|obtention)/.test(l)), `dans un bloc : ${inBloc.join(', ')}`);
    assertEqual(inModalite.map(l => l.split(' ')[0]), ['critère'], 'modèles proposés dans une modalité');
    assert(!document.getText().includes('ICI'), `modèles non insérés :\n${document.getText()}`);
    const text = document.getText();
    for (const keyword of ['certification CODE', 'compétence C1.1', 'critère CR1.1.1', 'bloc BC01', 'modalité M1.1', 'obtention {']) {
        assert(text.includes(keyword), `« ${keyword} » absent :\n${text}`);
    }
    // Le texte est vérifié par le serveur : aucune erreur de syntaxe. Le serveur publie aussi les
    // diagnostics des versions intermédiaires : on attend ceux du texte final.
    const problems = await waitFor('diagnostics du texte final du document de modèles', () => {
        const list = diagnostics(document.uri);
        return list.length > 0 && !list.some(d => d.message.includes('ICI')) ? list : undefined;
    }, 10_000).catch(() => diagnostics(document.uri));
    const syntax = problems.filter(d => /^Syntaxe|^Caractère inattendu|^Syntax|^Unexpected/.test(d.message));
    assertEqual(syntax.map(d => d.message), [], 'erreurs de syntaxe');
    await closeUntitled(document);
});
