import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { msg, registerMessages } from '../i18n/messages.js';
import { UsageError } from './errors.js';

/**
 * Les fichiers qu'une commande du serveur lit sur le disque à la demande du client (dossier
 * candidat, cohorte, fichier .ref désigné) : seulement des fichiers ordinaires, dans les dossiers
 * de l'espace de travail (chemins réels comparés : un lien symbolique ne fait pas sortir), d'une
 * taille bornée, lus avec la borne tenue pendant la lecture. Un refus nomme le fichier et la
 * raison, jamais son contenu.
 */

/** La taille maximale d'un fichier lu par une commande du serveur (50 Mo). */
export const MAX_COMMAND_FILE_BYTES = 50 * 1024 * 1024;

registerMessages({
    'file.outsideWorkspace': {
        fr: '{path} n\'est pas dans l\'espace de travail : le serveur ne lit que les fichiers des dossiers ouverts. Ouvrez (ou ajoutez) le dossier qui le contient.',
        en: '{path} is not in the workspace: the server only reads files of the open folders. Open (or add) the folder that holds it.'
    },
    'file.notRegular': {
        fr: '{path} n\'est pas un fichier ordinaire (dossier, périphérique, tube…) : donnez un fichier.',
        en: '{path} is not a regular file (folder, device, pipe…): give a file.'
    },
    'file.tooLarge': {
        fr: '{path} dépasse la taille maximale de {max} Mo : découpez-le (une cohorte peut tenir en plusieurs fichiers).',
        en: '{path} exceeds the maximum size of {max} MB: split it (a cohort may span several files).'
    }
});

function megabytes(bytes: number): string {
    return String(Math.round(bytes / (1024 * 1024)));
}

function readError(file: string, error: unknown): UsageError {
    return new UsageError(msg('error.read', { path: file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
}

async function realFolder(folder: string): Promise<string | undefined> {
    try {
        return await fs.realpath(folder);
    } catch {
        return undefined;
    }
}

/**
 * Le chemin réel d'un fichier ordinaire, d'au plus `maxBytes` octets, situé dans l'un des
 * dossiers `folders` ; UsageError sinon (le message nomme le fichier, jamais son contenu).
 */
export async function checkWorkspaceFile(file: string, folders: readonly string[], maxBytes = MAX_COMMAND_FILE_BYTES): Promise<string> {
    let real: string;
    try {
        real = await fs.realpath(file);
    } catch (error) {
        throw readError(file, error);
    }
    const roots = (await Promise.all(folders.map(realFolder))).filter((f): f is string => f !== undefined);
    const inside = roots.some(root => {
        const relative = path.relative(root, real);
        return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    });
    if (!inside) throw new UsageError(msg('file.outsideWorkspace', { path: file }));
    let stat;
    try {
        stat = await fs.stat(real);
    } catch (error) {
        throw readError(file, error);
    }
    if (!stat.isFile()) throw new UsageError(msg('file.notRegular', { path: file }));
    if (stat.size > maxBytes) throw new UsageError(msg('file.tooLarge', { path: file, max: megabytes(maxBytes) }));
    return real;
}

/**
 * Les octets d'un fichier ordinaire, au plus `maxBytes` : la borne est tenue pendant la lecture
 * (un fichier qui grandit, ou remplacé entre la vérification et la lecture, ne la dépasse pas).
 */
export async function readCapped(file: string, shown = file, maxBytes = MAX_COMMAND_FILE_BYTES): Promise<Buffer> {
    let handle: fs.FileHandle;
    try {
        handle = await fs.open(file, 'r');
    } catch (error) {
        throw readError(shown, error);
    }
    try {
        const stat = await handle.stat();
        if (!stat.isFile()) throw new UsageError(msg('file.notRegular', { path: shown }));
        const chunks: Buffer[] = [];
        let total = 0;
        const chunk = Buffer.alloc(64 * 1024);
        for (;;) {
            const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
            if (bytesRead === 0) break;
            total += bytesRead;
            if (total > maxBytes) throw new UsageError(msg('file.tooLarge', { path: shown, max: megabytes(maxBytes) }));
            chunks.push(Buffer.from(chunk.subarray(0, bytesRead)));
        }
        return Buffer.concat(chunks, total);
    } catch (error) {
        if (error instanceof UsageError) throw error;
        throw readError(shown, error);
    } finally {
        await handle.close();
    }
}
