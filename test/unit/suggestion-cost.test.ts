import { describe, expect, it } from 'vitest';
import { suggest } from '../../language-server/src/codes.js';
import { workspace } from '../helpers.js';

/**
 * « Vouliez-vous dire » ne coûte jamais une distance d'édition sur un mot démesuré (issue 14,
 * §3) : la distance est au moins l'écart des longueurs, un mot d'un mégaoctet n'est donc comparé
 * à rien. Avant : un mot d'un mégaoctet à la place d'un mot-clé (`blocxxxx…`) coûtait 9 s de
 * distance d'édition contre chaque mot-clé de la grammaire ; un texte de la même taille, rien.
 * Les temps sont comparés entre eux (jamais à une durée fixe) : le meilleur de deux.
 */
async function bestTime(text: string): Promise<{ ms: number; codes: string[] }> {
    let best = Infinity;
    let codes: string[] = [];
    for (let i = 0; i < 2; i++) {
        const t0 = performance.now();
        const ws = await workspace({ 'x.ref': text });
        best = Math.min(best, performance.now() - t0);
        codes = ws.codes('x.ref');
    }
    return { ms: best, codes };
}

describe('suggestions bornées par la longueur du mot', () => {
    it('un mot d\'un mégaoctet à la place d\'un mot-clé ne coûte pas plus qu\'un texte d\'un mégaoctet', async () => {
        const big = 'x'.repeat(1 << 20);
        await bestTime('bloc BC01 "x" {\n}\n'); // échauffement
        const word = await bestTime(`bloc${big} BC01 "x" {\n}\n`);
        const string = await bestTime(`"${big}" BC01 "x" {\n}\n`);
        console.log(`[abus] mot d'1 Mo à la place d'un mot-clé : ${word.ms.toFixed(0)} ms ; texte d'1 Mo au même endroit : ${string.ms.toFixed(0)} ms`);
        expect(word.codes).toContain('REF001');
        expect(string.codes).toContain('REF001');
        // Avant : 9 000 ms contre 300 ms (rapport 30). Même coût à un facteur 3 près (charge de la machine).
        expect(word.ms).toBeLessThan(3 * Math.max(string.ms, 50));
    }, 120_000);

    it('une faute de frappe ordinaire est toujours corrigée', async () => {
        const ws = await workspace({ 'x.ref': 'certification X "X" {\n}\nblok BC01 "B" {\n}\n' });
        expect(ws.diagnostics('x.ref').map(d => d.message).join('\n')).toContain('« bloc »');
    });

    it('suggest : un nom démesuré n\'est comparé à aucun candidat, quel que soit leur nombre', () => {
        const names = Array.from({ length: 2000 }, (_, i) => `C${i}.${'1'.repeat(1000)}`);
        const t0 = performance.now();
        expect(suggest('C1.' + '1'.repeat(1 << 20), names)).toEqual([]);
        const huge = performance.now() - t0;
        const t1 = performance.now();
        suggest('C1.11', names);
        const small = performance.now() - t1;
        // Un nom d'un mégaoctet contre 2 000 noms de 1 000 caractères : pas plus que la recherche d'un nom court.
        expect(huge).toBeLessThan(3 * Math.max(small, 5));
        expect(suggest('C1.' + '1'.repeat(40), ['C1.' + '1'.repeat(41), 'C2.1'])).toEqual([`C1.${'1'.repeat(41)}`]);
    });
});
