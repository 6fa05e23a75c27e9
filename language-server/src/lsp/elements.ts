/**
 * Petits outils partagés par les fonctions de l'éditeur : le texte d'un élément codé, son
 * raccourci, son emplacement LSP, le modèle du référentiel qui le voit, l'échappement Markdown.
 */
import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { Location, Range } from 'vscode-languageserver-types';
import {
    isActivite, isBloc, isCertification, isCompetence, isCritere, isEpreuve, isMesure, isModalite, isSocle
} from '../generated/ast.js';
import type { CodedElement, ReferentielModel } from '../model/referentiel-model.js';
import type { ReferentielServices } from '../referentiel-module.js';

/** Le texte (ou le titre) d'un élément codé. */
export function textOf(node: AstNode): string {
    if (isActivite(node) || isCompetence(node) || isCritere(node)) return node.texte ?? '';
    if (isBloc(node) || isModalite(node) || isEpreuve(node) || isMesure(node) || isCertification(node) || isSocle(node)) return node.titre ?? '';
    return '';
}

/** Un texte sur une ligne, raccourci à `max` caractères (points de suspension). */
export function shorten(text: string, max: number): string {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (flat.length <= max) return flat;
    const cut = flat.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '') + '…';
}

/** Échappe les caractères qui auraient un sens en Markdown. */
export function md(text: string): string {
    return text.replace(/([\\`*_{}[\]<>#|~])/g, '\\$1');
}

/** « C1.1 « Analyser les besoins… » » : un code et son texte raccourci, en Markdown. */
export function codeAndTitle(node: CodedElement, max = 60): string {
    const text = textOf(node);
    return text ? `\`${node.name}\` « ${md(shorten(text, max))} »` : `\`${node.name}\``;
}

export function nameRange(node: AstNode): Range | undefined {
    return (GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? node.$cstNode)?.range;
}

/** L'emplacement du code d'un élément (lien LSP sérialisable). */
export function locationOf(node: AstNode): Location | undefined {
    const range = nameRange(node);
    return range ? { uri: AstUtils.getDocument(node).uri.toString(), range } : undefined;
}

export function basename(document: LangiumDocument): string {
    const path = document.uri.path;
    return path.slice(path.lastIndexOf('/') + 1);
}

/** Le modèle du référentiel d'un document (undefined sans en-tête). */
export function modelOf(services: ReferentielServices, document: LangiumDocument): ReferentielModel | undefined {
    return services.referentiel.Models.forDocument(document);
}

/**
 * Le modèle qui juge un élément vu depuis un document : celui du document (une compétence de
 * socle se juge dans la certification qui l'utilise), sinon celui de l'élément.
 */
export function modelFor(services: ReferentielServices, node: AstNode, from?: LangiumDocument): ReferentielModel | undefined {
    const own = modelOf(services, AstUtils.getDocument(node));
    if (from) {
        const viewer = modelOf(services, from);
        if (viewer && viewer !== own && viewer.socles.includes(own!)) return viewer;
    }
    return own;
}
