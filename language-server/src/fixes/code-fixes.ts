import { AstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { canonicalCode } from '../codes.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import type { ReferentielServices } from '../referentiel-module.js';
import { numberingOf, type NumberedElement } from '../validation/numbering.js';
import type { RuleCode, RuleCodes } from '../validation/rules.js';

/** Les règles dont la correction renomme un code partout (sa définition et toutes ses références). */
export const RENAME_RULES = ['REF201', 'REF202', 'REF203'] as const satisfies readonly RuleCode[];
export type RenameRule = typeof RENAME_RULES[number];

/** Une modification de texte sûre, avec ce qu'elle corrige (pour le rapport de `lint --fix`). */
export interface CodeFix {
    readonly uri: string;
    readonly range: Range;
    readonly offset: number;
    readonly end: number;
    readonly newText: string;
    readonly before: string;
    readonly code: RuleCodes<'REF003' | 'REF110' | RenameRule>;
}

/**
 * Les corrections automatiques sûres d'un ensemble de documents :
 * - REF201/REF202/REF203 : le code d'une définition est réécrit (séparateur majoritaire, sans point
 *   final, sans espace) — et toutes ses références avec lui, dans tous les fichiers du référentiel ;
 * - REF003 : une référence est réécrite comme sa définition (corrigée) ;
 * - REF110 : une référence répétée dans une liste est retirée.
 * Les corrections d'une règle désactivée (« off ») ne sont pas proposées.
 */
export function computeCodeFixes(services: ReferentielServices, documents: readonly LangiumDocument[]): CodeFix[] {
    const settings = services.validation.RuleSettings;
    const enabled = (code: RuleCode): boolean => settings.severityOf(code) !== 'off';
    const models = new Set<ReferentielModel>();
    for (const document of documents) {
        const model = services.referentiel.Models.forDocument(document);
        if (model) models.add(model);
    }
    const fixes: CodeFix[] = [];
    const seen = new Set<string>();
    const push = (document: LangiumDocument, cst: CstNode, newText: string, code: CodeFix['code']): void => {
        const key = `${document.uri.toString()}#${cst.offset}:${cst.end}`;
        if (seen.has(key) || cst.text === newText) return;
        seen.add(key);
        fixes.push({ uri: document.uri.toString(), range: cst.range, offset: cst.offset, end: cst.end, newText, before: cst.text, code });
    };

    for (const model of models) {
        const numbering = numberingOf(model);
        const renamed = new Map<AstNode, string>();
        for (const [element, fixed] of numbering.fixes) {
            const code = ruleOfFix(element, numbering.issues.get(element)?.map(i => i.code) ?? []);
            if (!code || !enabled(code)) continue;
            const nameNode = GrammarUtils.findNodeForProperty(element.$cstNode, 'name');
            if (!nameNode) continue;
            renamed.set(element, fixed);
            push(AstUtils.getDocument(element), nameNode, fixed, code);
        }
        for (const document of model.documents) {
            for (const reference of document.references) {
                if (!('ref' in reference) || !reference.$refNode) continue;
                const target = reference.ref as (NumberedElement & { name?: string }) | undefined;
                if (!target?.name) continue;
                const corrected = renamed.get(target) ?? numbering.fixes.get(target) ?? target.name;
                if (reference.$refText === corrected) continue;
                if (renamed.has(target)) {
                    push(document, reference.$refNode, corrected, ruleOfFix(target, numbering.issues.get(target)?.map(i => i.code) ?? []) ?? 'REF003');
                } else if (reference.$refText !== target.name && enabled('REF003')) {
                    push(document, reference.$refNode, corrected, 'REF003');
                }
            }
            if (enabled('REF110')) {
                collectRepeatedReferences(document, (cst) => push(document, cst, '', 'REF110'));
            }
        }
    }
    return fixes.sort((a, b) => a.uri.localeCompare(b.uri) || a.offset - b.offset);
}

function ruleOfFix(_element: AstNode, codes: readonly RuleCode[]): CodeFix['code'] | undefined {
    for (const code of RENAME_RULES) {
        if (codes.includes(code)) return code;
    }
    return undefined;
}

/** Les références répétées d'une liste, avec la virgule qui les précède (le texte à retirer). */
function collectRepeatedReferences(document: LangiumDocument, report: (cst: CstNode) => void): void {
    const text = document.textDocument.getText();
    for (const node of AstUtils.streamAst(document.parseResult.value)) {
        for (const property of ['competences', 'activites', 'inclusions', 'socles']) {
            const list = (node as unknown as Record<string, unknown>)[property];
            if (!Array.isArray(list) || list.length < 2) continue;
            const seen = new Set<string>();
            for (const ref of list as Array<{ $refText?: string; $refNode?: CstNode }>) {
                if (!ref?.$refText || !ref.$refNode) continue;
                const key = canonicalCode(ref.$refText);
                if (seen.has(key)) {
                    // Étendre à la virgule précédente : « C1.1, C1.1 » → « C1.1 ».
                    let start = ref.$refNode.offset;
                    while (start > 0 && /\s/.test(text[start - 1])) start--;
                    if (text[start - 1] === ',') start--;
                    report(spanNode(document, start, ref.$refNode.end));
                }
                seen.add(key);
            }
        }
    }
}

function spanNode(document: LangiumDocument, offset: number, end: number): CstNode {
    const textDocument = document.textDocument;
    return {
        offset, end, length: end - offset,
        text: textDocument.getText().slice(offset, end),
        range: { start: textDocument.positionAt(offset), end: textDocument.positionAt(end) }
    } as unknown as CstNode;
}

/** Applique des corrections à un texte (de la fin vers le début ; les chevauchements sont écartés). */
export function applyFixes(text: string, fixes: readonly CodeFix[]): { text: string; applied: CodeFix[] } {
    const ordered = [...fixes].sort((a, b) => b.offset - a.offset);
    const applied: CodeFix[] = [];
    let result = text;
    let limit = Infinity;
    for (const fix of ordered) {
        if (fix.end > limit) continue;
        result = result.slice(0, fix.offset) + fix.newText + result.slice(fix.end);
        limit = fix.offset;
        applied.push(fix);
    }
    return { text: result, applied: applied.reverse() };
}
