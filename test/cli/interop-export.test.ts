import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempCopy, useCleanups } from './run.js';

const { temp, later } = useCleanups();

/** Les référentiels du dépôt qui servent à l'aller-retour (l'exemple Data Engineer s'il existe). */
const ROUND_TRIP: Array<[string, string]> = [
    ['test/fixtures/cli/propre', 'MINI'],
    ['test/fixtures/referentiels/technicien-reseaux', 'TECH-RESEAUX'],
    ['test/fixtures/interop/echappements', 'ECH-1'],
    ...(existsSync(path.join(ROOT, 'samples', 'data-engineer')) ? [['samples/data-engineer', '']] as Array<[string, string]> : [])
];

/** Un XML analysé sans rien d'autre que saxes : éléments → textes (chemins). */
function parseXml(text: string): Array<{ path: string; text: string }> {
    const parser = new SaxesParser();
    const stack: string[] = [];
    const out: Array<{ path: string; text: string }> = [];
    let buffer = '';
    parser.on('opentag', t => { stack.push(t.name); buffer = ''; });
    parser.on('text', t => { buffer += t; });
    parser.on('closetag', () => { out.push({ path: stack.join('/'), text: buffer }); buffer = ''; stack.pop(); });
    parser.write(text).close();
    return out;
}

/** Le référentiel lu par l'export JSON : blocs, compétences (code, texte) et équivalences. */
function shape(folder: string, referentiel?: string): { blocs: Array<{ code: string; titre: string; competences: Array<[string, string]> }> } {
    const r = runCli(['export', folder, '--format', 'json', ...(referentiel ? ['--referentiel', referentiel] : [])]);
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout);
    const texte = new Map<string, string>(data.competences.map((c: { code: string; texte: string }) => [c.code, c.texte]));
    return {
        blocs: data.blocs.map((b: { code: string; titre: string; competences: string[] }) => ({
            code: b.code,
            titre: b.titre,
            competences: b.competences.map(c => [c, texte.get(c)!.replace(/\s+/g, ' ')])
        }))
    };
}

describe('referentiel export --format rncp-xml', () => {
    it('une FICHE du flux V4.1, bien formée, déterministe, textes échappés', () => {
        const a = runCli(['export', 'test/fixtures/interop/echappements', '--format', 'rncp-xml']);
        const b = runCli(['export', 'test/fixtures/interop/echappements', '--format', 'rncp-xml']);
        expect(a.code, a.stderr).toBe(0);
        expect(b.stdout).toBe(a.stdout);
        expect(a.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<FICHES>\n  <VERSION_FLUX>4.1</VERSION_FLUX>\n  <FICHE>\n    <NUMERO_FICHE>RNCP12345</NUMERO_FICHE>\n')).toBe(true);
        const elements = parseXml(a.stdout);
        const value = (p: string) => elements.filter(e => e.path === p).map(e => e.text);
        expect(value('FICHES/FICHE/INTITULE')).toEqual(['Sûreté & <qualité> des "données"']);
        expect(value('FICHES/FICHE/NOMENCLATURE_EUROPE/NIVEAU')).toEqual(['NIV6']);
        expect(value('FICHES/FICHE/CERTIFICATEURS/CERTIFICATEUR/NOM_CERTIFICATEUR')).toEqual(['R&D « Formation » <SAS>']);
        expect(value('FICHES/FICHE/CERTIFICATEURS/CERTIFICATEUR/SIRET_CERTIFICATEUR')).toEqual(['12345678900013']);
        expect(value('FICHES/FICHE/CODES_NSF/NSF/CODE')).toEqual(['326']);
        expect(value('FICHES/FICHE/DATE_EFFET')).toEqual(['01/09/2023']);
        expect(value('FICHES/FICHE/DATE_FIN_ENREGISTREMENT')).toEqual(['31/08/2028']);
        expect(value('FICHES/FICHE/ACTIF')).toEqual(['Oui']);
        expect(value('FICHES/FICHE/BLOCS_COMPETENCES/BLOC_COMPETENCES/CODE')).toEqual(['RNCP12345BC01', 'RNCP12345BC02']);
        expect(value('FICHES/FICHE/BLOCS_COMPETENCES/BLOC_COMPETENCES/LIBELLE')[0]).toBe('Tests < 10 ms & > 0 ]]> fin');
        expect(value('FICHES/FICHE/BLOCS_COMPETENCES/BLOC_COMPETENCES/LISTE_COMPETENCES')[0]).toBe('C1.1 - Comparer a < b et b > c, puis écrire R&D\nC1.2 - Citer ]]> sans casser le XML ; l\'apostrophe aussi');
        const modalites = value('FICHES/FICHE/BLOCS_COMPETENCES/BLOC_COMPETENCES/MODALITES_EVALUATION');
        expect(modalites[0]).toContain('Consigne : Première ligne avec <balise> & entité.\nDeuxième ligne.');
        expect(modalites[0]).toContain('Critère CR1.1.1 : Le résultat < 5 % d\'erreur (vérifie C1.1)');
        expect(modalites[1]).toContain('Le bloc est validé quand 50 % de ses compétences sont acquises.');
        expect(value('FICHES/FICHE/CORRESPONDANCES/CORRESPONDANCE/SOURCE/BLOC_COMPETENCES/CODE')).toEqual(['RNCP12345BC01']);
        expect(value('FICHES/FICHE/CORRESPONDANCES/CORRESPONDANCE/DESTINATION/NUMERO_FICHE')).toEqual(['RNCP11111']);
        expect(value('FICHES/FICHE/CORRESPONDANCES/CORRESPONDANCE/DESTINATION/BLOC_COMPETENCES/CODE')).toEqual(['RNCP11111BC02']);
    });

    it('aller-retour .ref → XML RNCP → import → XML : mêmes blocs, mêmes codes, mêmes textes, même XML', () => {
        for (const [folder, code] of ROUND_TRIP) {
            const dir = temp();
            const xml = path.join(dir, 'fiche.xml');
            const exported = runCli(['export', folder, '--format', 'rncp-xml', '--out', xml, ...(code ? ['--referentiel', code] : [])]);
            expect(exported.code, exported.stderr).toBe(0);
            const out = path.join(dir, 'import');
            const imported = runCli(['import', 'rncp', xml, '--all', '--out', out]);
            expect(imported.code, imported.stderr).toBe(0);
            expect(imported.stderr).toContain('dont 0 sans code dans la fiche');
            const [file] = readdirSync(out);
            const lint = runCli(['lint', out, '--quiet']);
            expect(lint.code, lint.stdout).toBe(0);
            const before = shape(folder, code || undefined);
            const after = shape(path.join(out, file));
            expect(after).toEqual(before);
            // Et le XML de l'import, réexporté, est identique octet pour octet.
            const again = runCli(['export', path.join(out, file), '--format', 'rncp-xml']);
            expect(again.code, again.stderr).toBe(0);
            expect(again.stdout).toBe(readFileSync(xml, 'utf8'));
            // Les équivalences aussi.
            const equivalences = (f: string, c?: string) => JSON.stringify(runCli(['export', f, '--format', 'rncp-xml', ...(c ? ['--referentiel', c] : [])]).stdout.match(/<CORRESPONDANCES>[\s\S]*<\/CORRESPONDANCES>/)?.[0] ?? '');
            expect(equivalences(path.join(out, file))).toBe(equivalences(folder, code || undefined));
        }
    }, 300_000);

    it('aller-retour d\'un référentiel qui a un numéro RNCP : blocs RNCPnnnnnBCnn, mêmes textes, même XML', () => {
        const folder = 'test/fixtures/referentiels/aller-retour';
        const dir = temp();
        const xml = path.join(dir, 'fiche.xml');
        expect(runCli(['export', folder, '--format', 'rncp-xml', '--out', xml]).code).toBe(0);
        const out = path.join(dir, 'import');
        const imported = runCli(['import', 'rncp', xml, '--out', out]);
        expect(imported.code, imported.stderr).toBe(0);
        expect(readdirSync(out)).toEqual(['RNCP12345.ref']);
        expect(runCli(['lint', out, '--quiet']).code).toBe(0);
        // BC01 et B-ORAL deviennent RNCP12345BC01 et RNCP12345BC02 ; titres, compétences et textes sont les mêmes.
        const before = shape(folder);
        const after = shape(path.join(out, 'RNCP12345.ref'));
        expect(after.blocs.map(b => b.code)).toEqual(['RNCP12345BC01', 'RNCP12345BC02']);
        expect(after.blocs.map(b => ({ ...b, code: '' }))).toEqual(before.blocs.map(b => ({ ...b, code: '' })));
        const again = runCli(['export', path.join(out, 'RNCP12345.ref'), '--format', 'rncp-xml']);
        expect(again.code, again.stderr).toBe(0);
        expect(again.stdout).toBe(readFileSync(xml, 'utf8'));
    }, 120_000);
});

describe('referentiel export --format case', () => {
    const v10 = (() => {
        const ajv = new Ajv({ allErrors: true, strict: false });
        addFormats(ajv);
        return ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/interop/case/case-v1p0-cfpackage-schema.json'), 'utf8')));
    })();
    const v11 = (() => {
        const ajv = new Ajv2020({ allErrors: true, strict: true });
        addFormats(ajv);
        return ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas/case-1.1-additions.schema.json'), 'utf8')));
    })();

    it('un CFPackage CASE 1.1 valide, écrit atomiquement, mêmes octets d\'une exécution et d\'un dossier à l\'autre', () => {
        const dir = temp();
        const out = path.join(dir, 'case.json');
        const r = runCli(['export', 'test/fixtures/cli/decoupe', '--format', 'case', '--out', out]);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toContain(`exporté dans ${out}`);
        const text = readFileSync(out, 'utf8');
        const data = JSON.parse(text);
        expect(v10(data), JSON.stringify(v10.errors)).toBe(true);
        expect(v11(data), JSON.stringify(v11.errors)).toBe(true);
        expect(data.CFDocument.caseVersion).toBe('1.1');
        expect(runCli(['export', 'test/fixtures/cli/decoupe', '--format', 'case']).stdout).toBe(text);
        const { dir: copy, cleanup } = tempCopy('test/fixtures/cli/decoupe');
        later(cleanup);
        expect(runCli(['export', '.', '--format', 'case'], { cwd: copy }).stdout).toBe(text);
    });

    it('un référentiel en erreur n\'est pas exporté ; un format inconnu est une erreur d\'usage', () => {
        const r = runCli(['export', 'test/fixtures/cli/erreurs', '--format', 'case']);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        const bad = runCli(['export', 'test/fixtures/cli/propre', '--format', 'xml']);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain('Format inconnu « xml ». Formats possibles : json, rncp-xml, case, docx, pdf et html.');
    });

    it('le format json reste le défaut, inchangé', () => {
        const a = runCli(['export', 'test/fixtures/cli/propre']);
        const b = runCli(['export', 'test/fixtures/cli/propre', '--format', 'json']);
        expect(a.code).toBe(0);
        expect(b.stdout).toBe(a.stdout);
        expect(JSON.parse(a.stdout)).toMatchObject({ format: 'referentiel', version: 1, code: 'MINI' });
    });
});
