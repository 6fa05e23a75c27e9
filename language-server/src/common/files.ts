/**
 * Rien n'est écrit à moitié (ARCHITECTURE.md, invariant 5) : ce qui est écrit va d'abord dans un
 * fichier ou un dossier temporaire à côté de sa destination (même système de fichiers), puis est
 * renommé à sa place. Le seul endroit de ce mécanisme pour la ligne de commande et le serveur ;
 * l'extension, qui écrit par `vscode.workspace.fs`, en reprend le nom temporaire.
 */
import { rmSync, writeSync, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { constants as osConstants, tmpdir } from 'node:os';
import * as path from 'node:path';

// --- Fichiers temporaires vivants : retirés à tout échec, et sur SIGINT, SIGTERM, SIGHUP ----------

const live = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function removeLiveSync(): void {
    for (const p of live) {
        try { rmSync(p, { recursive: true, force: true }); } catch { /* déjà parti */ }
    }
    live.clear();
}

let interruptNotice: ((signal: NodeJS.Signals) => string) | undefined;

/**
 * Le message écrit sur la sortie d'erreur quand un signal interrompt une écriture (la ligne de
 * commande le donne, dans la langue de l'utilisateur) : l'arrêt n'est pas silencieux.
 */
export function setInterruptNotice(notice: (signal: NodeJS.Signals) => string): void {
    interruptNotice = notice;
}

function onSignal(signal: NodeJS.Signals): void {
    removeLiveSync();
    if (interruptNotice) {
        try { writeSync(2, interruptNotice(signal) + '\n'); } catch { /* sortie d'erreur fermée */ }
    }
    // Comme l'arrêt par défaut du signal : code 128 + numéro (130 pour Ctrl-C).
    process.exit(128 + (osConstants.signals[signal] ?? 0));
}

/**
 * Inscrit un fichier (ou dossier) temporaire : tant qu'il vit, un signal d'arrêt (Ctrl-C, kill)
 * le retire avant de quitter, et la sortie du processus aussi. Renvoie la fonction qui le désinscrit.
 */
export function trackTemporary(p: string): () => void {
    if (live.size === 0) {
        for (const signal of SIGNALS) process.on(signal, onSignal);
        process.on('exit', removeLiveSync);
    }
    live.add(p);
    return () => {
        if (!live.delete(p) || live.size > 0) return;
        for (const signal of SIGNALS) process.off(signal, onSignal);
        process.off('exit', removeLiveSync);
    };
}

/** Le mode d'un fichier publié : celui du fichier remplacé, sinon celui d'un fichier neuf (0666 moins l'umask). */
async function publishedMode(target: string): Promise<number> {
    try {
        return (await fs.stat(target)).mode & 0o7777;
    } catch {
        return 0o666 & ~process.umask();
    }
}

/** Une destination qui existe sans être un fichier ordinaire (périphérique, tube, socket) ? */
async function isSpecialFile(target: string): Promise<boolean> {
    const stat = await fs.stat(target).catch(() => undefined);
    return stat !== undefined && !stat.isFile() && !stat.isDirectory();
}

/**
 * `a` et `b` désignent-ils le même fichier (même après liens symboliques ou physiques) ?
 * Faux si l'un n'existe pas.
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
    try {
        const [x, y] = await Promise.all([fs.stat(a), fs.stat(b)]);
        return x.dev === y.dev && x.ino === y.ino;
    } catch {
        return false;
    }
}

/** Les fichiers de `names` qui existent déjà dans `folder`. */
export async function existingFiles(folder: string, names: readonly string[]): Promise<string[]> {
    const found: string[] = [];
    for (const name of names) {
        if (await fs.stat(path.join(folder, name)).then(() => true, () => false)) found.push(name);
    }
    return found;
}

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
    if (await isSpecialFile(target)) {
        // /dev/stdout, un tube, /dev/full : on y écrit directement (le remplacer par un renommage le détruirait).
        await fs.writeFile(target, content);
        return;
    }
    const temporary = temporarySibling(target);
    const release = trackTemporary(temporary);
    try {
        await fs.mkdir(path.dirname(target), { recursive: true });
        // 0600 : le temporaire peut contenir des données de candidats ; le fichier publié prend le mode habituel.
        await fs.writeFile(temporary, content, { mode: 0o600, flag: 'wx' });
        await fs.chmod(temporary, await publishedMode(target));
        await fs.rename(temporary, target);
    } catch (error) {
        await fs.rm(temporary, { force: true }).catch(() => undefined);
        throw error;
    } finally {
        release();
    }
}

/**
 * Un fichier temporaire écrit par morceaux (un rapport de cohorte), créé en 0600 à côté de sa
 * destination (ou dans le dossier temporaire du système s'il n'en a pas), inscrit pour être retiré
 * sur un signal. `commit` le met en place d'un coup, `discard` le retire ; une erreur d'écriture
 * (disque plein, dossier en lecture seule) remonte telle quelle, le fichier n'étant jamais publié.
 */
export class TemporaryFile {
    private chunks: string[] = [];
    private size = 0;
    private closed = false;

    private constructor(
        readonly path: string, private readonly handle: FileHandle, private readonly release: () => void,
        /** Écrit directement dans la destination (un périphérique ou un tube : rien à renommer). */
        private readonly direct = false
    ) {}

    static async create(target: string | undefined): Promise<TemporaryFile> {
        if (target && await isSpecialFile(target)) {
            return new TemporaryFile(target, await fs.open(target, 'w'), () => undefined, true);
        }
        const dir = target ? path.dirname(path.resolve(target)) : tmpdir();
        await fs.mkdir(dir, { recursive: true });
        const file = path.join(dir, temporaryName(target ? path.basename(target) : 'referentiel'));
        const release = trackTemporary(file);
        try {
            return new TemporaryFile(file, await fs.open(file, 'wx', 0o600), release);
        } catch (error) {
            release();
            throw error;
        }
    }

    async write(text: string): Promise<void> {
        if (text.length === 0) return;
        this.chunks.push(text);
        this.size += text.length;
        if (this.size >= 64 * 1024) await this.flush();
    }

    private async flush(): Promise<void> {
        if (this.size === 0) return;
        const data = this.chunks.join('');
        this.chunks = [];
        this.size = 0;
        await this.handle.writeFile(data);
    }

    /** Écrit ce qui reste et ferme (le fichier reste en place jusqu'à commit ou discard). */
    async close(): Promise<void> {
        if (this.closed) return;
        try {
            await this.flush();
        } finally {
            this.closed = true;
            await this.handle.close();
        }
    }

    /** Met le fichier en place à `target` (même dossier : un renommage). */
    async commit(target: string): Promise<void> {
        await this.close();
        if (this.direct) return;
        await fs.chmod(this.path, await publishedMode(target));
        await fs.rename(this.path, target);
        this.release();
    }

    /** Retire le fichier (après un échec) ; ne lève jamais. */
    async discard(): Promise<void> {
        if (!this.closed) {
            this.closed = true;
            await this.handle.close().catch(() => undefined);
        }
        if (this.direct) return;
        await fs.rm(this.path, { force: true }).catch(() => undefined);
        this.release();
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
        // Le dossier préparé peut être en 0700 : le dossier publié prend le mode d'un dossier neuf.
        await fs.chmod(target, 0o777 & ~process.umask());
        return;
    }
    for (const name of names) {
        await fs.rename(path.join(staging, name), path.join(target, name));
    }
    await fs.rm(staging, { recursive: true, force: true });
}
