import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ficheToRef } from '../../../language-server/src/interop/rncp-import.js';
import { readRncpExport } from '../../../language-server/src/interop/rncp-reader.js';
import { EXPORT_FORMATS } from '../../../language-server/src/core/export.js';
import { workspace } from '../../helpers.js';
import { RNCP_EXPORT } from './interop-helpers.js';

const DOC = readFileSync(path.resolve(__dirname, '..', '..', '..', 'docs', 'interop.md'), 'utf8');

describe('docs/interop.md', () => {
    it('ses exemples .ref se vérifient sans erreur', async () => {
        const blocks = [...DOC.matchAll(/```ref\n([\s\S]*?)```/g)].map(m => m[1]);
        expect(blocks.length).toBeGreaterThan(0);
        for (const [i, text] of blocks.entries()) {
            const ws = await workspace({ [`exemple${i}.ref`]: text });
            expect(ws.diagnostics(`exemple${i}.ref`).filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
        }
    });

    it('les chiffres de l\'import des douze fiches sont ceux de l\'importeur', async () => {
        let fiches = 0, blocs = 0, competences = 0, sansCode = 0;
        await readRncpExport(RNCP_EXPORT, { fiche: f => {
            const r = ficheToRef(f)!;
            fiches++; blocs += r.stats.blocs; competences += r.stats.competences; sansCode += r.stats.sansCode;
        } });
        expect(DOC).toContain(`**${fiches} fiches, ${blocs} blocs, ${competences} compétences, dont ${sansCode} sans code**`);
    });

    it('cite chaque format d\'export', () => {
        for (const format of EXPORT_FORMATS.filter(f => f !== 'json')) expect(DOC).toContain(`--format ${format}`);
    });
});
