import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run.js';

/**
 * REF606 (orthographe, éteinte par défaut) depuis la ligne de commande, sur l'exemple publié :
 * les nombres de docs/rules.md (« Ce que les règles de rédaction trouvent »).
 */
const SAMPLE = path.join(ROOT, 'samples', 'data-engineer');

function words(stdout: string): Record<string, number> {
    const found: Record<string, number> = {};
    for (const file of (JSON.parse(stdout) as { fichiers: Array<{ diagnostics: Array<{ code: string; message: string }> }> }).fichiers) {
        for (const m of file.diagnostics.filter(m => m.code === 'REF606')) {
            const word = /« ([^»]+) »/.exec(m.message)![1];
            found[word] = (found[word] ?? 0) + 1;
        }
    }
    return found;
}

describe('lint --rule REF606=info', () => {
    it('éteinte par défaut : l\'exemple n\'a aucune information d\'orthographe', () => {
        const result = runCli(['lint', SAMPLE, '-f', 'json']);
        expect(result.code).toBe(0);
        expect(words(result.stdout)).toEqual({});
    });

    it('allumée : les mots que le dictionnaire et samples/data-engineer/referentiel-mots.txt ne connaissent pas', () => {
        const result = runCli(['lint', SAMPLE, '--rule', 'REF606=info', '-f', 'json']);
        expect(result.code, result.stderr).toBe(0);
        expect(words(result.stdout)).toEqual({ oeuvre: 11, rdv: 1 });
        expect(readFileSync(path.join(SAMPLE, 'referentiel-mots.txt'), 'utf8')).toContain('\nLearning\n');
        const doc = readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
        expect(doc).toContain('| REF606 orthographe (éteinte par défaut) | 12 (11 « oeuvre », 1 « rdv ») ; 32 sans referentiel-mots.txt | 57 (33 mots distincts) |');
    });
});
