import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { sameFile, writeFileAtomic } from '../common/files.js';
import { msg } from '../i18n/messages.js';
import { UsageError } from './errors.js';

/**
 * Écrit un fichier d'un coup : le contenu va dans un fichier temporaire du même dossier,
 * puis il est renommé à sa place. Un fichier n'est jamais écrit à moitié.
 */
export async function writeAtomic(file: string, content: string | Uint8Array): Promise<void> {
    try {
        await writeFileAtomic(file, content);
    } catch (error) {
        throw new UsageError(msg('error.write', { path: file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
    }
}

/**
 * Vérifie une destination avant tout travail : pas un dossier, et aucun des fichiers lus (même
 * atteint par un autre chemin, un lien symbolique ou physique) — l'écrire détruirait la source.
 */
export async function checkOutput(out: string, inputs: Iterable<string>, ext: string): Promise<void> {
    const stat = await fs.stat(out).catch(() => undefined);
    if (stat?.isDirectory()) throw new UsageError(msg('error.outIsFolder', { path: out.replace(/[/\\]+$/, ''), ext }));
    if (!stat) return;
    for (const input of inputs) {
        if (await sameFile(out, input)) throw new UsageError(msg('error.outIsInput', { out, input: displayFile(input) }));
    }
}

/** Écrit sur la sortie standard et attend que ce soit parti (pour les gros rapports). */
export function writeStdout(text: string): Promise<void> {
    return new Promise(resolve => {
        if (process.stdout.write(text)) {
            resolve();
        } else {
            process.stdout.once('drain', () => resolve());
        }
    });
}

/** Le chemin d'un document tel qu'on l'affiche : relatif au dossier courant quand il est dessous. */
export function displayPath(document: Pick<LangiumDocument, 'uri'>): string {
    return displayFile(document.uri.fsPath);
}

/** Un chemin tel qu'on l'affiche : relatif au dossier courant quand il est dessous. */
export function displayFile(file: string): string {
    const relative = path.relative(process.cwd(), file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
