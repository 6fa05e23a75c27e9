import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempCopy, tempDir } from './run.js';

const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

describe('referentiel lint — codes de sortie', () => {
    it('0 et un résumé quand le référentiel est propre', () => {
        const r = runCli(['lint', 'test/fixtures/cli/propre']);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toBe('✔ Aucun problème (1 fichier vérifié).\n');
    });

    it('1 quand il y a des erreurs, avec fichier:ligne:colonne sévérité code message', () => {
        const r = runCli(['lint', 'test/fixtures/cli/erreurs']);
        expect(r.code).toBe(1);
        const lines = r.stdout.trim().split('\n');
        expect(lines).toContain('test/fixtures/cli/erreurs/casse.ref:2:12 erreur REF008 Le niveau 9 n\'existe pas : le cadre européen des certifications va de 1 à 8.');
        expect(lines).toContain('test/fixtures/cli/erreurs/casse.ref:7:16 erreur REF101 La compétence C1.1 n\'est évaluée par aucune modalité : ajoutez-la à la liste « évalue » d\'une modalité.');
        expect(lines).toContain('test/fixtures/cli/erreurs/casse.ref:10:22 erreur REF002 La compétence « C1.9 » n\'existe pas dans le référentiel CASSE. Vouliez-vous dire C1.1, C1.2 ?');
        expect(lines[lines.length - 1]).toBe('✖ 3 problèmes : 3 erreurs, 0 avertissement, 0 info — 1 fichier vérifié.');
    });

    it('0 avec des avertissements, 1 au-delà de --max-warnings', () => {
        expect(runCli(['lint', 'test/fixtures/cli/avertissements']).code).toBe(0);
        expect(runCli(['lint', 'test/fixtures/cli/avertissements', '--max-warnings', '3']).code).toBe(0);
        const r = runCli(['lint', 'test/fixtures/cli/avertissements', '--max-warnings', '2']);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain('✖ 3 avertissements pour un maximum autorisé de 2 (--max-warnings).');
    });

    it('--quiet ne montre que les erreurs', () => {
        const r = runCli(['lint', 'test/fixtures/cli/erreurs', 'test/fixtures/cli/avertissements', '--quiet']);
        expect(r.code).toBe(1);
        expect(r.stdout).not.toContain('avertissement REF');
        expect(r.stdout).toContain('erreur REF101');
        // Ce qui est tu est compté : la personne sait qu'il reste des avertissements.
        expect(r.stdout.trim().split('\n').pop()).toBe('  --quiet : 3 avertissements masqués et 0 info masquée (relancez sans --quiet pour les voir).');
        expect(runCli(['lint', 'test/fixtures/cli/avertissements']).stdout).not.toContain('masqu');
    });

    it('l\'aide de chaque commande est en français : rien de ce que commander ajoute en anglais', () => {
        for (const command of [[], ['lint'], ['export'], ['format'], ['import'], ['evaluate'], ['verify']]) {
            const r = runCli([...command, '--help']);
            expect(r.code).toBe(0);
            expect(r.stdout).not.toMatch(/\bdefault:|\bchoices:|\[command\]|Usage:|Options:\n|Arguments:\n/);
            // Chaque description de commande commence par une capitale et finit par un point.
            const description = r.stdout.split('\n\n')[1].replace(/\s+/g, ' ').trim();
            expect(description, command.join(' ')).toMatch(/^\p{Lu}.*\.$/u);
        }
        expect(runCli(['lint', '--help']).stdout).toContain('(par défaut : « stylish »)');
        expect(runCli(['--help']).stdout).toContain('Utilisation : referentiel [options] [commande]');
        expect(runCli(['--locale', 'en', 'lint', '--help']).stdout).toContain('(default: "stylish")');
    });

    it('--rule change ou coupe une règle', () => {
        const off = runCli(['lint', 'test/fixtures/cli/erreurs', '--rule', 'REF101=off', '--rule', 'REF008=warning']);
        expect(off.stdout).not.toContain('REF101');
        expect(off.stdout).toContain('avertissement REF008');
        expect(off.code).toBe(1); // REF002 reste une erreur
    });

    it('2 pour un chemin introuvable, une option inconnue, un format inconnu, une règle inconnue — sans pile', () => {
        const cases: Array<[string[], RegExp]> = [
            [['lint', 'nulle-part'], /nulle-part : fichier ou dossier introuvable/],
            [['lint', 'test/fixtures/cli/propre', '--bogus'], /Option inconnue « --bogus »/],
            [['lint', 'test/fixtures/cli/propre', '--format', 'xml'], /Format inconnu « xml »\. Formats possibles : stylish, json, sarif, github et junit/],
            [['lint', 'test/fixtures/cli/propre', '--rule', 'REF999=off'], /Règle inconnue « REF999 »/],
            [['lint', 'test/fixtures/cli/propre', '--rule', 'REF101'], /Option --rule « REF101 » invalide/],
            [['lint', 'test/fixtures/cli/propre', '--max-warnings', 'beaucoup'], /« beaucoup » n'est pas un entier/],
            [['lint', 'package.json'], /package.json n'est pas un fichier \.ref/],
            [['lint'], /Argument manquant/],
            [['lnt', 'x'], /Commande inconnue « lnt »\. Vouliez-vous dire lint \?/],
            [['--locale', 'de', 'lint', 'x'], /Langue inconnue « de »/]
        ];
        for (const [args, expected] of cases) {
            const r = runCli(args);
            expect(r.code, args.join(' ')).toBe(2);
            expect(r.stderr, args.join(' ')).toMatch(expected);
            expect(r.stderr).not.toMatch(/\n\s+at /);
        }
    });

    it('2 pour un fichier qui n\'est pas en UTF-8, avec la ligne', () => {
        const { dir, cleanup } = tempDir();
        cleanups.push(cleanup);
        writeFileSync(path.join(dir, 'latin1.ref'), Buffer.from('certification X "Premi\xe8re" {\n}\n', 'latin1'));
        const r = runCli(['lint', dir]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/latin1\.ref : ce fichier n'est pas en UTF-8 \(octet invalide ligne 1\)/);
    });

    it('un dossier sans .ref est une erreur d\'usage', () => {
        const { dir, cleanup } = tempDir();
        cleanups.push(cleanup);
        const r = runCli(['lint', dir]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/Aucun fichier \.ref/);
    });

    it('messages en anglais avec --locale en ou LANG=en_US', () => {
        const a = runCli(['--locale', 'en', 'lint', 'test/fixtures/cli/erreurs']);
        expect(a.stdout).toContain('error REF101 Competency C1.1 is assessed by no assessment situation');
        expect(a.stdout).toContain('✖ 3 problems: 3 errors, 0 warnings, 0 infos — 1 file checked.');
        const b = runCli(['lint', 'test/fixtures/cli/erreurs'], { env: { LANG: 'en_US.UTF-8' } });
        expect(b.stdout).toContain('Did you mean C1.1, C1.2?');
    });

    it('un fichier d\'un référentiel découpé se lie aux fichiers de son dossier', () => {
        const r = runCli(['lint', 'test/fixtures/cli/decoupe/bloc1.ref']);
        // C1.1 est évaluée par une modalité de bloc2.ref : pas de REF101 ; seul bloc1.ref est rapporté.
        // (Seulement par une modalité d'un autre bloc : REF604, qui désigne cette modalité de bloc2.ref.)
        expect(r.stdout).not.toContain('REF101');
        expect(r.stdout).not.toMatch(/^test\/fixtures\/cli\/decoupe\/bloc2\.ref/m);
        expect(r.stdout).toContain('bloc1.ref:5:16 info REF604 La compétence C1.1 du bloc BC01 n\'est évaluée que par M2.1');
        expect(r.stdout).toContain('  ↳ test/fixtures/cli/decoupe/bloc2.ref:6:14 Modalité M2.1, d\'un autre bloc, qui évalue C1.1');
        expect(r.code).toBe(0);
    });
});

describe('referentiel lint — formats', () => {
    it('json : fichiers, diagnostics et résumé', () => {
        const r = runCli(['lint', 'test/fixtures/cli/erreurs', 'test/fixtures/cli/propre', '--format', 'json']);
        expect(r.code).toBe(1);
        const report = JSON.parse(r.stdout);
        expect(report.resume).toEqual({ fichiers: 2, erreurs: 3, avertissements: 0, infos: 0, corrigeables: 0 });
        const casse = report.fichiers.find((f: { chemin: string }) => f.chemin.endsWith('casse.ref'));
        expect(casse.diagnostics.map((d: { code: string }) => d.code)).toEqual(['REF008', 'REF101', 'REF002']);
        expect(casse.diagnostics[1]).toMatchObject({ code: 'REF101', severite: 'error', ligne: 7, colonne: 16, ligneFin: 7, colonneFin: 20 });
    });

    it('sarif : SARIF 2.1.0 avec règles, niveaux et régions', () => {
        const r = runCli(['lint', 'test/fixtures/cli/erreurs', 'test/fixtures/cli/avertissements', '--format', 'sarif']);
        const log = JSON.parse(r.stdout) as Log;
        expect(log.version).toBe('2.1.0');
        const run = log.runs[0];
        expect(run.tool.driver.name).toBe('referentiel');
        const ruleIds = run.tool.driver.rules!.map(rule => rule.id);
        expect(ruleIds).toContain('REF101');
        for (const result of run.results!) {
            expect(ruleIds[result.ruleIndex!]).toBe(result.ruleId);
            expect(['error', 'warning', 'note']).toContain(result.level);
            const location = result.locations![0].physicalLocation!;
            expect(location.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
            expect(location.artifactLocation!.uri).toMatch(/^test\/fixtures\/cli\/(erreurs|avertissements)\/[a-z]+\.ref$/);
            expect(location.region!.startLine).toBeGreaterThan(0);
        }
        const ref101 = run.results!.find(x => x.ruleId === 'REF101')!;
        expect(ref101.level).toBe('error');
        expect(ref101.locations![0].physicalLocation!.region).toEqual({ startLine: 7, startColumn: 16, endLine: 7, endColumn: 20 });
        const ref201 = run.results!.find(x => x.ruleId === 'REF201')!;
        expect(ref201.level).toBe('warning');
    });

    it('github : une annotation ::error / ::warning par diagnostic', () => {
        const r = runCli(['lint', 'test/fixtures/cli/erreurs', 'test/fixtures/cli/avertissements', '--format', 'github']);
        const lines = r.stdout.trim().split('\n');
        expect(lines).toContain('::error file=test/fixtures/cli/erreurs/casse.ref,line=7,col=16,endLine=7,endColumn=20,title=REF101::La compétence C1.1 n\'est évaluée par aucune modalité : ajoutez-la à la liste « évalue » d\'une modalité.');
        expect(lines.filter(l => l.startsWith('::warning file=test/fixtures/cli/avertissements/numeros.ref'))).toHaveLength(3);
        expect(lines.every(l => /^::(error|warning|notice) file=/.test(l))).toBe(true);
    });

    it('junit : un testsuite par fichier, un échec par diagnostic', () => {
        const r = runCli(['lint', 'test/fixtures/cli/erreurs', 'test/fixtures/cli/propre', '--format', 'junit']);
        const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(r.stdout);
        const suites = xml.testsuites.testsuite;
        expect(xml.testsuites.failures).toBe('3');
        const casse = suites.find((s: { name: string }) => s.name.endsWith('casse.ref'));
        expect(casse.failures).toBe('3');
        expect(casse.testcase.map((t: { failure: { type: string } }) => t.failure.type)).toEqual(['error', 'error', 'error']);
        const propre = suites.find((s: { name: string }) => s.name.endsWith('mini.ref'));
        expect(propre.failures).toBe('0');
    });

    it('--output-file écrit le rapport et garde le résumé dans le terminal', () => {
        const { dir, cleanup } = tempDir();
        cleanups.push(cleanup);
        const out = path.join(dir, 'rapport', 'lint.sarif');
        const r = runCli(['lint', 'test/fixtures/cli/erreurs', '--format', 'sarif', '--output-file', out]);
        expect(r.code).toBe(1);
        expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
        expect(r.stdout.trim()).toBe('✖ 3 problèmes : 3 erreurs, 0 avertissement, 0 info — 1 fichier vérifié.');
    });
});

describe('referentiel lint — l\'autre endroit d\'un doublon (relatedInformation)', () => {
    const PRINCIPAL = 'test/fixtures/cli/doublons/principal.ref';
    const SUITE = 'test/fixtures/cli/doublons/suite.ref';
    const REF004 = 'Le code « M1 » est déjà utilisé par la modalité M1. Chaque code doit être unique dans le référentiel DOUBLONS.';
    const REF006 = 'Le référentiel DOUBLONS a déjà des règles d\'obtention. Réunissez-les dans un seul bloc « obtention ».';

    it('stylish : une ligne en retrait « ↳ fichier:ligne:colonne » sous le diagnostic, que les problem matchers ignorent', () => {
        const r = runCli(['lint', 'test/fixtures/cli/doublons']);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe([
            `${PRINCIPAL}:8:14 erreur REF004 ${REF004}`,
            `  ↳ ${SUITE}:6:14 Autre élément de code « M1 » : la modalité M1`,
            `${SUITE}:6:14 erreur REF004 ${REF004}`,
            `  ↳ ${PRINCIPAL}:8:14 Autre élément de code « M1 » : la modalité M1`,
            `${SUITE}:13:1 erreur REF006 ${REF006}`,
            `  ↳ ${PRINCIPAL}:15:1 Premières règles d'obtention du référentiel DOUBLONS`,
            '',
            '✖ 3 problèmes : 3 erreurs, 0 avertissement, 0 info — 2 fichiers vérifiés.',
            ''
        ].join('\n'));
    });

    it('json : « autresEmplacements » (chemin, positions, message), absent des diagnostics qui n\'en ont pas', () => {
        const report = JSON.parse(runCli(['lint', 'test/fixtures/cli/doublons', '--format', 'json']).stdout);
        const suite = report.fichiers.find((f: { chemin: string }) => f.chemin === SUITE);
        expect(suite.diagnostics.map((d: { code: string }) => d.code)).toEqual(['REF004', 'REF006']);
        expect(suite.diagnostics[0].autresEmplacements).toEqual([{ chemin: PRINCIPAL, ligne: 8, colonne: 14, ligneFin: 8, colonneFin: 16, message: 'Autre élément de code « M1 » : la modalité M1' }]);
        expect(suite.diagnostics[1].autresEmplacements).toEqual([{ chemin: PRINCIPAL, ligne: 15, colonne: 1, ligneFin: 15, colonneFin: 10, message: 'Premières règles d\'obtention du référentiel DOUBLONS' }]);
        const casse = JSON.parse(runCli(['lint', 'test/fixtures/cli/erreurs', '--format', 'json']).stdout).fichiers[0];
        for (const d of casse.diagnostics) expect(d).not.toHaveProperty('autresEmplacements');
    });

    it('sarif : relatedLocations avec région et message', () => {
        const log = JSON.parse(runCli(['lint', 'test/fixtures/cli/doublons', '--format', 'sarif']).stdout) as Log;
        const results = log.runs[0].results!;
        expect(results.map(x => x.ruleId)).toEqual(['REF004', 'REF004', 'REF006']);
        const artifacts = log.runs[0].artifacts!.map(a => a.location!.uri);
        const ref006 = results[2];
        expect(ref006.locations![0].physicalLocation!.artifactLocation!.uri).toBe(SUITE);
        expect(ref006.relatedLocations).toEqual([{
            id: 0,
            physicalLocation: {
                artifactLocation: { uri: PRINCIPAL, uriBaseId: '%SRCROOT%', index: artifacts.indexOf(PRINCIPAL) },
                region: { startLine: 15, startColumn: 1, endLine: 15, endColumn: 10 }
            },
            message: { text: 'Premières règles d\'obtention du référentiel DOUBLONS' }
        }]);
        expect(results[0].relatedLocations![0].physicalLocation!.artifactLocation!.uri).toBe(SUITE);
        expect(results[1].relatedLocations![0].physicalLocation!.artifactLocation!.uri).toBe(PRINCIPAL);
        const plain = JSON.parse(runCli(['lint', 'test/fixtures/cli/erreurs', '--format', 'sarif']).stdout) as Log;
        for (const result of plain.runs[0].results!) expect(result).not.toHaveProperty('relatedLocations');
    });

    it('github et junit : l\'autre endroit suit le message', () => {
        const annotations = runCli(['lint', 'test/fixtures/cli/doublons', '--format', 'github']).stdout.trim().split('\n');
        expect(annotations).toContain(`::error file=${SUITE},line=13,col=1,endLine=15,endColumn=2,title=REF006::${REF006}%0A${PRINCIPAL}:15:1 Premières règles d'obtention du référentiel DOUBLONS`);
        const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(runCli(['lint', 'test/fixtures/cli/doublons', '--format', 'junit']).stdout);
        const principal = xml.testsuites.testsuite.find((s: { name: string }) => s.name === PRINCIPAL);
        expect(principal.testcase.failure['#text']).toBe(`${PRINCIPAL}:8:14 erreur REF004 ${REF004}\n  ↳ ${SUITE}:6:14 Autre élément de code « M1 » : la modalité M1`);
    });
});

describe('referentiel lint --fix', () => {
    it('corrige séparateurs, points finaux et références répétées, et dit ce qu\'il a changé', () => {
        const { dir, cleanup } = tempCopy('test/fixtures/cli/avertissements');
        cleanups.push(cleanup);
        const r = runCli(['lint', '.', '--fix'], { cwd: dir });
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('✔ 4 corrections appliquées dans 1 fichier :');
        expect(r.stdout).toContain('numeros.ref:7:16  C1-2 → C1.2  (REF201)');
        expect(r.stdout).toContain('numeros.ref:8:16  C1.3. → C1.3  (REF202)');
        expect(r.stdout).toContain('numeros.ref:11:52  C1-2 → C1.2  (REF201)');
        expect(r.stdout).toContain('numeros.ref:10:32  « C1.1 » retiré (répété)  (REF110)');
        expect(r.stdout).toContain('✔ Aucun problème (1 fichier vérifié).');
        const text = readFileSync(path.join(dir, 'numeros.ref'), 'utf8');
        expect(text).toContain('compétence C1.2 "Concevoir la solution pour livrer"');
        expect(text).toContain('compétence C1.3 "Tester la solution pour la valider"');
        expect(text).toContain('évalue C1.1, C1.2, C1.3\n');
        expect(text).toContain('vérifie C1.1, C1.2, C1.3');
        // Une seconde passe ne trouve plus rien.
        expect(runCli(['lint', '.', '--fix'], { cwd: dir }).stdout).toContain('Aucune correction automatique à appliquer.');
    });
});

describe('referentiel lint — les fautes du catalogue (test/fixtures/slips/slips.json), comme dans l\'éditeur', () => {
    const slips: Array<{ name: string; file: string; find: string; replace: string }> = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'slips', 'slips.json'), 'utf8'));
    const slipped = (name: string): string => {
        const slip = slips.find(s => s.name === name)!;
        const { dir, cleanup } = tempCopy('samples/data-engineer');
        cleanups.push(cleanup);
        const file = path.join(dir, slip.file);
        writeFileSync(file, readFileSync(file, 'utf8').replace(slip.find, slip.replace));
        return dir;
    };
    const problems = (stdout: string): string[] => stdout.trim().split('\n').filter(line => / erreur REF/.test(line));

    it('un accent oublié : une seule erreur, qui dit le mot-clé', () => {
        const dir = slipped('critère sans accent');
        const r = runCli(['lint', dir]);
        expect(r.code).toBe(1);
        expect(problems(r.stdout).map(line => line.slice(dir.length + 1))).toEqual(['bc01.ref:50:9 erreur REF001 « critere » : vouliez-vous dire « critère » ?']);
    });

    it('une virgule oubliée, en anglais avec une locale anglaise', () => {
        const dir = slipped('virgule oubliée dans évalue');
        const r = runCli(['lint', dir], { env: { LANG: 'en_US.UTF-8' } });
        expect(r.code).toBe(1);
        expect(r.stdout).toContain('bc01.ref:37:21 error REF001 Missing comma between C1.1 and C1.2? The codes of a list are separated by commas: "C1.1, C1.2".');
        expect(r.stdout.split('\n').filter(line => / error REF/.test(line))).toHaveLength(1);
    });

    it('une accolade non refermée : la ligne où elle a été ouverte, en JSON aussi', () => {
        const dir = slipped('accolade de modalité non refermée');
        const r = runCli(['lint', dir, '--format', 'json']);
        expect(r.code).toBe(1);
        const report = JSON.parse(r.stdout) as { fichiers: Array<{ chemin: string; diagnostics: Array<{ code: string; ligne: number; colonne: number; message: string }> }> };
        const messages = report.fichiers.flatMap(f => f.diagnostics.filter(d => d.code === 'REF001'));
        expect(messages).toHaveLength(1);
        expect(messages[0]).toMatchObject({ ligne: 58, colonne: 5 });
        expect(messages[0].message).toContain('l\'accolade ouverte ligne 34 (la modalité M1.1) n\'est pas refermée avant « modalité »');
    });
});
