import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, inject } from 'langium';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReferentielGeneratedModule, ReferentielGeneratedSharedModule, ReferentielLanguageMetaData } from '../../language-server/src/generated/module.js';
import { createReferentielServices, ReferentielModule, ReferentielSharedModule } from '../../language-server/src/referentiel-module.js';

/**
 * Le langage est généré en mode « production » (langium-config.json) : au démarrage, chevrotain
 * ne revérifie pas la grammaire (validations de l'analyseur et du lexer : une part du démarrage de
 * `referentiel lint`, docs/performance.md). Ces vérifications sont faites ici, une fois, en mode
 * développement : une grammaire fautive (règle récursive à gauche, alternative ambiguë, jeton
 * inaccessible) fait échouer ce test au lieu de passer inaperçue.
 */
const ROOT = path.resolve(__dirname, '../..');

function samples(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return samples(full);
        return entry.name.endsWith('.ref') ? [full] : [];
    });
}

/** La configuration du lexer de chevrotain sous le lexer de Langium. */
function lexerConfig(lexer: unknown): { skipValidations?: boolean } {
    return (lexer as { chevrotainLexer: { config: { skipValidations?: boolean } } }).chevrotainLexer.config;
}

function developmentServices() {
    const shared = inject(createDefaultSharedModule(EmptyFileSystem), ReferentielGeneratedSharedModule, ReferentielSharedModule);
    const services = inject(createDefaultModule({ shared }), ReferentielGeneratedModule, ReferentielModule, {
        LanguageMetaData: () => ({ ...ReferentielLanguageMetaData, mode: 'development' as const })
    });
    shared.ServiceRegistry.register(services);
    return services;
}

describe('validations de la grammaire (faites par ce test, pas à chaque démarrage)', () => {
    afterEach(() => {
        vi.restoreAllMocks();
    });

    it('le langage démarre sans revérifier la grammaire', () => {
        expect(ReferentielLanguageMetaData.mode).toBe('production');
        expect(lexerConfig(createReferentielServices(EmptyFileSystem).Referentiel.parser.Lexer).skipValidations).toBe(true);
    });

    it('chevrotain ne trouve aucune erreur ni aucun avertissement dans la grammaire, et aucune ambiguïté dans les exemples', () => {
        const printed: unknown[] = [];
        for (const channel of ['log', 'warn', 'error'] as const) {
            vi.spyOn(console, channel).mockImplementation((...args: unknown[]) => { printed.push(args); });
        }
        const services = developmentServices();
        // Construire le lexer et l'analyseur lance les validations (elles lèvent une exception en cas d'erreur).
        expect(lexerConfig(services.parser.Lexer).skipValidations).toBe(false);
        const parser = services.parser.LangiumParser;
        const files = [...samples(path.join(ROOT, 'samples')), ...samples(path.join(ROOT, 'test', 'fixtures'))];
        expect(files.length).toBeGreaterThan(10);
        for (const file of files) {
            // Les ambiguïtés sont signalées (console.log) pendant l'analyse, en mode développement seulement.
            parser.parse(readFileSync(file, 'utf8'));
        }
        expect(printed).toEqual([]);
    });
});
