import { cpSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './run.js';

/**
 * docs/ci.md n'est vrai que si ses commandes marchent : on les extrait du document et on les
 * exécute telles quelles (`npx referentiel` → le programme construit) dans un dépôt d'essai
 * qui contient des référentiels dans `referentiels/`.
 */
const doc = readFileSync(path.join(ROOT, 'docs', 'ci.md'), 'utf8');
const repo = tempDir();
cpSync(path.join(ROOT, 'test/fixtures/cli/erreurs'), path.join(repo.dir, 'referentiels', 'erreurs'), { recursive: true });
cpSync(path.join(ROOT, 'test/fixtures/cli/avertissements'), path.join(repo.dir, 'referentiels', 'avertissements'), { recursive: true });
cpSync(path.join(ROOT, 'test/fixtures/cli/propre'), path.join(repo.dir, 'referentiels', 'propre'), { recursive: true });
afterAll(() => repo.cleanup());

function commandsIn(language: string): string[] {
    const blocks = [...doc.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map(m => m[1]);
    return blocks.flatMap(block => [...block.matchAll(/npx referentiel ([^\n"]+)/g)].map(m => m[1].trim()));
}

function run(command: string) {
    return runCli(command.split(/\s+/), { cwd: repo.dir });
}

describe('docs/ci.md', () => {
    it('GitHub Actions : annotations puis SARIF écrit dans le fichier téléversé', () => {
        const commands = commandsIn('yaml').filter(c => c.includes('github') || c.includes('sarif'));
        expect(commands).toEqual([
            'lint referentiels --format github --max-warnings 0',
            'lint referentiels --format sarif --output-file referentiel.sarif'
        ]);
        const annotations = run(commands[0]);
        expect(annotations.code).toBe(1);
        expect(annotations.stdout).toMatch(/^::error file=referentiels\/erreurs\/casse\.ref,line=7,col=16,endLine=7,endColumn=20,title=REF101::/m);
        expect(annotations.stdout).toMatch(/^::warning file=referentiels\/avertissements\/numeros\.ref,line=7,col=16,/m);
        const sarif = run(commands[1]);
        expect(sarif.code).toBe(1);
        const uploaded = /sarif_file: (\S+)/.exec(doc)![1];
        const log = JSON.parse(readFileSync(path.join(repo.dir, uploaded), 'utf8'));
        expect(log.version).toBe('2.1.0');
        expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('REF101');
    });

    it('GitLab CI : le rapport JUnit déclaré en artefact', () => {
        const [command] = commandsIn('yaml').filter(c => c.includes('junit'));
        const result = run(command);
        expect(result.code).toBe(1);
        const report = /junit: (\S+)/.exec(doc)![1];
        expect(existsSync(path.join(repo.dir, report))).toBe(true);
        const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(path.join(repo.dir, report), 'utf8'));
        // Trois erreurs en échec ; les trois avertissements sont des cas réussis (docs/ci.md).
        expect(Number(xml.testsuites.failures)).toBe(3);
        expect(Number(xml.testsuites.tests)).toBe(7);
    });

    it('VS Code : la tâche et ses problem matchers lisent chaque ligne du format stylish', () => {
        const tasks = JSON.parse(/```json\n([\s\S]*?)```/.exec(doc)![1]);
        const task = tasks.tasks[0];
        const result = run(task.command.replace(/^npx referentiel /, ''));
        expect(result.code).toBe(1);
        const lines = result.stdout.split('\n').filter(l => /\.ref:\d+:\d+ /.test(l));
        expect(lines.length).toBe(6);
        const matched = lines.map(line => {
            for (const matcher of task.problemMatcher) {
                const m = new RegExp(matcher.pattern.regexp).exec(line);
                if (m) {
                    return { file: m[matcher.pattern.file], line: Number(m[matcher.pattern.line]), column: Number(m[matcher.pattern.column]), code: m[matcher.pattern.code], severity: matcher.severity, message: m[matcher.pattern.message] };
                }
            }
            return undefined;
        });
        expect(matched.every(Boolean)).toBe(true);
        expect(matched).toContainEqual(expect.objectContaining({ file: 'referentiels/erreurs/casse.ref', line: 7, column: 16, code: 'REF101', severity: 'error' }));
        expect(matched).toContainEqual(expect.objectContaining({ file: 'referentiels/avertissements/numeros.ref', line: 8, code: 'REF202', severity: 'warning' }));
        for (const m of matched) {
            expect(existsSync(path.join(repo.dir, m!.file))).toBe(true);
        }
    });
});
