import { describe, expect, it } from 'vitest';
import { formatCompared, formatDay } from '../../../language-server/src/i18n/locale.js';

describe('formatCompared : jamais une valeur arrondie sur le seuil', () => {
    it('9,995 face à 10 reste 9,995 (et non 10) ; 9,99 reste 9,99', () => {
        expect(formatCompared([9.995, 10], 'fr')).toEqual(['9,995', '10']);
        expect(formatCompared([9.99, 10], 'fr')).toEqual(['9,99', '10']);
        expect(formatCompared([9.9999, 10], 'fr')).toEqual(['9,9999', '10']);
        expect(formatCompared([10.0001, 10], 'en')).toEqual(['10.0001', '10']);
    });

    it('à deux décimales quand elles suffisent ; égales à la tolérance près, écrites égales', () => {
        expect(formatCompared([13.333333, 10], 'fr')).toEqual(['13,33', '10']);
        expect(formatCompared([10 - 1e-12, 10], 'fr')).toEqual(['10', '10']);
        expect(formatCompared([12, 12], 'fr')).toEqual(['12', '12']);
    });

    it('durées : 279,996 heures face à 280 heures ; 5,9999 mois face à 6', () => {
        expect(formatCompared([279.996, 280], 'fr')).toEqual(['279,996', '280']);
        expect(formatCompared([5.9999, 6], 'fr')).toEqual(['5,9999', '6']);
    });

    it('les valeurs affichées se comparent comme les vraies (balayage autour du seuil)', () => {
        for (let k = -2000; k <= 2000; k++) {
            const value = 10 + k / 1e5;
            const [shown, limit] = formatCompared([value, 10], 'en').map(Number);
            expect(Math.sign(shown - limit), `${value}`).toBe(Math.sign(Math.round((value - 10) * 1e9)));
        }
    });
});

describe('formatDay : les dates en français', () => {
    it('« 1er mars 2026 », « 30 juin 2026 » ; en anglais « 1 March 2026 » ; un texte qui n\'est pas une date, tel quel', () => {
        expect(formatDay('2026-03-01', 'fr')).toBe('1er mars 2026');
        expect(formatDay('2026-06-30', 'fr')).toBe('30 juin 2026');
        expect(formatDay('2026-03-01', 'en')).toBe('1 March 2026');
        expect(formatDay('—', 'fr')).toBe('—');
    });
});
