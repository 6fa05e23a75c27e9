import { createPublicKey, type KeyObject } from 'node:crypto';
import Ajv2019, { type ValidateFunction } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { compactVerify, decodeProtectedHeader, type JWK } from 'jose';
import OB_SCHEMA from '../../../schemas/ob_v3p0_achievementcredential_schema.json';
import { msg } from '../i18n/messages.js';
import { JWT_CLAIMS, registeredClaims } from './badge-signing.js';
import './interop-messages.js';

/**
 * `referentiel verify` : un badge Open Badges 3.0 est valide quand sa signature VC-JWT est
 * bonne, que le badge respecte le schéma officiel d'AchievementCredential (1EdTech, copié dans
 * schemas/) et ses revendications JWT, et qu'il est en cours de validité (validFrom, validUntil).
 * Chaque raison d'échec est dite.
 */

export interface BadgeVerdict {
    readonly valid: boolean;
    /** Pourquoi le badge est refusé (vide s'il est valide). */
    readonly reasons: string[];
    /** Ce qu'il faut savoir d'un badge valide (clé jointe au badge…). */
    readonly notes: string[];
    readonly name?: string;
    readonly issuer?: string;
}

let validator: ValidateFunction | undefined;

/** Le schéma officiel d'un AchievementCredential d'Open Badges 3.0 (JSON Schema 2019-09). */
export function achievementCredentialValidator(): ValidateFunction {
    if (!validator) {
        const ajv = new Ajv2019({ allErrors: true, strict: false });
        addFormats(ajv);
        validator = ajv.compile(OB_SCHEMA);
    }
    return validator;
}

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function day(seconds: number): string {
    return new Date(seconds * 1000).toISOString().replace(/\.000Z$/, 'Z');
}

export async function verifyBadge(text: string, options: { key?: KeyObject; now?: Date } = {}): Promise<BadgeVerdict> {
    const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
    const reasons: string[] = [];
    const notes: string[] = [];
    const trimmed = text.trim();
    let credential: Record<string, unknown> | undefined;

    if (JWS.test(trimmed)) {
        let header: { alg?: string; jwk?: JWK; kid?: string };
        try {
            header = decodeProtectedHeader(trimmed) as typeof header;
        } catch {
            return { valid: false, reasons: [msg('verify.unreadableJwt')], notes };
        }
        let key = options.key;
        if (!key && header.jwk) {
            try {
                key = createPublicKey({ key: header.jwk as import('node:crypto').JsonWebKey, format: 'jwk' });
                notes.push(msg('verify.embeddedKey'));
            } catch {
                return { valid: false, reasons: [msg('verify.badEmbeddedKey')], notes };
            }
        }
        if (!key) return { valid: false, reasons: [msg('verify.noKey', { kid: header.kid ?? '?' })], notes };
        let payload: Uint8Array;
        try {
            ({ payload } = await compactVerify(trimmed, key));
        } catch (error) {
            const code = (error as { code?: string }).code;
            return {
                valid: false,
                reasons: [code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' ? msg('verify.badSignature') : msg('verify.signatureError', { detail: (error as Error).message })],
                notes: []
            };
        }
        let claims: Record<string, unknown>;
        try {
            claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
        } catch {
            return { valid: false, reasons: [msg('verify.unreadablePayload')], notes };
        }
        credential = Object.fromEntries(Object.entries(claims).filter(([k]) => !(JWT_CLAIMS as readonly string[]).includes(k)));
        // Les revendications JWT doivent redire le badge (iss, jti, nbf, exp).
        const expected = registeredClaims(credential);
        for (const claim of ['iss', 'jti', 'nbf', 'exp'] as const) {
            if (expected[claim] !== claims[claim]) {
                reasons.push(msg('verify.claimMismatch', { claim, value: String(claims[claim] ?? '—'), expected: String(expected[claim] ?? '—') }));
            }
        }
    } else {
        try {
            credential = JSON.parse(trimmed) as Record<string, unknown>;
        } catch {
            return { valid: false, reasons: [msg('verify.notABadge')], notes };
        }
        if (!credential || typeof credential !== 'object' || Array.isArray(credential)) {
            return { valid: false, reasons: [msg('verify.notABadge')], notes };
        }
        const proof = credential.proof as { type?: string; cryptosuite?: string } | undefined;
        reasons.push(proof
            ? msg('verify.unsupportedProof', { type: [proof.type, proof.cryptosuite].filter(Boolean).join(' ') || '?' })
            : msg('verify.unsigned'));
    }

    const validate = achievementCredentialValidator();
    if (!validate(credential)) {
        for (const error of (validate.errors ?? []).slice(0, 3)) {
            reasons.push(msg('verify.schema', { path: error.instancePath || '/', message: error.message ?? '' }));
        }
    }
    const from = typeof credential.validFrom === 'string' ? Date.parse(credential.validFrom) : NaN;
    const until = typeof credential.validUntil === 'string' ? Date.parse(credential.validUntil) : NaN;
    if (!Number.isNaN(from) && Math.floor(from / 1000) > now) reasons.push(msg('verify.notYetValid', { date: day(Math.floor(from / 1000)) }));
    if (!Number.isNaN(until) && Math.floor(until / 1000) < now) reasons.push(msg('verify.expired', { date: day(Math.floor(until / 1000)) }));

    const issuer = credential.issuer as { id?: string; name?: string } | string | undefined;
    return {
        valid: reasons.length === 0,
        reasons,
        notes,
        name: typeof credential.name === 'string' ? credential.name : undefined,
        issuer: typeof issuer === 'string' ? issuer : issuer?.name ?? issuer?.id
    };
}
