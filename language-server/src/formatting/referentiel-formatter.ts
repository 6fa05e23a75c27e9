import type { LangiumCoreServices, LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams, DocumentRangeFormattingParams, TextEdit
} from 'vscode-languageserver-protocol';
import { computeFormattingEdits, toTextEdits } from './formatter.js';

/**
 * Le formateur de l'éditeur (document entier et sélection). Même mise en forme que
 * `referentiel format` ; un document qui a des erreurs de syntaxe n'est pas modifié.
 * L'indentation est toujours de 4 espaces (la forme est canonique, quelles que soient
 * les options de l'éditeur).
 */
export class ReferentielFormatter implements Formatter {
    constructor(private readonly services: LangiumCoreServices) { }

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        const edits = computeFormattingEdits(this.services, document);
        return edits ? toTextEdits(document, edits) : [];
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const edits = computeFormattingEdits(this.services, document);
        return edits ? toTextEdits(document, edits, params.range) : [];
    }

    formatDocumentOnType(_document: LangiumDocument, _params: DocumentOnTypeFormattingParams): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }
}
