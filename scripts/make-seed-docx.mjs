/**
 * Produit test/fixtures/docx/data-engineer.docx : le référentiel « Data Engineer » (le texte de
 * test/fixtures/docx/referentiel-data-engineer.txt, copie du texte publié) mis en page comme le
 * document Word que publie le certificateur, pour les tests de `referentiel import docx`.
 *
 * - un titre, puis le préambule (paragraphes, intertitres, listes à puces, gras et italique) ;
 * - un tableau par partie de bloc, à quatre colonnes : RÉFÉRENTIEL D'ACTIVITÉS | RÉFÉRENTIEL DE
 *   COMPÉTENCES | RÉFÉRENTIEL D'ÉVALUATION (MODALITÉS D'ÉVALUATION | CRITÈRES D'ÉVALUATION) : deux
 *   lignes d'en-tête (cellules fusionnées en largeur et en hauteur, répétées en haut de page), une
 *   ligne « Bloc 1 : … » (les blocs suivants ont leur titre en intertitre, comme dans le texte
 *   publié), plusieurs paragraphes par cellule, listes à puces et numérotées (numérotation Word,
 *   pas de numéro tapé), intertitres en gras dans les cellules, un renvoi en note de bas de page ;
 * - un tableau coupé d'une page à l'autre (saut de page, suite du tableau, en-tête répété) : le
 *   texte publié garde ces coupures ; le texte qui y déborde (après un tableau) va dans une ligne
 *   de plus, sous la même cellule ;
 * - les cellules vides sous une activité ou une compétence sont fusionnées avec celle du dessus
 *   (vMerge) ; une cellule de modalités qui contient deux modalités est coupée en deux lignes
 *   (la limite des lignes, perdue dans le texte, est rétablie : voir ROW_SPLITS) ;
 * - à la fin, le tableau des règles d'obtention (règle | validée si | précisions).
 *
 * Le fichier produit est versionné ; relancer après une modification :
 *   npx node scripts/make-seed-docx.mjs
 * Les tests régénèrent le document et comparent son contenu (word/document.xml…) au fichier versionné.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, LevelFormat, Packer, PageBreak, Paragraph, Table,
    TableCell, TableRow, TextRun, VerticalMergeType, WidthType
} from 'docx';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SEED = path.resolve(HERE, '..', 'test', 'fixtures', 'docx', 'referentiel-data-engineer.txt');
export const OUTPUT = path.resolve(HERE, '..', 'test', 'fixtures', 'docx', 'data-engineer.docx');

/**
 * Les lignes dont la limite est rétablie : dans une cellule qui contient deux modalités, la
 * seconde commence une nouvelle ligne, et ses critères commencent au paragraphe indiqué.
 */
const ROW_SPLITS = [
    'Les difficultés par métier sont identifiées, hiérarchisées',
    'Les outils de pilotage sont fonctionnels et font remonter des informations exploitables en termes de pilotage d\'activité'
];

// ---------------------------------------------------------------------------------------------
// Lecture du texte publié
// ---------------------------------------------------------------------------------------------

/** Un paragraphe : des morceaux de texte (gras, italique), éventuellement un élément de liste. */
function paragraph(runs, list) {
    return { runs, list };
}

/** Le texte Markdown d'une ligne (gras **…**, italique *…*, liens [texte](#), échappements \x). */
function markdownRuns(line) {
    const runs = [];
    const text = line.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\\\*/g, '\u0001').replace(/\\([()])/g, '$1');
    const re = /\*\*(.+?)\*\*|\*(.+?)\*/g;
    let last = 0;
    for (let m; (m = re.exec(text));) {
        if (m.index > last) runs.push({ text: text.slice(last, m.index) });
        if (m[1] !== undefined) runs.push({ text: m[1].replace(/^\*|\*$/g, ''), bold: true, italics: /^\*.*\*$/.test(m[1]) || undefined });
        else runs.push({ text: m[2], italics: true });
        last = re.lastIndex;
    }
    if (last < text.length) runs.push({ text: text.slice(last) });
    return runs.map(r => ({ ...r, text: r.text.replace(/\u0001/g, '*') })).filter(r => r.text.length);
}

/** Chaque liste du document a sa propre numérotation (qui recommence à 1). */
let lists = 0;

/**
 * Le contenu HTML d'une cellule du texte publié → paragraphes. `<p>` et `<li>` commencent un
 * paragraphe, comme deux espaces ou plus (retours à la ligne perdus par la conversion) ; le
 * « - » et le « 1 - » tapés devant les éléments de liste deviennent des puces et une numérotation.
 */
function cellParagraphs(html) {
    const out = [];
    let runs = [];
    let bold = false;
    let italics = false;
    let sup = false;
    let list;
    const flush = () => {
        const trimmed = trimRuns(runs);
        if (trimmed.length) out.push(paragraph(trimmed, list ? { ...list } : undefined));
        runs = [];
    };
    const tokens = html.split(/(<[^>]+>)/);
    for (const token of tokens) {
        if (token.startsWith('<')) {
            const tag = /^<\/?([a-z]+)/.exec(token)?.[1];
            const closing = token.startsWith('</');
            if (tag === 'p' || tag === 'li') flush();
            else if (tag === 'b') bold = !closing;
            else if (tag === 'i') italics = !closing;
            else if (tag === 'sup') sup = !closing;
            else if (tag === 'ul' || tag === 'ol') {
                flush();
                list = closing ? undefined : { kind: tag === 'ul' ? 'bullet' : 'number', id: ++lists };
            }
            continue;
        }
        if (sup) {
            runs.push({ footnote: Number(token) });
            continue;
        }
        const pieces = token.split(/ {2,}/);
        pieces.forEach((piece, i) => {
            if (i > 0) flush();
            if (piece.length) runs.push({ text: piece, bold: bold || undefined, italics: italics || undefined });
        });
    }
    flush();
    // Les marques tapées des listes : « - » devant une puce, « 1 - » devant un numéro.
    for (const p of out) {
        if (!p.list) continue;
        const first = p.runs.find(r => r.text !== undefined);
        if (!first) continue;
        const mark = p.list.kind === 'bullet' ? /^\s*-\s*/ : /^\s*\d+\s*-\s*/;
        first.text = first.text.replace(mark, '');
    }
    return out.map(p => ({ ...p, runs: trimRuns(p.runs) })).filter(p => p.runs.length);
}

/** Retire les blancs de début et de fin d'un paragraphe (et les morceaux vides). */
function trimRuns(runs) {
    const copy = runs.map(r => ({ ...r }));
    while (copy.length && copy[0].text !== undefined && !copy[0].text.trim()) copy.shift();
    while (copy.length && copy.at(-1).text !== undefined && !copy.at(-1).text.trim()) copy.pop();
    if (copy.length && copy[0].text !== undefined) copy[0].text = copy[0].text.replace(/^\s+/, '');
    if (copy.length && copy.at(-1).text !== undefined) copy.at(-1).text = copy.at(-1).text.replace(/\s+$/, '');
    return copy;
}

function plain(p) {
    return p.runs.map(r => r.text ?? '').join('');
}

/**
 * Le texte publié → une suite de blocs : { kind: 'title' | 'heading' | 'paragraph' | 'table' |
 * 'obtention-table' | 'page-break' }, dans l'ordre du document.
 */
export function readSeed(text) {
    const lines = text.replace(/\r\n/g, '\n').split('\n');
    const blocks = [];
    const footnotes = {};
    let section = 'preamble';
    let table; // le tableau en cours (lignes consécutives)
    let lastTable; // le dernier tableau du bloc en cours (pour le texte qui déborde)
    let overflow = [];
    let blocStarted = false;
    lists = 0;
    let lastWasBullet = false;

    const closeTable = () => {
        if (table) {
            blocks.push(table);
            lastTable = table;
            table = undefined;
        }
    };
    const closeOverflow = () => {
        if (overflow.length && lastTable) lastTable.overflow = overflow;
        overflow = [];
    };
    for (const raw of lines) {
        const line = raw.replace(/[ \r]+$/, '');
        if (/^-{2,}\t/.test(line)) continue; // séparateur d'un tableau Markdown
        if (line.includes('\t')) {
            const cells = line.split('\t');
            if (section === 'preamble' && /^REFERENTIEL D'ACTIVITES/.test(line)) {
                section = 'blocs';
                table = { kind: 'table', header: true, rows: [] };
                continue;
            }
            if (/^\t\tMODALITÉS/.test(line)) continue; // seconde ligne d'en-tête (reconstruite)
            if (section === 'obtention') {
                if (!table) table = { kind: 'obtention-table', rows: [] };
                table.rows.push(cells.slice(0, 3).map(c => cellParagraphs(c)));
                continue;
            }
            closeOverflow();
            if (!table) {
                if (blocStarted) blocks.push({ kind: 'page-break' });
                // La suite du premier bloc sur une nouvelle page répète l'en-tête.
                table = { kind: 'table', header: blocks.filter(b => b.kind === 'table').length === 1 && !blocks.some(b => b.kind === 'heading' && b.level === 2), rows: [] };
            }
            const bloc = /^<b>(Bloc \d+ : .*)<\/b>$/.exec(cells[0]);
            if (bloc && cells.slice(1).every(c => !c.trim())) {
                table.rows.push({ bloc: bloc[1] });
                blocStarted = true;
                continue;
            }
            table.rows.push({ cells: cells.slice(0, 4).map(c => cellParagraphs(c)) });
            continue;
        }
        if (!line.trim()) {
            closeTable();
            lastWasBullet = false;
            continue;
        }
        closeTable();
        const heading = /^(#{2,4})\s+(.*)$/.exec(line);
        if (heading) {
            closeOverflow();
            const content = heading[2];
            const level = heading[1].length;
            if (/^Bloc \d+/.test(content)) {
                blocks.push({ kind: 'page-break' });
                blocks.push({ kind: 'heading', level: 2, runs: [{ text: content }] });
                blocStarted = true;
                lastTable = undefined;
            } else if (/^Obtention/.test(content)) {
                section = 'obtention';
                lastTable = undefined;
                blocks.push({ kind: 'page-break' });
                blocks.push({ kind: 'heading', level: 1, runs: [{ text: content }] });
            } else {
                blocks.push({ kind: 'heading', level: 3, runs: markdownRuns(content).map(r => ({ ...r, bold: undefined })) });
            }
            continue;
        }
        const note = /^<sup>(\d+)<\/sup>\s*(.*)$/.exec(line);
        if (note) {
            footnotes[note[1]] = note[2];
            continue;
        }
        const bullet = /^-\s+(.*)$/.exec(line);
        if (bullet && !lastWasBullet) lists++;
        lastWasBullet = Boolean(bullet);
        const p = bullet
            ? paragraph(markdownRuns(bullet[1]), { kind: 'bullet', id: lists })
            : paragraph(markdownRuns(line));
        if (section === 'blocs' && lastTable && blocStarted) {
            overflow.push(p); // texte qui déborde d'une cellule sur la page suivante
            continue;
        }
        blocks.push({ kind: 'paragraph', ...p });
    }
    closeTable();
    closeOverflow();

    // Le titre du document : le nom de la certification, tel que le dit la partie « Obtention ».
    const obtention = blocks.find(b => b.kind === 'heading' && b.level === 1);
    const name = /de la certification professionnelle de (.+)$/.exec(obtention.runs[0].text)?.[1] ?? 'Référentiel';
    blocks.unshift({ kind: 'title', runs: [{ text: `Référentiel de la certification professionnelle ${name}` }] });
    return { blocks, footnotes };
}

// ---------------------------------------------------------------------------------------------
// Écriture du document Word
// ---------------------------------------------------------------------------------------------

const NUMBERED = 'numerotation';
const BULLETS = 'puces';

function textRuns(runs) {
    return runs.map(r => r.footnote !== undefined
        ? new FootnoteReferenceRun(r.footnote)
        : new TextRun({ text: r.text, bold: r.bold, italics: r.italics }));
}

function docxParagraph(p, options = {}) {
    const numbering = p.list
        ? { reference: p.list.kind === 'bullet' ? BULLETS : NUMBERED, level: 0, instance: p.list.id }
        : undefined;
    return new Paragraph({ children: textRuns(p.runs), numbering, ...options });
}

function cell(paragraphs, options = {}) {
    const children = paragraphs.length ? paragraphs.map(p => docxParagraph(p)) : [new Paragraph({})];
    return new TableCell({ children, ...options });
}

const WIDTHS = [2200, 2800, 2500, 2500];

function headerRows() {
    const title = (main, description) => [
        paragraph([{ text: main, bold: true }]),
        paragraph([{ text: description, italics: true }])
    ];
    return [
        new TableRow({
            tableHeader: true,
            children: [
                cell(title('RÉFÉRENTIEL D\'ACTIVITÉS', 'décrit les situations de travail et les activités exercées, les métiers ou emplois visés'), { verticalMerge: VerticalMergeType.RESTART }),
                cell(title('RÉFÉRENTIEL DE COMPÉTENCES', 'identifie les compétences et les connaissances, y compris transversales, qui découlent du référentiel d\'activités'), { verticalMerge: VerticalMergeType.RESTART }),
                cell(title('RÉFÉRENTIEL D\'ÉVALUATION', 'définit les critères et les modalités d\'évaluation des acquis'), { columnSpan: 2 })
            ]
        }),
        new TableRow({
            tableHeader: true,
            children: [
                cell([], { verticalMerge: VerticalMergeType.CONTINUE }),
                cell([], { verticalMerge: VerticalMergeType.CONTINUE }),
                cell([paragraph([{ text: 'MODALITÉS D\'ÉVALUATION', bold: true }])]),
                cell([paragraph([{ text: 'CRITÈRES D\'ÉVALUATION', bold: true }])])
            ]
        })
    ];
}

const isModaliteStart = p => /^Modalité d'évaluation/.test(plain(p));

/**
 * Les lignes d'un tableau de bloc : une cellule vide sous une activité ou une compétence est
 * fusionnée avec celle du dessus ; une cellule de modalités qui en contient deux est coupée.
 */
function blocRows(table) {
    const rows = [];
    for (const row of table.rows) {
        if (row.bloc) {
            rows.push({ bloc: row.bloc });
            continue;
        }
        const [activites, competences, modalites, criteres] = row.cells;
        const starts = modalites.map((p, i) => (isModaliteStart(p) ? i : -1)).filter(i => i > 0);
        const split = criteres.findIndex(p => ROW_SPLITS.includes(plain(p)));
        if (starts.length && split > 0) {
            rows.push({ cells: [activites, competences, modalites.slice(0, starts[0]), criteres.slice(0, split)] });
            rows.push({ cells: [null, null, modalites.slice(starts[0]), criteres.slice(split)] });
        } else {
            rows.push({ cells: [activites, competences, modalites, criteres] });
        }
    }
    if (table.overflow) rows.push({ cells: [null, null, table.overflow, []] });
    // Cellules vides (ou absentes) des deux premières colonnes sous une cellule remplie : fusion.
    const merged = [];
    rows.forEach((row, r) => {
        if (row.bloc) return;
        row.merge = [false, false];
        for (const c of [0, 1]) {
            const empty = !row.cells[c] || row.cells[c].length === 0;
            const above = rows[r - 1];
            if (empty && above && !above.bloc) row.merge[c] = true;
        }
        merged.push(row);
    });
    // Une cellule dont la suivante continue la fusion commence une fusion.
    return rows.map((row, r) => {
        if (row.bloc) return row;
        const next = rows[r + 1];
        const restart = [0, 1].map(c => !row.merge[c] && Boolean(next && !next.bloc && next.merge[c]));
        return { ...row, restart };
    });
}

function blocTable(table) {
    const rows = table.header ? headerRows() : [];
    for (const row of blocRows(table)) {
        if (row.bloc) {
            rows.push(new TableRow({ children: [cell([paragraph([{ text: row.bloc, bold: true }])], { columnSpan: 4 })] }));
            continue;
        }
        rows.push(new TableRow({
            children: row.cells.map((paragraphs, c) => {
                if (c < 2 && row.merge[c]) return cell([], { verticalMerge: VerticalMergeType.CONTINUE });
                if (c < 2 && row.restart[c]) return cell(paragraphs ?? [], { verticalMerge: VerticalMergeType.RESTART });
                return cell(paragraphs ?? []);
            })
        }));
    }
    return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: WIDTHS });
}

function obtentionTable(table) {
    return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        columnWidths: [3000, 3500, 3500],
        rows: table.rows.map(cells => new TableRow({ cantSplit: true, children: cells.map(paragraphs => cell(paragraphs)) }))
    });
}

/** Le document Word (octets) du texte publié. */
export async function buildSeedDocx(text = readFileSync(SEED, 'utf8')) {
    const { blocks, footnotes } = readSeed(text);
    const children = [];
    for (const block of blocks) {
        switch (block.kind) {
            case 'title':
                children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: textRuns(block.runs) }));
                break;
            case 'heading':
                children.push(new Paragraph({
                    heading: block.level === 1 ? HeadingLevel.HEADING_1 : block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
                    children: textRuns(block.runs)
                }));
                break;
            case 'paragraph':
                children.push(docxParagraph(block));
                break;
            case 'page-break':
                children.push(new Paragraph({ children: [new PageBreak()] }));
                break;
            case 'table':
                children.push(blocTable(block));
                break;
            case 'obtention-table':
                children.push(obtentionTable(block));
                break;
        }
    }
    const document = new Document({
        creator: 'Référentiel (scripts/make-seed-docx.mjs)',
        title: blocks[0].runs[0].text,
        description: 'Référentiel publié de la certification professionnelle Data Engineer (fixture de test)',
        styles: { default: { document: { run: { language: { value: 'fr-FR' } } } } },
        numbering: {
            config: [
                { reference: BULLETS, levels: [{ level: 0, format: LevelFormat.BULLET, text: '-', alignment: AlignmentType.LEFT }] },
                { reference: NUMBERED, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1 -', alignment: AlignmentType.LEFT }] }
            ]
        },
        footnotes: Object.fromEntries(Object.entries(footnotes).map(([id, note]) => [id, { children: [new Paragraph(note)] }])),
        sections: [{ children }]
    });
    return Packer.toBuffer(document);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const bytes = await buildSeedDocx();
    writeFileSync(OUTPUT, bytes);
    process.stdout.write(`${path.relative(process.cwd(), OUTPUT)} : ${bytes.length} octets\n`);
}
