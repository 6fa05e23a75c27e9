import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../../scripts/make-seed-docx.mjs';
import { ROOT, runCli, tempDir, useCleanups } from './run.js';

const { temp, later, forget } = useCleanups();

const DOCX = path.join(ROOT, 'test', 'fixtures', 'docx', 'data-engineer.docx');
const SEED = readFileSync(path.join(ROOT, 'test', 'fixtures', 'docx', 'referentiel-data-engineer.txt'), 'utf8');
const RNCP = path.join(ROOT, 'test', 'fixtures', 'interop', 'rncp', 'export_fiches_RNCP_V4_1_12fiches.xml');
const FILES = ['bc01.ref', 'bc02.ref', 'bc03.ref', 'bc04.ref', 'bc05.ref', 'data-engineer.ref'];

interface Exported {
    activites: Array<{ code: string; texte: string; activites: string[] }>;
    competences: Array<{ code: string; texte: string; activites: string[] }>;
    modalites: Array<{ code: string; titre: string; nature?: string; organisation?: string; competences: string[]; consigne?: string; livrables: unknown[]; jury?: unknown }>;
    criteres: Array<{ code: string; texte: string; modalite: string; competences: string[] }>;
    obtention: { seuilBlocs: number; epreuves: Array<{ code: string }>; mesures: Array<{ code: string }>; conditions: Array<{ titre: string; expression: string }>; blocsAcquisAVie?: boolean };
    blocs: Array<{ code: string; titre: string }>;
}

/** Les paragraphes d'une colonne des tableaux du texte publié (lus par le script de la fixture). */
function seedColumn(column: number): string[] {
    const { blocks } = readSeed(SEED) as { blocks: Array<{ kind: string; rows?: Array<{ cells?: Array<Array<{ runs: Array<{ text?: string }> }>> }> }> };
    return blocks.filter(b => b.kind === 'table').flatMap(b => b.rows!.flatMap(r => r.cells?.[column] ?? []))
        .map(p => p.runs.map(r => r.text ?? '').join('').trim()).filter(Boolean);
}

describe('referentiel import docx : le référentiel publié (document Word du texte de départ)', () => {
    let out: string;
    let run: { code: number; stdout: string; stderr: string };
    let exported: Exported;

    beforeAll(() => {
        const { dir, cleanup } = tempDir();
        later(cleanup);
        out = path.join(dir, 'importe');
        run = runCli(['import', 'docx', DOCX, '--out', out]);
        const json = path.join(dir, 'export.json');
        const exportRun = runCli(['export', out, '--out', json]);
        expect(exportRun.code, exportRun.stderr).toBe(0);
        exported = JSON.parse(readFileSync(json, 'utf8'));
        // Le dossier sert à tous les tests de ce groupe : retiré à la fin.
        forget();
        shared = cleanup;
    });
    let shared: (() => void) | undefined;
    afterAll(() => shared?.());

    it('un fichier par bloc et l\'en-tête, un résumé qui compte ce qui a été lu et les liens à relire', () => {
        expect(run.code, run.stderr).toBe(0);
        expect(run.stdout).toBe('');
        expect(readdirSync(out).sort()).toEqual(FILES);
        expect(run.stderr).toContain(`✔ Référentiel DATA-ENGINEER importé dans ${out} (6 fichiers) : 5 blocs, 25 activités, 40 compétences, 10 modalités, 71 critères, 6 règles d'obtention.`);
        const inferred = Number(/(\d+) liens déduits à relire/.exec(run.stderr)?.[1]);
        const marked = FILES.map(f => readFileSync(path.join(out, f), 'utf8')).join('\n').split('\n').filter(l => l.includes('// À relire :')).length;
        expect(inferred).toBeGreaterThan(0);
        expect(marked).toBeGreaterThan(0);
        expect(marked).toBeLessThanOrEqual(inferred);
        // Aucun dossier de préparation laissé derrière.
        expect(readdirSync(path.dirname(out)).filter(n => n.startsWith('.'))).toEqual([]);
    });

    it('5 blocs, 25 activités, 40 compétences avec leurs codes et leurs textes publiés', () => {
        expect(exported.blocs.map(b => b.code)).toEqual(['BC01', 'BC02', 'BC03', 'BC04', 'BC05']);
        expect(exported.blocs[1].titre).toBe('Manager la transition data de l\'entreprise');
        const leaves = exported.activites.filter(a => !a.activites?.length);
        expect(leaves).toHaveLength(25);
        expect(leaves.map(a => a.code)).toContain('A2. 1');
        const published = seedColumn(1).map(text => /^(C\d+(?:[.-]\d+)*\.?) (.*)$/.exec(text)).filter(m => m).map(m => ({ code: m![1], texte: m![2] }));
        expect(published).toHaveLength(40);
        expect(exported.competences.map(c => ({ code: c.code, texte: c.texte }))).toEqual(published);
        // Codes irréguliers gardés tels que publiés.
        expect(exported.competences.map(c => c.code)).toEqual(expect.arrayContaining(['C1.2.', 'C5-2', 'C5-5']));
        expect(exported.competences.find(c => c.code === 'C1.5')!.activites).toEqual(['A1-3']);
    });

    it('10 modalités : compétences évaluées, nature, seul ou en équipe, livrables, jury', () => {
        expect(exported.modalites.map(m => m.code)).toEqual(['M1.1', 'M1.2', 'M2.1', 'M2.2', 'M2.3', 'M2.4', 'M3.1', 'M4.1', 'M5.1', 'M5.2']);
        const m11 = exported.modalites[0];
        expect(m11.titre).toBe('Mise en situation : analyse des besoins du client et rédaction du cahier des charges fonctionnel et du cahier des charges technique.');
        expect(m11.nature).toBe('mise en situation');
        expect(m11.organisation).toBe('seul');
        expect(m11.competences).toEqual(['C1.1', 'C1.2.', 'C1.3', 'C1.4']);
        expect(exported.modalites[1].organisation).toBe('en équipe');
        expect(exported.modalites[2].nature).toBe('mission de conseil');
        expect(exported.modalites[3].nature).toBe('étude de cas');
        expect(exported.modalites[8].competences).toEqual(['C5.1', 'C5-2', 'C5-3', 'C5-4', 'C5-5', 'C5.6']);
        expect(exported.modalites.filter(m => m.jury).length).toBe(5);
        expect(exported.modalites.every(m => m.livrables.length > 0)).toBe(true);
        const bc01 = readFileSync(path.join(out, 'bc01.ref'), 'utf8');
        expect(bc01).toContain('livrable "rapport" "Chaque membre de l\'équipe rédige un rapport');
        expect(bc01).toContain('jury 2 "personnes représentant le client"');
        // La liste numérotée de Word redevient « 1 - … » (numérotation recalculée, pas tapée).
        expect(bc01).toMatch(/livrable "dossier" "fournir un dossier dans lequel il devra :\n\s+1 - Lister et hiérarchiser/);
    });

    it('chaque critère, mot pour mot, rattaché à sa modalité et à des compétences qu\'elle évalue', () => {
        const published = seedColumn(3);
        const texts = exported.criteres.map(c => c.texte);
        expect(texts).toHaveLength(71);
        // Chaque paragraphe de la colonne des critères est un critère, ou une ligne de liste d'un critère.
        const lines = texts.flatMap(t => t.split('\n').map(l => l.replace(/^- /, '')));
        for (const paragraph of published) expect(lines).toContain(paragraph);
        expect(lines).toHaveLength(published.length);
        expect(texts).toContain('Les éléments concourant à la stratégie sont explicitement définis :\n- Le périmètre du projet de transition (activité et métier),\n- les objectifs,\n- les étapes,');
        const byCode = new Map(exported.modalites.map(m => [m.code, m]));
        for (const critere of exported.criteres) {
            expect(critere.competences.length, critere.code).toBeGreaterThan(0);
            for (const c of critere.competences) expect(byCode.get(critere.modalite)!.competences.map(x => x.replace(/[-.]/g, '.').replace(/\.$/, ''))).toContain(c.replace(/-/g, '.').replace(/\.$/, ''));
        }
        // Critère dans la ligne de C5.7 (cellule fusionnée) pour la modalité M5.2 : C5.7.
        expect(exported.criteres.find(c => c.texte.startsWith('Les outils de pilotage sont fonctionnels'))).toMatchObject({ modalite: 'M5.2', competences: ['C5.7'] });
    });

    it('le préambule et le tableau d\'obtention en notes, les règles claires en règles', () => {
        const header = readFileSync(path.join(out, 'data-engineer.ref'), 'utf8');
        expect(header).toContain('certification DATA-ENGINEER "Data Engineer" {');
        expect(header).toContain('note "Droit à compensation : La loi du 11 février 2005');
        expect(exported.obtention.seuilBlocs).toBe(100);
        expect(exported.obtention.epreuves.map(e => e.code)).toEqual(['memoire', 'soutenance']);
        expect(exported.obtention.conditions.map(c => c.expression)).toEqual(['tous les blocs validés', 'periode_en_entreprise >= 6 mois', 'moyenne(memoire, soutenance) >= 10']);
        // Chaque règle suit la note qui cite sa phrase.
        expect(header).toMatch(/note "Un bloc est validé si 100% des compétences du bloc sont acquises\."\n\s+\/\/ Règle tirée de la phrase citée dans la note ci-dessus\.\n\s+bloc validé si 100 % des compétences acquises/);
        expect(header).toMatch(/note "La compensation est valable pour une année[^"]*"\n\s+\/\/ Règle[^\n]*\n\s+aménagement valable 1 an ou temporaire/);
        expect(header).toContain('blocs acquis à vie');
    });

    it('déjà mis en forme, et se vérifie sans erreur : des avertissements pour les irrégularités publiées', () => {
        const check = runCli(['format', '--check', out]);
        expect(check.code, check.stdout + check.stderr).toBe(0);
        const lint = runCli(['lint', out, '--format', 'json']);
        expect(lint.code, lint.stdout).toBe(0);
        const report = JSON.parse(lint.stdout) as { fichiers: Array<{ diagnostics: Array<{ severite: string; code: string }> }> };
        const diagnostics = report.fichiers.flatMap(f => f.diagnostics);
        expect(diagnostics.filter(d => d.severite === 'error')).toEqual([]);
        const warnings = diagnostics.filter(d => d.severite === 'warning').map(d => d.code).sort();
        // A2. 1, A2. 2, A2. 3, A2.4, A2.5 et C5-2 … C5-5 (séparateurs), C1.2. (point final), A2. 1 … A2. 3 (espace).
        expect(warnings).toEqual([...Array(9).fill('REF201'), 'REF202', ...Array(3).fill('REF203')]);
        // --fix nettoie les codes irréguliers.
        const fixed = path.join(temp(), 'corrige');
        expect(runCli(['import', 'docx', DOCX, '--out', fixed]).code).toBe(0);
        expect(runCli(['lint', fixed, '--fix']).code).toBe(0);
        const after = JSON.parse(runCli(['lint', fixed, '--format', 'json']).stdout) as typeof report;
        expect(after.fichiers.flatMap(f => f.diagnostics).filter(d => d.severite !== 'info')).toEqual([]);
    });
});

describe('referentiel export --format docx puis import docx : le même référentiel', () => {
    it('l\'échantillon : mêmes fichiers relus, même export JSON, même document ; déjà en forme, sans erreur', () => {
        const dir = temp();
        const docx = path.join(dir, 'data-engineer.docx');
        expect(runCli(['export', 'samples/data-engineer', '--format', 'docx', '--out', docx]).code).toBe(0);
        const out = path.join(dir, 'relu');
        const imported = runCli(['import', 'docx', docx, '--out', out]);
        expect(imported.code, imported.stderr).toBe(0);
        expect(imported.stderr).toContain('5 blocs, 25 activités, 40 compétences, 10 modalités, 73 critères, 6 règles d\'obtention');
        expect(imported.stderr).toContain('Aucun lien déduit');
        expect(readdirSync(out).sort()).toEqual(FILES);
        expect(runCli(['format', '--check', out]).code).toBe(0);
        const lint = runCli(['lint', out, '--quiet']);
        expect(lint.code, lint.stdout).toBe(0);
        const json = (folder: string): string => {
            const r = runCli(['export', folder, '--format', 'json']);
            expect(r.code, r.stderr).toBe(0);
            return r.stdout;
        };
        expect(json(out)).toBe(json('samples/data-engineer'));
        const again = path.join(dir, 'again.docx');
        expect(runCli(['export', out, '--format', 'docx', '--out', again]).code).toBe(0);
        expect(readFileSync(again).equals(readFileSync(docx))).toBe(true);
    }, 120_000);
});

describe('referentiel import docx : refus, rien d\'écrit', () => {
    async function write(name: string, bytes: Uint8Array | string): Promise<string> {
        const file = path.join(temp(), name);
        writeFileSync(file, bytes);
        return file;
    }

    it('un document Word qui n\'est pas un référentiel', async () => {
        const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Compte rendu de la réunion du 3 mars.')] }] }));
        const file = await write('compte-rendu.docx', bytes);
        const out = path.join(path.dirname(file), 'sortie');
        const r = runCli(['import', 'docx', file, '--out', out]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`${file} n'est pas un référentiel : aucun tableau de bloc de compétences n'y a été trouvé`);
        expect(r.stderr).toContain('Rien n\'a été écrit.');
        expect(existsSync(out)).toBe(false);
    });

    it('un fichier qui n\'est pas une archive zip', async () => {
        const file = await write('faux.docx', 'Ceci est un texte, pas un document Word.\n');
        const out = path.join(path.dirname(file), 'sortie');
        const r = runCli(['import', 'docx', file, '--out', out]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('n\'est pas un document Word (.docx) : ce n\'est pas une archive zip');
        expect(existsSync(out)).toBe(false);
    });

    it('une archive zip endommagée', async () => {
        const bytes = readFileSync(DOCX);
        const damaged = Buffer.from(bytes);
        // Le contenu compressé de word/document.xml est abîmé (l'en-tête zip reste lisible).
        const start = damaged.indexOf(Buffer.from('word/document.xml')) + 40;
        for (let i = start; i < start + 400; i++) damaged[i] ^= 0x5a;
        const file = await write('abime.docx', damaged);
        const out = path.join(path.dirname(file), 'sortie');
        const r = runCli(['import', 'docx', file, '--out', out]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('archive .docx endommagée');
        expect(existsSync(out)).toBe(false);
    });

    it('une archive zip qui n\'est pas un document Word', async () => {
        const zip = new JSZip();
        zip.file('content.xml', '<office:document/>');
        const file = await write('tableur.docx', await zip.generateAsync({ type: 'uint8array' }));
        const r = runCli(['import', 'docx', file, '--out', path.join(path.dirname(file), 'sortie')]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('est une archive zip, pas un document Word (.docx) : word/document.xml est absent');
    });

    it('--fiche et --all ne servent qu\'à import rncp ; --code qu\'à import docx', () => {
        const out = path.join(temp(), 'sortie');
        expect(runCli(['import', 'docx', DOCX, '--all', '--out', out]).stderr).toContain('--all ne sert qu\'à « import rncp »');
        expect(runCli(['import', 'rncp', RNCP, '--all', '--code', 'X', '--out', out]).stderr).toContain('--code ne sert qu\'à « import docx »');
        expect(existsSync(out)).toBe(false);
    });
});

describe('aucun fichier remplacé sans --force (import docx et import rncp)', () => {
    it('import docx : un fichier complété à la main est gardé ; --force le remplace', () => {
        const out = path.join(temp(), 'ref');
        expect(runCli(['import', 'docx', DOCX, '--out', out]).code).toBe(0);
        const bc01 = path.join(out, 'bc01.ref');
        const completed = readFileSync(bc01, 'utf8').replace('// Bloc 1', '// Complété à la main.\n// Bloc 1');
        writeFileSync(bc01, completed);
        const again = runCli(['import', 'docx', DOCX, '--out', out]);
        expect(again.code).toBe(2);
        expect(again.stderr).toContain(`${out} contient déjà data-engineer.ref, bc01.ref, bc02.ref, bc03.ref, bc04.ref, bc05.ref : rien n'a été écrit. Ajoutez --force`);
        expect(readFileSync(bc01, 'utf8')).toBe(completed);
        expect(readdirSync(path.dirname(out))).toEqual(['ref']);
        const forced = runCli(['import', 'docx', DOCX, '--out', out, '--force']);
        expect(forced.code, forced.stderr).toBe(0);
        expect(readFileSync(bc01, 'utf8')).not.toContain('Complété à la main');
    });

    it('import docx dans un dossier qui contient d\'autres fichiers : ils restent', () => {
        const out = path.join(temp(), 'ref');
        mkdirSync(out);
        writeFileSync(path.join(out, 'notes.txt'), 'à garder');
        expect(runCli(['import', 'docx', DOCX, '--out', out]).code).toBe(0);
        expect(readdirSync(out).sort()).toEqual([...FILES, 'notes.txt'].sort());
        expect(readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('à garder');
    });

    it('import rncp : même règle', () => {
        const out = path.join(temp(), 'fiches');
        expect(runCli(['import', 'rncp', RNCP, '--fiche', 'RNCP35419', '--out', out]).code).toBe(0);
        const file = path.join(out, 'RNCP35419.ref');
        const completed = readFileSync(file, 'utf8') + '\n// Complété à la main.\n';
        writeFileSync(file, completed);
        const again = runCli(['import', 'rncp', RNCP, '--fiche', 'RNCP35419', '--out', out]);
        expect(again.code).toBe(2);
        expect(again.stderr).toContain(`${out} contient déjà RNCP35419.ref : rien n'a été écrit. Ajoutez --force`);
        expect(readFileSync(file, 'utf8')).toBe(completed);
        expect(readdirSync(path.dirname(out))).toEqual(['fiches']);
        expect(runCli(['import', 'rncp', RNCP, '--fiche', 'RNCP35419', '--out', out, '--force']).code).toBe(0);
        expect(readFileSync(file, 'utf8')).not.toContain('Complété à la main');
    });
});
