import { createWriteStream } from 'node:fs';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCohort } from '../../../language-server/src/evaluation/candidates/index.js';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { model, tempDir } from './helpers.js';

// Le ramasse-miettes à la demande, pour des mesures de tas stables.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ROWS = 100_000;
const MB = 1024 * 1024;

let essai: ReferentielModel;
let dir: string;
let cleanup: () => void;
beforeAll(async () => {
    essai = await model('essai');
    ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

/** Écrit une cohorte de `rows` lignes par paquets (le test lui-même ne garde pas le fichier en mémoire). */
async function writeCohort(file: string, rows: number): Promise<void> {
    const out = createWriteStream(file);
    const write = (text: string): Promise<void> => new Promise(resolve => {
        if (out.write(text)) resolve(); else out.once('drain', () => resolve());
    });
    await write('candidat;nom;date_evaluation;C1.1;C1.2;C2.1;CR1.1.1;CR1.1.2;CR2.1.1;memoire;soutenance;periode_entreprise;blocs_acquis\r\n');
    for (let start = 0; start < rows; start += 1000) {
        let chunk = '';
        for (let i = start; i < Math.min(rows, start + 1000); i++) {
            const grade = (i % 41) / 2;
            chunk += `2026-${String(i).padStart(6, '0')};Candidat n° ${i};30/06/2026;A;${i % 3 ? 'A' : 'NA'};A;S;${i % 7 ? 'S' : 'NS'};S;${String(grade).replace('.', ',')};12,5;${i % 9};${i % 5 ? '' : 'BC02@30/06/2024'}\r\n`;
        }
        await write(chunk);
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

describe('readCohort en flux', () => {
    it(`lit ${ROWS.toLocaleString('fr')} lignes sans que le tas grandisse avec le nombre de lignes`, async () => {
        const file = path.join(dir, 'grande-cohorte.csv');
        await writeCohort(file, ROWS);

        const started = Date.now();
        let count = 0;
        let heapAfterFirst = 0;
        let heapLate = 0;
        let peak = 0;
        let lastId = '';
        let sum = 0;
        for await (const candidate of readCohort(file, essai)) {
            count++;
            sum += candidate.epreuves.get('memoire') ?? 0;
            lastId = candidate.candidat.id;
            if (count === 1000) {
                gc();
                heapAfterFirst = process.memoryUsage().heapUsed;
            } else if (count === ROWS - 1000) {
                gc();
                heapLate = process.memoryUsage().heapUsed;
            } else if (count % 10_000 === 0) {
                peak = Math.max(peak, process.memoryUsage().heapUsed);
            }
        }
        gc();
        const heapAfter = process.memoryUsage().heapUsed;
        const seconds = (Date.now() - started) / 1000;
        console.log(`${count} candidats en ${seconds.toFixed(1)} s ; tas après 1 000 lignes ${(heapAfterFirst / MB).toFixed(1)} Mo, après ${ROWS - 1000} lignes ${(heapLate / MB).toFixed(1)} Mo, à la fin ${(heapAfter / MB).toFixed(1)} Mo, pic échantillonné ${(peak / MB).toFixed(1)} Mo`);

        expect(count).toBe(ROWS);
        expect(lastId).toBe(`2026-${String(ROWS - 1).padStart(6, '0')}`);
        expect(sum).toBeGreaterThan(0);
        // Le tas ne grandit pas avec le nombre de lignes (seul l'ensemble des identifiants, pour les doublons, reste).
        expect(heapLate - heapAfterFirst).toBeLessThan(50 * MB);
        expect(heapAfter - heapAfterFirst).toBeLessThan(50 * MB);
        expect(seconds).toBeLessThan(45);
    }, 60_000);
});
