import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createReportWriter, renderReport } from '../../../language-server/src/evaluation/reports/index.js';
import { cohort, meta, obtenue } from './fixtures.js';

const BLOCS = ['BC01', 'BC02', 'BC03', 'BC04', 'BC05'];

function rows(csv: string): string[][] {
    return parse(csv, { delimiter: ';', bom: true, relax_column_count: false }) as string[][];
}

describe('rapport CSV', () => {
    it('UTF-8 avec BOM, « ; », CRLF : s\'ouvre dans Excel en français', () => {
        const out = renderReport('csv', meta(), cohort());
        expect(out.charCodeAt(0)).toBe(0xfeff);
        expect(Buffer.from(out, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
        expect(out.split('\r\n')).toHaveLength(5);
        expect(out.replace(/\r\n/g, '')).not.toMatch(/\n/);
    });

    it('une ligne par candidat : candidat, décision, statut de chaque bloc, motifs joints par « | »', () => {
        const results = cohort();
        const [header, ...data] = rows(renderReport('csv', meta(), results));
        expect(header).toEqual(['candidat', 'décision', ...BLOCS, 'motifs']);
        expect(data).toHaveLength(3);
        expect(data.map(r => r[0])).toEqual(['2026-0042', '2026-0043', '2026-0044']);
        expect(data.map(r => r[1])).toEqual(['obtenue', 'non obtenue', 'incomplète']);
        expect(data[0].slice(2, 7)).toEqual(['validé', 'acquis antérieurement', 'validé', 'validé', 'validé']);
        expect(data[1].slice(2, 7)).toEqual(['validé', 'validé', 'validé', 'non validé', 'validé']);
        expect(data[2].slice(2, 7)).toEqual(['acquis antérieurement', 'validé', 'incomplet', 'validé', 'validé']);
        expect(data[0][7]).toBe('');
        results.forEach((r, i) => expect(data[i][7].split(' | ').filter(Boolean)).toEqual(r.motifs));
        expect(data[1][7]).toContain('Moyenne de « Mémoire » et « Soutenance » : 9,75/20, il faut au moins 10/20');
        // Le motif contenant « ; » est entre guillemets.
        expect(renderReport('csv', meta(), results)).toContain(';"Le bloc BC03');
    });

    it('guillemets, séparateurs et sauts de ligne dans les données : citation CSV correcte', () => {
        const tricky = { ...obtenue(), candidat: { id: 'A;"B"\nC', nom: 'x' }, motifs: ['un ; deux', 'trois "quatre"', 'cinq\r\nsix'] };
        const [, row] = rows(renderReport('csv', meta(), [tricky]));
        expect(row[0]).toBe('A;"B"\nC');
        expect(row[7]).toBe('un ; deux | trois "quatre" | cinq\r\nsix');
    });

    it('une valeur qui ressemble à une formule est neutralisée (injection CSV)', () => {
        const formula = { ...obtenue(), candidat: { id: '=HYPERLINK("http://example.invalid";"x")' }, motifs: ['@SUM(A1)', '+1'] };
        const [, row] = rows(renderReport('csv', meta(), [formula]));
        expect(row[0]).toBe('\'=HYPERLINK("http://example.invalid";"x")');
        expect(row[7]).toBe('\'@SUM(A1) | +1');
    });

    it('les colonnes des blocs suivent le premier candidat ; un bloc absent donne une case vide', () => {
        const first = obtenue();
        const second = { ...obtenue(), candidat: { id: 'B' }, blocs: [...obtenue().blocs].reverse().slice(0, 4) };
        const [, a, b] = rows(renderReport('csv', meta(), [first, second]));
        expect(a.slice(2, 7)).toEqual(['validé', 'acquis antérieurement', 'validé', 'validé', 'validé']);
        expect(b.slice(2, 7)).toEqual(['', 'acquis antérieurement', 'validé', 'validé', 'validé']);
    });

    it('cohorte vide : seulement l\'en-tête', () => {
        const out = renderReport('csv', meta(), []);
        expect(rows(out)).toEqual([['candidat', 'décision', 'motifs']]);
    });

    it('en anglais : en-têtes et statuts traduits', () => {
        const [header, ...data] = rows(renderReport('csv', meta('en'), cohort()));
        expect(header).toEqual(['candidate', 'decision', ...BLOCS, 'reasons']);
        expect(data.map(r => r[1])).toEqual(['obtained', 'not obtained', 'incomplete']);
        expect(data[0].slice(2, 4)).toEqual(['validated', 'previously acquired']);
        expect(data[1][5]).toBe('not validated');
        expect(data[2][4]).toBe('incomplete');
    });

    it('écrit au fil de l\'eau : le BOM au début, l\'en-tête avec le premier candidat', () => {
        const w = createReportWriter('csv', {});
        expect(w.begin(meta())).toBe('\uFEFF');
        expect(w.candidate(obtenue(), 0).startsWith('candidat;décision;BC01;')).toBe(true);
        expect(w.candidate(obtenue(), 1).startsWith('2026-0042;obtenue;')).toBe(true);
        expect(w.end({ candidats: 2, obtenue: 2, nonObtenue: 0, incomplete: 0 })).toBe('');
    });
});
