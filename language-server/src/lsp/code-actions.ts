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
 *   guillemets, date AAAA-MM-JJ… : validation/syntax-diagnosis.ts), portée par le diagnostic ;
 * - REF002 : créer la compétence ou l'activité manquante là où elle est citée (« Créer la
 *   compétence C1.7 dans BC01 » : le bloc que dit son numéro, après les éléments de sa sorte) ;
 * - REF101 : aussi ajouter la compétence à la liste « évalue » de chaque modalité de son bloc ;
 * - REF102 : ajouter à une modalité qui évalue la compétence un critère qui la vérifie ;
 * - REF105 : ajouter la compétence à la liste « évalue » de la modalité du critère ;
 * - REF109 : ajouter « évalue C… » (les compétences du bloc, les non évaluées d'abord) ;
 * - REF111 : ajouter « inclut C… » au bloc ;
 * - REF007 : ajouter des règles d'obtention ; REF308 : la condition « tous les blocs validés » ;
 * - REF204, REF205, REF206 : renuméroter le bloc dans l'ordre du texte (activités, compétences,
 *   modalités A1-1, C1.1, M1.1… au numéro du bloc ; critères CR1.1.1… à celui de leur modalité),
 *   chaque code renommé partout — références des autres fichiers et des certifications qui
 *   utilisent le socle comprises.
 * Chaque ligne ajoutée prend l'indentation du formateur (4 espaces par niveau d'accolades).
 */
import { AstUtils, CstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { analyzeCode, canonicalCode } from '../codes.js';
import { computeCodeFixes, RENAME_RULES, type CodeFix } from '../fixes/code-fixes.js';
import {
    isBloc, isCertification, isComparaison, isCompetence, isCritere, isLitteral, isModalite, isObtention, isVariable,
    type Bloc, type Competence, type Critere, type Obtention, type Variable
} from '../generated/ast.js';
import { blocOfNode, type ReferentielModel } from '../model/referentiel-model.js';
import { msg } from '../i18n/messages.js';
import { quoteTexte } from '../parser/value-converter.js';
import type { ReferentielServices } from '../referentiel-module.js';
import { isRuleCode, type RuleCode } from '../validation/rules.js';
import type { SpellingData } from '../validation/spelling-check.js';
import { codeAt } from './code-at.js';
import { modelOf } from './elements.js';
import './lsp-messages.js';
import { nextCritereCode, nextModaliteCode, numberOfBloc } from './next-code.js';

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
        REF501: (provider, { document, diagnostic }) => provider.replaceWithSuggestions(document, diagnostic),
        REF002: (provider, { document, diagnostic }) => [...provider.replaceWithSuggestions(document, diagnostic), ...provider.createMissing(document, diagnostic)],
        REF101: (provider, { document, diagnostic }) => [...provider.addToModalites(document, diagnostic), ...provider.stubModalite(document, diagnostic)],
        REF102: (provider, { document, diagnostic }) => provider.addCritere(document, diagnostic),
        REF401: (provider, { document, diagnostic }) => provider.addCritere(document, diagnostic, true),
        REF105: (provider, { document, diagnostic }) => provider.addToCritereModalite(document, diagnostic),
        REF109: (provider, { document, diagnostic }) => provider.addEvalue(document, diagnostic),
        REF111: (provider, { document, diagnostic }) => provider.addInclut(document, diagnostic),
        REF007: (provider, { document, diagnostic }) => provider.addObtention(document, diagnostic),
        REF006: (provider, { document, diagnostic }) => provider.mergeObtentions(document, diagnostic),
        REF204: (provider, { document, diagnostic }) => provider.renumberBloc(document, diagnostic),
        REF205: (provider, { document, diagnostic }) => provider.renumberBloc(document, diagnostic),
        REF206: (provider, { document, diagnostic }) => provider.renumberBloc(document, diagnostic),
        REF308: (provider, { document, diagnostic }) => provider.addCondition(document, diagnostic),
        REF301: (provider, { document, diagnostic }) => provider.declareGrandeur(document, diagnostic),
        REF104: (provider, { document, diagnostic }) => provider.addVerifie(document, diagnostic),
        REF309: (provider, { document, diagnostic }) => provider.replaceWith(document, diagnostic, 'lsp.fix.plancher'),
        REF310: (provider, { document, diagnostic }) => provider.replaceWith(document, diagnostic, 'lsp.fix.fait'),
        REF001: (provider, { document, diagnostic }) => provider.syntaxFix(document, diagnostic),
        REF606: (provider, { document, diagnostic }) => [
            ...provider.replaceWithSuggestions(document, diagnostic).map(action => ({ ...action, isPreferred: undefined })),
            ...provider.addToWordList(diagnostic)
        ]
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

    replaceWithSuggestions(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const suggestions = (diagnostic.data as { suggestions?: unknown } | undefined)?.suggestions;
        if (!Array.isArray(suggestions)) return [];
        const names = suggestions.filter((s): s is string => typeof s === 'string');
        return names.map(name => quickFix(msg('lsp.fix.replace', { name }), diagnostic,
            { changes: { [document.uri.toString()]: [{ range: diagnostic.range, newText: name }] } }, names.length === 1));
    }

    // --- REF606 --------------------------------------------------------------------------------

    /** Ajouter le mot à la liste de l'espace de travail (referentiel-mots.txt), créée au besoin. */
    addToWordList(diagnostic: Diagnostic): CodeAction[] {
        const data = diagnostic.data as Partial<SpellingData> | undefined;
        if (typeof data?.word !== 'string' || typeof data.wordList !== 'string') return [];
        const uri = data.wordList;
        const end = data.wordListEnd;
        const at = end ? { line: end.line, character: end.character } : undefined;
        const documentChanges: WorkspaceEdit['documentChanges'] = end && at
            ? [{ textDocument: { uri, version: null }, edits: [{ range: { start: at, end: at }, newText: `${end.newline ? '\n' : ''}${data.word}\n` }] }]
            : [
                { kind: 'create', uri, options: { ignoreIfExists: true } },
                { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `# ${msg('lsp.fix.wordListHeader')}\n${data.word}\n` }] }
            ];
        return [{ title: msg('lsp.fix.addWord', { word: data.word }), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { documentChanges } }];
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


    // --- REF002 : créer l'élément manquant ---------------------------------------------------

    createMissing(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const data = diagnostic.data as { refText?: unknown; type?: unknown } | undefined;
        const name = typeof data?.refText === 'string' ? data.refText : undefined;
        const type = data?.type;
        const model = modelOf(this.services, document);
        if (!name || !model || (type !== 'Competence' && type !== 'Activite') || !analyzeCode(name).prefix) return [];
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        const bloc = blocForCode(model, name) ?? (leaf ? blocOfNode(leaf.astNode) : undefined);
        if (!bloc) return [];
        const texte = quoteTexte(msg(type === 'Competence' ? 'lsp.fix.newCompetenceTexte' : 'lsp.fix.newActiviteTexte'));
        // Après les éléments de sa sorte (sinon : une compétence après les activités, une activité en tête du bloc).
        const own = type === 'Competence' ? bloc.competences : bloc.activites;
        const anchor = own[own.length - 1] ?? (type === 'Competence' ? bloc.activites[bloc.activites.length - 1] : undefined);
        const line = `${type === 'Competence' ? 'compétence' : 'activité'} ${name} ${texte}`;
        const edit = anchor ? insertLineAfter(anchor, line) : insertLineAfterOpen(bloc, line);
        if (!edit) return [];
        const key = type === 'Competence' ? 'lsp.fix.createCompetence' : 'lsp.fix.createActivite';
        return [quickFix(msg(key, { name, bloc: bloc.name }), diagnostic, edit, false)];
    }

    // --- REF101 : ajouter la compétence à une modalité de son bloc -----------------------------

    addToModalites(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const found = codeAt(this.services, document, document.textDocument.offsetAt(diagnostic.range.start));
        const competence = found && isCompetence(found.target) ? found.target : undefined;
        const model = modelOf(this.services, document);
        if (!competence || !model) return [];
        const bloc = model.blocOf.get(competence) ?? blocOfNode(competence);
        const modalites = (bloc?.modalites ?? []).slice(0, MAX_CHOICES);
        return modalites.flatMap(modalite => {
            const edit = appendToList(modalite, 'competences', 'évalue', competence.name);
            return edit ? [quickFix(msg('lsp.fix.addToEvalue', { competence: competence.name, modalite: modalite.name }), diagnostic, edit, modalites.length === 1)] : [];
        });
    }

    // --- REF105 -------------------------------------------------------------------------------

    addToCritereModalite(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        const critere = leaf && AstUtils.getContainerOfType(leaf.astNode, isCritere);
        const competence = (diagnostic.data as { competence?: unknown } | undefined)?.competence;
        if (!critere || typeof competence !== 'string') return [];
        const modalite = critere.$container;
        const edit = appendToList(modalite, 'competences', 'évalue', competence);
        return edit ? [quickFix(msg('lsp.fix.addToEvalue', { competence, modalite: modalite.name }), diagnostic, edit, true)] : [];
    }

    // --- REF102 -------------------------------------------------------------------------------

    /**
     * REF102 : un critère à compléter qui vérifie la compétence ; REF401 (`accessibilite`) : un critère
     * éliminatoire qui vérifie l'accessibilité de son travail. Dans chaque modalité qui l'évalue.
     */
    addCritere(document: LangiumDocument, diagnostic: Diagnostic, accessibilite = false): CodeAction[] {
        const found = codeAt(this.services, document, document.textDocument.offsetAt(diagnostic.range.start));
        const competence = found && isCompetence(found.target) ? found.target : undefined;
        const model = modelOf(this.services, document);
        if (!competence || !model) return [];
        const modalites = (model.modalitesOf.get(competence) ?? []).slice(0, MAX_CHOICES);
        return modalites.flatMap(modalite => {
            const code = nextCritereCode(model, modalite, modalite.name, blocOfNode(modalite));
            const line = accessibilite
                ? `critère ${code} ${quoteTexte(msg('lsp.fix.accessibiliteTexte'))} vérifie ${competence.name} éliminatoire`
                : `critère ${code} ${quoteTexte(msg('lsp.fix.stubCritereTexte'))} vérifie ${competence.name}`;
            const last = modalite.criteres[modalite.criteres.length - 1];
            const edit = last ? insertLineAfter(last, line) : insertLineBeforeClose(modalite, line);
            const title = msg(accessibilite ? 'lsp.fix.addCritereAccessibilite' : 'lsp.fix.addCritere', { code, competence: competence.name, modalite: modalite.name });
            return edit ? [quickFix(title, diagnostic, edit, modalites.length === 1)] : [];
        });
    }

    // --- REF006 -------------------------------------------------------------------------------

    /**
     * Deux blocs « obtention » : le contenu du second passe à la fin du premier (dans son fichier),
     * et le second disparaît, lignes comprises.
     */
    mergeObtentions(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const model = modelOf(this.services, document);
        if (!model || model.obtentions.length < 2) return [];
        const start = document.textDocument.offsetAt(diagnostic.range.start);
        const second = model.obtentions.find((o, i) => i > 0 && AstUtils.getDocument(o) === document && o.$cstNode?.offset === start);
        const first = model.obtentions[0];
        const open = GrammarUtils.findNodeForKeyword(second?.$cstNode, '{');
        const close = lastLeaf(second?.$cstNode, '}');
        const firstClose = lastLeaf(first.$cstNode, '}');
        if (!second?.$cstNode || !open || !close || !firstClose) return [];
        const text = document.textDocument.getText();
        const eol = eolOf(text);
        const inner = text.slice(open.end, close.offset).replace(/^[ \t]*\r?\n/, '').replace(/\r?\n[ \t]*$/, '');
        const firstDocument = AstUtils.getDocument(first);
        const firstText = firstDocument.textDocument.getText();
        const lineStart = firstText.lastIndexOf('\n', firstClose.offset - 1) + 1;
        const alone = /^[ \t]*$/.test(firstText.slice(lineStart, firstClose.offset));
        const insert: TextEdit = alone
            ? { range: rangeAt(firstDocument, lineStart, lineStart), newText: inner + eol }
            : { range: rangeAt(firstDocument, firstClose.offset, firstClose.offset), newText: eol + inner + eol };
        // Le second bloc part avec sa ligne (et la ligne vide qui le précède, s'il y en a une).
        const from = text.lastIndexOf('\n', second.$cstNode.offset - 1) + 1;
        let to = second.$cstNode.end;
        if (text.startsWith('\r\n', to)) to += 2; else if (text[to] === '\n') to += 1;
        const before = text.slice(0, from);
        const removeFrom = /\r?\n[ \t]*\r?\n$/.test(before) ? before.replace(/[ \t]*\r?\n$/, '').length : from;
        const remove: TextEdit = { range: rangeAt(document, removeFrom, to), newText: '' };
        const changes: Record<string, TextEdit[]> = {};
        (changes[firstDocument.uri.toString()] ??= []).push(insert);
        (changes[document.uri.toString()] ??= []).push(remove);
        return [quickFix(msg('lsp.fix.mergeObtentions'), diagnostic, { changes }, true)];
    }

    // --- REF109 -------------------------------------------------------------------------------

    addEvalue(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const found = codeAt(this.services, document, document.textDocument.offsetAt(diagnostic.range.start));
        const modalite = found && isModalite(found.target) ? found.target : undefined;
        const model = modelOf(this.services, document);
        const bloc = modalite && blocOfNode(modalite);
        if (!modalite || !model || !bloc) return [];
        const competences = [...(model.competencesOfBloc.get(bloc) ?? bloc.competences)];
        const unassessed = (c: Competence): boolean => (model.modalitesOf.get(c) ?? []).length === 0;
        competences.sort((a, b) => Number(unassessed(b)) - Number(unassessed(a)));
        return competences.slice(0, MAX_CHOICES).flatMap((competence, index) => {
            const edit = appendToList(modalite, 'competences', 'évalue', competence.name);
            return edit ? [quickFix(msg('lsp.fix.addEvalue', { competence: competence.name, modalite: modalite.name }), diagnostic, edit, index === 0 && unassessed(competence))] : [];
        });
    }

    // --- REF111 -------------------------------------------------------------------------------

    addInclut(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const found = codeAt(this.services, document, document.textDocument.offsetAt(diagnostic.range.start));
        const competence = found && isCompetence(found.target) ? found.target : undefined;
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        const bloc = leaf && blocOfNode(leaf.astNode);
        if (!competence || !bloc) return [];
        const edit = appendToList(bloc, 'inclusions', 'inclut', competence.name);
        return edit ? [quickFix(msg('lsp.fix.addInclut', { competence: competence.name, bloc: bloc.name }), diagnostic, edit, true)] : [];
    }

    // --- REF007, REF308 -------------------------------------------------------------------------

    addObtention(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        const certification = leaf && AstUtils.getContainerOfType(leaf.astNode, isCertification);
        if (!certification) return [];
        const text = document.textDocument.getText();
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const block = ['obtention {', `    bloc validé si 100 % des compétences acquises`, `    condition ${quoteTexte(msg('lsp.fix.conditionBlocs'))} : tous les blocs validés`, '}'].join(eol);
        const end = text.length;
        const before = text.endsWith(eol + eol) ? '' : text.endsWith(eol) ? eol : eol + eol;
        return [quickFix(msg('lsp.fix.addObtention'), diagnostic,
            { changes: { [document.uri.toString()]: [{ range: rangeAt(document, end, end), newText: before + block + eol }] } }, true)];
    }

    addCondition(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        const obtention = leaf && AstUtils.getContainerOfType(leaf.astNode, isObtention);
        if (!obtention) return [];
        const edit = insertLineBeforeClose(obtention, `condition ${quoteTexte(msg('lsp.fix.conditionBlocs'))} : tous les blocs validés`);
        return edit ? [quickFix(msg('lsp.fix.addCondition'), diagnostic, edit, true)] : [];
    }


    // --- REF204, REF205, REF206 : renuméroter le bloc ------------------------------------------

    renumberBloc(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        const bloc = leaf && blocOfNode(leaf.astNode);
        const model = modelOf(this.services, document);
        if (!bloc || !model) return [];
        const n = numberOfBloc(model, bloc);
        const renames = new Map<AstNode & { name: string }, string>();
        const rewrite = (code: string, numbers: readonly number[]): string | undefined => {
            const info = analyzeCode(code);
            if (!info.prefix || info.numbers.length !== numbers.length) return undefined;
            let text = `${info.rncpPrefix ?? ''}${info.prefix}${numbers[0]}`;
            for (let i = 1; i < numbers.length; i++) text += (info.separators[i - 1] ?? '.') + numbers[i];
            return text;
        };
        const family = (elements: ReadonlyArray<AstNode & { name: string }>): void => elements.forEach((element, index) => {
            const next = rewrite(element.name, [n, index + 1]);
            if (next && next !== element.name) renames.set(element, next);
        });
        family(bloc.activites);
        family(bloc.competences);
        family(bloc.modalites);
        for (const modalite of bloc.modalites) {
            const before = analyzeCode(modalite.name).numbers;
            const after = analyzeCode(renames.get(modalite) ?? modalite.name).numbers;
            modalite.criteres.forEach((critere, index) => {
                const info = analyzeCode(critere.name);
                // Seulement les critères numérotés d'après leur modalité (CR1.2.3 dans M1.2).
                if (before.length === 0 || info.numbers.length !== before.length + 1 || !before.every((x, k) => info.numbers[k] === x)) return;
                const next = rewrite(critere.name, [...after, index + 1]);
                if (next && next !== critere.name) renames.set(critere, next);
            });
        }
        if (renames.size === 0) return [];
        const changes: Record<string, TextEdit[]> = {};
        for (const [element, name] of renames) {
            for (const reference of this.services.references.References.findReferences(element, { includeDeclaration: true })) {
                (changes[reference.sourceUri.toString()] ??= []).push({ range: reference.segment.range, newText: name });
            }
        }
        return [quickFix(msg('lsp.fix.renumber', { bloc: bloc.name, count: renames.size }), diagnostic, { changes }, false)];
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

/** Au plus autant de propositions d'un même correctif (une par modalité, par compétence…). */
const MAX_CHOICES = 5;

/** Le bloc que désigne le numéro d'un code (C1.7, A1-3 → le bloc n° 1), s'il existe. */
function blocForCode(model: ReferentielModel, code: string): Bloc | undefined {
    const first = analyzeCode(code).numbers[0];
    return first === undefined ? undefined : model.blocs.find(b => numberOfBloc(model, b) === first);
}

function eolOf(text: string): string {
    return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Une ligne de plus après un élément, à sa hauteur d'indentation. */
function insertLineAfter(anchor: AstNode, line: string): WorkspaceEdit | undefined {
    const cst = anchor.$cstNode;
    if (!cst) return undefined;
    const document = AstUtils.getDocument(anchor);
    const text = document.textDocument.getText();
    return { changes: { [document.uri.toString()]: [{ range: rangeAt(document, cst.end, cst.end), newText: eolOf(text) + indentationAt(text, cst.offset) + line }] } };
}

/** Une ligne de plus en tête d'un élément à accolades (juste après « { »), un niveau plus à droite. */
function insertLineAfterOpen(node: AstNode, line: string): WorkspaceEdit | undefined {
    const open = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
    if (!open || !node.$cstNode) return undefined;
    const document = AstUtils.getDocument(node);
    const text = document.textDocument.getText();
    return { changes: { [document.uri.toString()]: [{ range: rangeAt(document, open.end, open.end), newText: eolOf(text) + indentationAt(text, node.$cstNode.offset) + '    ' + line }] } };
}

/** Une ligne de plus à la fin d'un élément à accolades (avant « } »), un niveau plus à droite. */
function insertLineBeforeClose(node: AstNode, line: string): WorkspaceEdit | undefined {
    const close = lastLeaf(node.$cstNode, '}');
    if (!close || !node.$cstNode) return undefined;
    const document = AstUtils.getDocument(node);
    const text = document.textDocument.getText();
    const eol = eolOf(text);
    const indent = indentationAt(text, node.$cstNode.offset);
    const lineStart = text.lastIndexOf('\n', close.offset - 1) + 1;
    const alone = /^[ \t]*$/.test(text.slice(lineStart, close.offset));
    const edit: TextEdit = alone
        ? { range: rangeAt(document, lineStart, lineStart), newText: indent + '    ' + line + eol }
        : { range: rangeAt(document, close.offset, close.offset), newText: eol + indent + '    ' + line + eol + indent };
    return { changes: { [document.uri.toString()]: [edit] } };
}

/**
 * Ajoute un code à la liste d'un élément (« évalue C1.1, C1.2 » → « …, C1.4 ») ; sans liste, une
 * ligne « évalue C1.4 » en tête de l'élément.
 */
function appendToList(node: AstNode, property: string, keyword: string, code: string): WorkspaceEdit | undefined {
    const items = GrammarUtils.findNodesForProperty(node.$cstNode, property);
    const last = items.reduce<CstNode | undefined>((a, b) => (!a || b.end > a.end ? b : a), undefined);
    if (!last) return insertLineAfterOpen(node, `${keyword} ${code}`);
    const document = AstUtils.getDocument(node);
    return { changes: { [document.uri.toString()]: [{ range: rangeAt(document, last.end, last.end), newText: `, ${code}` }] } };
}

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
