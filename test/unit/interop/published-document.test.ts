import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportOutput } from '../../../language-server/src/core/export.js';
import { buildPublishedDocument, describe as describeCondition, type PublishedDocument } from '../../../language-server/src/export/published-document.js';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { workspace } from '../../helpers.js';

/**
 * Le document publié (issue 11, partie 2) : la structure commune, puis chaque format relu —
 * le .docx dézippé (word/document.xml), le PDF ouvert par pdf.js (métadonnées, arbre de structure,
 * texte de chaque page), le HTML lu comme texte (l'audit axe est dans test/browser/).
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const SAMPLE = path.join(ROOT, 'samples', 'data-engineer');

/** L'échantillon, avec la page de titre complétée (numéro RNCP, niveau, certificateur, version). */
async function sampleModel(): Promise<ReferentielModel> {
    const files: Record<string, string> = {};
    for (const name of readdirSync(SAMPLE).filter(n => n.endsWith('.ref')).sort()) {
        files[name] = readFileSync(path.join(SAMPLE, name), 'utf8');
    }
    files['data-engineer.ref'] = files['data-engineer.ref'].replace(
        'certification DATA-ENGINEER "Data Engineer" {',
        'certification DATA-ENGINEER "Data Engineer" {\n    rncp RNCP35288\n    niveau 7\n    certificateur "École de la donnée" siret "12345678900012"\n    version du 2024-03-12'
    );
    const ws = await workspace(files);
    const errors = ws.documents.flatMap(d => (d.diagnostics ?? []).filter(x => x.severity === 1));
    expect(errors).toEqual([]);
    return ws.services.referentiel.Models.forCode('DATA-ENGINEER');
}

let model: ReferentielModel;
let published: PublishedDocument;
beforeAll(async () => {
    model = await sampleModel();
    published = buildPublishedDocument(model);
});

const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('structure du document publié', () => {
    it('page de titre, préambule, un tableau par bloc et le tableau d\'obtention', () => {
        expect(published.identite).toEqual([
            { label: 'Certification professionnelle', value: 'Data Engineer' },
            { label: 'Numéro RNCP', value: 'RNCP35288' },
            { label: 'Niveau', value: 'Niveau 7 (cadre national des certifications)' },
            { label: 'Certificateur', value: 'École de la donnée (SIRET 12345678900012)' },
            { label: 'Version', value: 'Version du 12 mars 2024' },
            { label: 'Code du référentiel', value: 'DATA-ENGINEER' }
        ]);
        expect(published.date).toBe('2024-03-12');
        expect(published.preambule[0].text).toBe('Article L6113-1 Créé par LOI n°2018-771 du 5 septembre 2018 - art. 31 (V)');
        expect(published.blocs.map(b => b.label.slice(0, 8))).toEqual(['Bloc 1 :', 'Bloc 2 :', 'Bloc 3 :', 'Bloc 4 :', 'Bloc 5 :']);
        expect(published.blocs[0].label).toBe('Bloc 1 : Conduire et réaliser le développement ou l\'adaptation d\'une solution pour collecter, nettoyer, traiter, stocker et exploiter des données');
    });

    it('chaque compétence sur sa ligne, à côté de ses activités, de sa modalité et des critères qui la vérifient', () => {
        const bloc1 = published.blocs[0];
        expect(bloc1.groups).toHaveLength(2);
        const [m11, m12] = bloc1.groups;
        expect(m11.modalite[0]).toEqual({ text: 'Modalité d\'évaluation des compétences C1.1, C1.2, C1.3, C1.4 :', bold: true });
        // Le code de la modalité devant son titre (relu par `import docx`).
        expect(m11.modalite[1]).toEqual({ text: 'M1.1 – Mise en situation : analyse des besoins du client et rédaction du cahier des charges fonctionnel et du cahier des charges technique.', bold: true });
        // Les lignes qui suivent la première d'un texte sont marquées comme sa suite.
        expect(m11.modalite).toContainEqual({ text: '- l\'entreprise,', bullet: true, continued: true });
        expect(m11.rows.map(r => r.competences[0].text.split(' ')[0])).toEqual(['C1.1', 'C1.2', 'C1.3', 'C1.4']);
        // La première compétence amène le groupe d'activités A1 et A1-1 ; C1.4 amène A1-2.
        expect(m11.rows[0].activites.map(a => a.text.split(' ')[0])).toEqual(['A1', 'A1-1']);
        expect(m11.rows[0].activites[0].bold).toBe(true);
        expect(m11.rows[3].activites.map(a => a.text.split(' ')[0])).toEqual(['A1-2']);
        // CR1.1.1 et CR1.1.2 vérifient C1.1 : sur sa ligne, sans marque.
        expect(m11.rows[0].criteres.map(c => c.text)).toEqual([
            'Les besoins, les contraintes, et les ressources sont identifiés, leur hiérarchisation est justifiée.',
            'Les éléments identifiés permettent de proposer une solution répondant à la demande du client.'
        ]);
        // CR1.1.3 vérifie C1.2 et C1.3 : la ligne ne le dit pas, la liste est écrite.
        expect(m11.rows[1].criteres[0].text).toMatch(/développée\/adaptée \[C1\.2, C1\.3\]$/);
        expect(m11.rows[3].criteres.at(-1)!.text).toBe('Les documents contenus dans le dossier sont respectueux de la Charte de la communication accessible [éliminatoire]');
        // CR1.2.11 et CR1.2.12 vérifient toutes les compétences de M1.2 : dernière ligne, sans compétence.
        const shared = m12.rows.at(-1)!;
        expect(shared.competences).toEqual([]);
        expect(shared.criteres.map(c => c.text)).toEqual([
            'Le rapport est complet : il doit intégrer l\'ensemble des éléments demandés,',
            'Le candidat justifie les éléments contenus dans le rapport, et réalise leur analyse critique et personnelle.'
        ]);
        expect(m12.modalite).toContainEqual({ text: 'Jury : 2 personnes représentant le client' });
        expect(m12.modalite).toContainEqual({ text: 'Nature : mise en situation ; le candidat travaille en équipe.', italic: true });
        // Les notes de la modalité en italique.
        expect(m12.modalite.at(-1)).toEqual({ text: 'A la fin du rapport, le candidat réalise un bilan qui évalue la solution, son fonctionnement, sa sécurité au regard des tests et du cahier des charges.', italic: true });
        // Les critères de C1.6 et C1.7 sont dans l'ordre des lignes, pas de leurs numéros : leur code est écrit.
        const c16 = m12.rows[1];
        expect(c16.competences[0].text).toMatch(/^C1\.6 /);
        expect(c16.criteres[0].text).toBe('La solution développée/adaptée est respectueuse du cahier des charges technique (objectif, délais, budget, sécurité,...) et elle est fonctionnelle [critère CR1.2.6]');
        expect(c16.criteres[3].text).toBe('La solution développée/adaptée est respectueuse des normes de type RGAA. [critère CR1.2.9 ; éliminatoire]');
    });

    it('ce que la disposition ne dit pas est écrit entre crochets : « issue de » d\'une compétence', () => {
        // C2.6 est issue de A2-2 et A2-3 ; sa ligne ne nomme aucune activité (A2-2 est donnée à C2.4, A2-3 à C2.5).
        const rows = published.blocs[1].groups.flatMap(g => g.rows);
        const row = (code: string) => rows.find(r => r.competences[0]?.text.startsWith(`${code} `))!;
        expect(row('C2.4').activites.map(a => a.text.split(' ')[0])).toEqual(['A2-2']);
        expect(row('C2.5').activites.map(a => a.text.split(' ')[0])).toEqual(['A2-3']);
        expect(row('C2.5').competences[0].text).not.toContain('[');
        expect(row('C2.6').activites).toEqual([]);
        expect(row('C2.6').competences[0].text).toMatch(/ \[issue de A2-2, A2-3\]$/);
    });

    it('chaque compétence, activité et critère du référentiel apparaît une fois, avec son texte', () => {
        const all = published.blocs.flatMap(b => b.groups.flatMap(g => g.rows));
        const competences = all.filter(r => r.competences.length > 0).map(r => r.competences[0].text);
        expect(competences).toHaveLength(model.competences.length);
        for (const c of model.competences) expect(competences.some(t => t === `${c.name} ${normalize(c.texte)}` || t.startsWith(`${c.name} ${normalize(c.texte)} [issue de `))).toBe(true);
        const activites = all.flatMap(r => r.activites).map(p => p.text.split(' ')[0]);
        expect(activites.sort()).toEqual(model.activites.map(a => a.name).sort());
        // Un critère sur plusieurs lignes : un paragraphe par ligne, les suivants marqués comme sa suite.
        const criteres = all.flatMap(r => r.criteres);
        expect(criteres.filter(p => !p.continued)).toHaveLength(model.criteres.length);
        const texts = criteres.reduce<string[]>((out, p) => p.continued ? [...out.slice(0, -1), `${out.at(-1)} ${p.text}`] : [...out, p.text], []);
        for (const c of model.criteres) expect(texts.some(t => t.startsWith(normalize(c.texte)))).toBe(true);
    });

    it('les règles d\'obtention en français courant, avec les notes qui les suivent', () => {
        const obtention = published.obtention!;
        expect(obtention.introduction[0].text).toMatch(/^La certification professionnelle Data Engineer est composée/);
        const rows = Object.fromEntries(obtention.rows.map(r => [r.regle, r]));
        expect(rows['Validation d\'un bloc'].condition[0].text).toBe('Un bloc est validé si 100 % de ses compétences sont acquises.');
        expect(rows['La validation des 5 blocs de compétences'].condition[0].text).toBe('Tous les blocs sont validés.');
        expect(rows['La validation des 5 blocs de compétences'].precisions.map(p => p.text)).toContain('Un bloc est validé si 100% des compétences du bloc sont acquises.');
        expect(rows['La validation de la période en entreprise'].condition[0].text).toBe('« Période en entreprise » (mesure periode_entreprise, en mois) vaut au moins 6 mois et « Les compétences mises en œuvre pendant la période en entreprise ont été évaluées » (fait competences_periode_evaluees).');
        expect(rows['La validation du mémoire et sa soutenance'].condition[0].text)
            .toBe('La moyenne de la note « Mémoire professionnel » (épreuve memoire, sur 20) et la note « Soutenance du mémoire » (épreuve soutenance, sur 20) vaut au moins 10.');
        expect(rows['Durée d\'acquisition des blocs'].condition[0].text).toBe('Les blocs sont acquis à vie.');
        expect(rows['Aménagement des épreuves (droit à compensation)'].condition[0].text).toBe('Un aménagement est valable 1 an, ou temporaire en cas de handicap non permanent.');
    });

    it('les opérateurs logiques imbriqués gardent leurs parenthèses', async () => {
        const ws = await workspace({
            'x.ref': `certification X "X" {}
bloc BC01 "B" { compétence C1 "Faire" }
bloc BC02 "B" { compétence C2 "Faire" }
obtention {
    épreuve oral "Oral" sur 20
    condition "Règle" : (bloc BC01 validé ou bloc BC02 validé) et non oral < 8 et nombre de blocs validés >= 1
}`
        });
        const condition = ws.services.referentiel.Models.forCode('X').obtentions[0].conditions[0];
        expect(describeCondition(condition.expression)).toBe(
            '(le bloc BC01 est validé ou le bloc BC02 est validé) et il n\'est pas vrai que la note « Oral » (épreuve oral, sur 20) vaut moins de 8 et le nombre de blocs validés vaut au moins 1');
    });
});

describe('les constructions de l\'évaluation (second exemple, samples/developpeur-web)', () => {
    it('portée d\'un critère éliminatoire, épreuve de la modalité, activité visée : écrites, dans Word et en HTML', async () => {
        const dir = path.join(ROOT, 'samples', 'developpeur-web');
        const files = Object.fromEntries(readdirSync(dir).filter(n => n.endsWith('.ref')).map(n => [n, readFileSync(path.join(dir, n), 'utf8')]));
        const ws = await workspace(files);
        const web = ws.services.referentiel.Models.forCode('RNCP37674');
        const doc = buildPublishedDocument(web);
        expect(doc.identite).toContainEqual({ label: 'Activité visée', value: 'A1 – Développer des sites web et des applications web ou web mobile sécurisés, dans le respect de la réglementation (RGPD) et de l\'accessibilité (RGAA)' });
        const criteria = doc.blocs[0].groups.flatMap(g => g.rows.flatMap(r => r.criteres.map(p => p.text)));
        expect(criteria.find(t => t.startsWith('Les interfaces sont développées de manière sécurisée'))).toMatch(/ \[(?:[^\]]+ ; )?éliminatoire pour le bloc\]$/);
        expect(criteria.find(t => t.startsWith('Les interfaces respectent le RGAA'))).toMatch(/ \[(?:[^\]]+ ; )?éliminatoire\]$/);
        const epreuve = 'Épreuve : Questionnaire professionnel (front-end) (épreuve qp_front, sur 20, durée 30 minutes, plancher 8)';
        expect(doc.blocs[0].groups.flatMap(g => g.modalite)).toContainEqual({ text: epreuve, bold: true });
        const xml = strFromU8(unzipSync(await exportOutput(web, 'docx') as Uint8Array)['word/document.xml']);
        const html = await exportOutput(web, 'html') as string;
        for (const text of [epreuve, 'éliminatoire pour le bloc]', 'Activité visée']) {
            expect(xml).toContain(text);
            expect(html).toContain(text.replace(/'/g, '&#39;'));
        }
    });
});

describe('export docx', () => {
    let files: Record<string, Uint8Array>;
    let xml: string;
    let bytes: Uint8Array;
    beforeAll(async () => {
        bytes = await exportOutput(model, 'docx') as Uint8Array;
        files = unzipSync(bytes);
        xml = strFromU8(files['word/document.xml']);
    });

    it('est déterministe : mêmes octets à chaque export, dates tirées de la version', async () => {
        expect(Buffer.from(await exportOutput(model, 'docx') as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
        const core = strFromU8(files['docProps/core.xml']);
        expect(core).toContain('<dc:title>Data Engineer</dc:title>');
        expect(core).toContain('<dc:language>fr-FR</dc:language>');
        expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-12T00:00:00Z</dcterms:created>');
    });

    it('langue fr-FR, titres en styles de titre, page A4 paysage', () => {
        expect(strFromU8(files['word/styles.xml'])).toMatch(/<w:docDefaults>.*<w:lang w:val="fr-FR"\/>.*<\/w:docDefaults>/s);
        expect(xml).toContain('<w:lang w:val="fr-FR"/>');
        expect(xml).not.toMatch(/<w:lang w:val="(?!fr-FR)/);
        expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(1);
        expect(xml.match(/<w:pStyle w:val="Heading2"\/>/g)).toHaveLength(3);
        expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    });

    it('un tableau par bloc (et celui de l\'obtention) : en-têtes marqués et répétés, aucune ligne coupée', () => {
        const tables = xml.split('<w:tbl>').slice(1).map(t => t.slice(0, t.indexOf('</w:tbl>')));
        expect(tables).toHaveLength(6);
        for (const [i, table] of tables.entries()) {
            const rows = table.split('<w:tr>').slice(1);
            const headers = rows.filter(r => r.includes('<w:tblHeader/>'));
            // Les lignes d'en-tête sont les premières ; toutes les lignes sont insécables.
            expect(rows.slice(0, headers.length).every(r => r.includes('<w:tblHeader/>'))).toBe(true);
            expect(headers).toHaveLength(i < 5 ? 3 : 1);
            expect(rows.every(r => r.includes('<w:cantSplit/>'))).toBe(true);
        }
        const text = (fragment: string): string => [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(m => m[1].replace(/&apos;/g, '\'')).join('|');
        const head = text(tables[0].split('<w:tr>').slice(1, 4).join(''));
        expect(head).toContain('RÉFÉRENTIEL D\'ACTIVITÉS');
        expect(head).toContain('RÉFÉRENTIEL DE COMPÉTENCES');
        expect(head).toContain('RÉFÉRENTIEL D\'ÉVALUATION');
        expect(head).toContain('MODALITÉS D\'ÉVALUATION|CRITÈRES D\'ÉVALUATION');
        expect(head).toContain('Bloc 1 : Conduire et réaliser');
        // La cellule de la modalité couvre les lignes de ses compétences (fusion verticale).
        expect(tables[0]).toContain('<w:vMerge w:val="restart"/>');
    });

    it('chaque texte publié est dans le document : compétences avec leur code, modalités, critères un par paragraphe', () => {
        const paragraphs = [...xml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/g)]
            .map(m => [...(m[1] ?? m[2]).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(t => t[1]).join(''))
            .map(t => t.replace(/&apos;/g, '\'').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
        for (const c of model.competences) expect(paragraphs.some(p => p === `${c.name} ${normalize(c.texte)}` || p.startsWith(`${c.name} ${normalize(c.texte)} [issue de `))).toBe(true);
        for (const c of model.criteres) expect(paragraphs.some(p => p.startsWith(normalize(c.texte.split('\n')[0])))).toBe(true);
        // Les lignes qui suivent la première d'un texte ont le style « Suite de texte ».
        expect(strFromU8(files['word/styles.xml'])).toContain('<w:style w:type="paragraph" w:styleId="SuiteDeTexte">');
        expect(xml).toContain('<w:pStyle w:val="SuiteDeTexte"/>');
        expect(paragraphs).toContain('Modalité d\'évaluation des compétences C5.7, C5.8, C5.9 :');
        expect(paragraphs).toContain('La validation du mémoire et sa soutenance');
    });
});

describe('export pdf (balisé, relu par pdf.js)', () => {
    let bytes: Uint8Array;
    type Node = { role?: string; type?: string; children?: Node[] };
    const roles = (node: Node, out: string[] = []): string[] => {
        if (node.role) out.push(node.role);
        node.children?.forEach(c => roles(c, out));
        return out;
    };
    beforeAll(async () => {
        bytes = await exportOutput(model, 'pdf') as Uint8Array;
    });

    it('titre affiché, langue, balisage, PDF/UA ; déterministe', async () => {
        expect(Buffer.from(await exportOutput(model, 'pdf') as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
        const pdf = await getDocument({ data: bytes.slice() }).promise;
        const { info, metadata } = await pdf.getMetadata() as unknown as { info: Record<string, unknown>; metadata: { get(name: string): unknown } };
        expect(info.Title).toBe('Data Engineer');
        expect(info.Language).toBe('fr-FR');
        expect(info.CreationDate).toBe('D:20240312000000Z');
        expect(metadata.get('dc:title')).toBe('Data Engineer');
        expect(Buffer.from(bytes).toString('latin1')).toContain('<pdfuaid:part>1</pdfuaid:part>');
        expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
        expect(await pdf.getViewerPreferences()).toMatchObject({ DisplayDocTitle: true });
        await pdf.destroy();
    });

    it('titres, tableaux (Table, THead, TBody, TR, TH, TD), en-têtes répétés sur chaque page, textes', async () => {
        const pdf = await getDocument({ data: bytes.slice() }).promise;
        const all: string[] = [];
        let text = '';
        let pagesWithBody = 0;
        for (let i = 1; i <= pdf.numPages; i++) {
            const page = await pdf.getPage(i);
            const pageRoles = roles(await page.getStructTree() as Node);
            all.push(...pageRoles);
            const content = await page.getTextContent();
            const pageText = normalize(content.items.map(item => ('str' in item ? item.str : '')).join(' '));
            text += ' ' + pageText;
            if (pageRoles.includes('TD')) {
                pagesWithBody++;
                // Toute page qui porte des lignes d'un tableau commence par ses lignes d'en-tête.
                expect(pageText.includes('RÉFÉRENTIEL D\'ACTIVITÉS') || pageText.includes('Règle Validée si Précisions'), `page ${i}`).toBe(true);
            }
        }
        expect(pdf.numPages).toBeGreaterThan(5);
        expect(pagesWithBody).toBeGreaterThan(5);
        expect(all.filter(r => r === 'H1')).toHaveLength(1);
        expect(all).toContain('H2');
        expect(all).toContain('H3');
        for (const role of ['Document', 'Table', 'THead', 'TBody', 'TR', 'TH', 'TD', 'P']) expect(all).toContain(role);
        // Les retours à la ligne du PDF deviennent des espaces à la lecture : on compare sans blancs.
        const compact = text.replace(/\s+/g, '');
        for (const c of model.competences) expect(compact).toContain(`${c.name}${c.texte.replace(/\s+/g, '')}`);
        for (const c of model.criteres) expect(compact).toContain(c.texte.replace(/\s+/g, ''));
        await pdf.destroy();
    });

    it('aucune ligne de tableau coupée entre deux pages : une ligne qui ne tient pas en bas de page passe à la suivante', async () => {
        // Un bloc de 40 modalités (une ligne chacune, de hauteurs variées) : son tableau court sur plusieurs pages.
        const modalites = Array.from({ length: 40 }, (_, i) => `    compétence C1.${i + 1} "Réaliser la tâche ${i + 1} afin de livrer le résultat attendu"
    modalité M1.${i + 1} "Mise en situation ${i + 1}" {
        évalue C1.${i + 1}
${Array.from({ length: 1 + (i % 5) }, (_, k) => `        critère CR1.${i + 1}.${k + 1} "Le résultat ${k + 1} de la tâche ${i + 1} est conforme aux exigences du client et documenté" vérifie C1.${i + 1}`).join('\n')}
    }`).join('\n');
        const ws = await workspace({ 'long.ref': `certification LONG "Long" {}\nbloc BC01 "Un long bloc" {\n${modalites}\n}` });
        const long = await exportOutput(ws.services.referentiel.Models.forCode('LONG'), 'pdf') as Uint8Array;
        const pdf = await getDocument({ data: long.slice() }).promise;
        const pages: string[] = [];
        for (let i = 1; i <= pdf.numPages; i++) {
            const content = await (await pdf.getPage(i)).getTextContent();
            pages.push(content.items.map(item => ('str' in item ? item.str : '')).join('').replace(/\s+/g, ''));
        }
        expect(pages.length).toBeGreaterThan(3);
        for (let i = 1; i <= 40; i++) {
            // La modalité, sa compétence et tous ses critères : sur une seule et même page.
            const parts = [`M1.${i}–Misenesituation${i}`.replace('Misenesituation', 'Miseensituation'), `C1.${i}Réaliserlatâche${i}afin`,
                ...Array.from({ length: 1 + ((i - 1) % 5) }, (_, k) => `Lerésultat${k + 1}delatâche${i}estconforme`)];
            const holding = pages.flatMap((p, n) => parts.every(x => p.includes(x)) ? [n + 1] : []);
            expect(holding, `ligne de M1.${i}`).toHaveLength(1);
        }
        await pdf.destroy();
    });
});

describe('export html', () => {
    it('autonome et accessible : langue, titres, légendes, en-têtes avec portée, feuille d\'impression', async () => {
        const html = await exportOutput(model, 'html') as string;
        expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="fr-FR">/);
        expect(html).toContain('<title>Data Engineer — référentiel</title>');
        expect(html.match(/<h1>/g)).toHaveLength(1);
        expect(html.match(/<table class="bloc">/g)).toHaveLength(5);
        expect(html.match(/<caption>/g)).toHaveLength(6);
        expect(html).toContain('<th scope="colgroup" colspan="2">RÉFÉRENTIEL D&#39;ÉVALUATION');
        expect(html).toContain('<th scope="row">La validation du mémoire et sa soutenance</th>');
        expect(html).toContain('thead { display: table-header-group; }');
        expect(html).toContain('tr { break-inside: avoid; page-break-inside: avoid; }');
        expect(html).not.toMatch(/<(script|link|img)\b/);
        expect(html).toContain('<td rowspan="4" class="modalite"><p><strong>Modalité d&#39;évaluation des compétences C1.1, C1.2, C1.3, C1.4 :</strong></p>');
        expect(await exportOutput(model, 'html')).toBe(html);
    });
});
