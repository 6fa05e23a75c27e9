import { CONTINUATION_STYLE } from '../export/document-docx.js';
import { defaultCritereCode, HEADINGS, MODALITE_TITLE_SEPARATOR } from '../export/published-document.js';
import type { DocxBlock, DocxDocument, DocxParagraph, DocxTable } from './docx-reader.js';
import { isValidCode, texte } from './rncp-import.js';

/**
 * Relire le document que publie `referentiel export --format docx` (export/published-document.ts) :
 * sa disposition est connue, chaque élément y est écrit d'une seule façon, et ce que la
 * disposition ne dit pas est écrit entre crochets. La lecture redonne donc le même référentiel —
 * codes, textes et liens — sans rien déduire (docs/interop.md, « Aller-retour par Word ») :
 *
 * - la page de titre (« Code du référentiel : … », numéro RNCP, niveau, certificateurs, version,
 *   enregistrement, activités visées) → l'en-tête de la certification ; le préambule → ses notes ;
 * - chaque tableau de bloc : « Bloc 1 : titre » (BC01) ou « Bloc CODE : titre », les notes du bloc,
 *   les activités (en gras : un groupe ; une activité est sous le dernier groupe dont le code
 *   commence le sien), les compétences (« issue de » : les activités simples de leur ligne, ou de la
 *   dernière ligne qui en donnait, sauf mention « [issue de …] »), les modalités (« M1.1 – titre »,
 *   nature, consigne, livrables, jury, épreuves, notes) et leurs critères (la compétence de leur
 *   ligne, ou toutes celles de la modalité, sauf mention ; « éliminatoire » et sa portée ; le code
 *   donné par le rang sauf mention « critère CODE ») ;
 * - le tableau d'obtention : les règles dont le document donne la forme exacte (seuils, durée
 *   d'acquisition, aménagement) et chaque condition relue de sa phrase, avec les épreuves, mesures
 *   et faits qu'elle nomme (`parseCondition`) ; une phrase d'une autre forme est gardée en note,
 *   citée, et marquée « À relire ».
 *
 * Un texte sur plusieurs lignes est relu d'un seul tenant : ses lignes suivantes portent le style
 * « Suite de texte ». Les blancs à l'intérieur d'une ligne sont réduits à une espace.
 */

/** Le document est-il un export de Référentiel ? (la ligne « Code du référentiel : … » de sa page de titre) */
export function isPublishedDocument(document: DocxDocument): boolean {
    for (const block of document.blocks) {
        if (block.kind === 'table') return false;
        if (CODE_LINE.test(block.text)) return true;
    }
    return false;
}

export interface PublishedReadResult {
    readonly code: string;
    readonly files: ReadonlyArray<{ readonly name: string; readonly text: string }>;
    readonly stats: {
        readonly blocs: number; readonly activites: number; readonly competences: number; readonly modalites: number;
        readonly criteres: number; readonly regles: number; readonly liensDeduits: number;
    };
}

const CODE_LINE = /^Code du référentiel : (\S+)$/;
const BLOC_LINE = /^Bloc (\S+) : (.*)$/s;
const MODALITE_HEAD = /^Modalité d'évaluation des compétences\s*(.*?)\s*:$/s;
const LEADING_CODE = /^([A-Z]{1,4}\d+(?:[.-] ?\d+)*\.?)(?=\s|$)\s*(?:[-–]\s+)?(.*)$/s;
const MARKS = /\s\[([^[\]]+)\]$/;

/** Un paragraphe relu : ses lignes de suite rattachées. */
interface Line {
    readonly text: string;
    readonly bold: boolean;
    readonly italic: boolean;
}

/** Les paragraphes, les lignes de suite (style « Suite de texte ») rattachées au précédent. */
function lines(paragraphs: readonly DocxParagraph[]): Line[] {
    const out: Array<{ text: string; bold: boolean; italic: boolean }> = [];
    for (const p of paragraphs) {
        const last = out.at(-1);
        if (p.style === CONTINUATION_STYLE && last) last.text += `\n${p.text}`;
        else out.push({ text: p.text, bold: p.bold, italic: p.italic });
    }
    return out;
}

/** « texte [a ; b] » → texte et mentions (undefined si les crochets ne sont pas des mentions connues). */
function marksOf(text: string, known: (mark: string) => boolean): { text: string; marks: string[] } {
    const m = MARKS.exec(text);
    if (!m) return { text, marks: [] };
    const marks = m[1].split(' ; ').map(x => x.trim());
    return marks.every(known) ? { text: text.slice(0, m.index), marks } : { text, marks: [] };
}

const codeList = (text: string): string[] => text.split(/,\s*/).map(c => c.trim()).filter(Boolean);
/** Un code tel que le langage le lit, formes irrégulières publiées comprises (« C1.2. », « A2. 1 »). */
const CODE_AS_WRITTEN = /^[_a-zA-Z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F][\w\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F]*(?:[.-](?: (?=[0-9]))?[\w\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F]+)*\.?$/;
const isCodeList = (text: string): boolean => codeList(text).length > 0 && codeList(text).every(c => CODE_AS_WRITTEN.test(c));
const fromFrench = (n: string): string => n.replace(',', '.');

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 12 mars 2024 », « 1er mars 2024 » → 2024-03-12. */
function isoDate(text: string): string | undefined {
    const m = /^(\d{1,2})(?:er)? (\S+) (\d{4})$/.exec(text.trim());
    const month = m ? MONTHS.indexOf(m[2]) : -1;
    return m && month >= 0 ? `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}` : undefined;
}

interface Activity { code: string; text: string; group: boolean; notes: string[]; children: Activity[] }
interface Competency { code: string; text: string; activities: string[]; notes: string[] }
interface Criterion { code: string; text: string; links: string[]; eliminatoire: boolean; portee?: string }
/** Une épreuve : sa ligne dans le .ref après le code (« "titre" sur 20 coefficient 2 … »). */
interface Test { code: string; title: string; details: string }
interface Modalite {
    code: string; title: string; listed: string[]; nature?: string; organisation?: 'seul' | 'en équipe';
    consigne?: string; livrables: Array<{ nature: string; description?: string }>; jury?: { effectif?: string; description: string };
    notes: string[]; criteria: Criterion[]; epreuves: Test[];
}
interface Bloc { code: string; title: string; seuil?: string; notes: string[]; activities: Activity[]; competencies: Competency[]; modalites: Modalite[] }

class PublishedReader {
    code?: string;
    title?: string;
    readonly header: string[] = [];
    readonly preamble: string[] = [];
    readonly blocs: Bloc[] = [];
    /** Les notes qui précèdent le tableau d'obtention. */
    readonly introduction: string[] = [];
    /** Les lignes du bloc `obtention` tirées du tableau. */
    readonly obtention: string[] = [];
    readonly blocSeuils = new Map<string, string>();
    readonly grandeurs: Grandeurs = { epreuves: new Map(), mesures: new Map(), faits: new Map(), declared: new Set() };
    rules = 0;
    review = 0;
    private phase: 'identity' | 'preamble' | 'blocs' | 'obtention' = 'identity';

    read(blocks: readonly DocxBlock[]): void {
        for (const block of blocks) {
            if (block.kind === 'table') {
                if (this.phase === 'obtention') this.obtentionTable(block);
                else this.blocTable(block);
                continue;
            }
            if (block.heading !== undefined && block.heading <= 2) {
                if (block.heading === 2 && block.text === HEADINGS.preambule) this.phase = 'preamble';
                else if (block.heading === 2 && block.text === HEADINGS.referentiels) this.phase = 'blocs';
                else if (block.heading === 2 && block.text.startsWith(HEADINGS.obtention)) this.phase = 'obtention';
                continue;
            }
            if (this.phase === 'identity') this.identity(block.text);
            else if (this.phase === 'preamble') continuing(this.preamble, block);
            else if (this.phase === 'obtention' && !this.obtention.length) continuing(this.introduction, block);
        }
    }

    private identity(line: string): void {
        const m = /^([^:]+?) : (.*)$/s.exec(line);
        if (!m) return;
        const [, label, value] = m;
        switch (label) {
            case 'Certification professionnelle': this.title = value; return;
            case 'Code du référentiel': this.code = value; return;
            case 'Numéro RNCP': this.header.push(`rncp ${value}`); return;
            case 'Spécialité (NSF)': {
                const at = value.indexOf(MODALITE_TITLE_SEPARATOR);
                this.header.push(at > 0 ? `nsf ${texte(value.slice(0, at), '')} ${texte(value.slice(at + MODALITE_TITLE_SEPARATOR.length), '')}` : `nsf ${texte(value, '')}`);
                return;
            }
            case 'Activité visée': {
                const at = value.indexOf(MODALITE_TITLE_SEPARATOR);
                if (at > 0) this.header.push(`activité ${value.slice(0, at)} ${texte(value.slice(at + MODALITE_TITLE_SEPARATOR.length), '')}`);
                return;
            }
            case 'Niveau': {
                const n = /^Niveau (\d+(?:,\d+)?)\b/.exec(value);
                if (n) this.header.push(`niveau ${fromFrench(n[1])}`);
                return;
            }
            case 'Certificateur': {
                const c = /^(.*) \(SIRET (\S+)\)$/s.exec(value);
                this.header.push(c ? `certificateur ${texte(c[1], '')} siret ${texte(c[2], '')}` : `certificateur ${texte(value, '')}`);
                return;
            }
            case 'Version': {
                const date = isoDate(value.replace(/^Version du /, ''));
                if (date) this.header.push(`version du ${date}`);
                return;
            }
            case 'Enregistrement': {
                const range = /^Du (.+) au (.+)$/.exec(value);
                const from = /^À partir du (.+)$/.exec(value);
                const debut = isoDate(range?.[1] ?? from?.[1] ?? '');
                const fin = range ? isoDate(range[2]) : undefined;
                if (debut) this.header.push(`enregistrement du ${debut}${fin ? ` au ${fin}` : ''}`);
                return;
            }
        }
    }

    private get bloc(): Bloc | undefined {
        return this.blocs.at(-1);
    }

    private blocTable(table: DocxTable): void {
        const grid = resolveGrid(table);
        let carried: string[] = [];
        let modalite: Modalite | undefined;
        let rank = 0;
        for (const slots of grid) {
            const owners = [...new Set(slots.filter(s => s.owner).map(s => s.cell))];
            const whole = slots.length > 0 && slots.every(s => s.cell === slots[0].cell);
            const text = owners.map(c => c.paragraphs.map(p => p.text).join(' ')).join(' ');
            if (text.startsWith(HEADINGS.activites) || text === `${HEADINGS.modalites} ${HEADINGS.criteres}`) continue;
            const bloc = whole ? BLOC_LINE.exec(text) : null;
            if (bloc) {
                const number = /^\d+$/.test(bloc[1]) ? `BC${bloc[1].padStart(2, '0')}` : bloc[1];
                this.blocs.push({ code: number, title: bloc[2], notes: [], activities: [], competencies: [], modalites: [] });
                carried = [];
                modalite = undefined;
                continue;
            }
            const current = this.bloc;
            if (!current) continue;
            if (whole) {
                current.notes.push(...lines(slots[0].cell.paragraphs).map(l => l.text));
                continue;
            }
            const [act, comp, mod, crit] = [0, 1, 2, 3].map(i => slots[i]);
            if (act?.owner) {
                const found = this.activities(current, act.cell.paragraphs);
                if (found) carried = found;
            }
            let rowCompetency: string | undefined;
            if (comp?.owner) rowCompetency = this.competency(current, comp.cell.paragraphs, carried);
            if (mod?.owner) {
                modalite = this.modalite(lines(mod.cell.paragraphs));
                if (modalite) current.modalites.push(modalite);
                rank = 0;
            }
            if (crit?.owner && modalite) {
                for (const line of lines(crit.cell.paragraphs)) {
                    rank++;
                    const { text: body, marks } = marksOf(line.text, m => ELIMINATORY.test(m) || m === 'aucune compétence' || /^critère \S+$/.test(m) || isCodeList(m));
                    const code = marks.find(m => m.startsWith('critère '))?.slice('critère '.length) ?? defaultCritereCode(modalite.code, rank);
                    const listed = marks.find(m => m === 'aucune compétence' || (!ELIMINATORY.test(m) && !m.startsWith('critère ') && isCodeList(m)));
                    const eliminatory = marks.map(m => ELIMINATORY.exec(m)).find(m => m);
                    const links = listed === undefined ? (rowCompetency ? [rowCompetency] : modalite.listed) : listed === 'aucune compétence' ? [] : codeList(listed);
                    modalite.criteria.push({ code, text: body, links, eliminatoire: !!eliminatory, portee: eliminatory?.[1] });
                }
            }
        }
    }

    /** Les activités d'une cellule ; rend les activités simples qu'elle nomme (undefined : aucune activité). */
    private activities(bloc: Bloc, paragraphs: readonly DocxParagraph[]): string[] | undefined {
        const named: string[] = [];
        let seen = false;
        let last: Activity | undefined;
        for (const line of lines(paragraphs)) {
            const coded = LEADING_CODE.exec(line.text);
            if (!coded || (!line.bold && line.italic)) {
                last?.notes.push(line.text);
                continue;
            }
            seen = true;
            const activity: Activity = { code: coded[1], text: coded[2], group: line.bold, notes: [], children: [] };
            const parent = findParent(bloc.activities, canonical(activity.code));
            (parent ? parent.children : bloc.activities).push(activity);
            if (!activity.group) named.push(activity.code);
            last = activity;
        }
        return seen ? named : undefined;
    }

    /** La compétence d'une cellule (son code), ses notes en italique. */
    private competency(bloc: Bloc, paragraphs: readonly DocxParagraph[], carried: readonly string[]): string | undefined {
        const [first, ...rest] = lines(paragraphs);
        const coded = first ? LEADING_CODE.exec(first.text) : null;
        if (!first || !coded) return undefined;
        const { text, marks } = marksOf(coded[2], m => m === 'issue d\'aucune activité' || (m.startsWith('issue de ') && isCodeList(m.slice(9))));
        const activities = marks.length ? (marks[0].startsWith('issue de ') ? codeList(marks[0].slice(9)) : []) : [...carried];
        bloc.competencies.push({ code: coded[1], text, activities, notes: rest.map(l => l.text) });
        return coded[1];
    }

    private modalite(cell: readonly Line[]): Modalite | undefined {
        const head = cell[0] ? MODALITE_HEAD.exec(cell[0].text) : null;
        if (!head) return undefined;
        const titleLine = cell[1]?.text ?? '';
        const at = titleLine.indexOf(MODALITE_TITLE_SEPARATOR);
        const modalite: Modalite = {
            code: at > 0 ? titleLine.slice(0, at) : '', title: at > 0 ? titleLine.slice(at + MODALITE_TITLE_SEPARATOR.length) : titleLine,
            listed: codeList(head[1]), livrables: [], notes: [], criteria: [], epreuves: []
        };
        let state: 'start' | 'livrable' | 'end' = 'start';
        for (const line of cell.slice(2)) {
            const nature = /^Nature : (.*)\.$/s.exec(line.text);
            if (line.italic && nature && state === 'start' && modalite.nature === undefined && modalite.organisation === undefined && modalite.consigne === undefined) {
                for (const part of nature[1].split(' ; ')) {
                    const organisation = /^le candidat travaille (seul|en équipe)$/.exec(part);
                    if (organisation) modalite.organisation = organisation[1] as 'seul' | 'en équipe';
                    else modalite.nature = part;
                }
                continue;
            }
            if (line.italic) {
                modalite.notes.push(line.text);
                continue;
            }
            const epreuve = line.bold ? EPREUVE_LINE.exec(line.text) : null;
            if (epreuve) {
                modalite.epreuves.push({ code: epreuve[2], title: epreuve[1], details: epreuveDetails(epreuve.slice(3)) });
                this.grandeurs.declared.add(epreuve[2]);
                state = 'end';
                continue;
            }
            const livrable = line.bold ? /^Livrable : (.*)$/s.exec(line.text) : null;
            if (livrable) {
                modalite.livrables.push({ nature: livrable[1] });
                state = 'livrable';
                continue;
            }
            const jury = /^Jury : (?:(\d+(?:,\d+)?) )?(.*)$/s.exec(line.text);
            if (jury) {
                modalite.jury = { ...(jury[1] ? { effectif: fromFrench(jury[1]) } : {}), description: jury[2] };
                state = 'end';
                continue;
            }
            const last = modalite.livrables.at(-1);
            if (state === 'livrable' && last && last.description === undefined) last.description = line.text;
            else if (state === 'start' && modalite.consigne === undefined) modalite.consigne = line.text;
            else modalite.notes.push(line.text);
        }
        return modalite;
    }

    private obtentionTable(table: DocxTable): void {
        for (const row of table.rows) {
            const [regle, condition, precisions] = row.cells.map(c => lines(c.paragraphs).map(l => l.text));
            if (!regle || regle[0] === HEADINGS.regle) continue;
            const title = regle.join('\n');
            const [sentence, ...others] = condition ?? [];
            const rule = this.rule(title, sentence ?? '', others);
            if (rule) {
                this.rules++;
                this.obtention.push(...rule);
            } else {
                this.review++;
                this.obtention.push('// À relire : condition décrite en français par le document, à réécrire en règle.', `note ${texte(`${title} : ${[sentence, ...others].filter(Boolean).join('\n')}`, '')}`);
            }
            for (const note of precisions ?? []) this.obtention.push(`note ${texte(note, '')}`);
        }
    }

    /** Les règles d'une ligne du tableau d'obtention (undefined : pas de forme exacte connue). */
    private rule(title: string, sentence: string, others: readonly string[]): string[] | undefined {
        const number = '(\\d+(?:,\\d+)?)';
        if (title === 'Validation d\'un bloc') {
            const m = new RegExp(`^Un bloc est validé si ${number} % de ses compétences sont acquises\\.$`).exec(sentence);
            if (!m) return undefined;
            for (const other of others) {
                const b = new RegExp(`^Le bloc (\\S+) est validé si ${number} % de ses compétences sont acquises\\.$`).exec(other);
                if (b) this.blocSeuils.set(b[1], fromFrench(b[2]));
            }
            return [`bloc validé si ${fromFrench(m[1])} % des compétences acquises`];
        }
        if (title === 'Acquisition d\'une compétence') {
            const m = new RegExp(`^Une compétence est acquise si ${number} % de ses critères sont satisfaits ; `).exec(sentence);
            return m ? [`compétence acquise si ${fromFrench(m[1])} % des critères satisfaits`] : undefined;
        }
        if (title === 'Durée d\'acquisition des blocs') {
            if (sentence === 'Les blocs sont acquis à vie.') return ['blocs acquis à vie'];
            const m = new RegExp(`^Les blocs sont acquis pendant ${number} (\\S+)\\.$`).exec(sentence);
            return m ? [`blocs acquis pendant ${fromFrench(m[1])} ${m[2]}`] : undefined;
        }
        if (title === 'Aménagement des épreuves (droit à compensation)') {
            const m = new RegExp(`^Un aménagement est valable ${number} (\\S+)(, ou temporaire en cas de handicap non permanent)?\\.$`).exec(sentence);
            return m ? [`aménagement valable ${fromFrench(m[1])} ${m[2]}${m[3] ? ' ou temporaire' : ''}`] : undefined;
        }
        if (others.length) return undefined;
        const expression = parseCondition(sentence, this.grandeurs);
        if (expression === undefined) return undefined;
        const at = title.indexOf(MODALITE_TITLE_SEPARATOR);
        const named = at > 0 && isValidCode(title.slice(0, at));
        return [`condition ${named ? `${title.slice(0, at)} ` : ''}${texte(named ? title.slice(at + MODALITE_TITLE_SEPARATOR.length) : title, '')} : ${expression}`];
    }
}

/** n pour un code de critère donné par son rang (`defaultCritereCode(modalité, n)`), sinon undefined. */
function defaultRank(modalite: string, code: string): number | undefined {
    const n = /\.(\d+)$/.exec(code)?.[1];
    return n && defaultCritereCode(modalite, Number(n)) === code ? Number(n) : undefined;
}

/** Un paragraphe de texte courant : une ligne de suite (style « Suite de texte ») continue le texte précédent. */
function continuing(list: string[], p: DocxParagraph): void {
    if (p.style === CONTINUATION_STYLE && list.length) list[list.length - 1] += `\n${p.text}`;
    else list.push(p.text);
}

/** La forme canonique d'un code (séparateurs ramenés à « . », sans espace ni point final). */
function canonical(code: string): string {
    return code.replace(/\s+/g, '').replace(/\.$/, '').replace(/-/g, '.');
}

/** Le dernier groupe (en profondeur) dont le code commence celui-ci. */
function findParent(list: readonly Activity[], code: string): Activity | undefined {
    for (let i = list.length - 1; i >= 0; i--) {
        const a = list[i];
        if (a.group && code.startsWith(canonical(a.code) + '.')) return findParent(a.children, code) ?? a;
    }
    return undefined;
}

interface GridSlot { readonly cell: DocxTable['rows'][number]['cells'][number]; readonly owner: boolean }

/** Pour chaque ligne et colonne de la grille, la cellule qui l'occupe (fusions verticales résolues). */
function resolveGrid(table: DocxTable): GridSlot[][] {
    const grid: GridSlot[][] = [];
    table.rows.forEach((row, r) => {
        const slots: GridSlot[] = [];
        let column = row.gridBefore;
        for (const cell of row.cells) {
            for (let k = 0; k < cell.span; k++) {
                const above = grid[r - 1]?.[column + k];
                slots[column + k] = cell.vMerge === 'continue' && above ? { cell: above.cell, owner: false } : { cell, owner: k === 0 };
            }
            column += cell.span;
        }
        grid.push(slots);
    });
    return grid;
}

/** Un document publié par Référentiel → les fichiers .ref (non mis en forme). */
export function publishedToRef(document: DocxDocument, options: { code?: string; source?: string } = {}): PublishedReadResult | undefined {
    const reader = new PublishedReader();
    reader.read(document.blocks);
    const code = options.code ?? reader.code;
    if (!code || !reader.blocs.length) return undefined;
    const source = options.source ?? 'un document Word';
    const files: Array<{ name: string; text: string }> = [];

    const header: string[] = [];
    header.push(`// Référentiel relu de ${source}, document publié par referentiel export --format docx (referentiel import docx).`);
    header.push(`certification ${code} ${texte(reader.title ?? document.title ?? code, '')} {`, ...reader.header);
    for (const note of reader.preamble) header.push(`note ${texte(note, '')}`);
    header.push('}');
    if (reader.obtention.length || reader.introduction.length) {
        header.push('', 'obtention {', ...reader.introduction.map(n => `note ${texte(n, '')}`));
        for (const [title, e] of reader.grandeurs.epreuves) header.push(`épreuve ${e.code} ${texte(title, '')} ${e.details}`);
        for (const [title, m] of reader.grandeurs.mesures) header.push(`mesure ${m.code} ${texte(title, '')} en ${m.unite}`);
        for (const [title, f] of reader.grandeurs.faits) header.push(`fait ${f} ${texte(title, '')}`);
        header.push(...reader.obtention, '}');
    }
    files.push({ name: `${code.toLowerCase()}.ref`, text: header.join('\n') + '\n' });

    let activities = 0;
    const activity = (a: Activity, out: string[]): void => {
        const head = `activité ${a.code} ${texte(a.text, '')}`;
        if (!a.children.length) activities++;
        if (!a.children.length && !a.notes.length) { out.push(head); return; }
        out.push(`${head} {`);
        for (const note of a.notes) out.push(`note ${texte(note, '')}`);
        a.children.forEach(c => activity(c, out));
        out.push('}');
    };
    const blocFiles: Array<{ name: string; text: string }> = [];
    for (const bloc of reader.blocs) {
        const out: string[] = [`référentiel ${code}`, '', `bloc ${bloc.code} ${texte(bloc.title, '')} {`];
        const seuil = reader.blocSeuils.get(bloc.code);
        if (seuil) out.push(`validé si ${seuil} % des compétences acquises`);
        for (const note of bloc.notes) out.push(`note ${texte(note, '')}`);
        bloc.activities.forEach(a => activity(a, out));
        for (const c of bloc.competencies) {
            out.push(`compétence ${c.code} ${texte(c.text, '')}${c.activities.length ? ` issue de ${c.activities.join(', ')}` : ''}`);
            for (const note of c.notes) out.push(`note ${texte(note, '')}`);
        }
        bloc.modalites.forEach((m, i) => {
            out.push(`modalité ${m.code || `M${reader.blocs.indexOf(bloc) + 1}.${i + 1}`} ${texte(m.title, '')} {`);
            if (m.nature !== undefined) out.push(`nature ${texte(m.nature, '')}`);
            if (m.organisation) out.push(m.organisation);
            if (m.listed.length) out.push(`évalue ${m.listed.join(', ')}`);
            if (m.consigne !== undefined) out.push(`consigne ${texte(m.consigne, '')}`);
            for (const l of m.livrables) out.push(`livrable ${texte(l.nature, '')}${l.description !== undefined ? ` ${texte(l.description, '')}` : ''}`);
            if (m.jury) out.push(`jury ${m.jury.effectif !== undefined ? `${m.jury.effectif} ` : ''}${texte(m.jury.description, '')}`);
            for (const e of m.epreuves) out.push(`épreuve ${e.code} ${texte(e.title, '')} ${e.details}`);
            for (const note of m.notes) out.push(`note ${texte(note, '')}`);
            // Des critères numérotés CR<modalité>.<n> reprennent l'ordre de leurs numéros (le tableau les range par compétence).
            const ranks = m.criteria.map(c => defaultRank(m.code, c.code));
            const criteria = ranks.every(r => r !== undefined) ? [...m.criteria].sort((a, b) => defaultRank(m.code, a.code)! - defaultRank(m.code, b.code)!) : m.criteria;
            for (const c of criteria) {
                out.push(`critère ${c.code} ${texte(c.text, '')}${c.links.length ? ` vérifie ${c.links.join(', ')}` : ''}${c.eliminatoire ? ' éliminatoire' : ''}${c.portee ? ` pour ${c.portee === 'bloc' ? 'le' : 'la'} ${c.portee}` : ''}`);
            }
            out.push('}');
        });
        out.push('}');
        blocFiles.push({ name: `${bloc.code.toLowerCase()}.ref`, text: out.join('\n') + '\n' });
    }
    // Les blocs se lisent dans l'ordre des noms de fichiers : un numéro devant le nom garde celui du document.
    const names = blocFiles.map(f => f.name);
    const ordered = names.every((n, i) => i === 0 || names[i - 1] < n);
    const width = String(blocFiles.length).length + 1;
    files.push(...blocFiles.map((f, i) => ordered ? f : { ...f, name: `${String(i + 1).padStart(width, '0')}-${f.name}` }));
    const count = <T>(pick: (b: Bloc) => readonly T[]): number => reader.blocs.reduce((n, b) => n + pick(b).length, 0);
    return {
        code,
        files,
        stats: {
            blocs: reader.blocs.length,
            activites: activities,
            competences: count(b => b.competencies),
            modalites: count(b => b.modalites),
            criteres: reader.blocs.reduce((n, b) => n + b.modalites.reduce((k, m) => k + m.criteria.length, 0), 0),
            regles: reader.rules,
            liensDeduits: reader.review
        }
    };
}

// ---------------------------------------------------------------------------------------------
// Les conditions d'obtention, relues de leur phrase (l'inverse de `describe`, export/published-document.ts)
// ---------------------------------------------------------------------------------------------

const COMPARISON_PHRASES: ReadonlyArray<readonly [string, string]> = [
    ['vaut au moins', '>='], ['vaut plus de', '>'], ['vaut au plus', '<='], ['vaut moins de', '<'], ['ne vaut pas', '!='], ['vaut', '=']
];
const ARITHMETIC_PHRASES: ReadonlyArray<readonly [string, string, number]> = [
    ['plus', '+', 1], ['moins', '-', 1], ['multiplié par', '*', 2], ['divisé par', '/', 2]
];
const FUNCTION_PHRASES: ReadonlyArray<readonly [string, string]> = [
    ['la moyenne', 'moyenne'], ['le minimum', 'min'], ['le maximum', 'max'], ['la somme', 'somme'], ['le nombre', 'nombre']
];

/**
 * Les épreuves, mesures et faits nommés par les conditions, par titre (leur code est tiré du titre
 * quand la phrase ne le donne pas) ; `declared` : les codes des épreuves déjà déclarées ailleurs
 * (dans une modalité), que la condition nomme sans les redéclarer.
 */
export interface Grandeurs {
    readonly epreuves: Map<string, { code: string; details: string }>;
    readonly mesures: Map<string, { code: string; unite: string }>;
    readonly faits: Map<string, string>;
    readonly declared: Set<string>;
}

/** « (épreuve CODE, sur 20, coefficient 2, durée 30 minutes, plancher 8) » : les groupes 1 (code) à 6. */
const EPREUVE_DETAILS = '\\(épreuve (\\S+), sur (\\d+(?:,\\d+)?)(?:, coefficient (\\d+(?:,\\d+)?))?(?:, durée (\\d+(?:,\\d+)?) ([^,)]+))?(?:, plancher (\\d+(?:,\\d+)?))?\\)';
const EPREUVE_LINE = new RegExp(`^Épreuve : (.*) ${EPREUVE_DETAILS}$`, 's');
const ELIMINATORY = /^éliminatoire(?: pour (?:le|la) (bloc|certification))?$/;

/** Barème, coefficient, durée (valeur, unité), plancher relus → « sur 20 coefficient 2 durée 30 minutes plancher 8 ». */
function epreuveDetails([bareme, coefficient, duree, unite, plancher]: ReadonlyArray<string | undefined>): string {
    return [`sur ${fromFrench(bareme!)}`, coefficient && `coefficient ${fromFrench(coefficient)}`,
        duree && `durée ${fromFrench(duree)} ${unite}`, plancher && `plancher ${fromFrench(plancher)}`].filter(Boolean).join(' ');
}

/** Le code d'une épreuve ou d'une mesure tiré de son titre (« Mémoire professionnel » → memoire_professionnel). */
function grandeurCode(title: string, taken: ReadonlySet<string>): string {
    const base = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
    let code = /^[a-z]/.test(base) && isValidCode(base) ? base : `g_${base || 'grandeur'}`;
    for (let n = 2; taken.has(code); n++) code = `${base}_${n}`;
    return code;
}

/**
 * Une phrase de condition → l'expression du langage (undefined si la phrase n'a pas la forme
 * qu'écrit `describe`). Les épreuves et mesures rencontrées sont ajoutées à `grandeurs`.
 */
export function parseCondition(sentence: string, grandeurs: Grandeurs): string | undefined {
    if (!sentence.endsWith('.')) return undefined;
    const text = sentence.charAt(0).toLowerCase() + sentence.slice(1, -1);
    let pos = 0;
    /** Une expression relue : son texte, et ce qu'il faut savoir pour la parenthéser comme `describe`. */
    interface Node { readonly text: string; readonly kind: 'logical' | 'arithmetic' | 'other'; readonly op?: string }
    const taken = (): Set<string> => new Set([...[...grandeurs.epreuves.values(), ...grandeurs.mesures.values()].map(g => g.code), ...grandeurs.faits.values(), ...grandeurs.declared]);
    const eat = (word: string): boolean => {
        if (text.startsWith(word, pos)) { pos += word.length; return true; }
        return false;
    };
    const match = (re: RegExp): RegExpExecArray | null => {
        const sticky = new RegExp(re.source, 'y');
        sticky.lastIndex = pos;
        const m = sticky.exec(text);
        if (m) pos += m[0].length;
        return m;
    };
    const other = (t: string): Node => ({ text: t, kind: 'other' });
    const strength = (op: string): number => op === '*' || op === '/' ? 2 : 1;
    const logical = (): Node | undefined => {
        let left = negation();
        while (left !== undefined) {
            const op = eat(' et ') ? 'et' : eat(' ou ') ? 'ou' : undefined;
            if (!op) break;
            const right = negation();
            if (right === undefined) return undefined;
            const side = (x: Node): string => x.kind === 'logical' && x.op !== op ? `(${x.text})` : x.text;
            left = { text: `${side(left)} ${op} ${side(right)}`, kind: 'logical', op };
        }
        return left;
    };
    const negation = (): Node | undefined => {
        if (eat('il n\'est pas vrai que ')) {
            const operand = negation();
            return operand === undefined ? undefined : other(`non ${operand.kind === 'logical' ? `(${operand.text})` : operand.text}`);
        }
        const left = arithmetic(1);
        if (left === undefined) return undefined;
        for (const [phrase, op] of COMPARISON_PHRASES) {
            if (eat(` ${phrase} `)) {
                const right = arithmetic(1);
                return right === undefined ? undefined : other(`${left.text} ${op} ${right.text}`);
            }
        }
        return left;
    };
    const arithmetic = (level: number): Node | undefined => {
        let left = level === 1 ? arithmetic(2) : primary();
        while (left !== undefined) {
            const found = ARITHMETIC_PHRASES.find(([phrase, , l]) => l === level && text.startsWith(` ${phrase} `, pos));
            if (!found) break;
            pos += found[0].length + 2;
            const right = level === 1 ? arithmetic(2) : primary();
            if (right === undefined) return undefined;
            const op = found[1];
            const side = (x: Node, isRight: boolean): string => x.kind === 'arithmetic'
                && (strength(x.op!) < strength(op) || (isRight && strength(x.op!) === strength(op))) ? `(${x.text})` : x.text;
            left = { text: `${side(left, false)} ${op} ${side(right, true)}`, kind: 'arithmetic', op };
        }
        return left;
    };
    const argument = (): string | undefined => {
        const value = arithmetic(1);
        if (value === undefined) return undefined;
        const coefficient = match(/ \(coefficient (\d+(?:,\d+)?)\)/);
        return coefficient ? `${value.text} coef ${fromFrench(coefficient[1])}` : value.text;
    };
    const primary = (): Node | undefined => {
        if (eat('(')) {
            const inner = logical();
            return inner !== undefined && eat(')') ? inner : undefined;
        }
        if (eat('tous les blocs sont validés')) return other('tous les blocs validés');
        if (eat('le nombre de blocs validés')) return other('nombre de blocs validés');
        const bloc = match(/le bloc (\S+) est validé/);
        if (bloc) return other(`bloc ${bloc[1]} validé`);
        const declared = match(new RegExp(`la note « ([^»]+) » ${EPREUVE_DETAILS}`));
        if (declared) {
            // Une épreuve d'une modalité est déclarée dans sa modalité ; une autre, dans « obtention ».
            if (!grandeurs.declared.has(declared[2]) && !grandeurs.epreuves.has(declared[1])) {
                grandeurs.epreuves.set(declared[1], { code: declared[2], details: epreuveDetails(declared.slice(3)) });
            }
            return other(grandeurs.epreuves.get(declared[1])?.code ?? declared[2]);
        }
        const epreuve = match(/la note « ([^»]+) » \(sur (\d+(?:,\d+)?)\)/);
        if (epreuve) {
            const known = grandeurs.epreuves.get(epreuve[1]) ?? { code: grandeurCode(epreuve[1], taken()), details: `sur ${fromFrench(epreuve[2])}` };
            grandeurs.epreuves.set(epreuve[1], known);
            return other(known.code);
        }
        const fait = match(/« ([^»]+) » \(fait (\S+)\)/);
        if (fait) {
            const code = grandeurs.faits.get(fait[1]) ?? fait[2];
            grandeurs.faits.set(fait[1], code);
            return other(code);
        }
        const competence = match(/la compétence (\S+) est acquise/);
        if (competence) return other(`compétence ${competence[1]} acquise`);
        const critere = match(/le critère (\S+) est satisfait/);
        if (critere) return other(`critère ${critere[1]} satisfait`);
        const mesure = match(/« ([^»]+) » \((?:mesure (\S+), )?en (\S+)\)/);
        if (mesure) {
            const known = grandeurs.mesures.get(mesure[1]) ?? { code: mesure[2] ?? grandeurCode(mesure[1], taken()), unite: mesure[3] };
            grandeurs.mesures.set(mesure[1], known);
            return other(known.code);
        }
        for (const [phrase, name] of FUNCTION_PHRASES) {
            if (!text.startsWith(`${phrase} `, pos)) continue;
            pos += phrase.length + 1;
            const ponderee = eat('pondérée ');
            if (!eat('de ')) return undefined;
            const args: string[] = [];
            for (;;) {
                const arg = argument();
                if (arg === undefined) return undefined;
                args.push(arg);
                if (eat(', ')) continue;
                if (eat(' et ')) {
                    const last = argument();
                    if (last === undefined) return undefined;
                    args.push(last);
                }
                break;
            }
            return other(`${name}${ponderee ? ' pondérée' : ''}(${args.join(', ')})`);
        }
        const literal = match(/(\d+(?:,\d+)?)( %| (?:mois|années|ans|an|semaines|jours|heures)\b)?/);
        if (literal) return other(`${fromFrench(literal[1])}${literal[2] ?? ''}`);
        return undefined;
    };
    const result = logical();
    return result !== undefined && pos === text.length ? result.text : undefined;
}
