import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ficheToRef } from '../../../language-server/src/interop/rncp-import.js';
import { readRncpExport, type RncpFiche } from '../../../language-server/src/interop/rncp-reader.js';
import { workspace } from '../../helpers.js';
import { RNCP_EXPORT } from '../interop/interop-helpers.js';

/**
 * Ce que les règles de rédaction trouvent sur de vrais référentiels enregistrés : l'exemple
 * Data Engineer et les 12 fiches du registre importées. Les nombres sont ceux du tableau de
 * docs/rules.md (« Ce que les règles de rédaction trouvent ») : un réglage qui ajoute du bruit
 * (ou en retire) doit mettre à jour les deux.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const CODES = ['REF601', 'REF602', 'REF603', 'REF604', 'REF605'] as const;

interface Finding { code: string; file: string; line: string; severity: number | undefined }

async function findings(files: Record<string, string>): Promise<Finding[]> {
    const ws = await workspace(files, { redaction: true });
    return Object.keys(files).flatMap(file => ws.diagnostics(file)
        .filter(d => (CODES as readonly string[]).includes(String(d.code)))
        .map(d => ({ code: String(d.code), file, severity: d.severity, line: files[file].split('\n')[d.range.start.line].trim() })));
}

function counts(found: Finding[]): Record<string, number> {
    return Object.fromEntries(CODES.map(c => [c, found.filter(d => d.code === c).length]));
}

describe('règles de rédaction sur des référentiels enregistrés', () => {
    let sample: Finding[];
    let fiches: Finding[];
    let competences = 0;

    beforeAll(async () => {
        const dir = path.join(ROOT, 'samples', 'data-engineer');
        sample = await findings(Object.fromEntries(readdirSync(dir).filter(n => n.endsWith('.ref')).map(n => [n, readFileSync(path.join(dir, n), 'utf8')])));
        const read: RncpFiche[] = [];
        await readRncpExport(RNCP_EXPORT, { fiche: f => { read.push(f); } });
        fiches = [];
        for (const fiche of read) {
            const imported = ficheToRef(fiche)!;
            competences += imported.text.match(/^\s*compétence /gm)?.length ?? 0;
            fiches.push(...await findings({ [imported.fileName]: imported.text }));
        }
    });

    it('l\'exemple Data Engineer : deux informations, C1.7 et C1.8 sans finalité', () => {
        expect(counts(sample)).toEqual({ REF601: 0, REF602: 2, REF603: 0, REF604: 0, REF605: 0 });
        expect(sample.map(d => d.line.split('"')[0].trim())).toEqual(['compétence C1.7', 'compétence C1.8']);
        expect(sample.every(d => d.severity === 3)).toBe(true);
    });

    it('les 12 fiches importées : les nombres du tableau de docs/rules.md', () => {
        expect(competences).toBe(322);
        expect(counts(fiches)).toEqual({ REF601: 1, REF602: 50, REF603: 0, REF604: 0, REF605: 1 });
        expect(fiches.filter(d => d.code === 'REF602' && d.line.startsWith('bloc '))).toHaveLength(13);
        expect(fiches.find(d => d.code === 'REF601')).toMatchObject({ file: 'RNCP35809.ref', line: expect.stringContaining('"Intervention à proximité des réseaux"') });
        expect(fiches.find(d => d.code === 'REF605')).toMatchObject({ file: 'RNCP35625.ref', line: expect.stringContaining('compétence C9.2') });
        expect(fiches.every(d => d.severity === 3)).toBe(true);
    });

    it('docs/rules.md donne les mêmes nombres', () => {
        const doc = readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
        expect(doc).toContain('| REF601 verbe à l\'infinitif | 0 | 1 (RNCP35809 C2.15');
        expect(doc).toContain('| REF602 finalité | 2 (C1.7, C1.8) | 50, dont 13 sur un bloc entier |');
        expect(doc).toContain('| REF605 presque identiques | 0 | 1 (RNCP35625 C9.2 = C8.1');
        expect(doc).toContain('(322 compétences hors titres de regroupement, 53 blocs');
    });
});
