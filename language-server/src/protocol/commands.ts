/**
 * Le contrat des commandes du serveur (`workspace/executeCommand`), partagé par le serveur
 * (`lsp/commands.ts`) et l'extension (`extension/src/*`) : les identifiants, les arguments et
 * les résultats. Comme `lsp_ext` de rust-analyzer, ce module n'a aucune importation à
 * l'exécution (seulement `import type`) : l'extension l'importe sans rien tirer du serveur.
 *
 * Les identifiants et les champs sont sérialisés (ils voyagent dans le protocole) : en français.
 */
import type { Range } from 'vscode-languageserver-types';
import type { EvaluationResult, EvaluationSummary } from '../evaluation/types.js';

/** Les identifiants des commandes du serveur. */
export const SERVER_COMMANDS = {
    evaluate: 'referentiel.evaluer',
    export: 'referentiel.exporter',
    coverageMatrix: 'referentiel.matriceCouverture',
    referentiels: 'referentiel.referentiels',
    importWord: 'referentiel.importerWord',
    createReferentiel: 'referentiel.creerReferentiel',
    juryDocuments: 'referentiel.documentsJury'
} as const;

export type ServerCommandId = typeof SERVER_COMMANDS[keyof typeof SERVER_COMMANDS];

/** Les formats d'export d'un référentiel, partagés par `referentiel export`, le serveur et l'extension. */
export const EXPORT_FORMATS = ['json', 'rncp-xml', 'case', 'docx', 'pdf', 'html'] as const;
export type ExportFormat = typeof EXPORT_FORMATS[number];

/** Les formats dont l'export est binaire (octets, pas du texte) : le document publié en Word et en PDF. */
export const BINARY_EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'pdf'];

/** Les fichiers qu'on évalue comme une cohorte (une ligne par candidat), lus sur le disque. */
const COHORT_FILE = /\.(csv|tsv|xlsx)$/i;

/** Vrai pour un fichier de cohorte (CSV, TSV, classeur XLSX) d'après son nom. */
export function isCohortFile(file: string): boolean {
    return COHORT_FILE.test(file);
}

/** Un problème de l'entrée, placé dans le fichier du candidat (positions LSP, à partir de 0). */
export interface EvaluationDiagnostic {
    readonly range: Range;
    readonly message: string;
    /** 1 = erreur (DiagnosticSeverity de LSP). */
    readonly severity: 1 | 2 | 3 | 4;
    /** Catégorie stable du problème (syntaxe, schema, code-inconnu…). */
    readonly code: string;
}

/** `referentiel.evaluer` : un dossier candidat (JSON, `text` = le contenu de l'éditeur) ou une cohorte (CSV, XLSX). */
export interface EvaluateArgs {
    readonly uri: string;
    readonly text?: string;
    /** La certification choisie (sinon celle qu'annonce le dossier, ou la seule de l'espace de travail). */
    readonly code?: string;
}

export interface EvaluateResult {
    readonly referentiel?: string;
    /** Le rapport HTML autonome, le même que `referentiel evaluate --format html` ; absent si l'entrée a des problèmes. */
    readonly html?: string;
    readonly resultats?: readonly EvaluationResult[];
    readonly resume?: EvaluationSummary;
    readonly diagnostics: readonly EvaluationDiagnostic[];
}

/**
 * `referentiel.documentsJury` : le procès-verbal de délibération (`pv`, écrit dans le fichier
 * `sortie`) ou les certificats de bloc (`certificats`, écrits dans le dossier `sortie`) des
 * candidats d'un fichier (dossier JSON ou cohorte), comme `referentiel evaluate --format pv|certificats`.
 */
export interface JuryDocumentsArgs {
    readonly uri: string;
    readonly document: 'pv' | 'certificats';
    /** URI `file:` du fichier (pv) ou du dossier (certificats) à écrire. */
    readonly sortie: string;
    /** `html` (par défaut) ou `pdf` (PDF balisé). */
    readonly type?: 'html' | 'pdf';
    readonly session?: string;
    /** Les membres du jury (pv). */
    readonly jury?: readonly string[];
    /** Date de la délibération AAAA-MM-JJ (sinon aujourd'hui) ; les dossiers gardent leur date d'évaluation. */
    readonly date?: string;
    readonly code?: string;
}

export interface JuryDocumentsResult {
    readonly referentiel?: string;
    /** Les fichiers écrits (URI) ; vide si l'entrée a des problèmes. */
    readonly fichiers: readonly string[];
    readonly resume?: EvaluationSummary;
    readonly diagnostics: readonly EvaluationDiagnostic[];
}

/** `referentiel.exporter` : `format` vaut `json` s'il est absent. */
export interface ExportArgs {
    readonly uri: string;
    readonly format?: ExportFormat;
}

export interface ExportResult {
    readonly code: string;
    readonly format: ExportFormat;
    /** Extension de fichier proposée (« json », « xml », « case.json », « docx », « pdf », « html »). */
    readonly extension: string;
    /** Formats texte : exactement les octets de `referentiel export --format <format>`. */
    readonly texte?: string;
    /** Formats binaires (`docx`, `pdf`) : ces octets, en base64. */
    readonly base64?: string;
}

/** Un endroit du texte d'un référentiel, à ouvrir dans l'éditeur. */
export interface SourceLocation {
    readonly uri: string;
    readonly range: Range;
}

export interface CoverageCell extends SourceLocation {
    /** La modalité qui évalue la compétence (l'emplacement est celui du code dans « évalue »). */
    readonly modalite: string;
    /** Les critères de cette modalité qui vérifient la compétence. */
    readonly criteres: ReadonlyArray<SourceLocation & { readonly code: string; readonly texte: string; readonly eliminatoire: boolean }>;
}

export interface CoverageRow extends SourceLocation {
    readonly code: string;
    readonly texte: string;
    readonly bloc: string | null;
    /** Code du socle dont vient la compétence, s'il y a lieu. */
    readonly socle?: string;
    /** Une cellule par modalité qui évalue la compétence (dans l'ordre des colonnes). */
    readonly cellules: readonly CoverageCell[];
    readonly evaluee: boolean;
}

/** `referentiel.matriceCouverture` : qui évalue quoi (compétences × modalités, critères). */
export interface CoverageMatrix {
    readonly code: string;
    readonly titre: string;
    /** Les colonnes : toutes les modalités du référentiel, dans l'ordre du texte. */
    readonly modalites: ReadonlyArray<SourceLocation & { readonly code: string; readonly titre: string; readonly bloc: string | null }>;
    readonly lignes: readonly CoverageRow[];
    /** Les blocs du référentiel, dans l'ordre du texte (pour titrer les groupes de lignes). */
    readonly blocs?: ReadonlyArray<SourceLocation & { readonly code: string; readonly titre: string }>;
}

/** `referentiel.referentiels` : les référentiels de l'espace de travail (listes de choix). */
export interface ReferentielInfo extends SourceLocation {
    readonly code: string;
    readonly titre: string;
    readonly type: 'certification' | 'socle';
}

/**
 * `referentiel.importerWord` : importe un référentiel Word (.docx) dans un dossier, comme
 * `referentiel import docx <fichier> --out <dossier> [--force]` (URI `file:` des deux).
 */
export interface ImportWordArgs {
    readonly fichier: string;
    readonly dossier: string;
    /** Remplacer les fichiers qui existent déjà (sinon : erreur, `data.existants`). */
    readonly remplacer?: boolean;
}

/**
 * Ce qu'un import Word a lu : le même décompte pour `referentiel import docx` (résumé) et pour
 * `referentiel.importerWord` (défini ici, dans le contrat partagé, et repris par interop/docx-import.ts).
 */
export interface DocxImportStats {
    readonly blocs: number;
    readonly activites: number;
    readonly competences: number;
    readonly modalites: number;
    readonly criteres: number;
    /** Règles d'obtention tirées des phrases du document. */
    readonly regles: number;
    /** Liens déduits de la disposition des tableaux (marqués « À relire » dans les fichiers). */
    readonly liensDeduits: number;
}

export interface ImportWordResult extends DocxImportStats {
    readonly code: string;
    /** Les fichiers écrits (URI), l'en-tête d'abord. */
    readonly fichiers: readonly string[];
}

/**
 * `referentiel.creerReferentiel` : écrit un nouveau référentiel à remplir dans un dossier (URI
 * `file:`), comme `referentiel new <code> <titre> --blocs N --out <dossier> [--force]` : l'en-tête
 * et un fichier par bloc, mis en forme, sans erreur.
 */
export interface CreateReferentielArgs {
    readonly dossier: string;
    readonly code: string;
    readonly titre: string;
    /** De 1 à 30. */
    readonly blocs: number;
    /** Remplacer les fichiers qui existent déjà (sinon : erreur, `data.existants`). */
    readonly remplacer?: boolean;
}

export interface CreateReferentielResult {
    readonly code: string;
    /** Les fichiers écrits (URI), l'en-tête d'abord. */
    readonly fichiers: readonly string[];
}

/** Les données d'une erreur de commande : les référentiels à proposer quand il faut choisir. */
export interface CommandErrorData {
    readonly choix?: string[];
    /** `referentiel.importerWord`, `referentiel.creerReferentiel` : les fichiers qui existent déjà (à remplacer ou non). */
    readonly existants?: string[];
}

/** Les arguments et le résultat de chaque commande. */
export interface ServerCommands {
    'referentiel.evaluer': { args: EvaluateArgs; result: EvaluateResult };
    'referentiel.exporter': { args: ExportArgs; result: ExportResult };
    'referentiel.matriceCouverture': { args: { uri: string }; result: CoverageMatrix };
    'referentiel.referentiels': { args: Record<string, never>; result: ReferentielInfo[] };
    'referentiel.importerWord': { args: ImportWordArgs; result: ImportWordResult };
    'referentiel.creerReferentiel': { args: CreateReferentielArgs; result: CreateReferentielResult };
    'referentiel.documentsJury': { args: JuryDocumentsArgs; result: JuryDocumentsResult };
}
