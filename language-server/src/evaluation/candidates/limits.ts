/**
 * Les bornes des fichiers de candidats : au-delà, la lecture s'arrête sur un message clair (fichier,
 * ligne, colonne, piste) au lieu de consommer du temps et de la mémoire sans limite. Elles sont
 * celles d'Excel (une cellule, une ligne de tableur) ou largement au-dessus de tout fichier réel.
 * Décrites dans docs/evaluation.md (« Limites »).
 */

/** Caractères d'une cellule (CSV, XLSX) ou d'un texte JSON : la limite d'une cellule Excel. */
export const MAX_CELL_LENGTH = 32_767;

/** Cellules d'un enregistrement CSV ou d'une ligne de classeur : le nombre de colonnes d'Excel. */
export const MAX_FIELDS = 16_384;

/** Caractères d'une ligne physique d'un CSV (et d'un enregistrement entre guillemets). */
export const MAX_LINE_LENGTH = 1 << 20;

/** Profondeur d'imbrication des objets et listes d'un dossier JSON (le schéma en demande 3). */
export const MAX_JSON_DEPTH = 64;

/** Problèmes montrés par fichier ; les suivants sont comptés (« … et 49 981 autres »). */
export const MAX_SHOWN_PROBLEMS = 20;

/** Taille décompressée d'une entrée d'un classeur .xlsx (octets), et de toutes ensemble. */
export const MAX_XLSX_ENTRY = 256 * 1024 * 1024;
export const MAX_XLSX_TOTAL = 1024 * 1024 * 1024;

/** Taux de compression d'une entrée au-delà duquel le classeur est une « bombe » (une feuille réelle : 5 à 30). */
export const MAX_XLSX_RATIO = 200;

