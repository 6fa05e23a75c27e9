/** Fichiers Markdown embarqués comme texte (esbuild : loader « text » ; vitest : vitest.config.mts). */
declare module '*.md' {
    const text: string;
    export default text;
}
