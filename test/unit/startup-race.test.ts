import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Cancellation, EmptyFileSystem, isOperationCancelled, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { setLocale } from '../../language-server/src/i18n/locale.js';
import { createReferentielServices } from '../../language-server/src/referentiel-module.js';

/**
 * La course du démarrage, rendue déterministe : une construction interrompue juste après qu'un
 * document a atteint l'état « contenu indexé », avant que les écouteurs de cette phase ne soient
 * prévenus (Langium vérifie l'annulation avant chaque écouteur). C'est ce qui arrivait quand le
 * `didOpen` d'un fichier resté ouvert tombait pendant la construction initiale : l'index des
 * référentiels, tenu par un écouteur, perdait ce document pour de bon — la construction suivante
 * ne le réindexe pas, il est déjà à cet état. Le protocole répète le vrai démarrage
 * (test/protocol/startup.test.ts) ; ce test-ci touche chaque position de l'interruption.
 */
const SAMPLE = path.resolve(__dirname, '..', '..', 'samples', 'data-engineer');

describe('construction interrompue au milieu de l\'indexation', () => {
    const files = readdirSync(SAMPLE).filter(name => name.endsWith('.ref')).sort();

    for (let stopAfter = 1; stopAfter <= files.length; stopAfter++) {
        it(`interrompue après ${stopAfter} document(s) indexé(s), la construction suivante rend le référentiel entier`, async () => {
            setLocale('fr');
            const { shared, Referentiel: services } = createReferentielServices(EmptyFileSystem);
            const documents = files.map(name => {
                const document = shared.workspace.LangiumDocumentFactory.fromString(
                    readFileSync(path.join(SAMPLE, name), 'utf8'), URI.parse(`memory:///ws/${name}`));
                shared.workspace.LangiumDocuments.addDocument(document);
                return document;
            });
            // L'annulation arrive pendant l'indexation du n-ième document (comme un didOpen traité
            // pendant que Langium rend la main), avant que la phase ne soit annoncée.
            const source = new Cancellation.CancellationTokenSource();
            const indexManager = shared.workspace.IndexManager;
            const updateContent = indexManager.updateContent.bind(indexManager);
            let indexed = 0;
            indexManager.updateContent = async (document, token) => {
                await updateContent(document, token);
                if (++indexed === stopAfter) source.cancel();
            };
            const builder = shared.workspace.DocumentBuilder;
            await expect(builder.build(documents, { validation: true }, source.token)).rejects.toSatisfy(isOperationCancelled);

            // La modification qui a interrompu la construction : un fichier du référentiel, ouvert.
            setTextDocument(services, TextDocument.create(documents[0].uri.toString(), 'referentiel', 1, documents[0].textDocument.getText()));
            await builder.update([documents[0].uri], []);

            const model = services.referentiel.Models.forCode('DATA-ENGINEER');
            expect(model.documents.map(d => path.basename(d.uri.path))).toEqual(files);
            expect(model.blocs).toHaveLength(5);
            expect(model.competences).toHaveLength(40);
            const problems = documents.flatMap(d => (d.diagnostics ?? []).map(x => `${path.basename(d.uri.path)} ${x.code} ${x.message}`));
            // Sans erreur ni avertissement ; les deux informations de rédaction de l'exemple (docs/rules.md).
            expect(problems).toEqual([
                'bc01.ref REF602 La compétence C1.7 ne dit pas dans quel but elle s\'exerce : ajoutez la finalité (« pour… », « afin de… », « en vue de… »).',
                'bc01.ref REF602 La compétence C1.8 ne dit pas dans quel but elle s\'exerce : ajoutez la finalité (« pour… », « afin de… », « en vue de… »).'
            ]);
        });
    }
});
