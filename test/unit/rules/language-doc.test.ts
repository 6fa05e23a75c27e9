import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { all, exampleFiles, lint, refBlocks } from './util.js';

/**
 * Chaque exemple ```ref de docs/language.md s'analyse sans erreur de syntaxe (REF001), et ses
 * références se résolvent (REF002, REF301) : la référence du langage ne montre que du vrai.
 */
const DOC = readFileSync(path.resolve(__dirname, '../../../docs/language.md'), 'utf8');
const blocks = refBlocks(DOC);

describe('docs/language.md', () => {
    it('contient des exemples', () => {
        expect(blocks.length).toBeGreaterThanOrEqual(15);
    });

    for (const block of blocks) {
        it(`l'exemple de la ligne ${block.line} s'analyse et ses références se résolvent`, async () => {
            const files = exampleFiles(block.code);
            const ws = await lint(files);
            for (const name of Object.keys(files)) {
                const problems = all(ws, name)
                    .filter(d => d.code === 'REF001' || d.code === 'REF002' || d.code === 'REF301')
                    .map(d => `${name}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
                expect(problems).toEqual([]);
            }
        });
    }

    it('le premier exemple est un référentiel complet, sans aucune remarque', async () => {
        const files = exampleFiles(blocks[0].code);
        const ws = await lint(files);
        for (const name of Object.keys(files)) {
            expect(all(ws, name).map(d => `${d.code} ${d.message}`)).toEqual([]);
        }
    });

    it('l\'exemple des codes irréguliers montre bien ce que la page annonce', async () => {
        const block = blocks.find(b => b.code.includes('Les codes tels qu\'ils sont publiés'))!;
        const ws = await lint(exampleFiles(block.code));
        const codes = all(ws, 'exemple.ref').map(d => `${d.code} ${d.message}`);
        expect(codes).toContainEqual(expect.stringMatching(/^REF203 Le code « A1\. 2 »/));
        expect(codes).toContainEqual(expect.stringMatching(/^REF202 Le code « C1\.2\. »/));
        expect(codes).toContainEqual(expect.stringMatching(/^REF201 « C1-3 »/));
        expect(codes.filter(c => /^REF20[1-6]|^REF003/.test(c))).toHaveLength(3);
    });

    it('dit qu\'il n\'y a pas d\'alias anglais des mots-clés', () => {
        expect(DOC).toMatch(/pas d'alias\s+anglais/);
    });

    it('liste tous les mots-clés de la grammaire', () => {
        const grammar = readFileSync(path.resolve(__dirname, '../../../grammar/referentiel.langium'), 'utf8');
        const keywords = new Set([...grammar.matchAll(/'([a-zà-ÿ]+)'/g)].map(m => m[1]));
        const section = DOC.slice(DOC.indexOf('## Mots-clés'));
        for (const keyword of keywords) {
            expect(section, keyword).toContain('`' + keyword + '`');
        }
    });
});
