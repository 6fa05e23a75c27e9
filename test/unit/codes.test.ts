import { describe, expect, it } from 'vitest';
import { analyzeCode, blocNumber, canonicalCode, editDistance, suggest, withSeparator } from '../../language-server/src/codes.js';

describe('analyzeCode', () => {
    it('un code de compétence régulier', () => {
        expect(analyzeCode('C1.10')).toMatchObject({
            raw: 'C1.10', canonical: 'C1.10', cleaned: 'C1.10', trailingDot: false, hasSpace: false,
            prefix: 'C', numbers: [1, 10], separators: ['.']
        });
    });

    it('séparateurs mêlés', () => {
        expect(analyzeCode('A1-1.2')).toMatchObject({ prefix: 'A', numbers: [1, 1, 2], separators: ['-', '.'], canonical: 'A1.1.2', cleaned: 'A1-1.2' });
    });

    it('point final (« C1.2. »)', () => {
        expect(analyzeCode('C1.2.')).toMatchObject({ trailingDot: true, hasSpace: false, cleaned: 'C1.2', canonical: 'C1.2', numbers: [1, 2], separators: ['.'] });
    });

    it('espace dans le code (« A2. 1 »)', () => {
        expect(analyzeCode('A2. 1')).toMatchObject({ hasSpace: true, trailingDot: false, cleaned: 'A2.1', canonical: 'A2.1', numbers: [2, 1], separators: ['.'] });
    });

    it('code de bloc avec préfixe RNCP', () => {
        expect(analyzeCode('RNCP35419BC01')).toMatchObject({ rncpPrefix: 'RNCP35419', prefix: 'BC', numbers: [1], separators: [] });
        expect(analyzeCode('BC01')).toMatchObject({ prefix: 'BC', numbers: [1] });
    });

    it('un code non numéroté (nom d\'épreuve, code de certification)', () => {
        const info = analyzeCode('periode_entreprise');
        expect(info.prefix).toBeUndefined();
        expect(info.numbers).toEqual([]);
        expect(analyzeCode('DATA-ENGINEER')).toMatchObject({ canonical: 'DATA.ENGINEER', cleaned: 'DATA-ENGINEER', numbers: [] });
    });

    it('un code d\'un seul caractère n\'a pas de point final', () => {
        expect(analyzeCode('x').trailingDot).toBe(false);
    });
});

describe('canonicalCode', () => {
    it('ramène « - » à « . », retire espaces et point final', () => {
        expect(canonicalCode('C5-2')).toBe('C5.2');
        expect(canonicalCode('C5.2')).toBe('C5.2');
        expect(canonicalCode('C1.2.')).toBe('C1.2');
        expect(canonicalCode('A2. 1')).toBe('A2.1');
        expect(canonicalCode('A1-1.2')).toBe('A1.1.2');
    });

    it('garde la casse et les zéros', () => {
        expect(canonicalCode('c1.1')).not.toBe(canonicalCode('C1.1'));
        expect(canonicalCode('BC01')).toBe('BC01');
    });
});

describe('withSeparator', () => {
    it('réécrit tous les séparateurs', () => {
        expect(withSeparator('C5-2', '.')).toBe('C5.2');
        expect(withSeparator('A2.4', '-')).toBe('A2-4');
        expect(withSeparator('A1-1.2', '.')).toBe('A1.1.2');
    });

    it('nettoie espace et point final au passage', () => {
        expect(withSeparator('A2. 1', '-')).toBe('A2-1');
        expect(withSeparator('C1.2.', '-')).toBe('C1-2');
    });

    it('garde les zéros de tête et le préfixe RNCP', () => {
        expect(withSeparator('RNCP35419BC01', '.')).toBe('RNCP35419BC01');
        expect(withSeparator('CR01-02', '.')).toBe('CR01.02');
    });

    it('laisse un code non numéroté tel quel (nettoyé)', () => {
        expect(withSeparator('DATA-ENGINEER', '.')).toBe('DATA-ENGINEER');
        expect(withSeparator('memoire', '-')).toBe('memoire');
    });
});

describe('blocNumber', () => {
    it('numéro tiré du code du bloc', () => {
        expect(blocNumber('BC01')).toBe(1);
        expect(blocNumber('BC10')).toBe(10);
        expect(blocNumber('RNCP35419BC03')).toBe(3);
        expect(blocNumber('Bloc 2')).toBe(2);
        expect(blocNumber('B2.')).toBe(2);
    });

    it('pas de numéro', () => {
        expect(blocNumber('SOCLE')).toBeUndefined();
        expect(blocNumber('RNCP35419')).toBeUndefined();
    });
});

describe('editDistance', () => {
    it('insertions, suppressions, substitutions', () => {
        expect(editDistance('', 'abc')).toBe(3);
        expect(editDistance('abc', '')).toBe(3);
        expect(editDistance('C1.1', 'C1.1')).toBe(0);
        expect(editDistance('C1.1', 'C1.2')).toBe(1);
        expect(editDistance('C1.1', 'C1.10')).toBe(1);
        expect(editDistance('kitten', 'sitting')).toBe(3);
    });

    it('une inversion de deux caractères voisins compte pour un', () => {
        expect(editDistance('CR1.1', 'RC1.1')).toBe(1);
        expect(editDistance('memoire', 'meomire')).toBe(1);
    });
});

describe('suggest', () => {
    const codes = ['C1.1', 'C1.2', 'C2.1', 'BC01', 'memoire', 'soutenance'];

    it('propose les codes proches, les plus proches d\'abord', () => {
        expect(suggest('C1.3', codes)).toEqual(['C1.1', 'C1.2']);
        expect(suggest('memoir', codes)).toEqual(['memoire']);
        expect(suggest('soutnance', codes)).toEqual(['soutenance']);
    });

    it('ignore séparateurs et casse', () => {
        expect(suggest('c1-1', codes)[0]).toBe('C1.1');
    });

    it('rien au-delà d\'une distance raisonnable', () => {
        expect(suggest('XYZ99', codes)).toEqual([]);
        expect(suggest('periode', codes)).toEqual([]);
    });

    it('au plus `max` candidats, sans doublon', () => {
        expect(suggest('C1.9', ['C1.1', 'C1.1', 'C1.2', 'C1.3', 'C1.4'], 2)).toEqual(['C1.1', 'C1.2']);
    });
});
