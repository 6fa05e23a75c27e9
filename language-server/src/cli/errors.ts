/**
 * Codes de sortie, à la manière d'ESLint :
 * 0 : tout va bien ; 1 : le référentiel (ou le lot) a des erreurs ; 2 : usage ou entrée/sortie.
 */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export { UsageError } from '../core/errors.js';
