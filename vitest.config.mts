import { defineConfig } from 'vitest/config';

export default defineConfig({
    // Comme esbuild (loader « text ») : un fichier .md importé donne son texte.
    plugins: [{
        name: 'markdown-text',
        transform(code: string, id: string) {
            return id.endsWith('.md') ? { code: `export default ${JSON.stringify(code)};`, map: null } : undefined;
        }
    }],
    test: {
        include: ['test/**/*.test.ts'],
        exclude: ['test/e2e/**', 'node_modules/**'],
        testTimeout: 60_000,
        hookTimeout: 60_000,
        // Les tests de la ligne de commande lancent de vrais processus : pas trop à la fois sur 2 cœurs.
        maxWorkers: 2,
        reporters: ['default']
    }
});
