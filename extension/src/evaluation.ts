/**
 * « Évaluer le dossier candidat » : le serveur évalue (referentiel.evaluer) ; l'extension montre
 * le rapport HTML dans une vue et les problèmes du fichier comme diagnostics, tenus à jour tant que
 * le fichier est modifié (ils disparaissent quand il est corrigé).
 */
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { isCohortFile, SERVER_COMMANDS, type EvaluateResult } from '../../language-server/src/protocol/commands.js';
import { choicesOf, errorMessage, type Server } from './server.js';
import { secureDocument } from './webview.js';

const SOURCE = 'referentiel';

export interface EvaluationOutcome {
    /** L'URI évaluée. */
    readonly uri: string;
    readonly referentiel?: string;
    /** Nombre de problèmes de l'entrée (0 : le rapport est affiché). */
    readonly problemes: number;
    readonly decisions: string[];
    /** Le rapport est affiché dans une vue. */
    readonly rapport: boolean;
}

export class EvaluationController implements vscode.Disposable {
    readonly diagnostics = vscode.languages.createDiagnosticCollection('referentiel-candidats');
    private readonly panels = new Map<string, vscode.WebviewPanel>();
    /** Le référentiel choisi pour un fichier (quand il fallait choisir). */
    private readonly chosen = new Map<string, string>();
    private readonly timers = new Map<string, NodeJS.Timeout>();
    private readonly disposables: vscode.Disposable[] = [this.diagnostics];

    constructor(private readonly server: Server, private readonly output: vscode.OutputChannel) {
        this.disposables.push(
            vscode.workspace.onDidChangeTextDocument(e => this.onChange(e.document)),
            vscode.workspace.onDidSaveTextDocument(document => this.onChange(document, 0)),
            vscode.workspace.onDidCloseTextDocument(document => {
                // Un fichier fermé sans vue de rapport : on ne le suit plus (ses problèmes restent affichés).
                const key = document.uri.toString();
                if (!this.panels.has(key)) this.cancel(key);
            })
        );
    }

    /** La commande : `target` vient du menu contextuel de l'explorateur ou du titre de l'éditeur. */
    async command(target?: vscode.Uri | { uri?: string | vscode.Uri }): Promise<EvaluationOutcome | undefined> {
        let uri = target instanceof vscode.Uri ? target
            : target?.uri ? (typeof target.uri === 'string' ? vscode.Uri.parse(target.uri) : target.uri)
                : undefined;
        if (!uri) {
            const active = vscode.window.activeTextEditor?.document;
            if (active && isCandidateFile(active.uri)) {
                uri = active.uri;
            } else {
                const picked = await vscode.window.showOpenDialog({
                    canSelectMany: false,
                    openLabel: l10n.t('Evaluate'),
                    title: l10n.t('Choose a candidate file (.candidat.json) or a cohort (CSV, XLSX)'),
                    filters: { [l10n.t('Candidate files')]: ['json', 'csv', 'tsv', 'xlsx'] }
                });
                uri = picked?.[0];
            }
        }
        if (!uri) return undefined;
        if (!isCohortFile(uri.fsPath)) {
            return vscode.window.withProgress(
                { location: vscode.ProgressLocation.Notification, title: l10n.t('Evaluating {0}…', path.basename(uri.fsPath)) },
                () => this.evaluate(uri!, { interactive: true, showReport: true })
            );
        }
        // Une cohorte : la progression dans la barre d'état (on peut continuer à travailler), puis le bilan.
        const outcome = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: l10n.t('Evaluating {0}…', path.basename(uri.fsPath)) },
            () => this.evaluate(uri!, { interactive: true, showReport: true })
        );
        if (outcome && outcome.problemes === 0) {
            const count = (decision: string): number => outcome.decisions.filter(d => d === decision).length;
            void vscode.window.showInformationMessage(l10n.t('{0}: {1} candidates evaluated: {2} obtained, {3} not obtained, {4} incomplete.',
                path.basename(uri.fsPath), outcome.decisions.length, count('obtenue'), count('non obtenue'), count('incomplète')));
        }
        return outcome;
    }

    private async evaluate(uri: vscode.Uri, options: { interactive: boolean; showReport: boolean }): Promise<EvaluationOutcome | undefined> {
        const key = uri.toString();
        const document = vscode.workspace.textDocuments.find(d => d.uri.toString() === key);
        const text = document && !isCohortFile(uri.fsPath) ? document.getText() : undefined;
        let result: EvaluateResult;
        try {
            result = await this.server.run(SERVER_COMMANDS.evaluate, { uri: key, text, code: this.chosen.get(key) });
        } catch (error) {
            const choices = choicesOf(error);
            if (choices && choices.length > 0 && options.interactive) {
                const code = await vscode.window.showQuickPick(choices, {
                    title: l10n.t('Which certification is this candidate assessed against?'),
                    placeHolder: errorMessage(error)
                });
                if (!code) return undefined;
                this.chosen.set(key, code);
                return this.evaluate(uri, options);
            }
            if (options.interactive) {
                void vscode.window.showErrorMessage(errorMessage(error));
            } else {
                this.output.appendLine(errorMessage(error));
            }
            return undefined;
        }

        // Dans un dossier *.candidat.json, VS Code montre déjà les fautes de syntaxe JSON et de
        // schéma (association jsonValidation du manifeste) : elles ne sont pas répétées ici. Elles
        // empêchent quand même l'évaluation, et le message ci-dessous les compte.
        const shownByJson = (code: string): boolean => /\.candidat\.json$/i.test(uri.path) && (code === 'schema' || code === 'syntaxe');
        const problems = result.diagnostics.map(d => {
            const diagnostic = new vscode.Diagnostic(
                new vscode.Range(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character),
                d.message,
                vscode.DiagnosticSeverity.Error
            );
            diagnostic.source = SOURCE;
            diagnostic.code = d.code;
            return diagnostic;
        });
        const shown = problems.filter(d => !shownByJson(String(d.code)));
        if (shown.length > 0) {
            this.diagnostics.set(uri, shown);
        } else {
            this.diagnostics.delete(uri);
        }
        this.watch(key);

        const panel = this.panels.get(key);
        if (result.html && (options.showReport || panel)) {
            this.showReport(uri, result.html, result.referentiel ?? '', options.showReport);
        }
        if (problems.length > 0 && options.interactive) {
            const show = l10n.t('Show problems');
            void vscode.window.showErrorMessage(
                problems.length === 1
                    ? l10n.t('{0}: 1 problem in the candidate file, nothing was evaluated. {1}', path.basename(uri.fsPath), problems[0].message)
                    : l10n.t('{0}: {1} problems in the candidate file, nothing was evaluated. {2}', path.basename(uri.fsPath), problems.length, problems[0].message),
                show
            ).then(choice => {
                if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
            });
        }
        return {
            uri: key,
            referentiel: result.referentiel,
            problemes: problems.length,
            decisions: (result.resultats ?? []).map(r => r.decision),
            rapport: result.html !== undefined && this.panels.has(key)
        };
    }

    private showReport(uri: vscode.Uri, html: string, referentiel: string, reveal: boolean): void {
        const key = uri.toString();
        let panel = this.panels.get(key);
        const title = l10n.t('Report — {0}', path.basename(uri.fsPath));
        if (!panel) {
            panel = vscode.window.createWebviewPanel('referentiel.rapport', title, vscode.ViewColumn.Beside, {
                // Le rapport n'a pas de script et sa politique de sécurité les interdit tous
                // (script-src 'none'). Le cadre les autorise seulement pour que les outils
                // d'accessibilité (et l'audit axe-core des tests) puissent l'inspecter.
                enableScripts: true,
                enableFindWidget: true,
                localResourceRoots: []
            });
            panel.onDidDispose(() => {
                this.panels.delete(key);
                if (!vscode.workspace.textDocuments.some(d => d.uri.toString() === key)) this.cancel(key);
            });
            this.panels.set(key, panel);
        } else if (reveal) {
            panel.reveal(undefined, false);
        }
        panel.title = title;
        panel.webview.html = secureDocument(html, panel.webview);
        this.output.appendLine(l10n.t('Report for {0} (référentiel {1}) shown.', path.basename(uri.fsPath), referentiel));
    }

    private readonly watched = new Set<string>();

    private watch(key: string): void {
        this.watched.add(key);
    }

    private cancel(key: string): void {
        this.watched.delete(key);
        clearTimeout(this.timers.get(key));
        this.timers.delete(key);
    }

    /** Une modification d'un fichier déjà évalué : on réévalue (sans ouvrir de vue) après une courte pause. */
    private onChange(document: vscode.TextDocument, delay = 400): void {
        const key = document.uri.toString();
        if (!this.watched.has(key)) return;
        if (delay > 0 && isCohortFile(document.uri.fsPath)) return; // une cohorte est relue à l'enregistrement
        clearTimeout(this.timers.get(key));
        this.timers.set(key, setTimeout(() => {
            this.timers.delete(key);
            void this.evaluate(document.uri, { interactive: false, showReport: false });
        }, delay));
    }

    dispose(): void {
        for (const timer of this.timers.values()) clearTimeout(timer);
        for (const panel of this.panels.values()) panel.dispose();
        for (const d of this.disposables) d.dispose();
    }
}

/** Un fichier que la commande évalue sans rien demander quand il est ouvert : *.candidat.json ou une cohorte. */
export function isCandidateFile(uri: vscode.Uri): boolean {
    return /\.candidat\.json$/i.test(uri.path) || isCohortFile(uri.path);
}
