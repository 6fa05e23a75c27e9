import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from './helpers.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'candidat.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Tous les sous-schémas qui décrivent une propriété. */
function propertySchemas(node: Record<string, unknown>, where = '#'): Array<[string, Record<string, unknown>]> {
    const out: Array<[string, Record<string, unknown>]> = [];
    const props = node.properties as Record<string, Record<string, unknown>> | undefined;
    for (const [name, sub] of Object.entries(props ?? {})) {
        out.push([`${where}/${name}`, sub]);
        out.push(...propertySchemas(sub, `${where}/${name}`));
        if (sub.items) out.push(...propertySchemas(sub.items as Record<string, unknown>, `${where}/${name}[]`));
    }
    return out;
}

describe('schemas/candidat.schema.json', () => {
    it('est un schéma draft 2020-12 valide (ajv strict)', () => {
        expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
        expect(typeof validate).toBe('function');
    });

    it('n\'exige que referentiel et candidat.id ; accepte $schema ; refuse toute autre propriété', () => {
        expect(validate({ referentiel: 'MINI', candidat: { id: '1' } })).toBe(true);
        expect(validate({ $schema: './candidat.schema.json', referentiel: 'MINI', candidat: { id: '1' } })).toBe(true);
        expect(validate({ referentiel: 'MINI', candidat: {} })).toBe(false);
        expect(validate({ candidat: { id: '1' } })).toBe(false);
        expect(validate({ referentiel: 'MINI', candidat: { id: '1' }, autre: 1 })).toBe(false);
        expect(validate({ referentiel: 'MINI', candidat: { id: '1', age: 3 } })).toBe(false);
        expect(validate({ referentiel: 'MINI', candidat: { id: '1' }, blocsAcquis: [{ bloc: 'BC01', annee: 2024 }] })).toBe(false);
    });

    it('valide l\'exemple de la documentation et les fixtures valides', () => {
        const example = {
            referentiel: 'DATA-ENGINEER',
            candidat: { id: '2026-0042', nom: 'Camille Martin' },
            dateEvaluation: '2026-06-30',
            competences: { 'C1.1': 'acquise', 'C1.2': 'non acquise' },
            criteres: { 'CR1.1.1': 'satisfait', 'CR1.1.2': 'non satisfait' },
            epreuves: { memoire: 12, soutenance: 9.5 },
            mesures: { periode_entreprise: 6 },
            blocsAcquis: [{ bloc: 'BC02', date: '2024-06-30' }],
            amenagements: [{ nature: 'temps majoré', debut: '2025-09-01', fin: '2026-01-31' }]
        };
        expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
        for (const name of ['valide.candidat.json', 'essai.candidat.json', 'minimal.candidat.json']) {
            const data = JSON.parse(readFileSync(path.join(FIXTURES, 'json', name), 'utf8'));
            expect(validate(data), `${name} : ${JSON.stringify(validate.errors)}`).toBe(true);
        }
    });

    it('refuse les valeurs hors énumération, les notes négatives, les dates impossibles', () => {
        const base = { referentiel: 'MINI', candidat: { id: '1' } };
        expect(validate({ ...base, competences: { 'C1.1': 'oui' } })).toBe(false);
        expect(validate({ ...base, criteres: { 'CR1.1.1': 'acquise' } })).toBe(false);
        expect(validate({ ...base, epreuves: { memoire: -1 } })).toBe(false);
        expect(validate({ ...base, epreuves: { memoire: '12' } })).toBe(false);
        expect(validate({ ...base, mesures: { periode_entreprise: -1 } })).toBe(false);
        expect(validate({ ...base, dateEvaluation: '2026-02-30' })).toBe(false);
        expect(validate({ ...base, dateEvaluation: '30/06/2026' })).toBe(false);
        expect(validate({ ...base, amenagements: [{ nature: 'temps majoré' }] })).toBe(false);
    });

    it('chaque propriété a une description en français (survol dans VS Code)', () => {
        const props = propertySchemas(schema);
        expect(props.length).toBe(18);
        for (const [where, sub] of props) {
            expect(typeof sub.description, where).toBe('string');
            expect((sub.description as string).length, where).toBeGreaterThan(10);
        }
        expect(schema.description).toMatch(/candidat/);
        expect(schema.properties.epreuves.description).toContain('barème');
    });

    it('les fixtures JSON non valides au schéma sont bien refusées par le schéma seul', () => {
        const invalid = readdirSync(path.join(FIXTURES, 'json')).filter(n => n === 'schema.candidat.json');
        for (const name of invalid) {
            expect(validate(JSON.parse(readFileSync(path.join(FIXTURES, 'json', name), 'utf8')))).toBe(false);
        }
    });
});
