import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { base64url, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSigningKey, readVerificationKey, signCredential } from '../../../language-server/src/interop/badge-signing.js';
import { verifyBadge } from '../../../language-server/src/interop/badge-verify.js';
import { buildCredential } from '../../../language-server/src/interop/openbadges.js';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { runCli } from '../../cli/run.js';
import { workspace } from '../../helpers.js';
import { allCompetences, evaluate, loadModel } from '../engine/engine-helpers.js';

/**
 * Les badges contre les définitions officielles (copiées dans test/fixtures/standards) :
 * le schéma JSON d'AchievementCredential d'Open Badges 3.0, et l'expansion JSON-LD hors ligne
 * avec les contextes VC 2.0 et OB 3.0.3 — chaque terme doit être défini par les contextes : en
 * mode sûr, un terme inconnu fait échouer l'expansion (ces contextes n'ont pas de @vocab) ; et
 * aucune IRI ne doit venir du @vocab « issuer-dependent » que d'autres versions du contexte VC
 * déclarent. Puis la signature VC-JWT et `referentiel verify`.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const STANDARDS = path.join(ROOT, 'test', 'fixtures', 'standards');
const CONTEXTS: Record<string, string> = {
    'https://www.w3.org/ns/credentials/v2': 'v2.jsonld',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'context-3.0.3.json'
};
const ISSUER_DEPENDENT = 'https://www.w3.org/ns/credentials/issuer-dependent#';

const official = (() => {
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    addFormats(ajv);
    return ajv.compile(JSON.parse(readFileSync(path.join(STANDARDS, 'ob_v3p0_achievementcredential_schema.json'), 'utf8')));
})();

/** Le chargeur de documents JSON-LD : les contextes locaux, rien du réseau. */
async function documentLoader(url: string): Promise<{ contextUrl: null; documentUrl: string; document: unknown }> {
    const file = CONTEXTS[url];
    if (!file) throw new Error(`Contexte inattendu (hors ligne) : ${url}`);
    return { contextUrl: null, documentUrl: url, document: JSON.parse(readFileSync(path.join(STANDARDS, file), 'utf8')) };
}

/** Toutes les IRI de propriétés et de types d'un document JSON-LD étendu. */
function iris(value: unknown, found = new Set<string>()): Set<string> {
    if (Array.isArray(value)) value.forEach(v => iris(v, found));
    else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
            if (key === '@type') (Array.isArray(v) ? v : [v]).forEach(t => typeof t === 'string' && found.add(t));
            else if (!key.startsWith('@')) found.add(key);
            iris(v, found);
        }
    }
    return found;
}

let mini: ReferentielModel;
let site: ReferentielModel;
const dirs: string[] = [];
const temp = (): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referentiel-ob-'));
    dirs.push(dir);
    return dir;
};

beforeAll(async () => {
    mini = await loadModel('test/fixtures/cli/propre', 'MINI');
    const ws = await workspace({
        's.ref': 'certification S "Avec site" {\n    rncp RNCP40000\n    certificateur "École" siret "12345678900011" site "https://www.ecole.fr" courriel "certif@ecole.fr"\n}\n'
            + 'bloc BC01 "Bloc" {\n    équivalent à RNCP1234BC01\n    compétence C1.1 "Faire"\n    modalité M1 "Projet" {\n        évalue C1.1\n    }\n}\n'
            + 'obtention {\n    épreuve ecrit "Écrit" sur 20\n    condition "Blocs" : tous les blocs validés\n    condition "Écrit" : ecrit >= 10\n}\n'
    });
    expect(ws.documents.flatMap(d => d.diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
    site = ws.services.referentiel.Models.forCode('S');
});
afterAll(() => { for (const dir of dirs) rmSync(dir, { recursive: true, force: true }); });

function credentials(): Array<Record<string, unknown>> {
    const m = evaluate(mini, { id: 'A', competences: allCompetences(mini, 'acquise'), epreuves: { memoire: 14 } });
    const s = evaluate(site, { id: 'B', competences: { 'C1.1': 'acquise' }, epreuves: { ecrit: 12 } });
    const options = { baseUri: 'https://case.exemple.fr/ims/case/v1p1/' };
    return [
        buildCredential(mini, m, mini.blocs[0], 'sel', options),
        buildCredential(mini, m, 'certification', 'sel', options),
        buildCredential(site, s, site.blocs[0], 'sel'),
        buildCredential(site, s, 'certification', 'sel')
    ];
}

describe('Open Badges 3.0 : les définitions officielles', () => {
    it('chaque badge est un AchievementCredential valide selon le schéma officiel', () => {
        for (const credential of credentials()) {
            expect(official(credential), JSON.stringify(official.errors, null, 1)).toBe(true);
        }
    });

    it('le schéma officiel a des dents : un alignement sans targetUrl, un émetteur sans type', () => {
        const [credential] = credentials();
        const noTarget = structuredClone(credential) as Record<string, any>;
        delete noTarget.credentialSubject.achievement.alignment[0].targetUrl;
        expect(official(noTarget)).toBe(false);
        const noType = structuredClone(credential) as Record<string, any>;
        delete noType.issuer.type;
        expect(official(noType)).toBe(false);
    });

    it('expansion JSON-LD hors ligne : chaque terme est défini par les contextes (aucun @vocab « issuer-dependent »)', async () => {
        for (const credential of credentials()) {
            const expanded = await jsonld.expand(credential, { documentLoader, safe: true });
            const all = iris(expanded);
            const fallback = [...all].filter(iri => iri.startsWith(ISSUER_DEPENDENT));
            expect(fallback).toEqual([]);
            expect(all).toContain('https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential');
            expect(all).toContain('https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievement');
        }
    });

    it('l\'expansion a des dents : un terme inventé (même imbriqué) est refusé en mode sûr', async () => {
        const [credential] = credentials();
        await expect(jsonld.expand({ ...credential, inventé: 'x' }, { documentLoader, safe: true })).rejects.toThrow();
        const nested = structuredClone(credential) as Record<string, any>;
        nested.credentialSubject.achievement.seuilInvente = 80;
        await expect(jsonld.expand(nested, { documentLoader, safe: true })).rejects.toThrow();
    });
});

describe('signature VC-JWT et referentiel verify', () => {
    it('signer puis vérifier (RSA, clé JWK produite par le test) ; un badge modifié est refusé', async () => {
        const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
        const dir = temp();
        const privateFile = path.join(dir, 'emetteur.private.jwk');
        const publicFile = path.join(dir, 'emetteur.public.jwk');
        writeFileSync(privateFile, JSON.stringify(await exportJWK(privateKey)));
        writeFileSync(publicFile, JSON.stringify(await exportJWK(publicKey)));
        const out = path.join(dir, 'badges');
        const evaluation = runCli(['evaluate', '--referentiel', 'test/fixtures/candidats/referentiel', 'test/fixtures/candidats/json/essai.candidat.json',
            '--format', 'openbadges', '--out', out, '--cle', privateFile, '--emetteur', 'https://certification.exemple.fr/emetteur', '--base-uri', 'https://case.exemple.fr/v1p1/']);
        expect(evaluation.stderr).toMatch(/✔ 2 badges signés écrits \(Open Badges 3\.0, VC-JWT RS256, clé \S+\)/);
        expect(evaluation.stderr).not.toContain('non signés');
        expect(evaluation.code).toBe(0);
        const files = readdirSync(out).sort();
        expect(files.every(f => f.endsWith('.jwt'))).toBe(true);
        const token = readFileSync(path.join(out, files[0]), 'utf8').trim();
        const header = decodeProtectedHeader(token) as Record<string, any>;
        expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
        expect(header.jwk.d).toBeUndefined();
        const payload = JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1])));
        expect(payload.iss).toBe('https://certification.exemple.fr/emetteur');
        expect(payload.issuer.id).toBe(payload.iss);
        expect(payload.jti).toBe(payload.id);
        expect(payload.nbf).toBe(Date.parse(payload.validFrom) / 1000);
        const { iss: _iss, jti: _jti, nbf: _nbf, ...credential } = payload;
        expect(official(credential), JSON.stringify(official.errors)).toBe(true);

        const ok = runCli(['verify', out, '--cle', publicFile]);
        expect(ok.stdout).toContain('✔');
        expect(ok.stdout).toContain('2 badges valides, 0 refusé.');
        expect(ok.code).toBe(0);
        // Sans --cle : la clé jointe au badge prouve l'intégrité, et la sortie dit ce qu'elle ne prouve pas.
        const embedded = runCli(['verify', path.join(out, files[0])]);
        expect(embedded.code).toBe(0);
        expect(embedded.stdout).toContain('pas qui l\'a émis');

        // Un badge modifié (nom changé, signature d'origine gardée) est refusé, et la sortie dit pourquoi.
        const [h, p, s] = token.split('.');
        const forged = { ...JSON.parse(new TextDecoder().decode(base64url.decode(p))), name: 'Bloc BC01 — falsifié' };
        const tampered = path.join(dir, 'falsifie.jwt');
        writeFileSync(tampered, `${h}.${base64url.encode(JSON.stringify(forged))}.${s}`);
        const rejected = runCli(['verify', tampered, '--cle', publicFile]);
        expect(rejected.code).toBe(1);
        expect(rejected.stdout).toContain('✖');
        expect(rejected.stdout).toContain('signature invalide');
        // Une autre clé : refusé aussi.
        const other = await generateKeyPair('RS256', { extractable: true });
        const otherFile = path.join(dir, 'autre.public.jwk');
        writeFileSync(otherFile, JSON.stringify(await exportJWK(other.publicKey)));
        expect(runCli(['verify', path.join(out, files[0]), '--cle', otherFile]).code).toBe(1);
        // Un fichier absent : erreur d'usage.
        expect(runCli(['verify', path.join(dir, 'absent.jwt')]).code).toBe(2);
    });

    it('sans clé : la sortie et verify disent que les badges ne sont pas signés', () => {
        const dir = temp();
        const out = path.join(dir, 'badges');
        const r = runCli(['evaluate', '--referentiel', 'test/fixtures/candidats/referentiel', 'test/fixtures/candidats/json/essai.candidat.json', '--format', 'openbadges', '--out', out]);
        expect(r.code).toBe(0);
        expect(r.stderr).toContain('non signés');
        expect(r.stderr).toContain('Ces badges ne sont PAS signés');
        const verify = runCli(['verify', out]);
        expect(verify.code).toBe(1);
        expect(verify.stdout).toContain('non signé : aucune preuve');
        expect(verify.stdout).toContain('0 badge valide, 2 refusés.');
    });

    it('validFrom vient de la date d\'évaluation : sans date (dossier ni --date), rien n\'est écrit', () => {
        const dir = temp();
        const candidate = path.join(dir, 'sans-date.candidat.json');
        const source = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/candidats/json/essai.candidat.json'), 'utf8'));
        delete source.dateEvaluation;
        writeFileSync(candidate, JSON.stringify(source));
        const out = path.join(dir, 'badges');
        const r = runCli(['evaluate', '--referentiel', 'test/fixtures/candidats/referentiel', candidate, '--format', 'openbadges', '--out', out]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('--date AAAA-MM-JJ');
        expect(() => readdirSync(out)).toThrow();
        const dated = runCli(['evaluate', '--referentiel', 'test/fixtures/candidats/referentiel', candidate, '--format', 'openbadges', '--out', out, '--date', '2026-07-01']);
        expect(dated.code).toBe(0);
        for (const f of readdirSync(out)) expect(JSON.parse(readFileSync(path.join(out, f), 'utf8')).validFrom).toBe('2026-07-01T00:00:00Z');
    });

    it('signer exige un émetteur https ; une clé publique ne signe pas', async () => {
        const dir = temp();
        const { privateKey, publicKey } = generateKeyPairSync('ed25519');
        const pem = path.join(dir, 'cle.pem');
        writeFileSync(pem, privateKey.export({ type: 'pkcs8', format: 'pem' }));
        const args = ['evaluate', '--referentiel', 'test/fixtures/candidats/referentiel', 'test/fixtures/candidats/json/essai.candidat.json', '--format', 'openbadges', '--out', path.join(dir, 'b'), '--cle', pem];
        const noIssuer = runCli(args);
        expect(noIssuer.code).toBe(2);
        expect(noIssuer.stderr).toContain('l\'émetteur doit avoir un identifiant https');
        const publicPem = path.join(dir, 'public.pem');
        writeFileSync(publicPem, publicKey.export({ type: 'spki', format: 'pem' }));
        const publicOnly = runCli([...args.slice(0, -1), publicPem, '--emetteur', 'https://e.exemple.fr']);
        expect(publicOnly.code).toBe(2);
        expect(publicOnly.stderr).toContain('est une clé publique');
        expect(runCli([...args, '--emetteur', 'http://e.exemple.fr']).code).toBe(2);
    });

    it('Ed25519 en PEM, expiration et date de début vérifiées', async () => {
        const { privateKey, publicKey } = generateKeyPairSync('ed25519');
        const key = await readSigningKey(String(privateKey.export({ type: 'pkcs8', format: 'pem' })));
        expect(key.alg).toBe('EdDSA');
        const verification = readVerificationKey(String(publicKey.export({ type: 'spki', format: 'pem' })));
        const [credential] = credentials();
        const signed = await signCredential(credential, key);
        expect(await verifyBadge(signed, { key: verification, now: new Date('2027-01-01T00:00:00Z') })).toMatchObject({ valid: true, reasons: [] });
        const future = await verifyBadge(signed, { key: verification, now: new Date('2020-01-01T00:00:00Z') });
        expect(future.valid).toBe(false);
        expect(future.reasons.join(' ')).toContain('pas encore valide');
        const expiring = await signCredential({ ...credential, validUntil: '2026-12-31T00:00:00Z' }, key);
        const expired = await verifyBadge(expiring, { key: verification, now: new Date('2027-06-01T00:00:00Z') });
        expect(expired.valid).toBe(false);
        expect(expired.reasons).toContain('expiré le 2026-12-31T00:00:00Z');
        // Un badge signé mais non conforme au schéma officiel : refusé, avec le chemin fautif.
        const broken = await signCredential({ ...credential, credentialSubject: { ...(credential.credentialSubject as object), type: 'Personne' } }, key);
        const verdict = await verifyBadge(broken, { key: verification, now: new Date('2027-01-01T00:00:00Z') });
        expect(verdict.valid).toBe(false);
        expect(verdict.reasons.join(' ')).toContain('schéma Open Badges 3.0');
    });
});
