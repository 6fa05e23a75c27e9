/**
 * Importer un référentiel Word (.docx) dans un dossier : lire le document (interop/docx-reader),
 * le convertir (interop/docx-import), mettre chaque fichier en forme (formatting/), puis l'écrire
 * d'un coup (common/files : dossier préparé à côté, renommages). Partagé par
 * `referentiel import docx` et la commande du serveur `referentiel.importerWord`.
 *
 * Rien n'est écrit si le document est illisible ou n'est pas un référentiel, ni si un fichier à
 * produire existe déjà dans le dossier (sauf `force`).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { existingFiles, publishFolder, temporarySibling } from '../common/files.js';
import { formatDocumentText } from '../formatting/formatter.js';
import { msg } from '../i18n/messages.js';
import { docxToRef, DocxImportError, type DocxImportStats } from '../interop/docx-import.js';
import '../interop/docx-messages.js';
import '../interop/interop-messages.js';
import './core-messages.js';
import { DocxReadError, readDocx } from '../interop/docx-reader.js';
import { createReferentielServices } from '../referentiel-module.js';
import { UsageError } from './errors.js';

export interface DocxImportRequest {
    /** Le document Word. */
    readonly file: string;
    /** Le dossier où écrire les fichiers .ref. */
    readonly out: string;
    /** Remplacer les fichiers qui existent déjà. */
    readonly force?: boolean;
    /** Le code de la certification (sinon tiré du titre du document). */
    readonly code?: string;
}

/** Des fichiers à produire existent déjà dans le dossier (et `force` n'est pas demandé). */
export class ExistingFilesError extends UsageError {
    constructor(message: string, readonly files: readonly string[]) {
        super(message);
        this.name = 'ExistingFilesError';
    }
}

export interface DocxImportOutcome {
    readonly code: string;
    /** Les fichiers écrits (chemins absolus), l'en-tête d'abord. */
    readonly files: readonly string[];
    readonly stats: DocxImportStats;
}

/**
 * Écrit des fichiers .ref dans le dossier `out`, d'un coup : aucun fichier existant n'est remplacé
 * sans `force` (ExistingFilesError), tout est écrit dans un dossier voisin puis publié, et rien ne
 * reste d'une écriture qui échoue (UsageError du message `writeMessage`). Rend les chemins écrits.
 */
export async function writeReferentielFolder(
    out: string, shown: string, files: ReadonlyArray<{ name: string; text: string }>,
    options: { force?: boolean; purpose: string; writeMessage: string }
): Promise<string[]> {
    const names = files.map(f => f.name);
    if (!options.force) {
        const existing = await existingFiles(out, names);
        if (existing.length) throw new ExistingFilesError(msg('import.exists', { out: shown, files: existing.join(', ') }), existing);
    }
    const staging = temporarySibling(out, options.purpose);
    try {
        await fs.mkdir(staging, { recursive: true });
        for (const file of files) await fs.writeFile(path.join(staging, file.name), file.text);
        await publishFolder(staging, out, names);
    } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message ?? String(error);
        throw new UsageError(msg(options.writeMessage, { path: shown, reason }));
    } finally {
        await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    }
    return names.map(n => path.join(out, n));
}

export async function importDocx(request: DocxImportRequest): Promise<DocxImportOutcome> {
    const shown = request.file;
    let bytes: Uint8Array;
    try {
        const stat = await fs.stat(request.file);
        if (!stat.isFile()) throw new UsageError(msg('import.notFile', { path: shown }));
        bytes = await fs.readFile(request.file);
    } catch (error) {
        if (error instanceof UsageError) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new UsageError(msg('error.noSuchPath', { path: shown }));
        throw new UsageError(msg('error.read', { path: shown, reason: code ?? String(error) }));
    }

    let converted;
    try {
        const document = await readDocx(bytes);
        converted = docxToRef(document, { code: request.code, source: path.basename(request.file) });
    } catch (error) {
        if (error instanceof DocxReadError) {
            const key = { 'not-zip': 'docx.notZip', corrupt: 'docx.corrupt', 'not-docx': 'docx.notDocx', xml: 'docx.xml' }[error.kind];
            throw new UsageError(msg(key, { path: shown, reason: error.detail }));
        }
        if (error instanceof DocxImportError) {
            throw new UsageError(error.kind === 'bad-code' ? msg('docx.badCode', { code: error.message }) : msg('docx.notReferentiel', { path: shown }));
        }
        throw error;
    }

    // Chaque fichier est mis en forme comme par `referentiel format` (et doit se relire).
    const { Referentiel: services } = createReferentielServices(EmptyFileSystem);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const out = path.resolve(request.out);
    const files = converted.files.map(file => {
        const document = factory.fromString(file.text, URI.file(path.join(out, file.name)));
        const formatted = formatDocumentText(services, document);
        if (formatted === undefined) {
            const problem = document.parseResult.lexerErrors[0]?.message ?? document.parseResult.parserErrors[0]?.message ?? '?';
            throw new Error(msg('docx.internal', { file: file.name, reason: problem }));
        }
        return { name: file.name, text: formatted };
    });

    const written = await writeReferentielFolder(out, request.out, files, { force: request.force, purpose: 'import', writeMessage: 'docx.write' });
    return { code: converted.code, files: written, stats: converted.stats };
}
