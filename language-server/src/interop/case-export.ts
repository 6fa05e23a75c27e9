import { canonicalCode } from '../codes.js';
import { isActivite, type Activite, type Bloc, type Competence, type Critere, type Modalite } from '../generated/ast.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import { textOf } from '../validation/rule-types.js';
import { REFERENTIEL_NAMESPACE, urnUuid, uuidv5 } from './uuid.js';
import { single } from '../model/clauses.js';

/**
 * Le référentiel comme un paquet CASE 1.1 (1EdTech Competencies and Academic Standards
 * Exchange) : un CFDocument (la certification), des CFItems (blocs, activités, compétences,
 * modalités, critères), des CFAssociations, et les définitions (types d'items, groupes
 * d'associations).
 *
 * L'arbre (isChildOf) : certification › bloc › activité (› sous-activité), compétence,
 * modalité › critère. Les liens du référentiel sont des isRelatedTo, rangés par groupe
 * (CFAssociationGrouping) : « issue de » (compétence → activité), « évalue »
 * (modalité → compétence), « vérifie » (critère → compétence), « équivalent à »
 * (bloc → bloc d'une autre fiche). Un critère est rangé sous sa modalité, pas sous une
 * compétence : il appartient à une seule modalité mais peut vérifier plusieurs compétences
 * (ou aucune) ; le ranger sous une compétence obligerait à choisir ou à le dupliquer.
 *
 * Identifiants : UUID v5 (espace de noms fixe, référentiel, code de l'élément sous forme
 * canonique) — les mêmes à chaque export, et d'un export à l'autre tant que les codes ne
 * changent pas. Adresses (`uri`) : sous l'adresse de base donnée (`--base-uri`, le service
 * CASE du certificateur : `<base>CFItems/<identifiant>`…), sinon `urn:uuid:<identifiant>`.
 * Dates (`lastChangeDateTime`) : la date de version du référentiel (`version du …`), sinon
 * celle du début d'enregistrement, sinon 1970-01-01 (jamais « maintenant ») : un nouvel export
 * du même référentiel donne les mêmes octets.
 */

export const CASE_VERSION = '1.1';
export const CASE_FRAMEWORK_TYPE = 'Référentiel de certification professionnelle';

export type CaseItemKind = 'bloc' | 'activite' | 'competence' | 'modalite' | 'critere';

export const CASE_ITEM_TYPES: Readonly<Record<CaseItemKind, { title: string; description: string; hierarchyCode: string }>> = {
    bloc: { title: 'Bloc de compétences', description: 'Ensemble homogène de compétences, validable seul (Code du travail, art. L6113-1).', hierarchyCode: '1' },
    activite: { title: 'Activité', description: 'Situation de travail ou activité du métier (référentiel d\'activités).', hierarchyCode: '2' },
    competence: { title: 'Compétence', description: 'Compétence issue des activités (référentiel de compétences).', hierarchyCode: '2' },
    modalite: { title: 'Modalité d\'évaluation', description: 'Situation d\'évaluation des compétences (référentiel d\'évaluation).', hierarchyCode: '2' },
    critere: { title: 'Critère d\'évaluation', description: 'Ce que le jury vérifie dans une modalité d\'évaluation.', hierarchyCode: '3' }
};

export type CaseGrouping = 'issueDe' | 'evalue' | 'verifie' | 'equivalent';

export const CASE_GROUPINGS: Readonly<Record<CaseGrouping, { title: string; description: string }>> = {
    issueDe: { title: 'issue de', description: 'La compétence (origine) est issue de l\'activité (destination).' },
    evalue: { title: 'évalue', description: 'La modalité d\'évaluation (origine) évalue la compétence (destination).' },
    verifie: { title: 'vérifie', description: 'Le critère (origine) vérifie la compétence (destination).' },
    equivalent: { title: 'équivalent à', description: 'Un candidat qui a acquis le bloc de destination (autre fiche RNCP) voit le bloc d\'origine validé par équivalence.' }
};

interface LinkUri { title: string; identifier: string; uri: string }

const EPOCH = '1970-01-01T00:00:00Z';

/** Le type (CASE 1.1 `targetType`) d'un bloc d'une autre fiche RNCP, cible d'une équivalence. */
export const CASE_RNCP_BLOC_TARGET_TYPE = 'ext:RNCP.BlocDeCompetences';

export interface CaseOptions {
    /**
     * Adresse de base (https) du service CASE qui publie le référentiel : les `uri` deviennent
     * `<base>CFDocuments/<id>`, `<base>CFItems/<id>`… Sans elle, `urn:uuid:<id>`.
     */
    readonly baseUri?: string;
}

/** La date de dernière modification d'un référentiel : sa version, sinon le début d'enregistrement. */
export function caseLastChange(model: ReferentielModel): string {
    const certification = model.certification;
    for (const date of [single(certification?.version), single(certification?.enregistrement)?.debut]) {
        if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) return `${date}T00:00:00Z`;
    }
    return EPOCH;
}

/** L'identifiant stable d'un élément d'un référentiel. */
export function caseElementId(ownerCode: string, elementCode: string): string {
    return uuidv5(`referentiel:${canonicalCode(ownerCode)}:${canonicalCode(elementCode)}`, REFERENTIEL_NAMESPACE);
}

/** L'identifiant stable du CFDocument d'un référentiel. */
export function caseDocumentId(code: string): string {
    return uuidv5(`referentiel:${canonicalCode(code)}`, REFERENTIEL_NAMESPACE);
}

/** L'adresse publique d'une fiche RNCP ou RS sur le site de France Compétences. */
export function ficheUrl(numero: string | undefined): string | undefined {
    const m = /^(RNCP|RS)(\d+)$/.exec(numero ?? '');
    return m ? `https://www.francecompetences.fr/recherche/${m[1].toLowerCase()}/${m[2]}/` : undefined;
}

export function exportCase(model: ReferentielModel, options: CaseOptions = {}): Record<string, unknown> {
    const certification = model.certification;
    const when = caseLastChange(model);
    const base = options.baseUri === undefined ? undefined : options.baseUri.endsWith('/') ? options.baseUri : options.baseUri + '/';
    const uriOf = (collection: string, id: string): string => (base ? `${base}${collection}/${id}` : urnUuid(id));
    const docId = caseDocumentId(model.code);
    const docLink: LinkUri = { title: certification?.titre ?? model.code, identifier: docId, uri: uriOf('CFDocuments', docId) };

    const typeLinks = new Map<CaseItemKind, LinkUri>();
    for (const [kind, def] of Object.entries(CASE_ITEM_TYPES) as Array<[CaseItemKind, typeof CASE_ITEM_TYPES[CaseItemKind]]>) {
        const id = uuidv5(`case-item-type:${def.title}`, REFERENTIEL_NAMESPACE);
        typeLinks.set(kind, { title: def.title, identifier: id, uri: uriOf('CFItemTypes', id) });
    }
    const groupingLinks = new Map<CaseGrouping, LinkUri>();
    for (const [key, def] of Object.entries(CASE_GROUPINGS) as Array<[CaseGrouping, typeof CASE_GROUPINGS[CaseGrouping]]>) {
        const id = uuidv5(`case-association-grouping:${def.title}`, REFERENTIEL_NAMESPACE);
        groupingLinks.set(key, { title: def.title, identifier: id, uri: uriOf('CFAssociationGroupings', id) });
    }

    // Propriétaire d'un élément : le référentiel, ou le socle d'où vient une compétence incluse.
    const ownerOf = (node: Competence | Activite): string => {
        if (model.competences.includes(node as Competence) || model.activites.includes(node as Activite)) return model.code;
        const socle = model.socles.find(s => s.competences.includes(node as Competence) || s.activites.includes(node as Activite));
        return socle?.code ?? model.code;
    };

    const items: Array<Record<string, unknown>> = [];
    const links = new Map<object, LinkUri>();
    const addItem = (node: object, kind: CaseItemKind, owner: string, code: string, statement: string, extra: Record<string, unknown> = {}): void => {
        if (links.has(node)) return;
        const id = caseElementId(owner, code);
        const link: LinkUri = { title: code, identifier: id, uri: uriOf('CFItems', id) };
        links.set(node, link);
        items.push({
            identifier: id,
            uri: link.uri,
            fullStatement: statement,
            humanCodingScheme: code,
            CFItemType: CASE_ITEM_TYPES[kind].title,
            CFItemTypeURI: typeLinks.get(kind),
            language: 'fr',
            lastChangeDateTime: when,
            ...extra
        });
    };
    const notesOf = (list: ReadonlyArray<{ texte: string }>): Record<string, unknown> =>
        list.length ? { notes: list.map(n => n.texte).join('\n\n') } : {};

    const obtention = model.obtentions[0];
    const defaultThreshold = single(obtention?.seuilBlocs)?.pourcentage ?? 100;
    for (const b of model.blocs) {
        addItem(b, 'bloc', model.code, b.name, b.titre, {
            ...notesOf(b.notes),
            extensions: { seuilValidation: single(b.seuil)?.pourcentage ?? defaultThreshold }
        });
    }
    for (const a of model.activites) addItem(a, 'activite', model.code, a.name, a.texte, notesOf(a.notes));
    for (const c of model.competences) addItem(c, 'competence', model.code, c.name, c.texte, notesOf(c.notes));
    for (const b of model.blocs) {
        for (const c of model.competencesOfBloc.get(b) ?? []) addItem(c, 'competence', ownerOf(c), c.name, c.texte, notesOf(c.notes));
    }
    for (const m of model.modalites) {
        const consigne = single(m.consigne);
        const jury = single(m.jury);
        const nature = single(m.nature);
        const details = [
            consigne ? `Consigne : ${consigne}` : undefined,
            m.livrables.length ? `Livrables : ${m.livrables.map(l => l.description ? `${l.nature} (${l.description})` : l.nature).join(' ; ')}` : undefined,
            jury ? `Jury : ${jury.effectif !== undefined ? `${jury.effectif} — ` : ''}${jury.description}` : undefined,
            ...m.notes.map(n => n.texte)
        ].filter((x): x is string => Boolean(x));
        addItem(m, 'modalite', model.code, m.name, m.titre, {
            ...(details.length ? { notes: details.join('\n\n') } : {}),
            extensions: {
                ...(nature ? { nature } : {}),
                ...(m.seul.length > 0 ? { organisation: 'seul' } : m.enEquipe.length > 0 ? { organisation: 'en équipe' } : {})
            }
        });
    }
    for (const c of model.criteres) {
        addItem(c, 'critere', model.code, c.name, c.texte, {
            ...(c.eliminatoire ? { notes: 'Critère éliminatoire : s\'il n\'est pas satisfait, la compétence n\'est pas validée.' } : {}),
            extensions: { eliminatoire: c.eliminatoire }
        });
    }

    const associations: Array<Record<string, unknown>> = [];
    const seen = new Set<string>();
    const sequences = new Map<string, number>();
    const associate = (type: 'isChildOf' | 'isRelatedTo', origin: LinkUri | undefined, destination: (LinkUri & { targetType?: string }) | undefined, grouping?: CaseGrouping): void => {
        if (!origin || !destination) return;
        const key = `${type}:${origin.identifier}:${destination.identifier}:${grouping ?? ''}`;
        if (seen.has(key)) return;
        seen.add(key);
        const id = uuidv5(`referentiel:${canonicalCode(model.code)}:association:${key}`, REFERENTIEL_NAMESPACE);
        let sequence: number | undefined;
        if (type === 'isChildOf') {
            sequence = (sequences.get(destination.identifier) ?? 0) + 1;
            sequences.set(destination.identifier, sequence);
        }
        associations.push({
            identifier: id,
            uri: uriOf('CFAssociations', id),
            associationType: type,
            ...(sequence !== undefined ? { sequenceNumber: sequence } : {}),
            originNodeURI: origin,
            destinationNodeURI: destination,
            ...(grouping ? { CFAssociationGroupingURI: groupingLinks.get(grouping) } : {}),
            lastChangeDateTime: when
        });
    };

    // L'arbre.
    for (const b of model.blocs) {
        associate('isChildOf', links.get(b), docLink);
        for (const a of b.activites) associate('isChildOf', links.get(a), links.get(b));
        for (const c of model.competencesOfBloc.get(b) ?? []) associate('isChildOf', links.get(c), links.get(b));
        for (const m of b.modalites) associate('isChildOf', links.get(m), links.get(b));
    }
    for (const a of model.activites) {
        if (isActivite(a.$container)) associate('isChildOf', links.get(a), links.get(a.$container));
    }
    for (const c of model.criteres) associate('isChildOf', links.get(c), links.get(c.$container as Modalite));

    // Les liens.
    const competencesShown = [...model.competences, ...model.blocs.flatMap(b => model.competencesOfBloc.get(b) ?? [])];
    for (const c of competencesShown) {
        for (const ref of c.activites) associate('isRelatedTo', links.get(c), ref.ref ? links.get(ref.ref) : undefined, 'issueDe');
    }
    for (const m of model.modalites) {
        for (const ref of m.competences) associate('isRelatedTo', links.get(m), ref.ref ? links.get(ref.ref) : undefined, 'evalue');
    }
    for (const c of model.criteres as Critere[]) {
        for (const ref of c.competences) associate('isRelatedTo', links.get(c), ref.ref ? links.get(ref.ref) : undefined, 'verifie');
    }
    for (const b of model.blocs as Bloc[]) {
        for (const e of b.equivalences) {
            // Un bloc d'une autre fiche, hors de ce cadre : typé, et désigné par la page publique de sa fiche.
            const id = uuidv5(`rncp-bloc:${canonicalCode(e.bloc)}`, REFERENTIEL_NAMESPACE);
            const fiche = /^(RNCP\d+)BC\d+$/i.exec(canonicalCode(e.bloc))?.[1].toUpperCase();
            const destination = {
                title: e.titre ? `${e.bloc} — ${e.titre}` : e.bloc,
                identifier: id,
                uri: ficheUrl(fiche) ?? urnUuid(id),
                targetType: CASE_RNCP_BLOC_TARGET_TYPE
            };
            associate('isRelatedTo', links.get(b), destination, 'equivalent');
        }
    }

    const usedGroupings = new Set(associations.map(a => (a.CFAssociationGroupingURI as LinkUri | undefined)?.identifier).filter(Boolean));
    const enregistrement = single(certification?.enregistrement);
    const conditions = obtention?.conditions.map(c => `${c.titre} : ${c.expression ? textOf(c.expression) : ''}`) ?? [];
    const documentNotes = [
        ...(certification?.notes ?? model.socle?.notes ?? []).map(n => n.texte),
        ...(conditions.length ? [`Règles d'obtention (texte ; CASE ne les représente pas) : ${conditions.join(' ; ')}.`] : [])
    ];
    const subjects = certification?.nsf.map(n => n.libelle ? `${n.code} ${n.libelle}` : n.code) ?? [];
    const rncp = single(certification?.rncp);
    const niveau = single(certification?.niveau);
    const statut = single(certification?.statut);
    const sourceUrl = ficheUrl(rncp ?? model.code);

    const document: Record<string, unknown> = {
        identifier: docId,
        uri: docLink.uri,
        creator: certification?.certificateurs.map(c => c.nom).join(' ; ') || model.code,
        title: certification?.titre ?? model.socle?.titre ?? model.code,
        lastChangeDateTime: when,
        ...(sourceUrl ? { officialSourceURL: sourceUrl } : {}),
        ...(subjects.length ? { subject: subjects } : {}),
        language: 'fr',
        ...(statut ? { adoptionStatus: statut === 'actif' ? 'Adopted' : 'Deprecated' } : {}),
        ...(enregistrement?.debut ? { statusStartDate: enregistrement.debut } : {}),
        ...(enregistrement?.fin ? { statusEndDate: enregistrement.fin } : {}),
        ...(documentNotes.length ? { notes: documentNotes.join('\n\n') } : {}),
        caseVersion: CASE_VERSION,
        frameworkType: CASE_FRAMEWORK_TYPE,
        extensions: {
            referentiel: model.code,
            ...(rncp ? { rncp } : {}),
            ...(niveau !== undefined ? { niveauCadreEuropeen: niveau } : {}),
            ...(certification?.certificateurs.length ? { certificateurs: certification.certificateurs.map(c => ({ nom: c.nom, siret: c.siret ?? null })) } : {})
        }
    };

    return {
        CFDocument: document,
        CFItems: items,
        CFAssociations: associations,
        CFDefinitions: {
            CFConcepts: [],
            CFSubjects: [],
            CFLicenses: [],
            CFItemTypes: [...typeLinks.entries()].map(([kind, link]) => ({
                identifier: link.identifier,
                uri: link.uri,
                title: link.title,
                description: CASE_ITEM_TYPES[kind].description,
                hierarchyCode: CASE_ITEM_TYPES[kind].hierarchyCode,
                typeCode: kind,
                lastChangeDateTime: when
            })),
            CFAssociationGroupings: [...groupingLinks.entries()]
                .filter(([, link]) => usedGroupings.has(link.identifier))
                .map(([key, link]) => ({
                    identifier: link.identifier,
                    uri: link.uri,
                    title: link.title,
                    description: CASE_GROUPINGS[key].description,
                    lastChangeDateTime: when
                }))
        }
    };
}

/** Le texte JSON exact d'un export CASE. */
export function exportCaseText(model: ReferentielModel, options: CaseOptions = {}): string {
    return JSON.stringify(exportCase(model, options), null, 2) + '\n';
}
