import {
    isAppel, isArithmeticExpression, isBlocValide, isComparaison, isCompetenceAcquise, isCritereSatisfait, isEpreuve, isFait, isLitteral,
    isLogicalExpression, isMesure,
    isNombreBlocs, isNon, isTousBlocs, isVariable,
    type Activite, type Bloc, type Competence, type Critere, type Epreuve, type Expression, type Modalite, type Note, type Obtention
} from '../generated/ast.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import { single } from '../model/clauses.js';

/**
 * Le document publié d'un référentiel, tel que France Compétences le reçoit et tel que les
 * certificateurs le gardent dans Word : page de titre, préambule, un tableau à quatre colonnes
 * par bloc (activités | compétences | modalités d'évaluation | critères d'évaluation), puis le
 * tableau des règles d'obtention. Ce module en fait une structure neutre ; `document-html.ts`,
 * `document-docx.ts` et `document-pdf.ts` la mettent en page. Le document est en français (la
 * langue des référentiels publiés), quelle que soit la langue de l'interface.
 *
 * Disposition d'un tableau de bloc (celle que relit `referentiel import docx`, qui redonne le
 * même référentiel : docs/interop.md, « Aller-retour par Word ») :
 * - une ligne « Bloc 1 : titre » pour le code BC01 (« Bloc CODE : titre » pour un autre code), puis
 *   les notes du bloc (en italique) sur une ligne qui couvre les quatre colonnes ;
 * - pour chaque modalité du bloc, un groupe de lignes : une ligne par compétence qu'elle évalue
 *   (« C1.1 texte », avec à sa gauche les activités dont elle est issue et à sa droite les
 *   critères qui la vérifient), la cellule de la modalité couvrant tout le groupe ; les critères
 *   qui vérifient toutes les compétences de la modalité (dans l'ordre de « évalue ») sont sur une
 *   dernière ligne sans compétence ;
 * - ce que la disposition ne dit pas est écrit entre crochets à la fin du paragraphe : pour une
 *   compétence, « [issue de A1-1, A1-2] » quand ses activités ne sont pas celles de sa ligne
 *   (ou de la ligne du dessus quand la sienne n'en a pas) ; pour un critère, « [C1.2, C1.3] » ou
 *   « [aucune compétence] » quand il ne vérifie pas exactement la compétence de sa ligne (ou
 *   toutes celles de la modalité), « éliminatoire » (« éliminatoire pour le bloc », « … pour la
 *   certification » selon sa portée), et « critère CODE » quand son code n'est pas
 *   celui que donne son rang (`defaultCritereCode`), les mentions séparées par « ; » ;
 * - la modalité commence par « Modalité d'évaluation des compétences C1.1, C1.2 : », puis
 *   « M1.1 – titre », sa nature, sa consigne, ses livrables, son jury, ses épreuves (en gras,
 *   « Épreuve : titre (épreuve CODE, sur 20, coefficient …, durée …, plancher …) ») et ses notes
 *   (en italique) ;
 * - les compétences du bloc qu'aucune de ses modalités n'évalue viennent à la fin, sans modalité.
 * Un texte sur plusieurs lignes donne un paragraphe par ligne ; les lignes qui suivent la première
 * sont marquées `continued` (style « Suite de texte » dans Word) pour être relues comme un seul texte.
 */

/** Un paragraphe d'une cellule ou du texte courant. */
export interface Paragraph {
    readonly text: string;
    readonly bold?: boolean;
    readonly italic?: boolean;
    /** Élément d'une liste (la ligne commençait par « - »). */
    readonly bullet?: boolean;
    /** La suite du texte du paragraphe précédent (une ligne de plus du même texte). */
    readonly continued?: boolean;
}

export interface BlocRow {
    readonly activites: readonly Paragraph[];
    readonly competences: readonly Paragraph[];
    readonly criteres: readonly Paragraph[];
}

/** Une modalité et les lignes qu'elle couvre (sa cellule s'étend sur toutes). */
export interface ModaliteGroup {
    /** Vide pour les compétences qu'aucune modalité du bloc n'évalue. */
    readonly modalite: readonly Paragraph[];
    readonly rows: readonly BlocRow[];
}

export interface BlocTable {
    readonly code: string;
    /** « Bloc 1 : titre ». */
    readonly label: string;
    /** Les notes du bloc. */
    readonly notes: readonly Paragraph[];
    readonly groups: readonly ModaliteGroup[];
}

export interface ObtentionRow {
    readonly regle: string;
    readonly condition: readonly Paragraph[];
    readonly precisions: readonly Paragraph[];
}

export interface PublishedDocument {
    readonly code: string;
    readonly titre: string;
    /** Les lignes de la page de titre (certification, RNCP, niveau, certificateur, version). */
    readonly identite: ReadonlyArray<{ readonly label: string; readonly value: string }>;
    /** La date de version (AAAA-MM-JJ), pour les métadonnées ; sinon la date d'enregistrement. */
    readonly date?: string;
    readonly preambule: readonly Paragraph[];
    readonly blocs: readonly BlocTable[];
    readonly obtention?: {
        readonly titre: string;
        readonly introduction: readonly Paragraph[];
        readonly rows: readonly ObtentionRow[];
    };
}

/** Les intitulés du document publié (ceux du texte de France Compétences). */
export const HEADINGS = {
    activites: 'RÉFÉRENTIEL D\'ACTIVITÉS',
    activitesDescription: 'décrit les situations de travail et les activités exercées, les métiers ou emplois visés',
    competences: 'RÉFÉRENTIEL DE COMPÉTENCES',
    competencesDescription: 'identifie les compétences et les connaissances, y compris transversales, qui découlent du référentiel d\'activités',
    evaluation: 'RÉFÉRENTIEL D\'ÉVALUATION',
    evaluationDescription: 'définit les critères et les modalités d\'évaluation des acquis',
    modalites: 'MODALITÉS D\'ÉVALUATION',
    criteres: 'CRITÈRES D\'ÉVALUATION',
    preambule: 'Préambule',
    referentiels: 'Référentiels d\'activités, de compétences et d\'évaluation',
    obtention: 'Obtention de la certification professionnelle',
    regle: 'Règle',
    condition: 'Validée si',
    precisions: 'Précisions'
} as const;

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 2024-03-12 » → « 12 mars 2024 » (« 1er » pour le premier du mois). */
export function frenchDate(iso: string): string {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!m) return iso;
    const day = Number(m[3]);
    return `${day === 1 ? '1er' : day} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** Un nombre écrit à la française (virgule décimale). */
const frNumber = (n: number): string => String(n).replace('.', ',');

/** Les lignes d'un texte du référentiel (les textes sur plusieurs lignes gardent leur indentation). */
export function paragraphs(text: string, style: Omit<Paragraph, 'text'> = {}): Paragraph[] {
    return text.split(/\r?\n/).map(l => l.trim()).filter(l => l.length > 0)
        .map((line, i) => ({ ...style, text: line, ...(/^[-–•]\s/.test(line) ? { bullet: true } : {}), ...(i > 0 ? { continued: true } : {}) }));
}

/** Le code qu'a un critère quand le document ne l'écrit pas : CR + numéro de sa modalité + rang (M1.2 → CR1.2.3). */
export function defaultCritereCode(modalite: string, rank: number): string {
    const digits = /^[A-Za-z_]+(\d[\w.-]*)$/.exec(modalite)?.[1];
    return digits ? `CR${digits}.${rank}` : `CR-${modalite}.${rank}`;
}

/** Entre un code et son titre : « M1.1 – titre » (modalité), « R-MOY – titre » (condition), « 326 – libellé » (NSF). */
export const MODALITE_TITLE_SEPARATOR = ' – ';

const notesOf = (notes: readonly Note[]): Paragraph[] => notes.flatMap(n => paragraphs(n.texte));

const refCode = (r: { ref?: { name: string }; $refText: string }): string => r.ref?.name ?? r.$refText;

/** « Bloc 1 » pour BC01 (BCnn, deux chiffres au moins), sinon « Bloc CODE ». */
export function blocLabel(bloc: Bloc): string {
    const m = /^BC(\d{2,})$/.exec(bloc.name);
    const n = m ? String(Number(m[1])) : undefined;
    return `Bloc ${n && bloc.name === `BC${n.padStart(2, '0')}` ? n : bloc.name} : ${bloc.titre.replace(/\s+/g, ' ').trim()}`;
}

/** Le document publié d'un référentiel (certification ou socle). */
export function buildPublishedDocument(model: ReferentielModel): PublishedDocument {
    const certification = model.certification;
    const titre = certification?.titre ?? model.socle?.titre ?? model.code;
    const identite: Array<{ label: string; value: string }> = [];
    identite.push({ label: certification ? 'Certification professionnelle' : 'Socle de compétences', value: titre });
    const rncp = single(certification?.rncp);
    if (rncp) identite.push({ label: 'Numéro RNCP', value: rncp });
    const niveau = single(certification?.niveau);
    if (niveau !== undefined) identite.push({ label: 'Niveau', value: `Niveau ${frNumber(niveau)} (cadre national des certifications)` });
    for (const c of certification?.certificateurs ?? []) {
        identite.push({ label: 'Certificateur', value: c.siret ? `${c.nom} (SIRET ${c.siret})` : c.nom });
    }
    for (const n of certification?.nsf ?? []) {
        identite.push({ label: 'Spécialité (NSF)', value: n.libelle ? `${n.code}${MODALITE_TITLE_SEPARATOR}${n.libelle}` : n.code });
    }
    const version = single(certification?.version);
    const enregistrement = single(certification?.enregistrement);
    if (version) identite.push({ label: 'Version', value: `Version du ${frenchDate(version)}` });
    if (enregistrement) {
        identite.push({
            label: 'Enregistrement',
            value: enregistrement.fin ? `Du ${frenchDate(enregistrement.debut)} au ${frenchDate(enregistrement.fin)}` : `À partir du ${frenchDate(enregistrement.debut)}`
        });
    }
    // Les activités visées par la certification (hors blocs) : une ligne chacune, texte sur une ligne.
    for (const a of certification?.activites ?? []) identite.push({ label: 'Activité visée', value: `${a.name}${MODALITE_TITLE_SEPARATOR}${oneLine(a.texte)}` });
    identite.push({ label: 'Code du référentiel', value: model.code });

    const obtention = model.obtentions[0];
    return {
        code: model.code,
        titre,
        identite,
        date: version ?? enregistrement?.debut,
        preambule: notesOf(certification?.notes ?? model.socle?.notes ?? []),
        blocs: model.blocs.map(b => blocTable(model, b)),
        obtention: obtention ? obtentionSection(model, obtention, titre) : undefined
    };
}

function blocTable(model: ReferentielModel, bloc: Bloc): BlocTable {
    const own = model.competencesOfBloc.get(bloc) ?? [];
    const placed = new Set<Competence>();

    // Les activités du bloc, parents avant enfants, données dans l'ordre du texte.
    const activities: Activite[] = [];
    const walk = (a: Activite): void => { activities.push(a); a.activites.forEach(walk); };
    bloc.activites.forEach(walk);
    let cursor = 0;
    /** Les activités jusqu'à la dernière dont la compétence est issue (pas encore données). */
    const activitiesFor = (competence: Competence): Activite[] => {
        const wanted = competence.activites.map(r => r.ref).filter((a): a is Activite => !!a);
        const last = Math.max(-1, ...wanted.map(a => activities.indexOf(a)));
        const out: Activite[] = [];
        while (cursor <= last) out.push(activities[cursor++]);
        return out;
    };

    interface Row { activites: Activite[]; competence?: Competence; criteres: Critere[] }
    const groups: Array<{ modalite?: Modalite; rows: Row[] }> = [];
    for (const modalite of bloc.modalites) {
        const evaluated = modalite.competences.map(r => r.ref).filter((c): c is Competence => !!c);
        const mine = evaluated.filter(c => own.includes(c) && !placed.has(c));
        mine.forEach(c => placed.add(c));
        const rows: Row[] = mine.map(c => ({ activites: activitiesFor(c), competence: c, criteres: [] }));
        const shared: Row = { activites: [], criteres: [] };
        for (const critere of modalite.criteres) {
            const links = critere.competences.map(r => r.ref).filter((c): c is Competence => !!c);
            const all = links.length === evaluated.length && links.every((c, i) => c === evaluated[i]);
            const row = all ? undefined : rows.find(r => r.competence === links[0]);
            (row ?? shared).criteres.push(critere);
        }
        if (shared.criteres.length > 0 || rows.length === 0) rows.push(shared);
        groups.push({ modalite, rows });
    }
    const rest = own.filter(c => !placed.has(c));
    if (rest.length > 0) groups.push({ rows: rest.map(c => ({ activites: activitiesFor(c), competence: c, criteres: [] })) });
    const leftover = activities.slice(cursor);
    if (leftover.length > 0) {
        const last = groups.at(-1)?.rows.at(-1);
        if (last) last.activites.push(...leftover);
        else groups.push({ rows: [{ activites: leftover, criteres: [] }] });
    }

    // Les paragraphes, et entre crochets ce que la disposition ne dit pas (voir l'en-tête du module).
    let carried: Activite[] = [];
    const out = groups.map(group => {
        const evaluated = group.modalite?.competences.map(refCode) ?? [];
        let rank = 0;
        const rows = group.rows.map(row => {
            if (row.activites.length > 0) carried = row.activites.filter(a => a.activites.length === 0);
            const criteres = row.criteres.map(critere => {
                rank++;
                const links = critere.competences.map(refCode);
                const implied = row.competence ? [row.competence.name] : evaluated;
                const marks: string[] = [];
                if (critere.name !== defaultCritereCode(group.modalite!.name, rank)) marks.push(`critère ${critere.name}`);
                if (links.join() !== implied.join()) marks.push(links.length ? links.join(', ') : 'aucune compétence');
                if (critere.eliminatoire) marks.push(critere.portee === 'bloc' ? 'éliminatoire pour le bloc' : critere.portee === 'certification' ? 'éliminatoire pour la certification' : 'éliminatoire');
                const lines = paragraphs(critere.texte);
                return lines.map((p, i) => i === lines.length - 1 ? withMarks(p, marks) : p);
            });
            return {
                activites: row.activites.flatMap(activityParagraphs),
                competences: row.competence ? competenceParagraphs(row.competence, carried) : [],
                criteres: criteres.flat()
            };
        });
        return { modalite: group.modalite ? modaliteParagraphs(group.modalite) : [], rows };
    });
    return { code: bloc.name, label: blocLabel(bloc), notes: notesOf(bloc.notes).map(p => ({ ...p, italic: true })), groups: out };
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** « texte [mention ; mention] ». */
function withMarks(p: Paragraph, marks: readonly string[]): Paragraph {
    return marks.length ? { ...p, text: `${p.text} [${marks.join(' ; ')}]` } : p;
}

/** Un groupe d'activités en gras (« A1 - titre »), une activité simple « A1-1 titre » ; ses notes en italique. */
function activityParagraphs(a: Activite): Paragraph[] {
    const head: Paragraph = a.activites.length > 0 ? { text: `${a.name} - ${oneLine(a.texte)}`, bold: true } : { text: `${a.name} ${oneLine(a.texte)}` };
    return [head, ...notesOf(a.notes).map(p => ({ ...p, italic: true }))];
}

/** « C1.1 texte », suivi de « [issue de …] » si ses activités ne sont pas celles de sa ligne ; ses notes en italique. */
function competenceParagraphs(c: Competence, implied: readonly Activite[]): Paragraph[] {
    const [first, ...rest] = paragraphs(c.texte);
    const links = c.activites.map(refCode);
    const marks = links.join() === implied.map(a => a.name).join() ? [] : [links.length ? `issue de ${links.join(', ')}` : 'issue d\'aucune activité'];
    const head = withMarks({ text: `${c.name} ${first?.text ?? ''}`.trim() }, rest.length ? [] : marks);
    const tail = rest.map((p, i) => i === rest.length - 1 ? withMarks(p, marks) : p);
    return [head, ...tail, ...notesOf(c.notes).map(p => ({ ...p, italic: true }))];
}

function modaliteParagraphs(m: Modalite): Paragraph[] {
    const out: Paragraph[] = [];
    const codes = m.competences.map(refCode);
    out.push({ text: `Modalité d'évaluation des compétences ${codes.join(', ')} :`, bold: true });
    const [title, ...titleRest] = paragraphs(m.titre, { bold: true });
    out.push({ ...title, text: `${m.name}${MODALITE_TITLE_SEPARATOR}${title?.text ?? ''}` }, ...titleRest);
    const nature = single(m.nature);
    const organisation = m.seul.length > 0 ? 'le candidat travaille seul' : m.enEquipe.length > 0 ? 'le candidat travaille en équipe' : undefined;
    if (nature || organisation) {
        out.push({ text: `Nature : ${[nature && oneLine(nature), organisation].filter(Boolean).join(' ; ')}.`, italic: true });
    }
    const consigne = single(m.consigne);
    if (consigne) out.push(...paragraphs(consigne));
    for (const l of m.livrables) {
        out.push({ text: `Livrable : ${oneLine(l.nature)}`, bold: true });
        if (l.description) out.push(...paragraphs(l.description));
    }
    const jury = single(m.jury);
    if (jury) out.push({ text: `Jury : ${jury.effectif !== undefined ? `${frNumber(jury.effectif)} ` : ''}${oneLine(jury.description)}` });
    for (const e of m.epreuves) out.push({ text: `Épreuve : ${oneLine(e.titre)} (${epreuveDetails(e)})`, bold: true });
    out.push(...notesOf(m.notes).map(p => ({ ...p, italic: true })));
    return out;
}

function obtentionSection(model: ReferentielModel, obtention: Obtention, titre: string): NonNullable<PublishedDocument['obtention']> {
    const offset = (node: { $cstNode?: { offset: number } }): number => node.$cstNode?.offset ?? 0;
    const items: Array<{ at: number; row?: ObtentionRow; note?: Note }> = [];
    const defaultThreshold = single(obtention.seuilBlocs)?.pourcentage ?? 100;
    for (const seuil of obtention.seuilBlocs) {
        const specific = model.blocs.filter(b => b.seuil.length > 0 && single(b.seuil)!.pourcentage !== defaultThreshold)
            .map(b => ({ text: `Le bloc ${b.name} est validé si ${frNumber(single(b.seuil)!.pourcentage)} % de ses compétences sont acquises.` }));
        items.push({ at: offset(seuil), row: { regle: 'Validation d\'un bloc', condition: [{ text: `Un bloc est validé si ${frNumber(seuil.pourcentage)} % de ses compétences sont acquises.` }, ...specific], precisions: [] } });
    }
    for (const seuil of obtention.seuilCompetences) {
        items.push({ at: offset(seuil), row: { regle: 'Acquisition d\'une compétence', condition: [{ text: `Une compétence est acquise si ${frNumber(seuil.pourcentage)} % de ses critères sont satisfaits ; un critère éliminatoire non satisfait l'emporte.` }], precisions: [] } });
    }
    for (const condition of obtention.conditions) {
        items.push({ at: offset(condition), row: { regle: `${condition.name ? `${condition.name}${MODALITE_TITLE_SEPARATOR}` : ''}${oneLine(condition.titre)}`, condition: condition.expression ? [{ text: sentence(describe(condition.expression)) }] : [], precisions: [] } });
    }
    for (const acquis of obtention.acquisBlocs) {
        items.push({ at: offset(acquis), row: { regle: 'Durée d\'acquisition des blocs', condition: [{ text: acquis.aVie ? 'Les blocs sont acquis à vie.' : `Les blocs sont acquis pendant ${frNumber(acquis.duree ?? 0)} ${acquis.unite ?? ''}.`.replace(' .', '.') }], precisions: [] } });
    }
    for (const a of obtention.amenagement) {
        items.push({ at: offset(a), row: { regle: 'Aménagement des épreuves (droit à compensation)', condition: [{ text: `Un aménagement est valable ${frNumber(a.duree)} ${a.unite}${a.temporaire ? ', ou temporaire en cas de handicap non permanent' : ''}.` }], precisions: [] } });
    }
    for (const note of obtention.notes) items.push({ at: offset(note), note });
    items.sort((a, b) => a.at - b.at);

    const introduction: Paragraph[] = [];
    const rows: ObtentionRow[] = [];
    for (const item of items) {
        if (item.row) rows.push(item.row);
        else if (item.note) {
            const last = rows.at(-1);
            if (last) (last.precisions as Paragraph[]).push(...paragraphs(item.note.texte));
            else introduction.push(...paragraphs(item.note.texte));
        }
    }
    return { titre: `${HEADINGS.obtention} — ${titre}`, introduction, rows };
}

/** « épreuve CODE, sur 20, coefficient 2, durée 30 minutes, plancher 8 » (ce que l'épreuve déclare). */
function epreuveDetails(e: Epreuve): string {
    return [`épreuve ${e.name}`, `sur ${frNumber(e.bareme)}`,
        ...(e.coefficient !== undefined ? [`coefficient ${frNumber(e.coefficient)}`] : []),
        ...(e.duree !== undefined ? [`durée ${frNumber(e.duree)} ${e.uniteDuree ?? ''}`.trim()] : []),
        ...(e.plancher !== undefined ? [`plancher ${frNumber(e.plancher)}`] : [])].join(', ');
}

const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1) + '.';

const COMPARISONS: Record<string, string> = {
    '>=': 'vaut au moins', '≥': 'vaut au moins', '>': 'vaut plus de', '<=': 'vaut au plus', '≤': 'vaut au plus',
    '<': 'vaut moins de', '=': 'vaut', '!=': 'ne vaut pas', '≠': 'ne vaut pas'
};
const ARITHMETIC: Record<string, string> = { '+': 'plus', '-': 'moins', '*': 'multiplié par', '/': 'divisé par' };
const FUNCTIONS: Record<string, string> = { moyenne: 'la moyenne', min: 'le minimum', max: 'le maximum', somme: 'la somme', nombre: 'le nombre' };

/** Une condition d'obtention en français courant (« la moyenne de … vaut au moins 10 »). */
export function describe(e: Expression): string {
    if (isLogicalExpression(e)) {
        const side = (x: Expression): string => isLogicalExpression(x) && x.operator !== e.operator ? `(${describe(x)})` : describe(x);
        return `${side(e.left)} ${e.operator} ${side(e.right)}`;
    }
    if (isComparaison(e)) return `${describe(e.left)} ${COMPARISONS[e.operator] ?? e.operator} ${describe(e.right)}`;
    if (isArithmeticExpression(e)) {
        // Des parenthèses là où l'ordre des calculs n'est pas celui de la lecture : (a + b) / 2, a - (b - c).
        const strength = (op: string): number => op === '*' || op === '/' ? 2 : 1;
        const side = (x: Expression, right: boolean): string => isArithmeticExpression(x)
            && (strength(x.operator) < strength(e.operator) || (right && strength(x.operator) === strength(e.operator))) ? `(${describe(x)})` : describe(x);
        return `${side(e.left, false)} ${ARITHMETIC[e.operator] ?? e.operator} ${side(e.right, true)}`;
    }
    if (isNon(e)) return `il n'est pas vrai que ${describe(e.operand)}`;
    if (isLitteral(e)) return `${frNumber(e.valeur)}${e.pourcent ? ' %' : e.unite ? ` ${e.unite}` : ''}`;
    if (isVariable(e)) {
        const g = e.grandeur?.ref;
        if (isEpreuve(g)) return `la note « ${oneLine(g.titre)} » (${epreuveDetails(g)})`;
        if (isMesure(g)) return `« ${oneLine(g.titre)} » (mesure ${g.name}, en ${g.unite})`;
        if (isFait(g)) return `« ${oneLine(g.titre)} » (fait ${g.name})`;
        return e.grandeur?.$refText ?? '';
    }
    if (isAppel(e)) {
        const args = e.arguments.map(a => `${describe(a.valeur)}${a.coefficient !== undefined ? ` (coefficient ${frNumber(a.coefficient)})` : ''}`);
        const list = args.length > 1 ? `${args.slice(0, -1).join(', ')} et ${args.at(-1)}` : args[0] ?? '';
        return `${FUNCTIONS[e.fonction] ?? e.fonction}${e.ponderee ? ' pondérée' : ''} de ${list}`;
    }
    if (isTousBlocs(e)) return 'tous les blocs sont validés';
    if (isNombreBlocs(e)) return 'le nombre de blocs validés';
    if (isBlocValide(e)) return `le bloc ${e.bloc?.ref?.name ?? e.bloc?.$refText ?? ''} est validé`;
    if (isCompetenceAcquise(e)) return `la compétence ${e.competence?.ref?.name ?? e.competence?.$refText ?? ''} est acquise`;
    if (isCritereSatisfait(e)) return `le critère ${e.critere?.ref?.name ?? e.critere?.$refText ?? ''} est satisfait`;
    return '';
}

