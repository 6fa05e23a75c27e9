/**
 * Le paquet du langage (out/lint.cjs) : les commandes qui n'ont besoin que de l'analyse, de la
 * liaison et des règles (`lint`, `format`). Il ne contient ni les exports (pdfkit, docx, fontkit),
 * ni l'évaluation (exceljs, csv, jose), ni les imports (jszip, saxes, iconv-lite), ni ajv :
 * un fichier plus petit à lire et à compiler au démarrage (docs/performance.md, démarrage ;
 * test/cli/bundles.test.ts vérifie son contenu).
 *
 * bin/referentiel.cjs le choisit d'après la commande, avant de lire quoi que ce soit d'autre.
 * `main` reste complet : une autre commande est passée au paquet complet (out/cli.cjs, à côté).
 */
import * as path from 'node:path';
import { commandOf, LANGUAGE_COMMANDS, type CommandModules, type CommandName } from './commands.js';
import { main as runProgram, run as start } from './main.js';

const COMMANDS: CommandModules = {
    lint: () => import('./lint-command.js'),
    format: () => import('./format-command.js')
};

export function main(argv: string[] = process.argv.slice(2)): Promise<number> {
    if (LANGUAGE_COMMANDS.has(commandOf(argv) as CommandName)) {
        return runProgram(argv, COMMANDS);
    }
    // Chemin calculé : esbuild laisse ce `require` tel quel, le paquet complet reste un fichier à part.
    const full = require(path.join(__dirname, 'cli.cjs')) as { main(argv: string[]): Promise<number> };
    return full.main(argv);
}

/** Appelé par bin/referentiel.cjs. */
export function run(): void {
    start(() => main());
}
