import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { CASE_RNCP_BLOC_TARGET_TYPE, exportCase } from '../../../language-server/src/interop/case-export.js';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { runCli } from '../../cli/run.js';
import { workspace } from '../../helpers.js';
import { loadModel } from '../engine/engine-helpers.js';

/**
 * L'export CASE contre la définition officielle de CASE 1.1 (1EdTech : les schémas de
 * l'OpenAPI 3, copiés dans test/fixtures/standards) et ce qu'un lecteur CASE en attend :
 * des `uri` résolubles, une vraie date de modification, des cibles externes typées.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const BASE = 'https://case.exemple.fr/ims/case/v1p1/';

function officialValidator() {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    return ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'standards', 'case-1.1-cfpackage.from-openapi.schema.json'), 'utf8')));
}

type Link = { title: string; identifier: string; uri: string; targetType?: string };
type Pkg = {
    CFDocument: { identifier: string; uri: string; lastChangeDateTime: string };
    CFItems: Array<{ identifier: string; uri: string; lastChangeDateTime: string; CFItemTypeURI: Link }>;
    CFAssociations: Array<{ identifier: string; uri: string; lastChangeDateTime: string; originNodeURI: Link; destinationNodeURI: Link; CFAssociationGroupingURI?: Link }>;
    CFDefinitions: { CFItemTypes: Array<{ identifier: string; uri: string; lastChangeDateTime: string }>; CFAssociationGroupings: Array<{ identifier: string; uri: string; lastChangeDateTime: string }> };
};

async function versioned(): Promise<ReferentielModel> {
    const ws = await workspace({
        'v.ref': 'certification V "Certification versionnée" {\n    enregistrement du 2021-03-01 au 2026-03-01\n    version du 2025-11-20\n}\n'
            + 'bloc BC01 "Bloc" {\n    équivalent à RNCP12345BC02 "Bloc d\'une autre fiche"\n    compétence C1 "Compétence"\n    modalité M1 "Étude de cas" {\n        évalue C1\n        critère CR1 "Critère" vérifie C1\n    }\n}\n'
            + 'obtention {\n    condition "Blocs" : tous les blocs validés\n}\n'
    });
    const errors = ws.documents.flatMap(d => d.diagnostics ?? []).filter(d => d.severity === 1);
    expect(errors.map(e => e.message)).toEqual([]);
    return ws.services.referentiel.Models.forCode('V');
}

/** Tous les objets { identifier, uri } du paquet, à toute profondeur. */
function links(value: unknown, found: Array<{ identifier: string; uri: string }> = []): Array<{ identifier: string; uri: string }> {
    if (Array.isArray(value)) value.forEach(v => links(v, found));
    else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record.identifier === 'string' && typeof record.uri === 'string') found.push(record as { identifier: string; uri: string });
        for (const v of Object.values(record)) links(v, found);
    }
    return found;
}

describe('CASE 1.1 : la définition officielle', () => {
    it('les exports sont valides, avec et sans adresse de base', async () => {
        const validate = officialValidator();
        const models = [
            await loadModel('test/fixtures/cli/propre', 'MINI'),
            await loadModel('test/fixtures/referentiels/technicien-reseaux', 'TECH-RESEAUX'),
            await versioned()
        ];
        for (const model of models) {
            for (const options of [{}, { baseUri: BASE }]) {
                const data = exportCase(model, options);
                expect(validate(data), `${model.code} ${JSON.stringify(options)} : ${JSON.stringify(validate.errors, null, 1)}`).toBe(true);
            }
        }
    });

    it('la définition a des dents : une uri qui n\'est pas une URI, un type de cible inconnu', async () => {
        const validate = officialValidator();
        const data = exportCase(await versioned(), { baseUri: BASE }) as unknown as Pkg;
        const badUri = structuredClone(data);
        badUri.CFItems[0].uri = 'pas une adresse';
        expect(validate(badUri)).toBe(false);
        const badType = structuredClone(data);
        badType.CFAssociations.find(a => a.destinationNodeURI.targetType)!.destinationNodeURI.targetType = 'RNCP';
        expect(validate(badType)).toBe(false);
    });
});

describe('CASE 1.1 : ce qu\'un lecteur en attend', () => {
    it('lastChangeDateTime : la date de version du référentiel, partout (jamais 1970)', async () => {
        const data = exportCase(await versioned()) as unknown as Pkg;
        const dates = [
            data.CFDocument.lastChangeDateTime,
            ...data.CFItems.map(i => i.lastChangeDateTime),
            ...data.CFAssociations.map(a => a.lastChangeDateTime),
            ...data.CFDefinitions.CFItemTypes.map(t => t.lastChangeDateTime),
            ...data.CFDefinitions.CFAssociationGroupings.map(g => g.lastChangeDateTime)
        ];
        expect(new Set(dates)).toEqual(new Set(['2025-11-20T00:00:00Z']));
    });

    it('sans version, la date du début d\'enregistrement', async () => {
        const data = exportCase(await loadModel('test/fixtures/referentiels/technicien-reseaux', 'TECH-RESEAUX')) as unknown as Pkg;
        expect(data.CFDocument.lastChangeDateTime).not.toMatch(/^1970/);
        expect(data.CFDefinitions.CFItemTypes.every(t => t.lastChangeDateTime === data.CFDocument.lastChangeDateTime)).toBe(true);
    });

    it('--base-uri : chaque uri est <base><collection>/<identifiant> ; sans elle, urn:uuid', async () => {
        const model = await versioned();
        const data = exportCase(model, { baseUri: BASE.slice(0, -1) }) as unknown as Pkg;
        expect(data.CFDocument.uri).toBe(`${BASE}CFDocuments/${data.CFDocument.identifier}`);
        for (const item of data.CFItems) {
            expect(item.uri).toBe(`${BASE}CFItems/${item.identifier}`);
            expect(item.CFItemTypeURI.uri).toBe(`${BASE}CFItemTypes/${item.CFItemTypeURI.identifier}`);
        }
        for (const association of data.CFAssociations) {
            expect(association.uri).toBe(`${BASE}CFAssociations/${association.identifier}`);
            if (association.CFAssociationGroupingURI) {
                expect(association.CFAssociationGroupingURI.uri).toBe(`${BASE}CFAssociationGroupings/${association.CFAssociationGroupingURI.identifier}`);
            }
        }
        const internal = links(data).filter(l => !l.uri.startsWith('https://www.francecompetences.fr/'));
        expect(internal.length).toBeGreaterThan(10);
        expect(internal.every(l => l.uri.startsWith(BASE))).toBe(true);
        const fallback = links(exportCase(model)).filter(l => !l.uri.startsWith('https://www.francecompetences.fr/'));
        expect(fallback.every(l => l.uri === `urn:uuid:${l.identifier}`)).toBe(true);
    });

    it('une équivalence vise un bloc d\'une autre fiche : cible typée, adresse de sa fiche', async () => {
        const data = exportCase(await versioned(), { baseUri: BASE }) as unknown as Pkg;
        const equivalences = data.CFAssociations.filter(a => a.CFAssociationGroupingURI?.title === 'équivalent à');
        expect(equivalences).toHaveLength(1);
        expect(equivalences[0].destinationNodeURI).toMatchObject({
            title: 'RNCP12345BC02 — Bloc d\'une autre fiche',
            targetType: CASE_RNCP_BLOC_TARGET_TYPE,
            uri: 'https://www.francecompetences.fr/recherche/rncp/12345/'
        });
        // Les nœuds du cadre lui-même ne portent pas de type de cible.
        expect(equivalences[0].originNodeURI.targetType).toBeUndefined();
    });

    it('une date de version invalide ou répétée est signalée (REF009, REF005)', async () => {
        const codesOf = async (text: string): Promise<string[]> =>
            (await workspace({ 'v.ref': text })).documents.flatMap(d => d.diagnostics ?? []).map(d => String(d.code));
        expect(await codesOf('certification V "V" {\n    version du 2025-13-40\n}\n')).toContain('REF009');
        expect(await codesOf('certification V "V" {\n    version du 2025-02-01\n}\n')).not.toContain('REF009');
        expect(await codesOf('certification V "V" {\n    version du 2025-01-01\n    version du 2025-02-01\n}\n')).toContain('REF005');
    });

    it('la ligne de commande : --base-uri https obligatoire', () => {
        const bad = runCli(['export', 'test/fixtures/cli/propre', '--format', 'case', '--base-uri', 'http://case.exemple.fr/']);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain('Option --base-uri « http://case.exemple.fr/ » invalide');
        const good = runCli(['export', 'test/fixtures/cli/propre', '--format', 'case', '--base-uri', BASE]);
        expect(good.code).toBe(0);
        const data = JSON.parse(good.stdout) as Pkg;
        expect(data.CFDocument.uri).toBe(`${BASE}CFDocuments/${data.CFDocument.identifier}`);
        expect(officialValidator()(data)).toBe(true);
    });
});
