import { describe, expect, it } from 'vitest';
import { CASE_UUID_PATTERN, NAMESPACE_DNS, NAMESPACE_URL, REFERENTIEL_NAMESPACE, uuidv5 } from '../../../language-server/src/interop/uuid.js';

describe('UUID v5 (node:crypto)', () => {
    it('donne les valeurs de référence (RFC 9562 et implémentations courantes)', () => {
        expect(uuidv5('www.example.com', NAMESPACE_DNS)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
        expect(uuidv5('python.org', NAMESPACE_DNS)).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
        expect(uuidv5('http://python.org/', NAMESPACE_URL)).toBe('4c565f0d-3f5a-5890-b41b-20cf47701c5e');
    });

    it('l\'espace de noms de Référentiel est bien dérivé comme documenté', () => {
        expect(uuidv5('https://referentiel.invalid/interop', NAMESPACE_URL)).toBe(REFERENTIEL_NAMESPACE);
    });

    it('porte la version 5 et la variante RFC (8, 9, a ou b) : la forme qu\'exige CASE 1.1', () => {
        const variants = new Set<string>();
        for (let i = 0; i < 500; i++) {
            const id = uuidv5(`élément ${i} « accentué »`, REFERENTIEL_NAMESPACE);
            expect(id).toMatch(CASE_UUID_PATTERN);
            expect(id[14]).toBe('5');
            variants.add(id[19]);
        }
        expect([...variants].sort()).toEqual(['8', '9', 'a', 'b']);
    });

    it('est stable et distingue les noms', () => {
        expect(uuidv5('RNCP35419:C1.1', REFERENTIEL_NAMESPACE)).toBe(uuidv5('RNCP35419:C1.1', REFERENTIEL_NAMESPACE));
        expect(uuidv5('RNCP35419:C1.1', REFERENTIEL_NAMESPACE)).not.toBe(uuidv5('RNCP35419:C1.2', REFERENTIEL_NAMESPACE));
    });
});
