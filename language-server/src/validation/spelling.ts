import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * La vérification de l'orthographe des textes (règle REF606, désactivée par défaut) : le vrai
 * Hunspell (paquet hunspell-asm, Hunspell compilé en WebAssembly) avec le dictionnaire français
 * de Grammalecte (paquet dictionary-fr), et les mots propres à l'espace de travail
 * (`referentiel-mots.txt`, voir docs/rules.md). Rien n'est chargé tant que la règle est éteinte.
 */

/** Le nom du fichier de mots de l'espace de travail (un mot par ligne, `#` commente). */
export const WORD_LIST_FILE = 'referentiel-mots.txt';

/** Un mot inconnu du dictionnaire, à sa place dans le texte examiné. */
export interface Misspelling {
    readonly word: string;
    readonly offset: number;
}

interface Engine {
    spell(word: string): boolean;
    suggest(word: string): string[];
}

let engine: Promise<Engine> | undefined;

/**
 * Les fichiers du dictionnaire : copiés à côté des paquets construits (out/dictionaries, voir
 * esbuild.mjs), sinon ceux du paquet dictionary-fr (tests, sources).
 */
function dictionaryFiles(): { aff: string; dic: string } {
    const built = path.join(__dirname, 'dictionaries');
    if (existsSync(path.join(built, 'fr.aff'))) {
        return { aff: path.join(built, 'fr.aff'), dic: path.join(built, 'fr.dic') };
    }
    const dir = path.dirname(createRequire(__filename).resolve('dictionary-fr'));
    return { aff: path.join(dir, 'index.aff'), dic: path.join(dir, 'index.dic') };
}

/** Le correcteur, chargé une fois (≈ 0,5 s, 80 Mo) à la première vérification demandée. */
export function speller(): Promise<Engine> {
    engine ??= (async () => {
        const { loadModule } = await import('hunspell-asm');
        const factory = await loadModule();
        const files = dictionaryFiles();
        const aff = factory.mountBuffer(readFileSync(files.aff), 'fr.aff');
        const dic = factory.mountBuffer(readFileSync(files.dic), 'fr.dic');
        const hunspell = factory.create(aff, dic);
        const known = new Map<string, boolean>();
        const suggestions = new Map<string, string[]>();
        return {
            spell: word => {
                let ok = known.get(word);
                if (ok === undefined) {
                    ok = hunspell.spell(word);
                    known.set(word, ok);
                }
                return ok;
            },
            suggest: word => {
                let list = suggestions.get(word);
                if (list === undefined) {
                    list = hunspell.suggest(word);
                    suggestions.set(word, list);
                }
                return list;
            }
        };
    })();
    return engine;
}

/** Les mots d'un fichier `referentiel-mots.txt` : un par ligne, `#` commente, casse gardée. */
export function parseWordList(text: string): string[] {
    return text.split(/\r?\n/).map(line => line.replace(/#.*$/, '').trim()).filter(line => line.length > 0);
}

const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;
/** Une adresse, un courriel, un chemin : rien à vérifier dedans. */
const NOT_PROSE = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/giu;

/** Au-delà, un « mot » n'en est pas un (un identifiant collé) : il n'est pas vérifié. */
const MAX_WORD_LENGTH = 40;

/** Les capitales dont l'accent se perd souvent à l'écrit (« Etude », « Elaborer », « A partir »). */
const CAPITAL_ACCENTS: Readonly<Record<string, readonly string[]>> = {
    E: ['É', 'È', 'Ê'], A: ['À', 'Â'], I: ['Î'], O: ['Ô'], U: ['Ù', 'Û'], C: ['Ç']
};

/**
 * Un mot juste au sens large : connu du dictionnaire, ou d'une graphie admise qu'il ne connaît pas —
 * la capitale sans accent (« Etude », « Evaluer », fréquente dans les fiches du registre) et
 * l'orthographe rectifiée de 1990 (« maitriser », « règlementaire », « évènement »), que le
 * dictionnaire classique de Grammalecte ignore. Les variantes ne sont essayées que pour un mot
 * inconnu, une position à la fois (au plus la longueur du mot, résultats en cache).
 */
function acceptedVariant(word: string, check: (word: string) => boolean): boolean {
    if (check(word)) return true;
    const accents = CAPITAL_ACCENTS[word[0]];
    if (accents && accents.some(a => check(a + word.slice(1)))) return true;
    for (let i = 0; i < word.length; i++) {
        const c = word[i];
        const variant = c === 'i' ? 'î' : c === 'u' ? 'û' : c === 'è' ? 'é' : undefined;
        if (variant && check(word.slice(0, i) + variant + word.slice(i + 1))) return true;
    }
    return false;
}

/**
 * Les mots inconnus d'un texte. Ne sont pas vérifiés : les sigles (au moins deux capitales :
 * RGPD, ETL, API), les mots qui touchent un chiffre (C1.2, 2e), ceux de la liste de l'espace de
 * travail (casse exacte, ou en minuscules pour tout mot), les mots trop longs. L'apostrophe
 * typographique vaut l'apostrophe droite ; un mot élidé (« l'entreprise ») est lu entier puis,
 * s'il est inconnu, sans son élision ; un mot composé, partie par partie s'il est inconnu entier.
 */
export function misspellings(text: string, check: (word: string) => boolean, extra: ReadonlySet<string>): Misspelling[] {
    const result: Misspelling[] = [];
    const masked = text.replace(NOT_PROSE, m => ' '.repeat(m.length));
    for (const match of masked.matchAll(WORD)) {
        let word = match[0].replace(/['’-]+$/u, '');
        let offset = match.index;
        const before = masked[offset - 1];
        const after = masked[offset + match[0].length];
        if (before === '\\' || (before !== undefined && /[\p{N}_]/u.test(before)) || (after !== undefined && /[\p{N}_]/u.test(after))) continue;
        if (word.length < 2 || word.length > MAX_WORD_LENGTH) continue;
        if ((word.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && !/\p{Ll}{2}/u.test(word.slice(1))) continue; // sigle
        const known = (w: string): boolean => extra.has(w) || extra.has(w.toLowerCase()) || acceptedVariant(w.replace(/’/g, '\''), check);
        if (known(word)) continue;
        const elision = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]/iu.exec(word);
        if (elision) {
            const rest = word.slice(elision[0].length);
            if (rest.length < 2 || known(rest)) continue;
            word = rest;
            offset += elision[0].length;
        }
        if (word.includes('-') && word.split('-').every(part => part.length === 0 || known(part))) continue;
        if (known(word)) continue;
        result.push({ word, offset });
    }
    return result;
}
