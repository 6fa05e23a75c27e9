import { expectFindReferences, expectGoToDefinition } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { ResponseError } from 'vscode-languageserver';
import type { LangiumDocument } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { workspace } from '../../helpers.js';
import { BLOC2, deWorkspace, doc, params, positionOf } from './lsp-helpers.js';

function rangeOf(document: LangiumDocument, search: string, start: number, length: number, occurrence = 0): Range {
    return { start: positionOf(document, search, start, occurrence), end: positionOf(document, search, start + length, occurrence) };
}

describe('aller à la définition', () => {
    it('d\'une référence vers la définition dans un autre fichier du référentiel', async () => {
        const ws = await deWorkspace();
        const b2 = doc(ws, 'bloc2.ref');
        const de = doc(ws, 'de.ref');
        const links = await ws.services.lsp.DefinitionProvider!.getDefinition(b2, params(b2, positionOf(b2, 'C1.3\n', 1)));
        expect(links).toHaveLength(1);
        expect(links![0].targetUri).toBe(de.uri.toString());
        expect(links![0].targetSelectionRange).toEqual(rangeOf(de, 'compétence C1.3', 11, 4));
    });

    it('une référence écrite autrement (C1-3) va à C1.3', async () => {
        const ws = await deWorkspace({ 'bloc2.ref': BLOC2.replace('vérifie C1.3', 'vérifie C1-3') });
        const b2 = doc(ws, 'bloc2.ref');
        const links = await ws.services.lsp.DefinitionProvider!.getDefinition(b2, params(b2, positionOf(b2, 'C1-3', 2)));
        expect(links![0].targetUri).toBe(doc(ws, 'de.ref').uri.toString());
    });

    it('avec expectGoToDefinition (langium/test)', async () => {
        const { services } = await workspace({});
        await expectGoToDefinition(services)({
            text: 'certification X "X"\nbloc BC01 "B" {\n    activité <|A1-1|> "a"\n    compétence C1.1 "c" issue de <|>A1-1\n}\n',
            index: 0,
            rangeIndex: 0,
            disposeAfterCheck: true
        });
    });
});

describe('trouver les références', () => {
    it('dans tous les fichiers du référentiel, définition comprise', async () => {
        const ws = await deWorkspace();
        const de = doc(ws, 'de.ref');
        const b2 = doc(ws, 'bloc2.ref');
        const references = await ws.services.lsp.ReferencesProvider!.findReferences(de, { ...params(de, positionOf(de, 'compétence C1.3', 11)), context: { includeDeclaration: true } });
        const found = references.map(r => `${r.uri.slice(r.uri.lastIndexOf('/') + 1)}:${r.range.start.line + 1}:${r.range.start.character + 1}`).sort();
        const at = (d: LangiumDocument, search: string, delta: number) => {
            const p = positionOf(d, search, delta);
            return `${d.uri.path.slice(d.uri.path.lastIndexOf('/') + 1)}:${p.line + 1}:${p.character + 1}`;
        };
        expect(found).toEqual([at(b2, 'évalue C2.1, C1.3', 13), at(b2, 'vérifie C1.3', 8), at(de, 'compétence C1.3', 11)].sort());
    });

    it('sans la définition', async () => {
        const ws = await deWorkspace();
        const de = doc(ws, 'de.ref');
        const references = await ws.services.lsp.ReferencesProvider!.findReferences(de, { ...params(de, positionOf(de, 'compétence C1.3', 11)), context: { includeDeclaration: false } });
        expect(references).toHaveLength(2);
        expect(references.every(r => r.uri.endsWith('bloc2.ref'))).toBe(true);
    });

    it('avec expectFindReferences (langium/test)', async () => {
        const { services } = await workspace({});
        await expectFindReferences(services)({
            text: 'certification X "X"\nbloc BC01 "B" {\n    compétence <|C1.1|> "c"\n    modalité M1 "m" {\n        évalue <|C<|>1.1|>\n        critère CR1 "c" vérifie <|C1.1|>\n    }\n}\n',
            includeDeclaration: true,
            disposeAfterCheck: true
        });
    });
});

describe('surbrillance du code sous le curseur', () => {
    it('la définition et les références du fichier', async () => {
        const ws = await deWorkspace();
        const de = doc(ws, 'de.ref');
        const highlights = await ws.services.lsp.DocumentHighlightProvider!.getDocumentHighlight(de, params(de, positionOf(de, 'évalue C1.1', 8)));
        expect(highlights!.map(h => h.range).sort((a, b) => a.start.line - b.start.line)).toEqual([
            rangeOf(de, 'compétence C1.1', 11, 4),
            rangeOf(de, 'évalue C1.1', 7, 4),
            rangeOf(de, 'vérifie C1.1', 8, 4)
        ]);
    });
});

describe('renommer un code', () => {
    it('prépare le renommage sur un code (définition ou référence), rien ailleurs', async () => {
        const ws = await deWorkspace();
        const b2 = doc(ws, 'bloc2.ref');
        const rename = ws.services.lsp.RenameProvider!;
        expect(await rename.prepareRename(b2, params(b2, positionOf(b2, 'vérifie C1.3', 10)))).toEqual(rangeOf(b2, 'vérifie C1.3', 8, 4));
        expect(await rename.prepareRename(b2, params(b2, positionOf(b2, 'M2.1', 1)))).toEqual(rangeOf(b2, 'M2.1', 0, 4));
        expect(await rename.prepareRename(b2, params(b2, positionOf(b2, 'nature', 2)))).toBeUndefined();
    });

    it('modifie la définition et toutes les références, dans tous les fichiers', async () => {
        const ws = await deWorkspace({ 'bloc2.ref': BLOC2.replace('vérifie C1.3', 'vérifie C1-3') });
        const b2 = doc(ws, 'bloc2.ref');
        const de = doc(ws, 'de.ref');
        const edit = await ws.services.lsp.RenameProvider!.rename(b2, { ...params(b2, positionOf(b2, 'C1-3', 1)), newName: 'C1.4' });
        expect(Object.keys(edit!.changes!).sort()).toEqual([b2.uri.toString(), de.uri.toString()].sort());
        expect(edit!.changes![de.uri.toString()]).toEqual([{ range: rangeOf(de, 'compétence C1.3', 11, 4), newText: 'C1.4' }]);
        expect(edit!.changes![b2.uri.toString()]).toEqual(expect.arrayContaining([
            { range: rangeOf(b2, 'évalue C2.1, C1.3', 13, 4), newText: 'C1.4' },
            { range: rangeOf(b2, 'vérifie C1-3', 8, 4), newText: 'C1.4' }
        ]));
        expect(edit!.changes![b2.uri.toString()]).toHaveLength(2);
    });

    it('renomme une épreuve dans ses conditions', async () => {
        const ws = await deWorkspace();
        const de = doc(ws, 'de.ref');
        const edit = await ws.services.lsp.RenameProvider!.rename(de, { ...params(de, positionOf(de, 'épreuve memoire', 9)), newName: 'memoire_final' });
        expect(edit!.changes![de.uri.toString()].map(e => e.newText)).toEqual(['memoire_final', 'memoire_final']);
    });

    it('refuse un code déjà utilisé dans le référentiel (même écrit autrement), en disant où', async () => {
        const ws = await deWorkspace();
        const b2 = doc(ws, 'bloc2.ref');
        const rename = (newName: string) => Promise.resolve().then(() =>
            ws.services.lsp.RenameProvider!.rename(b2, { ...params(b2, positionOf(b2, 'compétence C2.1', 11)), newName }));
        await expect(rename('C1.1')).rejects.toThrow('Le code « C1.1 » est déjà utilisé dans le référentiel DE par la compétence C1.1 (de.ref, ligne 8). Choisissez un autre code.');
        await expect(rename('C1-1')).rejects.toThrow('déjà utilisé');
        // Un code d'un autre type aussi : un code n'identifie qu'un élément.
        await expect(rename('M1.1')).rejects.toThrow('par la modalité M1.1');
        const error = await rename('C1.1').catch(e => e);
        expect(error).toBeInstanceOf(ResponseError);
    });

    it('accepte le même code dans un autre référentiel, et sa propre réécriture', async () => {
        const ws = await deWorkspace({ 'autre.ref': 'certification AUTRE "A"\nbloc BC01 "B" {\n    compétence C7.1 "x"\n}\n' });
        const b2 = doc(ws, 'bloc2.ref');
        const edit = await ws.services.lsp.RenameProvider!.rename(b2, { ...params(b2, positionOf(b2, 'compétence C2.1', 11)), newName: 'C7.1' });
        expect(Object.keys(edit!.changes!)).toHaveLength(1);
        const same = await ws.services.lsp.RenameProvider!.rename(b2, { ...params(b2, positionOf(b2, 'compétence C2.1', 11)), newName: 'C2-1' });
        expect(same!.changes![b2.uri.toString()].map(e => e.newText)).toEqual(['C2-1', 'C2-1', 'C2-1']);
    });

    it('refuse un code invalide, irrégulier ou un mot-clé, avec un message clair', async () => {
        const ws = await deWorkspace();
        const b2 = doc(ws, 'bloc2.ref');
        const rename = (newName: string) => Promise.resolve().then(() =>
            ws.services.lsp.RenameProvider!.rename(b2, { ...params(b2, positionOf(b2, 'compétence C2.1', 11)), newName }));
        await expect(rename('2C')).rejects.toThrow('« 2C » n\'est pas un code valide');
        await expect(rename('C 2')).rejects.toThrow('n\'est pas un code valide');
        await expect(rename('C2.2.')).rejects.toThrow('« C2.2. » n\'est pas un code régulier : écrivez « C2.2 ».');
        await expect(rename('note')).rejects.toThrow('« note » est un mot-clé du langage');
        await expect(rename('')).rejects.toThrow('n\'est pas un code valide');
    });

    it('renommer la certification modifie les en-têtes « référentiel » des autres fichiers', async () => {
        const ws = await deWorkspace({ 'autre.ref': 'certification AUTRE "A"\n' });
        const de = doc(ws, 'de.ref');
        const b2 = doc(ws, 'bloc2.ref');
        const edit = await ws.services.lsp.RenameProvider!.rename(de, { ...params(de, positionOf(de, 'DE "', 0)), newName: 'DATA-ENGINEER' });
        expect(edit!.changes![b2.uri.toString()]).toEqual([{ range: rangeOf(b2, 'référentiel DE', 12, 2), newText: 'DATA-ENGINEER' }]);
        await expect(Promise.resolve().then(() => ws.services.lsp.RenameProvider!.rename(de, { ...params(de, positionOf(de, 'DE "', 0)), newName: 'AUTRE' })))
            .rejects.toThrow('déjà utilisé');
    });
});
