/**
 * Génère un export du registre (« flux XML V4.1 » de France Compétences) de la taille voulue,
 * pour mesurer `referentiel import rncp` à l'échelle de l'export quotidien (plusieurs centaines
 * de Mo) : les douze fiches réelles de test/fixtures/interop/rncp/ recopiées autant de fois
 * qu'il le faut, chaque copie avec son propre numéro de fiche (RNCP6nnnnn, hors des numéros
 * réels) et son propre ID_FICHE. Le numéro est remplacé partout dans la fiche (codes de blocs
 * RNCPnnnnnBCnn, sources des correspondances) ; les fiches citées par ailleurs (destinations
 * des correspondances, anciennes et nouvelles certifications) gardent le leur. Même en-tête,
 * même structure, même encodage que l'export réel ; déterministe (mêmes octets à chaque appel).
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import * as path from 'node:path';

export const RNCP_FIXTURE = path.join('test', 'fixtures', 'interop', 'rncp', 'export_fiches_RNCP_V4_1_12fiches.xml');

export interface GeneratedExport {
    readonly bytes: number;
    readonly fiches: number;
}

/** Écrit dans `file` un export d'au moins `targetBytes` octets (fiches entières) ; `root` : la racine du dépôt. */
export function writeRncpExport(root: string, file: string, targetBytes: number): GeneratedExport {
    const source = readFileSync(path.join(root, RNCP_FIXTURE), 'utf8');
    const first = source.indexOf('  <FICHE>');
    const end = source.lastIndexOf('</FICHES>');
    const head = source.slice(0, first);
    const fiches = source.slice(first, end).split(/(?<=<\/FICHE>\n)/);
    const numbers = fiches.map(f => /^ {4}<NUMERO_FICHE>([^<]+)<\/NUMERO_FICHE>/m.exec(f)![1]);
    const fd = openSync(file, 'w');
    let bytes = 0;
    let count = 0;
    const write = (text: string): void => {
        const buffer = Buffer.from(text, 'utf8');
        writeSync(fd, buffer);
        bytes += buffer.length;
    };
    try {
        write(head);
        const tail = '</FICHES>\n';
        while (bytes + Buffer.byteLength(tail) < targetBytes) {
            const i = count % fiches.length;
            const numero = `RNCP${600000 + count}`;
            const own = new RegExp(`\\b${numbers[i]}(?!\\d)`, 'g');
            write(fiches[i]
                .replace(own, numero)
                .replace(/^( {4}<ID_FICHE>)[^<]*/m, `$1${900000 + count}`));
            count++;
        }
        write(tail);
    } finally {
        closeSync(fd);
    }
    return { bytes, fiches: count };
}
