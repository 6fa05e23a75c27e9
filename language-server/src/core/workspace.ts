import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { msg } from '../i18n/messages.js';
import { createReferentielServices, type ReferentielServices } from '../referentiel-module.js';
import './core-messages.js';
import { UsageError } from './errors.js';

/**
 * Charger un espace de travail depuis le disque (ligne de commande, tests) : les fichiers .ref
 * désignés, leur contexte (les autres fichiers de leur dossier), lus en UTF-8 strict, liés et validés.
 */

export interface LoadedWorkspace {
    readonly services: ReferentielServices;
    /** Les documents demandés (ceux dont on rend compte). */
    readonly targets: LangiumDocument[];
    /** Tous les documents chargés (demandés + contexte). */
    readonly all: LangiumDocument[];
}

/** Tous les .ref sous un dossier, triés (l'ordre des fichiers ne dépend pas du système). */
export async function findRefFiles(folder: string): Promise<string[]> {
    const result: string[] = [];
    const walk = async (dir: string): Promise<void> => {
        const entries = await fs.readdir(dir, { withFileTypes: true });
        for (const entry of entries) {
            if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                await walk(full);
            } else if (entry.isFile() && entry.name.endsWith('.ref')) {
                result.push(full);
            }
        }
    };
    await walk(folder);
    return result.sort();
}

/** Les fichiers .ref désignés par des chemins (fichiers ou dossiers). */
export async function resolveRefPaths(paths: readonly string[]): Promise<{ files: string[]; context: string[] }> {
    const files = new Set<string>();
    const context = new Set<string>();
    for (const given of paths) {
        const absolute = path.resolve(given);
        let stat;
        try {
            stat = await fs.stat(absolute);
        } catch {
            throw new UsageError(msg('error.noSuchPath', { path: given }));
        }
        if (stat.isDirectory()) {
            for (const file of await findRefFiles(absolute)) files.add(file);
        } else {
            if (!absolute.endsWith('.ref')) {
                throw new UsageError(msg('error.notRef', { path: given }));
            }
            files.add(absolute);
            // Un fichier d'un référentiel découpé se lie aux autres fichiers de son dossier.
            for (const sibling of await findRefFiles(path.dirname(absolute)).catch(() => [])) {
                context.add(sibling);
            }
        }
    }
    if (files.size === 0) {
        throw new UsageError(msg('error.noRefFiles', { paths: paths.join(', ') }));
    }
    for (const file of files) context.delete(file);
    return { files: [...files].sort(), context: [...context].sort() };
}

/** Lit un fichier texte en UTF-8 strict (BOM retiré) ; message clair sinon. */
export async function readUtf8(file: string, shown = file): Promise<string> {
    let bytes: Buffer;
    try {
        bytes = await fs.readFile(file);
    } catch (error) {
        throw new UsageError(msg('error.read', { path: shown, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
    }
    return decodeUtf8(bytes, shown);
}

/** Des octets en UTF-8 strict (BOM retiré) ; message clair (le fichier et la ligne, pas le contenu) sinon. */
export function decodeUtf8(bytes: Uint8Array, shown: string): string {
    try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch {
        const lossy = new TextDecoder('utf-8').decode(bytes);
        const bad = lossy.indexOf('\uFFFD');
        const line = lossy.slice(0, Math.max(0, bad)).split('\n').length;
        throw new UsageError(msg('error.encoding', { path: shown, line }));
    }
}

/** Charge et valide les fichiers demandés (et leur contexte) dans un espace de travail neuf. */
export async function loadWorkspace(paths: readonly string[], configure?: (services: ReferentielServices) => void): Promise<LoadedWorkspace> {
    const { files, context } = await resolveRefPaths(paths);
    const { Referentiel: services } = createReferentielServices(NodeFileSystem);
    configure?.(services);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = services.shared.workspace.LangiumDocuments;
    const load = async (file: string): Promise<LangiumDocument> => {
        const text = await readUtf8(file, path.relative(process.cwd(), file) || file);
        const document = factory.fromString(text, URI.file(file));
        documents.addDocument(document);
        return document;
    };
    const targets: LangiumDocument[] = [];
    for (const file of files) targets.push(await load(file));
    const all = [...targets];
    for (const file of context) all.push(await load(file));
    await services.shared.workspace.DocumentBuilder.build(all, { validation: true });
    return { services, targets, all };
}
