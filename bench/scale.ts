/**
 * Passage à l'échelle : un catalogue de 1 000 référentiels (5 000 fichiers).
 *
 * Tout est comparé dans la même exécution (les machines sont partagées et bruitées : un rapport
 * est stable, un temps absolu ne l'est pas) :
 *  1. construction complète (analyse + liaison + validation) de 100 puis 1 000 référentiels :
 *     le rapport des temps par fichier doit rester proche de 1 (coût linéaire) ;
 *  2. plancher : la seule analyse syntaxique des mêmes fichiers, pour situer le coût de la
 *     liaison et des règles ;
 *  3. modification d'un fichier dans un catalogue de 10 puis de 1 000 référentiels : le nombre de
 *     fichiers revérifiés et le temps doivent être les mêmes (rapport proche de 1).
 * Écrit bench/results/scale.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createReferentielServices } from '../language-server/src/referentiel-module.js';
import { generateCatalogue } from './generate.js';

interface Loaded {
    services: ReturnType<typeof createReferentielServices>['Referentiel'];
    documents: LangiumDocument[];
    texts: Map<string, string>;
}

async function build(count: number): Promise<{ loaded: Loaded; ms: number; files: number; diagnostics: number }> {
    const { Referentiel: services } = createReferentielServices(EmptyFileSystem);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const files = generateCatalogue(count);
    const texts = new Map<string, string>();
    const start = performance.now();
    const documents = files.map(f => {
        const uri = URI.parse(`memory:///bench/${f.name}`);
        texts.set(uri.toString(), f.text);
        const document = factory.fromString(f.text, uri);
        langiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const ms = performance.now() - start;
    const diagnostics = documents.reduce((n, d) => n + (d.diagnostics?.length ?? 0), 0);
    return { loaded: { services, documents, texts }, ms, files: files.length, diagnostics };
}

function parseOnly(count: number): number {
    const { Referentiel: services } = createReferentielServices(EmptyFileSystem);
    const parser = services.parser.LangiumParser;
    const files = generateCatalogue(count);
    const start = performance.now();
    for (const f of files) parser.parse(f.text);
    return performance.now() - start;
}

async function editTimes(loaded: Loaded, rounds: number): Promise<{ medianMs: number; revalidated: number }> {
    const { services, documents, texts } = loaded;
    const target = documents.find(d => d.uri.path.endsWith('CERT-0005/bc02.ref'))!;
    const original = texts.get(target.uri.toString())!;
    let revalidated = 0;
    services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => { revalidated++; });
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
        revalidated = 0;
        const text = original.replace('Bloc 2 du référentiel', `Bloc 2 (version ${i}) du référentiel`);
        setTextDocument(services, TextDocument.create(target.uri.toString(), 'referentiel', i + 2, text));
        const start = performance.now();
        await services.shared.workspace.DocumentBuilder.update([target.uri], []);
        times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return { medianMs: times[Math.floor(times.length / 2)], revalidated };
}

async function main(): Promise<void> {
    const small = 100;
    const large = 1000;
    // Échauffement (compilation JIT), non mesuré.
    await build(20);

    const a = await build(small);
    const b = await build(large);
    const parseA = parseOnly(small);
    const parseB = parseOnly(large);
    const editSmall = await editTimes((await build(10)).loaded, 15);
    const editLarge = await editTimes(b.loaded, 15);

    const perFileA = a.ms / a.files;
    const perFileB = b.ms / b.files;
    const rows = [
        ['construction complète', `${small} réf. (${a.files} fichiers)`, `${a.ms.toFixed(0)} ms`, `${perFileA.toFixed(3)} ms/fichier`],
        ['construction complète', `${large} réf. (${b.files} fichiers)`, `${b.ms.toFixed(0)} ms`, `${perFileB.toFixed(3)} ms/fichier`],
        ['plancher : analyse seule', `${large} réf.`, `${parseB.toFixed(0)} ms`, `${(parseB / b.files).toFixed(3)} ms/fichier`],
        ['modification d\'un fichier', '10 réf.', `${editSmall.medianMs.toFixed(1)} ms`, `${editSmall.revalidated} fichiers revérifiés`],
        ['modification d\'un fichier', `${large} réf.`, `${editLarge.medianMs.toFixed(1)} ms`, `${editLarge.revalidated} fichiers revérifiés`]
    ];
    const ratios = {
        coutParFichier1000sur100: perFileB / perFileA,
        constructionSurAnalyse: b.ms / parseB,
        analyse1000sur100: (parseB / b.files) / (parseA / a.files),
        modification1000sur10: editLarge.medianMs / editSmall.medianMs
    };
    const widths = [0, 1, 2, 3].map(i => Math.max(...rows.map(r => r[i].length)));
    console.log('Passage à l\'échelle (une exécution, comparaisons côte à côte)\n');
    for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
    console.log('');
    console.log(`rapport coût par fichier, 1 000 / 100 référentiels : ${ratios.coutParFichier1000sur100.toFixed(2)} (1 = linéaire)`);
    console.log(`rapport construction complète / analyse seule        : ${ratios.constructionSurAnalyse.toFixed(2)}`);
    console.log(`rapport modification, 1 000 / 10 référentiels       : ${ratios.modification1000sur10.toFixed(2)} (1 = indépendant de la taille du catalogue)`);
    console.log(`diagnostics sur le catalogue                         : ${b.diagnostics}`);

    const out = path.resolve(process.cwd(), 'bench', 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'scale.json'), JSON.stringify({
        date: new Date().toISOString(), node: process.version,
        mesures: {
            construction: [{ referentiels: small, fichiers: a.files, ms: a.ms }, { referentiels: large, fichiers: b.files, ms: b.ms }],
            analyseSeule: [{ referentiels: small, ms: parseA }, { referentiels: large, ms: parseB }],
            modification: [{ referentiels: 10, ms: editSmall.medianMs, revalidés: editSmall.revalidated }, { referentiels: large, ms: editLarge.medianMs, revalidés: editLarge.revalidated }]
        },
        rapports: ratios
    }, null, 2) + '\n');
}

main().catch(error => {
    console.error(error);
    process.exitCode = 1;
});
