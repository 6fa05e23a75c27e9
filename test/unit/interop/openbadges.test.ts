import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { caseElementId } from '../../../language-server/src/interop/case-export.js';
import { buildCredential, createOpenBadgesWriter, credentialId, OB_CONTEXT } from '../../../language-server/src/interop/openbadges.js';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { workspace } from '../../helpers.js';
import { allCompetences, evaluate, loadModel } from '../engine/engine-helpers.js';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const schema = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'interop', 'openbadges-credential.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const NOM = 'Camille Dupont-Lefèvre';
const ID = 'CAND-0042';

let mini: ReferentielModel;
let tech: ReferentielModel;
const dirs: string[] = [];
beforeAll(async () => {
    mini = await loadModel('test/fixtures/cli/propre', 'MINI');
    tech = await loadModel('test/fixtures/referentiels/technicien-reseaux', 'TECH-RESEAUX');
});
afterEach(() => { while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true }); });

function tempFolder(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'referentiel-badges-'));
    dirs.push(dir);
    return path.join(dir, 'badges');
}

function read(folder: string): Record<string, { text: string; json: Record<string, any> }> {
    const out: Record<string, { text: string; json: Record<string, any> }> = {};
    for (const name of readdirSync(folder).sort()) {
        const text = readFileSync(path.join(folder, name), 'utf8');
        out[name] = { text, json: JSON.parse(text) };
    }
    return out;
}

const SEL = 'sel-fixe-des-tests';
const reussi = () => evaluate(mini, { id: ID, nom: NOM, competences: allCompetences(mini, 'acquise'), epreuves: { memoire: 14.5 } });

describe('Open Badges 3.0 : createOpenBadgesWriter', () => {
    it('un badge par bloc validé et un pour la certification obtenue, conformes aux champs exigés', async () => {
        const folder = tempFolder();
        const writer = createOpenBadgesWriter(mini, folder, { salt: SEL, baseUri: 'https://case.exemple.fr/v1p1' });
        const result = reussi();
        expect(result.decision).toBe('obtenue');
        await writer.candidate(result);
        expect(existsSync(folder)).toBe(false); // rien à sa place avant finish()
        expect(writer.count).toBe(2);
        await writer.finish();
        const files = read(folder);
        const hash = createHash('sha256').update(ID + SEL).digest('hex');
        expect(Object.keys(files)).toEqual([`${hash.slice(0, 16)}-BC01.json`, `${hash.slice(0, 16)}-MINI.json`]);
        for (const { json } of Object.values(files)) {
            expect(validate(json), JSON.stringify(validate.errors, null, 2)).toBe(true);
            expect(json['@context']).toEqual([...OB_CONTEXT]);
            expect(json.validFrom).toBe('2026-06-30T00:00:00Z');
            expect(json.issuer).toMatchObject({ type: ['Profile'], name: 'Organisme « Essai »', otherIdentifier: [{ type: 'IdentifierEntry', identifier: '12345678900012', identifierType: 'ext:SIRET' }] });
            expect(json.credentialSubject.identifier).toEqual([{ type: 'IdentityObject', identityHash: `sha256$${hash}`, identityType: 'identifier', hashed: true, salt: SEL }]);
        }
        const bloc = files[`${hash.slice(0, 16)}-BC01.json`].json;
        expect(bloc.name).toBe('Bloc BC01 — Concevoir une solution');
        expect(bloc.credentialSubject.achievement).toMatchObject({
            id: `urn:uuid:${caseElementId('MINI', 'BC01')}`,
            achievementType: 'Certificate',
            humanCode: 'BC01',
            criteria: { narrative: 'Le bloc est validé quand 100 % de ses 2 compétences sont acquises (C1.1, C1.2).' }
        });
        expect(bloc.credentialSubject.achievement.alignment[1]).toEqual({
            type: ['Alignment'],
            targetName: 'Rédiger un cahier des charges de manière accessible pour le client',
            targetCode: 'C1.2',
            targetDescription: 'Compétence du bloc BC01 « Concevoir une solution »',
            targetFramework: 'MINI — Certification d\'essai',
            targetType: 'CFItem',
            targetUrl: `https://case.exemple.fr/v1p1/CFItems/${caseElementId('MINI', 'C1.2')}`
        });
        expect(bloc.credentialSubject.result).toBeUndefined();
        const cert = files[`${hash.slice(0, 16)}-MINI.json`].json;
        expect(cert.credentialSubject.achievement.achievementType).toBe('Certification');
        expect(cert.credentialSubject.achievement.criteria.narrative).toBe('La certification est obtenue quand toutes ses conditions sont remplies : Blocs (tous les blocs validés) ; Mémoire (memoire >= 10).');
        const [description] = cert.credentialSubject.achievement.resultDescription;
        expect(description).toMatchObject({ type: ['ResultDescription'], name: 'Mémoire', resultType: 'RawScore', valueMin: '0', valueMax: '20' });
        expect(cert.credentialSubject.result).toEqual([{ type: ['Result'], resultDescription: description.id, value: '14.5' }]);
    });

    it('ni le nom ni l\'identifiant du candidat n\'apparaissent, nulle part (contenu et noms de fichiers)', async () => {
        const folder = tempFolder();
        const writer = createOpenBadgesWriter(mini, folder);
        await writer.candidate(reussi());
        await writer.finish();
        for (const [name, { text }] of Object.entries(read(folder))) {
            for (const secret of [NOM, 'Camille', 'Dupont', 'Lefèvre', ID, '0042']) {
                expect(text).not.toContain(secret);
                expect(name).not.toContain(secret);
            }
        }
    });

    it('déterministe à sel donné : mêmes octets d\'une écriture à l\'autre ; identifiants UUID v5 (référentiel + candidat + bloc)', async () => {
        const a = tempFolder();
        const b = tempFolder();
        for (const folder of [a, b]) {
            const writer = createOpenBadgesWriter(mini, folder, { salt: SEL });
            await writer.candidate(reussi());
            await writer.finish();
        }
        const fa = read(a);
        const fb = read(b);
        expect(Object.fromEntries(Object.entries(fb).map(([k, v]) => [k, v.text]))).toEqual(Object.fromEntries(Object.entries(fa).map(([k, v]) => [k, v.text])));
        const ids = Object.values(fa).map(f => f.json.id);
        expect(ids).toEqual([credentialId(mini, ID, 'BC01'), credentialId(mini, ID, 'MINI')]);
        expect(credentialId(mini, 'CAND-0043', 'BC01')).not.toBe(ids[0]);
        expect(ids[0]).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('pas de badge pour un échec : bloc non validé, certification non obtenue', async () => {
        const folder = tempFolder();
        const writer = createOpenBadgesWriter(mini, folder);
        await writer.candidate(evaluate(mini, { id: 'X', competences: allCompetences(mini, 'acquise', { 'C1.2': 'non acquise' }), epreuves: { memoire: 15 } }));
        // Bloc validé mais mémoire insuffisante : le badge du bloc seulement.
        await writer.candidate(evaluate(mini, { id: 'Y', competences: allCompetences(mini, 'acquise'), epreuves: { memoire: 8 } }));
        await writer.finish();
        const names = Object.keys(read(folder));
        expect(names).toHaveLength(1);
        expect(names[0]).toMatch(/-BC01\.json$/);
    });

    it('seuil et équivalence du bloc dans le critère ; certificateur sans SIRET ; résultats des épreuves', async () => {
        const folder = tempFolder();
        const writer = createOpenBadgesWriter(tech, folder);
        const result = evaluate(tech, { id: 'T1', competences: allCompetences(tech, 'acquise'), epreuves: { ecrit: 12, oral: 13, pratique: 14 }, mesures: { stage: 300 } });
        expect(result.decision).toBe('obtenue');
        await writer.candidate(result);
        await writer.finish();
        const files = Object.values(read(folder)).map(f => f.json);
        expect(files).toHaveLength(4);
        for (const json of files) expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
        const byCode = new Map<string, Record<string, any>>(files.map(f => [f.credentialSubject.achievement.humanCode, f]));
        const get = (code: string): Record<string, any> => byCode.get(code)!;
        expect(get('BC02').credentialSubject.achievement.criteria.narrative).toBe('Le bloc est validé quand 80 % de ses 2 compétences sont acquises (C2.1, C2.2). Il est aussi validé par équivalence pour qui a acquis RNCP99999BC03.');
        expect(get('BC03').credentialSubject.achievement.criteria.narrative).toMatch(/^Le bloc est validé quand 50 % de ses 2 compétences/);
        expect(Object.keys(get('BC01').issuer)).toEqual(['id', 'type', 'name']);
        expect(get('BC01').issuer).toMatchObject({ type: ['Profile'], name: 'Organisme de formation « Réseaux pour tous »' });
        const cert = get('TECH-RESEAUX');
        expect(cert.credentialSubject.result.map((r: { value: string }) => r.value)).toEqual(['12', '13', '14']);
        expect(cert.credentialSubject.achievement.alignment).toHaveLength(9);
    });

    it('l\'exemple Data Engineer : cinq badges de bloc et celui de la certification, tous conformes', async () => {
        const model = await loadModel('samples/data-engineer', 'DATA-ENGINEER');
        const folder = tempFolder();
        const writer = createOpenBadgesWriter(model, folder);
        const result = evaluate(model, { id: 'DE-1', nom: NOM, competences: allCompetences(model, 'acquise'), epreuves: { memoire: 12, soutenance: 13.5 }, mesures: { periode_entreprise: 6 }, faits: { competences_periode_evaluees: true } });
        expect(result.decision).toBe('obtenue');
        await writer.candidate(result);
        await writer.finish();
        const files = Object.values(read(folder));
        expect(files).toHaveLength(6);
        for (const { json, text } of files) {
            expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
            expect(text).not.toContain('Camille');
        }
        const cert = files.map(f => f.json).find(j => j.credentialSubject.achievement.humanCode === 'DATA-ENGINEER')!;
        expect(cert.credentialSubject.achievement.alignment).toHaveLength(40);
        expect(cert.credentialSubject.result.map((r: { value: string }) => r.value)).toEqual(['12', '13.5']);
    });

    it('sans certificateur déclaré, l\'émetteur est le référentiel (urn)', async () => {
        const ws = await workspace({ 'x.ref': 'certification X-1 "Sans certificateur"\nbloc BC01 "Bloc" {\n    compétence C1.1 "Faire"\n    modalité M1 "Projet" {\n        évalue C1.1\n    }\n}\nobtention {\n    condition "Blocs" : tous les blocs validés\n}\n' });
        const model = ws.services.referentiel.Models.forCode('X-1');
        const credential = buildCredential(model, evaluate(model, { id: 'Z', competences: { 'C1.1': 'acquise' } }), 'certification', 'sel');
        expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);
        expect(credential.issuer).toEqual({ id: 'urn:referentiel:X-1', type: ['Profile'], name: 'Sans certificateur' });
        expect((credential.credentialSubject as Record<string, unknown>).result).toBeUndefined();
    });

    it('un sel aléatoire par candidat, écrit seulement dans ses propres badges ; validFrom = date d\'évaluation', async () => {
        const folder = tempFolder();
        const writer = createOpenBadgesWriter(mini, folder);
        const autre = evaluate(mini, { id: 'CAND-0043', competences: allCompetences(mini, 'acquise'), epreuves: { memoire: 12 } });
        await writer.candidate(reussi());
        await writer.candidate(autre);
        await writer.finish();
        const files = read(folder);
        expect(Object.keys(files)).toHaveLength(4);
        const saltOf = (json: Record<string, any>): string => json.credentialSubject.identifier[0].salt;
        const hashOf = (json: Record<string, any>): string => json.credentialSubject.identifier[0].identityHash;
        const byCandidate = new Map<string, string[]>();
        for (const { json } of Object.values(files)) {
            const salt = saltOf(json);
            expect(salt).toMatch(/^[0-9a-f]{32}$/);
            const owner = hashOf(json) === 'sha256$' + createHash('sha256').update(ID + salt).digest('hex') ? ID : 'CAND-0043';
            expect(hashOf(json)).toBe('sha256$' + createHash('sha256').update(owner + salt).digest('hex'));
            byCandidate.set(owner, [...(byCandidate.get(owner) ?? []), salt]);
            expect(json.validFrom).toBe('2026-06-30T00:00:00Z');
        }
        // Les badges d'un candidat partagent son sel ; les deux candidats ont des sels différents.
        const [sel1, sel2] = [ID, 'CAND-0043'].map(id => byCandidate.get(id)!);
        expect(new Set(sel1).size).toBe(1);
        expect(new Set(sel2).size).toBe(1);
        expect(sel1[0]).not.toBe(sel2[0]);
        // Le sel d'un candidat n'apparaît dans aucun badge de l'autre.
        for (const { text, json } of Object.values(files)) {
            const other = saltOf(json) === sel1[0] ? sel2[0] : sel1[0];
            expect(text).not.toContain(other);
        }
        // Une autre écriture tire d'autres sels.
        const again = tempFolder();
        const second = createOpenBadgesWriter(mini, again);
        await second.candidate(reussi());
        await second.finish();
        expect(Object.values(read(again)).map(f => saltOf(f.json))).not.toContain(sel1[0]);
    });

    it('l\'émetteur : le site https du certificateur, son nom, son courriel ; alignement sans base : la fiche RNCP', async () => {
        const ws = await workspace({ 's.ref': 'certification S "Avec site" {\n    rncp RNCP40000\n    certificateur "École" siret "12345678900011" site "https://www.ecole.fr" courriel "certif@ecole.fr"\n}\nbloc BC01 "Bloc" {\n    compétence C1.1 "Faire"\n    modalité M1 "Projet" {\n        évalue C1.1\n    }\n}\nobtention {\n    condition "Blocs" : tous les blocs validés\n}\n' });
        const model = ws.services.referentiel.Models.forCode('S');
        const result = evaluate(model, { id: 'Z', competences: { 'C1.1': 'acquise' } });
        const credential = buildCredential(model, result, 'certification', 'sel') as Record<string, any>;
        expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);
        expect(credential.issuer).toEqual({
            id: 'https://www.ecole.fr', type: ['Profile'], name: 'École', url: 'https://www.ecole.fr', email: 'certif@ecole.fr',
            otherIdentifier: [{ type: 'IdentifierEntry', identifier: '12345678900011', identifierType: 'ext:SIRET' }]
        });
        expect(credential.credentialSubject.achievement.alignment[0].targetUrl).toBe('https://www.francecompetences.fr/recherche/rncp/40000/');
        const overridden = buildCredential(model, result, 'certification', 'sel', { issuerId: 'https://badges.ecole.fr/emetteur' }) as Record<string, any>;
        expect(overridden.issuer.id).toBe('https://badges.ecole.fr/emetteur');
    });

    it('rien n\'est écrit à moitié : abort() efface ; finish() dans un dossier existant garde les autres fichiers', async () => {
        const folder = tempFolder();
        const aborted = createOpenBadgesWriter(mini, folder);
        await aborted.candidate(reussi());
        await aborted.abort();
        expect(existsSync(folder)).toBe(false);
        expect(readdirSync(path.dirname(folder))).toEqual([]);

        mkdirSync(folder);
        writeFileSync(path.join(folder, 'autre.txt'), 'à garder');
        const writer = createOpenBadgesWriter(mini, folder);
        await writer.candidate(reussi());
        await writer.finish();
        expect(readdirSync(folder)).toHaveLength(3);
        expect(readFileSync(path.join(folder, 'autre.txt'), 'utf8')).toBe('à garder');
        expect(readdirSync(path.dirname(folder))).toEqual(['badges']);
    });
});
