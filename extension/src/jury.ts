/**
 * « Produire le procès-verbal du jury » et « Produire les certificats de bloc » : le serveur évalue
 * les candidats d'un fichier (dossier JSON ou cohorte) et écrit les documents
 * (referentiel.documentsJury, comme `referentiel evaluate --format pv|certificats`) ; l'extension
 * demande où les écrire, en HTML ou en PDF balisé, et montre la progression dans la barre d'état.
 */
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { isCohortFile, SERVER_COMMANDS, type JuryDocumentsResult } from '../../language-server/src/protocol/commands.js';
import { choicesOf, errorMessage, type Server } from './server.js';

/** Arguments d'un appel sans dialogue (tests, autres extensions). */
export interface JuryTarget {
    readonly uri?: string | vscode.Uri;
    /** Le fichier (procès-verbal) ou le dossier (certificats) à écrire. */
    readonly sortie?: string | vscode.Uri;
    readonly type?: 'html' | 'pdf';
    readonly session?: string;
    readonly jury?: readonly string[];
    readonly date?: string;
    readonly code?: string;
}

const asUri = (value: string | vscode.Uri): vscode.Uri => (typeof value === 'string' ? vscode.Uri.parse(value) : value);

function isCandidateFile(uri: vscode.Uri): boolean {
    return /\.candidat\.json$/i.test(uri.path) || isCohortFile(uri.path);
}

export async function juryDocumentsCommand(server: Server, document: 'pv' | 'certificats', target?: vscode.Uri | JuryTarget): Promise<JuryDocumentsResult | undefined> {
    const options: JuryTarget = target instanceof vscode.Uri ? { uri: target } : target ?? {};
    let source = options.uri ? asUri(options.uri) : undefined;
    if (!source) {
        const active = vscode.window.activeTextEditor?.document.uri;
        source = active && isCandidateFile(active) ? active : (await vscode.window.showOpenDialog({
            canSelectMany: false,
            openLabel: l10n.t('Choose'),
            title: l10n.t('Choose the candidates: a candidate file (.candidat.json) or a cohort (CSV, TSV, XLSX)'),
            filters: { [l10n.t('Candidate files')]: ['json', 'csv', 'tsv', 'xlsx'] }
        }))?.[0];
    }
    if (!source) return undefined;

    const interactive = options.sortie === undefined;
    let type = options.type;
    let session = options.session;
    let jury = options.jury;
    let sortie = options.sortie ? asUri(options.sortie) : undefined;
    if (interactive) {
        const html = { label: l10n.t('HTML (accessible, printable)'), type: 'html' as const };
        const pdf = { label: l10n.t('Tagged PDF (PDF/UA)'), type: 'pdf' as const };
        const picked = await vscode.window.showQuickPick([html, pdf], { title: l10n.t('Document format') });
        if (!picked) return undefined;
        type = picked.type;
        session = await vscode.window.showInputBox({ title: l10n.t('Name of the jury session'), placeHolder: l10n.t('e.g. June 2026 session (leave empty: the date)') });
        if (session === undefined) return undefined;
        if (document === 'pv') {
            const members = await vscode.window.showInputBox({ title: l10n.t('Members of the jury, separated by ";"'), placeHolder: l10n.t('leave empty: lines to fill in by hand') });
            if (members === undefined) return undefined;
            jury = members.split(';').map(m => m.trim()).filter(m => m.length > 0);
        }
        const folder = vscode.workspace.getWorkspaceFolder(source)?.uri ?? vscode.Uri.file(path.dirname(source.fsPath));
        if (document === 'pv') {
            sortie = await vscode.window.showSaveDialog({
                defaultUri: vscode.Uri.joinPath(folder, `proces-verbal.${type}`),
                filters: { [type.toUpperCase()]: [type] },
                saveLabel: l10n.t('Write'),
                title: l10n.t('Write the minutes of the jury')
            });
        } else {
            sortie = (await vscode.window.showOpenDialog({
                canSelectFiles: false, canSelectFolders: true, canSelectMany: false, defaultUri: folder,
                openLabel: l10n.t('Write here'), title: l10n.t('Folder of the bloc certificates')
            }))?.[0];
        }
        if (!sortie) return undefined;
    }

    const title = document === 'pv' ? l10n.t('Minutes of the jury — {0}', path.basename(source.fsPath)) : l10n.t('Bloc certificates — {0}', path.basename(source.fsPath));
    let result: JuryDocumentsResult;
    try {
        result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, () => run(server, document, source!, sortie!, { type, session, jury, date: options.date, code: options.code }, interactive));
    } catch (error) {
        void vscode.window.showErrorMessage(errorMessage(error));
        return undefined;
    }
    if (result.diagnostics.length > 0) {
        void vscode.window.showErrorMessage(l10n.t('{0}: {1} problem(s) in the candidate file, nothing was written. {2}', path.basename(source.fsPath), result.diagnostics.length, result.diagnostics[0].message));
        return result;
    }
    const open = l10n.t('Open');
    const message = document === 'pv'
        ? l10n.t('Minutes of the jury written to {0} ({1} candidates).', vscode.workspace.asRelativePath(sortie!), result.resume?.candidats ?? 0)
        : l10n.t('{0} bloc certificates written to {1} ({2} candidates).', result.fichiers.length, vscode.workspace.asRelativePath(sortie!), result.resume?.candidats ?? 0);
    if (interactive) {
        void vscode.window.showInformationMessage(message, open).then(choice => {
            if (choice !== open) return;
            // Le procès-verbal s'ouvre dans l'application du système ; le dossier des certificats, dans l'explorateur du système.
            if (document === 'pv') void vscode.env.openExternal(sortie!);
            else void vscode.commands.executeCommand('revealFileInOS', vscode.Uri.parse(result.fichiers[0] ?? sortie!.toString()));
        });
    }
    return result;
}

async function run(server: Server, document: 'pv' | 'certificats', source: vscode.Uri, sortie: vscode.Uri, options: Omit<JuryTarget, 'uri' | 'sortie'>, interactive: boolean): Promise<JuryDocumentsResult> {
    try {
        return await server.run(SERVER_COMMANDS.juryDocuments, {
            uri: source.toString(), document, sortie: sortie.toString(), type: options.type, session: options.session || undefined,
            jury: options.jury, date: options.date, code: options.code
        });
    } catch (error) {
        const choices = choicesOf(error);
        if (choices && choices.length > 0 && interactive) {
            const code = await vscode.window.showQuickPick(choices, { title: l10n.t('Which certification are these candidates assessed against?'), placeHolder: errorMessage(error) });
            if (code) return run(server, document, source, sortie, { ...options, code }, interactive);
        }
        throw error;
    }
}
