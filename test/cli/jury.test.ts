import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, runCliAsync, useCleanups } from './run.js';

const { temp } = useCleanups();

/**
 * Une session de jury en ligne de commande (issue 9, partie 4) : plusieurs fichiers fautifs signalés
 * en une fois, dossier de candidats, types refusés, procès-verbal et certificats de bloc en HTML et
 * en PDF balisé. Les noms des candidats ne sont jamais sur la sortie d'erreur.
 */
const REF = 'samples/data-engineer';
const CANDIDATS = 'samples/data-engineer/candidats';
const MINI = 'test/fixtures/cli/propre';
const JSON_DIR = 'test/fixtures/candidats/json';

/** Les noms des candidats des exemples (dossiers JSON et cohorte). */
function sampleNames(): string[] {
    const names: string[] = [];
    for (const file of readdirSync(path.join(ROOT, CANDIDATS))) {
        const text = readFileSync(path.join(ROOT, CANDIDATS, file), 'utf8');
        if (file.endsWith('.json')) names.push((JSON.parse(text) as { candidat: { nom?: string } }).candidat.nom ?? '');
        else for (const line of text.split(/\r?\n/).slice(1)) if (line.trim()) names.push(line.split(/[;,]/)[1] ?? '');
    }
    return names.filter(n => n.length > 2);
}

type Node = { role?: string; children?: Node[] };
const roles = (node: Node | null, out: string[] = []): string[] => {
    if (!node) return out;
    if (node.role) out.push(node.role);
    node.children?.forEach(c => roles(c, out));
    return out;
};

async function readPdf(file: string): Promise<{ title: unknown; language: unknown; roles: string[]; text: string; pages: number; displayTitle: unknown }> {
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)) }).promise;
    const { info } = await pdf.getMetadata() as unknown as { info: Record<string, unknown> };
    const all: string[] = [];
    let text = '';
    for (let i = 1; i <= pdf.numPages; i++) {
        const page = await pdf.getPage(i);
        all.push(...roles(await page.getStructTree() as Node));
        text += ' ' + (await page.getTextContent()).items.map(item => ('str' in item ? item.str : '')).join(' ');
    }
    const prefs = await pdf.getViewerPreferences() as { DisplayDocTitle?: unknown } | null;
    const result = { title: info.Title, language: info.Language, roles: all, text: text.replace(/\s+/g, ' '), pages: pdf.numPages, displayTitle: prefs?.DisplayDocTitle };
    await pdf.destroy();
    return result;
}

describe('evaluate : plusieurs fichiers, dossiers, types refusés', () => {
    it('plusieurs fichiers fautifs : les problèmes de chacun en une fois, code 2, rien d\'écrit', () => {
        const dir = temp();
        const out = path.join(dir, 'rapport.html');
        const files = ['hors-bareme.candidat.json', 'codes-inconnus.candidat.json', 'syntaxe-virgule-manquante.candidat.json'].map(f => path.join(JSON_DIR, f));
        const r = runCli(['evaluate', '--referentiel', MINI, path.join(JSON_DIR, 'valide.candidat.json'), ...files, '--format', 'html', '--out', out]);
        expect(r.code).toBe(2);
        for (const f of files) expect(r.stderr).toContain(f);
        // Le problème propre à chaque fichier : barème, code inconnu, syntaxe.
        expect(r.stderr).toMatch(/hors-bareme\.candidat\.json:\d+:\d+ .*barème/);
        expect(r.stderr).toMatch(/codes-inconnus\.candidat\.json:\d+:\d+ .*Vouliez-vous dire/);
        expect(r.stderr).toMatch(/syntaxe-virgule-manquante\.candidat\.json:\d+:\d+ /);
        expect(r.stderr).toMatch(/problèmes dans les dossiers candidats : rien n'a été écrit/);
        expect(existsSync(out)).toBe(false);
        expect(readdirSync(dir)).toEqual([]);
    });

    it('un dossier donne tous ses dossiers candidats et ses cohortes, dans l\'ordre alphabétique', () => {
        const r = runCli(['evaluate', '--referentiel', REF, CANDIDATS, '--format', 'json']);
        expect(r.code).toBe(0);
        const data = JSON.parse(r.stdout) as { resultats: Array<{ candidat: { id: string } }>; resume: { candidats: number } };
        const jsonFiles = readdirSync(path.join(ROOT, CANDIDATS)).filter(f => f.endsWith('.candidat.json'));
        const csvRows = readFileSync(path.join(ROOT, CANDIDATS, 'cohorte-session-2026.csv'), 'utf8').split(/\r?\n/).slice(1).filter(l => l.trim()).length;
        expect(data.resume.candidats).toBe(jsonFiles.length + csvRows);
        expect(data.resultats[0].candidat.id).toBe('2026-0042');
    });

    it('un dossier sans fichier de candidat, un .txt ou un .odt : refusés par leur nom, code 2', () => {
        const dir = temp();
        writeFileSync(path.join(dir, 'notes.txt'), 'candidat;C1.1\n1;A\n');
        writeFileSync(path.join(dir, 'dossier.odt'), 'PK');
        const refused = runCli(['evaluate', '--referentiel', MINI, path.join(dir, 'notes.txt'), path.join(dir, 'dossier.odt')]);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain('Fichiers refusés, d\'un type que l\'évaluation ne lit pas');
        expect(refused.stderr).toContain('notes.txt');
        expect(refused.stderr).toContain('dossier.odt');
        const empty = runCli(['evaluate', '--referentiel', MINI, dir]);
        expect(empty.code).toBe(2);
        expect(empty.stderr).toContain('aucun fichier de candidat dans ce dossier');
        // Dans un dossier, les fichiers d'autres types sont ignorés.
        copyFileSync(path.join(ROOT, JSON_DIR, 'valide.candidat.json'), path.join(dir, 'a.candidat.json'));
        expect(runCli(['evaluate', '--referentiel', MINI, dir]).code).toBe(0);
    });
});

describe('evaluate --format pv : le procès-verbal du jury', () => {
    it('HTML : session, date, membres, une ligne par candidat (décision, blocs, motifs), signatures ; aucun nom sur la sortie d\'erreur', () => {
        const dir = temp();
        const out = path.join(dir, 'pv.html');
        const r = runCli(['evaluate', '--referentiel', REF, CANDIDATS, '--format', 'pv', '--out', out, '--session', 'Session de juin 2026', '--jury', 'Marie Curie (présidente); Paul Martin', '--date', '2026-06-30']);
        expect(r.code, r.stderr).toBe(0);
        const html = readFileSync(out, 'utf8');
        expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
        expect(html).toContain('<h1>Procès-verbal de délibération du jury</h1>');
        expect(html).toContain('Session : Session de juin 2026');
        expect(html).toContain('<time datetime="2026-06-30">30 juin 2026</time>');
        expect(html).toContain('<li>Marie Curie (présidente)</li><li>Paul Martin</li>');
        expect(html).toContain('<th scope="row">2026-0042 — Camille Martin</th>');
        expect(html).toContain('Moyenne de « Mémoire professionnel » et « Soutenance du mémoire » : 9,99/20, il faut au moins 10/20');
        expect(html.match(/<tr><th scope="row">\d{4}-\d{4}/g)).toHaveLength(15);
        expect(html).toContain('<td class="signature"></td>');
        expect(html).toContain('@media print');
        expect(html).not.toMatch(/\{\w+[#}]|\w+#\w+\||\d{4}-\d{2}-\d{2}(?!")/);
        expect(r.stderr).toContain('✔ Procès-verbal écrit dans');
        for (const name of sampleNames()) expect(r.stderr).not.toContain(name);
    });

    it('sans --out : HTML sur la sortie standard ; --pdf sans fichier, ou un --out d\'un autre type : code 2', () => {
        const r = runCli(['evaluate', '--referentiel', MINI, path.join(JSON_DIR, 'valide.candidat.json'), '--format', 'pv']);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('<h1>Procès-verbal de délibération du jury</h1>');
        expect(r.stdout).toContain('Membre 1 : nom');
        expect(runCli(['evaluate', '--referentiel', MINI, path.join(JSON_DIR, 'valide.candidat.json'), '--format', 'pv', '--pdf']).stderr).toContain('Un PDF ne s\'écrit pas sur la sortie standard');
        const dir = temp();
        expect(runCli(['evaluate', '--referentiel', MINI, path.join(JSON_DIR, 'valide.candidat.json'), '--format', 'pv', '--out', path.join(dir, 'pv.docx')]).stderr).toContain('le procès-verbal s\'écrit dans un fichier .html ou .pdf');
    });

    it('PDF balisé : titre affiché, langue, H1/H2, tableau avec en-têtes de colonnes et de lignes, une ligne par candidat', async () => {
        const dir = temp();
        const out = path.join(dir, 'pv.pdf');
        const r = await runCliAsync(['evaluate', '--referentiel', REF, CANDIDATS, '--format', 'pv', '--out', out, '--date', '2026-06-30']);
        expect(r.code, r.stderr).toBe(0);
        const pdf = await readPdf(out);
        expect(pdf.title).toBe('Procès-verbal de délibération du jury — Data Engineer');
        expect(pdf.language).toBe('fr-FR');
        expect(pdf.displayTitle).toBe(true);
        expect(pdf.roles.filter(x => x === 'H1')).toHaveLength(1);
        for (const role of ['Document', 'H2', 'P', 'Table', 'THead', 'TBody', 'TR', 'TH', 'TD']) expect(pdf.roles).toContain(role);
        expect(readFileSync(out).toString('latin1')).toContain('<pdfuaid:part>1</pdfuaid:part>');
        expect(pdf.text).toContain('2026-0042 — Camille Martin');
        expect(pdf.text).toContain('30 juin 2026');
        // Une ligne par candidat : les 15 identifiants, chacun une fois.
        const ids = pdf.text.match(/\b2026-0\d{3}\b/g) ?? [];
        expect(new Set(ids).size).toBe(15);
        expect(ids).toHaveLength(15);
        expect(pdf.text).toContain('Membre 1 : nom');
        for (const name of sampleNames()) expect(r.stderr).not.toContain(name);
    });
});

describe('evaluate --format certificats : un certificat de bloc par bloc validé et par candidat', () => {
    it('HTML : un fichier par certificat, le candidat, le bloc, ses compétences ; aucun nom sur la sortie d\'erreur', () => {
        const dir = temp();
        const out = path.join(dir, 'certificats');
        const r = runCli(['evaluate', '--referentiel', REF, path.join(CANDIDATS, '01-obtenue.candidat.json'), path.join(CANDIDATS, '02-bloc-non-valide.candidat.json'), '--format', 'certificats', '--out', out, '--date', '2026-06-30']);
        expect(r.code, r.stderr).toBe(0);
        const files = readdirSync(out).sort();
        expect(files).toEqual([
            'certificat-2026-0042-BC01.html', 'certificat-2026-0042-BC02.html', 'certificat-2026-0042-BC03.html', 'certificat-2026-0042-BC04.html', 'certificat-2026-0042-BC05.html',
            'certificat-2026-0043-BC01.html', 'certificat-2026-0043-BC02.html', 'certificat-2026-0043-BC04.html', 'certificat-2026-0043-BC05.html'
        ]);
        const html = readFileSync(path.join(out, 'certificat-2026-0043-BC02.html'), 'utf8');
        expect(html).toContain('<title>Certificat de bloc BC02 — 2026-0043 — Théo Lambert</title>');
        expect(html).toContain('<h1>Certificat de bloc de compétences</h1>');
        expect(html).toContain('certifie que 2026-0043 — Théo Lambert a validé le bloc de compétences suivant.');
        expect(html).toContain('<h2>BC02 — Manager la transition data de l&#39;entreprise</h2>');
        expect(html).toContain('Le bloc est acquis à vie.');
        expect(html.match(/<tr><th scope="row">C2\.\d+<\/th>/g)).toHaveLength(10);
        expect(r.stderr).toContain('✔ 9 certificats de bloc écrits dans');
        for (const name of sampleNames()) expect(r.stderr).not.toContain(name);
    });

    it('PDF balisé avec --pdf ; sans --out : code 2', async () => {
        const dir = temp();
        const out = path.join(dir, 'certificats');
        mkdirSync(out);
        const r = await runCliAsync(['evaluate', '--referentiel', REF, path.join(CANDIDATS, '02-bloc-non-valide.candidat.json'), '--format', 'certificats', '--pdf', '--out', out, '--date', '2026-06-30']);
        expect(r.code, r.stderr).toBe(0);
        expect(readdirSync(out).sort()).toEqual(['certificat-2026-0043-BC01.pdf', 'certificat-2026-0043-BC02.pdf', 'certificat-2026-0043-BC04.pdf', 'certificat-2026-0043-BC05.pdf']);
        const pdf = await readPdf(path.join(out, 'certificat-2026-0043-BC04.pdf'));
        expect(pdf.title).toBe('Certificat de bloc BC04 — 2026-0043 — Théo Lambert');
        expect(pdf.language).toBe('fr-FR');
        expect(pdf.pages).toBe(1);
        expect(pdf.roles.filter(x => x === 'H1')).toHaveLength(1);
        for (const role of ['H2', 'H3', 'Table', 'THead', 'TBody', 'TH', 'TD']) expect(pdf.roles).toContain(role);
        expect(pdf.text).toContain('Certificat de bloc de compétences');
        expect(runCli(['evaluate', '--referentiel', REF, path.join(CANDIDATS, '02-bloc-non-valide.candidat.json'), '--format', 'certificats']).stderr).toContain('donnez le dossier de sortie avec --out <dossier>');
    });

    it('un dossier fautif parmi d\'autres : aucun certificat écrit', () => {
        const dir = temp();
        const out = path.join(dir, 'certificats');
        const r = runCli(['evaluate', '--referentiel', MINI, path.join(JSON_DIR, 'valide.candidat.json'), path.join(JSON_DIR, 'hors-bareme.candidat.json'), '--format', 'certificats', '--out', out]);
        expect(r.code).toBe(2);
        expect(existsSync(out)).toBe(false);
        expect(readdirSync(dir)).toEqual([]);
    });
});
