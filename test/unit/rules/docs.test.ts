import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, type RuleDefinition } from '../../../language-server/src/validation/rules.js';
import { all, exampleFiles, lint } from './util.js';

/**
 * docs/rules.md est vérifiée comme du code : chaque règle y a sa section, le tableau résumé
 * dit la vérité (sévérité, catégorie, correction), et l'exemple « À éviter » de chaque section
 * déclenche la règle tandis que l'exemple « Correct » ne la déclenche pas.
 */
const DOC = readFileSync(path.resolve(__dirname, '../../../docs/rules.md'), 'utf8');

const SEVERITY_FR: Record<RuleDefinition['severity'], string> = { error: 'erreur', warning: 'avertissement', info: 'info' };
const CATEGORY_FR: Record<RuleDefinition['category'], string> = {
    syntaxe: 'syntaxe', coherence: 'cohérence', couverture: 'couverture',
    numerotation: 'numérotation', obtention: 'obtention', accessibilite: 'accessibilité', redaction: 'rédaction'
};

/** La section d'une règle : de son titre au titre suivant de même niveau ou plus haut. */
function section(code: string): string {
    const lines = DOC.split('\n');
    const start = lines.findIndex(l => new RegExp(`^#{2,3} ${code}\\b`).test(l));
    if (start < 0) return '';
    const level = lines[start].indexOf(' ');
    let end = lines.findIndex((l, i) => i > start && /^#{1,3} /.test(l) && l.indexOf(' ') <= level);
    if (end < 0) end = lines.length;
    return lines.slice(start, end).join('\n');
}

/** Le premier bloc ```ref qui suit un repère (« **À éviter** », « **Correct** »). */
function exampleAfter(text: string, marker: string): string | undefined {
    const at = text.indexOf(marker);
    if (at < 0) return undefined;
    const m = /```ref\n([\s\S]*?)```/.exec(text.slice(at));
    return m?.[1];
}

async function codesOf(example: string): Promise<string[]> {
    const files = exampleFiles(example);
    // Les règles éteintes par défaut (REF606, l'orthographe) sont allumées pour leurs exemples.
    const rules = Object.fromEntries(RULES.filter(rule => rule.defaultOff).map(rule => [rule.code, rule.severity]));
    const ws = await lint(files, { redaction: true, rules });
    return Object.keys(files).flatMap(name => all(ws, name).map(d => String(d.code)));
}

describe('docs/rules.md', () => {
    it('chaque code du catalogue a sa section (un titre « ### REFnnn — … »)', () => {
        const headings = [...DOC.matchAll(/^### (REF\d{3}) — (.+)$/gm)].map(m => m[1]);
        for (const rule of RULES) {
            expect(headings, rule.code).toContain(rule.code);
        }
        expect(headings.length).toBe(RULES.length);
    });

    it('le titre de chaque section est celui du catalogue, avec le titre anglais et la sévérité', () => {
        for (const rule of RULES) {
            const text = section(rule.code);
            expect(text.split('\n')[0], rule.code).toBe(`### ${rule.code} — ${rule.title.fr}`);
            expect(text, rule.code).toContain(`*${rule.title.en}*`);
            expect(text, rule.code).toContain(`sévérité **${SEVERITY_FR[rule.severity]}**`);
            expect(text, rule.code).toContain(`catégorie ${CATEGORY_FR[rule.category]}`);
            expect(text, rule.code).toContain(rule.autofix ? 'correction automatique : **oui**' : 'correction automatique : non');
        }
    });

    it('le tableau résumé a une ligne exacte par règle', () => {
        for (const rule of RULES) {
            const row = DOC.split('\n').find(l => l.startsWith(`| [${rule.code}]`));
            expect(row, rule.code).toBeDefined();
            const cells = row!.split('|').slice(2, -1).map(c => c.trim());
            expect(cells, rule.code).toEqual([rule.title.fr, rule.title.en, SEVERITY_FR[rule.severity], CATEGORY_FR[rule.category], rule.autofix ? 'oui' : 'non']);
        }
    });

    for (const rule of RULES) {
        it(`${rule.code} : l'exemple « À éviter » déclenche la règle, l'exemple « Correct » non`, async () => {
            const text = section(rule.code);
            const bad = exampleAfter(text, '**À éviter**');
            const good = exampleAfter(text, '**Correct**');
            expect(bad, `${rule.code} : exemple « À éviter »`).toBeDefined();
            expect(good, `${rule.code} : exemple « Correct »`).toBeDefined();
            expect(await codesOf(bad!)).toContain(rule.code);
            const goodCodes = await codesOf(good!);
            expect(goodCodes).not.toContain(rule.code);
            // Un exemple correct est un texte valide : il s'analyse et ses références se résolvent.
            expect(goodCodes).not.toContain('REF001');
            expect(goodCodes).not.toContain('REF002');
        });
    }
});
