import { DefaultWorkspaceManager, type LangiumSharedCoreServices } from 'langium';

/**
 * Le chargement de l'espace de travail au démarrage du serveur. Langium, par défaut, ne vérifie
 * pas les fichiers à la construction initiale : la vue Problèmes restait vide (« 0 problème »)
 * tant qu'aucun .ref n'était ouvert, même avec un fichier en erreur. Ici la construction initiale
 * vérifie tout (toutes les catégories de règles) ; les diagnostics de chaque fichier sont publiés
 * à la fin de sa vérification (Langium les envoie à la phase Validated). Le coût, mesuré sur
 * 200 fichiers, est dans docs/editor.md.
 */
export class ReferentielWorkspaceManager extends DefaultWorkspaceManager {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.initialBuildOptions = { validation: true };
    }
}
