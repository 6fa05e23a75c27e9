/**
 * Symboles : le plan d'un fichier (certification › blocs › activités, compétences, modalités ›
 * critères ; obtention › épreuves, mesures, conditions) et la recherche de symboles dans tout
 * l'espace de travail (par code ou par mots du titre, tous référentiels ; le conteneur est le
 * code du référentiel).
 */
import { Cancellation, GrammarUtils, interruptAndCheck, type AstNode, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider, FuzzyMatcher, LangiumSharedServices, WorkspaceSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type SymbolInformation, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import type { Range } from 'vscode-languageserver-types';
import {
    isAppartenance, isCertification, isSocle,
    type Activite, type Bloc, type Competence, type Condition, type Critere, type Document, type Epreuve, type Mesure, type Modalite, type Obtention
} from '../generated/ast.js';
import { formatNumber } from '../i18n/locale.js';
import { msg } from '../i18n/messages.js';
import type { ReferentielIndexManager } from '../workspace/owners.js';
import { ownerCodeOf } from '../workspace/owners.js';
import { shorten, textOf } from './elements.js';
import { clientSupport } from './client-capabilities.js';
import './lsp-messages.js';

export const SYMBOL_KINDS: Record<string, SymbolKind> = {
    Certification: SymbolKind.Module,
    Appartenance: SymbolKind.Module,
    Socle: SymbolKind.Package,
    Bloc: SymbolKind.Namespace,
    Activite: SymbolKind.Event,
    Competence: SymbolKind.Class,
    Modalite: SymbolKind.Function,
    Critere: SymbolKind.EnumMember,
    Obtention: SymbolKind.Object,
    Epreuve: SymbolKind.Variable,
    Mesure: SymbolKind.Variable,
    Fait: SymbolKind.Boolean,
    Condition: SymbolKind.Boolean
};

const EMPTY: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function rangeOf(node: AstNode): Range {
    return node.$cstNode?.range ?? EMPTY;
}

function selectionOf(node: AstNode, property = 'name'): Range {
    return GrammarUtils.findNodeForProperty(node.$cstNode, property)?.range ?? rangeOf(node);
}

function symbol(node: AstNode, name: string, detail: string | undefined, children?: DocumentSymbol[], selection?: Range): DocumentSymbol {
    return {
        name: name || '?',
        detail: detail ? shorten(detail, 80) : undefined,
        kind: SYMBOL_KINDS[node.$type] ?? SymbolKind.Object,
        range: rangeOf(node),
        selectionRange: selection ?? selectionOf(node),
        children: children && children.length > 0 ? children : undefined
    };
}

export class ReferentielDocumentSymbolProvider implements DocumentSymbolProvider {
    constructor(private readonly services?: { shared: LangiumSharedServices }) { }

    getSymbols(document: LangiumDocument, params: DocumentSymbolParams): DocumentSymbol[] {
        const tree = this.getTree(document, params);
        if (!this.services || clientSupport(this.services).hierarchicalSymbols) return tree;
        // Un client sans hierarchicalDocumentSymbolSupport attend une liste plate de
        // SymbolInformation (LSP le permet pour la même requête ; Langium ne type que l'arbre).
        return flatten(tree, document.uri.toString()) as unknown as DocumentSymbol[];
    }

    /** Le plan du fichier, en arbre. */
    getTree(document: LangiumDocument, _params: DocumentSymbolParams): DocumentSymbol[] {
        const root = document.parseResult?.value as Document | undefined;
        if (!root) return [];
        const children = root.elements.map(e => this.element(e)).filter((s): s is DocumentSymbol => s !== undefined);
        const header = root.entete;
        if (!header) return children;
        // L'en-tête contient le reste du fichier (son plan commence par la certification).
        const range = { start: rangeOf(header).start, end: root.$cstNode?.range.end ?? rangeOf(header).end };
        let top: DocumentSymbol;
        if (isCertification(header) || isSocle(header)) {
            top = symbol(header, header.name, header.titre, children);
        } else if (isAppartenance(header)) {
            const code = header.proprietaire?.$refText ?? '';
            top = symbol(header, code, msg('lsp.symbol.partOf', { code }), children, selectionOf(header, 'proprietaire'));
        } else {
            return children;
        }
        return [{ ...top, range: { start: range.start, end: maxPosition(range.end, top.range.end) } }];
    }

    private element(node: AstNode): DocumentSymbol | undefined {
        switch (node.$type) {
            case 'Bloc': {
                const bloc = node as Bloc;
                return symbol(bloc, bloc.name, bloc.titre, [
                    ...bloc.activites.map(a => this.activite(a)),
                    ...bloc.competences.map(c => this.competence(c)),
                    ...bloc.modalites.map(m => this.modalite(m))
                ].sort(byPosition));
            }
            case 'Activite': return this.activite(node as Activite);
            case 'Competence': return this.competence(node as Competence);
            case 'Obtention': return this.obtention(node as Obtention);
        }
        return undefined;
    }

    private activite(node: Activite): DocumentSymbol {
        return symbol(node, node.name, node.texte, node.activites.map(a => this.activite(a)));
    }

    private competence(node: Competence): DocumentSymbol {
        return symbol(node, node.name, node.texte);
    }

    private modalite(node: Modalite): DocumentSymbol {
        return symbol(node, node.name, node.titre, node.criteres.map((c: Critere) => symbol(c, c.name, c.texte)));
    }

    private obtention(node: Obtention): DocumentSymbol {
        const keyword = GrammarUtils.findNodeForKeyword(node.$cstNode, 'obtention')?.range;
        const children = [
            ...node.epreuves.map((e: Epreuve) => symbol(e, e.name, `${e.titre} · ${msg('lsp.symbol.bareme', { scale: formatNumber(e.bareme) })}`)),
            ...node.mesures.map((m: Mesure) => symbol(m, m.name, `${m.titre} · ${msg('lsp.symbol.unite', { unit: m.unite })}`)),
            ...node.conditions.map((c: Condition) => symbol(c, c.name ?? shorten(c.titre ?? msg('lsp.symbol.condition'), 40), c.titre,
                undefined, c.name ? selectionOf(c) : selectionOf(c, 'titre')))
        ].sort(byPosition);
        return symbol(node, msg('lsp.symbol.obtention'), undefined, children, keyword);
    }
}

/** L'arbre des symboles à plat, chacun avec le nom de son parent (`containerName`). */
export function flatten(symbols: readonly DocumentSymbol[], uri: string, containerName?: string): SymbolInformation[] {
    return symbols.flatMap(s => [
        { name: s.name, kind: s.kind, location: { uri, range: s.range }, ...(containerName ? { containerName } : {}) },
        ...flatten(s.children ?? [], uri, s.name)
    ]);
}

function byPosition(a: DocumentSymbol, b: DocumentSymbol): number {
    return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function maxPosition(a: Range['end'], b: Range['end']): Range['end'] {
    return a.line > b.line || (a.line === b.line && a.character >= b.character) ? a : b;
}

/** Sans accents, en minuscules : « Évaluer » et « evaluer » se trouvent. */
export function fold(text: string): string {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export class ReferentielWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    private readonly indexManager: ReferentielIndexManager;
    private readonly fuzzy: FuzzyMatcher;
    private readonly documents: LangiumSharedServices['workspace']['LangiumDocuments'];

    constructor(shared: LangiumSharedServices) {
        this.indexManager = shared.workspace.IndexManager as ReferentielIndexManager;
        this.fuzzy = shared.lsp.FuzzyMatcher;
        this.documents = shared.workspace.LangiumDocuments;
    }

    async getSymbols(params: WorkspaceSymbolParams, cancelToken = Cancellation.CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const query = params.query.trim();
        const words = fold(query).split(/\s+/).filter(Boolean);
        const result: WorkspaceSymbol[] = [];
        const owners = new Map<string, string>();
        for (const description of this.indexManager.allElements()) {
            await interruptAndCheck(cancelToken);
            const node = description.node;
            const title = node ? textOf(node) : '';
            const matches = words.length === 0
                || this.fuzzy.match(query, description.name)
                || words.every(word => fold(title).includes(word) || fold(description.name).includes(word));
            if (!matches || !description.nameSegment) continue;
            const uri = description.documentUri.toString();
            let container = owners.get(uri);
            if (container === undefined) {
                const document = this.documents.getDocument(description.documentUri);
                container = document ? ownerCodeOf(document.parseResult.value as Document) ?? '' : '';
                owners.set(uri, container);
            }
            result.push({
                name: title ? `${description.name} ${shorten(title, 60)}` : description.name,
                kind: SYMBOL_KINDS[description.type] ?? SymbolKind.Object,
                containerName: container || undefined,
                location: { uri, range: description.nameSegment.range }
            });
        }
        return result;
    }
}
