import { AstUtils, DocumentState, WorkspaceCache, type AstNode, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { canonicalCode } from '../codes.js';
import {
    isActivite, isBloc, isCertification, isCompetence, isCritere, isEpreuve, isFait, isMesure, isModalite, isObtention, isSocle, isVariable,
    type Activite, type Bloc, type Certification, type Competence, type Critere, type Document, type Epreuve, type Fait, type Mesure,
    type Modalite, type Obtention, type Socle
} from '../generated/ast.js';
import { ownerCodeOf, type OwnerIndex } from '../workspace/owners.js';
import { descendants } from './ast-nodes.js';
import type { CodedElement } from './coded.js';

export type { CodedElement } from './coded.js';

/**
 * Un référentiel entier, tous fichiers réunis, avec les liens dans les deux sens.
 * Calculé en un passage sur les documents du référentiel, une fois par construction,
 * et seulement pour les référentiels dont on a besoin. Les règles de couverture, le moteur
 * d'évaluation, l'export et les fonctions de l'éditeur le lisent au lieu de parcourir
 * l'espace de travail.
 */
export interface ReferentielModel {
    /** Code du référentiel (tel qu'écrit dans sa déclaration, ou dans les en-têtes). */
    readonly code: string;
    readonly key: string;
    readonly certification?: Certification;
    readonly socle?: Socle;
    /** Les socles utilisés (modèles), pour une certification. */
    readonly socles: readonly ReferentielModel[];
    readonly documents: readonly LangiumDocument[];
    readonly blocs: readonly Bloc[];
    readonly activites: readonly Activite[];
    readonly competences: readonly Competence[];
    readonly modalites: readonly Modalite[];
    readonly criteres: readonly Critere[];
    readonly obtentions: readonly Obtention[];
    readonly epreuves: readonly Epreuve[];
    readonly mesures: readonly Mesure[];
    /** Les faits (oui/non) que rapportent les dossiers des candidats. */
    readonly faits: readonly Fait[];
    /** Tous les éléments codés, par code canonique (plusieurs = doublon). */
    readonly byCode: ReadonlyMap<string, readonly CodedElement[]>;
    /** Modalités qui évaluent chaque compétence. */
    readonly modalitesOf: ReadonlyMap<Competence, readonly Modalite[]>;
    /** Critères qui vérifient chaque compétence. */
    readonly criteresOf: ReadonlyMap<Competence, readonly Critere[]>;
    /** Compétences issues de chaque activité. */
    readonly competencesOf: ReadonlyMap<Activite, readonly Competence[]>;
    /** Compétences de chaque bloc : les siennes, puis celles qu'il inclut d'un socle. */
    readonly competencesOfBloc: ReadonlyMap<Bloc, readonly Competence[]>;
    /** Bloc d'une compétence (celui qui la contient ou l'inclut). */
    readonly blocOf: ReadonlyMap<Competence, Bloc>;
    /** Épreuves, mesures et faits utilisés par au moins une condition. */
    readonly usedGrandeurs: ReadonlySet<Epreuve | Mesure | Fait>;
}

export function blocOfNode(node: AstNode): Bloc | undefined {
    return AstUtils.getContainerOfType(node, isBloc);
}

export class ReferentielModelProvider {
    private readonly cache: WorkspaceCache<string, ReferentielModel>;

    constructor(shared: LangiumSharedCoreServices, private readonly owners: () => OwnerIndex) {
        // Vidé quand toutes les références sont liées : le modèle lu par la validation est à jour.
        this.cache = new WorkspaceCache(shared, DocumentState.IndexedReferences);
    }

    /** Le modèle du référentiel d'un document (undefined si le fichier n'a pas d'en-tête). */
    forDocument(document: LangiumDocument): ReferentielModel | undefined {
        const code = ownerCodeOf(document.parseResult?.value as Document | undefined);
        return code ? this.forCode(code) : undefined;
    }

    /**
     * Oublie les modèles calculés : appelé quand l'index des référentiels change (un fichier
     * indexé ou retiré), en plus de la phase « références indexées » — une construction interrompue
     * peut sauter l'annonce de cette phase, jamais l'index.
     */
    invalidate(): void {
        this.cache.clear();
    }

    forCode(code: string): ReferentielModel {
        const key = canonicalCode(code);
        return this.cache.get(key, () => this.compute(key, code, new Set([key])));
    }

    /** Les référentiels de l'espace de travail (clés canoniques). */
    ownerKeys(): string[] {
        return [...this.owners().owners()];
    }

    private compute(key: string, code: string, visiting: Set<string>): ReferentielModel {
        const owners = this.owners();
        const documents = [...owners.documentsOf(key)].sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
        let certification: Certification | undefined;
        let socle: Socle | undefined;
        const blocs: Bloc[] = [];
        const activites: Activite[] = [];
        const competences: Competence[] = [];
        const modalites: Modalite[] = [];
        const criteres: Critere[] = [];
        const obtentions: Obtention[] = [];
        const epreuves: Epreuve[] = [];
        const mesures: Mesure[] = [];
        const faits: Fait[] = [];
        const byCode = new Map<string, CodedElement[]>();
        const usedGrandeurs = new Set<Epreuve | Mesure | Fait>();
        const add = (element: CodedElement): void => {
            if (element.name) {
                const k = canonicalCode(element.name);
                const list = byCode.get(k);
                if (list) list.push(element); else byCode.set(k, [element]);
            }
        };

        for (const document of documents) {
            const root = document.parseResult.value as Document;
            if (isCertification(root.entete)) {
                certification ??= root.entete;
                add(root.entete);
            } else if (isSocle(root.entete)) {
                socle ??= root.entete;
                add(root.entete);
            }
            for (const node of descendants(root)) {
                if (isBloc(node)) { blocs.push(node); add(node); }
                else if (isActivite(node)) { activites.push(node); add(node); }
                else if (isCompetence(node)) { competences.push(node); add(node); }
                else if (isModalite(node)) { modalites.push(node); add(node); }
                else if (isCritere(node)) { criteres.push(node); add(node); }
                else if (isEpreuve(node)) { epreuves.push(node); add(node); }
                else if (isMesure(node)) { mesures.push(node); add(node); }
                else if (isFait(node)) { faits.push(node); add(node); }
                else if (isObtention(node)) { obtentions.push(node); }
                else if (isVariable(node)) {
                    const target = node.grandeur?.ref;
                    if (target) usedGrandeurs.add(target);
                }
            }
        }

        const socles: ReferentielModel[] = [];
        if (certification) {
            for (const socleKey of owners.socleKeysOf(key)) {
                if (!visiting.has(socleKey)) {
                    visiting.add(socleKey);
                    socles.push(this.cache.get(socleKey, () => this.compute(socleKey, socleKey, visiting)));
                }
            }
        }

        const modalitesOf = new Map<Competence, Modalite[]>();
        const criteresOf = new Map<Competence, Critere[]>();
        const competencesOf = new Map<Activite, Competence[]>();
        const competencesOfBloc = new Map<Bloc, Competence[]>();
        const blocOf = new Map<Competence, Bloc>();
        const addTo = <K, V>(map: Map<K, V[]>, k: K, v: V): void => {
            const list = map.get(k);
            if (list) { if (!list.includes(v)) list.push(v); } else map.set(k, [v]);
        };

        for (const bloc of blocs) {
            const own = bloc.competences.slice();
            for (const competence of own) {
                blocOf.set(competence, bloc);
            }
            for (const ref of bloc.inclusions) {
                const competence = ref.ref;
                if (competence && !own.includes(competence)) {
                    own.push(competence);
                    if (!blocOf.has(competence)) blocOf.set(competence, bloc);
                }
            }
            competencesOfBloc.set(bloc, own);
        }
        for (const modalite of modalites) {
            for (const ref of modalite.competences) {
                if (ref.ref) addTo(modalitesOf, ref.ref, modalite);
            }
        }
        for (const critere of criteres) {
            for (const ref of critere.competences) {
                if (ref.ref) addTo(criteresOf, ref.ref, critere);
            }
        }
        const allCompetences = [...competences, ...socles.flatMap(s => s.competences)];
        for (const competence of allCompetences) {
            for (const ref of competence.activites) {
                if (ref.ref) addTo(competencesOf, ref.ref, competence);
            }
        }

        const declared = certification?.name ?? socle?.name ?? code;
        return {
            code: declared, key, certification, socle, socles, documents,
            blocs, activites, competences, modalites, criteres, obtentions, epreuves, mesures, faits,
            byCode, modalitesOf, criteresOf, competencesOf, competencesOfBloc, blocOf, usedGrandeurs
        };
    }
}
