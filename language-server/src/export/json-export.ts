import { AstUtils } from 'langium';
import {
    isActivite, isAppel, isArithmeticExpression, isBlocValide, isComparaison, isCompetenceAcquise, isCritereSatisfait, isLitteral, isLogicalExpression, isNombreBlocs, isNon, isTousBlocs,
    isVariable,
    type AcquisBlocs, type Activite, type Amenagement, type Bloc, type Competence, type Critere, type Enregistrement, type Epreuve, type Expression, type Jury, type Modalite, type Note
} from '../generated/ast.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import { textOf } from '../validation/rule-types.js';
import { single } from '../model/clauses.js';

/** Version du format d'export (schemas/referentiel.schema.json). */
export const EXPORT_FORMAT_VERSION = 1;

export type ExpressionJson =
    | { type: 'et' | 'ou'; gauche: ExpressionJson; droite: ExpressionJson }
    | { type: 'non'; operande: ExpressionJson }
    | { type: 'comparaison'; operateur: string; gauche: ExpressionJson; droite: ExpressionJson }
    | { type: 'arithmetique'; operateur: string; gauche: ExpressionJson; droite: ExpressionJson }
    | { type: 'nombre'; valeur: number; unite?: string; pourcentage?: true }
    | { type: 'grandeur'; code: string }
    | { type: 'fonction'; nom: string; ponderee: boolean; arguments: Array<{ valeur: ExpressionJson; coefficient?: number }> }
    | { type: 'tousLesBlocsValides' }
    | { type: 'nombreDeBlocsValides' }
    | { type: 'blocValide'; bloc: string }
    | { type: 'competenceAcquise'; competence: string }
    | { type: 'critereSatisfait'; critere: string };

const notes = (list: readonly Note[]): string[] => list.map(n => n.texte);
const codes = (list: ReadonlyArray<{ ref?: { name: string }; $refText: string }>): string[] =>
    list.map(r => r.ref?.name ?? r.$refText);
const names = (list: ReadonlyArray<{ name: string }>): string[] => list.map(e => e.name);

/**
 * Le référentiel en JSON, pour les autres systèmes (LMS, plateformes de compétences…).
 * Déterministe : même source, mêmes octets (ordre des fichiers par nom, puis ordre du texte ;
 * ordre des clés fixe). Chaque code et chaque texte y est ; les liens sont donnés par code,
 * dans les deux sens (compétence → activités / modalités / critères, modalité → compétences,
 * critère → compétences).
 */
export function exportReferentiel(model: ReferentielModel): unknown {
    const certification = model.certification;
    const obtention = model.obtentions[0];
    const defaultThreshold = single(obtention?.seuilBlocs)?.pourcentage ?? 100;
    const blocCode = (node: Competence | Activite | Modalite): string | null => {
        const bloc = AstUtils.getContainerOfType(node, (n): n is Bloc => n.$type === 'Bloc');
        return bloc?.name ?? null;
    };
    const competenceJson = (c: Competence, socle?: string) => ({
        code: c.name,
        texte: c.texte,
        bloc: model.blocOf.get(c)?.name ?? null,
        ...(socle ? { socle } : {}),
        activites: codes(c.activites),
        modalites: names(model.modalitesOf.get(c) ?? []),
        criteres: names(model.criteresOf.get(c) ?? []),
        notes: notes(c.notes)
    });

    return {
        format: 'referentiel',
        version: EXPORT_FORMAT_VERSION,
        type: certification ? 'certification' : 'socle',
        code: model.code,
        titre: certification?.titre ?? model.socle?.titre ?? '',
        ...(certification ? {
            rncp: single(certification.rncp) ?? null,
            niveau: single(certification.niveau) ?? null,
            certificateurs: certification.certificateurs.map(c => ({ nom: c.nom, siret: c.siret ?? null })),
            nsf: certification.nsf.map(n => ({ code: n.code, libelle: n.libelle ?? null })),
            enregistrement: enregistrementJson(single(certification.enregistrement)),
            statut: single(certification.statut) ?? null,
            socles: codes(certification.socles),
            registre: {
                identifiant: single(certification.identifiant) ?? null,
                etat: single(certification.etat) ?? null,
                formacodes: certification.formacodes.map(f => ({ code: f.code, libelle: f.libelle ?? null })),
                romes: certification.romes.map(r => ({ code: r.code, libelle: r.libelle ?? null })),
                etatsCertificateurs: certification.certificateurs.map(c => c.etat ?? null),
                partenaires: single(certification.partenaires) ?? null,
                capacites: single(certification.capacites) ?? null,
                secteurs: single(certification.secteurs) ?? null,
                emplois: single(certification.emplois) ?? null,
                objectifs: single(certification.objectifs) ?? null,
                jurys: certification.jurys.map(j => ({ voie: j.voie, statut: j.statut, composition: j.composition ?? null })),
                territoires: [...certification.territoires],
                typeEnregistrement: single(certification.typeEnregistrement) ?? null,
                equivalences: certification.equivalences.map(e => ({ code: e.bloc, titre: e.titre ?? null }))
            }
        } : {}),
        notes: notes(certification?.notes ?? model.socle?.notes ?? []),
        blocs: model.blocs.map(b => ({
            code: b.name,
            titre: b.titre,
            seuil: single(b.seuil)?.pourcentage ?? defaultThreshold,
            activites: names(b.activites),
            competences: names(model.competencesOfBloc.get(b) ?? []),
            modalites: names(b.modalites),
            equivalences: b.equivalences.map(e => ({ code: e.bloc, titre: e.titre ?? null })),
            notes: notes(b.notes)
        })),
        activites: model.activites.map(a => ({
            code: a.name,
            texte: a.texte,
            bloc: blocCode(a),
            parent: isActivite(a.$container) ? a.$container.name : null,
            activites: names(a.activites),
            competences: names(model.competencesOf.get(a) ?? []),
            notes: notes(a.notes)
        })),
        competences: [
            ...model.competences.map(c => competenceJson(c)),
            ...model.socles.flatMap(s => s.competences
                .filter(c => model.blocOf.has(c) || model.modalitesOf.has(c))
                .map(c => competenceJson(c, s.code)))
        ],
        modalites: model.modalites.map(m => ({
            code: m.name,
            titre: m.titre,
            bloc: blocCode(m),
            nature: single(m.nature) ?? null,
            organisation: m.seul.length > 0 ? 'seul' : m.enEquipe.length > 0 ? 'en équipe' : null,
            competences: codes(m.competences),
            consigne: single(m.consigne) ?? null,
            livrables: m.livrables.map(l => ({ nature: l.nature, description: l.description ?? null })),
            jury: juryJson(single(m.jury)),
            criteres: names(m.criteres),
            epreuves: m.epreuves.map(epreuveJson),
            notes: notes(m.notes)
        })),
        criteres: model.criteres.map((c: Critere) => ({
            code: c.name,
            texte: c.texte,
            modalite: c.$container.name,
            competences: codes(c.competences),
            eliminatoire: c.eliminatoire,
            portee: c.eliminatoire ? (c.portee === 'bloc' || c.portee === 'certification' ? c.portee : 'compétence') : null
        })),
        obtention: obtention ? {
            seuilBlocs: defaultThreshold,
            seuilCompetences: single(obtention.seuilCompetences)?.pourcentage ?? 100,
            epreuves: obtention.epreuves.map(epreuveJson),
            mesures: obtention.mesures.map(m => ({ code: m.name, titre: m.titre, unite: m.unite })),
            faits: obtention.faits.map(f => ({ code: f.name, titre: f.titre })),
            conditions: obtention.conditions.map((c, i) => ({
                code: c.name ?? `R${i + 1}`,
                titre: c.titre,
                expression: c.expression ? textOf(c.expression) : '',
                arbre: c.expression ? expressionJson(c.expression) : null
            })),
            blocsAcquis: acquisBlocsJson(single(obtention.acquisBlocs)),
            amenagement: amenagementJson(single(obtention.amenagement)),
            notes: notes(obtention.notes)
        } : null
    };
}

/** Une épreuve : barème, et ce qu'elle déclare en plus (coefficient, durée, plancher). */
function epreuveJson(e: Epreuve) {
    return {
        code: e.name, titre: e.titre, bareme: e.bareme,
        ...(e.coefficient !== undefined ? { coefficient: e.coefficient } : {}),
        ...(e.duree !== undefined ? { duree: { valeur: e.duree, unite: e.uniteDuree ?? '' } } : {}),
        ...(e.plancher !== undefined ? { plancher: e.plancher } : {})
    };
}

function enregistrementJson(enregistrement: Enregistrement | undefined) {
    return enregistrement ? { debut: enregistrement.debut, fin: enregistrement.fin ?? null } : null;
}

function juryJson(jury: Jury | undefined) {
    return jury ? { effectif: jury.effectif ?? null, description: jury.description } : null;
}

function acquisBlocsJson(acquis: AcquisBlocs | undefined) {
    if (!acquis) return null;
    return acquis.aVie ? { aVie: true } : { aVie: false, duree: acquis.duree ?? null, unite: acquis.unite ?? null };
}

function amenagementJson(amenagement: Amenagement | undefined) {
    return amenagement ? { duree: amenagement.duree, unite: amenagement.unite, temporaire: amenagement.temporaire } : null;
}

/** L'arbre d'une expression, avec les noms de champs du format d'export (français, stables). */
export function expressionJson(e: Expression): ExpressionJson {
    if (isLogicalExpression(e)) return { type: e.operator, gauche: expressionJson(e.left), droite: expressionJson(e.right) };
    if (isArithmeticExpression(e)) return { type: 'arithmetique', operateur: e.operator, gauche: expressionJson(e.left), droite: expressionJson(e.right) };
    if (isComparaison(e)) return { type: 'comparaison', operateur: normalizeOperator(e.operator), gauche: expressionJson(e.left), droite: expressionJson(e.right) };
    if (isNon(e)) return { type: 'non', operande: expressionJson(e.operand) };
    if (isLitteral(e)) return { type: 'nombre', valeur: e.valeur, ...(e.unite ? { unite: e.unite } : {}), ...(e.pourcent ? { pourcentage: true as const } : {}) };
    if (isVariable(e)) return { type: 'grandeur', code: e.grandeur?.ref?.name ?? e.grandeur?.$refText ?? '' };
    if (isAppel(e)) return { type: 'fonction', nom: e.fonction, ponderee: e.ponderee, arguments: e.arguments.map(a => ({ valeur: expressionJson(a.valeur), ...(a.coefficient !== undefined ? { coefficient: a.coefficient } : {}) })) };
    if (isTousBlocs(e)) return { type: 'tousLesBlocsValides' };
    if (isNombreBlocs(e)) return { type: 'nombreDeBlocsValides' };
    if (isBlocValide(e)) return { type: 'blocValide', bloc: e.bloc?.ref?.name ?? e.bloc?.$refText ?? '' };
    if (isCompetenceAcquise(e)) return { type: 'competenceAcquise', competence: e.competence?.ref?.name ?? e.competence?.$refText ?? '' };
    if (isCritereSatisfait(e)) return { type: 'critereSatisfait', critere: e.critere?.ref?.name ?? e.critere?.$refText ?? '' };
    return { type: 'nombre', valeur: Number.NaN };
}

export function normalizeOperator(op: string): string {
    return ({ '≥': '>=', '≤': '<=', '≠': '!=' } as Record<string, string>)[op] ?? op;
}

/** Le texte JSON exact d'un export (le même octet pour octet en ligne de commande et dans l'éditeur). */
export function exportReferentielText(model: ReferentielModel): string {
    return JSON.stringify(exportReferentiel(model), null, 2) + '\n';
}
