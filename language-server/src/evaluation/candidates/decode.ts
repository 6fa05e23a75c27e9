import { createReadStream, promises as fs } from 'node:fs';
import { TextDecoder } from 'node:util';
import iconv from 'iconv-lite';
import { msg } from '../../i18n/messages.js';
import { InputError } from './problems.js';
import '../candidate-messages.js';

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodeOptions {
    readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
    /** Appelé une fois l'encodage décidé (au premier octet non ASCII, ou à la fin). */
    readonly onEncoding?: (encoding: TextEncoding) => void;
    readonly chunkSize?: number;
}

/**
 * Longueur de la séquence UTF-8 valide qui commence à `i`, 0 si elle est invalide,
 * -1 si le tampon s'arrête avant sa fin.
 */
export function utf8SequenceAt(buf: Uint8Array, i: number): number {
    const b = buf[i];
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
    else return 0;
    for (let k = 1; k <= need; k++) {
        if (i + k >= buf.length) return -1;
        const c = buf[i + k];
        if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return 0;
    }
    return need + 1;
}

function firstNonAscii(buf: Uint8Array): number {
    for (let i = 0; i < buf.length; i++) {
        if (buf[i] >= 0x80) return i;
    }
    return -1;
}

/**
 * Le texte d'un fichier, morceau par morceau, sans le charger entier.
 *
 * Encodage : UTF-8 (avec ou sans BOM), UTF-16 avec BOM (« Texte Unicode » d'Excel), ou
 * Windows-1252 (le CSV d'un Excel français). Sans BOM, la décision se prend au premier octet
 * non ASCII : s'il ne commence pas une séquence UTF-8 valide, tout le fichier est lu en
 * Windows-1252. Jusque-là, le texte ASCII passe tel quel (il est le même dans les deux
 * encodages) : seuls les quelques octets d'une séquence coupée entre deux morceaux attendent.
 * Un octet invalide plus loin dans un fichier UTF-8 lève InputError (kind « encodage »).
 */
export async function* decodeFile(file: string, options: DecodeOptions = {}): AsyncGenerator<string> {
    const total = (await fs.stat(file)).size;
    const stream = createReadStream(file, { highWaterMark: options.chunkSize ?? 64 * 1024 });
    let encoding: TextEncoding | undefined;
    let decoder: TextDecoder | undefined;
    let pending: Buffer | undefined;
    let first = true;
    let read = 0;
    // Position (ligne, colonne) de la fin du texte déjà rendu, pour situer un octet invalide.
    let line = 1;
    let column = 1;
    const track = (text: string): string => {
        let from = 0;
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            line++;
            from = i + 1;
        }
        column = from === 0 ? column + text.length : text.length - from + 1;
        return text;
    };
    const decide = (chosen: TextEncoding): void => {
        encoding = chosen;
        if (chosen !== 'windows-1252') decoder = new TextDecoder(chosen, { fatal: chosen === 'utf-8', ignoreBOM: true });
        options.onEncoding?.(chosen);
    };
    // Windows-1252 : ligne du premier octet non UTF-8, et octets d'une séquence UTF-8 coupée en fin de morceau.
    let legacyLine = 1;
    let carry: Buffer | undefined;
    const decodeLegacy = (input: Buffer, final: boolean): string => {
        const buf = carry ? Buffer.concat([carry, input]) : input;
        carry = undefined;
        // Une séquence UTF-8 valide plus loin (« Ã© » en Windows-1252) : le fichier a été assemblé
        // à partir de deux encodages ; le lire en entier en Windows-1252 garblerait ces lignes.
        for (let i = 0; i < buf.length; i++) {
            if (buf[i] < 0xc2) continue;
            const length = utf8SequenceAt(buf, i);
            if (length > 0) {
                track(iconv.decode(buf.subarray(0, i), 'windows-1252'));
                throw new InputError([{ file, line, column, kind: 'encodage', message: msg('cand.csv.mixedEncoding', { first: legacyLine }) }]);
            }
            if (length < 0 && !final) {
                carry = Buffer.from(buf.subarray(i));
                return iconv.decode(buf.subarray(0, i), 'windows-1252');
            }
        }
        return iconv.decode(buf, 'windows-1252');
    };
    const decode = (buf: Buffer, final: boolean): string => {
        if (encoding === 'windows-1252') return decodeLegacy(buf, final);
        try {
            return decoder!.decode(buf, { stream: !final });
        } catch {
            // Situer le premier octet invalide : décodage sans échec, premier caractère de remplacement.
            const lossy = new TextDecoder('utf-8').decode(buf);
            const bad = Math.max(0, lossy.indexOf('\uFFFD'));
            track(lossy.slice(0, bad));
            throw new InputError([{ file, line, column, kind: 'encodage', message: msg('cand.csv.encoding') }]);
        }
    };
    try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
            read += chunk.length;
            options.onProgress?.(read, total);
            let buf = pending ? Buffer.concat([pending, chunk]) : chunk;
            pending = undefined;
            if (first) {
                first = false;
                if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
                    decide('utf-8');
                    buf = buf.subarray(3);
                } else if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
                    decide('utf-16le');
                    buf = buf.subarray(2);
                } else if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
                    decide('utf-16be');
                    buf = buf.subarray(2);
                }
            }
            if (encoding === undefined) {
                const i = firstNonAscii(buf);
                if (i < 0) {
                    yield track(buf.toString('latin1'));
                    continue;
                }
                const length = utf8SequenceAt(buf, i);
                if (length < 0) {
                    // Séquence coupée : on attend le morceau suivant pour décider.
                    if (i > 0) yield track(buf.toString('latin1', 0, i));
                    pending = Buffer.from(buf.subarray(i));
                    continue;
                }
                if (length === 0) legacyLine = line + (buf.toString('latin1', 0, i).match(/\n/g)?.length ?? 0);
                decide(length > 0 ? 'utf-8' : 'windows-1252');
            }
            const text = decode(buf, false);
            if (text) yield track(text);
        }
        if (encoding === undefined) {
            // Fin du fichier au milieu d'une séquence : ce n'était pas de l'UTF-8.
            if (pending) legacyLine = line;
            decide(pending ? 'windows-1252' : 'utf-8');
        }
        const rest = decode(pending ?? Buffer.alloc(0), true);
        if (rest) yield track(rest);
    } finally {
        stream.destroy();
    }
}
