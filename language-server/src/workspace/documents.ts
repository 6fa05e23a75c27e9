import { DefaultLangiumDocuments, stream, type LangiumDocument, type Stream, type URI } from 'langium';

/**
 * Les documents de l'espace de travail. Langium les range dans un arbre d'adresses et, à chaque
 * lecture de `all`, en recopie récursivement toutes les feuilles : deux fois par modification
 * (DocumentBuilder.update), soit le quart du coût d'une frappe dans un catalogue de 1 000
 * référentiels (profil, docs/performance.md). La liste est gardée ici, dans le même ordre, et
 * refaite seulement quand un document arrive ou part.
 */
export class ReferentielLangiumDocuments extends DefaultLangiumDocuments {
    private list?: LangiumDocument[];
    private readonly addedListeners: Array<(document: LangiumDocument) => void> = [];

    override get all(): Stream<LangiumDocument> {
        this.list ??= this.documentTrie.all();
        return stream(this.list);
    }

    /** Appelé pour chaque document ajouté (le constructeur de documents le note « à construire »). */
    onAdded(listener: (document: LangiumDocument) => void): void {
        this.addedListeners.push(listener);
    }

    override addDocument(document: LangiumDocument): void {
        super.addDocument(document);
        this.list = undefined;
        for (const listener of this.addedListeners) listener(document);
    }

    override deleteDocument(uri: URI): LangiumDocument | undefined {
        this.list = undefined;
        return super.deleteDocument(uri);
    }

    override deleteDocuments(folder: URI): LangiumDocument[] {
        this.list = undefined;
        return super.deleteDocuments(folder);
    }
}
