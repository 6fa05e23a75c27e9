import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRefText } from '../../../language-server/src/core/rncp-import.js';
import { exportRncpXml } from '../../../language-server/src/interop/rncp-export.js';
import { ficheToRef, type ImportedFiche } from '../../../language-server/src/interop/rncp-import.js';
import { readRncpExport, type RncpFiche } from '../../../language-server/src/interop/rncp-reader.js';
import { competenceGroups, mergedCompetence, natureOf, splitActivites, splitModalites } from '../../../language-server/src/interop/rncp-text.js';
import { workspace } from '../../helpers.js';
import { RNCP_EXPORT } from './interop-helpers.js';

/** Les chemins d'éléments sous FICHE (« CODES_ROME/ROME/CODE »), et l'ordre des enfants directs de FICHE. */
function elementsOf(xml: string): Array<{ paths: Set<string>; order: string[] }> {
    const parser = new SaxesParser();
    const stack: string[] = [];
    const fiches: Array<{ paths: Set<string>; order: string[] }> = [];
    parser.on('opentag', tag => {
        stack.push(tag.name);
        if (stack.length === 2 && tag.name === 'FICHE') fiches.push({ paths: new Set(), order: [] });
        if (stack.length >= 3 && stack[1] === 'FICHE') {
            const fiche = fiches[fiches.length - 1];
            fiche.paths.add(stack.slice(2).join('/'));
            if (stack.length === 3) fiche.order.push(tag.name);
        }
    });
    parser.on('closetag', () => { stack.pop(); });
    parser.write(xml).close();
    return fiches;
}

const SOURCE = readFileSync(RNCP_EXPORT, 'utf8');
const REAL = elementsOf(SOURCE);
/** Les éléments que portent TOUTES les fiches réelles. */
const COMMON = [...REAL[0].paths].filter(p => REAL.every(f => f.paths.has(p))).sort();
/** L'ordre du registre : les éléments de premier niveau, dans l'ordre où les fiches les écrivent. */
const REGISTER_ORDER: string[] = [];
for (const fiche of REAL) {
    let at = 0;
    for (const name of fiche.order) {
        const known = REGISTER_ORDER.indexOf(name);
        if (known >= 0) at = known + 1;
        else REGISTER_ORDER.splice(at++, 0, name);
    }
}

const fiches: RncpFiche[] = [];
const imported: ImportedFiche[] = [];
let temp: string;

beforeAll(async () => {
    await readRncpExport(RNCP_EXPORT, { fiche: f => { fiches.push(f); } });
    for (const f of fiches) imported.push(ficheToRef(f)!);
    temp = mkdtempSync(path.join(tmpdir(), 'rncp-register-'));
});
afterAll(() => { rmSync(temp, { recursive: true, force: true }); });

async function modelOf(file: { fileName: string; text: string; numero: string }) {
    const ws = await workspace({ [file.fileName]: file.text });
    return { ws, model: ws.services.referentiel.Models.forCode(file.numero), diagnostics: ws.diagnostics(file.fileName) };
}

/** Relit un XML écrit par l'export, comme le ferait `referentiel import rncp`. */
async function reimport(xml: string, name: string): Promise<ImportedFiche[]> {
    const file = path.join(temp, `${name}.xml`);
    writeFileSync(file, xml);
    const out: ImportedFiche[] = [];
    await readRncpExport(file, { fiche: f => { out.push(ficheToRef(f)!); } });
    return out;
}

describe('registre national : les douze fiches réelles en profondeur', () => {
    it('activités visées, intitulés de regroupement, compétences et modalités, fiche par fiche', async () => {
        const counts: Record<string, [number, number, number, number]> = {};
        for (const file of imported) {
            const { model } = await modelOf(file);
            const visees = model.activites.filter(a => a.$container.$type !== 'Bloc').length;
            const regroupements = model.activites.filter(a => a.$container.$type === 'Bloc').length;
            counts[file.numero] = [visees, regroupements, model.competences.length, model.modalites.length];
            expect(file.stats.activites).toBe(visees + regroupements);
            expect(file.stats.regroupements).toBe(regroupements);
        }
        // [activités visées (sous-activités comprises), intitulés de regroupement, compétences, modalités]
        expect(counts).toEqual({
            RNCP34762: [5, 0, 40, 27],
            RNCP35809: [24, 0, 49, 12],
            RNCP35625: [23, 0, 38, 10],
            RNCP35419: [4, 0, 18, 9],
            RNCP37488: [8, 0, 9, 2],
            RNCP40344: [29, 0, 24, 10],
            RNCP36612: [18, 0, 33, 4],
            RNCP37674: [10, 0, 8, 6],
            RNCP36490: [4, 11, 32, 4],
            RNCP35959: [5, 14, 41, 5],
            RNCP37873: [11, 0, 11, 9],
            RNCP39568: [16, 0, 19, 12]
        });
        // Toutes les fiches ont des activités.
        expect(Object.values(counts).every(([visees]) => visees > 0)).toBe(true);
    }, 120_000);

    it('aucun intitulé de regroupement ne reste une compétence qu\'un jury devrait juger', async () => {
        // RNCP36490 : « 1.1 Recueillir, le besoin du client » au-dessus de 1.1.1 et 1.1.2.
        const cda = await modelOf(imported.find(f => f.numero === 'RNCP36490')!);
        expect(cda.model.competences.map(c => c.name).filter(n => /^C\d\.\d$/.test(n))).toEqual([]);
        expect(cda.model.competences.every(c => c.activites.length === 1)).toBe(true);
        // RNCP35959 : les intitulés sans code, que les capacités attestées de la fiche listent.
        const web = await modelOf(imported.find(f => f.numero === 'RNCP35959')!);
        const textes = web.model.competences.map(c => c.texte);
        for (const heading of ['Recueillir les besoins de l’entreprise', 'Auditer un site existant', 'Créer et gérer une base de données pour une application web', 'Exploiter les données de l’entreprise au service du site web et de l’utilisateur']) {
            expect(textes).not.toContain(heading);
            expect(web.model.activites.map(a => a.texte)).toContain(heading);
        }
        const recueillir = web.model.activites.find(a => a.texte === 'Recueillir les besoins de l’entreprise')!;
        expect(web.model.competencesOf.get(recueillir)!.map(c => c.texte.slice(0, 30))).toEqual([
            'Identifier les questions et do', 'Interviewer efficacement et en', 'Collecter les données nécessai'
        ]);
        // « Animer une communauté web… » n'est pas dans les capacités : une compétence.
        expect(textes).toContain('Animer une communauté web et toucher une cible plus importante');
    }, 60_000);

    it('activités visées : codées, regroupées, en puces ou une par ligne', async () => {
        const theatre = await modelOf(imported.find(f => f.numero === 'RNCP35625')!);
        const lumiere = theatre.model.activites.find(a => a.texte === 'Construire la conduite lumière')!;
        expect(lumiere.activites.map(a => [a.name, a.texte])).toEqual([['A10', 'Préparer la conduite'], ['A11', 'Réaliser la conduite']]);
        const pge = await modelOf(imported.find(f => f.numero === 'RNCP39568')!);
        const strategie = pge.model.certification!.activites.find(a => a.texte.startsWith('L\'élaboration d\'une vision stratégique'))!;
        expect(strategie.activites.map(a => a.texte)).toEqual([
            'l\'élaboration ou contribution à l’élaboration d’une stratégie', 'le développement d’une culture de l’innovation', 'la gestion des performances et de la création de valeur'
        ]);
        expect(pge.model.certification!.notes.map(n => n.texte)).toContain('Activités visées (fiche RNCP), en tête de liste : Les activités visées sont les suivantes :');
        const asv = await modelOf(imported.find(f => f.numero === 'RNCP40344')!);
        expect(asv.model.certification!.activites[0].texte).toBe('Gestion des appels téléphoniques, de l’accueil au comptoir et de la salle d’attente de la structure vétérinaire');
    }, 60_000);

    it('modalités : une par épreuve nommée, avec sa nature', async () => {
        const asv = await modelOf(imported.find(f => f.numero === 'RNCP40344')!);
        expect(asv.model.blocs[0].modalites.map(m => [m.titre, m.nature[0]])).toEqual([
            ['Mises en situations reconstituées "Accueil" et "Conseil et vente" (jeux de rôle)', 'mise en situation reconstituée'],
            ['Etude de cas simple avec restitution orale', 'étude de cas'],
            ['Entretien avec le jury', 'entretien']
        ]);
        const dwwm = await modelOf(imported.find(f => f.numero === 'RNCP37674')!);
        const m = dwwm.model.blocs[0].modalites;
        expect(m.map(x => x.nature[0])).toEqual(['présentation', 'entretien technique', 'questionnaire']);
        expect(m[0].consigne[0]).toContain('En amont de la session d’examen, le candidat réalise un ou plusieurs projets.');
        // « Ponctuelle écrite » seule sur sa ligne : le paragraphe qui la précède dit pour qui.
        const bts = await modelOf(imported.find(f => f.numero === 'RNCP35809')!);
        expect(bts.model.blocs[0].modalites.map(x => x.nature[0])).toEqual(['épreuve écrite', 'épreuve écrite', 'épreuve écrite']);
        expect(bts.model.blocs[0].modalites[0].consigne[0]).toMatch(/^Scolaires \(établissements publics/);
    }, 60_000);

    it('la composition des jurys et les autres éléments de la fiche sont gardés', async () => {
        const asv = await modelOf(imported.find(f => f.numero === 'RNCP40344')!);
        const c = asv.model.certification!;
        expect(c.jurys.map(j => [j.voie, j.statut])).toEqual([
            ['formation-initiale', 'inactif'], ['apprentissage', 'actif'], ['formation-continue', 'inactif'],
            ['professionnalisation', 'actif'], ['candidature-individuelle', 'inactif'], ['vae', 'actif']
        ]);
        expect(c.jurys[1].composition).toBe('Le jury national de certification est composé de :\n* 1 docteur vétérinaire représentant le collège employeur et président du jury\n* 1 auxiliaire spécialisé vétérinaire représentant le collège salarié\n* 1 expert formateur représentant l\'organisme certificateur');
        expect(c.identifiant[0]).toBe('27642');
        expect(c.etat[0]).toBe('Modifications à valider');
        expect(c.romes.map(r => r.code)).toEqual(['A1500', 'M1601', 'D1210', 'A1504']);
        expect(c.formacodes.map(f => [f.code, f.libelle])).toEqual([['42022', 'Médecine vétérinaire']]);
        expect(c.typeEnregistrement[0]).toBe('demande');
        expect(c.partenaires[0]).toBe('oui');
        expect(c.certificateurs.map(x => x.etat)).toEqual(['actif', 'actif']);
        const bts = await modelOf(imported.find(f => f.numero === 'RNCP35809')!);
        expect(bts.model.certification!.territoires).toEqual(['nouvelle-calédonie', 'polynésie-française']);
    }, 60_000);

    it('deux compétences collées sur une ligne sont signalées par une note, sans rien couper', async () => {
        const theatre = await modelOf(imported.find(f => f.numero === 'RNCP35625')!);
        const flagged = theatre.model.competences.filter(c => c.notes.some(n => n.texte.startsWith('À vérifier : deux compétences semblent collées')));
        expect(flagged.map(c => c.name)).toEqual(['C5.1', 'C9.6']);
        expect(flagged[0].texte).toContain('l\'équipe artistique Participer aux réunions');
        expect(imported.reduce((n, f) => n + f.stats.collees, 0)).toBe(2);
    }, 60_000);

    it('chaque fichier importé est déjà mis en forme et se vérifie sans erreur', async () => {
        for (const fiche of fiches) {
            const file = ficheToRef(fiche)!;
            const { diagnostics } = await modelOf(file);
            expect(diagnostics.filter(d => d.severity === 1).map(d => `${file.fileName}:${d.range.start.line + 1} ${d.message}`)).toEqual([]);
            // Le formateur n'y change rien : ficheToRef écrit le texte déjà mis en forme, sans
            // repasser par l'analyseur (docs/performance.md, « import rncp »).
            expect(formatRefText(file.text, file.fileName)).toBe(file.text);
        }
    }, 120_000);
});

describe('export rncp-xml : les éléments de toutes les fiches réelles', () => {
    it('les éléments communs aux douze fiches, calculés sur le XML réel', () => {
        expect(COMMON).toHaveLength(54);
        for (const name of ['ID_FICHE', 'ETAT_FICHE', 'FORMACODES', 'CODES_ROME', 'CAPACITES_ATTESTEES', 'SECTEURS_ACTIVITE', 'TYPE_EMPLOI_ACCESSIBLES',
            'OBJECTIFS_CONTEXTE', 'SI_JURY_FI', 'SI_JURY_CA', 'SI_JURY_FC', 'SI_JURY_CQ', 'SI_JURY_CL', 'SI_JURY_VAE', 'TYPE_ENREGISTREMENT',
            'EXISTENCE_PARTENAIRES', 'ACCESSIBLE_NOUVELLE_CALEDONIE', 'ACCESSIBLE_POLYNESIE_FRANCAISE']) {
            expect(COMMON).toContain(name);
        }
    });

    it('chaque fiche importée puis exportée porte tous ces éléments, dans l\'ordre du registre', async () => {
        for (const file of imported) {
            const { model } = await modelOf(file);
            const [exported] = elementsOf(exportRncpXml(model));
            expect(COMMON.filter(p => !exported.paths.has(p)), file.numero).toEqual([]);
            // L'ordre : celui des fiches réelles.
            const positions = exported.order.map(name => REGISTER_ORDER.indexOf(name));
            expect(positions.every(p => p >= 0), exported.order.join(' ')).toBe(true);
            expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        }
    }, 120_000);

    it('XML → .ref → XML → .ref → XML : le second export est identique au premier, pour chaque fiche', async () => {
        for (const file of imported) {
            const first = exportRncpXml((await modelOf(file)).model);
            const [again] = await reimport(first, file.numero);
            const second = exportRncpXml((await modelOf(again)).model);
            expect(second, file.numero).toBe(first);
            // Et l'import du XML exporté n'a rien à deviner : mêmes compétences, mêmes modalités.
            expect(again.stats.competences).toBe(file.stats.competences);
            expect(again.stats.sansCode).toBe(0);
            // Les modalités relues de l'export (critères, livrables, jury) : déjà mises en forme aussi.
            expect(formatRefText(again.text, again.fileName), file.numero).toBe(again.text);
        }
    }, 180_000);

    it('codes de bloc RNCPnnnnnBCnn quand le référentiel a un numéro RNCP ; correspondances à une fiche entière', async () => {
        const text = [
            'certification DE "Data Engineer" {',
            '    rncp RNCP12345',
            '    équivalent à RNCP11111 "Ancienne fiche"',
            '}',
            'bloc BC01 "Premier" {',
            '    équivalent à RS6626 "Fiche du répertoire spécifique, entière"',
            '    équivalent à RNCP11111BC02',
            '    compétence C1.1 "Analyser"',
            '    modalité M1 "Étude de cas" {',
            '        évalue C1.1',
            '    }',
            '}',
            'bloc B3 "Troisième" {',
            '    compétence C3.1 "Déployer"',
            '    modalité M3 "Projet" {',
            '        évalue C3.1',
            '    }',
            '}',
            ''
        ].join('\n');
        const { model } = await modelOf({ fileName: 'de.ref', text, numero: 'DE' });
        const xml = exportRncpXml(model);
        expect([...xml.matchAll(/<BLOC_COMPETENCES>\s*<CODE>([^<]+)<\/CODE>/g)].map(m => m[1])).toEqual(['RNCP12345BC01', 'RNCP12345BC03', 'RNCP12345BC01', 'RNCP12345BC01', 'RNCP11111BC02']);
        const correspondances = xml.slice(xml.indexOf('<CORRESPONDANCES>')).replace(/\s+/g, '');
        expect(correspondances).toBe('<CORRESPONDANCES>'
            + '<CORRESPONDANCE><DESTINATION><NUMERO_FICHE>RNCP11111</NUMERO_FICHE></DESTINATION></CORRESPONDANCE>'
            + '<CORRESPONDANCE><SOURCE><BLOC_COMPETENCES><CODE>RNCP12345BC01</CODE></BLOC_COMPETENCES></SOURCE><DESTINATION><NUMERO_FICHE>RS6626</NUMERO_FICHE></DESTINATION></CORRESPONDANCE>'
            + '<CORRESPONDANCE><SOURCE><BLOC_COMPETENCES><CODE>RNCP12345BC01</CODE></BLOC_COMPETENCES></SOURCE><DESTINATION><NUMERO_FICHE>RNCP11111</NUMERO_FICHE><BLOC_COMPETENCES><CODE>RNCP11111BC02</CODE></BLOC_COMPETENCES></DESTINATION></CORRESPONDANCE>'
            + '</CORRESPONDANCES></FICHE></FICHES>');
        // Relu : les deux correspondances à une fiche entière redeviennent des « équivalent à ».
        const [back] = await reimport(xml, 'de');
        const again = await modelOf(back);
        expect(again.model.certification!.equivalences.map(e => e.bloc)).toEqual(['RNCP11111']);
        expect(again.model.blocs[0].equivalences.map(e => e.bloc)).toEqual(['RS6626', 'RNCP11111BC02']);
    }, 60_000);
});

describe('rncp-text : les heuristiques, sur des extraits réels', () => {
    it('activités « Activité n : » et leur description', () => {
        const split = splitActivites('Au quotidien, ses activités principales sont les suivantes :    Activité 1 : Concevoir les solutions logicielles    Durant cette phase, le concepteur développeur d’applications  s’approprie le contexte, les objectifs et les enjeux du système d’information ou du projet et bien plus encore ici.    Activité 2 : Développer et tester les applications informatiques');
        expect(split.style).toBe('codes');
        expect(split.preamble).toBe('Au quotidien, ses activités principales sont les suivantes :');
        expect(split.items.map(i => [i.sourceCode, i.text, i.description.length])).toEqual([['A1', 'Concevoir les solutions logicielles', 1], ['A2', 'Développer et tester les applications informatiques', 0]]);
    });

    it('les lignes écrites par l\'export, sous-activités indentées', () => {
        const split = splitActivites('A1 - Étude\n  A1-1 - Analyse\n  A1-2 - Rédaction\nA2 - Suivi');
        expect(split.style).toBe('lignes');
        expect(split.items.map(i => [i.sourceCode, i.children.map(c => c.sourceCode)])).toEqual([['A1', ['A1-1', 'A1-2']], ['A2', []]]);
    });

    it('un intitulé sans finalité regroupe les compétences qui en ont ; une liste de verbes courts n\'a pas d\'intitulé', () => {
        const items = ['Recueillir les besoins', 'Identifier les questions pour comprendre le besoin', 'Collecter les données afin de formaliser une proposition',
            'Auditer un site existant', 'Analyser la qualité du site pour identifier les axes d\'amélioration'].map(text => ({ text }));
        expect(competenceGroups(items)).toEqual([{ heading: 0, members: [1, 2] }, { heading: 3, members: [4] }]);
        const flat = ['Installer son environnement', 'Maquetter des interfaces', 'Réaliser des interfaces statiques', 'Développer la partie dynamique'].map(text => ({ text }));
        expect(competenceGroups(flat)).toEqual([]);
        expect(competenceGroups([{ sourceCode: '1.1', text: 'a' }, { sourceCode: '1.1.1', text: 'b' }, { sourceCode: '1.1.2', text: 'c' }, { sourceCode: '1.2', text: 'd' }, { sourceCode: '1.2.1', text: 'e' }]))
            .toEqual([{ heading: 0, members: [1, 2] }, { heading: 3, members: [4] }]);
    });

    it('deux compétences collées ; pas de fausse alerte sur un nom ou un adjectif à majuscule', () => {
        expect(mergedCompetence('Comprendre le langage dramaturgique pour communiquer avec l\'équipe artistique Participer aux réunions collectives')).toMatch(/^Participer aux réunions/);
        expect(mergedCompetence('Effectuer des propositions à la Direction Financière en intégrant les enjeux')).toBeUndefined();
        expect(mergedCompetence('Analyser les besoins du client. Rédiger le cahier des charges')).toBeUndefined();
    });

    it('natures, et modalités par paragraphe', () => {
        expect(natureOf('Etude(s) de cas OU Mise(s) en situation professionnelle(s)')).toBe('étude de cas');
        expect(natureOf('Mise(s) en situation professionnelle OU Etude(s) de cas')).toBe('mise en situation professionnelle');
        expect(natureOf('CCF')).toBe('contrôle en cours de formation');
        expect(natureOf('Objectif : présenter un projet')).toBeUndefined();
        const split = splitModalites('Cas pratiques    Mise en situation professionnelle simulée', new Set());
        expect(split.items.map(i => [i.titre, i.nature])).toEqual([['Cas pratiques', 'cas pratique'], ['Mise en situation professionnelle simulée', 'mise en situation professionnelle']]);
        const none = splitModalites('Chaque certificateur accrédité met en œuvre les modalités qu’il juge adaptées.', new Set());
        expect(none.style).toBe('texte');
        expect(none.items).toHaveLength(1);
    });
});
