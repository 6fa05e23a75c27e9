import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseError } from 'vscode-languageserver-protocol';
import type { CoverageMatrix, EvaluateResult, ExportResult, ReferentielInfo } from '../../language-server/src/protocol/commands.js';
import { ROOT, TestClient } from './client.js';

/**
 * Les commandes du serveur (workspace/executeCommand) que l'extension VS Code appelle, sur le
 * vrai protocole : mêmes octets que la ligne de commande (export JSON, rapport HTML), problèmes
 * d'un dossier candidat placés comme diagnostics, erreurs en français sans arrêt du serveur.
 */
let client: TestClient;
let folder: string;
const file = (...parts: string[]): string => path.join(folder, ...parts);
const uriOf = (...parts: string[]): string => pathToFileURL(file(...parts)).toString();
const CLI = path.join(ROOT, 'bin', 'referentiel.cjs');

function cli(args: string[]): string {
    return execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'fr_FR.UTF-8', LC_ALL: '', REFERENTIEL_LOCALE: '' } });
}

function run<T>(command: string, arg: unknown): Promise<T> {
    return client.request<T>('workspace/executeCommand', { command, arguments: [arg] });
}

async function failure(command: string, arg: unknown): Promise<ResponseError<{ choix?: string[] }>> {
    try {
        await run(command, arg);
    } catch (error) {
        return error as ResponseError<{ choix?: string[] }>;
    }
    throw new Error(`${command} aurait dû échouer`);
}

beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'referentiel-commandes-'));
    cpSync(path.join(ROOT, 'samples/data-engineer'), file('data-engineer'), { recursive: true });
    cpSync(path.join(ROOT, 'test/e2e/fixtures/atelier'), file('atelier'), { recursive: true });
    cpSync(path.join(ROOT, 'test/e2e/fixtures/candidats'), file('candidats'), { recursive: true });
    client = new TestClient();
    client.settings = { referentiel: { regles: {}, langue: 'auto' } };
    const init = await client.initialize(folder);
    expect(init.capabilities.executeCommandProvider?.commands).toEqual(expect.arrayContaining([
        'referentiel.evaluer', 'referentiel.exporter', 'referentiel.matriceCouverture', 'referentiel.referentiels'
    ]));
    expect(init.capabilities.executeCommandProvider?.commands).not.toContain('referentiel.exporterJson');
}, 30_000);

afterAll(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
});

describe('referentiel.referentiels', () => {
    it('liste les certifications de l\'espace de travail avec leur emplacement', async () => {
        const list = await run<ReferentielInfo[]>('referentiel.referentiels', {});
        expect(list.map(r => [r.code, r.type])).toEqual([['ATELIER', 'certification'], ['DATA-ENGINEER', 'certification']]);
        const de = list.find(r => r.code === 'DATA-ENGINEER')!;
        expect(de.titre).toBe('Data Engineer');
        expect(de.uri).toBe(uriOf('data-engineer', 'data-engineer.ref'));
        expect(readFileSync(file('data-engineer', 'data-engineer.ref'), 'utf8').split('\n')[de.range.start.line]).toContain('certification DATA-ENGINEER');
    });
});

describe('referentiel.exporter au format json', () => {
    it('rend exactement les octets de `referentiel export`, quel que soit le fichier du référentiel désigné', async () => {
        const expected = cli(['export', file('data-engineer')]);
        for (const name of ['data-engineer.ref', 'bc03.ref']) {
            const result = await run<ExportResult>('referentiel.exporter', { uri: uriOf('data-engineer', name), format: 'json' });
            expect(result.code).toBe('DATA-ENGINEER');
            expect(result.texte).toBe(expected);
        }
    });

    it('refuse un référentiel qui a des erreurs, avec un message en français', async () => {
        const broken = readFileSync(file('atelier', 'bloc1.ref'), 'utf8').replace('issue de A1-1', 'issue de A9-9');
        const uri = uriOf('atelier', 'bloc1.ref');
        await client.open(file('atelier', 'bloc1.ref'), broken);
        const error = await failure('referentiel.exporter', { uri, format: 'json' });
        expect(error.message).toBe('Le référentiel ATELIER a 1 erreur : corrigez-la d\'abord (vue Problèmes), puis recommencez.');
        await client.change(uri, readFileSync(file('atelier', 'bloc1.ref'), 'utf8'));
        await client.waitForDiagnostics(uri, d => !d.some(x => String(x.message).includes('A9-9')));
        const ok = await run<ExportResult>('referentiel.exporter', { uri, format: 'json' });
        expect(ok.code).toBe('ATELIER');
    });

    it('un argument manquant ou un fichier hors référentiel : erreur claire, le serveur continue', async () => {
        expect((await failure('referentiel.exporter', {})).message).toBe('La commande referentiel.exporter attend un argument { uri }.');
        writeFileSync(file('seul.ref'), 'bloc BC09 "Sans en-tête" {\n}\n');
        const error = await failure('referentiel.exporter', { uri: uriOf('seul.ref'), format: 'json' });
        expect(error.message).toMatch(/^Le fichier .*seul\.ref n'appartient à aucun référentiel/);
        const list = await run<ReferentielInfo[]>('referentiel.referentiels', {});
        expect(list.length).toBe(2);
    });
});

describe('referentiel.exporter', () => {
    it('rend exactement les octets de `referentiel export --format …` dans chaque format', async () => {
        for (const [format, extension] of [['json', 'json'], ['rncp-xml', 'xml'], ['case', 'case.json']] as const) {
            const result = await run<ExportResult>('referentiel.exporter', { uri: uriOf('data-engineer', 'bc04.ref'), format });
            expect(result).toMatchObject({ code: 'DATA-ENGINEER', format, extension });
            expect(result.texte, format).toBe(cli(['export', file('data-engineer'), '--format', format]));
        }
    });

    it('le document publié : HTML en texte, Word et PDF en base64, octet pour octet ceux de la ligne de commande', async () => {
        const html = await run<ExportResult>('referentiel.exporter', { uri: uriOf('data-engineer', 'bc02.ref'), format: 'html' });
        expect(html).toMatchObject({ code: 'DATA-ENGINEER', format: 'html', extension: 'html' });
        expect(html.base64).toBeUndefined();
        expect(html.texte).toBe(cli(['export', file('data-engineer'), '--format', 'html']));
        for (const format of ['docx', 'pdf'] as const) {
            const result = await run<ExportResult>('referentiel.exporter', { uri: uriOf('data-engineer', 'bc02.ref'), format });
            expect(result).toMatchObject({ code: 'DATA-ENGINEER', format, extension: format });
            expect(result.texte).toBeUndefined();
            const out = file(`publie.${format}`);
            cli(['export', file('data-engineer'), '--format', format, '--out', out]);
            expect(Buffer.from(result.base64!, 'base64').equals(readFileSync(out)), format).toBe(true);
        }
    }, 240_000); // trois exports par le serveur et trois par la ligne de commande (PDF et Word compris)

    it('un format inconnu : erreur claire', async () => {
        const error = await failure('referentiel.exporter', { uri: uriOf('data-engineer', 'bc04.ref'), format: 'odt' });
        expect(error.message).toBe('Format d\'export inconnu « odt » : json, rncp-xml, case, docx, pdf, html.');
    });
});

describe('referentiel.evaluer', () => {
    it('un dossier candidat de l\'exemple : le même HTML que `referentiel evaluate --format html`', async () => {
        const candidate = file('data-engineer', 'candidats', '01-obtenue.candidat.json');
        const result = await run<EvaluateResult>('referentiel.evaluer', { uri: pathToFileURL(candidate).toString() });
        expect(result.diagnostics).toEqual([]);
        expect(result.referentiel).toBe('DATA-ENGINEER');
        expect(result.resultats?.map(r => r.decision)).toEqual(['obtenue']);
        const expected = cli(['evaluate', '--referentiel', file('data-engineer'), candidate, '--format', 'html']);
        expect(result.html).toBe(expected);
    });

    it('le texte non enregistré de l\'éditeur est évalué (pas le fichier du disque)', async () => {
        const candidate = file('candidats', 'atelier-valide.candidat.json');
        const text = readFileSync(candidate, 'utf8').replace('"C2.1": "non acquise"', '"C2.1": "acquise"');
        const result = await run<EvaluateResult>('referentiel.evaluer', { uri: pathToFileURL(candidate).toString(), text });
        expect(result.referentiel).toBe('ATELIER');
        expect(result.resultats?.[0].competences.find(c => c.code === 'C2.1')?.statut).toBe('acquise');
    });

    it('un dossier fautif : pas de rapport, les problèmes placés (lignes et colonnes à partir de 0)', async () => {
        const candidate = file('candidats', 'atelier-casse.candidat.json');
        const result = await run<EvaluateResult>('referentiel.evaluer', { uri: pathToFileURL(candidate).toString() });
        expect(result.html).toBeUndefined();
        expect(result.diagnostics).toHaveLength(1);
        const [problem] = result.diagnostics;
        expect(problem.code).toBe('code-inconnu');
        expect(problem.severity).toBe(1);
        const line = readFileSync(candidate, 'utf8').split('\n')[problem.range.start.line];
        expect(line.slice(problem.range.start.character, problem.range.end.character)).toBe('"C9.9"');
        expect(problem.message).toContain('C9.9');
    });

    it('un JSON mal formé : le problème de syntaxe, à sa place', async () => {
        const text = '{\n  "referentiel": "ATELIER",\n  "candidat": { "id": "X" }\n  "competences": {}\n}\n';
        const result = await run<EvaluateResult>('referentiel.evaluer', { uri: uriOf('candidats', 'brouillon.candidat.json'), text });
        expect(result.diagnostics.map(d => [d.code, d.range.start.line])).toEqual([['syntaxe', 3]]);
    });

    it('une cohorte CSV dans le dossier d\'une certification : évaluée au regard de celle-ci, comme la CLI', async () => {
        const csv = file('data-engineer', 'candidats', 'cohorte-session-2026.csv');
        const result = await run<EvaluateResult>('referentiel.evaluer', { uri: pathToFileURL(csv).toString() });
        expect(result.referentiel).toBe('DATA-ENGINEER');
        expect(result.diagnostics).toEqual([]);
        expect(result.resultats!.length).toBeGreaterThan(1);
        expect(result.resume?.candidats).toBe(result.resultats!.length);
        const expected = cli(['evaluate', '--referentiel', file('data-engineer'), csv, '--format', 'html']);
        expect(result.html).toBe(expected);
    });

    it('une cohorte CSV hors du dossier de toute certification : la commande demande laquelle, puis évalue', async () => {
        const csv = file('cohorte-hors-referentiel.csv');
        writeFileSync(csv, readFileSync(file('data-engineer', 'candidats', 'cohorte-session-2026.csv')));
        try {
            const error = await failure('referentiel.evaluer', { uri: pathToFileURL(csv).toString() });
            expect(error.message).toBe('Plusieurs certifications dans l\'espace de travail (ATELIER, DATA-ENGINEER) : choisissez celle du candidat.');
            expect(error.data?.choix).toEqual(['ATELIER', 'DATA-ENGINEER']);
            const result = await run<EvaluateResult>('referentiel.evaluer', { uri: pathToFileURL(csv).toString(), code: 'DATA-ENGINEER' });
            expect(result.diagnostics).toEqual([]);
            expect(result.resultats!.length).toBeGreaterThan(1);
        } finally {
            rmSync(csv, { force: true });
        }
    });
});

describe('referentiel.matriceCouverture', () => {
    it('compétences × modalités, avec les emplacements à ouvrir, d\'un fichier à l\'autre', async () => {
        const matrix = await run<CoverageMatrix>('referentiel.matriceCouverture', { uri: uriOf('atelier', 'bloc2.ref') });
        expect(matrix.code).toBe('ATELIER');
        expect(matrix.modalites.map(m => m.code)).toEqual(['M1.1', 'M2.1']);
        const c11 = matrix.lignes.find(l => l.code === 'C1.1')!;
        expect(c11.uri).toBe(uriOf('atelier', 'bloc1.ref'));
        expect(c11.cellules.map(c => [c.modalite, c.criteres.map(k => k.code)])).toEqual([['M2.1', ['CR2.1.1']]]);
        // L'emplacement de la cellule est la référence « évalue C1.1 » dans bloc2.ref.
        const cell = c11.cellules[0];
        expect(cell.uri).toBe(uriOf('atelier', 'bloc2.ref'));
        const line = readFileSync(file('atelier', 'bloc2.ref'), 'utf8').split('\n')[cell.range.start.line];
        expect(line.slice(cell.range.start.character, cell.range.end.character)).toBe('C1.1');
        expect(matrix.lignes.every(l => l.evaluee)).toBe(true);
    });
});
