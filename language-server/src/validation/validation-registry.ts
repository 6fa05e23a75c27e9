import {
    ValidationRegistry,
    type AstNode, type MaybePromise, type ValidationAcceptor, type ValidationCategory, type ValidationCheck
} from 'langium';
import type { Cancellation } from 'langium';

/**
 * Le registre des vérifications, sans promesse par appel. Langium enveloppe chaque vérification
 * dans une fonction `async` (une promesse et deux `await` par vérification et par nœud, même
 * quand la vérification est synchrone, ce qui est le cas de toutes les nôtres) et rend les
 * vérifications d'un type par un `Stream` recréé à chaque nœud. Ici : une vérification synchrone
 * est appelée directement (ses exceptions traitées comme Langium les traite), seule une
 * vérification qui rend une promesse en rend une ; la liste par type est gardée jusqu'au prochain
 * enregistrement. `ReferentielDocumentValidator.validateAstNodes` s'en sert.
 */
export class ReferentielValidationRegistry extends ValidationRegistry {
    /** Par liste de catégories (`a,b`, ou `*` pour toutes), les vérifications de chaque type. */
    private readonly checksByCategories = new Map<string, Map<string, readonly ValidationCheck[]>>();

    protected override addEntry(type: string, entry: { check: ValidationCheck; category: ValidationCategory }): void {
        this.checksByCategories.clear();
        super.addEntry(type, entry);
    }

    /**
     * Les vérifications de chaque type pour ces catégories (celles de `AstNode` après celles du
     * type, dans l'ordre de `getChecks`), à demander une fois par document.
     */
    checksFor(categories?: ValidationCategory[]): (type: string) => readonly ValidationCheck[] {
        const key = categories ? categories.join(',') : '*';
        let byType = this.checksByCategories.get(key);
        if (!byType) {
            byType = new Map();
            this.checksByCategories.set(key, byType);
        }
        const cache = byType;
        return type => {
            let checks = cache.get(type);
            if (!checks) {
                checks = this.getChecks(type, categories).toArray();
                cache.set(type, checks);
            }
            return checks;
        };
    }

    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node: AstNode, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken): MaybePromise<void> => {
            let result: MaybePromise<void>;
            try {
                result = check.call(thisObj, node, accept, cancelToken);
            } catch (error) {
                return this.handleException(() => { throw error; }, 'An error occurred during validation', accept, node);
            }
            if (result && typeof (result as Promise<void>).then === 'function') {
                return this.handleException(() => result, 'An error occurred during validation', accept, node);
            }
            return undefined;
        };
    }
}
