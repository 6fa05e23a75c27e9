import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { exportCase, exportCaseText } from '../../../language-server/src/interop/case-export.js';
import { ficheToRef } from '../../../language-server/src/interop/rncp-import.js';
import { readRncpExport, type RncpFiche } from '../../../language-server/src/interop/rncp-reader.js';
import { CASE_UUID_PATTERN } from '../../../language-server/src/interop/uuid.js';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { workspace } from '../../helpers.js';
import { loadModel } from '../engine/engine-helpers.js';
import { RNCP_EXPORT } from './interop-helpers.js';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CASE_DIR = path.join(ROOT, 'test', 'fixtures', 'interop', 'case');
const SHARED_SAMPLE = path.join(ROOT, 'test', 'fixtures', 'interop', 'case', 'case_v1p0_opensalt_sample_WhatStandardsCouldBe.json');

/** xsd:dateTime (CASE) : le fuseau horaire est facultatif, contrairement au date-time de JSON Schema. */
const XSD_DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** Les deux schémas : CASE 1.0 (1EdTech/OpenSALT, copié) et les ajouts de CASE 1.1 (schemas/). */
function validators(options: { xsdDateTime?: boolean } = {}): { v10: ValidateFunction; v11: ValidateFunction } {
    const ajv10 = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv10);
    const ajv11 = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv11);
    if (options.xsdDateTime) {
        ajv10.addFormat('date-time', XSD_DATE_TIME);
        ajv11.addFormat('date-time', XSD_DATE_TIME);
    }
    return {
        v10: ajv10.compile(JSON.parse(readFileSync(path.join(CASE_DIR, 'case-v1p0-cfpackage-schema.json'), 'utf8'))),
        v11: ajv11.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'case-1.1-additions.schema.json'), 'utf8')))
    };
}

/** La définition officielle de CASE 1.1 (1EdTech, OpenAPI 3 ; test/fixtures/standards). */
function officialCase11(): ValidateFunction {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    return ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'standards', 'case-1.1-cfpackage.from-openapi.schema.json'), 'utf8')));
}

function expectValid(data: unknown): void {
    const { v11 } = validators();
    const official = officialCase11();
    official(data);
    expect(official.errors ?? [], 'CASE 1.1 (officiel) : ' + JSON.stringify(official.errors, null, 2)).toEqual([]);
    v11(data);
    expect(v11.errors ?? [], 'CASE 1.1 : ' + JSON.stringify(v11.errors, null, 2)).toEqual([]);
}

type Pkg = {
    CFDocument: Record<string, unknown> & { identifier: string };
    CFItems: Array<Record<string, unknown> & { identifier: string; humanCodingScheme: string; CFItemType: string; fullStatement: string }>;
    CFAssociations: Array<{ identifier: string; associationType: string; sequenceNumber?: number; originNodeURI: { identifier: string }; destinationNodeURI: { identifier: string; title: string }; CFAssociationGroupingURI?: { title: string } }>;
    CFDefinitions: { CFItemTypes: Array<{ identifier: string; title: string }>; CFAssociationGroupings: Array<{ identifier: string; title: string }> };
};

/** Tous les « identifier » d'un objet, à toute profondeur. */
function identifiers(value: unknown, found: string[] = []): string[] {
    if (Array.isArray(value)) value.forEach(v => identifiers(v, found));
    else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
            if (k === 'identifier' && typeof v === 'string') found.push(v);
            else identifiers(v, found);
        }
    }
    return found;
}

/** Une fiche réelle importée (correspondances comprises). */
async function importedModel(numero: string): Promise<ReferentielModel> {
    let found: RncpFiche | undefined;
    await readRncpExport(RNCP_EXPORT, { fiche: f => { if (f.numero === numero) found = f; } });
    const file = ficheToRef(found!)!;
    return (await workspace({ [file.fileName]: file.text })).services.referentiel.Models.forCode(numero);
}

async function socleModel(): Promise<ReferentielModel> {
    const ws = await workspace({
        'transverse.ref': 'socle TRANSVERSE "Compétences transverses"\nactivité AT1 "Communication"\ncompétence CT1 "Présenter ses travaux" issue de AT1\n',
        'a.ref': `certification A "Certification A" {\n    niveau 6\n    utilise TRANSVERSE\n    statut actif\n}\nbloc BC01 "Premier bloc" {\n    inclut CT1\n    compétence C1.1 "Compétence propre"\n    modalité M1 "Soutenance" {\n        évalue C1.1, CT1\n        critère CR1 "La présentation est structurée" vérifie C1.1, CT1\n    }\n}\nobtention {\n    condition "Blocs" : tous les blocs validés\n}\n`
    });
    return ws.services.referentiel.Models.forCode('A');
}

describe('export CASE 1.1', () => {
    it('est valide selon la définition officielle de CASE 1.1 et les ajouts de schemas/ (référentiels de test, socle, fiche importée)', async () => {
        const models = [
            await loadModel('test/fixtures/cli/propre', 'MINI'),
            await loadModel('test/fixtures/referentiels/technicien-reseaux', 'TECH-RESEAUX'),
            await socleModel(),
            await importedModel('RNCP40344'),
            ...(existsSync(path.join(ROOT, 'samples', 'data-engineer')) ? [await loadModel('samples/data-engineer', 'DATA-ENGINEER')] : [])
        ];
        for (const model of models) {
            const data = exportCase(model) as unknown as Pkg;
            expectValid(data);
            expect(data.CFDocument).toMatchObject({ caseVersion: '1.1', language: 'fr', frameworkType: 'Référentiel de certification professionnelle' });
            for (const id of identifiers(data)) expect(id).toMatch(CASE_UUID_PATTERN);
            expect(String(data.CFDocument.uri)).toBe(`urn:uuid:${data.CFDocument.identifier}`);
        }
    });

    it('l\'arbre : certification › bloc › activité / compétence / modalité › critère ; les liens en isRelatedTo groupés', async () => {
        const model = await loadModel('test/fixtures/cli/propre', 'MINI');
        const data = exportCase(model) as unknown as Pkg;
        const byCode = new Map(data.CFItems.map(i => [i.humanCodingScheme, i]));
        expect([...byCode.keys()]).toEqual(['BC01', 'A1', 'A1-1', 'C1.1', 'C1.2', 'M1.1', 'CR1.1.1', 'CR1.1.2']);
        expect(byCode.get('C1.2')).toMatchObject({ CFItemType: 'Compétence', fullStatement: 'Rédiger un cahier des charges de manière accessible pour le client', language: 'fr', lastChangeDateTime: '2024-01-15T00:00:00Z' });
        expect(byCode.get('CR1.1.2')).toMatchObject({ CFItemType: 'Critère d\'évaluation', extensions: { eliminatoire: true } });
        const code = new Map<string, string>([[data.CFDocument.identifier, 'MINI'], ...data.CFItems.map(i => [i.identifier, i.humanCodingScheme] as [string, string])]);
        const edges = data.CFAssociations.map(a => `${code.get(a.originNodeURI.identifier)} ${a.associationType}${a.CFAssociationGroupingURI ? `(${a.CFAssociationGroupingURI.title})` : ''} ${code.get(a.destinationNodeURI.identifier)}${a.sequenceNumber ? ` #${a.sequenceNumber}` : ''}`);
        expect(edges).toEqual([
            'BC01 isChildOf MINI #1',
            'A1 isChildOf BC01 #1',
            'C1.1 isChildOf BC01 #2',
            'C1.2 isChildOf BC01 #3',
            'M1.1 isChildOf BC01 #4',
            'A1-1 isChildOf A1 #1',
            'CR1.1.1 isChildOf M1.1 #1',
            'CR1.1.2 isChildOf M1.1 #2',
            'C1.1 isRelatedTo(issue de) A1-1',
            'C1.2 isRelatedTo(issue de) A1-1',
            'M1.1 isRelatedTo(évalue) C1.1',
            'M1.1 isRelatedTo(évalue) C1.2',
            'CR1.1.1 isRelatedTo(vérifie) C1.1',
            'CR1.1.2 isRelatedTo(vérifie) C1.2'
        ]);
        expect(data.CFDefinitions.CFItemTypes.map(t => t.title)).toEqual(['Bloc de compétences', 'Activité', 'Compétence', 'Modalité d\'évaluation', 'Critère d\'évaluation']);
        expect(data.CFDefinitions.CFAssociationGroupings.map(g => g.title)).toEqual(['issue de', 'évalue', 'vérifie']);
        // Tout lien pointe vers un élément du paquet.
        const known = new Set([data.CFDocument.identifier, ...data.CFItems.map(i => i.identifier)]);
        for (const a of data.CFAssociations) {
            expect(known.has(a.originNodeURI.identifier)).toBe(true);
            expect(known.has(a.destinationNodeURI.identifier)).toBe(true);
        }
    });

    it('identifiants stables : deux exports, deux espaces de travail → mêmes octets ; un code renommé change son seul identifiant', async () => {
        const a = exportCaseText(await loadModel('test/fixtures/referentiels/technicien-reseaux', 'TECH-RESEAUX'));
        const b = exportCaseText(await loadModel('test/fixtures/referentiels/technicien-reseaux', 'TECH-RESEAUX'));
        expect(b).toBe(a);
        const mini = readFileSync(path.join(ROOT, 'test/fixtures/cli/propre/mini.ref'), 'utf8');
        const before = exportCase((await workspace({ 'mini.ref': mini })).services.referentiel.Models.forCode('MINI')) as unknown as Pkg;
        const after = exportCase((await workspace({ 'mini.ref': mini.replace(/C1\.2\b/g, 'C1.3') })).services.referentiel.Models.forCode('MINI')) as unknown as Pkg;
        const ids = (p: Pkg) => new Map(p.CFItems.map(i => [i.humanCodingScheme, i.identifier]));
        expect(ids(after).get('C1.1')).toBe(ids(before).get('C1.1'));
        expect(ids(after).get('BC01')).toBe(ids(before).get('BC01'));
        expect(ids(after).get('C1.3')).not.toBe(ids(before).get('C1.2'));
        expect(after.CFDocument.identifier).toBe(before.CFDocument.identifier);
        // La date ne vient pas de l'horloge : celle du début d'enregistrement.
        expect(before.CFDocument.lastChangeDateTime).toBe('2024-01-15T00:00:00Z');
    });

    it('socle : une compétence incluse garde l\'identifiant de son socle, dans toutes les certifications', async () => {
        const data = exportCase(await socleModel()) as unknown as Pkg;
        const ct1 = data.CFItems.find(i => i.humanCodingScheme === 'CT1')!;
        const other = await workspace({
            'transverse.ref': 'socle TRANSVERSE "Compétences transverses"\nactivité AT1 "Communication"\ncompétence CT1 "Présenter ses travaux" issue de AT1\n',
            'b.ref': 'certification B "Certification B" {\n    utilise TRANSVERSE\n}\nbloc BC01 "Bloc de B" {\n    inclut CT1\n    modalité M1 "Projet" {\n        évalue CT1\n    }\n}\n'
        });
        const inB = (exportCase(other.services.referentiel.Models.forCode('B')) as unknown as Pkg).CFItems.find(i => i.humanCodingScheme === 'CT1')!;
        expect(inB.identifier).toBe(ct1.identifier);
        expect(data.CFDocument).toMatchObject({ adoptionStatus: 'Adopted', extensions: { referentiel: 'A', niveauCadreEuropeen: 6 } });
    });

    it('équivalences : isRelatedTo « équivalent à » vers le bloc de l\'autre fiche', async () => {
        const data = exportCase(await loadModel('test/fixtures/referentiels/technicien-reseaux', 'TECH-RESEAUX')) as unknown as Pkg;
        const eq = data.CFAssociations.filter(a => a.CFAssociationGroupingURI?.title === 'équivalent à');
        expect(eq).toHaveLength(1);
        expect(eq[0].destinationNodeURI.title).toBe('RNCP99999BC03 — Assurer la maintenance d\'un réseau (fiche précédente)');
    });

    it('le schéma des ajouts 1.1 a des dents : identifiant hors variante RFC, propriété 1.0 seulement', async () => {
        const { v11 } = validators();
        const data = exportCase(await loadModel('test/fixtures/cli/propre', 'MINI')) as unknown as Pkg;
        const badId = structuredClone(data);
        badId.CFItems[0].identifier = badId.CFItems[0].identifier.replace(/^(.{19})./, '$17');
        expect(v11(badId)).toBe(false);
        const old = structuredClone(data);
        (old.CFItems[0] as Record<string, unknown>).CFDocumentURI = { title: 't', identifier: data.CFDocument.identifier, uri: 'urn:x' };
        expect(v11(old)).toBe(false);
        const version = structuredClone(data);
        version.CFDocument.caseVersion = '1.0';
        expect(v11(version)).toBe(false);
    });

    it('les exemples OpenSALT (CASE 1.0) restent acceptés : les ajouts 1.1 ne s\'appliquent qu\'à un paquet 1.1', () => {
        const { v10, v11 } = validators({ xsdDateTime: true });
        const small = JSON.parse(readFileSync(path.join(CASE_DIR, 'case_v1p0_opensalt_test_SequenceNumberFramework.json'), 'utf8'));
        expect(v10(small), JSON.stringify(v10.errors)).toBe(true);
        expect(v11(small), JSON.stringify(v11.errors)).toBe(true);
    });

    it('le grand exemple OpenSALT : les ajouts 1.1 n\'ajoutent aucune erreur à celles du schéma 1.0', () => {
        const { v10, v11 } = validators({ xsdDateTime: true });
        const sample = JSON.parse(readFileSync(SHARED_SAMPLE, 'utf8'));
        expect(v11(sample), JSON.stringify(v11.errors)).toBe(true);
        // Le schéma 1.0 lui-même refuse quelques valeurs nulles de l'exemple (sequenceNumber, description) :
        // c'est l'exemple qui s'écarte du schéma, pas nos ajouts.
        v10(sample);
        const kinds = new Set((v10.errors ?? []).map(e => e.instancePath.replace(/\/\d+\//g, '/*/')));
        expect([...kinds].every(k => /sequenceNumber|CFDefinitions/.test(k)), [...kinds].join(', ')).toBe(true);
    });
});
