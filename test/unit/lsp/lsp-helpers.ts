import type { LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver-types';
import { workspace, type Workspace } from '../../helpers.js';

/** Le référentiel DE réparti sur deux fichiers, qui sert à la plupart des tests de l'éditeur. */
export const PRINCIPAL = `certification DE "Data Engineer" {
    niveau 7
}

bloc BC01 "Collecter et exploiter des données" {
    activité A1-1 "Analyse du besoin du client et des risques liés à la solution"
    activité A1-2 "Rédaction des cahiers des charges"
    compétence C1.1 "Analyser les besoins en intégrant les ressources, les contraintes et les risques" issue de A1-1
    compétence C1.2 "Rédiger les cahiers des charges de manière accessible" issue de A1-2
    compétence C1.3 "Identifier les risques juridiques" issue de A1-1
    modalité M1.1 "Analyse des besoins et rédaction des cahiers des charges" {
        nature "mise en situation"
        seul
        évalue C1.1, C1.2
        critère CR1.1.1 "Les besoins sont hiérarchisés" vérifie C1.1
        critère CR1.1.2 "Les documents respectent la Charte de la communication accessible" vérifie C1.2 éliminatoire
    }
}

obtention {
    épreuve memoire "Mémoire" sur 20
    mesure periode "Période en entreprise" en mois
    condition "Tous les blocs" : tous les blocs validés
    condition C2 "Mémoire" : memoire >= 10 et periode >= 6 mois
}
`;

export const BLOC2 = `référentiel DE

bloc BC02 "Manager la transition data" {
    activité A2-1 "Pilotage"
    compétence C2.1 "Contribuer à la charte éthique" issue de A2-1
    modalité M2.1 "Mission de conseil" {
        nature "mission de conseil"
        en équipe
        évalue C2.1, C1.3
        critère CR2.1.1 "La charte intègre les engagements" vérifie C2.1
        critère CR2.1.2 "Les risques juridiques sont identifiés" vérifie C1.3
    }
}
`;

export async function deWorkspace(extra: Record<string, string> = {}, options: { locale?: 'fr' | 'en' } = {}): Promise<Workspace> {
    return workspace({ 'de.ref': PRINCIPAL, 'bloc2.ref': BLOC2, ...extra }, options);
}

export function doc(ws: Workspace, name: string): LangiumDocument {
    const found = ws.documents.find(d => d.uri.path.endsWith('/' + name));
    if (!found) throw new Error(`pas de document ${name}`);
    return found;
}

/** La position de la n-ième occurrence de `search` (décalée de `delta` caractères). */
export function positionOf(document: LangiumDocument, search: string, delta = 0, occurrence = 0): Position {
    const text = document.textDocument.getText();
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = text.indexOf(search, index + 1);
        if (index < 0) throw new Error(`« ${search} » introuvable dans ${document.uri.path}`);
    }
    return document.textDocument.positionAt(index + delta);
}

export function params(document: LangiumDocument, position: Position) {
    return { textDocument: { uri: document.uri.toString() }, position };
}
