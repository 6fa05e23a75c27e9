/**
 * Les résultats d'un candidat (entrée du moteur d'évaluation) et la décision (sortie).
 * Les noms suivent le vocabulaire des jurys ; ils sont aussi ceux du JSON produit par
 * `referentiel evaluate --format json` (schemas/evaluation.schema.json).
 */

export type ValeurCompetence = 'acquise' | 'non acquise';
export type ValeurCritere = 'satisfait' | 'non satisfait';

/** Où se trouve une valeur dans le fichier du candidat (pour les messages d'erreur). */
export interface SourcePosition {
    readonly file: string;
    /** Ligne et colonne à partir de 1. */
    readonly line: number;
    readonly column: number;
    /** Fin (exclue), même ligne en général. */
    readonly endLine?: number;
    readonly endColumn?: number;
}

/** Les résultats d'un candidat, une fois lus (JSON, ligne de CSV ou de tableur). */
export interface CandidateResults {
    /** Code du référentiel annoncé par le fichier (absent dans un CSV : c'est celui de la commande). */
    readonly referentiel?: string;
    readonly candidat: { readonly id: string; readonly nom?: string };
    /** AAAA-MM-JJ. */
    readonly dateEvaluation?: string;
    /** Par code tel qu'écrit dans le fichier. */
    readonly competences: ReadonlyMap<string, ValeurCompetence>;
    readonly criteres: ReadonlyMap<string, ValeurCritere>;
    readonly epreuves: ReadonlyMap<string, number>;
    readonly mesures: ReadonlyMap<string, number>;
    /** Les faits (oui/non) déclarés par le référentiel (« fait … ») ; absent = aucun rapporté. */
    readonly faits?: ReadonlyMap<string, boolean>;
    readonly blocsAcquis: ReadonlyArray<{ readonly bloc: string; readonly date?: string }>;
    readonly amenagements: ReadonlyArray<{ readonly nature: string; readonly debut: string; readonly fin?: string }>;
    /**
     * Position de chaque valeur dans le fichier, par chemin : « candidat.id », « competences.C1.1 »,
     * « epreuves.memoire », « blocsAcquis.0.bloc »… (pour placer les diagnostics).
     */
    readonly positions: ReadonlyMap<string, SourcePosition>;
    /** Le fichier (et la ligne, pour une cohorte). */
    readonly source: { readonly file: string; readonly line?: number };
}

/** Un problème dans un fichier de candidat : l'évaluation n'a pas lieu (code de sortie 2). */
export interface InputProblem {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine?: number;
    readonly endColumn?: number;
    /** Message en français (anglais selon la locale), avec une piste de correction. */
    readonly message: string;
    /** Catégorie stable : syntaxe, schema, code-inconnu, hors-bareme, referentiel, doublon, encodage, colonne. */
    readonly kind: 'syntaxe' | 'schema' | 'code-inconnu' | 'hors-bareme' | 'referentiel' | 'doublon' | 'encodage' | 'colonne' | 'valeur';
}

export type StatutCompetence = 'acquise' | 'non acquise' | 'non évaluée';
export type OrigineCompetence = 'jury' | 'critères' | 'critère éliminatoire' | 'absente';
export type StatutBloc = 'validé' | 'acquis antérieurement' | 'validé par équivalence' | 'non validé' | 'incomplet';
export type StatutRegle = 'remplie' | 'non remplie' | 'indéterminée';
export type Decision = 'obtenue' | 'non obtenue' | 'incomplète';

export interface ResultatCritere {
    readonly code: string;
    readonly statut: ValeurCritere | 'non renseigné';
    readonly eliminatoire: boolean;
}

export interface ResultatCompetence {
    readonly code: string;
    readonly texte: string;
    readonly bloc: string | null;
    readonly statut: StatutCompetence;
    readonly origine: OrigineCompetence;
    /** Pourquoi ce statut, en une phrase. */
    readonly motif: string;
    readonly criteres: readonly ResultatCritere[];
}

export interface ResultatBloc {
    readonly code: string;
    readonly titre: string;
    readonly statut: StatutBloc;
    /** Seuil de validation en pourcentage des compétences du bloc. */
    readonly seuil: number;
    readonly acquises: number;
    readonly nonAcquises: number;
    readonly nonEvaluees: number;
    readonly total: number;
    /** Date d'acquisition antérieure (AAAA-MM-JJ), pour un bloc acquis antérieurement ou par équivalence. */
    readonly dateAcquisition?: string;
    /** Le bloc d'une autre fiche qui vaut ce bloc, pour un bloc validé par équivalence. */
    readonly equivalence?: string;
    readonly motif: string;
}

export interface ValeurUtilisee {
    /** Code de l'épreuve, de la mesure, ou « blocs ». */
    readonly code: string;
    readonly libelle: string;
    /** null quand la valeur manque. */
    readonly valeur: number | null;
    /** « /20 », « mois »… */
    readonly unite: string;
}

export interface ResultatRegle {
    readonly code: string;
    readonly titre: string;
    readonly expression: string;
    readonly statut: StatutRegle;
    readonly valeurs: readonly ValeurUtilisee[];
    /** Le calcul, lisible, avec les titres du référentiel : « Moyenne de « Mémoire » et « Soutenance » : 9,75/20, il faut au moins 10/20 ». */
    readonly detail: string;
}

export interface EvaluationResult {
    readonly candidat: { readonly id: string; readonly nom?: string };
    readonly referentiel: string;
    readonly dateEvaluation: string;
    readonly decision: Decision;
    readonly blocs: readonly ResultatBloc[];
    readonly competences: readonly ResultatCompetence[];
    readonly regles: readonly ResultatRegle[];
    /** Ce qui manque ou échoue, en phrases qu'un candidat comprend. */
    readonly motifs: readonly string[];
    /** Blocs qui donnent droit aujourd'hui à un certificat de bloc. */
    readonly attestations: readonly string[];
    /** Remarques qui ne changent pas la décision (aménagement expiré…). */
    readonly avertissements: readonly string[];
}

/** Les totaux d'une évaluation de cohorte. */
export interface EvaluationSummary {
    readonly candidats: number;
    readonly obtenue: number;
    readonly nonObtenue: number;
    readonly incomplete: number;
}
