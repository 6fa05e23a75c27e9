/**
 * Correctifs rapides (code actions « quickfix »), chacun rattaché à son diagnostic :
 *
 * - REF201/REF202/REF203 : renommer le code partout (toutes ses références, tous les fichiers du
 *   référentiel) — les mêmes corrections que `referentiel lint --fix` (fixes/code-fixes.ts) ;
 * - REF003 : écrire la référence comme sa définition ;
 * - REF110 : retirer la référence répétée (avec sa virgule) ;
 * - REF002 : remplacer par chacune des suggestions « vouliez-vous dire » ;
 * - REF101 : créer, à la fin du bloc, une modalité qui évalue la compétence (prochain code libre)
 *   avec un critère à compléter ;
 * - REF301 : déclarer l'épreuve (sur 20) ou la mesure (en mois, ou dans l'unité de la comparaison)
 *   dans « obtention » ;
 * - REF104 : ajouter « vérifie C… » quand la modalité du critère n'évalue qu'une compétence ;
 * - REF309 : ramener le plancher d'une épreuve dans son barème ;
 * - REF310 : écrire un fait comparé à 1 ou 0 comme « fait » ou « non fait » ;
 * - REF001 : la correction que dit le message d'une erreur de syntaxe (accent, virgule, accolade,
 *   guillemets, date AAAA-MM-JJ… : validation/syntax-diagnosis.ts), portée par le diagnostic.
 */
import { AstUtils, CstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { canonicalCode } from '../codes.js';
import { computeCodeFixes, RENAME_RULES, type CodeFix } from '../fixes/code-fixes.js';
import {
    isBloc, isComparaison, isCompetence, isCritere, isLitteral, isObtention, isVariable,
    type Bloc, type Competence, type Critere, type Obtention, type Variable
} from '../generated/ast.js';
import { msg } from '../i18n/messages.js';
import { quoteTexte } from '../parser/value-converter.js';
import type { ReferentielServices } from '../referentiel-module.js';
import { isRuleCode, type RuleCode } from '../validation/rules.js';
import { codeAt } from './code-at.js';
import { modelOf } from './elements.js';
import './lsp-messages.js';
import { nextCritereCode, nextModaliteCode } from './next-code.js';

const RENAMES: ReadonlySet<RuleCode> = new Set(RENAME_RULES);

/** Ce qu'un correctif reçoit : le document, le diagnostic, et les corrections sûres (calculées au besoin). */
interface FixContext {
    readonly document: LangiumDocument;
    readonly diagnostic: Diagnostic;
    readonly fixes: () => CodeFix[];
}

/** Le correctif d'une règle : les actions qu'il propose pour un diagnostic (peut-être aucune). */
type Fixer = (provider: ReferentielCodeActionProvider, context: FixContext) => CodeAction[];

export class ReferentielCodeActionProvider implements CodeActionProvider {
    /** Le correctif de chaque règle qui en a un. */
    static readonly fixers: Partial<Record<RuleCode, Fixer>> = {
        REF201: (provider, { document, diagnostic, fixes }) => provider.renameEverywhere(document, diagnostic, fixes()),
        REF202: (provider, { document, diagnostic, fixes }) => provider.renameEverywhere(document, diagnostic, fixes()),
        REF203: (provider, { document, diagnostic, fixes }) => provider.renameEverywhere(document, diagnostic, fixes()),
        REF003: (provider, { document, diagnostic }) => provider.respell(document, diagnostic),
        REF110: (provider, { document, diagnostic, fixes }) => provider.removeRepeated(document, diagnostic, fixes()),
        REF002: (provider, { document, diagnostic }) => provider.replaceWithSuggestions(document, diagnostic),
        REF101: (provider, { document, diagnostic }) => provider.stubModalite(document, diagnostic),
        REF301: (provider, { document, diagnostic }) => provider.declareGrandeur(document, diagnostic),
        REF104: (provider, { document, diagnostic }) => provider.addVerifie(document, diagnostic),
        REF309: (provider, { document, diagnostic }) => provider.replaceWith(document, diagnostic, 'lsp.fix.plancher'),
        REF310: (provider, { document, diagnostic }) => provider.replaceWith(document, diagnostic, 'lsp.fix.fait'),
        REF001: (provider, { document, diagnostic }) => provider.syntaxFix(document, diagnostic)
    };

    constructor(private readonly services: ReferentielServices) { }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): Array<Command | CodeAction> {
        const only = params.context.only;
        if (only && only.length > 0 && !only.some(kind => CodeActionKind.QuickFix.startsWith(kind) || kind.startsWith(CodeActionKind.QuickFix))) {
            return [];
        }
        const actions: CodeAction[] = [];
        let fixes: CodeFix[] | undefined;
        const allFixes = (): CodeFix[] => (fixes ??= computeCodeFixes(this.services, [document]));
        for (const diagnostic of params.context.diagnostics) {
            const code = String(diagnostic.code ?? (diagnostic.data as { code?: string } | undefined)?.code ?? '');
            const fixer = isRuleCode(code) ? ReferentielCodeActionProvider.fixers[code] : undefined;
            if (!fixer) continue;
            try {
                actions.push(...fixer(this, { document, diagnostic, fixes: allFixes }));
            } catch {
                // Un diagnostic périmé (le texte a changé depuis) ne propose rien.
            }
        }
        return actions;
    }

    // --- REF201, REF202, REF203 ------------------------------------------------------------------

    private renameEverywhere(document: LangiumDocument, diagnostic: Diagnostic, fixes: readonly CodeFix[]): CodeAction[] {
        const fixed = (diagnostic.data as { fixed?: string } | undefined)?.fixed;
        const found = codeAt(this.services, document, document.textDocument.offsetAt(diagnostic.range.start));
        const element = found?.target as (AstNode & { name?: string }) | undefined;
        if (!fixed || !element?.name) return [];
        const key = canonicalCode(element.name);
        const selected = fixes.filter(f => RENAMES.has(f.code) && f.newText === fixed && canonicalCode(f.before) === key);
        if (selected.length === 0) return [];
        return [quickFix(msg('lsp.fix.rename', { before: element.name, after: fixed, count: selected.length }), diagnostic, toWorkspaceEdit(selected), true)];
    }

    // --- REF003 --------------------------------------------------------------------------------

    private respell(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const fixed = (diagnostic.data as { fixed?: string } | undefined)?.fixed;
        if (!fixed) return [];
        const edit = { changes: { [document.uri.toString()]: [{ range: diagnostic.range, newText: fixed }] } };
        return [quickFix(msg('lsp.fix.respell', { after: fixed }), diagnostic, edit, true)];
    }

    // --- REF110 --------------------------------------------------------------------------------

    private removeRepeated(document: LangiumDocument, diagnostic: Diagnostic, fixes: readonly CodeFix[]): CodeAction[] {
        const uri = document.uri.toString();
        const end = document.textDocument.offsetAt(diagnostic.range.end);
        const fix = fixes.find(f => f.code === 'REF110' && f.uri === uri && f.end === end);
        if (!fix) return [];
        const name = document.textDocument.getText(diagnostic.range);
        return [quickFix(msg('lsp.fix.removeRepeated', { name }), diagnostic, toWorkspaceEdit([fix]), true)];
    }

    // --- REF002 --------------------------------------------------------------------------------

    private replaceWithSuggestions(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const suggestions = (diagnostic.data as { suggestions?: unknown } | undefined)?.suggestions;
        if (!Array.isArray(suggestions)) return [];
        const names = suggestions.filter((s): s is string => typeof s === 'string');
        return names.map(name => quickFix(msg('lsp.fix.replace', { name }), diagnostic,
            { changes: { [document.uri.toString()]: [{ range: diagnostic.range, newText: name }] } }, names.length === 1));
    }

    // --- REF101 --------------------------------------------------------------------------------

    private stubModalite(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const found = codeAt(this.services, document, document.textDocument.offsetAt(diagnostic.range.start));
        const competence = found && isCompetence(found.target) ? found.target : undefined;
        const model = modelOf(this.services, document);
        if (!competence || !model) return [];
        const bloc: Bloc | undefined = model.blocOf.get(competence) ?? (isBloc(competence.$container) ? competence.$container : undefined);
        const close = bloc && lastLeaf(bloc.$cstNode, '}');
        if (!bloc || !close) return [];
        const blocDocument = AstUtils.getDocument(bloc);
        const text = blocDocument.textDocument.getText();
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const blocIndent = indentationAt(text, bloc.$cstNode!.offset);
        const inner = blocIndent + '    ';
        const code = nextModaliteCode(model, bloc);
        const critere = nextCritereCode(model, undefined, code, bloc);
        const lines = [
            `${inner}modalité ${code} ${quoteTexte(msg('lsp.fix.stubModaliteTitre', { competence: competence.name }))} {`,
            `${inner}    évalue ${competence.name}`,
            `${inner}    critère ${critere} ${quoteTexte(msg('lsp.fix.stubCritereTexte'))} vérifie ${competence.name}`,
            `${inner}}`
        ];
        const lineStart = text.lastIndexOf('\n', close.offset - 1) + 1;
        const alone = /^[ \t]*$/.test(text.slice(lineStart, close.offset));
        const edit: TextEdit = alone
            ? { range: rangeAt(blocDocument, lineStart, lineStart), newText: lines.join(eol) + eol }
            : { range: rangeAt(blocDocument, close.offset, close.offset), newText: eol + lines.join(eol) + eol + blocIndent };
        return [quickFix(msg('lsp.fix.stubModalite', { code, competence: competence.name }), diagnostic,
            { changes: { [blocDocument.uri.toString()]: [edit] } }, false)];
    }

    // --- REF301 --------------------------------------------------------------------------------

    private declareGrandeur(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        const variable = leaf && AstUtils.getContainerOfType(leaf.astNode, isVariable);
        const obtention = variable && AstUtils.getContainerOfType(variable, isObtention);
        const name = variable?.grandeur?.$refText;
        if (!variable || !obtention || !name) return [];
        const unit = comparedUnit(variable);
        const titre = quoteTexte(humanize(name));
        const epreuve = this.insertInObtention(obtention, `épreuve ${name} ${titre} sur 20`);
        const mesure = this.insertInObtention(obtention, `mesure ${name} ${titre} en ${unit ?? 'mois'}`);
        const preferMesure = unit !== undefined;
        const preferEpreuve = !preferMesure && comparedToPlainNumber(variable);
        return [
            quickFix(msg('lsp.fix.declareEpreuve', { name }), diagnostic, epreuve, preferEpreuve),
            quickFix(msg('lsp.fix.declareMesure', { name, unit: unit ?? 'mois' }), diagnostic, mesure, preferMesure)
        ];
    }

    /** Une ligne de plus dans « obtention », après sa dernière épreuve ou mesure (sinon en tête). */
    private insertInObtention(obtention: Obtention, line: string): WorkspaceEdit {
        const document = AstUtils.getDocument(obtention);
        const text = document.textDocument.getText();
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const declared = [...obtention.epreuves, ...obtention.mesures].filter(n => n.$cstNode).sort((a, b) => a.$cstNode!.offset - b.$cstNode!.offset);
        const anchor = declared[declared.length - 1]?.$cstNode;
        let offset: number;
        let indent: string;
        if (anchor) {
            offset = anchor.end;
            indent = indentationAt(text, anchor.offset);
        } else {
            const open = GrammarUtils.findNodeForKeyword(obtention.$cstNode, '{');
            offset = open ? open.end : obtention.$cstNode!.end;
            indent = indentationAt(text, obtention.$cstNode!.offset) + '    ';
        }
        return { changes: { [document.uri.toString()]: [{ range: rangeAt(document, offset, offset), newText: eol + indent + line }] } };
    }

    // --- REF001 --------------------------------------------------------------------------------

    private syntaxFix(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const fix = (diagnostic.data as { fix?: { title?: unknown; edits?: unknown } } | undefined)?.fix;
        if (!fix || typeof fix.title !== 'string' || !Array.isArray(fix.edits)) return [];
        return [quickFix(fix.title, diagnostic, { changes: { [document.uri.toString()]: fix.edits as TextEdit[] } }, true)];
    }

    // --- REF309, REF310 --------------------------------------------------------------------------

    /** Remplace le texte du diagnostic par celui que la règle a calculé (`data.replacement`). */
    private replaceWith(document: LangiumDocument, diagnostic: Diagnostic, title: string): CodeAction[] {
        const replacement = (diagnostic.data as { replacement?: unknown } | undefined)?.replacement;
        if (typeof replacement !== 'string') return [];
        const edit = { changes: { [document.uri.toString()]: [{ range: diagnostic.range, newText: replacement }] } };
        return [quickFix(msg(title, { text: replacement }), diagnostic, edit, true)];
    }

    // --- REF104 --------------------------------------------------------------------------------

    private addVerifie(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const found = codeAt(this.services, document, document.textDocument.offsetAt(diagnostic.range.start));
        const critere: Critere | undefined = found && isCritere(found.target) ? found.target : undefined;
        if (!critere) return [];
        const candidates = [...new Set(critere.$container.competences.map(r => r.ref).filter((c): c is Competence => c !== undefined))];
        if (candidates.length !== 1) return [];
        const texte = GrammarUtils.findNodeForProperty(critere.$cstNode, 'texte');
        if (!texte) return [];
        const name = candidates[0].name;
        const edit = { changes: { [document.uri.toString()]: [{ range: rangeAt(document, texte.end, texte.end), newText: ` vérifie ${name}` }] } };
        return [quickFix(msg('lsp.fix.addVerifie', { competence: name }), diagnostic, edit, true)];
    }
}

/** Les règles qui ont un correctif rapide (docs/editor.md les liste toutes ; un test le vérifie). */
export const QUICK_FIX_RULES: readonly RuleCode[] = Object.keys(ReferentielCodeActionProvider.fixers).filter(isRuleCode);

function quickFix(title: string, diagnostic: Diagnostic, edit: WorkspaceEdit, isPreferred: boolean): CodeAction {
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: isPreferred || undefined, edit };
}

function toWorkspaceEdit(fixes: readonly CodeFix[]): WorkspaceEdit {
    const changes: Record<string, TextEdit[]> = {};
    for (const fix of fixes) (changes[fix.uri] ??= []).push({ range: fix.range, newText: fix.newText });
    return { changes };
}

function rangeAt(document: LangiumDocument, offset: number, end: number) {
    return { start: document.textDocument.positionAt(offset), end: document.textDocument.positionAt(end) };
}

/** L'indentation de la ligne qui contient `offset`. */
function indentationAt(text: string, offset: number): string {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

function lastLeaf(cst: CstNode | undefined, text: string): CstNode | undefined {
    if (!cst) return undefined;
    let found: CstNode | undefined;
    for (const leaf of CstUtils.flattenCst(cst)) {
        if (!leaf.hidden && leaf.text === text) found = leaf;
    }
    return found;
}

/** L'unité à laquelle une grandeur est comparée (`periode >= 6 mois` → mois). */
function comparedUnit(variable: Variable): string | undefined {
    const comparison = variable.$container;
    if (!isComparaison(comparison)) return undefined;
    const other = comparison.left === variable ? comparison.right : comparison.left;
    return isLitteral(other) && other.unite ? other.unite : undefined;
}

function comparedToPlainNumber(variable: Variable): boolean {
    const comparison = variable.$container;
    if (!isComparaison(comparison)) return false;
    const other = comparison.left === variable ? comparison.right : comparison.left;
    return isLitteral(other) && !other.unite && !other.pourcent;
}

/** Un titre lisible tiré d'un code : periode_entreprise → « Periode entreprise ». */
function humanize(code: string): string {
    const words = code.replace(/[_-]+/g, ' ').trim();
    return words.charAt(0).toUpperCase() + words.slice(1);
}
