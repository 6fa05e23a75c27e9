import { Cancellation, DefaultLinker, interruptAndCheck, type LangiumDocument } from 'langium';
import { referencesOf } from '../model/ast-nodes.js';

/**
 * La liaison lit les références de l'arbre relevées une fois (`referencesOf`, model/ast-nodes.ts)
 * au lieu de `streamAst` puis `streamReferences` sur chaque nœud : les mêmes références, dans le
 * même ordre, sans un itérateur par nœud. Le profileur de Langium, quand il est actif, garde le
 * chemin d'origine (il compte par nœud).
 */
export class ReferentielLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        if (cancelToken !== Cancellation.CancellationToken.None) await interruptAndCheck(cancelToken);
        for (const info of referencesOf(document.parseResult.value)) {
            // Sans jeton d'annulation (ligne de commande), pas d'attente à chaque référence.
            if (cancelToken !== Cancellation.CancellationToken.None) await interruptAndCheck(cancelToken);
            this.doLink(info, document);
        }
    }
}
