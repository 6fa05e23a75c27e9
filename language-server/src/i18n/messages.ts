import { getLocale, type Locale } from './locale.js';

/**
 * Catalogue des messages lus par une personne : diagnostics, ligne de commande, rapports.
 * Chaque message existe en français (langue par défaut) et en anglais.
 * Les paramètres s'écrivent {nom} dans le modèle.
 */
type Catalog = Record<string, { fr: string; en: string }>;

const catalog = {
    // --- Syntaxe -----------------------------------------------------------------------
    'syntax.expected': {
        fr: 'Syntaxe : on attend {expected}, pas « {actual} ».',
        en: 'Syntax: expected {expected}, found "{actual}".'
    },
    'syntax.expectedOneOf': {
        fr: 'Syntaxe : « {actual} » inattendu ici. Attendu : {expected}.',
        en: 'Syntax: unexpected "{actual}" here. Expected: {expected}.'
    },
    'syntax.endOfFile': {
        fr: 'Syntaxe : fin de fichier attendue, trouvé « {actual} ».',
        en: 'Syntax: expected end of file, found "{actual}".'
    },
    'syntax.unexpectedEnd': {
        fr: 'Syntaxe : le fichier se termine trop tôt ; on attend {expected}.',
        en: 'Syntax: the file ends too early; expected {expected}.'
    },
    'syntax.lexer': {
        fr: 'Caractère inattendu « {text} ». Les textes s\'écrivent entre guillemets droits "…", les commentaires après //.',
        en: 'Unexpected character "{text}". Texts are written between straight double quotes "…", comments after //.'
    },
    'syntax.keyword': { fr: 'le mot-clé « {keyword} »', en: 'the keyword "{keyword}"' },
    'syntax.punctuation': { fr: '« {keyword} »', en: '"{keyword}"' },
    'syntax.token.CODE': { fr: 'un code (par exemple C1.1)', en: 'a code (for example C1.1)' },
    'syntax.token.STRING': { fr: 'un texte entre guillemets "…"', en: 'a text between double quotes "…"' },
    'syntax.token.NOMBRE': { fr: 'un nombre', en: 'a number' },
    'syntax.token.DATE': { fr: 'une date AAAA-MM-JJ', en: 'a date YYYY-MM-DD' },
    'syntax.token.EOF': { fr: 'la fin du fichier', en: 'end of file' },
    'syntax.or': { fr: ' ou ', en: ' or ' },

    // --- Liaison -----------------------------------------------------------------------
    'link.didYouMean': { fr: 'Vouliez-vous dire {names} ?', en: 'Did you mean {names}?' },
    'link.unknownOwner': {
        fr: 'Aucun référentiel « {name} » n\'est déclaré dans l\'espace de travail (« certification {name} "…" » ou « socle {name} "…" »).',
        en: 'No référentiel "{name}" is declared in the workspace ("certification {name} "…"" or "socle {name} "…").'
    },

    // --- Types des règles d'obtention ------------------------------------------------------
    'type.booleen': { fr: 'une condition (vrai ou faux)', en: 'a condition (true or false)' },
    'type.note': { fr: 'une note sur {scale}', en: 'a grade out of {scale}' },
    'type.mesure': { fr: 'une mesure en {unit}', en: 'a measure in {unit}' },
    'type.compte': { fr: 'un compte', en: 'a count' },
    'type.nombre': { fr: 'un nombre', en: 'a number' },
    'type.pourcentage': { fr: 'un pourcentage', en: 'a percentage' },
    'type.inconnu': { fr: 'une valeur inconnue', en: 'an unknown value' },
    'type.notACondition': {
        fr: 'Une condition doit être vraie ou fausse ; ceci est {type}. Comparez-la à un seuil (par exemple « >= 10 »).',
        en: 'A condition must be true or false; this is {type}. Compare it with a threshold (for example ">= 10").'
    },
    'type.expectedBoolean': {
        fr: '« {operator} » attend une condition, pas {type}.',
        en: '"{operator}" expects a condition, not {type}.'
    },
    'type.arithmeticOnBoolean': {
        fr: '« {operator} » ne s\'applique pas à une condition.',
        en: '"{operator}" does not apply to a condition.'
    },
    'type.incompatible': {
        fr: 'On ne peut pas comparer ou combiner {left} avec {right}.',
        en: 'Cannot compare or combine {left} with {right}.'
    },
    'type.mixedUnits': {
        fr: 'Unités différentes : {left} et {right}. Exprimez les deux dans la même unité.',
        en: 'Different units: {left} and {right}. Express both in the same unit.'
    },
    'type.compareBoolean': {
        fr: 'Une condition ne se compare pas à un nombre : utilisez « et », « ou », « non ».',
        en: 'A condition is not compared with a number: use "et", "ou", "non".'
    },
    'type.coefWithoutWeighted': {
        fr: '« coef » n\'a de sens que dans « moyenne pondérée(…) ».',
        en: '"coef" only makes sense inside "moyenne pondérée(…)".'
    },
    'type.coefPositive': { fr: 'Un coefficient doit être strictement positif.', en: 'A coefficient must be strictly positive.' },
    'type.weightedOnlyAverage': {
        fr: '« pondérée » ne s\'applique qu\'à « moyenne », pas à « {name} ».',
        en: '"pondérée" only applies to "moyenne", not to "{name}".'
    },
    'type.weightedNeedsCoef': {
        fr: 'Dans une moyenne pondérée, chaque terme a un coefficient : « memoire coef 2, soutenance coef 1 ».',
        en: 'In a weighted average every term has a coefficient: "memoire coef 2, soutenance coef 1".'
    },
    'type.functionOnBoolean': {
        fr: '« {name} » s\'applique à des notes ou des mesures, pas à des conditions (pour compter des conditions : « nombre(…) »).',
        en: '"{name}" applies to grades or measures, not to conditions (to count conditions: "nombre(…)").'
    },
    'type.mixedInFunction': {
        fr: '« {name} » mêle des notes et des mesures.',
        en: '"{name}" mixes grades and measures.'
    },
    'type.mixedScales': {
        fr: '« {name} » mêle des notes sur des barèmes différents ({scales}).',
        en: '"{name}" mixes grades on different scales ({scales}).'
    },
    'type.contradiction': {
        fr: 'les contraintes sur « {name} » se contredisent',
        en: 'the constraints on "{name}" contradict each other'
    },
    'type.outOfDomain': {
        fr: '« {name} » {domain}',
        en: '"{name}" {domain}'
    },
    'type.domain.range': { fr: 'ne peut valoir que de {lo} à {hi}', en: 'can only be from {lo} to {hi}' },
    'type.domain.positive': { fr: 'ne peut pas être négatif', en: 'cannot be negative' },

    'type.scalePositive': { fr: 'Le barème d\'une épreuve doit être strictement positif (par exemple « sur 20 »).', en: 'The scale of a graded test must be strictly positive (for example "sur 20").' },

    // --- Placement, dates, emplacements -------------------------------------------------
    'redaction.noPurpose.competence': {
        fr: 'La compétence {name} ne dit pas dans quel but elle s\'exerce',
        en: 'Competency {name} does not say what it is for'
    },
    'redaction.noPurpose.bloc': {
        fr: 'Aucune des {count} compétences du bloc {name} ne dit dans quel but elle s\'exerce',
        en: 'None of the {count} competencies of bloc {name} says what it is for'
    },
    'placement.inSocle': {
        fr: 'Un socle ne contient que des compétences et des activités partagées : les blocs et les règles d\'obtention vont dans la certification qui l\'utilise.',
        en: 'A shared set only holds shared competencies and activities: blocs and rules for obtaining go in the certification that uses it.'
    },
    'placement.outsideBloc.Competence': {
        fr: 'La compétence {name} est hors de tout bloc : dans une certification, placez-la dans un bloc (ou dans un socle partagé, puis « inclut {name} » dans le bloc).',
        en: 'Competency {name} is outside any bloc: in a certification, put it in a bloc (or in a shared set, then "inclut {name}" in the bloc).'
    },
    'placement.outsideBloc.Activite': {
        fr: 'L\'activité {name} est hors de tout bloc : dans une certification, placez-la dans le bloc dont elle relève (ou dans un socle partagé).',
        en: 'Activity {name} is outside any bloc: in a certification, put it in the bloc it belongs to (or in a shared set).'
    },
    'nomenclature.rome': { fr: 'un code ROME est une lettre de A à N suivie de quatre chiffres (M1805)', en: 'a ROME code is a letter from A to N followed by four digits (M1805)' },
    'nomenclature.formacode': { fr: 'un Formacode a cinq chiffres (31090)', en: 'a Formacode has five digits (31090)' },
    'dates.invalid': { fr: 'La date {value} n\'existe pas (format AAAA-MM-JJ).', en: 'Date {value} does not exist (format YYYY-MM-DD).' },
    'dates.order': { fr: 'La fin d\'enregistrement ({fin}) précède ou égale son début ({debut}).', en: 'The end of registration ({fin}) is on or before its start ({debut}).' },
    'location.fileLine': { fr: '{file}, ligne {line}', en: '{file}, line {line}' },

    // --- Types d'éléments (pour les messages) ---------------------------------------------
    'kind.Certification': { fr: 'la certification', en: 'the certification' },
    'kind.Socle': { fr: 'le socle', en: 'the shared set' },
    'kind.Bloc': { fr: 'le bloc', en: 'the bloc' },
    'kind.Activite': { fr: 'l\'activité', en: 'the activity' },
    'kind.Competence': { fr: 'la compétence', en: 'the competency' },
    'kind.Modalite': { fr: 'la modalité', en: 'the assessment situation' },
    'kind.Critere': { fr: 'le critère', en: 'the criterion' },
    'kind.Epreuve': { fr: 'l\'épreuve', en: 'the graded test' },
    'kind.Mesure': { fr: 'la mesure', en: 'the measure' },
    'kind.Fait': { fr: 'le fait', en: 'the fact' },
    'kind.Condition': { fr: 'la condition', en: 'the condition' },
    'kind.Proprietaire': { fr: 'le référentiel', en: 'the référentiel' },
    'kind.Grandeur': { fr: 'l\'épreuve ou la mesure', en: 'the graded test or measure' },
} satisfies Catalog;

export type MessageKey = keyof typeof catalog;

const extra: Catalog = {};

/** Ajoute des messages au catalogue (utilisé par les modules qui ont leurs propres textes). */
export function registerMessages(messages: Catalog): void {
    Object.assign(extra, messages);
}

export function msg(key: MessageKey | string, params: Record<string, string | number | undefined> = {}, locale: Locale = getLocale()): string {
    const entry = (catalog as Catalog)[key] ?? extra[key];
    if (!entry) {
        return key;
    }
    return fill(entry[locale] ?? entry.fr, params, locale);
}

/** Un morceau de modèle : texte, paramètre `{nom}` ou choix singulier/pluriel `{nom#un|plusieurs}`. */
export type TemplatePart =
    | { kind: 'text'; text: string }
    | { kind: 'param'; name: string }
    | { kind: 'plural'; name: string; one: TemplatePart[]; many: TemplatePart[] };

/** Un modèle mal formé (accolade non fermée, choix sans « | »…) : une erreur du catalogue, pas de l'utilisateur. */
export class TemplateSyntaxError extends Error {}

const parsed = new Map<string, TemplatePart[]>();

/**
 * Analyse un modèle. Les choix s'imbriquent : une forme peut contenir des paramètres et d'autres
 * choix (« {count#son critère|ses {count} critères} »). Résultat mis en cache par modèle.
 */
export function parseTemplate(template: string): TemplatePart[] {
    let cached = parsed.get(template);
    if (!cached) {
        cached = new TemplateParser(template).parse();
        // Les modèles viennent du catalogue (et de quelques textes composés) : on borne tout de même.
        if (parsed.size >= 5_000) parsed.clear();
        parsed.set(template, cached);
    }
    return cached;
}

class TemplateParser {
    private pos = 0;
    constructor(private readonly source: string) {}

    parse(): TemplatePart[] {
        const parts = this.sequence(false);
        if (this.pos < this.source.length) {
            throw new TemplateSyntaxError(`« ${this.source[this.pos]} » inattendu en position ${this.pos} dans « ${this.source} »`);
        }
        return parts;
    }

    /** Une suite de morceaux, jusqu'à la fin (ou, dans un choix, jusqu'à « | » ou « } »). */
    private sequence(inChoice: boolean): TemplatePart[] {
        const parts: TemplatePart[] = [];
        let text = '';
        // Accolades littérales ouvertes (« obtention { … } ») : leur « } » est du texte.
        let literal = 0;
        while (this.pos < this.source.length) {
            const c = this.source[this.pos];
            if (inChoice && literal === 0 && (c === '}' || c === '|')) break;
            if (c === '{') {
                const placeholder = this.placeholder();
                if (placeholder) {
                    if (text) parts.push({ kind: 'text', text });
                    text = '';
                    parts.push(placeholder);
                    continue;
                }
                literal++;
            } else if (c === '}' && literal > 0) {
                literal--;
            }
            text += c;
            this.pos++;
        }
        if (text) parts.push({ kind: 'text', text });
        return parts;
    }

    /** `{nom}` ou `{nom#…|…}` ; `undefined` (et rien de consommé) si l'accolade n'ouvre pas un paramètre. */
    private placeholder(): TemplatePart | undefined {
        const match = /^\{(\w+)([}#])/.exec(this.source.slice(this.pos));
        if (!match) return undefined;
        const name = match[1];
        this.pos += match[0].length;
        if (match[2] === '}') return { kind: 'param', name };
        const one = this.sequence(true);
        this.expect('|');
        const many = this.sequence(true);
        this.expect('}');
        return { kind: 'plural', name, one, many };
    }

    private expect(c: string): void {
        if (this.source[this.pos] !== c) {
            throw new TemplateSyntaxError(`« ${c} » attendu en position ${this.pos} dans « ${this.source} »`);
        }
        this.pos++;
    }
}

/** Singulier ? En français, 0 et 1 sont au singulier ; en anglais, seul 1 l'est. */
export function isSingular(value: unknown, locale: Locale): boolean {
    const n = Math.abs(Number(value));
    return locale === 'fr' ? n < 2 : n === 1;
}

/**
 * Remplit un modèle. `{nom}` est remplacé par la valeur ; `{nom#singulier|pluriel}` choisit la forme
 * selon la valeur numérique (voir `isSingular`) ; les formes peuvent contenir paramètres et choix.
 * Un paramètre absent reste écrit `{nom}`.
 */
export function fill(template: string, params: Record<string, string | number | undefined>, locale: Locale = getLocale()): string {
    return render(parseTemplate(template), params, locale);
}

function render(parts: readonly TemplatePart[], params: Record<string, string | number | undefined>, locale: Locale): string {
    let out = '';
    for (const part of parts) {
        if (part.kind === 'text') {
            out += part.text;
        } else if (part.kind === 'param') {
            const value = params[part.name];
            out += value === undefined ? `{${part.name}}` : String(value);
        } else {
            out += render(isSingular(params[part.name], locale) ? part.one : part.many, params, locale);
        }
    }
    return out;
}

/** Tous les messages enregistrés (catalogue principal et catalogues des modules), pour les vérifier. */
export function allMessages(): ReadonlyArray<readonly [string, { fr: string; en: string }]> {
    return [...Object.entries(catalog as Catalog), ...Object.entries(extra)];
}

/** Liste lisible : « A, B et C » / « A, B and C ». */
export function joinList(items: readonly string[], locale: Locale = getLocale()): string {
    if (items.length <= 1) {
        return items.join('');
    }
    const last = locale === 'fr' ? ' et ' : ' and ';
    return items.slice(0, -1).join(', ') + last + items[items.length - 1];
}
