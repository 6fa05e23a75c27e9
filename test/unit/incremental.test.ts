import { Cancellation, DocumentState, isOperationCancelled, URI, type LangiumDocument } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it, vi } from 'vitest';
import { generateCatalogue } from '../../bench/generate.js';
import { workspace } from '../helpers.js';

/**
 * Une modification ne revérifie que ce qu'elle touche : les fichiers de son référentiel
 * (la couverture d'une compétence dépend des modalités des autres fichiers du référentiel),
 * pas ceux des autres référentiels du catalogue.
 */
describe('revalidation incrémentale', () => {
    async function catalogue(count: number) {
        const files = Object.fromEntries(generateCatalogue(count).map(f => [f.name, f.text]));
        const ws = await workspace(files);
        const validated: string[] = [];
        ws.services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, doc => {
            validated.push(doc.uri.path.replace('/ws/', ''));
        });
        const edit = async (document: LangiumDocument, text: string) => {
            validated.length = 0;
            setTextDocument(ws.services, TextDocument.create(document.uri.toString(), 'referentiel', 2, text));
            await ws.services.shared.workspace.DocumentBuilder.update([document.uri], []);
            return [...validated].sort();
        };
        return { ws, edit, files };
    }

    it('le catalogue généré est propre', async () => {
        const { ws } = await catalogue(3);
        const all = ws.documents.flatMap(d => d.diagnostics ?? []);
        expect(all.map(d => `${d.code} ${d.message}`)).toEqual([]);
    });

    it('modifier un bloc revérifie les 5 fichiers de son référentiel et rien d\'autre (sur 40 référentiels)', async () => {
        const { ws, edit, files } = await catalogue(40);
        expect(ws.documents).toHaveLength(200);
        const target = ws.documents.find(d => d.uri.path.endsWith('CERT-0007/bc02.ref'))!;
        // La modalité du bloc 2 n'évalue plus C2.3 : la compétence, dans le même fichier, devient non évaluée.
        const text = files['CERT-0007/bc02.ref'].replace('évalue C2.1, C2.2, C2.3,', 'évalue C2.1, C2.2,').replace(' vérifie C2.3', ' vérifie C2.2');
        const revalidated = await edit(target, text);
        expect(revalidated).toEqual(['CERT-0007/bc01.ref', 'CERT-0007/bc02.ref', 'CERT-0007/bc03.ref', 'CERT-0007/bc04.ref', 'CERT-0007/cert-0007.ref']);
        expect(target.diagnostics!.map(d => d.code)).toEqual(['REF101']);
    });

    it('une modalité ajoutée dans un autre fichier du référentiel efface l\'erreur de couverture', async () => {
        const files = {
            'r/principal.ref': 'certification R "R" {\n}\nobtention {\n    condition "Blocs" : tous les blocs validés\n}\n',
            'r/bloc1.ref': 'référentiel R\nbloc BC01 "Un" {\n    activité A1-1 "A"\n    compétence C1.1 "C" issue de A1-1\n}\n',
            'r/bloc2.ref': 'référentiel R\nbloc BC02 "Deux" {\n    activité A2-1 "A"\n    compétence C2.1 "C" issue de A2-1\n    modalité M2.1 "M" {\n        évalue C2.1\n        critère CR2.1.1 "K" vérifie C2.1\n    }\n}\n',
            'autre/autre.ref': 'certification AUTRE "Autre" {\n}\nbloc BC01 "Un" {\n    activité A1-1 "A"\n    compétence C1.1 "C" issue de A1-1\n    modalité M1.1 "M" {\n        évalue C1.1\n        critère CR1.1.1 "K" vérifie C1.1\n    }\n}\nobtention {\n    condition "Blocs" : tous les blocs validés\n}\n'
        };
        const ws = await workspace(files);
        const bloc1 = ws.documents.find(d => d.uri.path.endsWith('r/bloc1.ref'))!;
        const bloc2 = ws.documents.find(d => d.uri.path.endsWith('r/bloc2.ref'))!;
        expect(bloc1.diagnostics!.map(d => d.code)).toEqual(expect.arrayContaining(['REF101', 'REF108']));
        const validated: string[] = [];
        ws.services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, doc => { validated.push(doc.uri.path); });
        setTextDocument(ws.services, TextDocument.create(bloc2.uri.toString(), 'referentiel', 2,
            files['r/bloc2.ref'].replace('évalue C2.1', 'évalue C2.1, C1.1').replace('vérifie C2.1', 'vérifie C2.1, C1.1')));
        await ws.services.shared.workspace.DocumentBuilder.update([bloc2.uri], []);
        expect(bloc1.diagnostics!.map(d => d.code)).toEqual([]);
        expect(validated.some(p => p.includes('/autre/'))).toBe(false);
        expect(URI.parse(bloc2.uri.toString()).path).toContain('bloc2');
    });

    /**
     * Ce qu'une modification regarde, pas seulement ce qu'elle revérifie : le nombre de documents
     * examinés (faut-il les relier ?) et la liste complète des documents, lue ou non. Les deux
     * ne dépendent pas de la taille du catalogue (10 ou 60 référentiels : les mêmes nombres).
     */
    it('une modification examine autant de documents dans un catalogue de 60 que de 10 référentiels', async () => {
        const examined = async (count: number) => {
            const { ws, edit, files } = await catalogue(count);
            const builder = ws.services.shared.workspace.DocumentBuilder;
            const documents = ws.services.shared.workspace.LangiumDocuments;
            const target = ws.documents.find(d => d.uri.path.endsWith('CERT-0005/bc02.ref'))!;
            await edit(target, files['CERT-0005/bc02.ref'].replace('Bloc 2 du', 'Bloc 2 (v1) du'));
            const relink = vi.spyOn(builder as unknown as { shouldRelink: () => boolean }, 'shouldRelink');
            const all = vi.spyOn(documents, 'all', 'get');
            const revalidated = await edit(target, files['CERT-0005/bc02.ref'].replace('Bloc 2 du', 'Bloc 2 (v2) du'));
            return { revalidated: revalidated.length, relinkChecks: relink.mock.calls.length, allReads: all.mock.calls.length };
        };
        const small = await examined(10);
        const large = await examined(60);
        expect(small).toEqual({ revalidated: 5, relinkChecks: 4, allReads: 0 });
        expect(large).toEqual(small);
    });

    it('une mise à jour interrompue est reprise par la suivante, même pour un autre référentiel', async () => {
        const { ws, files } = await catalogue(4);
        const builder = ws.services.shared.workspace.DocumentBuilder;
        const first = ws.documents.find(d => d.uri.path.endsWith('CERT-0001/bc02.ref'))!;
        const second = ws.documents.find(d => d.uri.path.endsWith('CERT-0003/bc01.ref'))!;
        // La modalité du bloc 2 n'évalue plus C2.3 (REF101 attendu), mais la construction est annulée après l'analyse.
        const broken = files['CERT-0001/bc02.ref'].replace('évalue C2.1, C2.2, C2.3,', 'évalue C2.1, C2.2,').replace(' vérifie C2.3', ' vérifie C2.2');
        setTextDocument(ws.services, TextDocument.create(first.uri.toString(), 'referentiel', 2, broken));
        const source = new Cancellation.CancellationTokenSource();
        const stop = builder.onDocumentPhase(DocumentState.Parsed, () => source.cancel());
        await builder.update([first.uri], [], source.token).catch(error => { if (!isOperationCancelled(error)) throw error; });
        stop.dispose();
        expect(first.state).toBeLessThan(DocumentState.Validated);
        setTextDocument(ws.services, TextDocument.create(second.uri.toString(), 'referentiel', 2, files['CERT-0003/bc01.ref'].replace('Bloc 1 du', 'Bloc 1 (v2) du')));
        await builder.update([second.uri], []);
        expect(first.state).toBe(DocumentState.Validated);
        expect(first.diagnostics!.map(d => d.code)).toEqual(['REF101']);
        expect(second.diagnostics).toEqual([]);
    });

    it('un document ajouté sans construction est construit à la mise à jour suivante', async () => {
        const { ws, files } = await catalogue(2);
        const documents = ws.services.shared.workspace.LangiumDocuments;
        const extra = documents.createDocument(URI.parse('memory:///ws/CERT-0002/bc05.ref'),
            'référentiel CERT-0002\n\nbloc BC05 "Bloc 5" {\n    activité A5 "A" {\n        activité A5-1 "A"\n    }\n    compétence C5.1 "Compétence 5.1" issue de A5-1\n}\n');
        const other = ws.documents.find(d => d.uri.path.endsWith('CERT-0001/bc01.ref'))!;
        setTextDocument(ws.services, TextDocument.create(other.uri.toString(), 'referentiel', 2, files['CERT-0001/bc01.ref'].replace('Bloc 1 du', 'Bloc 1 (v2) du')));
        await ws.services.shared.workspace.DocumentBuilder.update([other.uri], []);
        expect(extra.state).toBe(DocumentState.Validated);
        expect(extra.diagnostics!.map(d => d.code)).toContain('REF101');
    });
});
