import { createReadStream, promises as fs } from 'node:fs';
import iconv from 'iconv-lite';
import { SaxesParser } from 'saxes';

/**
 * Lecture en flux de l'export open data des fiches RNCP (France Compétences, « flux XML
 * V4.1 » : racine FICHES, VERSION_FLUX, une FICHE par certification).
 *
 * L'export quotidien complet compte environ 25 600 fiches : il n'est jamais chargé en entier.
 * Le fichier est lu par morceaux, analysé par saxes, et chaque fiche est rendue dès sa balise
 * fermante, avec seulement les champs utiles (les milliers de PARTENAIRE sont ignorés) :
 * mémoire constante quelle que soit la taille de l'export.
 *
 * Sécurité : saxes ne développe pas les entités (ni internes déclarées dans une DTD, ni
 * externes) et ne lit aucun fichier ni URL ; une DOCTYPE qui déclare des entités est de plus
 * refusée explicitement (protection contre « billion laughs » et XXE).
 */

export interface RncpBloc {
    code?: string;
    libelle?: string;
    listeCompetences?: string;
    modalitesEvaluation?: string;
}

export interface RncpCorrespondance {
    /** Blocs de la fiche (source). */
    sources: string[];
    destinationFiche?: string;
    /** Blocs de la fiche de destination (aucun : la fiche entière). */
    destinations: string[];
}

export interface RncpFiche {
    numero?: string;
    intitule?: string;
    /** « Oui » / « Non ». */
    actif?: string;
    /** « NIV7 »… */
    niveau?: string;
    niveauLibelle?: string;
    nsf: Array<{ code?: string; libelle?: string }>;
    certificateurs: Array<{ siret?: string; nom?: string; /** « Actif » / « Inactif ». */ etat?: string }>;
    activitesVisees?: string;
    /** ID_FICHE : l'identifiant interne du registre. */
    idFiche?: string;
    /** ETAT_FICHE : « Publiée », « Modifications à valider »… */
    etatFiche?: string;
    formacodes: Array<{ code?: string; libelle?: string }>;
    romes: Array<{ code?: string; libelle?: string }>;
    /** EXISTENCE_PARTENAIRES : « Oui » / « Non ». */
    existencePartenaires?: string;
    capacitesAttestees?: string;
    secteursActivite?: string;
    typeEmploiAccessibles?: string;
    objectifsContexte?: string;
    /** SI_JURY_FI, _CA, _FC, _CQ, _CL, _VAE (clé : FI, CA…) : ACTIF (« Oui » / « Non ») et COMPOSITION. */
    jurys: Record<string, { actif?: string; composition?: string }>;
    /** ACCESSIBLE_NOUVELLE_CALEDONIE, ACCESSIBLE_POLYNESIE_FRANCAISE : « Oui » / « Non ». */
    accessibleNouvelleCaledonie?: string;
    accessiblePolynesieFrancaise?: string;
    /** TYPE_ENREGISTREMENT : « Enregistrement de droit » / « Enregistrement sur demande ». */
    typeEnregistrement?: string;
    /** DATE_EFFET, DATE_DECISION, DATE_FIN_ENREGISTREMENT, DATE_DE_PUBLICATION… (JJ/MM/AAAA). */
    dates: Record<string, string>;
    blocs: RncpBloc[];
    correspondances: RncpCorrespondance[];
    /** Ligne de la balise <FICHE> dans l'export. */
    line: number;
}

export type RncpReadErrorKind = 'malformed' | 'entities' | 'not-rncp' | 'encoding' | 'io' | 'too-deep' | 'too-large';

/**
 * Les bornes d'un export : un export réel a 7 niveaux d'éléments et des champs de quelques
 * dizaines de kilo-octets. Au-delà, le document est refusé (avant : 100 000 niveaux
 * imbriqués = 147 s, un champ de 200 Mo = 2,8 Go de mémoire).
 */
export const RNCP_LIMITS = {
    /** Niveaux d'éléments imbriqués. */
    depth: 64,
    /** Caractères d'un texte (champ, attribut, commentaire) sans balise. */
    field: 4 * 1024 * 1024
} as const;

/** Un export illisible : où (ligne, colonne à partir de 1) et pourquoi. */
export class RncpReadError extends Error {
    constructor(readonly kind: RncpReadErrorKind, readonly detail: string, readonly line = 0, readonly column = 0) {
        super(detail);
        this.name = 'RncpReadError';
    }
}

export interface RncpReadHandlers {
    /** Appelé pour chaque fiche, dans l'ordre du fichier ; attendu avant de lire la suite. */
    fiche(fiche: RncpFiche): void | Promise<void>;
    /** Octets lus depuis le début, fiches lues. */
    progress?(bytes: number, fiches: number): void;
}

export interface RncpReadSummary {
    readonly fiches: number;
    readonly version?: string;
    readonly bytes: number;
}

/** Les voies d'accès dont la fiche décrit le jury (SI_JURY_<voie>), dans l'ordre du registre. */
export const JURY_VOIES = ['FI', 'CA', 'FC', 'CQ', 'CL', 'VAE'] as const;

/** Champs lus, par chemin sous FICHE. */
const SCALARS: Record<string, (f: RncpFiche, value: string) => void> = {
    'NUMERO_FICHE': (f, v) => { f.numero = v; },
    'INTITULE': (f, v) => { f.intitule = v; },
    'ACTIF': (f, v) => { f.actif = v; },
    'NOMENCLATURE_EUROPE/NIVEAU': (f, v) => { f.niveau = v; },
    'NOMENCLATURE_EUROPE/LIBELLE': (f, v) => { f.niveauLibelle = v; },
    'CODES_NSF/NSF/CODE': (f, v) => { last(f.nsf).code = v; },
    'CODES_NSF/NSF/LIBELLE': (f, v) => { last(f.nsf).libelle = v; },
    'CERTIFICATEURS/CERTIFICATEUR/SIRET_CERTIFICATEUR': (f, v) => { last(f.certificateurs).siret = v; },
    'CERTIFICATEURS/CERTIFICATEUR/NOM_CERTIFICATEUR': (f, v) => { last(f.certificateurs).nom = v; },
    'CERTIFICATEURS/CERTIFICATEUR/ETAT_CERTIFICATEUR': (f, v) => { last(f.certificateurs).etat = v; },
    'ACTIVITES_VISEES': (f, v) => { f.activitesVisees = v; },
    'ID_FICHE': (f, v) => { f.idFiche = v; },
    'ETAT_FICHE': (f, v) => { f.etatFiche = v; },
    'FORMACODES/FORMACODE/CODE': (f, v) => { last(f.formacodes).code = v; },
    'FORMACODES/FORMACODE/LIBELLE': (f, v) => { last(f.formacodes).libelle = v; },
    'CODES_ROME/ROME/CODE': (f, v) => { last(f.romes).code = v; },
    'CODES_ROME/ROME/LIBELLE': (f, v) => { last(f.romes).libelle = v; },
    'EXISTENCE_PARTENAIRES': (f, v) => { f.existencePartenaires = v; },
    'CAPACITES_ATTESTEES': (f, v) => { f.capacitesAttestees = v; },
    'SECTEURS_ACTIVITE': (f, v) => { f.secteursActivite = v; },
    'TYPE_EMPLOI_ACCESSIBLES': (f, v) => { f.typeEmploiAccessibles = v; },
    'OBJECTIFS_CONTEXTE': (f, v) => { f.objectifsContexte = v; },
    'ACCESSIBLE_NOUVELLE_CALEDONIE': (f, v) => { f.accessibleNouvelleCaledonie = v; },
    'ACCESSIBLE_POLYNESIE_FRANCAISE': (f, v) => { f.accessiblePolynesieFrancaise = v; },
    'TYPE_ENREGISTREMENT': (f, v) => { f.typeEnregistrement = v; },
    ...Object.fromEntries(JURY_VOIES.flatMap(voie => [
        [`SI_JURY_${voie}/ACTIF`, (f: RncpFiche, v: string) => { (f.jurys[voie] ??= {}).actif = v; }],
        [`SI_JURY_${voie}/COMPOSITION`, (f: RncpFiche, v: string) => { (f.jurys[voie] ??= {}).composition = v; }]
    ])),
    'BLOCS_COMPETENCES/BLOC_COMPETENCES/CODE': (f, v) => { last(f.blocs).code = v; },
    'BLOCS_COMPETENCES/BLOC_COMPETENCES/LIBELLE': (f, v) => { last(f.blocs).libelle = v; },
    'BLOCS_COMPETENCES/BLOC_COMPETENCES/LISTE_COMPETENCES': (f, v) => { last(f.blocs).listeCompetences = v; },
    'BLOCS_COMPETENCES/BLOC_COMPETENCES/MODALITES_EVALUATION': (f, v) => { last(f.blocs).modalitesEvaluation = v; },
    'CORRESPONDANCES/CORRESPONDANCE/SOURCE/BLOC_COMPETENCES/CODE': (f, v) => { last(f.correspondances).sources.push(v); },
    'CORRESPONDANCES/CORRESPONDANCE/DESTINATION/NUMERO_FICHE': (f, v) => { last(f.correspondances).destinationFiche = v; },
    'CORRESPONDANCES/CORRESPONDANCE/DESTINATION/BLOC_COMPETENCES/CODE': (f, v) => { last(f.correspondances).destinations.push(v); }
};

/** Éléments qui ouvrent une nouvelle entrée de liste. */
const RECORDS: Record<string, (f: RncpFiche) => void> = {
    'CODES_NSF/NSF': f => { f.nsf.push({}); },
    'CERTIFICATEURS/CERTIFICATEUR': f => { f.certificateurs.push({}); },
    'FORMACODES/FORMACODE': f => { f.formacodes.push({}); },
    'CODES_ROME/ROME': f => { f.romes.push({}); },
    'BLOCS_COMPETENCES/BLOC_COMPETENCES': f => { f.blocs.push({}); },
    'CORRESPONDANCES/CORRESPONDANCE': f => { f.correspondances.push({ sources: [], destinations: [] }); }
};

const DATES = new Set(['DATE_EFFET', 'DATE_DECISION', 'DATE_FIN_ENREGISTREMENT', 'DATE_DE_PUBLICATION', 'DATE_LIMITE_DELIVRANCE']);

/**
 * Les chemins lus, en arbre : chaque balise ouverte sous FICHE descend d'un nom (une recherche
 * dans une table), au lieu de recomposer son chemin de toute la pile à chaque balise (un texte
 * alloué par élément : 5 % d'un import de 100 Mo).
 */
interface PathNode {
    readonly children: Map<string, PathNode>;
    scalar?: (f: RncpFiche, value: string) => void;
    record?: (f: RncpFiche) => void;
    /** Une date de la fiche (DATE_EFFET…), sous FICHE directement. */
    date?: boolean;
}

const FICHE_PATHS: PathNode = (() => {
    const root: PathNode = { children: new Map() };
    const at = (key: string): PathNode => key.split('/').reduce((node, name) => {
        let child = node.children.get(name);
        if (!child) node.children.set(name, child = { children: new Map() });
        return child;
    }, root);
    for (const [key, scalar] of Object.entries(SCALARS)) at(key).scalar = scalar;
    for (const [key, record] of Object.entries(RECORDS)) at(key).record = record;
    for (const name of DATES) at(name).date = true;
    return root;
})();

/**
 * Une copie du texte qui ne tient plus au morceau de fichier lu. Un texte de saxes est une
 * tranche du morceau décodé (64 Ko) : tant qu'une valeur d'une fiche — ou un code tiré de
 * cette valeur, gardé dans un cache — vit, tout le morceau vit avec elle. Avant : 240 Mo de
 * morceaux retenus pour un export de 100 Mo (docs/performance.md, « import rncp »).
 */
function ownCopy(text: string): string {
    // « " " + texte » est une concaténation ; `slice` l'aplatit en un texte neuf, à sa taille.
    return text.length < 13 ? text : (' ' + text).slice(1);
}

function last<T>(list: T[]): T {
    return list[list.length - 1];
}

/** L'encodage annoncé par la déclaration XML (« UTF-8 » par défaut). */
export function declaredEncoding(head: Buffer): string {
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
    if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe)) return 'utf-16';
    const text = head.subarray(0, 200).toString('latin1');
    const m = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(text);
    return (m?.[1] ?? 'utf-8').toLowerCase();
}

interface Decoder {
    write(chunk: Buffer): string;
    end(): string;
}

function decoderFor(encoding: string): Decoder {
    if (encoding === 'utf-8' || encoding === 'utf8') {
        const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
        return {
            write: chunk => decoder.decode(chunk, { stream: true }),
            end: () => decoder.decode()
        };
    }
    if (!iconv.encodingExists(encoding)) {
        throw new RncpReadError('encoding', encoding);
    }
    const decoder = iconv.getDecoder(encoding);
    return { write: chunk => decoder.write(chunk), end: () => decoder.end() ?? '' };
}

/**
 * Lit un export RNCP en flux et appelle `handlers.fiche` pour chaque fiche.
 * Lève RncpReadError si le XML est mal formé, déclare des entités, n'est pas un export de
 * fiches, ou n'est pas dans l'encodage annoncé.
 */
export async function readRncpExport(file: string, handlers: RncpReadHandlers): Promise<RncpReadSummary> {
    let handle: fs.FileHandle;
    try {
        handle = await fs.open(file, 'r');
    } catch (error) {
        throw new RncpReadError('io', (error as NodeJS.ErrnoException).code ?? String(error));
    }
    const head = Buffer.alloc(200);
    const { bytesRead } = await handle.read(head, 0, 200, 0);
    await handle.close();
    const decoder = decoderFor(declaredEncoding(head.subarray(0, bytesRead)));

    const parser = new SaxesParser({ xmlns: false, position: true });
    const stack: string[] = [];
    // Le nœud de FICHE_PATHS de chaque élément ouvert (undefined : un élément qu'on ne lit pas).
    const nodes: Array<PathNode | undefined> = [];
    let current: RncpFiche | undefined;
    let capture: ((f: RncpFiche, value: string) => void) | undefined;
    let captureDate: string | undefined;
    let buffer = '';
    let version: string | undefined;
    let versionText: string | undefined;
    let fiches = 0;
    const ready: RncpFiche[] = [];

    const fail = (kind: RncpReadErrorKind, detail: string): never => {
        throw new RncpReadError(kind, detail, parser.line, parser.column + 1);
    };

    parser.on('error', error => {
        // Le message de saxes commence par « ligne:colonne: » ; on garde la raison.
        const reason = error.message.replace(/^[^:]*:\d+:\d+:\s*/, '').replace(/^\d+:\d+:\s*/, '');
        fail('malformed', reason);
    });
    parser.on('doctype', doctype => {
        if (/<!ENTITY/i.test(doctype)) {
            fail('entities', 'ENTITY');
        }
    });
    // Où commence le texte en cours (après la dernière balise), pour situer un champ trop long.
    let textLine = 1;
    let textColumn = 1;
    let textTag = '?xml';
    parser.on('opentag', tag => {
        stack.push(tag.name);
        nodes.push(stack.length === 2 ? (tag.name === 'FICHE' ? FICHE_PATHS : undefined)
            : stack.length > 2 ? nodes[nodes.length - 1]?.children.get(tag.name) : undefined);
        textLine = parser.line;
        textColumn = parser.column + 1;
        textTag = tag.name;
        if (stack.length > RNCP_LIMITS.depth) {
            fail('too-deep', String(RNCP_LIMITS.depth));
        }
        if (stack.length === 1 && tag.name !== 'FICHES') {
            fail('not-rncp', tag.name);
        }
        if (stack.length === 2 && tag.name === 'VERSION_FLUX') {
            versionText = '';
            return;
        }
        if (stack.length === 2 && tag.name === 'FICHE') {
            current = { nsf: [], certificateurs: [], formacodes: [], romes: [], jurys: {}, dates: {}, blocs: [], correspondances: [], line: parser.line };
            return;
        }
        if (!current || stack.length < 3) return;
        const node = nodes[nodes.length - 1];
        if (!node) return;
        node.record?.(current);
        if (node.scalar) {
            capture = node.scalar;
            buffer = '';
        } else if (stack.length === 3 && node.date) {
            captureDate = tag.name;
            buffer = '';
        }
    });
    const tooLarge = (): never => {
        throw new RncpReadError('too-large', textTag, textLine, textColumn);
    };
    const onText = (text: string): void => {
        if (text.length > RNCP_LIMITS.field) tooLarge();
        if (capture || captureDate) {
            buffer += text;
            if (buffer.length > RNCP_LIMITS.field) tooLarge();
        }
        else if (versionText !== undefined) versionText += text;
    };
    parser.on('text', onText);
    parser.on('cdata', onText);
    parser.on('closetag', tag => {
        textLine = parser.line;
        textColumn = parser.column + 1;
        textTag = tag.name;
        if (current && stack.length >= 3) {
            if (capture && nodes[nodes.length - 1]?.scalar === capture) {
                capture(current, ownCopy(buffer.trim()));
                capture = undefined;
            } else if (captureDate === tag.name && stack.length === 3) {
                current.dates[tag.name] = ownCopy(buffer.trim());
                captureDate = undefined;
            }
        }
        if (stack.length === 2 && tag.name === 'VERSION_FLUX' && versionText !== undefined) {
            version = versionText.trim();
            versionText = undefined;
        }
        if (stack.length === 2 && tag.name === 'FICHE' && current) {
            ready.push(current);
            current = undefined;
            fiches++;
        }
        stack.pop();
        nodes.pop();
    });

    const stream = createReadStream(file, { highWaterMark: 64 * 1024 });
    let bytes = 0;
    // Longueur du texte sans « < » en cours : saxes garde tout un texte en mémoire jusqu'à la
    // balise suivante, on refuse donc un champ trop long avant de le lui donner.
    let run = 0;
    const scan = (text: string): void => {
        let from = 0;
        for (;;) {
            const at = text.indexOf('<', from);
            if (at < 0) {
                run += text.length - from;
                break;
            }
            run += at - from;
            if (run > RNCP_LIMITS.field) break;
            run = 0;
            from = at + 1;
        }
        if (run > RNCP_LIMITS.field) tooLarge();
    };
    try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
            bytes += chunk.length;
            let text: string;
            try {
                text = decoder.write(chunk);
            } catch {
                fail('encoding', 'utf-8');
            }
            scan(text!);
            parser.write(text!);
            while (ready.length) {
                await handlers.fiche(ready.shift()!);
            }
            handlers.progress?.(bytes, fiches);
        }
        let rest: string;
        try {
            rest = decoder.end();
        } catch {
            fail('encoding', 'utf-8');
        }
        parser.write(rest!);
        parser.close();
        while (ready.length) {
            await handlers.fiche(ready.shift()!);
        }
    } finally {
        stream.destroy();
    }
    handlers.progress?.(bytes, fiches);
    return { fiches, version, bytes };
}
