import { canonicalCode } from '../codes.js';
import { isBlank, normalizeSpaces, paragraphs, unixLines, type SplitItem } from './competency-splitter.js';

/**
 * Lire la structure des textes libres d'une fiche RNCP, au-delà des compétences
 * (competency-splitter.ts) : les activités visées, les intitulés qui regroupent des
 * compétences, deux compétences collées, les modalités d'évaluation et leur nature.
 *
 * Tout est heuristique, réglé sur les douze fiches réelles de test/fixtures/interop/rncp :
 * ce qui est deviné est dit en note dans le fichier importé (docs/interop.md, « Le registre
 * national en profondeur »).
 */

// ---------------------------------------------------------------------------------------------
// Activités visées
// ---------------------------------------------------------------------------------------------

export interface ActivityItem {
    /** Le code de la fiche (« A1 », « Activité 1 » → « A1 »), s'il y en a un. */
    readonly sourceCode?: string;
    readonly text: string;
    /** Les paragraphes de description qui suivent l'activité dans la fiche. */
    readonly description: string[];
    readonly children: ActivityItem[];
}

export type ActivityStyle = 'lignes' | 'codes' | 'puces' | 'paragraphes' | 'vide';

export interface ActivitySplit {
    readonly style: ActivityStyle;
    /** « Les principales activités sont : » */
    readonly preamble?: string;
    /** Les paragraphes de présentation qui précèdent la première activité codée. */
    readonly introduction?: string[];
    readonly items: ActivityItem[];
}

const BULLET_SPLIT = /(?:^|[ \t\u00a0]{2,}|\n)[ \t\u00a0]*[-*•●▪◦–](?=[ \t\u00a0])/;
/** « Activité 1 : … », « A1 – … », « A2.1 - … ». */
const CODED_ACTIVITY = /^(?:Activit[ée]\s+(\d{1,2})|(A\s?\d{1,2}(?:[.-]\d{1,2})*))(?:\s*\([^)]{1,40}\))?(?:\s*[:–—-]|\.)\s+(\S.*)$/s;
/** Une ligne écrite par `export --format rncp-xml` : indentation, code, « - », texte. */
const EXPORTED_LINE = /^( *)([_a-zA-Z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F][\w\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F]*(?:[.-][\w\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F]+)*) - (\S.*)$/;

function words(text: string): number {
    return text.split(/\s+/).filter(Boolean).length;
}

/** Les lignes écrites par l'export (« A1 - … », sous-activités indentées de deux espaces). */
function exportedActivities(text: string): ActivitySplit | undefined {
    if (!text.includes('\n') && !EXPORTED_LINE.test(text)) return undefined;
    const lines = text.split(/\r?\n/).filter(l => l.trim().length > 0);
    const roots: ActivityItem[] = [];
    const stack: ActivityItem[] = [];
    for (const line of lines) {
        const m = EXPORTED_LINE.exec(line);
        if (!m || m[1].length % 2 !== 0) return undefined;
        const depth = m[1].length / 2;
        if (depth > stack.length) return undefined;
        const item: ActivityItem = { sourceCode: m[2], text: normalizeSpaces(m[3]), description: [], children: [] };
        stack.length = depth;
        (depth === 0 ? roots : stack[depth - 1].children).push(item);
        stack.push(item);
    }
    return roots.length ? { style: 'lignes', items: roots } : undefined;
}

/** Un paragraphe en lignes : le texte avant la première puce, puis une ligne par puce. */
interface Line { readonly text: string; readonly bullet: boolean }

function linesOf(text: string): Line[] {
    const lines: Line[] = [];
    for (const paragraph of unixLines(text).split(/[ \t\u00a0]*\n\s*|[ \t\u00a0]{4,}(?![-*•●▪◦–][ \t\u00a0])/)) {
        const parts = paragraph.split(BULLET_SPLIT);
        const lead = normalizeSpaces(parts[0]);
        if (lead) lines.push({ text: lead, bullet: false });
        for (const part of parts.slice(1)) {
            const t = normalizeSpaces(part);
            if (t) lines.push({ text: t, bullet: true });
        }
    }
    return lines;
}

/** Des phrases de prose séparées par deux espaces ou plus (les retours à la ligne perdus). */
function proseParagraphs(text: string): string[] {
    return text.split(/(?<=[.!?;:])[ \t\u00a0]{2,}(?=[A-ZÀ-ÖØ-Þ])|\n\s*|[ \t\u00a0]{4,}/).map(normalizeSpaces).filter(Boolean);
}

/** Le texte d'ACTIVITES_VISEES en activités (voir docs/interop.md). */
export function splitActivites(raw: string | undefined): ActivitySplit {
    const source = unixLines(raw ?? '');
    if (isBlank(source)) return { style: 'vide', items: [] };
    const exported = exportedActivities(source.trim());
    if (exported) return exported;

    let lines = linesOf(source);
    let preamble: string | undefined;
    if (lines.length > 1 && !lines[0].bullet && /:$/.test(lines[0].text)) {
        preamble = lines[0].text;
        lines = lines.slice(1);
    }
    const coded = lines.filter(l => !l.bullet && CODED_ACTIVITY.test(l.text)).length;
    const bullets = lines.filter(l => l.bullet).length;
    const items: ActivityItem[] = [];

    if (coded >= 2) {
        // Activités codées ; une ligne sans code courte qui précède des activités codées les
        // regroupe ; une ligne longue qui suit une activité codée la décrit.
        let heading: ActivityItem | undefined;
        let previous: ActivityItem | undefined;
        const introduction: string[] = [];
        const first = lines.findIndex(l => !l.bullet && CODED_ACTIVITY.test(l.text));
        // Avant la première activité codée, des paragraphes longs présentent le métier : une note.
        if (first > 0 && lines.slice(0, first).some(l => words(l.text) > 20)) {
            introduction.push(...lines.slice(0, first).map(l => l.text));
            lines = lines.slice(first);
        }
        for (const line of lines) {
            const m = CODED_ACTIVITY.exec(line.text);
            if (m && !line.bullet) {
                const code = m[1] ? `A${m[1]}` : m[2].replace(/\s+/g, '');
                // « A1. Stratégie, Organisation  Le manager intermédiaire… » : le titre, puis sa description.
                const [title, ...rest] = m[3].split(/[ \t\u00a0]{2,}/);
                const item: ActivityItem = { sourceCode: code, text: normalizeSpaces(title), description: rest.length ? [normalizeSpaces(rest.join(' '))] : [], children: [] };
                (heading ? heading.children : items).push(item);
                previous = item;
            } else if (previous && words(line.text) > 20) {
                previous.description.push(line.text);
            } else {
                heading = { text: line.text, description: [], children: [] };
                items.push(heading);
                previous = undefined;
            }
        }
        return { style: 'codes', ...(preamble ? { preamble } : {}), ...(introduction.length ? { introduction } : {}), items };
    }

    if (bullets >= 2) {
        // Des puces ; une ligne sans puce qui finit par « : » regroupe les puces qui suivent.
        let heading: ActivityItem | undefined;
        for (const line of lines) {
            if (line.bullet) {
                (heading ? heading.children : items).push({ text: line.text, description: [], children: [] });
            } else {
                const item: ActivityItem = { text: line.text.replace(/\s*:$/, ''), description: [], children: [] };
                items.push(item);
                heading = /:$/.test(line.text) ? item : undefined;
            }
        }
        return { style: 'puces', ...(preamble ? { preamble } : {}), items };
    }

    // Une activité par ligne (retours à la ligne perdus), ou des paragraphes de prose.
    const prose = lines.some(l => words(l.text) > 40 || /[.!?]\s+[A-ZÀ-ÖØ-Þ]/.test(l.text));
    const body = preamble ? source.slice(source.indexOf(':') + 1) : source;
    const texts = prose ? proseParagraphs(body) : lines.map(l => l.text);
    for (const text of texts) items.push({ text, description: [], children: [] });
    return { style: prose ? 'paragraphes' : 'lignes', ...(preamble ? { preamble } : {}), items };
}

// ---------------------------------------------------------------------------------------------
// Intitulés qui regroupent des compétences
// ---------------------------------------------------------------------------------------------

/** « pour garantir », « afin d'en tirer », « dans le but de les mettre »… : une finalité. */
const PURPOSE = /(?:^|[\s(])(?:pour|afin\s+d(?:e\s+|['’])|dans\s+le\s+but\s+d(?:e\s+|['’])|en\s+vue\s+d(?:e\s+|['’])|de\s+mani[èe]re\s+[àa]|de\s+fa[çc]on\s+[àa])\s*(?:(?:l['’]|les\s+|la\s+|le\s+|en\s+|y\s+|se\s+|s['’]|leur\s+|lui\s+|ne\s+|mieux\s+)\s*)*[a-zà-ÿœ]+(?:er|ir|re|oir)\b/i;

export interface CompetenceGroup {
    /** Index, dans la liste, de l'intitulé qui regroupe. */
    readonly heading: number;
    /** Index des compétences regroupées. */
    readonly members: number[];
}

/**
 * Les intitulés de regroupement d'une liste de compétences :
 * - numérotation hiérarchique : « 1.1 » au-dessus de « 1.1.1 », « 1.1.2 » ;
 * - liste sans code : une ligne courte (douze mots au plus) sans finalité (« pour… »,
 *   « afin de… ») suivie de compétences qui en ont, quand la liste commence par une telle
 *   ligne et que chacune est suivie d'au moins une compétence (RNCP35959).
 */
export function competenceGroups(items: readonly SplitItem[], capacites?: string): CompetenceGroup[] {
    const groups: CompetenceGroup[] = [];
    if (items.some(i => i.sourceCode)) {
        items.forEach((item, index) => {
            if (!item.sourceCode) return;
            const key = canonicalCode(item.sourceCode);
            const members = items.flatMap((o, j) => o.sourceCode && canonicalCode(o.sourceCode).startsWith(key + '.') ? [j] : []);
            if (members.length) groups.push({ heading: index, members });
        });
        // Seuls les intitulés de plus bas niveau regroupent directement : un membre qui est lui-même
        // un intitulé appartient à son propre groupe.
        const headings = new Set(groups.map(g => g.heading));
        return groups.map(g => ({
            heading: g.heading,
            members: g.members.filter(m => !groups.some(o => o.heading !== g.heading && o.members.includes(m) && g.members.includes(o.heading) && !headings.has(m)))
        }));
    }
    const wellFormed = (marked: readonly boolean[], min: number): boolean => {
        const count = marked.filter(Boolean).length;
        return items.length >= 2 && marked[0] && count >= min && count * 2 <= items.length
            && marked.every((m, i) => !m || (i + 1 < items.length && !marked[i + 1]));
    };
    // Les capacités attestées de la fiche listent parfois exactement ces intitulés (RNCP35959).
    // Une liste bien formée commence par un intitulé : sans lui, inutile de comparer les autres lignes.
    let short: boolean[] | undefined;
    if (items.length >= 2) {
        const listed = listedCapacities(capacites ?? '');
        if (listed.has(lineKey(items[0].text))) short = items.map(i => listed.has(lineKey(i.text)));
    }
    if (!short || !wellFormed(short, 1)) {
        const isShort = (text: string): boolean => words(text) <= 14 && !PURPOSE.test(text) && !/[,;]/.test(text);
        if (items.length < 4 || !isShort(items[0].text)) return [];
        const marked = items.map(i => isShort(i.text));
        if (!wellFormed(marked, 2)) return [];
        // Au moins la moitié des compétences regroupées disent leur finalité.
        const members = items.filter((_, i) => !marked[i]);
        if (members.filter(m => PURPOSE.test(m.text)).length * 2 < members.length) return [];
        short = marked;
    }
    const headingAt: readonly boolean[] = short;
    let current: { heading: number; members: number[] } | undefined;
    items.forEach((_, i) => {
        if (headingAt[i]) {
            current = { heading: i, members: [] };
            groups.push(current);
        } else {
            current!.members.push(i);
        }
    });
    return groups;
}

/**
 * Les clés des lignes des capacités attestées, calculées une fois par fiche : chaque bloc d'une
 * fiche les compare à sa liste (avant : recalculées pour chaque bloc, 14 % d'un import).
 */
let lastCapacities: { text: string; keys: ReadonlySet<string> } | undefined;
function listedCapacities(text: string): ReadonlySet<string> {
    if (lastCapacities?.text !== text) lastCapacities = { text, keys: new Set(capacityLines(text).map(lineKey)) };
    return lastCapacities.keys;
}

/** Les lignes d'un texte libre (paragraphes et puces). */
function capacityLines(text: string): string[] {
    return linesOf(text).map(l => l.text);
}

/**
 * Clé de comparaison de deux lignes : casse, apostrophes, espaces et ponctuation finale ignorées.
 * `text` est déjà normalisé (normalizeSpaces) : les éléments d'un découpage comme les lignes de linesOf.
 */
function lineKey(text: string): string {
    return text.toLowerCase().replace(/[’‘]/g, "'").replace(/[\s.:;]+$/, '').replace(/[\s-]+/g, '');
}

// ---------------------------------------------------------------------------------------------
// Deux compétences collées
// ---------------------------------------------------------------------------------------------

/**
 * Deux compétences collées sur une ligne (un retour à la ligne perdu sans puce ni espace) :
 * un mot en minuscules, une espace, puis un verbe à l'infinitif à majuscule suivi d'un mot
 * en minuscules (« …l'équipe artistique Participer aux réunions… »). Rend le début de la
 * seconde, ou undefined.
 */
export function mergedCompetence(text: string): string | undefined {
    const m = /[a-zà-ÿœ)][ \t\u00a0]+([A-ZÀ-ÖØ-Þ][a-zà-ÿœ]+(?:er|ir|oir|[^èé]re))[ \t\u00a0]+(?=[a-zà-ÿœ]|l['’]|d['’])/.exec(text);
    if (!m) return undefined;
    return text.slice(m.index + m[0].indexOf(m[1]));
}

// ---------------------------------------------------------------------------------------------
// Modalités d'évaluation
// ---------------------------------------------------------------------------------------------

/** Les natures reconnues en tête d'un paragraphe, et la nature retenue (celles de REF501). */
const NATURES: ReadonlyArray<readonly [RegExp, string]> = [
    [/^mises?(?:\(s\))?\s+en\s+situations?(?:\(s\))?\s+professionnelles?(?:\(s\))?/, 'mise en situation professionnelle'],
    [/^mises?(?:\(s\))?\s+en\s+situations?(?:\(s\))?\s+reconstitu[ée]es?/, 'mise en situation reconstituée'],
    [/^mises?(?:\(s\))?\s+en\s+situations?/, 'mise en situation'],
    [/^(?:[ée]tudes?(?:\(s\))?\s+de\s+cas|simulation\s*\/\s*[ée]tude\s+de\s+cas)/, 'étude de cas'],
    [/^cas\s+pratiques?/, 'cas pratique'],
    [/^(?:r[ée]aliser\s+(?:un|le)\s+)?dossiers?/, 'dossier'],
    [/^soutenance/, 'soutenance'],
    [/^entretien\s+technique/, 'entretien technique'],
    [/^entretien/, 'entretien'],
    [/^questionnaire/, 'questionnaire'],
    [/^qcm\b/, 'qcm'],
    [/^pr[ée]sentation/, 'présentation'],
    [/^projet/, 'projet'],
    [/^jeux?\s+de\s+r[ôo]les?/, 'jeu de rôle'],
    [/^(?:constitution\s+d['’]un\s+)?(?:portefeuille|portfolio)/, 'portfolio'],
    [/^(?:livrable\s+[ée]crit\s+de\s+type\s+)?m[ée]moire/, 'mémoire'],
    [/^contr[ôo]le\s+continu/, 'contrôle continu'],
    [/^(?:[ée]preuve\s+)?ponctuelle\s+[ée]crite/, 'épreuve écrite'],
    [/^(?:[ée]preuve\s+)?ponctuelle\s+orale/, 'épreuve orale'],
    [/^(?:[ée]preuve\s+)?ponctuelle\s+pratique|^geste\s+pratique/, 'épreuve pratique'],
    [/^(?:ccf|contr[ôo]le\s+en\s+cours\s+de\s+formation)\b/, 'contrôle en cours de formation'],
    [/^rapport/, 'rapport'],
    [/^examen/, 'examen']
];

/** La nature qu'annonce le début d'un texte (« Etude de cas simple… » → « étude de cas »). */
export function natureOf(text: string): string | undefined {
    return natureOfNormalized(normalizeSpaces(text));
}

/** natureOf d'un texte déjà normalisé (normalizeSpaces) : les paragraphes de splitModalites. */
function natureOfNormalized(text: string): string | undefined {
    const head = text.replace(/^[-*•●▪◦–]\s+/, '').toLowerCase();
    return NATURES.find(([re]) => re.test(head))?.[1];
}

export interface ModaliteItem {
    readonly titre: string;
    readonly nature?: string;
    /** Le texte où chercher les compétences évaluées : les codes en tête du paragraphe (« A2C2. et A2C3. », « A3C3 à A3C6 »), sinon tout le texte. */
    readonly named: string;
    /** Le texte complet de la modalité (paragraphes). */
    readonly consigne: string[];
}

export interface ModaliteSplit {
    readonly style: 'codes' | 'natures' | 'texte' | 'vide';
    /** Ce qui précède la première modalité (« NB. Les compétences … »). */
    readonly preamble: string[];
    readonly items: ModaliteItem[];
}

/** Les codes en tête d'un paragraphe : « A1C1. », « A2C2. et A2C3. », « A3C3 à A3C6. ». */
function headCodes(paragraph: string, known: ReadonlySet<string>): { head: string; rest: string } | undefined {
    const m = /^((?:[A-Z]{1,3}\d{1,2}(?:\.?C\d{1,2})?\.?(?:\s*(?:,|et|à|au|-)\s*)?)+)\s*(.*)$/s.exec(paragraph);
    if (!m) return undefined;
    const codes = [...m[1].matchAll(/[A-Z]{1,3}\d{1,2}(?:\.?C\d{1,2})?/g)].map(c => c[0]);
    if (!codes.length || !codes.every(c => known.has(canonicalCode(c)))) return undefined;
    return { head: m[1], rest: m[2] };
}

/** Un titre court pour une modalité : le paragraphe jusqu'au premier « : », s'il est assez court. */
function titleOf(text: string): string {
    const beforeColon = /^(.{3,}?)\s+:\s/.exec(text)?.[1];
    if (text.length <= 120) return text;
    if (beforeColon && beforeColon.length <= 120) return beforeColon;
    const cut = text.slice(0, 117);
    return cut.slice(0, cut.lastIndexOf(' ')) + '…';
}

/**
 * Le texte de MODALITES_EVALUATION en modalités :
 * - **codes** : des paragraphes ouverts par des codes de compétences du bloc (RNCP34762) ;
 * - **natures** : des paragraphes ouverts par une nature reconnue (« Etude de cas… »,
 *   « Entretien technique : 00 h 30 min », « Ponctuelle écrite »…) ; les paragraphes qui
 *   suivent décrivent la modalité (consigne). Une nature seule sur sa ligne (« CCF ») se
 *   rapporte au paragraphe qui la précède (le public concerné, RNCP35809) ;
 * - **texte** : sinon, une seule modalité, le texte entier pour consigne.
 * `known` : les codes de compétences du bloc (de la fiche), en forme canonique.
 */
export function splitModalites(raw: string | undefined, known: ReadonlySet<string>): ModaliteSplit {
    // Les paragraphes sont déjà normalisés : leurs morceaux n'ont plus qu'à perdre leurs espaces de bord.
    const list = paragraphs(raw ?? '').flatMap(p => p.includes('*') ? p.split(/(?:^|\s)\*\s+/).map(s => s.trim()).filter(Boolean) : [p]);
    if (list.length === 0) return { style: 'vide', preamble: [], items: [] };

    const coded = list.map(p => headCodes(p, known));
    if (coded.filter(Boolean).length >= 1 && coded.some((c, i) => c && i === coded.findIndex(Boolean))) {
        const items: Array<ModaliteItem & { consigne: string[] }> = [];
        const preamble: string[] = [];
        list.forEach((p, i) => {
            const c = coded[i];
            if (c) {
                const rest = c.rest.replace(/^[.:\s-]+/, '');
                const nature = natureOfNormalized(rest);
                items.push({ titre: titleOf(rest || p), ...(nature ? { nature } : {}), named: c.head, consigne: [p] });
            } else if (items.length) {
                items[items.length - 1].consigne.push(p);
            } else {
                preamble.push(p);
            }
        });
        if (items.length >= 1 && coded.filter(Boolean).length >= Math.min(2, list.length)) return { style: 'codes', preamble, items };
    }

    const natures = list.map(natureOfNormalized);
    if (natures.some(Boolean)) {
        const items: Array<ModaliteItem & { consigne: string[] }> = [];
        const preamble: string[] = [];
        let pending: string[] = [];
        let lastTerse = false;
        list.forEach((p, i) => {
            const nature = natures[i];
            if (nature) {
                const terse = words(p) <= 3;
                const consigne = terse ? [...pending, p] : [p];
                if (!terse) { preamble.push(...pending); }
                pending = [];
                // Une nature seule sur sa ligne : le titre est la nature, le paragraphe qui précède dit pour qui.
                items.push({ titre: terse ? p : titleOf(p), nature, named: '', consigne });
                lastTerse = terse;
            } else if (items.length && !lastTerse) {
                items[items.length - 1].consigne.push(p);
            } else {
                pending.push(p);
            }
        });
        if (pending.length) {
            if (items.length) items[items.length - 1].consigne.push(...pending);
            else preamble.push(...pending);
        }
        // Le préambule (ce qui précède la première modalité) va à la première.
        if (preamble.length && items.length) items[0].consigne.unshift(...preamble);
        return { style: 'natures', preamble: [], items };
    }
    return { style: 'texte', preamble: [], items: [{ titre: 'Modalités d\'évaluation (fiche RNCP)', named: '', consigne: list }] };
}

// ---------------------------------------------------------------------------------------------
// Le texte écrit par `export --format rncp-xml`
// ---------------------------------------------------------------------------------------------

export interface ExportedModalite {
    readonly code: string;
    readonly titre: string;
    readonly nature?: string;
    readonly organisation?: 'seul' | 'en équipe';
    readonly competences: string[];
    readonly consigne?: string;
    readonly livrables: Array<{ nature: string; description?: string }>;
    readonly jury?: { effectif?: number; description: string };
    readonly criteres: Array<{ code: string; texte: string; verifie: string[]; eliminatoire: boolean }>;
}

export interface ExportedModalites {
    readonly modalites: ExportedModalite[];
    /** « Le bloc est validé quand 80 % de ses compétences sont acquises. » */
    readonly seuil?: number;
}

const CODE = String.raw`[_a-zA-Z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F][\w\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F]*(?:[.-][\w\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F]+)*`;
const SEUIL_LINE = /^Le bloc est validé quand (\d+(?:,\d+)?) % de ses compétences sont acquises\.$/;
const HEAD_LINE = new RegExp(String.raw`^(${CODE}) - (.*?)(?: \(([^()]*)\))?$`);
const CRITERE_LINE = new RegExp(String.raw`^Critère (${CODE}) : (.*?)(?: \(((?:vérifie ${CODE}(?:, ${CODE})*)?(?:, )?(?:éliminatoire)?)\))?$`);

/**
 * Relit les modalités écrites par l'export RNCP de l'outil (paragraphes séparés par une ligne
 * vide : « M1 - Titre (nature ; seul) », « Compétences évaluées : … », « Consigne : … »,
 * « Livrables : … », « Jury : … », « Critère CR1 : … (vérifie C1.1, éliminatoire) », puis la
 * phrase du seuil du bloc). Undefined si le texte n'a pas cette forme.
 */
export function parseExportedModalites(raw: string | undefined): ExportedModalites | undefined {
    const text = (raw ?? '').replace(/\r\n?/g, '\n').trim();
    if (!text.includes('\n')) {
        const seuil = SEUIL_LINE.exec(text);
        return seuil ? { modalites: [], seuil: Number(seuil[1].replace(',', '.')) } : undefined;
    }
    const blocks = text.split(/\n\n/);
    const last = SEUIL_LINE.exec(blocks[blocks.length - 1]);
    if (!last) return undefined;
    const modalites: ExportedModalite[] = [];
    for (const block of blocks.slice(0, -1)) {
        const lines = block.split('\n');
        const head = HEAD_LINE.exec(lines[0]);
        if (!head) return undefined;
        const kind = (head[3] ?? '').split(' ; ').filter(Boolean);
        const organisation = kind.find(k => k === 'seul' || k === 'en équipe') as 'seul' | 'en équipe' | undefined;
        const nature = kind.filter(k => k !== organisation).join(' ; ') || undefined;
        const m: { -readonly [K in keyof ExportedModalite]: ExportedModalite[K] } = {
            code: head[1], titre: head[2], ...(nature ? { nature } : {}), ...(organisation ? { organisation } : {}),
            competences: [], livrables: [], criteres: []
        };
        let consigne: string[] | undefined;
        for (const line of lines.slice(1)) {
            let r: RegExpExecArray | null;
            if ((r = /^Compétences évaluées : (.*)$/.exec(line))) { m.competences = r[1].split(', '); consigne = undefined; }
            else if ((r = /^Consigne : (.*)$/.exec(line))) { consigne = [r[1]]; m.consigne = r[1]; }
            else if ((r = /^Livrables : (.*)$/.exec(line))) {
                consigne = undefined;
                m.livrables = r[1].split(' ; ').map(l => {
                    const d = /^(.*?) \((.*)\)$/.exec(l);
                    return d ? { nature: d[1], description: d[2] } : { nature: l };
                });
            } else if ((r = /^Jury : (?:(\d+(?:[.,]\d+)?) — )?(.*)$/.exec(line))) {
                consigne = undefined;
                m.jury = { ...(r[1] ? { effectif: Number(r[1].replace(',', '.')) } : {}), description: r[2] };
            } else if ((r = CRITERE_LINE.exec(line))) {
                consigne = undefined;
                const tail = r[3] ?? '';
                const verifie = /vérifie ([^]*?)(?:, éliminatoire)?$/.exec(tail)?.[1];
                m.criteres.push({ code: r[1], texte: r[2], verifie: verifie && !verifie.startsWith('éliminatoire') ? verifie.split(', ') : [], eliminatoire: /éliminatoire$/.test(tail) });
            } else if (consigne) {
                consigne.push(line);
                m.consigne = consigne.join('\n');
            } else {
                return undefined;
            }
        }
        modalites.push(m);
    }
    return { modalites, seuil: Number(last[1].replace(',', '.')) };
}
