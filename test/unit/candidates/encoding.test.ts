import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFile, readCohort, type TextEncoding } from '../../../language-server/src/evaluation/candidates/index.js';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { cohortProblems, collect, model, tempDir, writeTemp } from './helpers.js';

let mini: ReferentielModel;
let dir: string;
let cleanup: () => void;
beforeAll(async () => {
    mini = await model('mini');
    ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

async function decode(file: string, chunkSize?: number): Promise<{ text: string; encoding?: TextEncoding }> {
    let encoding: TextEncoding | undefined;
    let text = '';
    for await (const chunk of decodeFile(file, { chunkSize, onEncoding: e => { encoding = e; } })) text += chunk;
    return { text, encoding };
}

/** Des lignes ASCII jusqu'à dépasser `bytes` octets. */
function asciiRows(bytes: number, from = 1): string[] {
    const rows: string[] = [];
    let size = 0;
    for (let i = from; size <= bytes; i++) {
        const row = `${String(i).padStart(6, '0')};Candidat sans accent;A;A;S;S;12,5;`;
        rows.push(row);
        size += row.length + 2;
    }
    return rows;
}

const HEAD = 'candidat;nom;C1.1;C1.2;CR1.1.1;CR1.1.2;memoire;blocs_acquis';

describe('encodage des cohortes CSV', () => {
    it('Windows-1252 détecté au premier octet non ASCII, même au-delà de 100 Ko', async () => {
        const before = asciiRows(150 * 1024);
        const text = [HEAD, ...before, 'X-1;Hélène Brûlé-Çava;A;NA;S;NS;9,5;', ...asciiRows(20 * 1024, 900_000), 'X-2;Zoë Œuvré 5 € ;A;A;S;S;;'].join('\r\n') + '\r\n';
        const bytes = iconv.encode(text, 'windows-1252');
        expect(bytes.indexOf(0xe9)).toBeGreaterThan(100 * 1024);
        const file = writeTemp(dir, 'cp1252-loin.csv', bytes);

        const decoded = await decode(file);
        expect(decoded.encoding).toBe('windows-1252');
        expect(decoded.text).toBe(text);

        const rows = await collect(file, mini);
        const late = rows.find(r => r.candidat.id === 'X-1')!;
        expect(late.candidat.nom).toBe('Hélène Brûlé-Çava');
        expect(late.source.line).toBe(before.length + 2);
        expect(rows.find(r => r.candidat.id === 'X-2')!.candidat.nom).toBe('Zoë Œuvré 5 €');
        expect(rows).toHaveLength(text.split('\r\n').length - 2);
    });

    it('UTF-8 sans BOM : le premier caractère accentué à cheval sur deux morceaux, au-delà de 100 Ko', async () => {
        const prefix = 'a'.repeat(131_071); // « é » (C3 A9) commence au dernier octet du 2e morceau de 64 Kio
        const text = `candidat;nom\n1;${prefix}é\n2;Zoë €𝄞\n`;
        const bytes = Buffer.from(text, 'utf8');
        expect(bytes.indexOf(0xc3)).toBe(131_071 + 'candidat;nom\n1;'.length);
        const file = writeTemp(dir, 'utf8-cheval.csv', bytes);
        for (const chunkSize of [65_536, 131_086, 131_087, 131_088]) {
            const decoded = await decode(file, chunkSize);
            expect(decoded.encoding, `morceaux de ${chunkSize}`).toBe('utf-8');
            expect(decoded.text).toBe(text);
        }
    });

    it('UTF-8 découpé en tout petits morceaux (séquences de 2, 3 et 4 octets coupées partout)', async () => {
        const text = 'candidat;nom\r\n1;Élodie Größe — 5 € 𝄞 ☃\r\n2;Ünal Çelik\r\n';
        const file = writeTemp(dir, 'utf8-petits.csv', Buffer.from(text, 'utf8'));
        for (const chunkSize of [1, 2, 3, 5, 7]) {
            expect((await decode(file, chunkSize)).text).toBe(text);
        }
        const cp = writeTemp(dir, 'cp-petits.csv', iconv.encode(text.replace(/[—𝄞☃]/g, '-'), 'windows-1252'));
        for (const chunkSize of [1, 2, 3]) {
            const decoded = await decode(cp, chunkSize);
            expect(decoded.encoding).toBe('windows-1252');
            expect(decoded.text).toBe(text.replace(/[—𝄞☃]/g, '-'));
        }
    });

    it('BOM UTF-8 retiré ; BOM UTF-16 (« Texte Unicode » d\'Excel, tabulations) ; fichier ASCII', async () => {
        const bom = await decode(writeTemp(dir, 'bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('candidat;nom\n1;Zoé\n')])));
        expect(bom).toEqual({ text: 'candidat;nom\n1;Zoé\n', encoding: 'utf-8' });

        const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('candidat\tnom\tC1.1\tmemoire\r\n1\tZoé\tA\t12,5\r\n', 'utf16le')]);
        const rows = await collect(writeTemp(dir, 'unicode.tsv', utf16), mini);
        expect(rows.map(r => [r.candidat, r.competences.get('C1.1'), r.epreuves.get('memoire')])).toEqual([[{ id: '1', nom: 'Zoé' }, 'acquise', 12.5]]);

        const ascii = await decode(writeTemp(dir, 'ascii.csv', 'candidat\n1\n'));
        expect(ascii).toEqual({ text: 'candidat\n1\n', encoding: 'utf-8' });
    });

    it('un octet non UTF-8 plus loin dans un fichier UTF-8 : problème « encodage » à sa ligne', async () => {
        const bytes = Buffer.concat([
            Buffer.from(`${HEAD}\n1;Zoé;A;A;S;S;12;\n2;Ana`, 'utf8'),
            Buffer.from([0xef]), // « ï » en Windows-1252
            Buffer.from('s;A;A;S;S;12;\n', 'utf8')
        ]);
        const { problems } = await cohortProblems(writeTemp(dir, 'melange.csv', bytes), mini);
        expect(problems).toEqual([expect.objectContaining({ kind: 'encodage', line: 3, column: 6 })]);
        expect(problems[0].message).toContain('Réenregistrez-le depuis le tableur en « CSV UTF-8 »');
    });

    it('progression : octets lus jusqu\'à la taille du fichier', async () => {
        const file = writeTemp(dir, 'progression.csv', [HEAD, ...asciiRows(300 * 1024)].join('\n'));
        const total = readFileSync(file).length;
        const calls: Array<[number, number]> = [];
        for await (const _ of readCohort(file, mini, { onProgress: (read, size) => calls.push([read, size]) })) { /* rien */ }
        expect(calls.length).toBeGreaterThan(3);
        expect(calls.every(([, size]) => size === total)).toBe(true);
        expect(calls.at(-1)![0]).toBe(total);
        expect(calls.map(([read]) => read)).toEqual([...calls.map(([read]) => read)].sort((a, b) => a - b));
    });
});
