/**
 * Le paquet complet de la ligne de commande (out/cli.cjs) : toutes les commandes, chacune chargée
 * à son appel. `main(argv)` sert aussi aux tests et au banc.
 */
import type { CommandModules } from './commands.js';
import { createProgram, main as runProgram, run as start } from './main.js';

export const COMMANDS: CommandModules = {
    lint: () => import('./lint-command.js'),
    format: () => import('./format-command.js'),
    export: () => import('./export-command.js'),
    import: () => import('./import-command.js'),
    new: () => import('./new-command.js'),
    evaluate: () => import('./evaluate-command.js'),
    verify: () => import('./verify-command.js')
};

export { createProgram };

export function main(argv: string[] = process.argv.slice(2)): Promise<number> {
    return runProgram(argv, COMMANDS);
}

/** Appelé par bin/referentiel.cjs. */
export function run(): void {
    start(() => main());
}
