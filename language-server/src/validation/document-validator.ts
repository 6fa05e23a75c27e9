import {
    DefaultDocumentValidator, DocumentState, type AstReflection, type Cancellation, type LangiumDocument, type ScopeProvider, type ValidationOptions
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { suggest } from '../codes.js';
import { msg, registerMessages } from '../i18n/messages.js';
import type { Document } from '../generated/ast.js';
import type { ReferentielServices } from '../referentiel-module.js';
import type { ReferentielDocumentBuilder } from '../workspace/document-builder.js';
import { ownerCodeOf } from '../workspace/owners.js';
import { isRuleCode, ruleMessage, type RuleCode } from './rules.js';
import { LSP_SEVERITY, type RuleSettings } from './settings.js';

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

    constructor(services: ReferentielServices) {
        super(services);
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

    protected override processLexingErrors(parseResult: LangiumDocument['parseResult'], diagnostics: Diagnostic[], options: ValidationOptions): void {
        const before = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        const lexerErrors = parseResult.lexerErrors;
        for (let i = before; i < diagnostics.length; i++) {
            const error = lexerErrors[i - before];
            const text = error ? error.message.match(/character: ->(.+?)<-/)?.[1] ?? '' : '';
            diagnostics[i].code = SYNTAX_RULE;
            diagnostics[i].message = ruleMessage(SYNTAX_RULE, { detail: msg('syntax.lexer', { text }) });
        }
    }

    protected override processParsingErrors(parseResult: LangiumDocument['parseResult'], diagnostics: Diagnostic[], options: ValidationOptions): void {
        const before = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        for (let i = before; i < diagnostics.length; i++) {
            diagnostics[i].code = SYNTAX_RULE;
        }
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
                candidates = suggest(name, this.scopeProvider.getScope(info).getAllElements().map(d => d.name));
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
                data: { code, refText: name, suggestions: candidates }
            });
        }
    }
}

export function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
