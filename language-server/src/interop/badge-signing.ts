import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, CompactSign, exportJWK, type JWK } from 'jose';

/**
 * La signature des badges Open Badges 3.0 en VC-JWT (Open Badges 3.0, § 8.2 « JSON Web Token
 * Proof Format ») : une JWS compacte dont la charge utile est le badge lui-même, complété des
 * revendications enregistrées `iss` (= issuer.id), `jti` (= id), `nbf` (= validFrom) et, s'il y
 * a lieu, `exp` (= validUntil) et `sub` (= credentialSubject.id). L'en-tête porte `alg`,
 * `typ` « JWT », `kid` (l'empreinte RFC 7638 de la clé publique, ou celui du JWK donné) et `jwk`
 * (la clé publique), pour qu'un vérificateur puisse contrôler l'intégrité sans autre source.
 *
 * Clés acceptées : JWK (JSON, avec sa partie privée « d ») ou PEM (PKCS#8, PKCS#1, SEC1) ;
 * RSA (RS256, l'algorithme qu'Open Badges exige de tout vérificateur), EC P-256/P-384/P-521
 * (ES256/ES384/ES512) ou Ed25519 (EdDSA).
 */

export interface SigningKey {
    readonly privateKey: KeyObject;
    readonly alg: string;
    readonly kid: string;
    readonly publicJwk: JWK;
}

/** Une clé illisible ou inutilisable ; le message dit pourquoi (en français, `reason`). */
export class KeyError extends Error {
    constructor(readonly reason: 'unreadable' | 'public' | 'unsupported', detail = '') {
        super(detail || reason);
    }
}

/** Les revendications JWT ajoutées au badge signé (retirées avant de le valider). */
export const JWT_CLAIMS = ['iss', 'jti', 'nbf', 'exp', 'sub', 'iat', 'aud'] as const;

/** L'algorithme JWS d'une clé. */
export function algorithmOf(key: KeyObject): string {
    switch (key.asymmetricKeyType) {
        case 'rsa': return 'RS256';
        case 'ed25519': return 'EdDSA';
        case 'ec': {
            const curve = key.asymmetricKeyDetails?.namedCurve;
            if (curve === 'prime256v1' || curve === 'P-256') return 'ES256';
            if (curve === 'secp384r1' || curve === 'P-384') return 'ES384';
            if (curve === 'secp521r1' || curve === 'P-521') return 'ES512';
            throw new KeyError('unsupported', `EC ${curve ?? '?'}`);
        }
        default: throw new KeyError('unsupported', key.asymmetricKeyType ?? '?');
    }
}

function parseJwk(text: string): JWK | undefined {
    const trimmed = text.trim();
    if (!trimmed.startsWith('{')) return undefined;
    try {
        return JSON.parse(trimmed) as JWK;
    } catch {
        throw new KeyError('unreadable', 'JSON');
    }
}

/** La clé privée de signature, lue d'un fichier JWK ou PEM. */
export async function readSigningKey(text: string): Promise<SigningKey> {
    const jwk = parseJwk(text);
    if (jwk && jwk.d === undefined) throw new KeyError('public');
    if (!jwk && /-----BEGIN (RSA )?PUBLIC KEY-----|-----BEGIN CERTIFICATE-----/.test(text)) throw new KeyError('public');
    let privateKey: KeyObject;
    try {
        privateKey = jwk ? createPrivateKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' }) : createPrivateKey(text);
    } catch (error) {
        throw new KeyError('unreadable', error instanceof Error ? error.message : String(error));
    }
    const alg = algorithmOf(privateKey);
    const publicJwk = await exportJWK(createPublicKey(privateKey));
    const kid = jwk?.kid ?? await calculateJwkThumbprint(publicJwk);
    return { privateKey, alg, kid, publicJwk: { ...publicJwk, kid, alg } };
}

/** La clé publique de vérification : JWK (publique ou privée) ou PEM (clé publique, privée ou certificat). */
export function readVerificationKey(text: string): KeyObject {
    const jwk = parseJwk(text);
    try {
        if (jwk) {
            const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicPart } = jwk;
            return createPublicKey({ key: publicPart as import('node:crypto').JsonWebKey, format: 'jwk' });
        }
        return createPublicKey(text);
    } catch (error) {
        throw new KeyError('unreadable', error instanceof Error ? error.message : String(error));
    }
}

function issuerId(credential: Record<string, unknown>): string | undefined {
    const issuer = credential.issuer;
    if (typeof issuer === 'string') return issuer;
    return issuer && typeof issuer === 'object' ? (issuer as { id?: string }).id : undefined;
}

function seconds(date: unknown): number | undefined {
    if (typeof date !== 'string') return undefined;
    const ms = Date.parse(date);
    return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** Les revendications enregistrées qu'un badge doit porter (Open Badges 3.0, § 8.2.4.2). */
export function registeredClaims(credential: Record<string, unknown>): Record<string, string | number> {
    const subject = credential.credentialSubject as { id?: string } | undefined;
    const claims: Record<string, string | number> = {};
    const iss = issuerId(credential);
    if (iss) claims.iss = iss;
    if (typeof credential.id === 'string') claims.jti = credential.id;
    const nbf = seconds(credential.validFrom);
    if (nbf !== undefined) claims.nbf = nbf;
    const exp = seconds(credential.validUntil);
    if (exp !== undefined) claims.exp = exp;
    if (subject?.id) claims.sub = subject.id;
    return claims;
}

/** Le badge signé : une JWS compacte (VC-JWT). */
export async function signCredential(credential: Record<string, unknown>, key: SigningKey): Promise<string> {
    const payload = { ...credential, ...registeredClaims(credential) };
    return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: key.alg, typ: 'JWT', kid: key.kid, jwk: key.publicJwk })
        .sign(key.privateKey);
}
