import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { ficheToRef, frenchDateToIso, refCodeOf, type ImportedFiche } from '../../../language-server/src/interop/rncp-import.js';
import { readRncpExport, type RncpFiche } from '../../../language-server/src/interop/rncp-reader.js';
import { workspace } from '../../helpers.js';
import { RNCP_EXPORT } from './interop-helpers.js';

/** Les blocs de chaque fiche, lus indépendamment de l'importeur (autre analyseur XML). */
function blocsByFiche(): Map<string, Array<{ code: string; libelle: string }>> {
    const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: name => ['FICHE', 'BLOC_COMPETENCES', 'CORRESPONDANCE'].includes(name) });
    const doc = parser.parse(readFileSync(RNCP_EXPORT, 'utf8'));
    const result = new Map<string, Array<{ code: string; libelle: string }>>();
    for (const fiche of doc.FICHES.FICHE) {
        result.set(String(fiche.NUMERO_FICHE), (fiche.BLOCS_COMPETENCES?.BLOC_COMPETENCES ?? []).map((b: { CODE: string; LIBELLE: string }) => ({ code: String(b.CODE), libelle: String(b.LIBELLE) })));
    }
    return result;
}

const fiches: RncpFiche[] = [];
const imported: ImportedFiche[] = [];

beforeAll(async () => {
    await readRncpExport(RNCP_EXPORT, { fiche: f => { fiches.push(f); } });
    for (const f of fiches) imported.push(ficheToRef(f)!);
});

async function lint(file: ImportedFiche) {
    const ws = await workspace({ [file.fileName]: file.text });
    const diagnostics = ws.diagnostics(file.fileName);
    return {
        ws,
        errors: diagnostics.filter(d => d.severity === 1),
        codes: diagnostics.map(d => String(d.code)),
        model: ws.services.referentiel.Models.forCode(file.numero)
    };
}

describe('import RNCP : les douze fiches réelles', () => {
    it('lit les douze fiches et les convertit toutes', () => {
        expect(fiches.map(f => f.numero)).toEqual([
            'RNCP34762', 'RNCP35809', 'RNCP35625', 'RNCP35419', 'RNCP37488', 'RNCP40344',
            'RNCP36612', 'RNCP37674', 'RNCP36490', 'RNCP35959', 'RNCP37873', 'RNCP39568'
        ]);
        expect(imported.every(Boolean)).toBe(true);
        const total = imported.reduce((acc, f) => ({ blocs: acc.blocs + f.stats.blocs, competences: acc.competences + f.stats.competences, sansCode: acc.sansCode + f.stats.sansCode }), { blocs: 0, competences: 0, sansCode: 0 });
        // Le résumé de l'import des douze fiches (voir docs/interop.md) : les intitulés de
        // regroupement (RNCP36490, RNCP35959) ne sont plus comptés comme des compétences.
        expect(total).toEqual({ blocs: 53, competences: 322, sansCode: 232 });
    });

    it('chaque fichier importé se vérifie sans aucune erreur (avertissements attendus : pas de critères, pas de règles d\'obtention)', async () => {
        for (const file of imported) {
            const { errors, codes } = await lint(file);
            expect(errors.map(e => `${file.fileName}:${e.range.start.line + 1} ${e.code} ${e.message}`)).toEqual([]);
            expect(codes).toContain('REF102');
            expect(codes).toContain('REF007');
        }
    }, 120_000);

    it('aucun bloc n\'est perdu : mêmes codes, même ordre, mêmes libellés que le XML (lu par un autre analyseur)', async () => {
        const expected = blocsByFiche();
        expect(expected.size).toBe(12);
        for (const file of imported) {
            const { model } = await lint(file);
            const blocs = expected.get(file.numero)!;
            expect(model.blocs.map(b => b.name)).toEqual(blocs.map(b => b.code));
            expect(model.blocs.map(b => b.titre)).toEqual(blocs.map(b => b.libelle.replace(/\s+/g, ' ').trim()));
            for (const b of model.blocs) {
                expect(model.competencesOfBloc.get(b)!.length).toBeGreaterThan(0);
                expect(b.modalites.length).toBeGreaterThan(0);
            }
        }
    }, 120_000);

    it('en-tête : numéro, titre, niveau, certificateurs, NSF, dates converties, statut, activités visées', async () => {
        const file = imported.find(f => f.numero === 'RNCP35419')!;
        const { model } = await lint(file);
        const c = model.certification!;
        expect(c.name).toBe('RNCP35419');
        expect(c.rncp[0]).toBe('RNCP35419');
        expect(c.titre).toBe('Expert en ingénierie du logiciel');
        expect(c.niveau[0]).toBe(7);
        expect(c.statut[0]).toBe('inactif');
        expect(c.enregistrement[0]).toMatchObject({ debut: '2021-03-17', fin: '2026-03-17' });
        expect(c.certificateurs.length).toBeGreaterThan(0);
        expect(c.certificateurs[0].siret).toMatch(/^\d{14}$/);
        expect(c.nsf.length).toBeGreaterThan(0);
        // « Activité 1 : Gestion de la relation client    Activité 2 : … » : quatre activités codées.
        expect(c.activites.map(a => [a.name, a.texte])).toEqual([
            ['A1', 'Gestion de la relation client'], ['A2', 'Pilotage de projet d\'ingénierie logiciel'],
            ['A3', 'Intégration, industrialisation et déploiement du logiciel'], ['A4', 'Conception avancée de l\'architecture du logiciel']
        ]);
        expect(model.competences.every(comp => comp.activites.length === 0)).toBe(true);
        // Les codes « C.1. » de la fiche, gardés tels quels (sans le point final).
        expect(model.competencesOfBloc.get(model.blocs[1])!.map(x => x.name)).toEqual(['C.6', 'C.7', 'C.8', 'C.9']);
    });

    it('codes générés C<bloc>.<n> quand la fiche n\'en donne pas ; textes gardés', async () => {
        const file = imported.find(f => f.numero === 'RNCP37674')!;
        const { model } = await lint(file);
        const bloc1 = model.competencesOfBloc.get(model.blocs[0])!;
        expect(bloc1.map(x => x.name)).toEqual(['C1.1', 'C1.2', 'C1.3', 'C1.4']);
        expect(bloc1[1].texte).toBe('Maquetter des interfaces utilisateur web ou web mobile');
        expect(file.stats.sansCode).toBe(8);
    });

    it('modalités : une par paragraphe ouvert par des codes ; évalue = les codes qui l\'ouvrent, plages comprises', async () => {
        const file = imported.find(f => f.numero === 'RNCP34762')!;
        const { model } = await lint(file);
        const modalites = model.blocs[2].modalites;
        expect(modalites.map(m => m.name)).toEqual(['M3.1', 'M3.2', 'M3.3', 'M3.4', 'M3.5', 'M3.6']);
        expect(modalites[0].consigne[0]).toMatch(/^A3C1 et A3C2\. Elaboration d'un budget/);
        expect(modalites.map(m => m.competences.map(r => r.$refText))).toEqual([
            ['A3C1', 'A3C2'], ['A3C3', 'A3C4', 'A3C5', 'A3C6'], ['A3C7'], ['A3C8'], ['A3C9'], ['A3C10']
        ]);
        expect(modalites[0].titre).toMatch(/^Elaboration d'un budget et\/ou définition des indicateurs/);
        // Préambule de la liste du bloc 5 : une note du bloc.
        expect(model.blocs[4].notes[0].texte).toMatch(/^Préambule de la liste des compétences : En mobilisant une analyse/);
        // Un texte sans nature reconnue ni code : une seule modalité, toutes les compétences, et une note le dit.
        const other = imported.find(f => f.numero === 'RNCP36490')!;
        const otherModel = (await lint(other)).model;
        const m2 = otherModel.blocs[3].modalites;
        expect(m2).toHaveLength(1);
        expect(m2[0].notes[0].texte).toMatch(/ne nomme aucune compétence/);
        expect(m2[0].competences.map(r => r.$refText)).toEqual(otherModel.competencesOfBloc.get(otherModel.blocs[3])!.map(c => c.name));
    });

    it('correspondances : « équivalent à » pour un bloc ↔ un bloc, une note sinon', async () => {
        const file = imported.find(f => f.numero === 'RNCP40344')!;
        const { model } = await lint(file);
        expect(model.blocs[3].equivalences.map(e => e.bloc)).toEqual(['RNCP37507BC04', 'RNCP37982BC04']);
        const cda = await lint(imported.find(f => f.numero === 'RNCP36490')!);
        const bloc2 = cda.model.blocs[1];
        expect(bloc2.equivalences.map(e => e.bloc)).toContain('RNCP36463BC03');
        // RNCP36490BC02 ↔ RNCP29965BC06 + BC07 ensemble : pas d'équivalence, une note.
        expect(bloc2.equivalences.map(e => e.bloc)).not.toContain('RNCP29965BC06');
        expect(bloc2.notes.map(n => n.texte)).toContain('Correspondance déclarée au RNCP avec les blocs RNCP29965BC06, RNCP29965BC07 (fiche RNCP29965) réunis.');
        // Une fiche entière (RS6626, RS6931) : « équivalent à » la fiche.
        expect(cda.model.blocs[3].equivalences.map(e => e.bloc)).toEqual(expect.arrayContaining(['RS6626', 'RS6931']));
        // Une correspondance sans bloc source : « équivalent à » dans l'en-tête.
        const web = await lint(imported.find(f => f.numero === 'RNCP37674')!);
        expect(web.model.certification!.equivalences.map(e => e.bloc)).toEqual(['RNCP31114']);
    });

    it('numérotation hiérarchique « 1.1 » / « 1.1.1 » : l\'intitulé qui regroupe devient une activité du bloc', async () => {
        const { model } = await lint(imported.find(f => f.numero === 'RNCP36490')!);
        expect(model.competences.find(c => c.name === 'C1.1')).toBeUndefined();
        const a11 = model.activites.find(a => a.name === 'A1.1')!;
        expect(a11.texte).toMatch(/^Recueillir, le besoin du client/);
        expect(model.competencesOf.get(a11)!.map(c => c.name)).toEqual(['C1.1.1', 'C1.1.2']);
    });
});

describe('import RNCP : cas limites', () => {
    const base = (over: Partial<RncpFiche>): RncpFiche => ({ numero: 'RNCP99999', intitule: 'Essai', nsf: [], certificateurs: [], formacodes: [], romes: [], jurys: {}, dates: {}, blocs: [], correspondances: [], line: 1, ...over });

    it('codes répétés d\'un bloc à l\'autre, bloc sans liste, bloc sans modalités, textes à échapper', async () => {
        const file = ficheToRef(base({
            intitule: 'Titre avec "guillemets" et \\ barre',
            niveau: 'NIV9',
            dates: { DATE_EFFET: '31/02/2024', DATE_FIN_ENREGISTREMENT: '01/09/2029' },
            blocs: [
                { code: 'RNCP99999BC01', libelle: 'Premier', listeCompetences: 'C1. Faire « ceci »    C2. Faire "cela"', modalitesEvaluation: 'Étude de cas sur C1.' },
                { code: 'RNCP99999BC02', libelle: 'Deuxième', listeCompetences: 'C1. Refaire ceci    C2. Refaire cela' },
                { code: 'RNCP99999BC03', libelle: 'Troisième, sans liste' },
                { code: 'pas un code !', libelle: 'Quatrième', listeCompetences: '- note  - modalité' }
            ]
        }))!;
        const { errors, model } = await lint(file);
        expect(errors.map(e => e.message)).toEqual([]);
        expect(model.certification!.titre).toBe('Titre avec "guillemets" et \\ barre');
        expect(model.certification!.niveau[0]).toBeUndefined();
        expect(model.certification!.enregistrement[0]).toBeUndefined();
        expect(model.certification!.notes.map(n => n.texte)).toContain('Niveau indiqué par la fiche : NIV9');
        expect(model.blocs.map(b => b.name)).toEqual(['RNCP99999BC01', 'RNCP99999BC02', 'RNCP99999BC03', 'RNCP99999BC04']);
        expect(model.competencesOfBloc.get(model.blocs[1])!.map(c => c.name)).toEqual(['B2.C1', 'B2.C2']);
        expect(model.competencesOfBloc.get(model.blocs[1])![0].notes[0].texte).toBe('Code « C1 » de la fiche, déjà utilisé dans ce référentiel : renommé B2.C1.');
        expect(model.competencesOfBloc.get(model.blocs[2])!.map(c => [c.name, c.texte])).toEqual([['C3.1', 'Troisième, sans liste']]);
        // Des compétences qui s'appellent comme des mots-clés : ce sont des textes, pas des codes.
        expect(model.competencesOfBloc.get(model.blocs[3])!.map(c => [c.name, c.texte])).toEqual([['C4.1', 'note'], ['C4.2', 'modalité']]);
        expect(model.blocs[0].modalites[0].competences.map(r => r.$refText)).toEqual(['C1', 'C2']);
        expect(model.blocs[0].modalites[0].notes[0].texte).toBe('Le texte des modalités nomme C1 ; C2 est ajoutée pour que chaque compétence soit évaluée (à vérifier).');
        expect(model.blocs[1].modalites[0].consigne[0]).toBeUndefined();
        expect(file.stats).toMatchObject({ blocs: 4, competences: 6, sansCode: 2, blocsSansListe: 1 });
    });

    it('une fiche sans numéro utilisable est ignorée ; une fiche sans bloc se vérifie sans erreur', async () => {
        expect(ficheToRef(base({ numero: '' }))).toBeUndefined();
        expect(ficheToRef(base({ numero: 'RNCP 123' }))).toBeUndefined();
        const empty = ficheToRef(base({ actif: 'Oui' }))!;
        const { errors, model } = await lint(empty);
        expect(errors).toEqual([]);
        expect(model.certification!.statut[0]).toBe('actif');
        expect(model.certification!.notes.map(n => n.texte)).toContain('La fiche ne décrit aucun bloc de compétences.');
    });

    it('dates et codes', () => {
        expect(frenchDateToIso('17/03/2021')).toBe('2021-03-17');
        expect(frenchDateToIso('1/9/2021')).toBe('2021-09-01');
        expect(frenchDateToIso('29/02/2023')).toBeUndefined();
        expect(frenchDateToIso('2021-03-17')).toBeUndefined();
        expect(refCodeOf('A1C1.')).toBe('A1C1');
        expect(refCodeOf('1.1.1')).toBe('C1.1.1');
        expect(refCodeOf('C.1.')).toBe('C.1');
        expect(refCodeOf('A5.C1.')).toBe('A5.C1');
    });
});
