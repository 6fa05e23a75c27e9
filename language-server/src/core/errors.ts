/**
 * Une erreur due à l'usage (chemin, option, fichier illisible…) : son message, déjà en français
 * (anglais selon la locale), est montré tel quel, sans pile. La ligne de commande en fait le code
 * de sortie 2, le serveur une réponse d'erreur de la commande.
 */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'UsageError';
    }
}
