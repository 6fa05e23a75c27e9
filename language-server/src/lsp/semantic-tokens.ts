/**
 * Coloration sémantique (types et modificateurs standard de LSP, que tous les thèmes connaissent) :
 *
 * | jeton | type | modificateur |
 * |---|---|---|
 * | code d'une certification, d'un socle, n° RNCP | namespace | declaration à la définition |
 * | bloc (et bloc d'une autre fiche dans « équivalent à ») | class | |
 * | activité | event | |
 * | compétence | type | |
 * | modalité | function | |
 * | critère | method | |
 * | épreuve, mesure | variable | |
 * | code d'une condition | property | declaration |
 * | unité (mois, ans, h…) | enumMember | |
 * | nombre, date | number | |
 * | mots-clés | keyword | |
 * | `éliminatoire`, `seul`, `en équipe`, `actif`… | modifier | |
 * | `et`, `ou`, `non`, comparaisons, `+ - * /`, `%` | operator | |
 * | `moyenne`, `min`, `max`, `somme`, `nombre` | function | defaultLibrary |
 *
 * Les références prennent le type de leur cible (une référence non résolue n'est pas colorée).
 * Les textes et commentaires sont laissés à la grammaire TextMate.
 */
import { CstUtils, GrammarAST, GrammarUtils, type AstNode, type LeafCstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import type { ReferentielServices } from '../referentiel-module.js';

export const TOKEN_TYPE_OF: Record<string, string> = {
    Certification: SemanticTokenTypes.namespace,
    Socle: SemanticTokenTypes.namespace,
    Proprietaire: SemanticTokenTypes.namespace,
    Bloc: SemanticTokenTypes.class,
    Activite: SemanticTokenTypes.event,
    Competence: SemanticTokenTypes.type,
    Modalite: SemanticTokenTypes.function,
    Critere: SemanticTokenTypes.method,
    Epreuve: SemanticTokenTypes.variable,
    Mesure: SemanticTokenTypes.variable,
    Fait: SemanticTokenTypes.variable,
    Condition: SemanticTokenTypes.property
};

const OPERATORS = new Set(['et', 'ou', 'non', '>=', '>', '<=', '<', '=', '!=', '≥', '≤', '≠', '+', '-', '*', '/', '%']);
const MODIFIERS = new Set(['éliminatoire', 'seul', 'en', 'équipe', 'actif', 'inactif', 'temporaire', 'pondérée']);
const FUNCTIONS = new Set(['moyenne', 'min', 'max', 'somme', 'nombre']);
const UNIT_FEATURES = new Set(['unite']);

export class ReferentielSemanticTokenProvider extends AbstractSemanticTokenProvider {
    constructor(private readonly services: ReferentielServices) {
        super(services);
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void | 'prune' {
        const cst = node.$cstNode;
        if (!cst) return 'prune';
        // Une seule passe sur les jetons du document, depuis sa racine.
        for (const leaf of CstUtils.flattenCst(cst)) {
            if (leaf.hidden) continue;
            const token = this.classify(leaf);
            if (token) acceptor({ cst: leaf, type: token.type, modifier: token.modifier });
        }
        return 'prune';
    }

    private classify(leaf: LeafCstNode): { type: string; modifier?: string[] } | undefined {
        const tokenType = leaf.tokenType.name;
        if (tokenType === 'STRING') return undefined;
        if (tokenType === 'NOMBRE' || tokenType === 'DATE') return { type: SemanticTokenTypes.number };
        const assignment = GrammarUtils.findAssignment(leaf);
        const feature = assignment?.feature;
        if (feature && UNIT_FEATURES.has(feature) && !OPERATORS.has(leaf.text)) {
            return { type: SemanticTokenTypes.enumMember };
        }
        if (isKeywordLeaf(leaf)) {
            const word = leaf.text;
            if (feature === 'fonction' || (FUNCTIONS.has(word) && leaf.astNode.$type === 'Appel')) {
                return { type: SemanticTokenTypes.function, modifier: [SemanticTokenModifiers.defaultLibrary] };
            }
            if (OPERATORS.has(word)) return { type: SemanticTokenTypes.operator };
            if (MODIFIERS.has(word) && leaf.astNode.$type !== 'Mesure') {
                return { type: SemanticTokenTypes.modifier };
            }
            return /\p{L}/u.test(word) ? { type: SemanticTokenTypes.keyword } : undefined;
        }
        if (tokenType !== 'CODE') return undefined;
        if (feature === 'name') {
            const type = TOKEN_TYPE_OF[leaf.astNode.$type];
            return type ? { type, modifier: [SemanticTokenModifiers.declaration] } : undefined;
        }
        if (feature === 'rncp') return { type: SemanticTokenTypes.namespace };
        if (feature === 'bloc' && leaf.astNode.$type === 'Equivalence') return { type: SemanticTokenTypes.class };
        if (assignment && GrammarAST.isCrossReference(assignment.terminal)) {
            const target = this.services.references.References.findDeclarations(leaf)[0];
            const type = target ? TOKEN_TYPE_OF[target.$type] : undefined;
            return type ? { type } : undefined;
        }
        return undefined;
    }
}

/**
 * Un mot-clé : aussi l'opérateur d'une règle « infix » de la grammaire (« et », « + »…), dont la
 * feuille a pour source l'affectation des opérateurs plutôt que le mot-clé lui-même.
 */
function isKeywordLeaf(leaf: LeafCstNode): boolean {
    const source = leaf.grammarSource;
    return GrammarAST.isKeyword(source)
        || (GrammarAST.isAssignment(source) && GrammarAST.isAlternatives(source.terminal) && source.terminal.elements.every(GrammarAST.isKeyword));
}
