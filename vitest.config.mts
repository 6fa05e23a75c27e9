import { defineConfig } from 'vitest/config';

export default defineConfig({
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
