/**
 * Indications en ligne : après chaque code d'une liste « évalue », « vérifie », « issue de » ou
 * « inclut », le titre court de l'élément désigné (40 caractères au plus, points de suspension).
 */
import { AstUtils, Cancellation, interruptAndCheck, type AstNode, type LangiumDocument, type Reference } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import type { InlayHint, InlayHintParams, Position, Range } from 'vscode-languageserver';
import { isBloc, isCompetence, isCritere, isModalite } from '../generated/ast.js';
import { shorten, textOf } from './elements.js';

export const INLAY_MAX = 40;

export class ReferentielInlayHintProvider extends AbstractInlayHintProvider {
    override async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken = Cancellation.CancellationToken.None): Promise<InlayHint[]> {
        const hints: InlayHint[] = [];
        // (Pas de streamAst(…, { range }) : dans Langium 4.4 il saute la propriété qui suit un nœud
        // hors de la plage — ici les éléments après l'en-tête. On filtre les positions soi-même.)
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            await interruptAndCheck(cancelToken);
            this.collect(node, params.range, hint => hints.push(hint));
        }
        return hints;
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        this.collect(node, undefined, acceptor);
    }

    private collect(node: AstNode, range: Range | undefined, acceptor: InlayHintAcceptor): void {
        let references: ReadonlyArray<Reference<AstNode>> | undefined;
        if (isModalite(node) || isCritere(node)) references = node.competences;
        else if (isCompetence(node)) references = node.activites;
        else if (isBloc(node)) references = node.inclusions;
        for (const reference of references ?? []) {
            const target = reference.ref;
            const refNode = reference.$refNode;
            const text = target ? textOf(target) : '';
            if (!refNode || !text || (range && !inRange(refNode.range.end, range))) continue;
            acceptor({
                position: refNode.range.end,
                label: shorten(text, INLAY_MAX),
                paddingLeft: true,
                tooltip: text.length > INLAY_MAX ? text : undefined
            });
        }
    }
}

function inRange(position: Position, range: Range): boolean {
    const after = (a: Position, b: Position): boolean => a.line > b.line || (a.line === b.line && a.character >= b.character);
    return after(position, range.start) && after(range.end, position);
}
