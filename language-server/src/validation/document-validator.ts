import {
    AstUtils, Cancellation, DefaultDocumentValidator, DocumentState, DocumentValidator, GrammarAST, interruptAndCheck, TextDocument,
    type AstNode, type AstReflection, type LangiumDocument, type Lexer, type ScopeProvider, type ValidationAcceptor, type ValidationOptions
} from 'langium';
import type { IToken } from 'chevrotain';
import type { Diagnostic } from 'vscode-languageserver-types';
import { suggest } from '../codes.js';
import { msg, registerMessages } from '../i18n/messages.js';
import type { Document } from '../generated/ast.js';
import { expectedAt } from '../parser/error-messages.js';
import type { ReferentielServices } from '../referentiel-module.js';
import type { ReferentielDocumentBuilder } from '../workspace/document-builder.js';
import { ownerCodeOf } from '../workspace/owners.js';
import { astNodes } from '../model/ast-nodes.js';
import type { ReferentielValidationRegistry } from './validation-registry.js';
import { isRuleCode, ruleMessage, type RuleCode } from './rules.js';
import { LSP_SEVERITY, type RuleSettings } from './settings.js';
import { SyntaxDiagnosis, type KeywordInfo, type RawSyntaxError } from './syntax-diagnosis.js';

/** La règle des erreurs de syntaxe (de l'analyse lexicale et de l'analyse syntaxique). */
const SYNTAX_RULE: RuleCode = 'REF001';

const PHASES: Partial<Record<DocumentState, string>> = {
    [DocumentState.Parsed]: 'parse',
    [DocumentState.IndexedContent]: 'index',
    [DocumentState.ComputedScopes]: 'scopes',
    [DocumentState.Linked]: 'link',
    [DocumentState.IndexedReferences]: 'references',
    [DocumentState.Validated]: 'validate'
};

registerMessages({
    'build.internal': {
        fr: 'Erreur interne pendant {phase} de ce fichier : {reason}. Les autres fichiers restent vérifiés ; merci de signaler ce problème avec ce fichier.',
        en: 'Internal error while {phase} this file: {reason}. The other files are still checked; please report this problem with this file.'
    },
    'build.phase.parse': { fr: 'l\'analyse', en: 'parsing' },
    'build.phase.index': { fr: 'l\'indexation', en: 'indexing' },
    'build.phase.scopes': { fr: 'le calcul des portées', en: 'computing the scopes of' },
    'build.phase.link': { fr: 'la liaison', en: 'linking' },
    'build.phase.references': { fr: 'l\'indexation des références', en: 'indexing the references of' },
    'build.phase.validate': { fr: 'la vérification', en: 'checking' }
});

/** L'erreur REF001 qui dit qu'une phase de la construction a échoué sur ce fichier. */
export function internalFailureDiagnostic(failure: { state: DocumentState; reason: string }): Diagnostic {
    const detail = msg('build.internal', { phase: msg(`build.phase.${PHASES[failure.state] ?? 'validate'}`), reason: failure.reason });
    return {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 1,
        code: SYNTAX_RULE,
        source: 'referentiel',
        message: ruleMessage(SYNTAX_RULE, { detail })
    };
}

/**
 * Diagnostics de syntaxe et de liaison avec un code de règle et un message en français
 * (« vouliez-vous dire… »), puis application des sévérités configurées.
 */
export class ReferentielDocumentValidator extends DefaultDocumentValidator {
    private readonly scopeProvider: ScopeProvider;
    private readonly settings: RuleSettings;
    private readonly astReflection: AstReflection;

    private readonly builder: ReferentielDocumentBuilder;
    private readonly lexer: Lexer;
    private readonly syntax: SyntaxDiagnosis;
    /** Le texte de chaque résultat d'analyse en cours de vérification. */
    private readonly texts = new WeakMap<object, string>();

    constructor(services: ReferentielServices) {
        super(services);
        this.lexer = services.parser.Lexer;
        this.syntax = new SyntaxDiagnosis(keywordInfo(services.Grammar));
        this.builder = services.shared.workspace.DocumentBuilder as ReferentielDocumentBuilder;
        this.scopeProvider = services.references.ScopeProvider;
        this.settings = services.validation.RuleSettings;
        this.astReflection = services.shared.AstReflection;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        // Une phase de la construction a échoué sur ce fichier (voir ReferentielDocumentBuilder) :
        // ce qu'elle a laissé n'est pas fiable, on ne dit que l'échec.
        const failure = this.builder.failureOf(document.uri);
        if (failure) {
            return [internalFailureDiagnostic(failure)];
        }
        // Un fichier qui ne s'analyse pas donne un arbre partiel : les règles de cohérence et les
        // références non résolues n'y diraient que du bruit (une compétence « non évaluée » parce
        // que sa modalité a été perdue par l'erreur). On ne montre alors que les erreurs de syntaxe.
        const parseResult = document.parseResult;
        this.texts.set(parseResult, document.textDocument.getText());
        const broken = (parseResult?.lexerErrors?.length ?? 0) > 0 || (parseResult?.parserErrors?.length ?? 0) > 0;
        const effective: ValidationOptions = broken ? { ...options, stopAfterLexingErrors: true, stopAfterParsingErrors: true } : options;
        const diagnostics = await super.validateDocument(document, effective, cancelToken);
        const result: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
            if (broken && code !== SYNTAX_RULE) {
                continue;
            }
            if (!code) {
                result.push(diagnostic);
                continue;
            }
            // Un code hors du catalogue (aucun aujourd'hui) reste une erreur.
            const severity = isRuleCode(code) ? this.settings.severityOf(code) : 'error';
            if (severity === 'off') {
                continue;
            }
            diagnostic.severity = LSP_SEVERITY[severity];
            result.push(diagnostic);
        }
        return result;
    }

    /**
     * Les erreurs de l'analyse lexicale et syntaxique, relues ensemble (validation/syntax-diagnosis.ts) :
     * une par faute, avec un message qui dit la correction et, quand elle est sûre, le correctif.
     */
    protected override processLexingErrors(parseResult: LangiumDocument['parseResult'], diagnostics: Diagnostic[], _options: ValidationOptions): void {
        const text = this.texts.get(parseResult);
        const lexerErrors = parseResult.lexerErrors ?? [];
        const parserErrors = parseResult.parserErrors ?? [];
        if (text === undefined || (lexerErrors.length === 0 && parserErrors.length === 0)) return;
        const document = TextDocument.create('memory:/syntax', 'referentiel', 0, text);
        const raw: RawSyntaxError[] = [];
        for (const error of lexerErrors) {
            const offset = error.offset ?? document.offsetAt({ line: (error.line ?? 1) - 1, character: (error.column ?? 1) - 1 });
            const char = text.slice(offset, offset + Math.max(1, error.length ?? 1));
            raw.push({ kind: 'lexer', offset, length: error.length ?? 1, message: msg('syntax.lexer', { text: char }) });
        }
        for (const error of parserErrors) {
            const token = error.token as IToken;
            const valid = Number.isFinite(token?.startOffset) && token.startOffset >= 0 && token.tokenType?.name !== 'EOF';
            const previous = (error as { previousToken?: IToken }).previousToken;
            const offset = valid ? token.startOffset : previous && Number.isFinite(previous.endOffset) ? previous.endOffset! + 1 : text.length;
            raw.push({ kind: 'parser', offset, length: valid ? token.image.length : 0, message: error.message, token, expected: expectedAt(token) });
        }
        const tokens = this.lexer.tokenize(text).tokens;
        const marker = lexerErrors.length > 0 ? DocumentValidator.LexingError : DocumentValidator.ParsingError;
        for (const finding of this.syntax.diagnose(text, tokens, raw)) {
            const range = { start: document.positionAt(finding.offset), end: document.positionAt(finding.end) };
            const fix = finding.fix && {
                title: finding.fix.title,
                edits: finding.fix.edits.map(edit => ({ range: { start: document.positionAt(edit.offset), end: document.positionAt(edit.end) }, newText: edit.newText }))
            };
            diagnostics.push({
                severity: 1,
                range,
                code: SYNTAX_RULE,
                source: this.getSource(),
                message: ruleMessage(SYNTAX_RULE, { detail: finding.message }),
                data: fix ? { code: marker, fix } : { code: marker }
            });
        }
    }

    /**
     * Les vérifications de chaque nœud, sur les nœuds de l'arbre relevés une fois
     * (`astNodes`, model/ast-nodes.ts : le même ordre que `streamAst`) plutôt qu'un nouvel
     * itérateur, et sans promesse par vérification synchrone (validation-registry.ts). Le
     * profileur de Langium, quand il est actif, garde le chemin d'origine.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        const checksOf = (this.validationRegistry as ReferentielValidationRegistry).checksFor(options.categories);
        const cancellable = cancelToken !== Cancellation.CancellationToken.None;
        // Les nœuds dont les descendants ne sont pas à vérifier (`validateChildren: false`).
        let pruned: Set<AstNode> | undefined;
        for (const node of astNodes(rootNode)) {
            if (pruned && isUnder(node, pruned)) continue;
            if (cancellable) await interruptAndCheck(cancelToken);
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                for (const check of checksOf(node.$type)) {
                    const pending = check(node, acceptor, cancelToken);
                    if (pending) await pending;
                }
            }
            if (!nodeOptions.validateChildren) (pruned ??= new Set()).add(node);
        }
    }

    protected override processParsingErrors(): void {
        // Déjà dites avec les erreurs lexicales (processLexingErrors).
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[]): void {
        const owner = ownerCodeOf(document.parseResult.value as Document) ?? '?';
        for (const reference of document.references) {
            const linkingError = reference.error;
            if (!linkingError || !reference.$refNode) {
                continue;
            }
            const info = linkingError.info;
            const name = reference.$refText;
            const type = this.astReflection.getReferenceType(info);
            let candidates: string[] = [];
            try {
                const names = this.scopeProvider.getScope(info).getAllElements().map(d => d.name).toArray();
                candidates = registerCodeMatches(name, names);
                if (candidates.length === 0) candidates = suggest(name, names);
            } catch {
                candidates = [];
            }
            const suggestion = candidates.length > 0 ? ' ' + msg('link.didYouMean', { names: candidates.join(', ') }) : '';
            const isVariable = info.container.$type === 'Variable';
            const isHeader = info.container.$type === 'Appartenance' || info.property === 'socles';
            const code: RuleCode = isVariable ? 'REF301' : 'REF002';
            const message = isVariable
                ? ruleMessage('REF301', { name, suggestion })
                : isHeader
                    ? msg('link.unknownOwner', { name }) + suggestion
                    : ruleMessage('REF002', { kind: capitalize(msg(`kind.${type}`)), name, owner, suggestion });
            diagnostics.push({
                severity: 1,
                range: reference.$refNode.range,
                message,
                code,
                source: this.getSource(),
                data: { code, refText: name, suggestions: candidates, type }
            });
        }
    }
}

/**
 * Les codes du registre : la fiche RNCP préfixe les blocs du numéro de la certification
 * (« RNCP40344BC03 ») là où un référentiel écrit souvent « BC03 », et inversement.
 */
export function registerCodeMatches(name: string, candidates: readonly string[]): string[] {
    const upper = name.toUpperCase();
    return [...new Set(candidates.filter(candidate => {
        const other = candidate.toUpperCase();
        return other !== upper && (/^RNCP\d+$/.test(other.slice(0, other.length - upper.length)) && other.endsWith(upper)
            || /^RNCP\d+$/.test(upper.slice(0, upper.length - other.length)) && upper.endsWith(other));
    }))];
}

/** Le nœud est-il sous l'un de ces nœuds ? */
function isUnder(node: AstNode, ancestors: ReadonlySet<AstNode>): boolean {
    for (let parent = node.$container; parent; parent = parent.$container) {
        if (ancestors.has(parent)) return true;
    }
    return false;
}

/** Les mots-clés de la grammaire, et ceux qui se suivent dans une clause (« à vie », « issue de »). */
function keywordInfo(grammar: GrammarAST.Grammar): KeywordInfo {
    const keywords = new Set<string>();
    const followers = new Map<string, Set<string>>();
    const keywordOf = (node: GrammarAST.AbstractElement | undefined): string | undefined =>
        GrammarAST.isKeyword(node) ? node.value : GrammarAST.isAssignment(node) && GrammarAST.isKeyword(node.terminal) ? node.terminal.value : undefined;
    for (const node of AstUtils.streamAllContents(grammar)) {
        if (GrammarAST.isKeyword(node)) keywords.add(node.value);
        if (GrammarAST.isGroup(node)) {
            for (let i = 0; i + 1 < node.elements.length; i++) {
                const first = keywordOf(node.elements[i]);
                const second = keywordOf(node.elements[i + 1]);
                if (first && second) {
                    if (!followers.has(first)) followers.set(first, new Set());
                    followers.get(first)!.add(second);
                }
            }
        }
    }
    return { keywords, followers };
}

export function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
