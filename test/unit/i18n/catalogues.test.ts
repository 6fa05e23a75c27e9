import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { allMessages, fill, parseTemplate, type TemplatePart } from '../../../language-server/src/i18n/messages.js';
import type { Locale } from '../../../language-server/src/i18n/locale.js';
import { RULES } from '../../../language-server/src/validation/rules.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SRC = path.join(ROOT, 'language-server', 'src');

/** Les modules qui enregistrent des messages : trouvés dans les sources, pour couvrir aussi les catalogues à venir. */
function cataloguesModules(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) return cataloguesModules(file);
        return entry.name.endsWith('.ts') && /\bregisterMessages\(\{/.test(readFileSync(file, 'utf8')) ? [file] : [];
    });
}

/** Les paramètres d'un modèle : ceux qui choisissent une forme (pluriel) et les autres. */
function params(parts: readonly TemplatePart[], plural = new Set<string>(), plain = new Set<string>()): { plural: Set<string>; plain: Set<string> } {
    for (const part of parts) {
        if (part.kind === 'param') plain.add(part.name);
        if (part.kind === 'plural') {
            plural.add(part.name);
            params(part.one, plural, plain);
            params(part.many, plural, plain);
        }
    }
    return { plural, plain };
}

/** Toutes les combinaisons de valeurs des paramètres de choix : 0, 1, 2 et beaucoup pour chacun. */
function combinations(names: readonly string[]): Array<Record<string, number>> {
    let result: Array<Record<string, number>> = [{}];
    for (const name of names) {
        result = result.flatMap(combo => [0, 1, 2, 17].map(n => ({ ...combo, [name]: n })));
    }
    return result;
}

/**
 * Les débris de modèle restés dans un texte rendu. Les paramètres sont rendus « ⟦nom⟧ » pour que
 * les seuls caractères {, }, #, | permis soient ceux que le message écrit exprès : la syntaxe citée
 * entre guillemets (« | », '"', "{"), les exemples de code entre accolades espacées
 * (« obtention { … } », { "id": "…" }), les colonnes d'un tableau (« a | b ») et les barres de
 * progression (|⟦bar⟧|), le numéro anglais (#⟦n⟧).
 */
function debris(text: string): string[] {
    let rest = text
        .replace(/'.'/g, '')
        .replace(/«[^»]*»/g, '')
        .replace(/"[^"]*"/g, '')
        .replace(/ \| /g, ' ')
        .replace(/\|⟦\w+⟧\|/g, '')
        .replace(/#⟦\w+⟧/g, '');
    for (let previous = ''; previous !== rest;) {
        previous = rest;
        rest = rest.replace(/\{ [^{}]* \}/g, '');
    }
    return [...rest.matchAll(/[{}#|]/g)].map(m => m[0]);
}

interface Rendered { key: string; locale: Locale; values: Record<string, number>; text: string }

function renderAll(key: string, template: string, locale: Locale): Rendered[] {
    const { plural, plain } = params(parseTemplate(template));
    return combinations([...plural]).map(values => {
        const all: Record<string, string | number> = {};
        for (const name of plain) all[name] = `⟦${name}⟧`;
        Object.assign(all, values);
        return { key, locale, values, text: fill(template, all, locale) };
    });
}

const LOCALES: Locale[] = ['fr', 'en'];

describe('tous les messages de tous les catalogues, dans toutes leurs formes', () => {
    let entries: Array<readonly [string, { fr: string; en: string }]> = [];
    let modules: string[] = [];

    beforeAll(async () => {
        modules = cataloguesModules(SRC);
        for (const file of modules) await import(pathToFileURL(file).href);
        entries = [
            ...allMessages(),
            ...RULES.flatMap(r => [
                [`${r.code}.title`, r.title] as const,
                [`${r.code}.message`, r.message] as const,
                ...(r.related ? [[`${r.code}.related`, r.related] as const] : [])
            ])
        ];
    });

    it('trouve les catalogues des modules (moteur, rapports, dossiers, ligne de commande, LSP)', () => {
        const names = modules.map(f => path.relative(SRC, f).replace(/\\/g, '/'));
        expect(names).toEqual(expect.arrayContaining(['evaluation/engine-messages.ts', 'evaluation/candidate-messages.ts', 'cli/cli-messages.ts', 'lsp/lsp-messages.ts']));
        const keys = new Set(entries.map(e => e[0]));
        expect(keys.has('eval.comp.criteres.acquise')).toBe(true);
        expect(keys.has('REF004.message')).toBe(true);
        expect(entries.length).toBeGreaterThan(300);
    });

    it('chaque modèle s\'analyse, en français et en anglais', () => {
        const broken: string[] = [];
        for (const [key, entry] of entries) {
            for (const locale of LOCALES) {
                try {
                    parseTemplate(entry[locale]);
                } catch (e) {
                    broken.push(`${key} (${locale}) : ${(e as Error).message}`);
                }
            }
        }
        expect(broken).toEqual([]);
    });

    it('aucun débris ({, }, #, |) dans aucune forme rendue', () => {
        const bad: string[] = [];
        let count = 0;
        for (const [key, entry] of entries) {
            for (const locale of LOCALES) {
                for (const r of renderAll(key, entry[locale], locale)) {
                    count++;
                    if (debris(r.text).length > 0) bad.push(`${key} (${locale}, ${JSON.stringify(r.values)}) → ${r.text}`);
                }
            }
        }
        expect(bad).toEqual([]);
        expect(count).toBeGreaterThan(entries.length * 2);
    });

    it('les deux langues ont les mêmes paramètres', () => {
        const differ: string[] = [];
        for (const [key, entry] of entries) {
            const fr = params(parseTemplate(entry.fr));
            const en = params(parseTemplate(entry.en));
            const all = (p: { plural: Set<string>; plain: Set<string> }): string => [...new Set([...p.plural, ...p.plain])].sort().join(',');
            if (all(fr) !== all(en)) differ.push(`${key} : fr {${all(fr)}} / en {${all(en)}}`);
        }
        expect(differ).toEqual([]);
    });
});

describe('le moteur de rendu', () => {
    it('un pluriel dans un pluriel (le défaut du rapport)', () => {
        const t = 'Acquise : {count#son critère est satisfait|ses {count} critères sont satisfaits} ({criteres}).';
        expect(fill(t, { count: 2, criteres: 'CR1.1.1 et CR1.1.2' }, 'fr')).toBe('Acquise : ses 2 critères sont satisfaits (CR1.1.1 et CR1.1.2).');
        expect(fill(t, { count: 1, criteres: 'CR1.1.1' }, 'fr')).toBe('Acquise : son critère est satisfait (CR1.1.1).');
        expect(fill('{a#un {b#b|bs}|des {b#b|bs}}', { a: 1, b: 3 }, 'en')).toBe('un bs');
        expect(fill('{a#un {b#b|bs}|des {b#b|bs}}', { a: 3, b: 1 }, 'en')).toBe('des b');
    });

    it('français : 0 et 1 au singulier ; anglais : 1 seulement', () => {
        expect(fill('{n} {n#fichier|fichiers}', { n: 0 }, 'fr')).toBe('0 fichier');
        expect(fill('{n} {n#file|files}', { n: 0 }, 'en')).toBe('0 files');
        expect(fill('{n} {n#file|files}', { n: 1 }, 'en')).toBe('1 file');
    });

    it('une accolade qui n\'ouvre pas un paramètre reste du texte ; un choix mal fermé est une erreur', () => {
        expect(fill('ajoutez « obtention { … } »', {}, 'fr')).toBe('ajoutez « obtention { … } »');
        expect(() => parseTemplate('{n#un|deux')).toThrow(/attendu/);
        expect(() => parseTemplate('{n#un}')).toThrow(/attendu/);
    });
});
