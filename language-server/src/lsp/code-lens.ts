/**
 * Lentilles de code : au-dessus de chaque compétence, « évaluée par M1.2 · 3 critères » ou
 * « non évaluée » ; au-dessus de chaque bloc, « couverture : x/y compétences évaluées ».
 *
 * Un clic montre les endroits concernés (références dans « évalue » et « vérifie » pour une
 * compétence ; compétences non évaluées pour un bloc) avec la commande VS Code
 * `editor.action.showReferences`, dont les arguments sont des objets LSP sérialisables :
 * `[uri: string, position: Position, locations: Location[]]` (l'extension les convertit en
 * objets VS Code ; voir docs/editor.md). Toute lentille a une vraie commande : pour une
 * compétence non évaluée, le clic montre les modalités de son bloc (où l'ajouter à « évalue ») ;
 * pour un bloc entièrement couvert, ses compétences. Une lentille qui n'aurait rien à montrer
 * n'est pas envoyée (le diagnostic correspondant dit déjà le problème).
 */
import { AstUtils, type LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { Location, Position } from 'vscode-languageserver-types';
import { isBloc, isCompetence, type Bloc, type Competence } from '../generated/ast.js';
import { msg } from '../i18n/messages.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import type { ReferentielServices } from '../referentiel-module.js';
import { locationOf, modelOf, nameRange } from './elements.js';
import { coverageOf } from './hover.js';
import './lsp-messages.js';

export const SHOW_REFERENCES = 'editor.action.showReferences';

export class ReferentielCodeLensProvider implements CodeLensProvider {
    constructor(private readonly services: ReferentielServices) { }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const model = modelOf(this.services, document);
        if (!model) return [];
        const lenses: CodeLens[] = [];
        for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
            if (isBloc(node) && !model.socle) {
                const lens = this.blocLens(document, node, model);
                if (lens) lenses.push(lens);
            } else if (isCompetence(node)) {
                lenses.push(...this.competenceLenses(document, node, model));
            }
        }
        return lenses;
    }

    private blocLens(document: LangiumDocument, bloc: Bloc, model: ReferentielModel): CodeLens | undefined {
        const range = nameRange(bloc);
        if (!range) return undefined;
        const coverage = coverageOf(model, bloc);
        const title = msg('lsp.lens.couverture', { evaluees: coverage.evaluees, total: coverage.total });
        // Les compétences non évaluées ; toutes les compétences du bloc s'il n'en manque aucune.
        const shown = coverage.manquantes.length > 0 ? coverage.manquantes : model.competencesOfBloc.get(bloc) ?? [];
        const locations = shown.map(c => locationOf(c)).filter((l): l is Location => l !== undefined);
        const command = showReferences(title, document, range.start, locations);
        return command ? { range, command } : undefined;
    }

    private competenceLenses(document: LangiumDocument, competence: Competence, model: ReferentielModel): CodeLens[] {
        const range = nameRange(competence);
        if (!range) return [];
        if (!model.socle) {
            const command = this.assessmentCommand(document, competence, model, range.start);
            return command ? [{ range, command }] : [];
        }
        // Dans un socle : la couverture dans chaque certification qui l'utilise.
        const users = this.services.references.OwnerIndex.usersOf(model.key).sort()
            .map(key => this.services.referentiel.Models.forCode(key))
            .filter(user => [...user.competencesOfBloc.values()].some(list => list.includes(competence)));
        if (users.length === 0) {
            // Le clic montre les certifications qui utilisent le socle (où l'inclure dans un bloc).
            const certifications = this.services.references.OwnerIndex.usersOf(model.key).sort()
                .map(key => this.services.referentiel.Models.forCode(key).certification)
                .map(c => (c ? locationOf(c) : undefined))
                .filter((l): l is Location => l !== undefined);
            const command = showReferences(msg('lsp.lens.nonIncluse'), document, range.start, certifications);
            return command ? [{ range, command }] : [];
        }
        return users.flatMap(user => {
            const command = this.assessmentCommand(document, competence, user, range.start);
            return command ? [{ range, command: { ...command, title: msg('lsp.lens.dans', { code: user.code, detail: command.title }) } }] : [];
        });
    }

    private assessmentCommand(document: LangiumDocument, competence: Competence, model: ReferentielModel, position: Position) {
        const modalites = model.modalitesOf.get(competence) ?? [];
        const criteres = model.criteresOf.get(competence) ?? [];
        if (modalites.length === 0) {
            // Le clic montre les modalités du bloc : c'est dans l'une d'elles qu'il faut l'évaluer.
            const bloc = model.blocOf.get(competence);
            const candidates = (bloc?.modalites ?? []).map(m => locationOf(m)).filter((l): l is Location => l !== undefined);
            return showReferences(msg('lsp.lens.nonEvaluee'), document, position, candidates);
        }
        const title = msg('lsp.lens.evaluee', { modalites: modalites.map(m => m.name).join(', '), criteres: criteres.length });
        // Les endroits : la compétence dans les listes « évalue » puis « vérifie ».
        const locations: Location[] = [];
        for (const owner of [...modalites, ...criteres]) {
            for (const ref of owner.competences) {
                if (ref.ref === competence && ref.$refNode) {
                    locations.push({ uri: AstUtils.getDocument(owner).uri.toString(), range: ref.$refNode.range });
                }
            }
        }
        return showReferences(title, document, position, locations);
    }
}

/** La commande qui montre des endroits ; aucune (`undefined`) s'il n'y a rien à montrer. */
function showReferences(title: string, document: LangiumDocument, position: Position, locations: Location[]) {
    if (locations.length === 0) return undefined;
    return { title, command: SHOW_REFERENCES, arguments: [document.uri.toString(), position, locations] };
}
