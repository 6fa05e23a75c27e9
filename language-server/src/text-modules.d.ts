/** Fichiers Markdown embarqués comme texte (esbuild : loader « text » ; vitest : vitest.config.mts). */
declare module '*.md' {
    const text: string;
    export default text;
}

/**
 * Le lexique des verbes français (Lefff), servi à la construction par scripts/lefff-lexicon.mjs
 * (esbuild.mjs, vitest.config.mts) : les infinitifs, et les formes des verbes non observables.
 */
declare module 'lefff:verbes' {
    const lexicon: { infinitifs: readonly string[]; formes: Readonly<Record<string, readonly string[]>> };
    export default lexicon;
}
