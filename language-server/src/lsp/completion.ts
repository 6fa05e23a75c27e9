/**
 * Complétion : les mots-clés (ceux que la grammaire attend à cet endroit), les codes là où une
 * référence est attendue — seulement ceux du référentiel du fichier et de ses socles, avec leur
 * texte — et des modèles (snippets) pour un nouveau bloc, une compétence, une modalité, un critère,
 * avec le prochain code libre (après C1.3, C1.4).
 */
import { AstUtils, GrammarAST, type AstNode, type AstNodeDescription, type MaybePromise, type ReferenceInfo } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { analyzeCode } from '../codes.js';
import { isBloc, isCritere, isModalite, type Bloc, type Competence, type Modalite } from '../generated/ast.js';
import { msg } from '../i18n/messages.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import type { ReferentielServices } from '../referentiel-module.js';
import { md, modelOf, shorten, textOf } from './elements.js';
import { clientSupport, markdownToPlainText } from './client-capabilities.js';
import './lsp-messages.js';
import { nextBlocCode, nextCompetenceCode, nextCritereCode, nextModaliteCode } from './next-code.js';

export const COMPLETION_KINDS: Record<string, CompletionItemKind> = {
    Certification: CompletionItemKind.Module,
    Socle: CompletionItemKind.Module,
    Bloc: CompletionItemKind.Folder,
    Activite: CompletionItemKind.Event,
    Competence: CompletionItemKind.Class,
    Modalite: CompletionItemKind.Function,
    Critere: CompletionItemKind.EnumMember,
    Epreuve: CompletionItemKind.Variable,
    Mesure: CompletionItemKind.Variable,
    Fait: CompletionItemKind.Variable
};

/** Clé de tri : les nombres d'un code complétés de zéros (C1.2 avant C1.10). */
function sortKey(code: string): string {
    const info = analyzeCode(code);
    return (info.prefix ?? code) + info.numbers.map(n => String(n).padStart(4, '0')).join('.');
}

export class ReferentielCompletionProvider extends DefaultCompletionProvider {
    private readonly referentielServices: ReferentielServices;

    constructor(services: ReferentielServices) {
        super(services);
        this.referentielServices = services;
    }

    // --- Codes -----------------------------------------------------------------------------------

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext) {
        const candidates = super.getReferenceCandidates(refInfo, context);
        // Dans une liste (« évalue C1.1, … »), ne pas reproposer ce qui y est déjà.
        const list = (refInfo.container as unknown as Record<string, unknown>)[refInfo.property];
        if (!Array.isArray(list)) return candidates;
        const present = new Set<AstNode>();
        for (const ref of list as Array<{ ref?: AstNode; $refNode?: { offset: number; end: number } }>) {
            const node = ref?.$refNode;
            if (ref?.ref && node && !(node.offset <= context.offset && context.offset <= node.end)) present.add(ref.ref);
        }
        return candidates.filter(d => !d.node || !present.has(d.node));
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, _context: CompletionContext): CompletionValueItem {
        const node = description.node;
        const text = node ? textOf(node) : '';
        const type = msg(`lsp.type.${description.type}`);
        let priority = '1';
        // « vérifie » : d'abord les compétences que la modalité du critère évalue.
        if (refInfo.property === 'competences' && node && isCritere(refInfo.container)) {
            const modalite = AstUtils.getContainerOfType(refInfo.container, isModalite);
            if (modalite?.competences.some(r => r.ref === node)) priority = '0';
        }
        const support = clientSupport(this.referentielServices);
        return {
            nodeDescription: description,
            kind: COMPLETION_KINDS[description.type] ?? CompletionItemKind.Reference,
            detail: text ? shorten(text, 50) : type,
            // Le titre dans la liste elle-même (juste après le code), le genre d'élément à droite.
            ...(support.labelDetails ? { labelDetails: { ...(text ? { detail: ' ' + shorten(text, 50) } : {}), description: type } } : {}),
            documentation: text ? documentation(support.markdownCompletion, `**${type} ${md(description.name)}**\n\n${md(text)}`) : undefined,
            sortText: priority + sortKey(description.name)
        };
    }

    // --- Mots-clés et modèles ----------------------------------------------------------------------

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        acceptor(context, { label: keyword.value, kind: CompletionItemKind.Keyword, detail: msg('lsp.completion.keyword'), sortText: '2' + keyword.value });
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        const model = modelOf(this.referentielServices, context.document);
        if (!rule) return;
        const snippet = this.snippetFor(rule, keyword.value, context, model);
        if (snippet) {
            acceptor(context, {
                label: snippet.label,
                kind: CompletionItemKind.Snippet,
                detail: snippet.detail,
                documentation: documentation(clientSupport(this.referentielServices).markdownCompletion, '```ref\n' + snippet.preview + '\n```'),
                insertText: snippet.text,
                insertTextFormat: InsertTextFormat.Snippet,
                filterText: keyword.value,
                sortText: '3' + keyword.value
            });
        }
    }

    private snippetFor(rule: string, keyword: string, context: CompletionContext, model: ReferentielModel | undefined): { label: string; detail: string; text: string; preview: string } | undefined {
        const bloc = enclosing(context, isBloc);
        const modalite = enclosing(context, isModalite);
        const ph = (key: string): string => escapeSnippet(msg(key));
        // L'en-tête et les règles d'obtention : seulement là où la grammaire les attend (en tête
        // d'un fichier, au premier niveau) — jamais dans un bloc ou une modalité.
        if (rule === 'Certification' && keyword === 'certification') {
            const text = `certification \${1:${ph('lsp.completion.placeholder.code')}} "\${2:${ph('lsp.completion.placeholder.titreCertification')}}" {\n`
                + '    rncp ${3:RNCP00000}\n'
                + '    niveau ${4|3,4,5,6,7,8|}\n'
                + '}$0';
            return { label: 'certification', detail: msg('lsp.completion.snippet.certification'), text, preview: preview(text) };
        }
        // Des règles d'obtention seulement pour une certification qui n'en a pas encore (REF006).
        if (rule === 'Obtention' && keyword === 'obtention' && (!model || (model.certification && model.obtentions.length === 0))) {
            const text = 'obtention {\n'
                + '    bloc validé si ${1:100} % des compétences acquises\n'
                + `    condition "\${2:${ph('lsp.completion.placeholder.condition')}}" : tous les blocs validés\n`
                + '}$0';
            return { label: 'obtention', detail: msg('lsp.completion.snippet.obtention'), text, preview: preview(text) };
        }
        if (!model) return undefined;
        if (rule === 'Bloc' && keyword === 'bloc') {
            const code = nextBlocCode(model);
            const text = `bloc ${code} "\${1:${ph('lsp.completion.placeholder.titreBloc')}}" {\n    $0\n}`;
            return { label: `bloc ${code}`, detail: msg('lsp.completion.snippet.bloc'), text, preview: preview(text) };
        }
        if (rule === 'Competence' && keyword === 'compétence' && (bloc || !model.certification)) {
            const code = nextCompetenceCode(model, bloc);
            const text = `compétence ${code} "\${1:${ph('lsp.completion.placeholder.competence')}}"$0`;
            return { label: `compétence ${code}`, detail: msg('lsp.completion.snippet.competence'), text, preview: preview(text) };
        }
        if (rule === 'Modalite' && keyword === 'modalité' && bloc) {
            const code = nextModaliteCode(model, bloc);
            const critere = nextCritereCode(model, undefined, code, bloc);
            const target = firstUnassessed(model, bloc) ?? 'C';
            const text = `modalité ${code} "\${1:${ph('lsp.completion.placeholder.titreModalite')}}" {\n`
                + `    nature "\${2:${ph('lsp.completion.placeholder.nature')}}"\n`
                + `    évalue \${3:${target}}\n`
                + `    critère ${critere} "\${4:${ph('lsp.completion.placeholder.critere')}}" vérifie \${3:${target}}\n`
                + '}$0';
            return { label: `modalité ${code}`, detail: msg('lsp.completion.snippet.modalite'), text, preview: preview(text) };
        }
        if (rule === 'Critere' && keyword === 'critère' && modalite) {
            const code = nextCritereCode(model, modalite, modalite.name, bloc);
            const target = firstUnchecked(model, modalite) ?? 'C';
            const text = `critère ${code} "\${1:${ph('lsp.completion.placeholder.critere')}}" vérifie \${2:${target}}$0`;
            return { label: `critère ${code}`, detail: msg('lsp.completion.snippet.critere'), text, preview: preview(text) };
        }
        return undefined;
    }
}

/** L'élément qui contient le curseur (strictement entre ses accolades). */
function enclosing<T extends AstNode>(context: CompletionContext, guard: (n: AstNode) => n is T): T | undefined {
    let node: AstNode | undefined = context.node;
    while (node) {
        if (guard(node)) {
            const cst = node.$cstNode;
            if (cst && cst.offset < context.offset && (context.offset < cst.end || !cst.text.endsWith('}'))) return node;
        }
        node = node.$container;
    }
    return undefined;
}

/** La première compétence du bloc qu'aucune modalité n'évalue (sinon la première). */
function firstUnassessed(model: ReferentielModel, bloc: Bloc): string | undefined {
    const competences: readonly Competence[] = model.competencesOfBloc.get(bloc) ?? bloc.competences;
    return (competences.find(c => (model.modalitesOf.get(c) ?? []).length === 0) ?? competences[0])?.name;
}

/** La première compétence évaluée par la modalité qu'aucun de ses critères ne vérifie (sinon la première). */
function firstUnchecked(_model: ReferentielModel, modalite: Modalite): string | undefined {
    const assessed = modalite.competences.map(r => r.ref).filter((c): c is Competence => c !== undefined);
    const checked = new Set(modalite.criteres.flatMap(c => c.competences.map(r => r.ref)));
    return (assessed.find(c => !checked.has(c)) ?? assessed[0])?.name ?? modalite.competences[0]?.$refText;
}

function escapeSnippet(text: string): string {
    return text.replace(/[$}\\]/g, '\\$&');
}

/** Le texte inséré, sans les marques du modèle (pour la documentation de l'élément). */
function preview(snippet: string): string {
    return snippet.replace(/\$\{\d+:((?:\\.|[^}])*)\}/g, (_m, value: string) => value.replace(/\\(.)/g, '$1')).replace(/\$\d+/g, '');
}

/** La documentation d'une proposition : Markdown si le client le lit, texte brut sinon. */
function documentation(markdown: boolean, value: string): { kind: 'markdown' | 'plaintext'; value: string } {
    return markdown ? { kind: 'markdown', value } : { kind: 'plaintext', value: markdownToPlainText(value) };
}
