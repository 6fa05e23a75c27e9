import { cpSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempCopy, tempDir } from './run.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'referentiel.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function expectValid(data: unknown): void {
    const ok = validate(data);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
}

describe('referentiel export --format json', () => {
    it('écrit un JSON valide selon schemas/referentiel.schema.json, avec tous les codes, textes et liens', () => {
        const { dir, cleanup } = tempDir();
        cleanups.push(cleanup);
        const out = path.join(dir, 'mini.json');
        const r = runCli(['export', 'test/fixtures/cli/propre', '--format', 'json', '--out', out]);
        expect(r.code).toBe(0);
        expect(r.stderr).toContain(`✔ Référentiel MINI exporté dans ${out}.`);
        const data = JSON.parse(readFileSync(out, 'utf8'));
        expectValid(data);
        expect(data).toMatchObject({
            format: 'referentiel', version: 1, type: 'certification', code: 'MINI', titre: 'Certification d\'essai', niveau: 5,
            certificateurs: [{ nom: 'Organisme « Essai »', siret: '12345678900012' }],
            nsf: [{ code: '326', libelle: 'Informatique, traitement de l\'information' }],
            enregistrement: { debut: '2024-01-15', fin: '2029-01-15' }
        });
        expect(data.blocs).toEqual([{ code: 'BC01', titre: 'Concevoir une solution', seuil: 100, activites: ['A1'], competences: ['C1.1', 'C1.2'], modalites: ['M1.1'], equivalences: [], notes: [] }]);
        expect(data.activites.map((a: { code: string }) => a.code)).toEqual(['A1', 'A1-1']);
        expect(data.activites[1]).toMatchObject({ code: 'A1-1', parent: 'A1', bloc: 'BC01', competences: ['C1.1', 'C1.2'] });
        expect(data.competences[1]).toEqual({
            code: 'C1.2', texte: 'Rédiger un cahier des charges de manière accessible pour le client', bloc: 'BC01',
            activites: ['A1-1'], modalites: ['M1.1'], criteres: ['CR1.1.2'], notes: []
        });
        expect(data.modalites[0]).toMatchObject({
            code: 'M1.1', nature: 'étude de cas', organisation: 'seul', competences: ['C1.1', 'C1.2'],
            livrables: [{ nature: 'dossier', description: 'Un dossier d\'analyse' }], jury: { effectif: 2, description: 'personnes représentant le client' },
            criteres: ['CR1.1.1', 'CR1.1.2']
        });
        expect(data.criteres[1]).toEqual({ code: 'CR1.1.2', texte: 'Le cahier des charges respecte la Charte de la communication accessible.', modalite: 'M1.1', competences: ['C1.2'], eliminatoire: true, portee: 'compétence' });
        expect(data.obtention.conditions[1]).toEqual({
            code: 'R2', titre: 'Mémoire', expression: 'memoire >= 10',
            arbre: { type: 'comparaison', operateur: '>=', gauche: { type: 'grandeur', code: 'memoire' }, droite: { type: 'nombre', valeur: 10 } }
        });
        expect(data.obtention.blocsAcquis).toEqual({ aVie: true });
    });

    it('est déterministe : mêmes octets d\'une exécution à l\'autre et d\'un dossier à l\'autre', () => {
        const a = runCli(['export', 'test/fixtures/cli/decoupe']);
        const b = runCli(['export', 'test/fixtures/cli/decoupe']);
        const { dir, cleanup } = tempCopy('test/fixtures/cli/decoupe');
        cleanups.push(cleanup);
        const c = runCli(['export', '.'], { cwd: dir });
        expect(a.code).toBe(0);
        expect(a.stdout).toBe(b.stdout);
        expect(c.stdout).toBe(a.stdout);
        const data = JSON.parse(a.stdout);
        expectValid(data);
        // Référentiel en trois fichiers : tout y est, liens compris.
        expect(data.blocs.map((x: { code: string }) => x.code)).toEqual(['BC01', 'BC02']);
        expect(data.competences.find((x: { code: string }) => x.code === 'C1.1')).toMatchObject({ bloc: 'BC01', modalites: ['M2.1'], criteres: ['CR2.1.1'] });
    });

    it('n\'écrit rien quand le référentiel a des erreurs (code 1, erreurs listées)', () => {
        const { dir, cleanup } = tempDir();
        cleanups.push(cleanup);
        const out = path.join(dir, 'casse.json');
        const r = runCli(['export', 'test/fixtures/cli/erreurs', '--out', out]);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('✖ Le référentiel CASSE a 3 erreurs : rien n\'a été exporté.');
        expect(r.stderr).toContain('casse.ref:7:16 erreur REF101');
        expect(existsSync(out)).toBe(false);
    });

    it('plusieurs référentiels : --referentiel choisit, sinon code 2', () => {
        const { dir, cleanup } = tempDir();
        cleanups.push(cleanup);
        for (const name of ['propre', 'decoupe']) {
            cpSync(path.join(ROOT, 'test/fixtures/cli', name), path.join(dir, name), { recursive: true });
        }
        const several = runCli(['export', dir]);
        expect(several.code).toBe(2);
        expect(several.stderr).toContain('Plusieurs référentiels');
        expect(several.stderr).toContain('DECOUPE, MINI');
        const chosen = runCli(['export', dir, '--referentiel', 'MINI']);
        expect(chosen.code).toBe(0);
        expect(JSON.parse(chosen.stdout).code).toBe('MINI');
        const unknown = runCli(['export', dir, '--referentiel', 'MINU']);
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toContain('Vouliez-vous dire MINI ?');
    });

    it('format inconnu : code 2', () => {
        const r = runCli(['export', 'test/fixtures/cli/propre', '--format', 'xml']);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('Format inconnu « xml »');
    });
});



describe('referentiel export --format docx|pdf|html (le document publié)', () => {
    it('écrit le document dans chaque format, d\'un coup, déterministe', () => {
        const { dir, cleanup } = tempDir();
        cleanups.push(cleanup);
        for (const format of ['docx', 'pdf', 'html'] as const) {
            const out = path.join(dir, `mini.${format}`);
            const r = runCli(['export', 'test/fixtures/cli/propre', '--format', format, '--out', out]);
            expect(r.code, r.stderr).toBe(0);
            expect(r.stderr).toContain(`✔ Référentiel MINI exporté dans ${out}.`);
            const bytes = readFileSync(out);
            const magic = { docx: 'PK\u0003\u0004', pdf: '%PDF', html: '<!DO' }[format];
            expect(bytes.subarray(0, 4).toString('latin1')).toBe(magic);
            const again = path.join(dir, `encore.${format}`);
            expect(runCli(['export', 'test/fixtures/cli/propre', '--format', format, '--out', again]).code).toBe(0);
            expect(readFileSync(again).equals(bytes), `${format} déterministe`).toBe(true);
        }
        const html = readFileSync(path.join(dir, 'mini.html'), 'utf8');
        expect(html).toContain('<h3 id="bloc-1">Bloc 1 : Concevoir une solution</h3>');
        expect(html).toContain('<dt>Niveau</dt><dd>Niveau 5 (cadre national des certifications)</dd>');
        expect(html).toContain('<dt>Certificateur</dt><dd>Organisme « Essai » (SIRET 12345678900012)</dd>');
        // Sans --out, vers un tube : les octets sur la sortie standard.
        expect(runCli(['export', 'test/fixtures/cli/propre', '--format', 'html']).stdout).toBe(html);
    });

    it('n\'écrit rien quand le référentiel a des erreurs, ni quand la destination est impossible (code 2)', () => {
        const { dir, cleanup } = tempDir();
        cleanups.push(cleanup);
        const out = path.join(dir, 'casse.docx');
        const r = runCli(['export', 'test/fixtures/cli/erreurs', '--format', 'docx', '--out', out]);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('✖ Le référentiel CASSE a 3 erreurs : rien n\'a été exporté.');
        expect(existsSync(out)).toBe(false);
        const blocked = path.join(dir, 'fichier');
        cpSync(path.join(ROOT, 'package.json'), blocked);
        const impossible = runCli(['export', 'test/fixtures/cli/propre', '--format', 'pdf', '--out', path.join(blocked, 'mini.pdf')]);
        expect(impossible.code).toBe(2);
        expect(impossible.stderr).toContain(path.join(blocked, 'mini.pdf'));
    });
});
