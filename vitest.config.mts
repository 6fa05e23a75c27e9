import { defineConfig } from 'vitest/config';
import { LEFFF_MODULE, lefffLexiconSource } from './scripts/lefff-lexicon.mjs';

export default defineConfig({
    // Comme esbuild (loader « text ») : un fichier .md importé donne son texte.
    plugins: [{
        name: 'markdown-text',
        transform(code: string, id: string) {
            return id.endsWith('.md') ? { code: `export default ${JSON.stringify(code)};`, map: null } : undefined;
        }
    }, {
        // Comme esbuild : le module virtuel « lefff:verbes » (scripts/lefff-lexicon.mjs).
        name: 'lefff-lexicon',
        resolveId(id: string) {
            return id === LEFFF_MODULE ? '\0' + LEFFF_MODULE : undefined;
        },
        load(id: string) {
            return id === '\0' + LEFFF_MODULE ? lefffLexiconSource() : undefined;
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
