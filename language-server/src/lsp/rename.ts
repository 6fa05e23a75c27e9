/**
 * Renommer un code partout : sa définition et toutes ses références, dans tous les fichiers du
 * référentiel (et des certifications qui utilisent un socle). Un nouveau code invalide, irrégulier
 * (point final, espace) ou déjà pris dans le référentiel est refusé avec un message clair (une
 * ResponseError, que VS Code montre dans la boîte de renommage, sans pile au journal). Le code
 * d'une certification est aussi changé dans le champ `referentiel` des dossiers candidats
 * (`*.candidat.json`) de l'espace de travail qui la nomment (lsp/candidate-files.ts).
 */
import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, LSPErrorCodes, ResponseError, type PrepareRenameParams, type RenameParams } from 'vscode-languageserver';
import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { analyzeCode, canonicalCode } from '../codes.js';
import { isCertification, isSocle } from '../generated/ast.js';
import { msg } from '../i18n/messages.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import type { ReferentielServices } from '../referentiel-module.js';
import { codeAt } from './code-at.js';
import { renameInCandidateFiles } from './candidate-files.js';
import { basename, modelOf } from './elements.js';
import './lsp-messages.js';

export class ReferentielRenameProvider extends DefaultRenameProvider {
    private readonly referentielServices: ReferentielServices;

    constructor(services: ReferentielServices) {
        super(services);
        this.referentielServices = services;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const found = codeAt(this.referentielServices, document, document.textDocument.offsetAt(params.position));
        if (!found) {
            // La requête est valide, le renommage impossible ici : RequestFailed (-32803), avec la raison.
            throw new ResponseError(LSPErrorCodes.RequestFailed, msg('lsp.rename.notACode'));
        }
        const newName = params.newName.trim();
        const problem = this.checkNewName(found.target, newName);
        if (problem) {
            throw new ResponseError(ErrorCodes.InvalidParams, problem);
        }
        const changes: Record<string, TextEdit[]> = {};
        for (const reference of this.references.findReferences(found.target, { includeDeclaration: true })) {
            const uri = reference.sourceUri.toString();
            (changes[uri] ??= []).push({ range: reference.segment.range, newText: newName });
        }
        if (isCertification(found.target)) {
            const shared = this.referentielServices.shared;
            const open = (uri: string): string | undefined => shared.workspace.TextDocuments?.get(uri)?.getText();
            Object.assign(changes, await renameInCandidateFiles(shared, open, found.target.name, newName));
        }
        return { changes };
    }

    /** Le code sous le curseur ; `null` ailleurs (mot-clé, texte, espace) : rien à renommer là. */
    override prepareRename(document: LangiumDocument, params: PrepareRenameParams): Range | undefined {
        const found = codeAt(this.referentielServices, document, document.textDocument.offsetAt(params.position));
        if (!found) return undefined;
        // Le code entier (« A2. 1 » est un seul jeton, même avec son espace).
        return found.cst.range;
    }

    /** Le message d'erreur d'un nouveau code refusé, ou `undefined` s'il est accepté. */
    checkNewName(target: AstNode, newName: string): string | undefined {
        const lexed = this.referentielServices.parser.Lexer.tokenize(newName);
        const tokens = lexed.tokens;
        if (lexed.errors.length > 0 || tokens.length !== 1 || tokens[0].image !== newName || tokens[0].tokenType.name !== 'CODE') {
            if (lexed.errors.length === 0 && tokens.length === 1 && tokens[0].image === newName) {
                return msg('lsp.rename.keyword', { name: newName });
            }
            return msg('lsp.rename.invalid', { name: newName });
        }
        const info = analyzeCode(newName);
        if (info.trailingDot || info.hasSpace) {
            return msg('lsp.rename.irregular', { name: newName, fixed: info.cleaned });
        }
        const key = canonicalCode(newName);
        const services = this.referentielServices;
        if (isCertification(target) || isSocle(target)) {
            const other = services.references.OwnerIndex.declarations().get(key)?.find(d => d.node !== target);
            if (other?.node) {
                return taken(newName, other.node, newName, msg(`kind.${other.node.$type}`));
            }
            return undefined;
        }
        const document = AstUtils.getDocument(target);
        const model = modelOf(services, document);
        if (!model) return undefined;
        // Le référentiel de l'élément, ses socles, et les certifications qui utilisent ce socle.
        const models: ReferentielModel[] = [model, ...model.socles];
        if (model.socle) {
            for (const user of services.references.OwnerIndex.usersOf(model.key)) models.push(services.referentiel.Models.forCode(user));
        }
        for (const m of models) {
            const other = m.byCode.get(key)?.find(e => e !== target);
            if (other) {
                return taken(newName, other, m.code, msg(`kind.${other.$type}`));
            }
        }
        return undefined;
    }
}

function taken(name: string, other: AstNode & { name?: string }, owner: string, kind: string): string {
    const document = AstUtils.getDocument(other);
    const line = (other.$cstNode?.range.start.line ?? 0) + 1;
    return msg('lsp.rename.taken', {
        name, owner, kind, other: other.name ?? name,
        location: msg('location.fileLine', { file: basename(document), line })
    });
}
