import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readRncpExport, RNCP_LIMITS, RncpReadError, type RncpFiche } from '../../../language-server/src/interop/rncp-reader.js';
import { ficheToRef } from '../../../language-server/src/interop/rncp-import.js';
import { RNCP_EXPORT } from './interop-helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'referentiel-rncp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
}

async function readAll(file: string): Promise<RncpFiche[]> {
    const fiches: RncpFiche[] = [];
    await readRncpExport(file, { fiche: f => { fiches.push(f); } });
    return fiches;
}

async function failure(file: string): Promise<RncpReadError> {
    try {
        await readAll(file);
    } catch (error) {
        expect(error).toBeInstanceOf(RncpReadError);
        return error as RncpReadError;
    }
    throw new Error('aucune erreur');
}

const FICHE = (n: string) => `<FICHE><NUMERO_FICHE>${n}</NUMERO_FICHE><INTITULE>Titre ${n}</INTITULE><BLOCS_COMPETENCES><BLOC_COMPETENCES><CODE>${n}BC01</CODE><LIBELLE>Bloc</LIBELLE><LISTE_COMPETENCES>- Faire</LISTE_COMPETENCES></BLOC_COMPETENCES></BLOCS_COMPETENCES></FICHE>`;

describe('lecture en flux de l\'export RNCP', () => {
    it('lit les champs utiles d\'une fiche réelle et ignore le reste (partenaires…)', async () => {
        const fiches = await readAll(RNCP_EXPORT);
        expect(fiches).toHaveLength(12);
        const f = fiches.find(x => x.numero === 'RNCP40344')!;
        expect(f).toMatchObject({ intitule: 'Auxiliaire spécialisé vétérinaire', actif: 'Oui', niveau: 'NIV4' });
        expect(f.dates).toMatchObject({ DATE_DECISION: '28/03/2025', DATE_FIN_ENREGISTREMENT: '28/03/2028' });
        expect(f.blocs.map(b => b.code)).toEqual(['RNCP40344BC01', 'RNCP40344BC02', 'RNCP40344BC03', 'RNCP40344BC04']);
        expect(f.correspondances[0]).toEqual({ sources: ['RNCP40344BC04'], destinationFiche: 'RNCP37507', destinations: ['RNCP37507BC04'] });
        // L'ACTIF d'un partenaire ou d'un certificateur n'est pas celui de la fiche.
        expect(fiches.find(x => x.numero === 'RNCP34762')!.actif).toBe('Non');
        // Entités prédéfinies : « R&amp;D » devient « R&D ».
        expect(fiches[0].blocs[0].listeCompetences).toContain('(SI, R&D, Production, Marketing, ...)');
    });

    it('XML mal formé : ligne et colonne de l\'erreur', async () => {
        const error = await failure(write('tronque.xml', `<?xml version="1.0" encoding="UTF-8"?>\n<FICHES>\n  <VERSION_FLUX>4.1</VERSION_FLUX>\n  ${FICHE('RNCP1')}\n  <FICHE><NUMERO_FICHE>RNCP2</NUMERO_FICHE>\n</FICHES>\n`));
        expect(error.kind).toBe('malformed');
        expect(error.line).toBe(6);
        expect(error.column).toBeGreaterThan(0);
        expect(error.detail).toMatch(/close tag/);
    });

    it('refuse une DOCTYPE qui déclare des entités (billion laughs), sans rien développer', async () => {
        const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('\n');
        const error = await failure(write('lol.xml', `<?xml version="1.0"?>\n<!DOCTYPE FICHES [\n${lol}\n]>\n<FICHES><FICHE><NUMERO_FICHE>&lol9;</NUMERO_FICHE></FICHE></FICHES>\n`));
        expect(error.kind).toBe('entities');
        expect(error.line).toBeGreaterThanOrEqual(12);
    });

    it('refuse une entité externe (XXE) : aucun fichier local n\'est lu', async () => {
        const error = await failure(write('xxe.xml', '<?xml version="1.0"?>\n<!DOCTYPE FICHES [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<FICHES><FICHE><NUMERO_FICHE>&xxe;</NUMERO_FICHE></FICHE></FICHES>\n'));
        expect(error.kind).toBe('entities');
        // Sans DOCTYPE, une entité inconnue est une erreur de syntaxe (jamais résolue).
        const undeclared = await failure(write('inconnue.xml', '<FICHES><FICHE><NUMERO_FICHE>&xxe;</NUMERO_FICHE></FICHE></FICHES>'));
        expect(undeclared.kind).toBe('malformed');
    });

    it('refuse 100 000 niveaux imbriqués vite, à l\'endroit du niveau de trop (avant : 147 s)', async () => {
        const depth = 100_000;
        const started = performance.now();
        const error = await failure(write('profond.xml', `<?xml version="1.0"?>\n<FICHES>\n<FICHE>${'<X>'.repeat(depth)}${'</X>'.repeat(depth)}</FICHE></FICHES>\n`));
        expect(performance.now() - started).toBeLessThan(5_000);
        expect(error).toMatchObject({ kind: 'too-deep', detail: String(RNCP_LIMITS.depth), line: 3 });
        // Le 65e niveau : FICHES, FICHE, puis 62 <X> passent, le 63e est refusé.
        expect(error.column).toBe('<FICHE>'.length + 63 * '<X>'.length + 1);
    });

    it('refuse un champ de plus de 4 millions de caractères avant de le garder en mémoire (avant : 200 Mo = 2,8 Go)', async () => {
        const file = path.join(dir, 'champ.xml');
        const out = createWriteStream(file);
        out.write(`<?xml version="1.0"?>\n<FICHES>\n${FICHE('RNCP1')}\n<FICHE>\n  <NUMERO_FICHE>RNCP2</NUMERO_FICHE><ACTIVITES_VISEES>`);
        const block = 'x'.repeat(1024 * 1024);
        for (let i = 0; i < 64; i++) out.write(block);
        out.end('</ACTIVITES_VISEES></FICHE></FICHES>\n');
        await new Promise<void>(resolve => out.on('finish', () => resolve()));
        const started = performance.now();
        const seen: string[] = [];
        let error: RncpReadError | undefined;
        try {
            await readRncpExport(file, { fiche: f => { seen.push(f.numero!); } });
        } catch (e) {
            error = e as RncpReadError;
        }
        expect(performance.now() - started).toBeLessThan(5_000);
        expect(error).toMatchObject({ kind: 'too-large', detail: 'ACTIVITES_VISEES', line: 5, column: '  <NUMERO_FICHE>RNCP2</NUMERO_FICHE><ACTIVITES_VISEES>'.length + 1 });
        // Une longue suite de champs ordinaires reste lisible (la borne est par texte, pas par fichier).
        expect(seen).toEqual(['RNCP1']);
        const many = await readAll(write('beaucoup.xml', `<FICHES>${Array.from({ length: 2000 }, (_, i) => FICHE(`RNCP${i}`)).join('\n')}</FICHES>`));
        expect(many).toHaveLength(2000);
    });

    it('refuse un document qui n\'est pas un export de fiches', async () => {
        const error = await failure(write('autre.xml', '<?xml version="1.0"?>\n<RESULTATS><FICHE/></RESULTATS>'));
        expect(error).toMatchObject({ kind: 'not-rncp', detail: 'RESULTATS', line: 2 });
        expect((await failure(write('vide.xml', ''))).kind).toBe('malformed');
    });

    it('lit un export en ISO-8859-1 quand la déclaration XML le dit ; refuse un faux UTF-8', async () => {
        const latin1 = iconv.encode(`<?xml version="1.0" encoding="ISO-8859-1"?>\n<FICHES>${FICHE('RNCP7')}</FICHES>`.replace('Titre', 'Intitulé éàç'), 'latin1');
        const fiches = await readAll(write('latin1.xml', latin1));
        expect(fiches[0].intitule).toBe('Intitulé éàç RNCP7');
        const fake = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<FICHES><FICHE><INTITULE>'), Buffer.from([0xe9, 0xe0]), Buffer.from('</INTITULE></FICHE></FICHES>')]);
        const error = await failure(write('faux-utf8.xml', fake));
        expect(error.kind).toBe('encoding');
    });

    it('mémoire constante : un export de 3 000 fiches, lu et converti, ne retient pas plus qu\'un de 300', async () => {
        // Les douze fiches réelles répétées (partenaires compris) : ~180 Mo pour 3 000 fiches.
        const source = readFileSync(RNCP_EXPORT, 'utf8');
        const body = source.slice(source.indexOf('<FICHE>'), source.lastIndexOf('</FICHES>'));
        const build = async (name: string, copies: number): Promise<string> => {
            const file = path.join(dir, name);
            const out = createWriteStream(file);
            const put = (s: string) => new Promise<void>(resolve => { if (out.write(s)) resolve(); else out.once('drain', () => resolve()); });
            await put('<?xml version="1.0" encoding="UTF-8"?>\n<FICHES>\n<VERSION_FLUX>4.1</VERSION_FLUX>\n');
            // Chaque copie sous d'autres numéros (fiches, blocs), comme un vrai export : des codes
            // toujours nouveaux, que le cache de canonicalCode garde.
            for (let i = 0; i < copies; i++) await put(body.replace(/\bRNCP(\d+)/g, `RNCP$1_${i}`));
            await put('</FICHES>\n');
            await new Promise<void>(resolve => out.end(() => resolve()));
            return file;
        };
        setFlagsFromString('--expose-gc');
        const gc = runInNewContext('gc') as () => void;
        const retained = async (file: string): Promise<{ fiches: number; samples: number[] }> => {
            const samples: number[] = [];
            let count = 0;
            let chunks = 0;
            gc();
            const before = process.memoryUsage().heapUsed;
            await readRncpExport(file, {
                // Chaque fiche convertie comme par l'import : ni ses valeurs ni les codes qu'en
                // garde le cache de canonicalCode ne doivent retenir les morceaux du fichier lus.
                fiche: f => { count++; ficheToRef(f); },
                progress: () => {
                    if (++chunks % 40 === 0) {
                        gc();
                        samples.push(process.memoryUsage().heapUsed - before);
                    }
                }
            });
            return { fiches: count, samples };
        };
        const small = await retained(await build('petit.xml', 25));
        const big = await retained(await build('grand.xml', 250));
        expect(small.fiches).toBe(300);
        expect(big.fiches).toBe(3000);
        const MB = 1024 * 1024;
        const peakSmall = Math.max(0, ...small.samples);
        const peakBig = Math.max(...big.samples);
        if (process.env.REFERENTIEL_DEBUG) console.log({ peakSmall: peakSmall / MB, peakBig: peakBig / MB, samples: big.samples.map(x => Math.round(x / MB)) });
        // Dix fois plus de fiches, pas plus de mémoire retenue (à quelques Mo près) ;
        // et pas de croissance entre le début et la fin de la lecture.
        expect(peakBig).toBeLessThan(peakSmall + 8 * MB);
        expect(peakBig).toBeLessThan(32 * MB);
        const quarter = Math.max(1, Math.floor(big.samples.length / 4));
        const early = Math.max(...big.samples.slice(0, quarter));
        const late = Math.max(...big.samples.slice(-quarter));
        expect(late).toBeLessThan(early + 8 * MB);
    }, 180_000);
});
