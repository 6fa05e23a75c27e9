import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { canonicalCode } from '../codes.js';
import type { Bloc, Competence } from '../generated/ast.js';
import type { EvaluationResult } from '../evaluation/types.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import { textOf } from '../validation/rule-types.js';
import { caseDocumentId, caseElementId } from './case-export.js';
import { REFERENTIEL_NAMESPACE, urnUuid, uuidv5 } from './uuid.js';
import { single } from '../model/clauses.js';

/**
 * Open Badges 3.0 : un `OpenBadgeCredential` (non signé) par bloc validé à la session et par
 * certification obtenue.
 *
 * - Rien n'est signé : la clé et l'identité de l'émetteur appartiennent à l'infrastructure
 *   du certificateur ; les fichiers produits sont prêts à être signés (ajout d'une `proof`
 *   Data Integrity ou encapsulation VC-JWT) par son outil.
 * - Minimisation des données (RGPD) : ni nom ni identifiant en clair du candidat. Le sujet
 *   est désigné par un `IdentityObject` haché (SHA-256 de l'identifiant du candidat et d'un
 *   sel) ; les noms de fichiers n'en gardent que 16 caractères hexadécimaux.
 * - Déterministe : identifiants UUID v5 (référentiel + candidat + bloc), dates = date
 *   d'évaluation ; la même évaluation donne les mêmes octets.
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
     * Sel du hachage de l'identifiant du candidat. Par défaut, dérivé du référentiel (stable :
     * les badges sont déterministes). Le sel figure dans le badge (le vérificateur en a besoin).
     */
    readonly salt?: string;
}

/** La forme d'un identifiant haché d'Open Badges : « sha256$ » + hexadécimal. */
export function identityHash(candidateId: string, salt: string): string {
    return 'sha256$' + createHash('sha256').update(candidateId + salt, 'utf8').digest('hex');
}

/** Le sel par défaut d'un référentiel. */
export function defaultSalt(model: ReferentielModel): string {
    return caseDocumentId(model.code);
}

/** L'identifiant stable d'un badge : référentiel + candidat + bloc (ou certification). */
export function credentialId(model: ReferentielModel, candidateId: string, code: string): string {
    return urnUuid(uuidv5(`openbadges:${canonicalCode(model.code)}:${candidateId}:${canonicalCode(code)}`, REFERENTIEL_NAMESPACE));
}

function frenchNumber(n: number): string {
    return String(n).replace('.', ',');
}

/** Le badge d'un bloc ou de la certification (objet JSON). */
export function buildCredential(model: ReferentielModel, result: EvaluationResult, target: Bloc | 'certification', salt: string): Record<string, unknown> {
    const certification = model.certification;
    const titre = certification?.titre ?? model.code;
    const framework = `${model.code} — ${titre}`;
    const obtention = model.obtentions[0];
    const defaultThreshold = single(obtention?.seuilBlocs)?.pourcentage ?? 100;

    const issuerSource = certification?.certificateurs[0];
    const issuer: Record<string, unknown> = issuerSource
        ? {
            id: urnUuid(uuidv5(`certificateur:${issuerSource.siret ?? issuerSource.nom}`, REFERENTIEL_NAMESPACE)),
            type: ['Profile'],
            name: issuerSource.nom,
            ...(issuerSource.siret ? { otherIdentifier: [{ type: 'IdentifierEntry', identifier: issuerSource.siret, identifierType: 'ext:SIRET' }] } : {})
        }
        : { id: `urn:referentiel:${encodeURIComponent(model.code)}`, type: ['Profile'], name: titre };

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
            targetUrl: urnUuid(caseElementId(ownerOf(c), c.name))
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
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.badges-${process.pid}-${Date.now()}`);
    const salt = options.salt ?? defaultSalt(model);
    const blocs = new Map(model.blocs.map(b => [canonicalCode(b.name), b]));
    let created = false;
    let count = 0;
    const files = new Set<string>();

    const write = async (name: string, credential: Record<string, unknown>): Promise<void> => {
        if (!created) {
            await fs.mkdir(temporary, { recursive: true });
            created = true;
        }
        await fs.writeFile(path.join(temporary, name), JSON.stringify(credential, null, 2) + '\n');
        if (!files.has(name)) count++;
        files.add(name);
    };

    return {
        get count() {
            return count;
        },
        async candidate(result: EvaluationResult): Promise<void> {
            const subject = identityHash(result.candidat.id, salt).slice('sha256$'.length, 'sha256$'.length + 16);
            for (const code of result.attestations) {
                const bloc = blocs.get(canonicalCode(code));
                if (bloc) await write(`${subject}-${safe(bloc.name)}.json`, buildCredential(model, result, bloc, salt));
            }
            if (result.decision === 'obtenue') {
                await write(`${subject}-${safe(model.code)}.json`, buildCredential(model, result, 'certification', salt));
            }
        },
        async finish(): Promise<void> {
            if (!created) {
                await fs.mkdir(target, { recursive: true });
                return;
            }
            const exists = await fs.stat(target).then(s => s.isDirectory(), () => false);
            if (!exists) {
                await fs.mkdir(path.dirname(target), { recursive: true });
                await fs.rename(temporary, target);
            } else {
                for (const name of [...files].sort()) {
                    await fs.rename(path.join(temporary, name), path.join(target, name));
                }
                await fs.rm(temporary, { recursive: true, force: true });
            }
            created = false;
        },
        async abort(): Promise<void> {
            if (created) await fs.rm(temporary, { recursive: true, force: true });
            created = false;
            files.clear();
            count = 0;
        }
    };
}
