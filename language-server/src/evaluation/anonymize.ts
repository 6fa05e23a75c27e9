import { createHmac, randomBytes } from 'node:crypto';
import type { CandidateResults } from './types.js';

/**
 * Pseudonymes des candidats (`referentiel evaluate --anonymize`) : HMAC-SHA-256 de l'identifiant,
 * avec un sel secret. Même sel, même pseudonyme (les rapports d'un même sel se recoupent) ; sans
 * le sel, on ne remonte pas du pseudonyme à l'identifiant, ni on ne le recalcule depuis une liste
 * d'identifiants. Le nom du candidat est retiré. Décrit dans docs/evaluation.md et SECURITY.md.
 */
export interface Pseudonymizer {
    (id: string): string;
    /** Le sel a-t-il été tiré au hasard (pseudonymes propres à ce lancement) ? */
    readonly random: boolean;
}

/** Un pseudonymiseur : avec le sel donné, sinon un sel aléatoire de 32 octets jamais écrit. */
export function createPseudonymizer(salt?: string): Pseudonymizer {
    const key = salt !== undefined ? Buffer.from(salt, 'utf8') : randomBytes(32);
    const pseudonym = (id: string): string => 'anon-' + createHmac('sha256', key).update(id, 'utf8').digest('hex').slice(0, 16);
    return Object.assign(pseudonym, { random: salt === undefined });
}

/** Les résultats d'un candidat sous pseudonyme : identifiant remplacé, nom retiré. */
export function pseudonymize(results: CandidateResults, pseudonym: (id: string) => string): CandidateResults {
    return { ...results, candidat: { id: pseudonym(results.candidat.id) } };
}
