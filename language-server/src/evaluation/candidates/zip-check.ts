import { promises as fs } from 'node:fs';
import { msg } from '../../i18n/messages.js';
import { MAX_XLSX_ENTRY, MAX_XLSX_RATIO, MAX_XLSX_TOTAL } from './limits.js';
import { InputError } from './problems.js';
import '../candidate-messages.js';

/** Une entrée du répertoire central d'une archive ZIP. */
export interface ZipEntry {
    readonly name: string;
    readonly compressed: number;
    readonly uncompressed: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const MiB = 1024 * 1024;

/**
 * Les entrées d'une archive ZIP d'après son répertoire central (lu à la fin du fichier, sans rien
 * décompresser). undefined si le fichier n'est pas une archive ZIP lisible (exceljs le dira).
 */
export async function zipEntries(file: string): Promise<ZipEntry[] | undefined> {
    const handle = await fs.open(file, 'r');
    try {
        const size = (await handle.stat()).size;
        // Fin du répertoire central : 22 octets, plus un commentaire d'au plus 65 535 octets.
        const tailLength = Math.min(size, 22 + 0xffff);
        const tail = Buffer.alloc(tailLength);
        await handle.read(tail, 0, tailLength, size - tailLength);
        let eocd = -1;
        for (let i = tailLength - 22; i >= 0; i--) {
            if (tail.readUInt32LE(i) === EOCD) { eocd = i; break; }
        }
        if (eocd < 0) return undefined;
        const count = tail.readUInt16LE(eocd + 10);
        const dirSize = tail.readUInt32LE(eocd + 12);
        const dirOffset = tail.readUInt32LE(eocd + 16);
        if (dirOffset + dirSize > size || dirSize > 64 * MiB) return undefined;
        const dir = Buffer.alloc(dirSize);
        await handle.read(dir, 0, dirSize, dirOffset);
        const entries: ZipEntry[] = [];
        let p = 0;
        for (let k = 0; k < count && p + 46 <= dir.length; k++) {
            if (dir.readUInt32LE(p) !== CENTRAL) return undefined;
            const compressed = dir.readUInt32LE(p + 20);
            const uncompressed = dir.readUInt32LE(p + 24);
            const nameLength = dir.readUInt16LE(p + 28);
            const extraLength = dir.readUInt16LE(p + 30);
            const commentLength = dir.readUInt16LE(p + 32);
            const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
            // Zip64 (tailles à 0xFFFFFFFF) : un classeur de résultats n'en a jamais besoin.
            entries.push({ name, compressed, uncompressed: uncompressed === 0xffffffff ? Number.MAX_SAFE_INTEGER : uncompressed });
            p += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    } finally {
        await handle.close();
    }
}

/**
 * Refuse une « bombe de décompression » avant de la donner à lire : une entrée qui se décompresse
 * au-delà de MAX_XLSX_ENTRY, ou de plus de MAX_XLSX_RATIO fois sa taille compressée (au-delà d'un
 * Mo), ou un total au-delà de MAX_XLSX_TOTAL (limits.ts).
 */
export async function checkZipBomb(file: string): Promise<void> {
    const entries = await zipEntries(file);
    if (!entries) return;
    let total = 0;
    for (const entry of entries) {
        total += entry.uncompressed;
        const ratio = entry.uncompressed / Math.max(1, entry.compressed);
        if (entry.uncompressed > MAX_XLSX_ENTRY || (entry.uncompressed > MiB && ratio > MAX_XLSX_RATIO)) {
            throw new InputError([{
                file, line: 1, column: 1, kind: 'syntaxe',
                message: msg('cand.limit.xlsxBomb', {
                    entry: entry.name.slice(0, 80), size: Math.round(entry.uncompressed / MiB), ratio: Math.round(ratio),
                    maxSize: MAX_XLSX_ENTRY / MiB, maxRatio: MAX_XLSX_RATIO
                })
            }]);
        }
    }
    if (total > MAX_XLSX_TOTAL) {
        throw new InputError([{ file, line: 1, column: 1, kind: 'syntaxe', message: msg('cand.limit.xlsxTotal', { size: Math.round(total / MiB), max: MAX_XLSX_TOTAL / MiB }) }]);
    }
}
