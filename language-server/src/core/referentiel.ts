import * as path from 'node:path';
/**
 * Ce que la ligne de commande et le serveur demandent d'un référentiel avant de l'évaluer ou de
 * l'exporter : ses erreurs, et la certification à prendre parmi celles qu'on a.
 */
import type { LangiumDocument } from 'langium';
import { canonicalCode } from '../codes.js';
import type { ReferentielModel } from '../model/referentiel-model.js';

/** Tous les fichiers d'un référentiel et ceux de ses socles. */
export function referentielDocuments(model: ReferentielModel): LangiumDocument[] {
    return [...model.documents, ...model.socles.flatMap(s => s.documents)];
}

/** Le nombre d'erreurs d'un référentiel (tous ses fichiers, ceux de ses socles compris). */
export function countErrors(model: ReferentielModel): number {
    let count = 0;
    for (const document of referentielDocuments(model)) {
        for (const diagnostic of document.diagnostics ?? []) {
            // Un diagnostic sans sévérité est une erreur (comme en LSP).
            if ((diagnostic.severity ?? 1) === 1) count++;
        }
    }
    return count;
}

export interface CertificationRequest {
    /** Le code demandé (`--referentiel`, choix de l'utilisateur dans l'éditeur). */
    readonly wanted?: string;
    /** Le code qu'annonce le dossier du candidat (champ `referentiel`), s'il y en a un. */
    readonly announced?: string;
    /**
     * Le chemin du fichier des candidats, quand il n'annonce rien (une cohorte CSV, TSV, XLSX) : la
     * certification dont les fichiers sont dans son dossier ou un dossier parent (la plus proche),
     * si elle est seule à cette distance.
     */
    readonly near?: string;
}

/** Le choix de la certification : le modèle, ou pourquoi il n'y en a pas (chaque porte en fait son message). */
export type CertificationChoice =
    | { readonly kind: 'chosen'; readonly model: ReferentielModel }
    /** Le code demandé n'est pas parmi les référentiels disponibles. */
    | { readonly kind: 'unknown'; readonly wanted: string; readonly certifications: readonly ReferentielModel[] }
    /** Le code demandé est celui d'un socle : on n'évalue (ni n'exporte) que des certifications. */
    | { readonly kind: 'socle'; readonly model: ReferentielModel; readonly certifications: readonly ReferentielModel[] }
    | { readonly kind: 'none' }
    | { readonly kind: 'several'; readonly certifications: readonly ReferentielModel[] };

/**
 * Choisit la certification parmi `available` (les référentiels chargés ; l'ordre donné est celui
 * des listes dans les messages) : celle demandée (`wanted`), sinon celle qu'annonce le dossier du
 * candidat (`announced`) si c'est une certification disponible, sinon la seule certification.
 * Les codes se comparent sous forme canonique (`C5-2` ≡ `C5.2`).
 *
 * La ligne de commande n'a pas de code annoncé (elle évalue plusieurs fichiers d'un coup) ;
 * l'éditeur, si : c'est la seule différence entre les deux portes.
 */
export function chooseCertification(available: readonly ReferentielModel[], request: CertificationRequest = {}): CertificationChoice {
    const certifications = available.filter(m => m.certification);
    const find = (code: string): ReferentielModel | undefined => {
        const key = canonicalCode(code);
        return available.find(m => m.key === key || canonicalCode(m.code) === key);
    };
    if (request.wanted) {
        const found = find(request.wanted);
        if (!found) return { kind: 'unknown', wanted: request.wanted, certifications };
        if (!found.certification) return { kind: 'socle', model: found, certifications };
        return { kind: 'chosen', model: found };
    }
    if (request.announced) {
        const found = find(request.announced);
        if (found?.certification) return { kind: 'chosen', model: found };
    }
    if (certifications.length === 1) return { kind: 'chosen', model: certifications[0] };
    if (certifications.length === 0) return { kind: 'none' };
    if (request.near) {
        const nearest = nearestCertification(certifications, request.near);
        if (nearest) return { kind: 'chosen', model: nearest };
    }
    return { kind: 'several', certifications };
}

/**
 * La certification qui « contient » un fichier : l'un de ses fichiers .ref est dans le dossier du
 * fichier ou dans un dossier parent ; la plus proche gagne, et seulement si elle est seule à cette
 * distance (deux certifications dans le même dossier : rien n'est deviné).
 */
function nearestCertification(certifications: readonly ReferentielModel[], file: string): ReferentielModel | undefined {
    const target = path.resolve(file);
    let best: ReferentielModel | undefined;
    let bestDepth = -1;
    let tie = false;
    for (const model of certifications) {
        const depth = Math.max(-1, ...model.documents.map(document => {
            const dir = path.dirname(document.uri.fsPath);
            return target.startsWith(dir + path.sep) ? dir.split(path.sep).length : -1;
        }));
        if (depth < 0) continue;
        if (depth > bestDepth) { best = model; bestDepth = depth; tie = false; } else if (depth === bestDepth && model !== best) { tie = true; }
    }
    return tie ? undefined : best;
}
