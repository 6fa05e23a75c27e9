import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { canonicalCode } from '../codes.js';
import { publishFolder, temporarySibling, trackTemporary } from '../common/files.js';
import type { Bloc, Competence } from '../generated/ast.js';
import type { EvaluationResult } from '../evaluation/types.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import { textOf } from '../validation/rule-types.js';
import { signCredential, type SigningKey } from './badge-signing.js';
import { caseDocumentId, caseElementId, ficheUrl } from './case-export.js';
import { REFERENTIEL_NAMESPACE, urnUuid, uuidv5 } from './uuid.js';
import { single } from '../model/clauses.js';

/**
 * Open Badges 3.0 : un `OpenBadgeCredential` par bloc validé à la session et par
 * certification obtenue.
 *
 * - Signé si le certificateur donne sa clé (`key`) : VC-JWT (badge-signing.ts), fichier
 *   `.jwt` ; sinon, badge JSON **non signé** (`.json`), ce que la ligne de commande dit.
 * - L'émetteur : un `Profile` dont l'identifiant est https (le site du certificateur déclaré
 *   dans le référentiel, ou `issuer.id`), avec son nom, son adresse et son courriel.
 * - Minimisation des données (RGPD) : ni nom ni identifiant en clair du candidat. Le sujet
 *   est désigné par un `IdentityObject` haché (SHA-256 de l'identifiant du candidat et d'un
 *   sel aléatoire, propre à chaque candidat et écrit seulement dans ses propres badges) ; les
 *   noms de fichiers n'en gardent que 16 caractères hexadécimaux.
 * - Identifiants UUID v5 (référentiel + candidat + bloc) ; `validFrom` = la date
 *   d'évaluation (jamais « aujourd'hui » implicitement).
 * - Open Badges ne dit pas les échecs : un bloc non validé ou une certification non obtenue
 *   ne produit aucun fichier.
 * - Rien n'est écrit à moitié : les fichiers vont dans un dossier temporaire voisin, déplacés
 *   à leur place par `finish()` ; `abort()` efface tout.
 */

export const OB_CONTEXT = [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'
] as const;

export interface OpenBadgesWriter {
    /** Écrit les badges d'un candidat (dans le dossier temporaire). */
    candidate(result: EvaluationResult): Promise<void>;
    /** Met les badges à leur place (dossier créé au besoin). */
    finish(): Promise<void>;
    /** Efface tout ce qui a été préparé. */
    abort(): Promise<void>;
    /** Nombre de badges préparés. */
    readonly count: number;
}

export interface OpenBadgesOptions {
    /**
     * Sel du hachage de l'identifiant du candidat, pour tous les candidats (tests). Par défaut,
     * un sel aléatoire par candidat. Le sel figure dans ses badges (le vérificateur en a besoin).
     */
    readonly salt?: string;
    /** Identifiant (https) de l'émetteur ; sinon le site du premier certificateur. */
    readonly issuerId?: string;
    /** Adresse de base (https) du service CASE : `alignment.targetUrl` = `<base>CFItems/<id>`. */
    readonly baseUri?: string;
    /** Clé de signature : badges VC-JWT (`.jwt`) au lieu de JSON non signés. */
    readonly key?: SigningKey;
}

export interface CredentialOptions {
    readonly issuerId?: string;
    readonly baseUri?: string;
}

/** Un sel aléatoire (128 bits, hexadécimal). */
export function randomSalt(): string {
    return randomBytes(16).toString('hex');
}

function isHttps(value: string | undefined): value is string {
    if (!value) return false;
    try {
        return new URL(value).protocol === 'https:';
    } catch {
        return false;
    }
}

/** L'émetteur des badges : le premier certificateur, identifié par son site https (ou issuerId). */
export function issuerProfile(model: ReferentielModel, issuerId?: string): Record<string, unknown> {
    const certification = model.certification;
    const source = certification?.certificateurs[0];
    const site = isHttps(source?.site) ? source.site : undefined;
    if (!source) {
        return { id: issuerId ?? `urn:referentiel:${encodeURIComponent(model.code)}`, type: ['Profile'], name: certification?.titre ?? model.code };
    }
    return {
        id: issuerId ?? site ?? urnUuid(uuidv5(`certificateur:${source.siret ?? source.nom}`, REFERENTIEL_NAMESPACE)),
        type: ['Profile'],
        name: source.nom,
        ...(site ? { url: site } : {}),
        ...(source.courriel ? { email: source.courriel } : {}),
        ...(source.siret ? { otherIdentifier: [{ type: 'IdentifierEntry', identifier: source.siret, identifierType: 'ext:SIRET' }] } : {})
    };
}

/** L'identifiant de l'émetteur est-il une adresse https ? */
export function hasHttpsIssuer(model: ReferentielModel, issuerId?: string): boolean {
    return isHttps(issuerProfile(model, issuerId).id as string);
}

/** La forme d'un identifiant haché d'Open Badges : « sha256$ » + hexadécimal. */
export function identityHash(candidateId: string, salt: string): string {
    return 'sha256$' + createHash('sha256').update(candidateId + salt, 'utf8').digest('hex');
}

/** L'identifiant stable d'un badge : référentiel + candidat + bloc (ou certification). */
export function credentialId(model: ReferentielModel, candidateId: string, code: string): string {
    return urnUuid(uuidv5(`openbadges:${canonicalCode(model.code)}:${candidateId}:${canonicalCode(code)}`, REFERENTIEL_NAMESPACE));
}

function frenchNumber(n: number): string {
    return String(n).replace('.', ',');
}

/** Le badge d'un bloc ou de la certification (objet JSON). */
export function buildCredential(model: ReferentielModel, result: EvaluationResult, target: Bloc | 'certification', salt: string, options: CredentialOptions = {}): Record<string, unknown> {
    const certification = model.certification;
    const titre = certification?.titre ?? model.code;
    const framework = `${model.code} — ${titre}`;
    const obtention = model.obtentions[0];
    const defaultThreshold = single(obtention?.seuilBlocs)?.pourcentage ?? 100;

    const issuer = issuerProfile(model, options.issuerId);
    const base = options.baseUri === undefined ? undefined : options.baseUri.endsWith('/') ? options.baseUri : options.baseUri + '/';
    // L'adresse de la compétence : sa page dans le service CASE, sinon la fiche RNCP, sinon son urn:uuid.
    const fiche = ficheUrl(single(certification?.rncp) ?? model.code);
    const targetUrl = (id: string): string => (base ? `${base}CFItems/${id}` : fiche ?? urnUuid(id));

    const ownerOf = (c: Competence): string =>
        model.competences.includes(c) ? model.code : model.socles.find(s => s.competences.includes(c))?.code ?? model.code;
    const alignment = (competences: readonly Competence[]): Array<Record<string, unknown>> => competences.map(c => {
        const bloc = model.blocOf.get(c);
        return {
            type: ['Alignment'],
            targetName: c.texte,
            targetCode: c.name,
            ...(bloc ? { targetDescription: `Compétence du bloc ${bloc.name} « ${bloc.titre} »` } : {}),
            targetFramework: framework,
            targetType: 'CFItem',
            targetUrl: targetUrl(caseElementId(ownerOf(c), c.name))
        };
    });

    let code: string;
    let name: string;
    let achievement: Record<string, unknown>;
    const subjectExtra: Record<string, unknown> = {};
    if (target === 'certification') {
        code = model.code;
        name = `Certification ${model.code} — ${titre}`;
        const conditions = obtention?.conditions.map(c => `${c.titre} (${c.expression ? textOf(c.expression) : ''})`) ?? [];
        const narrative = conditions.length
            ? `La certification est obtenue quand toutes ses conditions sont remplies : ${conditions.join(' ; ')}.`
            : 'La certification est obtenue quand tous ses blocs sont validés.';
        const epreuves = model.epreuves;
        const resultDescriptionId = (e: { name: string }): string =>
            urnUuid(uuidv5(`openbadges:${canonicalCode(model.code)}:resultDescription:${canonicalCode(e.name)}`, REFERENTIEL_NAMESPACE));
        const competences = model.blocs.flatMap(b => model.competencesOfBloc.get(b) ?? []);
        const rncp = single(certification?.rncp);
        const niveau = single(certification?.niveau);
        achievement = {
            id: urnUuid(caseDocumentId(model.code)),
            type: ['Achievement'],
            achievementType: 'Certification',
            name: titre,
            description: `Certification professionnelle ${model.code}${rncp ? ` (${rncp})` : ''} : ${titre}${niveau !== undefined ? `, niveau ${frenchNumber(niveau)} du cadre européen des certifications` : ''}.`,
            criteria: { narrative },
            humanCode: model.code,
            alignment: alignment([...new Set(competences)]),
            ...(epreuves.length ? {
                resultDescription: epreuves.map(e => ({
                    id: resultDescriptionId(e),
                    type: ['ResultDescription'],
                    name: e.titre,
                    resultType: 'RawScore',
                    valueMin: '0',
                    valueMax: String(e.bareme)
                }))
            } : {})
        };
        // Les notes des épreuves, telles que le moteur les a lues pour les conditions.
        const values = new Map<string, number>();
        for (const regle of result.regles) {
            for (const v of regle.valeurs) {
                if (v.valeur !== null && !values.has(v.code)) values.set(v.code, v.valeur);
            }
        }
        const results = epreuves
            .filter(e => values.has(e.name))
            .map(e => ({ type: ['Result'], resultDescription: resultDescriptionId(e), value: String(values.get(e.name)) }));
        if (results.length) subjectExtra.result = results;
    } else {
        const bloc = target;
        code = bloc.name;
        name = `Bloc ${bloc.name} — ${bloc.titre}`;
        const competences = model.competencesOfBloc.get(bloc) ?? [];
        const seuil = single(bloc.seuil)?.pourcentage ?? defaultThreshold;
        const equivalences = bloc.equivalences.map(e => e.bloc);
        achievement = {
            id: urnUuid(caseElementId(model.code, bloc.name)),
            type: ['Achievement'],
            achievementType: 'Certificate',
            name: bloc.titre,
            description: `Bloc de compétences ${bloc.name} de la certification ${framework}.`,
            criteria: {
                narrative: `Le bloc est validé quand ${frenchNumber(seuil)} % de ses ${competences.length} compétences sont acquises (${competences.map(c => c.name).join(', ')}).`
                    + (equivalences.length ? ` Il est aussi validé par équivalence pour qui a acquis ${equivalences.join(' ou ')}.` : '')
            },
            humanCode: bloc.name,
            alignment: alignment(competences)
        };
    }

    return {
        '@context': [...OB_CONTEXT],
        id: credentialId(model, result.candidat.id, code),
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer,
        validFrom: `${result.dateEvaluation}T00:00:00Z`,
        name,
        credentialSubject: {
            type: ['AchievementSubject'],
            identifier: [{
                type: 'IdentityObject',
                identityHash: identityHash(result.candidat.id, salt),
                identityType: 'identifier',
                hashed: true,
                salt
            }],
            achievement,
            ...subjectExtra
        }
    };
}

/** Un nom de fichier sûr pour un code. */
function safe(code: string): string {
    return code.replace(/[^\w.\-\u00C0-\u017F]/g, '_');
}

export function createOpenBadgesWriter(model: ReferentielModel, folder: string, options: OpenBadgesOptions = {}): OpenBadgesWriter {
    const target = path.resolve(folder);
    const temporary = temporarySibling(target, 'badges');
    const blocs = new Map(model.blocs.map(b => [canonicalCode(b.name), b]));
    let created = false;
    let release = (): void => undefined;
    let count = 0;
    const files = new Set<string>();

    const credentialOptions: CredentialOptions = { issuerId: options.issuerId, baseUri: options.baseUri };
    const write = async (stem: string, credential: Record<string, unknown>): Promise<void> => {
        if (!created) {
            // Dossier préparé en 0700 (les badges nomment un candidat par son empreinte), retiré sur un signal.
            await fs.mkdir(path.dirname(temporary), { recursive: true });
            await fs.mkdir(temporary, { mode: 0o700 });
            release = trackTemporary(temporary);
            created = true;
        }
        const name = stem + (options.key ? '.jwt' : '.json');
        const text = options.key ? await signCredential(credential, options.key) + '\n' : JSON.stringify(credential, null, 2) + '\n';
        await fs.writeFile(path.join(temporary, name), text);
        if (!files.has(name)) count++;
        files.add(name);
    };

    return {
        get count() {
            return count;
        },
        async candidate(result: EvaluationResult): Promise<void> {
            // Un sel par candidat : il n'est écrit que dans ses propres badges.
            const salt = options.salt ?? randomSalt();
            const subject = identityHash(result.candidat.id, salt).slice('sha256$'.length, 'sha256$'.length + 16);
            for (const code of result.attestations) {
                const bloc = blocs.get(canonicalCode(code));
                if (bloc) await write(`${subject}-${safe(bloc.name)}`, buildCredential(model, result, bloc, salt, credentialOptions));
            }
            if (result.decision === 'obtenue') {
                await write(`${subject}-${safe(model.code)}`, buildCredential(model, result, 'certification', salt, credentialOptions));
            }
        },
        async finish(): Promise<void> {
            if (!created) {
                await fs.mkdir(target, { recursive: true });
                return;
            }
            await publishFolder(temporary, target, [...files].sort());
            release();
            created = false;
        },
        async abort(): Promise<void> {
            if (created) await fs.rm(temporary, { recursive: true, force: true });
            release();
            created = false;
            files.clear();
            count = 0;
        }
    };
}
