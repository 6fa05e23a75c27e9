/**
 * Les commandes du serveur (`workspace/executeCommand`) que l'extension VS Code appelle :
 * elle n'a aucune logique métier, elle affiche ce que ces commandes rendent.
 *
 * - `referentiel.evaluer` {uri, text?, code?} : évalue un dossier candidat (JSON) ou une cohorte
 *   (CSV, XLSX) ; rend le rapport HTML de `referentiel evaluate --format html`, les résultats, et
 *   les problèmes de l'entrée sous forme de diagnostics (alors sans rapport) ;
 * - `referentiel.exporter` {uri, format} : les octets de `referentiel export --format
 *   json|rncp-xml|case|docx|pdf|html` (`json` si le format est absent ; en base64 pour docx et pdf) ;
 * - `referentiel.matriceCouverture` {uri} : qui évalue quoi (compétences × modalités, critères) ;
 * - `referentiel.referentiels` : les référentiels de l'espace de travail (listes de choix) ;
 * - `referentiel.importerWord` {fichier, dossier, remplacer?} : `referentiel import docx` (les
 *   fichiers qui existent déjà reviennent dans `data.existants` ; rien n'est écrit) ;
 * - `referentiel.creerReferentiel` {dossier, code, titre, blocs, remplacer?} : `referentiel new`
 *   (l'en-tête et un fichier par bloc, prêts à remplir ; mêmes règles pour les fichiers existants).
 * - `referentiel.documentsJury` {uri, document, sortie, type?, session?, jury?, date?, code?} : le
 *   procès-verbal ou les certificats de bloc de `referentiel evaluate --format pv|certificats`.
 *
 * Le contrat (identifiants, arguments, résultats) est dans `protocol/commands.ts`, partagé avec
 * l'extension ; le travail (charger, compter les erreurs, choisir la certification, évaluer,
 * exporter) est fait par `core/`. Ce module fait le lien : il traduit en types du protocole.
 * Une erreur revient comme ResponseError au message en français (anglais selon la locale),
 * jamais comme une pile.
 */
import * as path from 'node:path';
import { AstUtils, DocumentState, GrammarUtils, isOperationCancelled, OperationCancelled, URI, type AstNode, type LangiumDocument } from 'langium';
import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor } from 'langium/lsp';
import type { LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Range } from 'vscode-languageserver-types';
import { UsageError } from '../core/errors.js';
import { EXPORT_EXTENSIONS, EXPORT_FORMATS, exportOutput, isExportFormat } from '../core/export.js';
import { ExistingFilesError, importDocx } from '../core/import-docx.js';
import { createNewReferentiel } from '../core/new-referentiel.js';
import { chooseCertification, countErrors } from '../core/referentiel.js';
import { decodeUtf8 } from '../core/workspace.js';
import { checkWorkspaceFile, readCapped } from '../core/workspace-files.js';
import type { EvaluationResult, InputProblem } from '../evaluation/types.js';
import { getLocale } from '../i18n/locale.js';
import { msg, registerMessages } from '../i18n/messages.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import {
    isCohortFile, SERVER_COMMANDS, type CommandErrorData, type CoverageMatrix, type CoverageRow, type EvaluateResult,
    type CreateReferentielResult, type EvaluationDiagnostic, type ExportResult, type ImportWordResult, type JuryDocumentsResult, type ReferentielInfo, type SourceLocation
} from '../protocol/commands.js';
import type { ReferentielServices } from '../referentiel-module.js';
import type { Competence, Critere, Modalite } from '../generated/ast.js';

registerMessages({
    'command.badArguments': {
        fr: 'La commande {command} attend un argument {expected}.',
        en: 'Command {command} expects an argument {expected}.'
    },
    'command.noReferentiel': {
        fr: 'Aucun référentiel dans l\'espace de travail : ouvrez le dossier qui contient les fichiers .ref (un référentiel commence par « certification CODE "…" »).',
        en: 'No référentiel in the workspace: open the folder that holds the .ref files (a référentiel starts with "certification CODE "…"").'
    },
    'command.unknownReferentiel': {
        fr: 'Le référentiel « {code} » n\'est pas dans l\'espace de travail (référentiels présents : {codes}).',
        en: 'Référentiel "{code}" is not in the workspace (référentiels present: {codes}).'
    },
    'command.severalReferentiels': {
        fr: 'Plusieurs certifications dans l\'espace de travail ({codes}) : choisissez celle du candidat.',
        en: 'Several certifications in the workspace ({codes}): choose the candidate\'s one.'
    },
    'command.notInReferentiel': {
        fr: 'Le fichier {file} n\'appartient à aucun référentiel : sa première ligne doit être « certification CODE "…" », « socle CODE "…" » ou « référentiel CODE ».',
        en: 'File {file} belongs to no référentiel: its first line must be "certification CODE "…"", "socle CODE "…"" or "référentiel CODE".'
    },
    'command.notCertification': {
        fr: '« {code} » est un socle : on évalue un candidat sur une certification.',
        en: '"{code}" is a socle: a candidate is evaluated against a certification.'
    },
    'command.referentielErrors': {
        fr: 'Le référentiel {code} a {count} {count#erreur|erreurs} : corrigez-{count#la|les} d\'abord (vue Problèmes), puis recommencez.',
        en: 'Référentiel {code} has {count} {count#error|errors}: fix {count#it|them} first (Problems view), then try again.'
    },
    'command.badFormat': {
        fr: 'Format d\'export inconnu « {value} » : {allowed}.',
        en: 'Unknown export format "{value}": {allowed}.'
    },
    'command.internal': {
        fr: 'Erreur interne du serveur Référentiel pendant {command} : {reason}. Le détail est dans la sortie « Référentiel ».',
        en: 'Internal error of the Référentiel server during {command}: {reason}. Details are in the "Référentiel" output.'
    }
});

/** Erreur de la commande, montrée telle quelle à l'utilisateur. `data.choix` : référentiels à proposer. */
function failure(message: string, data?: CommandErrorData): ResponseError<CommandErrorData | undefined> {
    return new ResponseError(ErrorCodes.InvalidParams, message, data);
}

function uriArgument(command: string, args: unknown[]): { uri: URI; raw: Record<string, unknown> } {
    const raw = (args[0] ?? {}) as Record<string, unknown>;
    const value = typeof raw === 'string' ? raw : raw.uri;
    if (typeof value !== 'string' || value.length === 0) {
        throw failure(msg('command.badArguments', { command, expected: '{ uri }' }));
    }
    return { uri: URI.parse(value), raw: typeof raw === 'string' ? {} : raw };
}

/** Une date AAAA-MM-JJ qui existe. */
function isIsoDay(value: string): boolean {
    const date = new Date(`${value}T00:00:00Z`);
    return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function rangeOf(node: AstNode, property?: string): Range {
    const cst = (property ? GrammarUtils.findNodeForProperty(node.$cstNode, property) : undefined) ?? node.$cstNode;
    return cst?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function where(node: AstNode, property = 'name'): SourceLocation {
    return { uri: AstUtils.getDocument(node).uri.toString(), range: rangeOf(node, property) };
}

/** Un InputProblem (lignes et colonnes à partir de 1) en diagnostic LSP (à partir de 0). */
export function problemToDiagnostic(problem: InputProblem): EvaluationDiagnostic {
    const line = Math.max(0, problem.line - 1);
    const character = Math.max(0, problem.column - 1);
    const endLine = problem.endLine !== undefined ? Math.max(0, problem.endLine - 1) : line;
    const endCharacter = problem.endColumn !== undefined ? Math.max(0, problem.endColumn - 1) : character;
    const end = endLine > line || (endLine === line && endCharacter > character)
        ? { line: endLine, character: endCharacter }
        : { line, character };
    return { range: { start: { line, character }, end }, message: problem.message, severity: 1, code: problem.kind };
}

export class ReferentielCommandHandler extends AbstractExecuteCommandHandler {
    constructor(private readonly shared: LangiumSharedServices) {
        super();
    }

    registerCommands(accept: ExecuteCommandAcceptor): void {
        const guarded = (name: string, run: (args: unknown[], token: CancellationToken) => Promise<unknown>): void => {
            accept(name, async (args, token) => {
                try {
                    return await run(args ?? [], token);
                } catch (error) {
                    if (error instanceof ResponseError || isOperationCancelled(error)) throw error;
                    const reason = error instanceof Error ? error.message : String(error);
                    this.shared.lsp.Connection?.console.error(`${name}: ${error instanceof Error ? error.stack ?? reason : reason}`);
                    throw new ResponseError(ErrorCodes.InternalError, msg('command.internal', { command: name, reason }));
                }
            });
        };
        guarded(SERVER_COMMANDS.evaluate, (args, token) => this.evaluate(args, token));
        guarded(SERVER_COMMANDS.export, (args, token) => this.export(args, token));
        guarded(SERVER_COMMANDS.coverageMatrix, (args, token) => this.coverageMatrix(args, token));
        guarded(SERVER_COMMANDS.referentiels, (_args, token) => this.referentiels(token));
        guarded(SERVER_COMMANDS.importWord, args => this.importWord(args));
        guarded(SERVER_COMMANDS.createReferentiel, args => this.createReferentiel(args));
        guarded(SERVER_COMMANDS.juryDocuments, (args, token) => this.juryDocuments(args, token));
    }

    /** `referentiel.creerReferentiel` {dossier, code, titre, blocs, remplacer?} : `referentiel new`, fait par core/. */
    async createReferentiel(args: unknown[]): Promise<CreateReferentielResult> {
        const raw = (args[0] ?? {}) as Record<string, unknown>;
        if (typeof raw.dossier !== 'string' || !raw.dossier || typeof raw.code !== 'string' || typeof raw.titre !== 'string' || typeof raw.blocs !== 'number') {
            throw failure(msg('command.badArguments', { command: SERVER_COMMANDS.createReferentiel, expected: '{ dossier, code, titre, blocs, remplacer? }' }));
        }
        try {
            const { code, files } = await createNewReferentiel({
                out: URI.parse(raw.dossier).fsPath, code: raw.code, titre: raw.titre, blocs: raw.blocs, force: raw.remplacer === true
            });
            return { code, fichiers: files.map(f => URI.file(f).toString()) };
        } catch (error) {
            if (error instanceof ExistingFilesError) throw failure(error.message, { existants: [...error.files] });
            if (error instanceof UsageError) throw failure(error.message);
            throw error;
        }
    }

    /** `referentiel.importerWord` {fichier, dossier, remplacer?} : `referentiel import docx`, fait par core/. */
    async importWord(args: unknown[]): Promise<ImportWordResult> {
        const raw = (args[0] ?? {}) as Record<string, unknown>;
        if (typeof raw.fichier !== 'string' || !raw.fichier || typeof raw.dossier !== 'string' || !raw.dossier) {
            throw failure(msg('command.badArguments', { command: SERVER_COMMANDS.importWord, expected: '{ fichier, dossier, remplacer? }' }));
        }
        const file = URI.parse(raw.fichier).fsPath;
        const out = URI.parse(raw.dossier).fsPath;
        try {
            const { code, files, stats } = await importDocx({ file, out, force: raw.remplacer === true });
            return { code, fichiers: files.map(f => URI.file(f).toString()), ...stats };
        } catch (error) {
            if (error instanceof ExistingFilesError) throw failure(error.message, { existants: [...error.files] });
            if (error instanceof UsageError) throw failure(error.message);
            throw error;
        }
    }

    private get services(): ReferentielServices {
        return this.shared.ServiceRegistry.getServices(URI.parse('file:///x.ref')) as ReferentielServices;
    }

    /**
     * Attend que l'espace de travail soit chargé et lié. (La construction initiale de Langium ne
     * valide pas les fichiers qui ne sont pas ouverts : voir `validated`.)
     */
    private async ready(token: CancellationToken): Promise<void> {
        await this.shared.workspace.WorkspaceManager.ready;
        await this.shared.workspace.DocumentBuilder.waitUntil(DocumentState.IndexedReferences, token);
    }

    /**
     * Le modèle d'un référentiel dont tous les fichiers (et ceux de ses socles) sont vérifiés :
     * ceux qui ne l'ont pas encore été le sont ici, sous le verrou de lecture de l'espace de travail
     * (une modification en cours n'est ni interrompue ni mêlée), et leurs diagnostics sont publiés.
     */
    private async validated(model: ReferentielModel, token: CancellationToken): Promise<ReferentielModel> {
        const pending = [...model.documents, ...model.socles.flatMap(s => s.documents)].filter(d => d.state < DocumentState.Validated);
        if (pending.length === 0) return model;
        await this.shared.workspace.WorkspaceLock.read(() => this.shared.workspace.DocumentBuilder.build(pending, { validation: true }, token));
        return this.services.referentiel.Models.forCode(model.key);
    }

    /** Le document .ref désigné (chargé depuis le disque s'il n'est pas dans l'espace de travail). */
    private async refDocument(uri: URI, token: CancellationToken): Promise<LangiumDocument> {
        const documents = this.shared.workspace.LangiumDocuments;
        let document = documents.getDocument(uri);
        if (!document) {
            const text = await this.readDiskText(uri);
            document = documents.getDocument(uri) ?? this.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
            if (!documents.hasDocument(uri)) documents.addDocument(document);
            await this.shared.workspace.WorkspaceLock.read(() => this.shared.workspace.DocumentBuilder.build([document!], { validation: true }, token));
        }
        await this.shared.workspace.DocumentBuilder.waitUntil(DocumentState.IndexedReferences, uri, token);
        return document;
    }

    /**
     * Le chemin réel d'un fichier que le client demande de lire sur le disque : un fichier
     * ordinaire des dossiers de l'espace de travail, d'au plus 50 Mo ; sinon une erreur qui nomme
     * le fichier (jamais son contenu).
     */
    private async diskFile(uri: URI): Promise<string> {
        const folders = (this.shared.workspace.WorkspaceManager.workspaceFolders ?? []).map(f => URI.parse(f.uri).fsPath);
        try {
            if (uri.scheme !== 'file') throw new UsageError(msg('file.outsideWorkspace', { path: uri.toString() }));
            return await checkWorkspaceFile(uri.fsPath, folders);
        } catch (error) {
            throw failure(error instanceof UsageError ? error.message : String(error));
        }
    }

    /** Le texte d'un fichier du disque désigné par le client (vérifié par `diskFile`), en UTF-8 strict. */
    private async readDiskText(uri: URI): Promise<string> {
        const real = await this.diskFile(uri);
        try {
            return decodeUtf8(await readCapped(real, uri.fsPath), uri.fsPath);
        } catch (error) {
            throw failure(error instanceof UsageError ? error.message : String(error));
        }
    }

    private modelOfDocument(document: LangiumDocument): ReferentielModel {
        const model = this.services.referentiel.Models.forDocument(document);
        if (!model || (!model.certification && !model.socle)) {
            throw failure(msg('command.notInReferentiel', { file: document.uri.fsPath }));
        }
        return model;
    }

    private allModels(): ReferentielModel[] {
        const models = this.services.referentiel.Models;
        return models.ownerKeys()
            .map(key => models.forCode(key))
            .filter(m => m.certification || m.socle)
            .sort((a, b) => a.code.localeCompare(b.code));
    }

    private async checkErrors(model: ReferentielModel, token: CancellationToken): Promise<ReferentielModel> {
        model = await this.validated(model, token);
        const count = countErrors(model);
        if (count > 0) {
            throw failure(msg('command.referentielErrors', { code: model.code, count }));
        }
        return model;
    }

    async referentiels(token: CancellationToken): Promise<ReferentielInfo[]> {
        await this.ready(token);
        return this.allModels().map(m => {
            const header = (m.certification ?? m.socle)!;
            return { code: m.code, titre: header.titre, type: m.certification ? 'certification' : 'socle', ...where(header) };
        });
    }

    /** `referentiel.exporter` {uri, format} : les octets de `referentiel export --format <format>`. */
    async export(args: unknown[], token: CancellationToken): Promise<ExportResult> {
        const { uri, raw } = uriArgument(SERVER_COMMANDS.export, args);
        const format = raw.format === undefined ? 'json' : raw.format;
        if (!isExportFormat(format)) {
            throw new ResponseError(ErrorCodes.InvalidParams, msg('command.badFormat', { value: String(format), allowed: EXPORT_FORMATS.join(', ') }));
        }
        await this.ready(token);
        const model = await this.checkErrors(this.modelOfDocument(await this.refDocument(uri, token)), token);
        const output = await exportOutput(model, format);
        const base = { code: model.code, format, extension: EXPORT_EXTENSIONS[format] };
        return typeof output === 'string' ? { ...base, texte: output } : { ...base, base64: Buffer.from(output).toString('base64') };
    }

    async coverageMatrix(args: unknown[], token: CancellationToken): Promise<CoverageMatrix> {
        const { uri } = uriArgument(SERVER_COMMANDS.coverageMatrix, args);
        await this.ready(token);
        const model = this.modelOfDocument(await this.refDocument(uri, token));
        const blocName = (node: AstNode): string | null =>
            AstUtils.getContainerOfType(node, (n): n is AstNode & { name: string } => n.$type === 'Bloc')?.name ?? null;
        const criteresOf = (modalite: Modalite, competence: Competence) => modalite.criteres
            .filter((c: Critere) => c.competences.some(r => r.ref === competence))
            .map((c: Critere) => ({ code: c.name, texte: c.texte, eliminatoire: c.eliminatoire, ...where(c) }));
        const ligne = (competence: Competence, socle?: string): CoverageRow => {
            const modalites = model.modalitesOf.get(competence) ?? [];
            const cellules = model.modalites.filter(m => modalites.includes(m)).map(m => {
                const index = m.competences.findIndex(r => r.ref === competence);
                const refNode = index >= 0 ? m.competences[index].$refNode : undefined;
                return {
                    modalite: m.name,
                    uri: AstUtils.getDocument(m).uri.toString(),
                    range: refNode?.range ?? rangeOf(m, 'name'),
                    criteres: criteresOf(m, competence)
                };
            });
            return {
                code: competence.name,
                texte: competence.texte,
                bloc: model.blocOf.get(competence)?.name ?? null,
                ...(socle ? { socle } : {}),
                ...where(competence),
                cellules,
                evaluee: cellules.length > 0
            };
        };
        return {
            code: model.code,
            titre: model.certification?.titre ?? model.socle?.titre ?? '',
            modalites: model.modalites.map(m => ({ code: m.name, titre: m.titre, bloc: blocName(m), ...where(m) })),
            blocs: model.blocs.map(b => ({ code: b.name, titre: b.titre, ...where(b) })),
            lignes: [
                ...model.competences.map(c => ligne(c)),
                ...model.socles.flatMap(s => s.competences
                    .filter(c => model.blocOf.has(c) || model.modalitesOf.has(c))
                    .map(c => ligne(c, s.code)))
            ]
        };
    }

    async evaluate(args: unknown[], token: CancellationToken): Promise<EvaluateResult> {
        const { uri, raw } = uriArgument(SERVER_COMMANDS.evaluate, args);
        const given = typeof raw.text === 'string' ? raw.text : undefined;
        const wanted = typeof raw.code === 'string' && raw.code.trim() !== '' ? raw.code : undefined;
        await this.ready(token);
        // L'évaluation (lecteurs CSV/XLSX/JSON, ajv, rapports) est chargée à la première demande :
        // le démarrage du serveur et `referentiel lint` n'en paient rien (docs/performance.md).
        const [{ announcedReferentiel, evaluateSources }, { InputError }, { EvaluationSession }, { createReportWriter }] = await Promise.all([
            import('../core/evaluate.js'), import('../evaluation/candidates/index.js'),
            import('../evaluation/session.js'), import('../evaluation/reports/index.js')
        ]);
        let file = uri.scheme === 'file' ? uri.fsPath : uri.toString();
        const cohort = isCohortFile(file);

        let text: string | undefined;
        if (cohort) {
            // La cohorte est lue en flux par le cœur : on lui donne le chemin réel vérifié.
            file = await this.diskFile(uri);
        } else {
            text = given ?? await this.readDiskText(uri);
        }
        const announced = text !== undefined ? announcedReferentiel(text) : undefined;
        const model = await this.checkErrors(this.chooseCertification(wanted, announced, cohort ? file : undefined), token);

        const writer = createReportWriter('html');
        let html = writer.begin({
            referentiel: { code: model.code, titre: model.certification?.titre ?? '' },
            dateGeneration: new Date().toISOString().slice(0, 10),
            locale: getLocale()
        });
        const resultats: EvaluationResult[] = [];
        const session = new EvaluationSession();
        const checkCancelled = (): void => {
            if (token.isCancellationRequested) throw OperationCancelled;
        };
        try {
            for await (const { result, index } of evaluateSources(model, [{ file, text }], session, { checkCancelled })) {
                html += writer.candidate(result, index);
                resultats.push(result);
            }
        } catch (error) {
            if (error instanceof InputError) {
                return { referentiel: model.code, diagnostics: error.problems.map(problemToDiagnostic) };
            }
            throw error;
        }
        html += writer.end(session.summary);
        return { referentiel: model.code, html, resultats, resume: session.summary, diagnostics: [] };
    }

    /**
     * `referentiel.documentsJury` : procès-verbal ou certificats de bloc des candidats d'un fichier,
     * écrits par le cœur (core/jury.ts) ; les problèmes de l'entrée reviennent en diagnostics.
     */
    async juryDocuments(args: unknown[], token: CancellationToken): Promise<JuryDocumentsResult> {
        const { uri, raw } = uriArgument(SERVER_COMMANDS.juryDocuments, args);
        const expected = '{ uri, document: "pv" | "certificats", sortie, type?, session?, jury?, date?, code? }';
        const document = raw.document;
        const type = raw.type ?? 'html';
        if ((document !== 'pv' && document !== 'certificats') || typeof raw.sortie !== 'string' || !raw.sortie || (type !== 'html' && type !== 'pdf')
            || (raw.date !== undefined && (typeof raw.date !== 'string' || !isIsoDay(raw.date)))
            || (raw.jury !== undefined && (!Array.isArray(raw.jury) || raw.jury.some(m => typeof m !== 'string')))) {
            throw failure(msg('command.badArguments', { command: SERVER_COMMANDS.juryDocuments, expected }));
        }
        const wanted = typeof raw.code === 'string' && raw.code.trim() !== '' ? raw.code : undefined;
        await this.ready(token);
        const [{ announcedReferentiel }, { produceJuryDocuments }, { InputError }] = await Promise.all([
            import('../core/evaluate.js'), import('../core/jury.js'), import('../evaluation/candidates/index.js')
        ]);
        const cohort = isCohortFile(uri.fsPath);
        const file = await this.diskFile(uri);
        const text = cohort ? undefined : await this.readDiskText(uri);
        const model = await this.checkErrors(this.chooseCertification(wanted, text !== undefined ? announcedReferentiel(text) : undefined, cohort ? file : undefined), token);
        try {
            const output = await produceJuryDocuments(model, [{ file, text }], document, URI.parse(raw.sortie).fsPath, {
                date: (raw.date as string | undefined) ?? new Date().toISOString().slice(0, 10),
                evaluationDate: raw.date as string | undefined,
                session: typeof raw.session === 'string' ? raw.session : undefined,
                members: raw.jury as string[] | undefined,
                type, locale: getLocale(),
                checkCancelled: () => { if (token.isCancellationRequested) throw OperationCancelled; }
            });
            return { referentiel: model.code, fichiers: output.files.map(f => URI.file(path.resolve(f)).toString()), resume: output.summary, diagnostics: [] };
        } catch (error) {
            if (error instanceof InputError) return { referentiel: model.code, fichiers: [], diagnostics: error.problems.map(problemToDiagnostic) };
            throw error;
        }
    }

    /**
     * La certification de l'évaluation, choisie par le cœur parmi les référentiels de l'espace de
     * travail : celle demandée (`code`), sinon celle qu'annonce le dossier du candidat si elle est
     * dans l'espace de travail, sinon la seule certification présente. S'il y en a plusieurs,
     * l'erreur porte la liste (`data.choix`) pour que l'éditeur la propose.
     */
    private chooseCertification(wanted: string | undefined, announced: string | undefined, near?: string): ReferentielModel {
        const models = this.allModels();
        const choice = chooseCertification(models, { wanted, announced, near });
        switch (choice.kind) {
            case 'chosen':
                return choice.model;
            case 'unknown':
                throw failure(msg('command.unknownReferentiel', { code: choice.wanted, codes: models.map(m => m.code).join(', ') || '—' }),
                    { choix: choice.certifications.map(m => m.code) });
            case 'socle':
                throw failure(msg('command.notCertification', { code: choice.model.code }));
            case 'none':
                throw failure(msg('command.noReferentiel'));
            case 'several':
                throw failure(msg('command.severalReferentiels', { codes: choice.certifications.map(m => m.code).join(', ') }),
                    { choix: choice.certifications.map(m => m.code) });
        }
    }
}
