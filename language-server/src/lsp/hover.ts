/**
 * Survol d'un code (définition ou référence) : son texte entier, son bloc, et où il sert —
 * pour une compétence, les activités dont elle est issue, les modalités et critères qui
 * l'évaluent, s'il y a un critère éliminatoire ; pour un bloc, sa couverture ; etc.
 * Markdown, en français (anglais selon la locale). Tout vient du modèle du référentiel.
 */
import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import {
    isActivite, isBloc, isCertification, isCompetence, isCritere, isEpreuve, isMesure, isModalite, isSocle, isVariable,
    type Activite, type Bloc, type Certification, type Competence, type Condition, type Critere, type Document, type Epreuve,
    type Mesure, type Modalite, type Socle
} from '../generated/ast.js';
import { formatNumber, getLocale } from '../i18n/locale.js';
import { msg } from '../i18n/messages.js';
import { single } from '../model/clauses.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import type { ReferentielServices } from '../referentiel-module.js';
import { ownerDeclarationOf } from '../workspace/owners.js';
import { codeAt } from './code-at.js';
import { codeAndTitle, md, modelFor, shorten } from './elements.js';
import { clientSupport, markdownToPlainText } from './client-capabilities.js';
import './lsp-messages.js';

export class ReferentielHoverProvider implements HoverProvider {
    constructor(private readonly services: ReferentielServices) { }

    getHoverContent(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const found = codeAt(this.services, document, document.textDocument.offsetAt(params.position));
        if (!found) return undefined;
        const value = hoverMarkdown(this.services, found.target, document);
        if (!value) return undefined;
        // Un client qui ne lit pas le Markdown reçoit du texte brut.
        const contents = clientSupport(this.services).markdownHover
            ? { kind: 'markdown' as const, value }
            : { kind: 'plaintext' as const, value: markdownToPlainText(value) };
        return { contents, range: found.cst.range };
    }
}

/** « Libellé : valeur » (espace avant les deux-points en français, pas en anglais). */
const colon = (): string => (getLocale() === 'fr' ? ' : ' : ': ');
const line = (label: string, value: string): string => `- **${label}**${colon()}${value}`;

/** Le contenu Markdown du survol d'un élément, vu depuis un document. */
export function hoverMarkdown(services: ReferentielServices, node: AstNode, from: LangiumDocument): string | undefined {
    const model = modelFor(services, node, from);
    if (isCompetence(node)) return competence(services, node, model);
    if (isActivite(node)) return activite(node, model);
    if (isModalite(node)) return modalite(node);
    if (isCritere(node)) return critere(node);
    if (isEpreuve(node) || isMesure(node)) return grandeur(node, model);
    if (isBloc(node)) return bloc(node, model);
    if (isCertification(node)) return certification(node, model);
    if (isSocle(node)) return socle(services, node, model);
    return undefined;
}

function header(node: AstNode & { name?: string }, extra?: string): string {
    return `**${msg(`lsp.type.${node.$type}`)} ${md(node.name ?? '')}**` + (extra ? ` · ${extra}` : '');
}

function notes(list: ReadonlyArray<{ texte?: string }>): string[] {
    return list.filter(n => n.texte).map(n => `> ${md(n.texte!).replace(/\n/g, '\n> ')}`);
}

function blocLabel(bloc: Bloc | undefined): string | undefined {
    return bloc ? `${msg('lsp.hover.bloc')} ${codeAndTitle(bloc, 50)}` : undefined;
}

function list(items: readonly string[], empty: string): string {
    return items.length > 0 ? items.join(', ') : empty;
}

function modaliteSummary(m: Modalite): string {
    const nature = single(m.nature);
    const details = [nature ? md(nature) : undefined, m.seul.length > 0 ? msg('lsp.hover.seul') : m.enEquipe.length > 0 ? msg('lsp.hover.enEquipe') : undefined]
        .filter(Boolean);
    return codeAndTitle(m) + (details.length > 0 ? ` (${details.join(', ')})` : '');
}

function critereSummary(c: Critere): string {
    return codeAndTitle(c) + (c.eliminatoire ? ` *(${msg('lsp.hover.eliminatoireTag')})*` : '');
}

function assessment(competence: Competence, model: ReferentielModel | undefined): string[] {
    const modalites = model?.modalitesOf.get(competence) ?? [];
    const criteres = model?.criteresOf.get(competence) ?? [];
    const eliminatoires = criteres.filter(c => c.eliminatoire);
    return [
        line(msg('lsp.hover.evalueePar'), list(modalites.map(modaliteSummary), msg('lsp.hover.nonEvaluee'))),
        line(msg('lsp.hover.verifieePar'), list(criteres.map(critereSummary), msg('lsp.hover.aucunCritere'))),
        line(msg('lsp.hover.eliminatoire'), eliminatoires.length > 0
            ? `${msg('lsp.hover.oui')} (${eliminatoires.map(c => `\`${c.name}\``).join(', ')})`
            : msg('lsp.hover.non'))
    ];
}

function competence(services: ReferentielServices, node: Competence, model: ReferentielModel | undefined): string {
    const inSocle = isSocle(ownerHeader(node));
    const bloc = model?.blocOf.get(node) ?? (isBloc(node.$container) ? node.$container : undefined);
    const where = inSocle
        ? `${msg('lsp.hover.socle')} \`${ownerHeader(node)?.name}\`` + (bloc ? ` · ${msg('lsp.hover.includedIn')} ${codeAndTitle(bloc, 50)}` : '')
        : blocLabel(bloc);
    const parts = [header(node, where), md(node.texte ?? ''), ...notes(node.notes), '---'];
    const activites = node.activites.map(r => r.ref ? codeAndTitle(r.ref) : `\`${r.$refText}\``);
    parts.push(line(msg('lsp.hover.issueDe'), list(activites, msg('lsp.hover.aucune'))));
    if (inSocle && model?.socle) {
        // Dans le fichier du socle : la couverture dans chaque certification qui l'utilise.
        const users = services.references.OwnerIndex.usersOf(model.key).map(key => services.referentiel.Models.forCode(key));
        for (const user of users) {
            const modalites = user.modalitesOf.get(node) ?? [];
            const criteres = user.criteresOf.get(node) ?? [];
            const detail = modalites.length > 0
                ? msg('lsp.lens.evaluee', { modalites: modalites.map(m => `\`${m.name}\``).join(', '), criteres: criteres.length })
                : msg('lsp.lens.nonEvaluee');
            parts.push(line(msg('lsp.hover.dansCertification', { code: user.code }), detail));
        }
    } else {
        parts.push(...assessment(node, model));
    }
    return compact(parts);
}

function activite(node: Activite, model: ReferentielModel | undefined): string {
    const parent = isActivite(node.$container) ? node.$container : undefined;
    const bloc = AstUtils.getContainerOfType(node, isBloc);
    const parts = [header(node, blocLabel(bloc)), md(node.texte ?? ''), ...notes(node.notes), '---'];
    if (parent) parts.push(line(msg('lsp.hover.activiteParente'), codeAndTitle(parent)));
    if (node.activites.length > 0) parts.push(line(msg('lsp.hover.sousActivites'), node.activites.map(a => codeAndTitle(a)).join(', ')));
    const competences = model?.competencesOf.get(node) ?? [];
    parts.push(line(msg('lsp.hover.competencesIssues'), list(competences.map(c => codeAndTitle(c)), msg('lsp.hover.aucune'))));
    return compact(parts);
}

function modalite(node: Modalite): string {
    const bloc = AstUtils.getContainerOfType(node, isBloc);
    const parts = [header(node, blocLabel(bloc)), md(node.titre ?? ''), ...notes(node.notes), '---'];
    const nature = single(node.nature);
    parts.push(line(msg('lsp.hover.nature'), nature ? md(nature) : msg('lsp.hover.nonPrecise')));
    parts.push(line(msg('lsp.hover.travail'), node.seul.length > 0 ? msg('lsp.hover.seul') : node.enEquipe.length > 0 ? msg('lsp.hover.enEquipe') : msg('lsp.hover.nonPrecise')));
    const competences = node.competences.map(r => r.ref ? codeAndTitle(r.ref) : `\`${r.$refText}\``);
    parts.push(line(msg('lsp.hover.evalue'), list(competences, msg('lsp.hover.aucune'))));
    const eliminatoires = node.criteres.filter(c => c.eliminatoire).length;
    parts.push(line(msg('lsp.hover.criteres'), msg('lsp.hover.criteresCount', { count: node.criteres.length, eliminatoires })));
    if (node.livrables.length > 0) {
        parts.push(line(msg('lsp.hover.livrables'), node.livrables.map(l => md(l.nature) + (l.description ? ` (${md(shorten(l.description, 60))})` : '')).join(', ')));
    }
    const jury = single(node.jury);
    if (jury) {
        parts.push(line(msg('lsp.hover.jury'), (jury.effectif !== undefined ? `${formatNumber(jury.effectif)} — ` : '') + md(jury.description)));
    }
    const consigne = single(node.consigne);
    if (consigne) parts.push(`**${msg('lsp.hover.consigne')}**${colon()}${md(consigne)}`);
    return compact(parts);
}

function critere(node: Critere): string {
    const modalite = node.$container;
    const parts = [header(node, node.eliminatoire ? `*${msg('lsp.hover.eliminatoireTag')}*` : undefined), md(node.texte ?? ''), '---'];
    parts.push(line(msg('lsp.hover.modalite'), codeAndTitle(modalite)));
    const competences = node.competences.map(r => r.ref ? codeAndTitle(r.ref) : `\`${r.$refText}\``);
    parts.push(line(msg('lsp.hover.verifie'), list(competences, msg('lsp.hover.rienVerifie'))));
    parts.push(line(msg('lsp.hover.eliminatoire'), node.eliminatoire ? msg('lsp.hover.oui') : msg('lsp.hover.non')));
    return compact(parts);
}

/** Les conditions qui utilisent une épreuve ou une mesure (les règles d'obtention sont courtes). */
export function conditionsUsing(model: ReferentielModel | undefined, grandeur: Epreuve | Mesure): Condition[] {
    const result: Condition[] = [];
    for (const obtention of model?.obtentions ?? []) {
        for (const condition of obtention.conditions) {
            if (condition.expression && AstUtils.streamAst(condition.expression).some(n => isVariable(n) && n.grandeur?.ref === grandeur)) {
                result.push(condition);
            }
        }
    }
    return result;
}

function grandeur(node: Epreuve | Mesure, model: ReferentielModel | undefined): string {
    const parts = [header(node), md(node.titre ?? ''), '---'];
    parts.push(isEpreuve(node)
        ? line(msg('lsp.type.Epreuve'), msg('lsp.hover.bareme', { scale: formatNumber(node.bareme) }))
        : line(msg('lsp.type.Mesure'), msg('lsp.hover.unite', { unit: md(node.unite) })));
    const conditions = conditionsUsing(model, node).map(c => (c.name ? `\`${c.name}\` ` : '') + `« ${md(shorten(c.titre ?? '', 60))} »`);
    parts.push(line(msg('lsp.hover.conditions'), list(conditions, msg('lsp.hover.aucuneCondition'))));
    return compact(parts);
}

/** Couverture d'un bloc : ses compétences évaluées par au moins une modalité. */
export function coverageOf(model: ReferentielModel | undefined, bloc: Bloc): { evaluees: number; total: number; manquantes: Competence[] } {
    const competences = model?.competencesOfBloc.get(bloc) ?? bloc.competences;
    const manquantes = competences.filter(c => (model?.modalitesOf.get(c) ?? []).length === 0);
    return { evaluees: competences.length - manquantes.length, total: competences.length, manquantes };
}

function bloc(node: Bloc, model: ReferentielModel | undefined): string {
    const parts = [header(node), md(node.titre ?? ''), ...notes(node.notes), '---'];
    const coverage = coverageOf(model, node);
    parts.push(`- ${msg('lsp.hover.couverture', { evaluees: coverage.evaluees, total: coverage.total })}`);
    if (coverage.manquantes.length > 0) {
        parts.push(line(msg('lsp.hover.nonEvaluees'), coverage.manquantes.map(c => codeAndTitle(c, 40)).join(', ')));
    }
    const own = single(node.seuil)?.pourcentage;
    const common = single(model?.obtentions.find(o => o.seuilBlocs.length > 0)?.seuilBlocs)?.pourcentage;
    if (own !== undefined) parts.push(`- ${msg('lsp.hover.seuil', { pourcentage: formatNumber(own) })}`);
    else if (common !== undefined) parts.push(`- ${msg('lsp.hover.seuilCommun', { pourcentage: formatNumber(common) })}`);
    const activites = AstUtils.streamAllContents(node).filter(isActivite).count();
    parts.push(`- ${msg('lsp.hover.contenu', { activites, competences: coverage.total, modalites: node.modalites.length })}`);
    if (node.equivalences.length > 0) {
        parts.push(line(msg('lsp.hover.equivalences'), node.equivalences.map(e => `\`${e.bloc}\`` + (e.titre ? ` « ${md(shorten(e.titre, 50))} »` : '')).join(', ')));
    }
    return compact(parts);
}

function certification(node: Certification, model: ReferentielModel | undefined): string {
    const parts = [header(node), md(node.titre ?? ''), '---'];
    const rncp = single(node.rncp);
    const niveau = single(node.niveau);
    if (rncp) parts.push(line(msg('lsp.hover.rncp'), `\`${rncp}\``));
    if (niveau !== undefined) parts.push(line(msg('lsp.hover.niveau'), formatNumber(niveau)));
    if (model) {
        parts.push(`- ${msg('lsp.hover.blocs', { count: model.blocs.length })} · ${msg('lsp.hover.fichiers', { count: model.documents.length })}`);
        const covered = model.blocs.map(b => coverageOf(model, b));
        const evaluees = covered.reduce((n, c) => n + c.evaluees, 0);
        const total = covered.reduce((n, c) => n + c.total, 0);
        parts.push(`- ${msg('lsp.hover.couverture', { evaluees, total })}`);
    }
    if (node.socles.length > 0) parts.push(line(msg('lsp.type.Socle'), node.socles.map(s => `\`${s.$refText}\``).join(', ')));
    return compact(parts);
}

function socle(services: ReferentielServices, node: Socle, model: ReferentielModel | undefined): string {
    const parts = [header(node), md(node.titre ?? ''), ...notes(node.notes), '---'];
    if (model) {
        parts.push(`- ${msg('lsp.hover.fichiers', { count: model.documents.length })}`);
        const users = services.references.OwnerIndex.usersOf(model.key).map(k => services.referentiel.Models.forCode(k).code).sort();
        parts.push(line(msg('lsp.hover.utilisePar'), list(users.map(u => `\`${u}\``), msg('lsp.hover.aucune'))));
    }
    return compact(parts);
}

function ownerHeader(node: AstNode): Certification | Socle | undefined {
    return ownerDeclarationOf(AstUtils.getDocument(node).parseResult.value as Document);
}

/** Paragraphes séparés par une ligne vide, listes serrées. */
function compact(parts: readonly string[]): string {
    let result = '';
    for (const part of parts) {
        if (part === '') continue;
        if (!result) result = part;
        else if (part.startsWith('- ') && !result.endsWith('---')) result += '\n' + part;
        else result += '\n\n' + part;
    }
    return result;
}
