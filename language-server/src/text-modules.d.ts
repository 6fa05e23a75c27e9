/** Fichiers Markdown embarqués comme texte (esbuild : loader « text » ; vitest : vitest.config.mts). */
declare module '*.md' {
    const text: string;
    export default text;
}

/** Polices embarquées en octets (esbuild : loader « binary » ; vitest : vitest.config.mts). */
declare module '*.woff' {
    const bytes: Uint8Array;
    export default bytes;
}
