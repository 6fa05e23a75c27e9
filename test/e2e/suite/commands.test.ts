/**
 * Les commandes de l'extension dans un vrai VS Code : titres français, évaluation (vue du rapport,
 * diagnostics d'un dossier fautif), export JSON (schéma, mêmes octets que la ligne de commande),
 * export Word et PDF, aperçu du document publié (mis à jour pendant la frappe), matrice de
 * couverture, lentilles « références ».
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as vscode from 'vscode';
import type { EvaluationOutcome } from '../../../extension/src/evaluation.js';
import type { CreateReferentielResult, ImportWordResult } from '../../../language-server/src/protocol/commands.js';
import { activated, diagnostics, file, open, positionOf, replace, webviewTabs } from './helpers.js';
import { assert, assertEqual, closeUntitled, test, waitFor } from './runner.js';

const EXTENSION_ROOT = (): string => vscode.extensions.getExtension('referentiel.referentiel')!.extensionPath;

const englishEditor = (): boolean => vscode.env.language.toLowerCase().startsWith('en');

test('les commandes sont dans la palette, titres en français (en anglais dans un VS Code anglais)', async () => {
    const extension = await activated();
    // Les textes du manifeste sont déjà traduits par VS Code (package.nls.json) : une chaîne, ou
    // { value, original } selon les versions.
    type Localized = string | { value: string };
    const text = (t: Localized): string => typeof t === 'string' ? t : t.value;
    const contributed = (extension.packageJSON as { contributes: { commands: Array<{ command: string; title: Localized; category: Localized }> } }).contributes.commands;
    const titles = Object.fromEntries(contributed.map(c => [c.command, `${text(c.category)} : ${text(c.title)}`]));
    const expected = englishEditor()
        ? ['Référentiel : Evaluate candidate file', 'Référentiel : Export référentiel as JSON', 'Référentiel : Export référentiel as RNCP fiche (XML)', 'Référentiel : Export référentiel as CASE (1EdTech)', 'Référentiel : Show coverage matrix', 'Référentiel : Import a Word référentiel…']
        : ['Référentiel : Évaluer le dossier candidat', 'Référentiel : Exporter le référentiel en JSON', 'Référentiel : Exporter le référentiel en fiche RNCP (XML)', 'Référentiel : Exporter le référentiel en CASE (1EdTech)', 'Référentiel : Afficher la matrice de couverture', 'Référentiel : Importer un référentiel Word…'];
    assertEqual([titles['referentiel.evaluerDossierCandidat'], titles['referentiel.exporterReferentielJson'], titles['referentiel.exporterReferentielRncpXml'], titles['referentiel.exporterReferentielCase'], titles['referentiel.afficherMatriceCouverture'], titles['referentiel.importerReferentielWord']],
        expected, `titres des commandes (VS Code en « ${vscode.env.language} »)`);
    const published = englishEditor()
        ? ['Référentiel : Export référentiel as Word', 'Référentiel : Export référentiel as PDF', 'Référentiel : Show published document preview']
        : ['Référentiel : Exporter le référentiel en Word', 'Référentiel : Exporter le référentiel en PDF', 'Référentiel : Afficher l\'aperçu du document publié'];
    assertEqual([titles['referentiel.exporterReferentielWord'], titles['referentiel.exporterReferentielPdf'], titles['referentiel.afficherApercuDocument']],
        published, 'titres des commandes du document publié');
    const registered = await vscode.commands.getCommands(true);
    for (const id of Object.keys(titles)) assert(registered.includes(id), `commande ${id} non enregistrée`);
});

test('importer un référentiel Word : les fichiers .ref écrits par le serveur', async () => {
    await activated();
    const dossier = path.join(os.tmpdir(), `referentiel-word-${process.pid}`);
    const fichier = path.join(EXTENSION_ROOT(), 'test', 'fixtures', 'docx', 'data-engineer.docx');
    const result = await vscode.commands.executeCommand<ImportWordResult | undefined>('referentiel.importerReferentielWord', { fichier, dossier, remplacer: true });
    assert(result, 'la commande n\'a rien rendu');
    assertEqual({ code: result.code, blocs: result.blocs, competences: result.competences, modalites: result.modalites, fichiers: result.fichiers.length },
        { code: 'DATA-ENGINEER', blocs: 5, competences: 40, modalites: 10, fichiers: 6 }, 'résultat de l\'import');
    assert(readFileSync(path.join(dossier, 'bc05.ref'), 'utf8').includes('compétence C5-2 '), 'codes publiés gardés');
    rmSync(dossier, { recursive: true, force: true });
});

test('« Nouveau référentiel… » : l\'en-tête et un fichier par bloc, ouverts sans aucun problème', async () => {
    await activated();
    const registered = await vscode.commands.getCommands(true);
    assert(registered.includes('referentiel.nouveauReferentiel'), 'commande referentiel.nouveauReferentiel non enregistrée');
    // Dans l'espace de travail : le serveur vérifie les nouveaux fichiers comme les autres.
    const dossier = file('nouveau');
    const result = await vscode.commands.executeCommand<CreateReferentielResult | undefined>('referentiel.nouveauReferentiel',
        { code: 'NOUVEAU', titre: 'Nouvelle certification', blocs: 2, dossier: dossier.toString(), remplacer: true });
    assert(result, 'la commande n\'a rien rendu');
    assertEqual({ code: result.code, fichiers: result.fichiers.map(f => path.basename(vscode.Uri.parse(f).fsPath)) },
        { code: 'NOUVEAU', fichiers: ['nouveau.ref', 'bc01.ref', 'bc02.ref'] }, 'fichiers écrits');
    // Le premier bloc est ouvert, prêt à remplir.
    await waitFor('bc01.ref ouvert', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/nouveau/bc01.ref'), 10_000);
    const bloc = vscode.window.activeTextEditor!.document;
    assert(bloc.getText().startsWith('référentiel NOUVEAU\n\nbloc BC01 '), bloc.getText());
    // Aucun problème (rédaction comprise) une fois vérifié par le serveur.
    await waitFor('bc01.ref vérifié sans problème', async () => {
        await new Promise(resolve => setTimeout(resolve, 300));
        return diagnostics(bloc.uri).length === 0;
    }, 20_000);
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', bloc.uri, { tabSize: 4, insertSpaces: true });
    assertEqual(edits ?? [], [], 'déjà en forme');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(dossier, { recursive: true });
});

test('évaluer un dossier candidat de l\'exemple ouvre le rapport', async () => {
    await activated();
    const uri = file('data-engineer/candidats/01-obtenue.candidat.json');
    await vscode.window.showTextDocument(uri);
    const outcome = await vscode.commands.executeCommand<EvaluationOutcome>('referentiel.evaluerDossierCandidat');
    assert(outcome, 'la commande n\'a rien rendu');
    assertEqual({ referentiel: outcome.referentiel, problemes: outcome.problemes, decisions: outcome.decisions, rapport: outcome.rapport },
        { referentiel: 'DATA-ENGINEER', problemes: 0, decisions: ['obtenue'], rapport: true }, 'résultat de l\'évaluation');
    const label = englishEditor() ? 'Report — 01-obtenue.candidat.json' : 'Rapport — 01-obtenue.candidat.json';
    await waitFor('onglet du rapport', () => webviewTabs().find(t => t.label === label));
    assertEqual(diagnostics(uri).filter(d => d.source === 'referentiel').length, 0, 'aucun problème sur un dossier valide');
});

test('un dossier candidat fautif : diagnostics placés, effacés une fois corrigé', async () => {
    const editor = await open('candidats/atelier-casse.candidat.json');
    const uri = editor.document.uri;
    const outcome = await vscode.commands.executeCommand<EvaluationOutcome>('referentiel.evaluerDossierCandidat', uri);
    assert(outcome, 'la commande n\'a rien rendu');
    assertEqual({ problemes: outcome.problemes, rapport: outcome.rapport }, { problemes: 1, rapport: false }, 'pas de rapport pour un dossier fautif');
    const problem = await waitFor('diagnostic sur C9.9', () => diagnostics(uri).find(d => d.code === 'code-inconnu'));
    assertEqual(problem.severity, vscode.DiagnosticSeverity.Error, 'sévérité');
    assertEqual(problem.source, 'referentiel', 'source');
    assertEqual(problem.range.start.line, 4, 'ligne du problème (0 = première)');
    assert(editor.document.getText(problem.range).includes('C9.9'), `le diagnostic souligne "C9.9" : ${editor.document.getText(problem.range)}`);
    assert(problem.message.includes('C9.9') && problem.message.includes('C1.2'), `message : ${problem.message}`);
    await replace(editor.document, '"C9.9"', '"C1.2"');
    await waitFor('diagnostics effacés après correction', () => diagnostics(uri).length === 0, 10_000);
});

test('un dossier candidat copié ailleurs : le schéma de l\'extension s\'applique (valeurs permises), ses fautes ne sont pas montrées deux fois', async () => {
    await activated();
    // Les exemples n'ont pas de « $schema » relatif (il casserait une fois le fichier copié) :
    // c'est l'association jsonValidation du manifeste qui s'applique, où que soit le fichier.
    const copy = file('ailleurs/copie/essai.candidat.json');
    await vscode.workspace.fs.copy(file('data-engineer/candidats/01-obtenue.candidat.json'), copy, { overwrite: true });
    const editor = await vscode.window.showTextDocument(copy);
    assert(!editor.document.getText().includes('$schema'), 'un exemple de dossier candidat porte un $schema');
    const at = positionOf(editor.document, '"C1.1": ', 0, '"C1.1": '.length);
    const values = await waitFor('complétion des valeurs permises après « "C1.1": »', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', copy, at);
        const labels = list.items.map(i => (typeof i.label === 'string' ? i.label : i.label.label).replace(/^"|"$/g, ''));
        return labels.includes('acquise') && labels.includes('non acquise') ? labels : undefined;
    }, 20_000);
    assert(values.length >= 2, values.join(', '));
    // Une valeur hors du schéma : l'évaluation la compte, mais seul VS Code la souligne.
    await replace(editor.document, '"C1.1": "acquise"', '"C1.1": "peut-être"');
    const outcome = await vscode.commands.executeCommand<EvaluationOutcome>('referentiel.evaluerDossierCandidat', copy);
    assert(outcome, 'la commande n\'a rien rendu');
    assertEqual({ problemes: outcome.problemes, rapport: outcome.rapport }, { problemes: 1, rapport: false }, 'dossier fautif');
    await waitFor('la faute soulignée par la vérification JSON de VS Code', () => diagnostics(copy).find(d => d.source !== 'referentiel'), 20_000);
    assertEqual(diagnostics(copy).filter(d => d.source === 'referentiel').map(d => d.message), [], 'pas de second diagnostic de l\'extension');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(file('ailleurs'), { recursive: true });
});

test('un dossier candidat d\'un référentiel absent : problème sur « referentiel »', async () => {
    const document = await vscode.workspace.openTextDocument({
        language: 'json',
        content: '{\n  "referentiel": "INCONNU",\n  "candidat": { "id": "X-1" },\n  "competences": {}\n}\n'
    });
    await vscode.window.showTextDocument(document);
    // Deux certifications dans l'espace de travail et un code inconnu : la commande demande
    // laquelle ; en test, on la donne par l'erreur du serveur (liste de choix), sans dialogue.
    const outcome = await vscode.commands.executeCommand<EvaluationOutcome | undefined>('referentiel.evaluer', { uri: document.uri.toString(), text: document.getText(), code: 'ATELIER' })
        .then(r => r as unknown as { diagnostics: Array<{ code: string; message: string }> });
    assert(outcome && outcome.diagnostics.some(d => d.code === 'referentiel' && d.message.includes('INCONNU')),
        `problème « referentiel » attendu : ${JSON.stringify(outcome)}`);
    await closeUntitled(document);
});

test('exporter en JSON : conforme au schéma, octets identiques à `referentiel export`', async () => {
    await activated();
    const destination = vscode.Uri.file(path.join(os.tmpdir(), `referentiel-e2e-${process.pid}`, 'data-engineer.json'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('referentiel.exporterReferentielJson', {
        uri: file('data-engineer/bc02.ref').toString(),
        destination: destination.toString()
    });
    assert(written, 'la commande n\'a rien écrit');
    assertEqual(written.toString(), destination.toString(), 'fichier écrit');
    const text = readFileSync(destination.fsPath, 'utf8');
    const data = JSON.parse(text) as { code: string; blocs: unknown[] };
    assertEqual(data.code, 'DATA-ENGINEER', 'code exporté');
    const schema = JSON.parse(readFileSync(path.join(EXTENSION_ROOT(), 'schemas', 'referentiel.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert(validate(data), `export non conforme au schéma : ${ajv.errorsText(validate.errors)}`);
    const cli = execFileSync(process.execPath, [path.join(EXTENSION_ROOT(), 'bin', 'referentiel.cjs'), 'export', file('data-engineer').fsPath], {
        encoding: 'utf8', env: { ...process.env, REFERENTIEL_LOCALE: 'fr' }
    });
    assert(cli === text, 'les octets diffèrent de ceux de `referentiel export`');
});

test('exporter en fiche RNCP (XML) et en CASE : octets identiques à `referentiel export --format …`', async () => {
    await activated();
    for (const [command, format, name] of [
        ['referentiel.exporterReferentielRncpXml', 'rncp-xml', 'data-engineer.xml'],
        ['referentiel.exporterReferentielCase', 'case', 'data-engineer.case.json']
    ] as const) {
        const destination = vscode.Uri.file(path.join(os.tmpdir(), `referentiel-e2e-${process.pid}`, name));
        const written = await vscode.commands.executeCommand<vscode.Uri>(command, { uri: file('data-engineer/bc01.ref').toString(), destination: destination.toString() });
        assert(written, `${command} n'a rien écrit`);
        const text = readFileSync(destination.fsPath, 'utf8');
        const cli = execFileSync(process.execPath, [path.join(EXTENSION_ROOT(), 'bin', 'referentiel.cjs'), 'export', file('data-engineer').fsPath, '--format', format], {
            encoding: 'utf8', env: { ...process.env, REFERENTIEL_LOCALE: 'fr' }
        });
        assert(cli === text, `${format} : les octets diffèrent de ceux de \`referentiel export\``);
    }
});

test('exporter en Word et en PDF : octets identiques à `referentiel export --format docx|pdf --out …`', async () => {
    await activated();
    for (const [command, format] of [['referentiel.exporterReferentielWord', 'docx'], ['referentiel.exporterReferentielPdf', 'pdf']] as const) {
        const folder = path.join(os.tmpdir(), `referentiel-e2e-${process.pid}`);
        const destination = vscode.Uri.file(path.join(folder, `data-engineer.${format}`));
        const written = await vscode.commands.executeCommand<vscode.Uri>(command, { uri: file('data-engineer/bc03.ref').toString(), destination: destination.toString() });
        assert(written, `${command} n'a rien écrit`);
        const bytes = readFileSync(destination.fsPath);
        const cliOut = path.join(folder, `cli.${format}`);
        execFileSync(process.execPath, [path.join(EXTENSION_ROOT(), 'bin', 'referentiel.cjs'), 'export', file('data-engineer').fsPath, '--format', format, '--out', cliOut], {
            env: { ...process.env, REFERENTIEL_LOCALE: 'fr' }
        });
        assert(bytes.equals(readFileSync(cliOut)), `${format} : les octets diffèrent de ceux de \`referentiel export\``);
        // Un .docx est une archive zip (PK), un PDF commence par %PDF.
        assert(bytes.subarray(0, 4).toString('latin1') === (format === 'docx' ? 'PK\u0003\u0004' : '%PDF'), `${format} : en-tête du fichier`);
    }
});

test('l\'aperçu du document publié s\'ouvre à côté et suit la frappe', async () => {
    const extension = await activated();
    const api = extension.exports as { onDidUpdatePreview: vscode.Event<{ code: string; html: string }> };
    const editor = await open('data-engineer/bc01.ref');
    const outcome = await vscode.commands.executeCommand<{ code: string; html: string }>('referentiel.afficherApercuDocument', { uri: editor.document.uri.toString() });
    assert(outcome, 'la commande n\'a rien rendu');
    assertEqual(outcome.code, 'DATA-ENGINEER', 'référentiel de l\'aperçu');
    assert(outcome.html.includes('<h3 id="bloc-1">Bloc 1 : Conduire et réaliser'), 'le tableau du bloc 1 est dans l\'aperçu');
    const label = englishEditor() ? 'Preview — DATA-ENGINEER' : 'Aperçu — DATA-ENGINEER';
    await waitFor('onglet de l\'aperçu', () => webviewTabs().find(t => t.label === label));
    // Une frappe dans le .ref (sans l'enregistrer) : l'aperçu se met à jour de lui-même.
    let seen: { code: string; html: string } | undefined;
    const listener = api.onDidUpdatePreview(update => {
        if (update.html.includes('Analyser finement les besoins')) seen = update;
    });
    await replace(editor.document, 'Analyser les besoins en intégrant', 'Analyser finement les besoins en intégrant');
    try {
        const update = await waitFor('aperçu mis à jour', () => seen, 20_000);
        assert(update.html.includes('C1.1 Analyser finement les besoins en intégrant'), 'la compétence modifiée est dans l\'aperçu');
    } finally {
        listener.dispose();
        await replace(editor.document, 'Analyser finement les besoins en intégrant', 'Analyser les besoins en intégrant');
    }
});

test('la matrice de couverture s\'ouvre dans une vue', async () => {
    await activated();
    const code = await vscode.commands.executeCommand<string>('referentiel.afficherMatriceCouverture', { uri: file('atelier/atelier.ref').toString() });
    assertEqual(code, 'ATELIER', 'référentiel de la matrice');
    const label = englishEditor() ? 'Coverage — ATELIER' : 'Couverture — ATELIER';
    await waitFor('onglet de la matrice', () => webviewTabs().find(t => t.label === label));
    const matrix = await vscode.commands.executeCommand<{ lignes: Array<{ code: string; evaluee: boolean; cellules: Array<{ modalite: string }> }> }>(
        'referentiel.matriceCouverture', { uri: file('atelier/atelier.ref').toString() });
    const c11 = matrix.lignes.find(l => l.code === 'C1.1');
    assertEqual(c11?.cellules.map(c => c.modalite), ['M2.1'], 'C1.1 est évaluée par M2.1 (un autre fichier)');
});

test('les lentilles « références » ouvrent le panneau de VS Code (arguments convertis)', async () => {
    const editor = await open('atelier/bloc1.ref');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 100);
    const references = (lenses ?? []).filter(l => l.command?.command === 'editor.action.showReferences');
    if (references.length === 0) {
        // Le serveur ne propose pas (encore) de lentilles : rien à convertir.
        return;
    }
    for (const lens of references) {
        const [uri, position, locations] = lens.command!.arguments ?? [];
        assert(uri instanceof vscode.Uri, `1er argument : Uri attendu, obtenu ${JSON.stringify(uri)}`);
        assert(position instanceof vscode.Position, '2e argument : Position attendue');
        assert(Array.isArray(locations) && locations.every(l => l instanceof vscode.Location), '3e argument : Location[] attendu');
    }
    const first = references[0].command!;
    await vscode.commands.executeCommand(first.command, ...(first.arguments ?? []));
});

test('le réglage referentiel.langue : « en » passe le serveur et les vues en anglais, « auto » ramène celle de VS Code', async () => {
    const configuration = vscode.workspace.getConfiguration('referentiel');
    const editor = await open('atelier/bloc1.ref');
    const uri = editor.document.uri;
    const messageOf = async (language: RegExp): Promise<string> => {
        await replace(editor.document, 'issue de A1-1\n    compétence C1.2', 'issue de A9-9\n    compétence C1.2');
        try {
            const found = await waitFor(`diagnostic A9-9 (${language})`, () =>
                diagnostics(uri).find(d => d.message.includes('A9-9') && language.test(d.message)), 20_000);
            return found.message;
        } finally {
            await replace(editor.document, 'issue de A9-9', 'issue de A1-1');
        }
    };
    try {
        await configuration.update('langue', 'en', vscode.ConfigurationTarget.Workspace);
        const english = await messageOf(/does not exist|not declared|unknown/i);
        assert(/A9-9/.test(english), english);
        const code = await vscode.commands.executeCommand<string>('referentiel.afficherMatriceCouverture', { uri: file('atelier/atelier.ref').toString() });
        assertEqual(code, 'ATELIER', 'matrice');
        await waitFor('onglet de la matrice en anglais', () => webviewTabs().find(t => t.label === 'Coverage — ATELIER'));
    } finally {
        // Retour au réglage par défaut (auto : la langue de VS Code, ici le français).
        await configuration.update('langue', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const back = await messageOf(englishEditor() ? /does not exist/ : /n'existe pas/);
    assert(/A9-9/.test(back), back);
    await editor.document.save();
}, 60_000);

test('documents du jury : les commandes de la palette écrivent le procès-verbal et les certificats de bloc', async () => {
    const extension = await activated();
    type Localized = string | { value: string };
    const text = (t: Localized): string => typeof t === 'string' ? t : t.value;
    const contributed = (extension.packageJSON as { contributes: { commands: Array<{ command: string; title: Localized }> } }).contributes.commands;
    const titles = Object.fromEntries(contributed.map(c => [c.command, text(c.title)]));
    assertEqual([titles['referentiel.produireProcesVerbal'], titles['referentiel.produireCertificatsDeBloc']],
        englishEditor() ? ['Write the minutes of the jury', 'Write the bloc certificates'] : ['Produire le procès-verbal du jury', 'Produire les certificats de bloc'],
        'titres des commandes du jury');
    const registered = await vscode.commands.getCommands(true);
    assert(registered.includes('referentiel.produireProcesVerbal') && registered.includes('referentiel.produireCertificatsDeBloc'), 'commandes du jury enregistrées');

    const dossier = path.join(os.tmpdir(), `referentiel-jury-${process.pid}`);
    const pv = vscode.Uri.file(path.join(dossier, 'pv.html'));
    const resultPv = await vscode.commands.executeCommand<{ fichiers: string[]; resume?: { candidats: number } } | undefined>('referentiel.produireProcesVerbal', {
        uri: file('data-engineer/candidats/cohorte-session-2026.csv').toString(), sortie: pv.toString(), session: 'Session de juin 2026', jury: ['Marie Curie'], date: '2026-06-30'
    });
    assert(resultPv, 'la commande du procès-verbal n\'a rien rendu');
    assertEqual(resultPv.fichiers, [pv.toString()], 'procès-verbal écrit');
    const html = readFileSync(pv.fsPath, 'utf8');
    assert(html.includes('Session de juin 2026') && html.includes('<li>Marie Curie</li>'), 'session et jury dans le procès-verbal');

    const certificats = vscode.Uri.file(path.join(dossier, 'certificats'));
    const resultCertificats = await vscode.commands.executeCommand<{ fichiers: string[] } | undefined>('referentiel.produireCertificatsDeBloc', {
        uri: file('data-engineer/candidats/02-bloc-non-valide.candidat.json').toString(), sortie: certificats.toString(), type: 'pdf', date: '2026-06-30'
    });
    assert(resultCertificats, 'la commande des certificats n\'a rien rendu');
    assertEqual(resultCertificats.fichiers.length, 4, 'un certificat par bloc validé');
    assert(readFileSync(vscode.Uri.parse(resultCertificats.fichiers[0]).fsPath).subarray(0, 5).toString('latin1') === '%PDF-', 'certificat en PDF');
    rmSync(dossier, { recursive: true, force: true });
});

test('évaluer une cohorte : progression dans la barre d\'état, puis le bilan', async () => {
    await activated();
    const outcome = await vscode.commands.executeCommand<EvaluationOutcome>('referentiel.evaluerDossierCandidat', file('data-engineer/candidats/cohorte-session-2026.csv'));
    assert(outcome, 'la commande n\'a rien rendu');
    assertEqual({ problemes: outcome.problemes, candidats: outcome.decisions.length, rapport: outcome.rapport }, { problemes: 0, candidats: 8, rapport: true }, 'cohorte évaluée');
});
