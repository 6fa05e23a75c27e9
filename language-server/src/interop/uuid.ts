import { createHash } from 'node:crypto';

/**
 * UUID version 5 (RFC 9562, § 5.5) : SHA-1 de l'espace de noms puis du nom (UTF-8).
 * Le même nom dans le même espace donne toujours le même identifiant : les exports CASE
 * et les badges gardent leurs identifiants d'une exportation à l'autre.
 */
export function uuidv5(name: string, namespace: string): string {
    const ns = parseUuid(namespace);
    const hash = createHash('sha1').update(ns).update(Buffer.from(name, 'utf8')).digest();
    const bytes = hash.subarray(0, 16);
    bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // variante RFC : 10xx → 8, 9, a, b
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function parseUuid(uuid: string): Buffer {
    const hex = uuid.replace(/-/g, '');
    if (!/^[0-9a-fA-F]{32}$/.test(hex)) {
        throw new Error(`UUID invalide : ${uuid}`);
    }
    return Buffer.from(hex, 'hex');
}

/** Les espaces de noms de la RFC (pour vérifier l'implémentation sur ses exemples). */
export const NAMESPACE_DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
export const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/**
 * Espace de noms des identifiants produits par Référentiel (CASE, Open Badges) :
 * uuidv5("https://referentiel.invalid/interop", NAMESPACE_URL), figé. Ne jamais le changer :
 * tous les identifiants déjà publiés en dépendent.
 */
export const REFERENTIEL_NAMESPACE = '99119c9d-7375-5bf6-b990-dfbea76573f9';

/** Forme exigée par CASE 1.1 pour un identifiant (variante RFC). */
export const CASE_UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function urnUuid(uuid: string): string {
    return `urn:uuid:${uuid}`;
}
