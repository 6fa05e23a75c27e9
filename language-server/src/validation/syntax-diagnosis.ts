/**
 * Des erreurs de syntaxe qui disent la correction.
 *
 * L'analyseur sait ce qu'il attendait (« } ») et ce qu'il a trouvé (« critere ») ; une personne qui
 * n'a pas appris la grammaire a besoin de la cause : un accent oublié, une virgule manquante, une
 * accolade jamais refermée, un élément écrit hors de sa place. Ici, chaque erreur de l'analyse
 * lexicale ou syntaxique est relue avec les jetons du fichier et, quand une faute habituelle la
 * explique, son message dit la correction et porte les modifications du correctif rapide.
 *
 * Une faute, un diagnostic : la reprise sur erreur de l'analyseur produit souvent d'autres erreurs
 * plus loin dans le même élément ; seule la première erreur de chaque élément de premier niveau
 * (de « bloc » au bloc suivant…) est gardée. Un texte mal refermé décale tous les guillemets
 * suivants : son erreur est alors la seule du fichier.
 */
import type { IToken } from 'chevrotain';
import { editDistance } from '../codes.js';
import { msg, registerMessages } from '../i18n/messages.js';

/** Une erreur brute de l'analyse : lexicale (un caractère) ou syntaxique (un jeton). */
export interface RawSyntaxError {
    readonly kind: 'lexer' | 'parser';
    readonly offset: number;
    readonly length: number;
    /** Le message générique (déjà en français ou en anglais). */
    readonly message: string;
    /** Le jeton fautif (erreur syntaxique ; EOF en fin de fichier). */
    readonly token?: IToken;
    /** Ce que l'analyseur attendait (mots-clés, CODE, STRING, NOMBRE, DATE, EOF), s'il est connu. */
    readonly expected?: readonly string[];
}

export interface SyntaxEdit {
    readonly offset: number;
    readonly end: number;
    readonly newText: string;
}

/** Un diagnostic de syntaxe : où, quoi, et la correction quand elle est sûre. */
export interface SyntaxFinding {
    readonly offset: number;
    readonly end: number;
    readonly message: string;
    readonly fix?: { readonly title: string; readonly edits: readonly SyntaxEdit[] };
    /** Ce que la faute décale (guillemets) rend suspect tout le reste du fichier. */
    readonly wholeFile?: boolean;
}

registerMessages({
    'syntax.didYouMean': {
        fr: '« {actual} » : vouliez-vous dire « {keyword} » ?',
        en: '"{actual}": did you mean "{keyword}"?'
    },
    'syntax.fix.replace': { fr: 'Remplacer par « {text} »', en: 'Replace with "{text}"' },
    'syntax.fix.insert': { fr: 'Ajouter « {text} »', en: 'Add "{text}"' },
    'syntax.fix.remove': { fr: 'Retirer « {text} »', en: 'Remove "{text}"' },
    'syntax.fix.removeLine': { fr: 'Retirer cette ligne', en: 'Remove this line' },
    'syntax.fix.quote': { fr: 'Mettre le texte entre guillemets', en: 'Put the text between double quotes' },
    'syntax.missingComma': {
        fr: 'Virgule manquante entre {before} et {after} ? Les codes d\'une liste se séparent par des virgules : « {before}, {after} ».',
        en: 'Missing comma between {before} and {after}? The codes of a list are separated by commas: "{before}, {after}".'
    },
    'syntax.separator': {
        fr: 'Les codes d\'une liste se séparent par des virgules : remplacez « {actual} » par « , » ({before}, {after}).',
        en: 'The codes of a list are separated by commas: replace "{actual}" with "," ({before}, {after}).'
    },
    'syntax.typographicQuotes': {
        fr: 'Les textes s\'écrivent entre guillemets droits : {text} ({open} et {close} ne délimitent pas un texte).',
        en: 'Texts are written between straight double quotes: {text} ({open} and {close} do not delimit a text).'
    },
    'syntax.unquoted': {
        fr: 'Ce texte doit être entre guillemets droits : {keyword} {code}"{text}".',
        en: 'This text must be between straight double quotes: {keyword} {code}"{text}".'
    },
    'syntax.unclosedString': {
        fr: 'Le texte ouvert ligne {line} n\'est pas refermé : il manque le guillemet « " » qui le termine (la suite du fichier est lue comme du texte).',
        en: 'The text opened on line {line} is not closed: the double quote \'"\' that ends it is missing (the rest of the file is read as text).'
    },
    'syntax.unclosedBrace': {
        fr: 'Accolade « } » manquante : l\'accolade ouverte ligne {line} ({element}) n\'est pas refermée avant « {actual} ».',
        en: 'Missing closing brace "}": the brace opened on line {line} ({element}) is not closed before "{actual}".'
    },
    'syntax.unclosedBraceAtEnd': {
        fr: 'Accolade « } » manquante : l\'accolade ouverte ligne {line} ({element}) n\'est pas refermée à la fin du fichier.',
        en: 'Missing closing brace "}": the brace opened on line {line} ({element}) is not closed at the end of the file.'
    },
    'syntax.missingOpenBrace': {
        fr: 'Accolade « { » manquante après le titre : {element} s\'écrit « {form} ».',
        en: 'Missing opening brace "{" after the title: {element} is written "{form}".'
    },
    'syntax.misplaced': {
        fr: '« {keyword} » n\'a pas sa place {where} : {belongs}.',
        en: '"{keyword}" does not belong {where}: {belongs}.'
    },
    'syntax.where.top': { fr: 'hors de tout élément', en: 'outside any element' },
    'syntax.where.in': { fr: 'dans {element}', en: 'in {element}' },
    'syntax.secondHeader': {
        fr: 'Un fichier n\'a qu\'un en-tête, sur sa première ligne : celui-ci commence déjà par « {header} » (ligne {line}). Retirez cette ligne.',
        en: 'A file has only one header, on its first line: this one already begins with "{header}" (line {line}). Remove this line.'
    },
    'syntax.noHeader': {
        fr: 'Le fichier doit commencer par son en-tête : « référentiel CODE » (le code de la certification ou du socle que ce fichier complète), ou « certification CODE "titre" », ou « socle CODE "titre" ».',
        en: 'The file must begin with its header: "référentiel CODE" (the code of the certification or shared set this file completes), or "certification CODE "title"", or "socle CODE "title"".'
    },
    'syntax.frenchDate': {
        fr: 'Une date s\'écrit AAAA-MM-JJ : {date}.',
        en: 'A date is written YYYY-MM-DD: {date}.'
    },
    'syntax.level': {
        fr: 'Le niveau est un nombre : « niveau {level} ».',
        en: 'The level is a number: "niveau {level}".'
    },
    'syntax.quotedNumber': {
        fr: 'Un nombre s\'écrit sans guillemets : {number}.',
        en: 'A number is written without quotes: {number}.'
    },
    'syntax.operator': {
        fr: '« {actual} » n\'est pas un opérateur : écrivez « {operator} ».',
        en: '"{actual}" is not an operator: write "{operator}".'
    },
    'syntax.extraWord': {
        fr: '« {actual} » en trop ? Attendu : « {keyword} ».',
        en: '"{actual}" is one word too many? Expected: "{keyword}".'
    },
    'syntax.missingWord': {
        fr: '« {keyword} » manquant avant « {actual} ».',
        en: '"{keyword}" missing before "{actual}".'
    },
    'syntax.missingColon': {
        fr: '« : » manquant entre le titre de la condition et son expression : « condition "titre" : expression ».',
        en: '":" missing between the title of the condition and its expression: "condition "title" : expression".'
    },
    'syntax.form': { fr: '{message} Forme attendue : « {form} ».', en: '{message} Expected form: "{form}".' },
    'syntax.element.bloc': { fr: 'le bloc {code}', en: 'the bloc {code}' },
    'syntax.element.modalité': { fr: 'la modalité {code}', en: 'the modalité {code}' },
    'syntax.element.activité': { fr: 'l\'activité {code}', en: 'the activité {code}' },
    'syntax.element.obtention': { fr: '« obtention »', en: '"obtention"' },
    'syntax.element.certification': { fr: 'la certification {code}', en: 'the certification {code}' },
    'syntax.element.socle': { fr: 'le socle {code}', en: 'the socle {code}' },
    'syntax.belongs.bloc': { fr: 'un bloc ne se déclare qu\'au premier niveau du fichier, hors de toute accolade', en: 'a bloc is declared only at the top level of the file, outside any braces' },
    'syntax.belongs.compétence': { fr: 'une compétence se déclare dans un bloc, hors de ses modalités', en: 'a competency is declared in a bloc, outside its modalités' },
    'syntax.belongs.activité': { fr: 'une activité se déclare dans un bloc ou dans une activité', en: 'an activity is declared in a bloc or in an activity' },
    'syntax.belongs.modalité': { fr: 'une modalité se déclare dans un bloc', en: 'a modalité is declared in a bloc' },
    'syntax.belongs.critère': { fr: 'un critère se déclare dans une modalité « modalité … { … } »', en: 'a criterion is declared in a modalité "modalité … { … }"' },
    'syntax.belongs.obtention': { fr: 'les règles « obtention { … } » se déclarent au premier niveau du fichier', en: 'the rules "obtention { … }" are declared at the top level of the file' },
    'syntax.belongs.obtentionClause': { fr: 'cette règle se déclare dans « obtention { … } »', en: 'this rule is declared in "obtention { … }"' },
    'syntax.belongs.modaliteClause': { fr: 'cette clause se déclare dans une modalité', en: 'this clause is declared in a modalité' },
    'syntax.belongs.blocClause': { fr: 'cette clause se déclare dans un bloc', en: 'this clause is declared in a bloc' },
    'syntax.belongs.certificationClause': { fr: 'cette propriété se déclare dans « certification … { … } »', en: 'this property is declared in "certification … { … }"' }
});

type Context = 'top' | 'bloc' | 'modalité' | 'activité' | 'obtention' | 'certification' | 'socle';

const OPENERS: ReadonlySet<string> = new Set(['bloc', 'modalité', 'activité', 'obtention', 'certification', 'socle']);

/** Où chaque mot-clé qui commence un élément ou une clause peut s'écrire, et le message qui le dit. */
const PLACES: Readonly<Record<string, { readonly in: readonly Context[]; readonly belongs: string }>> = {
    bloc: { in: ['top', 'obtention'], belongs: 'bloc' },
    obtention: { in: ['top'], belongs: 'obtention' },
    compétence: { in: ['top', 'bloc', 'obtention'], belongs: 'compétence' },
    activité: { in: ['top', 'bloc', 'activité'], belongs: 'activité' },
    modalité: { in: ['bloc'], belongs: 'modalité' },
    critère: { in: ['modalité'], belongs: 'critère' },
    épreuve: { in: ['obtention', 'modalité'], belongs: 'obtentionClause' },
    fait: { in: ['obtention'], belongs: 'obtentionClause' },
    mesure: { in: ['obtention'], belongs: 'obtentionClause' },
    condition: { in: ['obtention'], belongs: 'obtentionClause' },
    aménagement: { in: ['obtention'], belongs: 'obtentionClause' },
    blocs: { in: ['obtention'], belongs: 'obtentionClause' },
    évalue: { in: ['modalité'], belongs: 'modaliteClause' },
    nature: { in: ['modalité'], belongs: 'modaliteClause' },
    consigne: { in: ['modalité'], belongs: 'modaliteClause' },
    livrable: { in: ['modalité'], belongs: 'modaliteClause' },
    jury: { in: ['modalité'], belongs: 'modaliteClause' },
    seul: { in: ['modalité'], belongs: 'modaliteClause' },
    inclut: { in: ['bloc'], belongs: 'blocClause' },
    équivalent: { in: ['bloc'], belongs: 'blocClause' },
    validé: { in: ['bloc'], belongs: 'blocClause' },
    rncp: { in: ['certification'], belongs: 'certificationClause' },
    niveau: { in: ['certification'], belongs: 'certificationClause' },
    certificateur: { in: ['certification'], belongs: 'certificationClause' },
    nsf: { in: ['certification'], belongs: 'certificationClause' },
    enregistrement: { in: ['certification'], belongs: 'certificationClause' },
    version: { in: ['certification'], belongs: 'certificationClause' },
    utilise: { in: ['certification'], belongs: 'certificationClause' },
    statut: { in: ['certification'], belongs: 'certificationClause' }
};

const HEADERS: ReadonlySet<string> = new Set(['certification', 'socle', 'référentiel']);

/** Les formes des clauses (la syntaxe, identique dans les deux langues). */
const FORMS: Readonly<Record<string, string>> = {
    bloc: 'bloc CODE "titre" { … }',
    modalité: 'modalité CODE "titre" { … }',
    activité: 'activité CODE "texte"',
    compétence: 'compétence CODE "texte" issue de A…',
    critère: 'critère CODE "texte" vérifie C…, C… éliminatoire',
    épreuve: 'épreuve CODE "titre" sur BARÈME',
    mesure: 'mesure CODE "titre" en UNITÉ',
    condition: 'condition CODE "titre" : EXPRESSION',
    blocs: 'blocs acquis à vie | blocs acquis pendant DURÉE UNITÉ',
    validé: 'validé si N % des compétences acquises',
    aménagement: 'aménagement valable DURÉE UNITÉ ou temporaire',
    certification: 'certification CODE "titre" { … }',
    socle: 'socle CODE "titre" { … }',
    enregistrement: 'enregistrement du AAAA-MM-JJ au AAAA-MM-JJ',
    version: 'version du AAAA-MM-JJ',
    livrable: 'livrable "nature" "description"',
    jury: 'jury N "description"',
    certificateur: 'certificateur "nom" siret "…" site "…" courriel "…"',
    équivalent: 'équivalent à CODE "titre"',
    niveau: 'niveau N',
    en: 'en équipe'
};

/** Les mots-clés dont une clause introduit une liste de codes séparés par des virgules. */
const LIST_KEYWORDS: ReadonlySet<string> = new Set(['évalue', 'vérifie', 'inclut', 'utilise', 'de', '(']);

/**
 * Les mots que l'on écrit pour un mot-clé. `expected` : seulement là où l'analyseur attend ce
 * mot-clé (« validées » n'est pas toujours une faute).
 */
const SYNONYMS: Readonly<Record<string, { readonly keyword: string; readonly expected?: true }>> = {
    coefficient: { keyword: 'coef' },
    coeff: { keyword: 'coef' },
    individuel: { keyword: 'seul' },
    individuelle: { keyword: 'seul' },
    seule: { keyword: 'seul' },
    issu: { keyword: 'issue' },
    groupe: { keyword: 'équipe', expected: true },
    validées: { keyword: 'acquises', expected: true },
    validés: { keyword: 'acquis', expected: true },
    and: { keyword: 'et', expected: true },
    or: { keyword: 'ou', expected: true },
    not: { keyword: 'non', expected: true }
};

/** Les mots-clés trop courts pour être devinés hors de ce que l'analyseur attend. */
const SHORT_KEYWORDS = 4;

function normalize(word: string): string {
    return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function isWord(token: IToken): boolean {
    return /^\p{L}/u.test(token.image);
}

/** Ce que la grammaire dit des mots-clés : lesquels existent, et lesquels se suivent (« à vie »). */
export interface KeywordInfo {
    readonly keywords: ReadonlySet<string>;
    /** « à » → { « vie » } : le mot-clé qui suit un autre dans une même clause. */
    readonly followers: ReadonlyMap<string, ReadonlySet<string>>;
}

export class SyntaxDiagnosis {
    constructor(private readonly grammar: KeywordInfo) { }

    /** Les diagnostics des erreurs d'un fichier : un par faute. */
    diagnose(text: string, tokens: readonly IToken[], errors: readonly RawSyntaxError[]): SyntaxFinding[] {
        const sorted = [...errors].sort((a, b) => a.offset - b.offset);
        const boundaries = this.regionStarts(tokens);
        const findings: SyntaxFinding[] = [];
        let lastRegion = -1;
        for (const error of sorted) {
            const region = regionOf(boundaries, error.offset);
            if (region === lastRegion) continue;
            const finding = this.explain(text, tokens, error);
            findings.push(finding);
            lastRegion = region;
            if (finding.wholeFile) break;
        }
        return findings;
    }

    /** Début des éléments de premier niveau : un mot-clé d'élément en première colonne. */
    private regionStarts(tokens: readonly IToken[]): number[] {
        const starts: number[] = [];
        for (const token of tokens) {
            if (token.startColumn === 1 && (OPENERS.has(token.image) || HEADERS.has(token.image) || token.image === 'compétence') && this.grammar.keywords.has(token.image)) {
                starts.push(token.startOffset);
            }
        }
        return starts;
    }

    private explain(text: string, tokens: readonly IToken[], error: RawSyntaxError): SyntaxFinding {
        const generic: SyntaxFinding = { offset: error.offset, end: error.offset + Math.max(1, error.length), message: error.message };
        const index = tokenIndexAt(tokens, error.offset);
        return this.unclosedString(tokens, error.offset)
            ?? this.unquoted(text, error.offset)
            ?? (error.kind === 'lexer' ? this.lexerSlip(text, tokens, error, index) : this.parserSlip(text, tokens, error, index))
            ?? generic;
    }

    // --- Guillemets ---------------------------------------------------------------------------

    /**
     * Un texte dont le guillemet fermant manque avale la suite jusqu'au guillemet suivant : un
     * texte sur plusieurs lignes dont une ligne commence comme une clause (« critère CR1.1.3 … »).
     */
    private unclosedString(tokens: readonly IToken[], errorOffset: number): SyntaxFinding | undefined {
        for (const token of tokens) {
            if (token.startOffset >= errorOffset) break;
            if (token.tokenType.name !== 'STRING' || !token.image.includes('\n')) continue;
            const clause = /\n[ \t]*(critère|compétence|modalité|activité|bloc|évalue|nature|consigne|livrable|épreuve|mesure|condition)[ \t]+(?:[\p{L}\d_.-]+[ \t]+)?"/u.exec(token.image);
            if (!clause) continue;
            const firstLine = token.image.slice(0, token.image.indexOf('\n')).replace(/\s+$/, '');
            const tail = /\s+(vérifie|issue de|éliminatoire|\{)(\s|$)/u.exec(firstLine);
            const at = token.startOffset + (tail ? tail.index : firstLine.length);
            return {
                offset: token.startOffset,
                end: token.startOffset + 1,
                message: msg('syntax.unclosedString', { line: token.startLine ?? 1 }),
                fix: { title: msg('syntax.fix.insert', { text: '"' }), edits: [{ offset: at, end: at, newText: '"' }] },
                wholeFile: true
            };
        }
        return undefined;
    }

    /** Une ligne « modalité M1.2 Mise en situation {» : le titre sans ses guillemets. */
    private unquoted(text: string, offset: number): SyntaxFinding | undefined {
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        const lineEnd = (text.indexOf('\n', offset) + 1 || text.length + 1) - 1;
        const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
        if (line.includes('"')) return undefined;
        const coded = /^(\s*)(bloc|modalité|critère|compétence|activité|épreuve|mesure|socle|certification)\s+([\p{L}\d_.-]+)\s+(.*)$/u.exec(line);
        const plain = coded ? undefined : /^(\s*)(nature|consigne|note|livrable)\s+(.*)$/u.exec(line);
        if (!coded && !plain) return undefined;
        const keyword = (coded ?? plain)![2];
        let rest = coded ? coded[4] : plain![3];
        const restStart = lineStart + line.length - rest.length;
        if (!/^\p{L}/u.test(rest)) return undefined;
        // Ce qui suit le texte reste hors des guillemets : « { », « vérifie … », « issue de … », « sur 20 ».
        const after = /\s+(\{.*|vérifie\s.*|issue de\s.*|éliminatoire|sur\s+\d.*|en\s+\S+)$/u.exec(rest);
        if (after) rest = rest.slice(0, after.index);
        rest = rest.replace(/\s+$/, '');
        if (rest === '' || (coded && this.grammar.keywords.has(rest.split(/\s/)[0]))) return undefined;
        const shown = rest.length > 40 ? rest.slice(0, 37) + '…' : rest;
        return {
            offset: restStart,
            end: restStart + rest.length,
            message: msg('syntax.unquoted', { keyword, code: coded ? coded[3] + ' ' : '', text: shown }),
            fix: { title: msg('syntax.fix.quote'), edits: [{ offset: restStart, end: restStart, newText: '"' }, { offset: restStart + rest.length, end: restStart + rest.length, newText: '"' }] },
            wholeFile: true
        };
    }

    // --- Analyse lexicale -----------------------------------------------------------------------

    private lexerSlip(text: string, tokens: readonly IToken[], error: RawSyntaxError, index: number): SyntaxFinding | undefined {
        const char = text.charAt(error.offset);
        const closing: Record<string, string> = { '«': '»', '“': '”', '„': '“', '‘': '’', '\'': '\'' };
        const close = closing[char];
        if (close) {
            const lineEnd = (text.indexOf('\n', error.offset) + 1 || text.length + 1) - 1;
            const end = text.indexOf(close, error.offset + 1);
            if (end > 0 && end < lineEnd) {
                const inner = text.slice(error.offset + 1, end).trim();
                return {
                    offset: error.offset,
                    end: end + 1,
                    message: msg('syntax.typographicQuotes', { text: `"${inner}"`, open: char, close }),
                    fix: { title: msg('syntax.fix.replace', { text: `"${inner}"` }), edits: [{ offset: error.offset, end: end + 1, newText: `"${inner}"` }] }
                };
            }
        }
        const previous = tokens[index - 1];
        const next = tokens[index];
        if ((char === ';' || char === '/' || char === '&') && previous?.tokenType.name === 'CODE' && next?.tokenType.name === 'CODE' && this.inList(tokens, index - 1)) {
            return {
                offset: error.offset,
                end: error.offset + 1,
                message: msg('syntax.separator', { actual: char, before: previous.image, after: next.image }),
                fix: { title: msg('syntax.fix.replace', { text: ',' }), edits: [{ offset: error.offset, end: error.offset + 1, newText: ',' }] }
            };
        }
        return undefined;
    }

    // --- Analyse syntaxique ----------------------------------------------------------------------

    private parserSlip(text: string, tokens: readonly IToken[], error: RawSyntaxError, index: number): SyntaxFinding | undefined {
        const token = tokens[index];
        const atEnd = !token || token.startOffset !== error.offset;
        const previous = atEnd ? tokens[tokens.length - 1] : tokens[index - 1];
        const expected = error.expected ?? [];
        if (atEnd) {
            return expected.includes('}') ? this.unclosedBrace(text, tokens, tokens.length, undefined) : undefined;
        }
        return this.registerNotation(text, token, previous, expected)
            ?? this.operator(token, previous)
            ?? this.keywordSlip(token, expected)
            ?? this.missingComma(tokens, index)
            ?? this.wordOrder(tokens, index, expected)
            ?? this.header(tokens, index, expected)
            ?? this.placement(text, tokens, index, expected)
            ?? this.missingPunctuation(tokens, index, expected)
            ?? this.withForm(tokens, index, error.message);
    }

    /** Les notations du registre : dates « 28/06/2024 », « niveau NIV7 », nombres entre guillemets. */
    private registerNotation(text: string, token: IToken, previous: IToken | undefined, expected: readonly string[]): SyntaxFinding | undefined {
        const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text.slice(token.startOffset, token.startOffset + 10));
        if (date && (expected.length === 0 || expected.includes('DATE'))) {
            const iso = `${date[3]}-${date[2].padStart(2, '0')}-${date[1].padStart(2, '0')}`;
            return replacing(token.startOffset, token.startOffset + date[0].length, iso, msg('syntax.frenchDate', { date: iso }));
        }
        const level = /^NIV(?:EAU)?[-_]?(\d+)$/i.exec(token.image);
        if (level && previous?.image === 'niveau') {
            return replacing(token.startOffset, token.endOffset! + 1, level[1], msg('syntax.level', { level: level[1] }));
        }
        const quoted = /^"\s*(\d+(?:[.,]\d+)?)\s*"$/.exec(token.image);
        if (quoted && expected.includes('NOMBRE')) {
            return replacing(token.startOffset, token.endOffset! + 1, quoted[1], msg('syntax.quotedNumber', { number: quoted[1] }));
        }
        return undefined;
    }

    /** « => », « =< », « == » pour « >= », « <= », « = ». */
    private operator(token: IToken, previous: IToken | undefined): SyntaxFinding | undefined {
        if (!previous || previous.endOffset! + 1 !== token.startOffset) return undefined;
        const pair = previous.image + token.image;
        const operator = ({ '=>': '>=', '=<': '<=', '==': '=' } as Record<string, string>)[pair];
        if (!operator) return undefined;
        return replacing(previous.startOffset, token.endOffset! + 1, operator, msg('syntax.operator', { actual: pair, operator }));
    }

    /** Deux codes qui se suivent dans une liste (« évalue C1.1 C1.2 »), ou reliés par « et ». */
    private missingComma(tokens: readonly IToken[], index: number): SyntaxFinding | undefined {
        const token = tokens[index];
        const previous = tokens[index - 1];
        if (!previous || !isCodeLike(previous) || !this.inList(tokens, index - 1)) return undefined;
        // Deux codes sur une même ligne : une liste continuée sur la ligne suivante garde ses virgules.
        if (isCodeLike(token) && !this.grammar.keywords.has(token.image) && token.startLine === previous.startLine) {
            const at = previous.endOffset! + 1;
            return {
                offset: token.startOffset,
                end: token.endOffset! + 1,
                message: msg('syntax.missingComma', { before: previous.image, after: token.image }),
                fix: { title: msg('syntax.fix.insert', { text: ',' }), edits: [{ offset: at, end: at, newText: ',' }] }
            };
        }
        const next = tokens[index + 1];
        if ((token.image === 'et' || token.image === 'ou') && next && isCodeLike(next)) {
            return {
                offset: token.startOffset,
                end: token.endOffset! + 1,
                message: msg('syntax.separator', { actual: token.image, before: previous.image, after: next.image }),
                fix: { title: msg('syntax.fix.replace', { text: ',' }), edits: [{ offset: previous.endOffset! + 1, end: token.endOffset! + 1, newText: ',' }] }
            };
        }
        return undefined;
    }

    /** Le jeton `at` (un code) termine-t-il une liste « évalue C1.1, C1.2 » (ou des arguments) ? */
    private inList(tokens: readonly IToken[], at: number): boolean {
        let j = at;
        while (j > 0 && isCodeLike(tokens[j]) && tokens[j - 1].image === ',') j -= 2;
        const before = tokens[j - 1];
        if (!before || !isCodeLike(tokens[j])) return false;
        if (before.image === 'de') return tokens[j - 2]?.image === 'issue';
        return LIST_KEYWORDS.has(before.image);
    }

    /** Un mot-clé sans accent, mal orthographié, ou un mot courant pour un mot-clé. */
    private keywordSlip(token: IToken, expected: readonly string[]): SyntaxFinding | undefined {
        if (!isWord(token)) return undefined;
        // Un mot-clé employé pour un autre (« coefficient » d'une épreuve là où « coef » est attendu).
        const synonym = SYNONYMS[token.image.toLowerCase()];
        if (this.grammar.keywords.has(token.image) && !(synonym && (!synonym.expected || expected.includes(synonym.keyword)))) return undefined;
        const keyword = this.closestKeyword(token.image, expected);
        if (!keyword) return undefined;
        return replacing(token.startOffset, token.endOffset! + 1, keyword, msg('syntax.didYouMean', { actual: token.image, keyword }));
    }

    closestKeyword(word: string, expected: readonly string[]): string | undefined {
        const lower = word.toLowerCase();
        const synonym = SYNONYMS[lower];
        if (synonym && (!synonym.expected || expected.includes(synonym.keyword))) return synonym.keyword;
        const key = normalize(word);
        const words = (list: Iterable<string>) => [...list].filter(k => /\p{L}/u.test(k));
        const expectedWords = words(expected).filter(k => this.grammar.keywords.has(k));
        const all = words(this.grammar.keywords).filter(k => k.length >= SHORT_KEYWORDS);
        for (const candidates of [expectedWords, all]) {
            const same = candidates.find(k => normalize(k) === key);
            if (same) return same;
        }
        if (word.length < SHORT_KEYWORDS) return undefined;
        const limit = key.length >= 8 ? 2 : 1;
        for (const candidates of [expectedWords, all]) {
            // La distance est au moins l'écart des longueurs : un mot d'un mégaoctet n'est comparé
            // à aucun mot-clé (avant : un calcul longueur × mot-clé pour chacun, 9 s pour 1 Mo).
            const close = candidates
                .filter(k => Math.abs(normalize(k).length - key.length) <= limit)
                .map(k => ({ k, d: editDistance(key, normalize(k)) }))
                .filter(c => c.d <= limit)
                .sort((a, b) => a.d - b.d)[0];
            if (close) return close.k;
        }
        return undefined;
    }

    /** Un mot en trop (« des compétences sont acquises ») ou un mot-clé oublié (« blocs acquis vie »). */
    private wordOrder(tokens: readonly IToken[], index: number, expected: readonly string[]): SyntaxFinding | undefined {
        const token = tokens[index];
        const next = tokens[index + 1];
        const keywords = expected.filter(k => this.grammar.keywords.has(k) && /\p{L}/u.test(k));
        const skipped = next && keywords.find(k => k === next.image);
        if (skipped && isWord(token)) {
            const previous = tokens[index - 1];
            const start = previous ? previous.endOffset! + 1 : token.startOffset;
            return {
                offset: token.startOffset,
                end: token.endOffset! + 1,
                message: msg('syntax.extraWord', { actual: token.image, keyword: skipped }),
                fix: { title: msg('syntax.fix.remove', { text: token.image }), edits: [{ offset: start, end: token.endOffset! + 1, newText: '' }] }
            };
        }
        const missing = keywords.find(k => this.grammar.followers.get(k)?.has(token.image));
        if (missing) {
            return {
                offset: token.startOffset,
                end: token.endOffset! + 1,
                message: msg('syntax.missingWord', { keyword: missing, actual: token.image }),
                fix: { title: msg('syntax.fix.insert', { text: missing }), edits: [{ offset: token.startOffset, end: token.startOffset, newText: missing + ' ' }] }
            };
        }
        return undefined;
    }

    /** Un en-tête en double, ou un fichier sans en-tête. */
    private header(tokens: readonly IToken[], index: number, expected: readonly string[]): SyntaxFinding | undefined {
        const token = tokens[index];
        if (index === 0 && expected.includes('référentiel')) {
            return { offset: token.startOffset, end: token.endOffset! + 1, message: msg('syntax.noHeader') };
        }
        if (!HEADERS.has(token.image) || index === 0 || !HEADERS.has(tokens[0].image)) return undefined;
        const header = tokens.slice(0, 2).map(t => t.image).join(' ');
        const lineTokens = tokens.filter(t => t.startLine === token.startLine);
        const alone = lineTokens[0] === token && lineTokens.every(t => ['CODE', 'STRING'].includes(t.tokenType.name) || t === token);
        const lineStart = token.startOffset - (token.startColumn! - 1);
        const lastOnLine = lineTokens[lineTokens.length - 1];
        return {
            offset: token.startOffset,
            end: token.endOffset! + 1,
            message: msg('syntax.secondHeader', { header, line: tokens[0].startLine ?? 1 }),
            fix: alone ? { title: msg('syntax.fix.removeLine'), edits: [{ offset: lineStart, end: lastOnLine.endOffset! + 2, newText: '' }] } : undefined
        };
    }

    /** Un élément hors de sa place, ou l'accolade qui aurait dû refermer l'élément précédent. */
    private placement(text: string, tokens: readonly IToken[], index: number, expected: readonly string[]): SyntaxFinding | undefined {
        const token = tokens[index];
        const place = PLACES[token.image];
        if (!place || !this.grammar.keywords.has(token.image) || !(expected.includes('}') || expected.includes('EOF'))) return undefined;
        const stack = openElements(tokens, index);
        const current = stack[stack.length - 1];
        const context: Context = current?.kind ?? 'top';
        if (place.in.includes(context)) return undefined;
        // Un élément du même genre que celui qui est ouvert, ou écrit pas plus en retrait que lui :
        // c'est l'accolade de l'élément ouvert qui manque.
        const ancestor = stack.slice(0, -1).some(e => place.in.includes(e.kind)) || (stack.length > 0 && place.in.includes('top'));
        if (current && ancestor && (current.kind === token.image || token.startColumn! <= current.column)) {
            return this.unclosedBrace(text, tokens, index, token);
        }
        const where = current ? msg('syntax.where.in', { element: describe(current) }) : msg('syntax.where.top');
        return { offset: token.startOffset, end: token.endOffset! + 1, message: msg('syntax.misplaced', { keyword: token.image, where, belongs: msg(`syntax.belongs.${place.belongs}`) }) };
    }

    private unclosedBrace(text: string, tokens: readonly IToken[], index: number, token: IToken | undefined): SyntaxFinding | undefined {
        const stack = openElements(tokens, index);
        const open = stack[stack.length - 1];
        if (!open) return undefined;
        const indent = ' '.repeat(Math.max(0, open.column - 1));
        if (!token) {
            const eol = text.endsWith('\n') ? '' : '\n';
            return {
                offset: text.length,
                end: text.length,
                message: msg('syntax.unclosedBraceAtEnd', { element: describe(open), line: open.line }),
                fix: { title: msg('syntax.fix.insert', { text: '}' }), edits: [{ offset: text.length, end: text.length, newText: `${eol}${indent}}\n` }] }
            };
        }
        const lineStart = token.startOffset - (token.startColumn! - 1);
        const firstOnLine = /^[ \t]*$/.test(text.slice(lineStart, token.startOffset));
        const edit = firstOnLine ? { offset: lineStart, end: lineStart, newText: `${indent}}\n` } : { offset: token.startOffset, end: token.startOffset, newText: '} ' };
        return {
            offset: token.startOffset,
            end: token.endOffset! + 1,
            message: msg('syntax.unclosedBrace', { element: describe(open), line: open.line, actual: token.image }),
            fix: { title: msg('syntax.fix.insert', { text: '}' }), edits: [edit] }
        };
    }

    /** « { » oublié après un titre, « : » oublié dans une condition. */
    private missingPunctuation(tokens: readonly IToken[], index: number, expected: readonly string[]): SyntaxFinding | undefined {
        const token = tokens[index];
        const previous = tokens[index - 1];
        if (!previous) return undefined;
        const at = previous.endOffset! + 1;
        if (expected.includes('{') && previous.tokenType.name === 'STRING') {
            const opener = [...tokens.slice(0, index)].reverse().find(t => OPENERS.has(t.image));
            if (!opener) return undefined;
            const code = tokens[tokens.indexOf(opener) + 1];
            return {
                offset: token.startOffset,
                end: token.endOffset! + 1,
                message: msg('syntax.missingOpenBrace', { element: describe({ kind: opener.image as Context, code: code?.image ?? '' }), form: FORMS[opener.image] ?? '' }),
                fix: { title: msg('syntax.fix.insert', { text: '{' }), edits: [{ offset: at, end: at, newText: ' {' }] }
            };
        }
        if (expected.includes(':') && previous.tokenType.name === 'STRING') {
            return {
                offset: token.startOffset,
                end: token.endOffset! + 1,
                message: msg('syntax.missingColon'),
                fix: { title: msg('syntax.fix.insert', { text: ':' }), edits: [{ offset: at, end: at, newText: ' :' }] }
            };
        }
        return undefined;
    }

    /** Le message générique, avec la forme de la clause où l'erreur se trouve. */
    private withForm(tokens: readonly IToken[], index: number, message: string): SyntaxFinding | undefined {
        const token = tokens[index];
        const previous = tokens[index - 1];
        const line = previous?.startLine ?? token.startLine;
        let form: string | undefined;
        for (let j = index - 1; j >= 0 && tokens[j].startLine === line; j--) {
            if (FORMS[tokens[j].image] && this.grammar.keywords.has(tokens[j].image)) form = FORMS[tokens[j].image];
        }
        if (!form) return undefined;
        return { offset: token.startOffset, end: token.endOffset! + 1, message: msg('syntax.form', { message, form }) };
    }
}

interface OpenElement {
    readonly kind: Context;
    readonly code: string;
    readonly line: number;
    readonly column: number;
}

/** Les éléments ouverts (accolades non refermées) avant le jeton `index`. */
function openElements(tokens: readonly IToken[], index: number): OpenElement[] {
    const stack: OpenElement[] = [];
    let lastOpener: IToken | undefined;
    let lastOpenerCode = '';
    for (let i = 0; i < index && i < tokens.length; i++) {
        const token = tokens[i];
        if (OPENERS.has(token.image) && token.tokenType.name !== 'CODE' && token.tokenType.name !== 'STRING') {
            lastOpener = token;
            lastOpenerCode = tokens[i + 1]?.tokenType.name === 'CODE' ? tokens[i + 1].image : '';
        } else if (token.image === '{') {
            stack.push({ kind: (lastOpener?.image ?? 'bloc') as Context, code: lastOpenerCode, line: lastOpener?.startLine ?? token.startLine ?? 1, column: lastOpener?.startColumn ?? 1 });
        } else if (token.image === '}') {
            stack.pop();
        }
    }
    return stack;
}

function describe(element: { kind: Context; code: string }): string {
    return msg(`syntax.element.${element.kind}`, { code: element.code }).trim();
}

function isCodeLike(token: IToken | undefined): boolean {
    return token !== undefined && (token.tokenType.name === 'CODE' || token.tokenType.name === 'NOMBRE');
}

function replacing(offset: number, end: number, text: string, message: string): SyntaxFinding {
    return { offset, end, message, fix: { title: msg('syntax.fix.replace', { text }), edits: [{ offset, end, newText: text }] } };
}

/** L'indice du premier jeton qui commence à `offset` ou après. */
function tokenIndexAt(tokens: readonly IToken[], offset: number): number {
    let low = 0;
    let high = tokens.length;
    while (low < high) {
        const mid = (low + high) >> 1;
        if (tokens[mid].startOffset < offset) low = mid + 1;
        else high = mid;
    }
    return low;
}

function regionOf(starts: readonly number[], offset: number): number {
    let region = 0;
    for (const start of starts) {
        if (start <= offset) region = start + 1;
        else break;
    }
    return region;
}
