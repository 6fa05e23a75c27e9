/**
 * Les dossiers candidats (`*.candidat.json`) de l'espace de travail qui nomment une certification
 * (`"referentiel": "CODE"`) : le renommage du code de la certification met aussi ce champ à jour
 * (une modification de plus dans le même WorkspaceEdit). Seul ce champ est lu et modifié ; rien
 * d'autre d'un dossier candidat (données personnelles) n'est lu par le serveur ni écrit au journal.
 */
import { TextDocument, URI, type LangiumSharedCoreServices } from 'langium';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { TextEdit } from 'vscode-languageserver-types';

/** Un dossier candidat plus gros que cela n'est pas relu pour un renommage (une cohorte JSON n'en est pas un). */
const MAX_CANDIDATE_BYTES = 5 * 1024 * 1024;
const CANDIDATE_FILE = /\.candidat\.json$/i;
/** Au plus autant de dossiers parcourus (un espace de travail démesuré ne bloque pas le renommage). */
const MAX_FILES = 20_000;

/** Les `*.candidat.json` sous les dossiers de l'espace de travail (sans dossiers cachés ni node_modules). */
async function candidateFiles(shared: LangiumSharedCoreServices): Promise<URI[]> {
    const fileSystem = shared.workspace.FileSystemProvider;
    const folders = (shared.workspace.WorkspaceManager.workspaceFolders ?? []).map(f => URI.parse(f.uri));
    const found: URI[] = [];
    let seen = 0;
    const walk = async (folder: URI): Promise<void> => {
        let entries;
        try {
            entries = await fileSystem.readDirectory(folder);
        } catch {
            return;
        }
        for (const entry of entries) {
            if (++seen > MAX_FILES) return;
            const name = entry.uri.path.slice(entry.uri.path.lastIndexOf('/') + 1);
            if (name.startsWith('.') || name === 'node_modules') continue;
            if (entry.isDirectory) await walk(entry.uri);
            else if (entry.isFile && CANDIDATE_FILE.test(name)) found.push(entry.uri);
        }
    };
    for (const folder of folders) await walk(folder);
    return found;
}

/**
 * Les modifications qui changent `"referentiel": "<before>"` en `<after>` dans les dossiers
 * candidats de l'espace de travail (le texte de l'éditeur pour un fichier ouvert), par URI.
 */
export async function renameInCandidateFiles(
    shared: LangiumSharedCoreServices, openText: (uri: string) => string | undefined, before: string, after: string
): Promise<Record<string, TextEdit[]>> {
    const changes: Record<string, TextEdit[]> = {};
    for (const uri of await candidateFiles(shared)) {
        const key = uri.toString();
        let text = openText(key);
        if (text === undefined) {
            try {
                text = await shared.workspace.FileSystemProvider.readFile(uri);
            } catch {
                continue;
            }
        }
        if (text.length > MAX_CANDIDATE_BYTES) continue;
        const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
        const node = root && findNodeAtLocation(root, ['referentiel']);
        if (!node || node.type !== 'string' || node.value !== before) continue;
        const document = TextDocument.create(key, 'json', 0, text);
        // Entre les guillemets : le code seul (un code n'a rien à échapper en JSON).
        changes[key] = [{
            range: { start: document.positionAt(node.offset + 1), end: document.positionAt(node.offset + node.length - 1) },
            newText: after
        }];
    }
    return changes;
}
