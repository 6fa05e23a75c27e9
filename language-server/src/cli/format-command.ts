/**
 * `referentiel format <chemins…>` : met en forme des fichiers .ref (même mise en forme que
 * l'éditeur, formatting/formatter.ts) et les réécrit d'un coup (writeAtomic), en listant ceux qui
 * ont changé. `--check` liste ceux qui ne sont pas en forme, sans rien écrire.
 *
 * Codes de sortie : 0 tout va bien ; 1 (avec --check) des fichiers ne sont pas en forme ;
 * 2 usage, lecture ou écriture impossible, ou erreur de syntaxe (le fichier fautif n'est pas
 * touché, et le message dit où est l'erreur).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { formatDocumentText } from '../formatting/formatter.js';
import { msg } from '../i18n/messages.js';
import { printable } from '../common/markup.js';
import { createReferentielServices } from '../referentiel-module.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError } from './errors.js';
import './format-messages.js';
import { writeAtomic, writeStdout } from './io.js';
import { readUtf8, resolveRefPaths } from '../core/workspace.js';

export interface FormatOptions {
    check?: boolean;
}

/** Un chemin pour un message : relatif si possible, et sans contrôle (un nom ne coupe pas la ligne). */
function shown(file: string): string {
    const relative = path.relative(process.cwd(), file);
    return printable(relative.startsWith('..') || path.isAbsolute(relative) ? file : relative);
}

/** Le premier problème de syntaxe d'un document : ligne, colonne (à partir de 1), message. */
function syntaxProblem(document: LangiumDocument): { line: number; column: number; message: string } | undefined {
    const lexer = document.parseResult.lexerErrors[0];
    if (lexer) {
        const text = /->(.+?)<-/.exec(lexer.message)?.[1] ?? document.textDocument.getText().substr(lexer.offset, lexer.length);
        return { line: lexer.line ?? 1, column: lexer.column ?? 1, message: msg('syntax.lexer', { text }) };
    }
    const parser = document.parseResult.parserErrors[0];
    if (parser) {
        const token = parser.token;
        const line = Number.isFinite(token.startLine) ? token.startLine! : document.textDocument.positionAt(document.textDocument.getText().length).line + 1;
        const column = Number.isFinite(token.startColumn) ? token.startColumn! : 1;
        // « Syntaxe : … » : le mot est déjà dans « erreur de syntaxe — ».
        const bare = parser.message.trim().replace(/^(Syntaxe|Syntax)\s*:\s*/, '');
        const message = bare.charAt(0).toUpperCase() + bare.slice(1);
        return { line, column, message: /[.!?]$/.test(message) ? message : message + '.' };
    }
    return undefined;
}

/** `referentiel format <chemins…> [--check]` : renvoie le code de sortie. */
export async function formatCommand(paths: string[], options: FormatOptions): Promise<number> {
    const { files } = await resolveRefPaths(paths);
    const { Referentiel: services } = createReferentielServices(NodeFileSystem);
    const factory = services.shared.workspace.LangiumDocumentFactory;

    const changed: Array<{ file: string; text: string }> = [];
    const errors: string[] = [];
    let unchanged = 0;
    // Tout est calculé avant d'écrire ; chaque fichier est remplacé d'un coup.
    for (const file of files) {
        let text: string;
        let bom = false;
        try {
            const head = await fs.readFile(file).then(b => b.subarray(0, 3));
            bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
            text = await readUtf8(file, shown(file));
        } catch (error) {
            if (error instanceof UsageError) { errors.push(error.message); continue; }
            errors.push(msg('error.read', { path: shown(file), reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
            continue;
        }
        const document = factory.fromString(text, URI.file(file));
        const problem = syntaxProblem(document);
        const formatted = problem ? undefined : formatDocumentText(services, document);
        if (formatted === undefined) {
            const where = problem ?? { line: 1, column: 1, message: '' };
            errors.push(msg('format.syntax', { file: shown(file), line: where.line, column: where.column, message: where.message }));
            continue;
        }
        if (formatted === text) {
            unchanged++;
        } else {
            changed.push({ file, text: bom ? '\uFEFF' + formatted : formatted });
        }
    }

    let output = '';
    if (options.check) {
        for (const { file } of changed) output += msg('format.unformatted', { file: shown(file) }) + '\n';
        if (changed.length > 0) {
            output += msg('format.check.failed', { count: changed.length, paths: printable(paths.join(' ')) }) + '\n';
        } else if (errors.length === 0) {
            output += msg('format.check.ok', { count: unchanged }) + '\n';
        }
    } else {
        let written = 0;
        for (const { file, text } of changed) {
            try {
                await writeAtomic(file, text);
                output += msg('format.changed', { file: shown(file) }) + '\n';
                written++;
            } catch (error) {
                errors.push(error instanceof Error ? error.message : String(error));
            }
        }
        output += msg('format.summary', { changed: written, unchanged }) + '\n';
    }
    await writeStdout(output);
    if (errors.length > 0) {
        process.stderr.write(errors.map(printable).join('\n') + '\n' + msg('format.refused', { count: errors.length }) + '\n');
        return EXIT_USAGE;
    }
    return options.check && changed.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
