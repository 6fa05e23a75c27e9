/**
 * Où chaque paquet de la ligne de commande charge ses commandes. Le programme (main.ts) déclare
 * toutes les commandes ; chaque paquet ne contient que les modules de celles qu'il exécute :
 * out/cli.cjs toutes (entry.ts), out/lint.cjs celles qui n'ont besoin que du langage
 * (language-entry.ts : `lint`, `format`), sans exceljs, pdfkit, docx, jose, ajv, saxes…
 * (docs/performance.md, démarrage).
 */
export interface CommandModules {
    lint?: () => Promise<typeof import('./lint-command.js')>;
    format?: () => Promise<typeof import('./format-command.js')>;
    export?: () => Promise<typeof import('./export-command.js')>;
    import?: () => Promise<typeof import('./import-command.js')>;
    new?: () => Promise<typeof import('./new-command.js')>;
    evaluate?: () => Promise<typeof import('./evaluate-command.js')>;
    verify?: () => Promise<typeof import('./verify-command.js')>;
}

export type CommandName = keyof CommandModules;

/** Les commandes du paquet du langage (out/lint.cjs) ; bin/referentiel.cjs en garde la même liste. */
export const LANGUAGE_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>(['lint', 'format']);

/**
 * La commande que commander exécutera pour `argv` : le premier argument qui n'est pas une
 * option générale (`--locale` prend une valeur). `undefined` : aucune (aide, version, erreur).
 */
export function commandOf(argv: readonly string[]): string | undefined {
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') return undefined;
        if (arg === '--locale') {
            i++;
        } else if (!arg.startsWith('-')) {
            return arg;
        }
    }
    return undefined;
}

/** Le module d'une commande ; une commande absente de ce paquet est une erreur interne (le choix du paquet s'est trompé). */
export async function commandModule<K extends CommandName>(commands: CommandModules, name: K): Promise<Awaited<ReturnType<NonNullable<CommandModules[K]>>>> {
    const load = commands[name];
    if (!load) throw new Error(`la commande ${name} n'est pas dans ce paquet`);
    return await load() as Awaited<ReturnType<NonNullable<CommandModules[K]>>>;
}
