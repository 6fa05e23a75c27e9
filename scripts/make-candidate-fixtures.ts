/**
 * Produit les fixtures binaires des lecteurs de candidats (test/fixtures/candidats) :
 * - cohorte-excel-fr.csv : un CSV tel que l'enregistre un Excel français
 *   (« CSV (séparateur : point-virgule) ») : « ; », Windows-1252, fins de ligne CRLF, virgule décimale,
 *   dates JJ/MM/AAAA ;
 * - cohorte-utf8-bom.csv : « CSV UTF-8 » d'Excel (« ; », BOM, CRLF) ;
 * - cohorte-virgule.csv : séparateur « , », point décimal, UTF-8 sans BOM, LF ;
 * - cohorte.xlsx : un classeur (exceljs) à deux feuilles, avec des nombres, un texte à virgule
 *   décimale, une cellule vide, une date, une formule.
 * Les fichiers produits sont versionnés ; relancer après une modification :
 *   npx node scripts/make-candidate-fixtures.ts
 * Les noms sont fictifs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const DIR = path.resolve(import.meta.dirname, '..', 'test', 'fixtures', 'candidats');
mkdirSync(DIR, { recursive: true });

const HEADER = ['candidat', 'nom', 'date_evaluation', 'C1.1', 'C1.2', 'C2.1', 'CR1.1.1', 'CR1.1.2', 'CR2.1.1', 'memoire', 'soutenance', 'periode_entreprise', 'blocs_acquis'];

// Excel français : « ; », Windows-1252, CRLF.
const excelFr = [
    HEADER,
    ['2026-0001', 'Camille Martin', '30/06/2026', 'A', 'A', 'A', 'S', 'S', 'S', '14,5', '12', '6', ''],
    ['2026-0002', 'Léa Dupré', '30/06/2026', 'acquise', 'non acquise', '', 'satisfait', 'non satisfait', '', '9,5', '11,25', '6,5', ''],
    ['2026-0003', 'Noël Bénard', '30/06/2026', 'A', 'A', '', 'S', 'S', '', '12', '8', '7', 'BC02@30/06/2024'],
    ['2026-0004', 'Zoé Lefèvre', '30/06/2026', 'NA', 'A', 'A', 'NS', 'S', 'S', '', '', '3', '']
].map(row => row.join(';')).join('\r\n') + '\r\n';
writeFileSync(path.join(DIR, 'cohorte-excel-fr.csv'), iconv.encode(excelFr, 'windows-1252'));

// « CSV UTF-8 » d'Excel : BOM, « ; », CRLF (et une ligne vide).
const utf8Bom = [
    HEADER.join(';'),
    ['2026-0011', 'Anaïs Müller', '2026-06-30', 'A', 'A', 'A', 'S', 'S', 'S', '15', '13,5', '6', ''].join(';'),
    '',
    ['2026-0012', 'Jérôme Ødegård', '2026-06-30', 'A', 'NA', 'A', 'S', 'NS', 'S', '10', '10', '6', 'BC01|BC02@2025-06-30'].join(';')
].join('\r\n') + '\r\n';
writeFileSync(path.join(DIR, 'cohorte-utf8-bom.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf8Bom, 'utf8')]));

// Séparateur « , », point décimal, UTF-8 sans BOM, LF ; une cellule entre guillemets avec une virgule.
const comma = [
    HEADER.join(','),
    ['2026-0101', '"Martin, Camille"', '2026-06-30', 'A', 'A', 'A', 'S', 'S', 'S', '14.5', '12', '6', ''].join(','),
    ['2026-0102', 'Léa Dupré', '2026-06-30', 'acquis', 'non acquis', '', 'S', 'NS', '', '"9,5"', '11.25', '6.5', 'BC02'].join(',')
].join('\n') + '\n';
writeFileSync(path.join(DIR, 'cohorte-virgule.csv'), comma, 'utf8');

// Classeur : feuille « Cohorte » (la première), feuille « Session 2024 ».
const workbook = new ExcelJS.Workbook();
workbook.creator = 'referentiel (fixtures de test)';
workbook.created = new Date(Date.UTC(2026, 0, 1));
workbook.modified = workbook.created;
const sheet = workbook.addWorksheet('Cohorte');
sheet.addRow([...HEADER, '# remarques']);
sheet.addRow(['2026-0201', 'Camille Martin', new Date(Date.UTC(2026, 5, 30)), 'A', 'A', 'A', 'S', 'S', 'S', 14.5, '12,5', 6, null, 'RAS']);
sheet.getCell('C2').numFmt = 'dd/mm/yyyy';
sheet.addRow([20260202, 'Léa Dupré', '30/06/2026', 'acquise', 'non acquise', null, 'S', 'NS', null, 9.5, 11, 6.5, 'BC02@2024-06-30', null]);
sheet.addRow([]);
sheet.addRow(['2026-0203', 'Noël Bénard', '2026-06-30', 'A', 'A', 'A', 'S', 'S', 'S', { formula: '(12+14)/2', result: 13 }, 10, 6, 'BC01', null]);
const second = workbook.addWorksheet('Session 2024');
second.addRow(['candidat', 'C1.1', 'memoire']);
second.addRow(['2024-0001', 'A', 15]);
await workbook.xlsx.writeFile(path.join(DIR, 'cohorte.xlsx'));

console.log(`Fixtures écrites dans ${path.relative(process.cwd(), DIR)}.`);
