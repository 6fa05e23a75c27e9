import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
    AstUtils, DefaultDocumentValidator, DefaultLinker, DefaultReferenceDescriptionProvider, EmptyFileSystem, URI,
    type AstNode, type LangiumDocument, type ValidationAcceptor
} from 'langium';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateCatalogue } from '../../bench/generate.js';
import { astNodes, referencesOf } from '../../language-server/src/model/ast-nodes.js';
import { createReferentielServices } from '../../language-server/src/referentiel-module.js';

/**
 * La liaison, les références de l'index et les vérifications lisent les nœuds et les références
 * d'un arbre relevés une fois (model/ast-nodes.ts) au lieu de reparcourir l'arbre chacune :
 * mêmes résultats, dans le même ordre, que les parcours de Langium qu'elles remplacent, et
 * chaque nœud n'est plus parcouru qu'une fois par construction.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'samples', 'data-engineer');

/** Analyse les fichiers, appelle `beforeBuild`, puis construit (indexation, liaison, vérifications). */
async function build(files: Array<{ name: string; text: string }>, beforeBuild?: () => void) {
    const { Referentiel: services } = createReferentielServices(EmptyFileSystem);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = files.map(f => {
        const document = factory.fromString(f.text, URI.parse(`memory:///ws/${f.name}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    beforeBuild?.();
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services, documents };
}

const sampleFiles = () => readdirSync(SAMPLE).filter(f => f.endsWith('.ref')).map(name => ({ name: `data-engineer/${name}`, text: readFileSync(path.join(SAMPLE, name), 'utf8') }));

/** Ce que Langium relève d'un arbre : ses nœuds, puis les références de chacun. */
function langiumReferences(root: AstNode) {
    return AstUtils.streamAst(root).flatMap(node => AstUtils.streamReferences(node)).toArray();
}

describe('un seul parcours de l\'arbre par document', () => {
    afterEach(() => vi.restoreAllMocks());

    it('les références relevées une fois sont celles de Langium, dans son ordre', async () => {
        const { documents } = await build(sampleFiles());
        let count = 0;
        for (const document of documents) {
            const root = document.parseResult.value;
            expect(referencesOf(root)).toEqual(langiumReferences(root));
            expect(referencesOf(root)).toBe(referencesOf(root));
            count += referencesOf(root).length;
        }
        expect(count).toBeGreaterThan(100);
    });

    it('la liaison et les références de l\'index donnent ce que donnent celles de Langium', async () => {
        const { services, documents } = await build(sampleFiles());
        const linker = services.references.Linker;
        const descriptions = services.workspace.ReferenceDescriptionProvider;
        for (const document of documents) {
            const ours = await descriptions.createDescriptions(document);
            const langium = await DefaultReferenceDescriptionProvider.prototype.createDescriptions.call(descriptions, document);
            expect(ours).toEqual(langium);
            expect(ours.length).toBeGreaterThan(0);
            // Délier puis relier par les deux chemins : les mêmes références, dans le même ordre, vers les mêmes nœuds.
            const targets = (doc: LangiumDocument) => doc.references.map(r => [r.$refText, 'ref' in r ? r.ref : undefined, r.error?.message]);
            linker.unlink(document);
            await DefaultLinker.prototype.link.call(linker, document);
            const expected = targets(document);
            linker.unlink(document);
            await linker.link(document);
            expect(targets(document)).toEqual(expected);
        }
    });

    it('les vérifications donnent les diagnostics de Langium, dans le même ordre', async () => {
        const files = [...sampleFiles(), ...generateCatalogue(3)];
        const { services, documents } = await build(files);
        const validator = services.validation.DocumentValidator as unknown as {
            validateAstNodes(root: AstNode, options: object, accept: ValidationAcceptor): Promise<void>;
        };
        let total = 0;
        for (const document of documents) {
            const collect = async (run: (accept: ValidationAcceptor) => Promise<void>) => {
                const found: unknown[] = [];
                await run((severity, message, info) => { found.push([severity, message, info.node.$type, info.property, info.index, info.code]); });
                return found;
            };
            const root = document.parseResult.value;
            const ours = await collect(accept => validator.validateAstNodes(root, {}, accept));
            const langium = await collect(accept => (DefaultDocumentValidator.prototype as unknown as typeof validator).validateAstNodes.call(validator, root, {}, accept));
            expect(ours).toEqual(langium);
            total += ours.length;
        }
        // L'exemple et le catalogue généré ont des diagnostics de rédaction (infos) : la comparaison porte sur quelque chose.
        expect(total).toBeGreaterThan(20);
    });

    it('pendant une construction, chaque nœud n\'est parcouru que par un relevé (au plus deux lectures de ses clés)', async () => {
        const files = generateCatalogue(4);
        let keys: { mock: { calls: unknown[][] }; mockRestore(): void } | undefined;
        // Après l'analyse (qui lit aussi les clés de chaque nœud en le créant), pendant la construction.
        const { documents } = await build(files, () => { keys = vi.spyOn(Object, 'keys'); });
        const nodes = new Set(documents.flatMap(d => [...astNodes(d.parseResult.value)]));
        const reads = new Map<unknown, number>();
        for (const [target] of keys!.mock.calls) {
            if (nodes.has(target as AstNode)) reads.set(target, (reads.get(target) ?? 0) + 1);
        }
        keys!.mockRestore();
        expect(nodes.size).toBeGreaterThan(400);
        // Le relevé des nœuds (`streamAst` une fois) et celui des références : deux lectures par nœud.
        // Avant, la liaison, les références de l'index et les vérifications reparcouraient chacune l'arbre.
        expect(Math.max(...reads.values())).toBeLessThanOrEqual(2);
        expect(reads.size).toBe(nodes.size);
    });
});
