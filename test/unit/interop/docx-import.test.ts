import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildSeedDocx, OUTPUT } from '../../../scripts/make-seed-docx.mjs';
import { docxToRef, DocxImportError } from '../../../language-server/src/interop/docx-import.js';
import { DocxReadError, readDocx } from '../../../language-server/src/interop/docx-reader.js';

const PARTS = ['word/document.xml', 'word/numbering.xml', 'word/footnotes.xml', 'word/styles.xml'];

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
    const zip = await JSZip.loadAsync(bytes);
    return Object.fromEntries(await Promise.all(PARTS.map(async p => [p, await zip.file(p)!.async('string')])));
}

describe('la fixture Word du référentiel de départ', () => {
    it('est celle que produit scripts/make-seed-docx.mjs à partir du texte publié', async () => {
        const fresh = await parts(await buildSeedDocx());
        const committed = await parts(readFileSync(OUTPUT));
        for (const part of PARTS) expect(fresh[part], part).toBe(committed[part]);
    });

    it('a les traits du document publié : fusions verticales, en-têtes répétés, listes Word, note de bas de page, tableau coupé', async () => {
        const xml = (await parts(readFileSync(OUTPUT)))['word/document.xml'];
        expect(xml).toContain('<w:vMerge w:val="restart"/>');
        expect(xml).toContain('<w:vMerge w:val="continue"/>');
        expect(xml).toContain('<w:tblHeader/>');
        expect(xml).toContain('<w:gridSpan w:val="4"/>');
        expect(xml).toContain('<w:numPr>');
        expect(xml).toContain('<w:footnoteReference');
        expect(xml).toContain('<w:br w:type="page"/>');
        expect(xml.match(/<w:tbl>/g)!.length).toBe(11);
    });
});

const cell = (paragraphs: Paragraph[], merge?: 'restart' | 'continue'): TableCell => new TableCell({
    children: paragraphs.length ? paragraphs : [new Paragraph('')],
    ...(merge ? { verticalMerge: merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {})
});
const bold = (text: string): Paragraph => new Paragraph({ children: [new TextRun({ text, bold: true })] });
const bullet = (text: string): Paragraph => new Paragraph({ text, numbering: { reference: 'puces', level: 0 } });
const numbered = (text: string, instance: number): Paragraph => new Paragraph({ text, numbering: { reference: 'lettres', level: 0, instance } });

async function small(children: Array<Paragraph | Table>): Promise<Uint8Array> {
    return Packer.toBuffer(new Document({
        numbering: {
            config: [
                { reference: 'puces', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•' }] },
                { reference: 'lettres', levels: [{ level: 0, format: LevelFormat.LOWER_LETTER, text: '%1)' }] }
            ]
        },
        sections: [{ children }]
    }));
}

describe('docs/interop.md', () => {
    it('les chiffres de l\'import du référentiel de départ sont ceux de l\'importeur', async () => {
        const { stats } = docxToRef(await readDocx(readFileSync(OUTPUT)));
        const doc = readFileSync(path.resolve(__dirname, '..', '..', '..', 'docs', 'interop.md'), 'utf8');
        expect(doc).toContain(`**${stats.blocs} blocs, ${stats.activites} activités, ${stats.competences} compétences, ${stats.modalites} modalités, ${stats.criteres} critères, ${stats.regles} règles d'obtention**`);
    });
});

describe('docxToRef', () => {
    it('titre de bloc en intertitre, cellules fusionnées, listes, intertitres en gras, critère multi-lignes', async () => {
        const bytes = await small([
            new Paragraph({ heading: HeadingLevel.TITLE, text: 'Référentiel de la certification professionnelle Gestionnaire de paie' }),
            new Paragraph('Préambule : ce document décrit :'),
            bullet('les activités'),
            bullet('les compétences'),
            new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Bloc 3 - Établir la paie' }),
            new Table({
                rows: [
                    new TableRow({ children: [
                        cell([bold('A3 - Paie'), new Paragraph('A3.1 Collecte des éléments')], 'restart'),
                        cell([new Paragraph('C3.1 Collecter les éléments variables'), new Paragraph('C3.2 Contrôler les bulletins')], 'restart'),
                        cell([bold('Modalité d\'évaluation des compétences C3.1, C3.2 :'), bold('Étude de cas : paie d\'une PME'), bold('Le candidat (seul) doit rendre un dossier contenant :'), numbered('les bulletins', 1), numbered('le journal de paie', 1)]),
                        cell([new Paragraph('Les éléments sont complets :'), bullet('primes'), bullet('absences'), new Paragraph('Les bulletins sont justes')])
                    ] }),
                    new TableRow({ children: [
                        cell([], 'continue'),
                        cell([], 'continue'),
                        cell([bold('Le candidat présente :'), new Paragraph('devant un jury de trois professionnels de la paie.')]),
                        cell([new Paragraph('La présentation est claire')])
                    ] })
                ]
            })
        ]);
        const document = await readDocx(bytes);
        const { files, stats, code } = docxToRef(document, { source: 'paie.docx' });
        expect(code).toBe('GESTIONNAIRE-DE-PAIE');
        expect(files.map(f => f.name)).toEqual(['gestionnaire-de-paie.ref', 'bc03.ref']);
        expect(stats).toMatchObject({ blocs: 1, activites: 1, competences: 2, modalites: 1, criteres: 3 });
        const bloc = files[1].text;
        expect(bloc).toContain('bloc BC03 "Établir la paie" {');
        expect(bloc).toContain('activité A3 "Paie" {\nactivité A3.1 "Collecte des éléments"');
        expect(bloc).toContain('compétence C3.2 "Contrôler les bulletins" issue de A3.1');
        expect(bloc).toContain('nature "étude de cas"\nseul\névalue C3.1, C3.2');
        expect(bloc).toContain('consigne "Le candidat (seul) doit rendre un dossier contenant :"');
        expect(bloc).toContain('livrable "dossier" "a) les bulletins\nb) le journal de paie"');
        expect(bloc).toContain('livrable "présentation" "Le candidat présente :\ndevant un jury de trois professionnels de la paie."');
        expect(bloc).toContain('jury 3 "professionnels de la paie"');
        expect(bloc).toContain('critère CR3.1.1 "Les éléments sont complets :\n- primes\n- absences" vérifie C3.1, C3.2');
        // La ligne fusionnée garde les compétences de la cellule du dessus ; le lien est marqué.
        expect(bloc).toMatch(/\/\/ À relire : [^\n]*\ncritère CR3\.1\.3 "La présentation est claire" vérifie C3\.1, C3\.2/);
        expect(files[0].text).toContain('note "Préambule : ce document décrit :\n- les activités\n- les compétences"');
    });

    it('refuse un document sans tableau de bloc, et un fichier qui n\'est pas un .docx', async () => {
        const document = await readDocx(await small([new Paragraph('Bloc-notes de la réunion')]));
        expect(() => docxToRef(document)).toThrow(DocxImportError);
        await expect(readDocx(new TextEncoder().encode('pas un zip'))).rejects.toMatchObject({ kind: 'not-zip' });
        const zip = new JSZip();
        zip.file('word/document.xml', '<!DOCTYPE x [<!ENTITY a "b">]><w:document/>');
        await expect(readDocx(await zip.generateAsync({ type: 'uint8array' }))).rejects.toBeInstanceOf(DocxReadError);
    });
});

