import { describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../bench/generate.js';
import { workspace } from '../helpers.js';

/**
 * Le catalogue « réaliste » du banc (`npm run bench -- --taille=realiste`) : des référentiels de la
 * taille des vrais, sans aucun diagnostic, rédaction comprise — le lint y mesure le travail d'un
 * référentiel propre, pas celui d'écrire des diagnostics.
 */
describe('catalogue réaliste du banc', () => {
    it('pèse ≈ 46 Ko par référentiel, 6 fichiers, et ne donne aucun diagnostic', async () => {
        const files = generateCatalogue(3, 'realiste');
        expect(files).toHaveLength(18);
        const bytes = files.reduce((s, f) => s + Buffer.byteLength(f.text), 0) / 3;
        expect(bytes).toBeGreaterThan(40_000);
        expect(bytes).toBeLessThan(60_000);
        const ws = await workspace(Object.fromEntries(files.map(f => [f.name, f.text])), { redaction: true });
        expect(ws.documents.flatMap(d => (d.diagnostics ?? []).map(x => `${d.uri.path} ${x.code} ${x.message}`))).toEqual([]);
        // Le même générateur, deux fois : le même texte (mesures comparables d'une exécution à l'autre).
        expect(generateCatalogue(3, 'realiste')).toEqual(files);
    });
});
