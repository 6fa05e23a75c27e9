/**
 * Rien n'est écrit à moitié (ARCHITECTURE.md, invariant 5) : ce qui est écrit va d'abord dans un
 * fichier ou un dossier temporaire à côté de sa destination (même système de fichiers), puis est
 * renommé à sa place. Le seul endroit de ce mécanisme pour la ligne de commande et le serveur ;
 * l'extension, qui écrit par `vscode.workspace.fs`, en reprend le nom temporaire.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Le nom d'un fichier (ou dossier) temporaire pour `name` : caché, propre au processus et à l'instant. */
export function temporaryName(name: string, purpose = 'tmp'): string {
    return `.${name}.${process.pid}.${Date.now()}.${purpose}`;
}

/** Le chemin temporaire à côté de `target`. */
export function temporarySibling(target: string, purpose?: string): string {
    return path.join(path.dirname(target), temporaryName(path.basename(target), purpose));
}

/**
 * Écrit un fichier d'un coup (dossiers créés au besoin). En cas d'échec, le fichier temporaire
 * est retiré, la destination reste telle qu'elle était, et l'erreur d'origine est relancée.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
    const target = path.resolve(file);
    const temporary = temporarySibling(target);
    try {
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.writeFile(temporary, content);
        await fs.rename(temporary, target);
    } catch (error) {
        await fs.rm(temporary, { force: true }).catch(() => undefined);
        throw error;
    }
}

/**
 * Met en place les fichiers `names` d'un dossier préparé à côté de `target` : si `target`
 * n'existe pas, le dossier préparé est renommé ; sinon chaque fichier y est renommé (dans l'ordre
 * donné, ceux qui y sont déjà et n'en font pas partie restent) et le dossier préparé est retiré.
 */
export async function publishFolder(staging: string, target: string, names: readonly string[]): Promise<void> {
    const exists = await fs.stat(target).then(s => s.isDirectory(), () => false);
    if (!exists) {
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.rename(staging, target);
        return;
    }
    for (const name of names) {
        await fs.rename(path.join(staging, name), path.join(target, name));
    }
    await fs.rm(staging, { recursive: true, force: true });
}
