import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDocumentText } from '../../language-server/src/formatting/formatter.js';
import { createReferentielServices } from '../../language-server/src/referentiel-module.js';
import { ROOT, runCli, tempDir } from './run.js';

/**
 * Aller-retour sans perte : chaque fiche réelle du registre, importée par `referentiel import
 * rncp`, se met en forme de façon idempotente et sans perdre un caractère (hors espaces).
 * (Les exemples et fixtures du dépôt : test/unit/lsp/formatting.test.ts ; les cas du fuzzing :
 * test/fuzz/fuzz.test.ts.)
 */
const EXPORT = path.join(ROOT, 'test', 'fixtures', 'interop', 'rncp', 'export_fiches_RNCP_V4_1_12fiches.xml');
const { Referentiel: services } = createReferentielServices(EmptyFileSystem);
let counter = 0;
let out: string;
let cleanup: () => void;

function format(text: string): string | undefined {
    return formatDocumentText(services, services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///aller-retour/${counter++}.ref`)));
}

beforeAll(() => {
    ({ dir: out, cleanup } = tempDir());
    const r = runCli(['import', 'rncp', EXPORT, '--all', '--out', path.join(out, 'fiches')]);
    expect(r.code, r.stderr).toBe(0);
}, 60_000);
afterAll(() => cleanup?.());

describe('mise en forme des fiches importées du registre : idempotente, sans perte', () => {
    it('les douze fiches', () => {
        const files = readdirSync(path.join(out, 'fiches')).filter(f => f.endsWith('.ref'));
        expect(files).toHaveLength(12);
        for (const name of files) {
            const text = readFileSync(path.join(out, 'fiches', name), 'utf8');
            const once = format(text);
            expect(once, name).toBeDefined();
            expect(format(once!), name).toBe(once);
            expect(once!.replace(/\s+/g, ''), name).toBe(text.replace(/\s+/g, ''));
        }
    });
});
