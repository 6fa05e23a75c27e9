/**
 * Plis : certification et socle (avec accolades), blocs, modalités, activités qui en regroupent
 * d'autres, règles d'obtention ; textes sur plusieurs lignes ; commentaires `/* … *\/` et suites
 * de commentaires `//`.
 */
import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRangeKind } from 'vscode-languageserver';
import { isActivite } from '../generated/ast.js';

const FOLDED = new Set(['Certification', 'Socle', 'Bloc', 'Modalite', 'Obtention']);

export class ReferentielFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override shouldProcess(node: AstNode): boolean {
        return FOLDED.has(node.$type) || (isActivite(node) && node.activites.length > 0);
    }

    /** Les commentaires sont pliés plus bas (dès deux lignes, et les suites de « // »). */
    protected override collectCommentFolding(): void {
        // rien ici
    }

    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        super.collectFolding(document, acceptor);
        const root = document.parseResult?.value?.$cstNode;
        if (!root) return;
        let run: { start: number; end: number } | undefined;
        const flush = (): void => {
            if (run && run.end > run.start) acceptor({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
            run = undefined;
        };
        for (const leaf of CstUtils.flattenCst(root)) {
            const type = leaf.tokenType.name;
            if (type === 'SL_COMMENT') {
                const lineNumber = leaf.range.start.line;
                const alone = /^\s*$/.test(document.textDocument.getText({ start: { line: lineNumber, character: 0 }, end: leaf.range.start }));
                if (alone && run && run.end === lineNumber - 1) {
                    run.end = lineNumber;
                } else {
                    flush();
                    if (alone) run = { start: lineNumber, end: lineNumber };
                }
                continue;
            }
            flush();
            if (type === 'ML_COMMENT' && leaf.range.end.line > leaf.range.start.line) {
                acceptor({ startLine: leaf.range.start.line, endLine: leaf.range.end.line, kind: FoldingRangeKind.Comment });
            } else if (type === 'STRING' && leaf.range.end.line > leaf.range.start.line) {
                acceptor({ startLine: leaf.range.start.line, endLine: leaf.range.end.line, kind: FoldingRangeKind.Region });
            }
        }
        flush();
    }
}
