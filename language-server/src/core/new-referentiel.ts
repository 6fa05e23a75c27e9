/**
 * Créer un référentiel à remplir : l'en-tête (`certification CODE "titre"` et ses règles
 * d'obtention) et un fichier par bloc (une activité, une compétence, une modalité et son critère,
 * aux textes qui disent quoi écrire). Chaque fichier est passé au formateur ; l'ensemble se relit
 * sans erreur (`referentiel lint`). Partagé par `referentiel nouveau` et la commande du serveur
 * `referentiel.creerReferentiel` (« Nouveau référentiel… » dans VS Code).
 *
 * Rien n'est écrit si le code ou le nombre de blocs est invalide, ni si un fichier à produire
 * existe déjà dans le dossier (sauf `force`) ; l'écriture se fait d'un coup (common/files).
 */
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { msg, registerMessages } from '../i18n/messages.js';
import '../interop/docx-messages.js';
import { quoteTexte } from '../parser/value-converter.js';
import { createReferentielServices, type ReferentielServices } from '../referentiel-module.js';
import { UsageError } from './errors.js';
import { writeReferentielFolder } from './import-docx.js';
import { formatRefText } from './rncp-import.js';

registerMessages({
    'new.badCode': {
        fr: '« {code} » ne peut pas servir de code de certification : un code s\'écrit d\'un seul mot, lettres, chiffres, tirets et points (par exemple DATA-ENGINEER ou RNCP35419), sans être un mot-clé.',
        en: '"{code}" cannot be a certification code: a code is a single word of letters, digits, hyphens and dots (for example DATA-ENGINEER or RNCP35419), and not a keyword.'
    },
    'new.badTitle': {
        fr: 'Le titre de la certification est vide : donnez son intitulé (tel qu\'il figure sur la fiche RNCP).',
        en: 'The certification title is empty: give its title (as on the RNCP register entry).'
    },
    'new.badBlocs': {
        fr: 'Nombre de blocs invalide « {value} » : un entier de 1 à {max}.',
        en: 'Invalid number of blocs "{value}": an integer from 1 to {max}.'
    },
    'new.write': { fr: '{path} : écriture impossible ({reason}). Rien n\'a été écrit.', en: '{path}: cannot write ({reason}). Nothing was written.' },
});

/**
 * Les textes à remplacer. Un référentiel s'écrit en français (c'est le document déposé auprès de
 * France Compétences) : ces textes ne suivent pas la langue de l'interface. Ils disent quoi écrire
 * et se relisent sans remarque (verbe à l'infinitif, finalité ; le code de la compétence et du
 * bloc les distinguent d'un bloc à l'autre, REF605).
 */
const TEXTS = {
    blocTitle: (n: number) => `Intitulé du bloc ${n}`,
    activity: (n: number) => `Activité visée par le bloc ${n} (à décrire)`,
    competency: (code: string, bloc: string) => `Décrire ici la compétence ${code} du bloc ${bloc} : l'action (un verbe à l'infinitif), son objet, pour dire sa finalité`,
    modalite: 'Mise en situation professionnelle',
    nature: 'mise en situation',
    criterion: 'Le résultat attendu est observable et décrit ici.'
};

/** Au plus 30 blocs (les fiches du registre en ont rarement plus de 8). */
export const MAX_BLOCS = 30;

export interface NewReferentielRequest {
    readonly code: string;
    readonly titre: string;
    readonly blocs: number;
    /** Le dossier où écrire les fichiers (créé au besoin). */
    readonly out: string;
    /** Remplacer les fichiers qui existent déjà. */
    readonly force?: boolean;
}

export interface NewReferentielOutcome {
    readonly code: string;
    /** Les fichiers écrits (chemins absolus), l'en-tête d'abord. */
    readonly files: readonly string[];
}

let services: ReferentielServices | undefined;

/** Vrai si `code` est un seul code du langage (pas un mot-clé, pas deux mots). */
export function isCertificationCode(code: string): boolean {
    services ??= createReferentielServices(EmptyFileSystem).Referentiel;
    const lexed = services.parser.Lexer.tokenize(code);
    return lexed.errors.length === 0 && lexed.tokens.length === 1 && lexed.tokens[0].image === code && lexed.tokens[0].tokenType.name === 'CODE'
        && !/[.]$/.test(code);
}

/** Le nom de fichier de l'en-tête : le code en minuscules (« DATA-ENGINEER » → data-engineer.ref). */
function headerFileName(code: string): string {
    const base = code.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9.-]+/g, '-').replace(/^[.-]+|[.-]+$/g, '');
    return `${base || 'referentiel'}.ref`;
}

/** Les fichiers d'un nouveau référentiel (nom, texte déjà mis en forme), l'en-tête d'abord ; lève UsageError si la demande est invalide. */
export function newReferentielFiles(request: Pick<NewReferentielRequest, 'code' | 'titre' | 'blocs'>): Array<{ name: string; text: string }> {
    const code = request.code.trim();
    const titre = request.titre.trim();
    if (!isCertificationCode(code)) throw new UsageError(msg('new.badCode', { code }));
    if (!titre) throw new UsageError(msg('new.badTitle'));
    const count = request.blocs;
    if (!Number.isInteger(count) || count < 1 || count > MAX_BLOCS) throw new UsageError(msg('new.badBlocs', { value: String(count), max: MAX_BLOCS }));

    const header = [
        `certification ${code} ${quoteTexte(titre)} {`,
        '    niveau 5',
        '}',
        '',
        'obtention {',
        '    bloc validé si 100 % des compétences acquises',
        '    condition "Blocs" : tous les blocs validés',
        '}',
        ''
    ].join('\n');
    const files = [{ name: headerFileName(code), text: header }];
    for (let n = 1; n <= count; n++) {
        const bloc = `BC${String(n).padStart(2, '0')}`;
        const text = [
            `référentiel ${code}`,
            '',
            `bloc ${bloc} ${quoteTexte(TEXTS.blocTitle(n))} {`,
            `    activité A${n}-1 ${quoteTexte(TEXTS.activity(n))}`,
            `    compétence C${n}.1 ${quoteTexte(TEXTS.competency(`C${n}.1`, bloc))} issue de A${n}-1`,
            '',
            `    modalité M${n}.1 ${quoteTexte(TEXTS.modalite)} {`,
            `        nature ${quoteTexte(TEXTS.nature)}`,
            '        seul',
            `        évalue C${n}.1`,
            `        critère CR${n}.1.1 ${quoteTexte(TEXTS.criterion)} vérifie C${n}.1`,
            '    }',
            '}',
            ''
        ].join('\n');
        files.push({ name: `${bloc.toLowerCase()}.ref`, text });
    }
    return files.map(file => ({ name: file.name, text: formatRefText(file.text, file.name) }));
}

/** Écrit un nouveau référentiel dans `request.out` (d'un coup ; rien si un fichier existe déjà, sauf `force`). */
export async function createNewReferentiel(request: NewReferentielRequest): Promise<NewReferentielOutcome> {
    const files = newReferentielFiles(request);
    const out = path.resolve(request.out);
    const written = await writeReferentielFolder(out, request.out, files, { force: request.force, purpose: 'nouveau', writeMessage: 'new.write' });
    return { code: request.code.trim(), files: written };
}
