import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import type { Log, Result } from 'sarif';
import { validateXML } from 'xmllint-wasm';
import { afterEach, describe, expect, it } from 'vitest';
import { xml } from '../../language-server/src/cli/reporters.js';
import { RULES } from '../../language-server/src/validation/rules.js';
import { ROOT, runCli, tempCopy } from './run.js';

/**
 * Les rapports de `referentiel lint` contre les définitions officielles (copiées dans
 * test/fixtures/standards, voir son README) et les règles des lecteurs réels : GitHub code
 * scanning (SARIF), Jenkins et GitLab (JUnit), GitHub Actions (résumé d'étape).
 */
const STANDARDS = path.join(ROOT, 'test', 'fixtures', 'standards');
const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function sarifValidator() {
    const ajv = new Ajv04({ allErrors: true, strict: false });
    addFormats(ajv);
    return ajv.compile(JSON.parse(readFileSync(path.join(STANDARDS, 'sarif-schema-2.1.0.json'), 'utf8')));
}

function sarifOf(args: string[], cwd?: string): Log {
    const r = runCli(['lint', ...args, '--format', 'sarif'], { cwd });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as Log;
}

describe('SARIF 2.1.0 (GitHub code scanning)', () => {
    it('est valide selon le schéma officiel et suit les règles de GitHub', () => {
        const log = sarifOf(['test/fixtures/cli/erreurs', 'test/fixtures/cli/avertissements', '--docs-url', 'https://exemple.fr/referentiel/docs']);
        const validate = sarifValidator();
        expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);
        const run = log.runs[0];
        expect(run.columnKind).toBe('utf16CodeUnits');
        expect(run.tool.driver.informationUri).toBe('https://exemple.fr/referentiel/docs/ci.md');
        expect(run.originalUriBaseIds!['%SRCROOT%'].uri).toBe(pathToFileURL(ROOT).href + '/');
        expect(run.results!.length).toBeGreaterThan(3);
        for (const result of run.results!) {
            expect(result.ruleId).toMatch(/^REF\d{3}$/);
            expect(result.partialFingerprints!['referentiel/v1']).toMatch(/^[0-9a-f]{32}$/);
            const location = result.locations![0].physicalLocation!.artifactLocation!;
            expect(location.uriBaseId).toBe('%SRCROOT%');
            expect(location.uri).toMatch(/^test\/fixtures\/cli\/(erreurs|avertissements)\/[a-z]+\.ref$/);
        }
        const fingerprints = run.results!.map(r => r.partialFingerprints!['referentiel/v1']);
        expect(new Set(fingerprints).size).toBe(fingerprints.length);
    });

    it('chaque règle : helpUri vers sa section de docs/rules.md, le « pourquoi », des étiquettes et problem.severity', () => {
        const rules = sarifOf(['test/fixtures/cli/propre', '--docs-url', 'https://exemple.fr/docs/']).runs[0].tool.driver.rules!;
        const doc = readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
        // Les ancres du tableau résumé de docs/rules.md sont celles que GitHub donne aux titres.
        const anchors = new Map([...doc.matchAll(/^\| \[(REF\d{3})\]\(#([^)]+)\)/gm)].map(m => [m[1], m[2]]));
        expect(rules.map(r => r.id)).toEqual(RULES.map(r => r.code));
        for (const rule of rules) {
            const definition = RULES.find(r => r.code === rule.id)!;
            const [base, anchor] = rule.helpUri!.split('#');
            expect(base).toBe('https://exemple.fr/docs/rules.md');
            expect(decodeURIComponent(anchor)).toBe(anchors.get(rule.id));
            const section = doc.slice(doc.indexOf(`### ${rule.id} `));
            const why = /\*\*Pourquoi\.\*\* ([^]*?)\n\n/.exec(section)![1].replace(/\s+/g, ' ').replace(/\*\*/g, '');
            expect(rule.fullDescription!.text).toBe(why);
            expect(rule.fullDescription!.text).not.toBe(rule.shortDescription!.text);
            expect(rule.help!.text.length).toBeGreaterThan(40);
            expect(rule.properties!.tags).toEqual(expect.arrayContaining(['referentiel', definition.category]));
            expect(rule.properties!['problem.severity']).toBe({ error: 'error', warning: 'warning', info: 'recommendation' }[definition.severity]);
        }
    });

    it('lancé depuis un sous-dossier, les URI restent relatives à la racine du dépôt', () => {
        const log = sarifOf(['erreurs'], path.join(ROOT, 'test', 'fixtures', 'cli'));
        expect(sarifValidator()(log)).toBe(true);
        const location = log.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!;
        expect(location).toMatchObject({ uri: 'test/fixtures/cli/erreurs/casse.ref', uriBaseId: '%SRCROOT%' });
        expect(log.runs[0].originalUriBaseIds!['%SRCROOT%'].uri).toBe(pathToFileURL(ROOT).href + '/');
    });

    it('--base-path donne la racine ; un fichier hors de la racine a une URI file:// absolue', () => {
        const { dir, cleanup } = tempCopy('test/fixtures/cli');
        cleanups.push(cleanup);
        const inside = sarifOf(['casse.ref', '--base-path', dir], path.join(dir, 'erreurs'));
        expect(inside.runs[0].originalUriBaseIds!['%SRCROOT%'].uri).toBe(pathToFileURL(dir).href + '/');
        expect(inside.runs[0].results![0].locations![0].physicalLocation!.artifactLocation).toMatchObject({ uri: 'erreurs/casse.ref', uriBaseId: '%SRCROOT%' });
        const outside = sarifOf([path.join(dir, 'erreurs')]);
        const location = outside.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!;
        expect(location.uriBaseId).toBeUndefined();
        expect(location.uri).toBe(pathToFileURL(path.join(dir, 'erreurs', 'casse.ref')).href);
        expect(sarifValidator()(outside)).toBe(true);
        // Une racine qui n'existe pas : erreur d'usage.
        expect(runCli(['lint', path.join(dir, 'erreurs'), '--format', 'sarif', '--base-path', path.join(dir, 'absent')]).code).toBe(2);
    });

    it('partialFingerprints : une ligne ajoutée plus haut ne change aucune empreinte', () => {
        const { dir, cleanup } = tempCopy('test/fixtures/cli/avertissements');
        cleanups.push(cleanup);
        const key = (r: Result): string => `${r.ruleId} ${r.partialFingerprints!['referentiel/v1']}`;
        const before = sarifOf(['.'], dir).runs[0].results!;
        const file = path.join(dir, 'numeros.ref');
        writeFileSync(file, '// Une remarque ajoutée sans rapport avec les diagnostics\n\n' + readFileSync(file, 'utf8'));
        const after = sarifOf(['.'], dir).runs[0].results!;
        expect(after.map(r => r.locations![0].physicalLocation!.region!.startLine))
            .toEqual(before.map(r => r.locations![0].physicalLocation!.region!.startLine! + 2));
        expect(after.map(key)).toEqual(before.map(key));
    });

    it('--docs-url refuse une adresse qui n\'est pas http(s)', () => {
        const r = runCli(['lint', 'test/fixtures/cli/propre', '--format', 'sarif', '--docs-url', 'docs/']);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('Option --docs-url « docs/ » invalide');
    });
});

async function validJunit(xml: string): Promise<void> {
    const result = await validateXML({
        xml: [{ fileName: 'rapport.xml', contents: xml }],
        schema: [{ fileName: 'junit-10.xsd', contents: readFileSync(path.join(STANDARDS, 'jenkins-xunit-junit-10.xsd'), 'utf8') }]
    });
    expect(result.errors.map(e => e.message)).toEqual([]);
    expect(result.valid).toBe(true);
}

describe('JUnit (Jenkins xunit, GitLab)', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: name => name === 'testsuite' || name === 'testcase' });

    it('valide selon le schéma de Jenkins ; time et timestamp ; les avertissements ne sont pas des échecs', async () => {
        const r = runCli(['lint', 'test/fixtures/cli/erreurs', 'test/fixtures/cli/avertissements', 'test/fixtures/cli/propre', '--format', 'junit']);
        await validJunit(r.stdout);
        const report = parser.parse(r.stdout).testsuites;
        expect(report.time).toMatch(/^\d+\.\d{3}$/);
        expect(report.failures).toBe('3');
        const suites = report.testsuite as Array<Record<string, string> & { testcase: Array<Record<string, unknown>> }>;
        for (const suite of suites) {
            expect(suite.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
            expect(suite.time).toMatch(/^\d+\.\d{3}$/);
        }
        const warnings = suites.find(s => s.name.endsWith('numeros.ref'))!;
        expect(warnings.tests).toBe('3');
        expect(warnings.failures).toBe('0');
        for (const testcase of warnings.testcase) {
            expect(testcase.failure).toBeUndefined();
            expect(String(testcase['system-out'])).toMatch(/ avertissement REF\d{3} /);
        }
        const errors = suites.find(s => s.name.endsWith('casse.ref'))!;
        expect(errors.failures).toBe('3');
    });

    it('--junit-warnings-as-failures : les avertissements deviennent des échecs', async () => {
        const r = runCli(['lint', 'test/fixtures/cli/avertissements', '--format', 'junit', '--junit-warnings-as-failures']);
        await validJunit(r.stdout);
        const suite = parser.parse(r.stdout).testsuites.testsuite[0];
        expect(Number(suite.failures)).toBe(Number(suite.tests));
        expect(suite.testcase.every((t: { failure?: { type: string } }) => t.failure?.type === 'warning')).toBe(true);
    });

    it('un saut de ligne dans un attribut s\'écrit &#10; (et se relit comme un saut de ligne)', async () => {
        const message = 'Première ligne\nseconde « ligne » & <fin>';
        const document = `<testsuites><testsuite name="x" tests="1" failures="1" errors="0"><testcase name="t"><failure message="${xml(message)}">${xml(message)}</failure></testcase></testsuite></testsuites>`;
        expect(xml(message)).toBe('Première ligne&#10;seconde « ligne » &amp; &lt;fin&gt;');
        await validJunit(document);
        const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true, htmlEntities: true }).parse(document);
        expect(parsed.testsuites.testsuite.testcase.failure.message).toBe(message);
    });
});

describe('GitHub Actions : résumé de l\'étape', () => {
    it('avec GITHUB_STEP_SUMMARY, un tableau Markdown de tous les problèmes est ajouté au fichier', () => {
        const { dir, cleanup } = tempCopy('test/fixtures/cli/propre');
        cleanups.push(cleanup);
        const summary = path.join(dir, 'resume.md');
        writeFileSync(summary, '# Étape précédente\n\n');
        const r = runCli(['lint', 'test/fixtures/cli/erreurs', 'test/fixtures/cli/avertissements', '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
        const annotations = r.stdout.trim().split('\n');
        const text = readFileSync(summary, 'utf8');
        expect(text.startsWith('# Étape précédente\n\n## Vérification des référentiels\n')).toBe(true);
        const rows = text.split('\n').filter(l => /^\| test\//.test(l));
        expect(rows).toHaveLength(annotations.length);
        expect(annotations.filter(l => l.startsWith('::warning')).length).toBeGreaterThan(0);
        expect(text).toContain('| Fichier | Ligne | Colonne | Sévérité | Code | Message |');
        expect(rows).toContain('| test/fixtures/cli/erreurs/casse.ref | 7 | 16 | erreur | REF101 | La compétence C1.1 n\'est évaluée par aucune modalité : ajoutez-la à la liste « évalue » d\'une modalité. |');
    });

    it('sans GITHUB_STEP_SUMMARY, rien d\'autre que les annotations', () => {
        const r = runCli(['lint', 'test/fixtures/cli/erreurs', '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: undefined } });
        expect(r.stdout.trim().split('\n').every(l => l.startsWith('::error '))).toBe(true);
    });
});
