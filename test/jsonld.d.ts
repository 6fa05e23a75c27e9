/** Le paquet jsonld n'a pas de types : ce que les tests en utilisent. */
declare module 'jsonld' {
    const jsonld: {
        expand(input: unknown, options?: { documentLoader?: (url: string) => Promise<unknown>; safe?: boolean }): Promise<unknown[]>;
    };
    export default jsonld;
}
