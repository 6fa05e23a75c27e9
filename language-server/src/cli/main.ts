import { Command, CommanderError, Help, Option, type Argument } from 'commander';
import pc from 'picocolors';
import './cli-messages.js';
import { suggest } from '../codes.js';
import { setInterruptNotice } from '../common/files.js';
import { printable } from '../common/markup.js';
import { detectLocale, getLocale, parseLocale, setLocale } from '../i18n/locale.js';
import { msg } from '../i18n/messages.js';
import { VERSION } from '../version.js';
import { commandModule, type CommandModules } from './commands.js';
import { EXIT_USAGE, UsageError } from './errors.js';
import './format-messages.js';
import '../interop/interop-messages.js';
// Les messages (de simples tables) restent chargés d'avance : une commande peut citer un
// message enregistré par un module qu'elle ne charge pas elle-même.
import '../core/core-messages.js';
import '../evaluation/candidate-messages.js';
import '../evaluation/engine-messages.js';
import '../evaluation/report-messages.js';

// Chaque commande est chargée à son appel (`commands`, cli/commands.ts) : `lint` n'évalue ni
// exceljs, ni ajv, ni jose, ni saxes… et le paquet de `lint` et `format` (out/lint.cjs,
// cli/language-entry.ts) ne les contient même pas (docs/performance.md, démarrage).

const TITLES: Record<string, string> = {
    'Usage:': 'Utilisation :', 'Options:': 'Options :', 'Commands:': 'Commandes :',
    'Arguments:': 'Arguments :', 'Global Options:': 'Options générales :'
};

/**
 * L'aide de commander en français : les titres, et ce que commander ajoute aux descriptions
 * (« (default: "stylish") », « choices: ») ou à la ligne d'utilisation (« [command] »).
 * Transmise aux sous-commandes (commander copie la configuration de l'aide à leur création).
 */
const FRENCH_EXTRAS: ReadonlyArray<[RegExp, string]> = [[/\bdefault: /g, 'par défaut : '], [/\bchoices: /g, 'valeurs : '], [/\bpreset: /g, 'sans valeur : ']];
function frenchExtras(description: string): string {
    // Seulement dans la parenthèse que commander ajoute à la fin, jamais dans nos textes.
    return description.replace(/\(([^()]*)\)$/, (_all, inner: string) => `(${FRENCH_EXTRAS.reduce((text, [from, to]) => text.replace(from, to), inner).replace(/"([^"]*)"/g, '« $1 »')})`);
}
const FRENCH_HELP: Partial<Help> = {
    styleTitle: (title: string) => TITLES[title] ?? title,
    optionDescription: (option: Option) => frenchExtras(Help.prototype.optionDescription.call(new Help(), option)),
    argumentDescription: (argument: Argument) => frenchExtras(Help.prototype.argumentDescription.call(new Help(), argument)),
    commandUsage: (command: Command) => Help.prototype.commandUsage.call(new Help(), command).replace(/\[command\]/g, '[commande]')
};

/**
 * Le programme `referentiel` : une commande par tâche, messages en français (anglais selon la locale).
 * Toutes les commandes sont déclarées (aide et erreurs d'usage identiques dans les deux paquets) ;
 * `commands` dit où charger celles que ce paquet exécute.
 */
export function createProgram(commands: CommandModules): Command {
    const program = new Command('referentiel');
    const french = getLocale() === 'fr';
    const colorOf = (): boolean => pc.isColorSupported && process.stdout.isTTY === true && !process.argv.includes('--no-color');
    program
        .description(msg('cli.description'))
        .version(VERSION, '-V, --version', msg('cli.version'))
        .helpOption('-h, --help', msg('cli.help'))
        .helpCommand(false)
        .configureHelp(french ? FRENCH_HELP : {})
        .addOption(new Option('--locale <langue>', msg('cli.opt.locale')))
        .option('--no-color', msg('cli.opt.noColor'))
        .showSuggestionAfterError(false)
        .exitOverride()
        .configureOutput({ writeErr: () => undefined, outputError: () => undefined });

    program.command('lint')
        .description(msg('cli.lint.description'))
        .argument('<chemins...>', msg('cli.lint.paths'))
        .option('-f, --format <format>', msg('cli.lint.format'), 'stylish')
        .option('--max-warnings <n>', msg('cli.lint.maxWarnings'))
        .option('--quiet', msg('cli.lint.quiet'))
        .option('--fix', msg('cli.lint.fix'))
        .option('-o, --output-file <fichier>', msg('cli.lint.output'))
        .option('--rule <code=niveau>', msg('cli.lint.rule'), (value: string, previous: string[] = []) => [...previous, value])
        .option('--base-path <dossier>', msg('cli.lint.basePath'))
        .option('--docs-url <url>', msg('cli.lint.docsUrl'))
        .option('--junit-warnings-as-failures', msg('cli.lint.junitWarnings'))
        .helpOption('-h, --help', msg('cli.help'))
        .action(async (paths: string[], options) => {
            program.setOptionValue('exitCode', await (await commandModule(commands, 'lint')).lintCommand(paths, { ...options, color: colorOf() }));
        });

    program.command('export')
        .description(msg('interop.cli.export.description'))
        .argument('<chemin>', msg('cli.export.path'))
        .option('-f, --format <format>', msg('interop.cli.export.format'), 'json')
        .option('-o, --out <fichier>', msg('cli.export.out'))
        .option('-r, --referentiel <code>', msg('cli.export.referentiel'))
        .option('--base-uri <url>', msg('cli.export.baseUri'))
        .helpOption('-h, --help', msg('cli.help'))
        .action(async (target: string, options) => {
            program.setOptionValue('exitCode', await (await commandModule(commands, 'export')).exportCommand(target, { ...options, color: colorOf() }));
        });

    program.command('format')
        .description(msg('cli.format.description'))
        .argument('<chemins...>', msg('cli.format.paths'))
        .option('--check', msg('cli.format.check'))
        .helpOption('-h, --help', msg('cli.help'))
        .action(async (paths: string[], options) => {
            program.setOptionValue('exitCode', await (await commandModule(commands, 'format')).formatCommand(paths, options));
        });

    program.command('import')
        .description(msg('interop.cli.import.description'))
        .argument('<source>', msg('interop.cli.import.source'))
        .argument('<fichier>', msg('interop.cli.import.file'))
        .option('--fiche <numero>', msg('interop.cli.import.fiche'), (value: string, previous: string[] = []) => [...previous, value])
        .option('--all', msg('interop.cli.import.all'))
        .requiredOption('-o, --out <dossier>', msg('interop.cli.import.out'))
        .option('--force', msg('interop.cli.import.force'))
        .option('--code <code>', msg('interop.cli.import.code'))
        .helpOption('-h, --help', msg('cli.help'))
        .action(async (source: string, file: string, options) => {
            program.setOptionValue('exitCode', await (await commandModule(commands, 'import')).importCommand(source, file, options));
        });

    program.command('new')
        .alias('nouveau')
        .description(msg('cli.new.description'))
        .argument('<code>', msg('cli.new.code'))
        .argument('<titre>', msg('cli.new.title'))
        .option('--blocs <n>', msg('cli.new.blocs'), '1')
        .requiredOption('-o, --out <dossier>', msg('cli.new.out'))
        .option('--force', msg('cli.new.force'))
        .helpOption('-h, --help', msg('cli.help'))
        .action(async (code: string, titre: string, options) => {
            program.setOptionValue('exitCode', await (await commandModule(commands, 'new')).newCommand(code, titre, options));
        });

    program.command('evaluate')
        .description(msg('cli.evaluate.description'))
        .argument('<dossiers...>', msg('cli.evaluate.files'))
        .requiredOption('--referentiel <chemin>', msg('cli.evaluate.referentiel'))
        .option('--code <code>', msg('cli.evaluate.code'))
        .option('-f, --format <format>', msg('cli.evaluate.format'), 'text')
        .option('-o, --out <fichier>', msg('cli.evaluate.out'))
        .option('--date <AAAA-MM-JJ>', msg('cli.evaluate.date'))
        .option('--sheet <feuille>', msg('cli.evaluate.sheet'))
        .option('--cle <fichier>', msg('cli.evaluate.key'))
        .option('--emetteur <url>', msg('cli.evaluate.issuer'))
        .option('--base-uri <url>', msg('cli.evaluate.baseUri'))
        .option('--anonymize', msg('cli.evaluate.anonymize'))
        .option('--sel <texte>', msg('cli.evaluate.sel'))
        .option('--session <nom>', msg('cli.evaluate.session'))
        .option('--jury <noms>', msg('cli.evaluate.jury'))
        .option('--pdf', msg('cli.evaluate.pdf'))
        .helpOption('-h, --help', msg('cli.help'))
        .action(async (files: string[], options) => {
            program.setOptionValue('exitCode', await (await commandModule(commands, 'evaluate')).evaluateCommand(files, { ...options, color: colorOf() }));
        });

    program.command('verify')
        .description(msg('cli.verify.description'))
        .argument('<badges...>', msg('cli.verify.files'))
        .option('--cle <fichier>', msg('cli.verify.key'))
        .helpOption('-h, --help', msg('cli.help'))
        .action(async (files: string[], options) => {
            program.setOptionValue('exitCode', await (await commandModule(commands, 'verify')).verifyCommand(files, { ...options, color: colorOf() }));
        });

    return program;
}

/** Traduit les erreurs d'usage de commander en messages clairs ; code de sortie 2. */
function explainCommanderError(error: CommanderError, argv: readonly string[], program: Command): string {
    const command = argv.find(a => program.commands.some(c => c.name() === a)) ?? '';
    const quoted = printable(/'([^']+)'/.exec(error.message)?.[1] ?? '');
    switch (error.code) {
        case 'commander.unknownCommand': {
            const close = suggest(quoted, program.commands.map(c => c.name()), 1);
            return msg('error.unknownCommand', { value: quoted, suggestion: close.length ? ' ' + msg('link.didYouMean', { names: close[0] }) : '' });
        }
        case 'commander.unknownOption':
            return msg('error.usage', { message: msg('error.unknownOption', { value: quoted }), command });
        case 'commander.missingArgument':
            return msg('error.usage', { message: msg('error.missingArgument', { value: quoted }), command });
        case 'commander.optionMissingArgument':
            return msg('error.usage', { message: msg('error.missingOptionValue', { value: quoted }), command });
        case 'commander.missingMandatoryOptionValue':
            return msg('error.usage', { message: msg('error.missingOption', { value: quoted }), command });
        default:
            return msg('error.usage', { message: printable(error.message.replace(/^error: /, '')), command });
    }
}

export async function main(argv: string[], commands: CommandModules): Promise<number> {
    const localeIndex = argv.findIndex(a => a === '--locale' || a.startsWith('--locale='));
    const localeValue = localeIndex < 0 ? undefined : argv[localeIndex].includes('=') ? argv[localeIndex].split('=')[1] : argv[localeIndex + 1];
    setLocale(detectLocale(localeValue));
    setInterruptNotice(signal => msg('error.interrupted', { signal }));
    const program = createProgram(commands);
    try {
        if (localeValue !== undefined && !parseLocale(localeValue)) {
            throw new UsageError(msg('error.badLocale', { value: localeValue }));
        }
        if (argv.length === 0) {
            process.stdout.write(program.helpInformation());
            return EXIT_USAGE;
        }
        await program.parseAsync(argv, { from: 'user' });
        return (program.getOptionValue('exitCode') as number | undefined) ?? 0;
    } catch (error) {
        if (error instanceof CommanderError) {
            if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
                return 0;
            }
            process.stderr.write(pc.red(explainCommanderError(error, argv, program)) + '\n');
            return EXIT_USAGE;
        }
        if (error instanceof UsageError) {
            // Le message cite des chemins et des valeurs données par l'utilisateur : une seule ligne, sans contrôle.
            process.stderr.write(pc.red(printable(error.message)) + '\n');
            return EXIT_USAGE;
        }
        const reason = error instanceof Error ? error.message : String(error);
        process.stderr.write(pc.red(msg('error.internal', { reason: printable(reason) })) + '\n');
        if (process.env.REFERENTIEL_DEBUG) {
            process.stderr.write(String((error as Error)?.stack) + '\n');
        }
        return EXIT_USAGE;
    }
}

// Lance le programme d'un paquet (cli/entry.ts, cli/language-entry.ts) : bin/referentiel.cjs appelle leur `run`.
export function run(start: () => Promise<number>): void {
    start().then(code => {
        process.exitCode = code;
    }, () => {
        process.exitCode = EXIT_USAGE;
    });
}
