import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
    isAppel, isComparaison, isLitteral, isLogicalExpression, isTousBlocs, isVariable,
    type Activite, type Certification, type Document
} from '../../language-server/src/generated/ast.js';
import type { ReferentielModel } from '../../language-server/src/model/referentiel-model.js';
import { workspace, type Workspace } from '../helpers.js';

/**
 * samples/data-engineer : le référentiel « Data Engineer » publié, transcrit en entier et
 * normalisé (codes réguliers, critères rattachés à leurs compétences). Il doit passer le
 * linter sans erreur ni avertissement et garder les textes publiés mot pour mot.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE_DIR = path.join(ROOT, 'samples', 'data-engineer');
const FILES = ['data-engineer.ref', 'bc01.ref', 'bc02.ref', 'bc03.ref', 'bc04.ref', 'bc05.ref'];

function readSample(): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of readdirSync(SAMPLE_DIR).filter(n => n.endsWith('.ref')).sort()) {
        files[name] = readFileSync(path.join(SAMPLE_DIR, name), 'utf8');
    }
    return files;
}

function describeDiagnostics(ws: Workspace, files: string[]): string {
    const lines: string[] = [];
    for (const file of files) {
        for (const d of ws.diagnostics(file)) {
            const message = typeof d.message === 'string' ? d.message : (d.message as { value: string }).value;
            lines.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} [${d.severity}] ${String(d.code)} ${message}`);
        }
    }
    return lines.join('\n');
}

function leaves(activite: Activite): Activite[] {
    return activite.activites.length === 0 ? [activite] : activite.activites.flatMap(leaves);
}

const EXPECTED_COMPETENCES = [
    'C1.1', 'C1.2', 'C1.3', 'C1.4', 'C1.5', 'C1.6', 'C1.7', 'C1.8',
    'C2.1', 'C2.2', 'C2.3', 'C2.4', 'C2.5', 'C2.6', 'C2.7', 'C2.8', 'C2.9', 'C2.10',
    'C3.1', 'C3.2', 'C3.3', 'C3.4', 'C3.5', 'C3.6', 'C3.7', 'C3.8',
    'C4.1', 'C4.2', 'C4.3', 'C4.4', 'C4.5',
    'C5.1', 'C5.2', 'C5.3', 'C5.4', 'C5.5', 'C5.6', 'C5.7', 'C5.8', 'C5.9'
];

const EXPECTED_LEAF_ACTIVITIES = [
    'A1-1', 'A1-2', 'A1-3', 'A1-4', 'A1-5', 'A1-6',
    'A2-1', 'A2-2', 'A2-3', 'A2-4', 'A2-5',
    'A3-1', 'A3-2', 'A3-3', 'A3-4', 'A3-5', 'A3-6', 'A3-7',
    'A4-1', 'A4-2', 'A4-3', 'A4-4',
    'A5-1', 'A5-2', 'A5-3'
];

/** Chaque modalité : nature, seul ou en équipe, compétences évaluées (celles de l'en-tête publié), nombre de critères. */
const EXPECTED_MODALITES: Record<string, { nature: string; seul: boolean; evalue: string[]; criteres: number; jury: boolean }> = {
    'M1.1': { nature: 'mise en situation', seul: true, evalue: ['C1.1', 'C1.2', 'C1.3', 'C1.4'], criteres: 7, jury: false },
    'M1.2': { nature: 'mise en situation', seul: false, evalue: ['C1.5', 'C1.6', 'C1.7', 'C1.8'], criteres: 12, jury: true },
    'M2.1': { nature: 'mission de conseil', seul: true, evalue: ['C2.1', 'C2.2', 'C2.3'], criteres: 6, jury: false },
    'M2.2': { nature: 'étude de cas', seul: true, evalue: ['C2.4', 'C2.5', 'C2.6'], criteres: 5, jury: false },
    'M2.3': { nature: 'étude de cas', seul: true, evalue: ['C2.7', 'C2.8'], criteres: 5, jury: false },
    'M2.4': { nature: 'mise en situation', seul: true, evalue: ['C2.9', 'C2.10'], criteres: 6, jury: false },
    'M3.1': { nature: 'mise en situation', seul: false, evalue: ['C3.1', 'C3.2', 'C3.3', 'C3.4', 'C3.5', 'C3.6', 'C3.7', 'C3.8'], criteres: 14, jury: true },
    'M4.1': { nature: 'mise en situation', seul: true, evalue: ['C4.1', 'C4.2', 'C4.3', 'C4.4', 'C4.5'], criteres: 7, jury: true },
    'M5.1': { nature: 'mise en situation', seul: true, evalue: ['C5.1', 'C5.2', 'C5.3', 'C5.4', 'C5.5', 'C5.6'], criteres: 5, jury: true },
    'M5.2': { nature: 'mise en situation', seul: true, evalue: ['C5.7', 'C5.8', 'C5.9'], criteres: 6, jury: true }
};

describe('samples/data-engineer : le référentiel Data Engineer transcrit', () => {
    let ws: Workspace;
    let model: ReferentielModel;

    beforeAll(async () => {
        const files = readSample();
        expect(Object.keys(files).sort()).toEqual([...FILES].sort());
        ws = await workspace(files, { redaction: true });
        model = ws.services.referentiel.Models.forCode('DATA-ENGINEER');
    });

    it('s\'analyse sans erreur ni avertissement ; seulement deux informations de rédaction (C1.7 et C1.8 sans finalité)', () => {
        const listing = describeDiagnostics(ws, FILES);
        // Les textes publiés sont gardés mot pour mot : C1.7 et C1.8 n'énoncent pas leur finalité
        // (REF602, information ; docs/rules.md, « Ce que les règles de rédaction trouvent »).
        expect(listing, `diagnostics inattendus :\n${listing}`).toBe([
            'bc01.ref:29:21 [3] REF602 La compétence C1.7 ne dit pas dans quel but elle s\'exerce : ajoutez la finalité (« pour… », « afin de… », « en vue de… »).',
            'bc01.ref:31:21 [3] REF602 La compétence C1.8 ne dit pas dans quel but elle s\'exerce : ajoutez la finalité (« pour… », « afin de… », « en vue de… »).'
        ].join('\n'));
        for (const document of ws.documents) {
            expect(document.parseResult.lexerErrors, document.uri.path).toEqual([]);
            expect(document.parseResult.parserErrors, document.uri.path).toEqual([]);
        }
    });

    it('en-tête : la certification DATA-ENGINEER, sans numéro RNCP, niveau ni certificateur inventés', () => {
        const certification = model.certification as Certification;
        expect(certification.name).toBe('DATA-ENGINEER');
        expect(certification.titre).toBe('Data Engineer');
        expect(certification.rncp[0]).toBeUndefined();
        expect(certification.niveau[0]).toBeUndefined();
        expect(certification.certificateurs).toEqual([]);
        const notes = certification.notes.map(n => n.texte);
        // Guillemets français et apostrophes gardés tels quels.
        expect(notes).toContain('Droit à compensation : La loi du 11 février 2005 pose le principe « du droit à compensation » : « La personne handicapée a droit à la compensation des conséquences de son handicap quels que soient l\'origine et la nature de sa déficience, son âge ou son mode de vie ».');
        expect(notes.some(n => n.startsWith('« Les certifications professionnelles enregistrées au répertoire national') && n.endsWith('définit les critères et les modalités d\'évaluation des acquis. »'))).toBe(true);
        expect(notes).toContain('Compétences et accessibilité : le terme accessible utilisé dans le référentiel implique un respect des normes d\'accessibilité (tant au niveau de la communication écrite et orale, que de la production d\'une solution numérique). La non prise en compte de ces normes entraîne la non validation de la compétence.');
        // Un texte sur plusieurs lignes : sauts de ligne gardés, indentation de continuation retirée.
        expect(notes).toContain('L\'ensemble des candidats à la certification bénéficie dès le début de la certification d\'une information :\n- sur le droit à compensation\n- sur la procédure à suivre pour faire valoir ce droit.');
    });

    it('5 blocs BC01 … BC05, chacun dans son fichier', () => {
        expect(model.blocs.map(b => b.name)).toEqual(['BC01', 'BC02', 'BC03', 'BC04', 'BC05']);
        for (const bloc of model.blocs) {
            const file = path.basename(((bloc.$container as Document).$document?.uri.path) ?? '');
            expect(file).toBe(bloc.name.toLowerCase() + '.ref');
        }
        expect(model.blocs[0].titre).toBe('Conduire et réaliser le développement ou l\'adaptation d\'une solution pour collecter, nettoyer, traiter, stocker et exploiter des données');
        expect(model.blocs[3].titre).toBe('Concevoir, mettre en œuvre et optimiser un modèle d\'Intelligence Artificielle/Machine Learning');
    });

    it('25 activités (feuilles) réparties en 5 activités de groupe A1 … A5', () => {
        const groups = model.blocs.flatMap(b => b.activites);
        expect(groups.map(a => a.name)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
        expect(groups.every(g => g.activites.length > 0)).toBe(true);
        const leafNames = groups.flatMap(leaves).map(a => a.name);
        expect(leafNames).toEqual(EXPECTED_LEAF_ACTIVITIES);
        expect(model.activites).toHaveLength(30);
        // Chaque activité feuille a au moins une compétence qui en est issue.
        for (const leaf of groups.flatMap(leaves)) {
            expect((model.competencesOf.get(leaf) ?? []).length, leaf.name).toBeGreaterThan(0);
        }
    });

    it('40 compétences C1.1 … C5.9, dans leurs blocs', () => {
        expect(model.competences.map(c => c.name)).toEqual(EXPECTED_COMPETENCES);
        for (const competence of model.competences) {
            const bloc = model.blocOf.get(competence);
            expect(bloc?.name, competence.name).toBe('BC0' + competence.name.slice(1, 2));
            expect(competence.texte.trim().length, competence.name).toBeGreaterThan(0);
            expect(competence.activites.length, competence.name).toBeGreaterThan(0);
            expect(competence.activites.every(r => r.ref !== undefined), competence.name).toBe(true);
        }
    });

    it('les textes publiés sont gardés mot pour mot', () => {
        const byName = new Map(model.competences.map(c => [c.name, c]));
        expect(byName.get('C1.3')?.texte).toBe('Identifier et mesurer les risques liés à la protection juridique de l\'entreprise et de ses parties prenantes en respectant la législation des pays concernés en matière de chiffrement, détention, transit, domiciliation des prestataires afin de diminuer les risques de conflit avec une juridiction ou entre deux juridictions');
        expect(byName.get('C1.2')?.texte).toBe('Analyser le besoin de protection des données en mesurant leur sensibilité afin de définir une politique de sécurité et une gouvernance du Système d\'Information (SI)');
        expect(byName.get('C2.8')?.texte).toBe('Évaluer le niveau d\'adhésion des acteurs de l\'entreprise à la démarche de transition data en mettant en place des indicateurs d\'acceptation afin d\'identifier d\'éventuelles difficultés ou réticences');
        expect(byName.get('C1.7')?.texte).toContain('en mettant en œuvre les bonnes pratiques');
        // Le renvoi (1) de C2.1 est une note de la compétence.
        expect(byName.get('C2.1')?.notes.map(n => n.texte)).toEqual(['RSE, Entreprise à Mission...']);
        // La note du bloc 2 sur la faisabilité.
        expect(model.blocs[1].notes.map(n => n.texte)).toEqual(['Pour des raisons de faisabilité les différentes évaluations porteront sur la transition d\'une activité ou d\'un métier appartenant à une entreprise']);

        const criteres = new Map(model.criteres.map(c => [c.name, c]));
        expect(criteres.get('CR2.3.2')?.texte).toBe('Le plan d\'accompagnement intègre les actions d\'acculturation à la Data et les actions de formation :\n- les actions sont planifiées, budgétées,\n- le choix des actions est justifié');
        expect(criteres.get('CR2.3.3')?.texte).toBe('l\'accessibilité des actions est prise en compte');
        expect(criteres.get('CR1.2.9')?.texte).toBe('La solution développée/adaptée est respectueuse des normes de type RGAA.');

        const modalites = new Map(model.modalites.map(m => [m.name, m]));
        const m11 = modalites.get('M1.1');
        expect(m11?.consigne[0]).toBe('Le candidat (seul) doit, à partir d\'une demande émanant d\'un client réel ou fictif et présentant :\n- l\'entreprise,\n- le contexte,\n- la problématique à résoudre,\n- les ressources disponibles,\n- ...\nfournir un dossier dans lequel il devra :');
        expect(m11?.livrables.map(l => l.nature)).toEqual(['dossier']);
        expect(m11?.livrables[0].description?.split('\n')).toHaveLength(4);
        expect(modalites.get('M1.2')?.livrables.map(l => l.nature)).toEqual(['rapport', 'présentation']);
    });

    it('10 modalités M1.1 … M5.2 : nature, seul / en équipe, compétences évaluées, jury', () => {
        expect(model.modalites.map(m => m.name)).toEqual(Object.keys(EXPECTED_MODALITES));
        for (const modalite of model.modalites) {
            const expected = EXPECTED_MODALITES[modalite.name];
            expect(modalite.nature[0], modalite.name).toBe(expected.nature);
            expect(modalite.seul.length > 0, modalite.name).toBe(expected.seul);
            expect(modalite.enEquipe.length > 0, modalite.name).toBe(!expected.seul);
            expect(modalite.competences.map(r => r.ref?.name), modalite.name).toEqual(expected.evalue);
            expect(modalite.criteres, modalite.name).toHaveLength(expected.criteres);
            expect(modalite.consigne[0]?.trim().length, modalite.name).toBeGreaterThan(0);
            expect(modalite.livrables.length, modalite.name).toBeGreaterThan(0);
            if (expected.jury) {
                expect(modalite.jury[0]?.effectif, modalite.name).toBe(2);
                expect(modalite.jury[0]?.description, modalite.name).toBe('personnes représentant le client');
            } else {
                expect(modalite.jury[0], modalite.name).toBeUndefined();
            }
        }
    });

    it('chaque critère a un texte et vérifie au moins une compétence de sa modalité ; numérotation CRb.m.n contiguë', () => {
        expect(model.criteres).toHaveLength(73);
        for (const modalite of model.modalites) {
            const assessed = new Set(modalite.competences.map(r => r.ref));
            modalite.criteres.forEach((critere, index) => {
                expect(critere.name).toBe(`CR${modalite.name.slice(1)}.${index + 1}`);
                expect(critere.texte.trim().length, critere.name).toBeGreaterThan(0);
                expect(critere.competences.length, critere.name).toBeGreaterThan(0);
                for (const ref of critere.competences) {
                    expect(ref.ref, `${critere.name} → ${ref.$refText}`).toBeDefined();
                    expect(assessed.has(ref.ref), `${critere.name} → ${ref.$refText}`).toBe(true);
                }
            });
        }
        // Chaque compétence est évaluée par une modalité et vérifiée par un critère.
        for (const competence of model.competences) {
            expect((model.modalitesOf.get(competence) ?? []).length, competence.name).toBeGreaterThan(0);
            expect((model.criteresOf.get(competence) ?? []).length, competence.name).toBeGreaterThan(0);
        }
    });

    it('accessibilité : chaque compétence « accessible » est vérifiée par un critère éliminatoire', () => {
        const accessible = model.competences.filter(c => /\baccessibles?\b/i.test(c.texte)).map(c => c.name);
        expect(accessible).toEqual(['C1.4', 'C1.6', 'C2.1', 'C2.7', 'C4.5', 'C5.7', 'C5.8']);
        for (const name of accessible) {
            const competence = model.competences.find(c => c.name === name)!;
            const eliminatory = (model.criteresOf.get(competence) ?? []).filter(c => c.eliminatoire);
            expect(eliminatory.length, name).toBeGreaterThan(0);
        }
        const eliminatoires = model.criteres.filter(c => c.eliminatoire).map(c => c.name);
        expect(eliminatoires).toEqual(['CR1.1.7', 'CR1.2.9', 'CR2.1.2', 'CR2.2.5', 'CR2.3.3', 'CR4.1.7', 'CR5.2.2', 'CR5.2.3']);
    });

    it('règles d\'obtention : seuil 100 %, mémoire et soutenance sur 20, période en mois, 3 conditions, blocs acquis à vie, aménagement 1 an ou temporaire', () => {
        expect(model.obtentions).toHaveLength(1);
        const obtention = model.obtentions[0];
        expect(obtention.seuilBlocs[0]?.pourcentage).toBe(100);
        expect(obtention.epreuves.map(e => [e.name, e.titre, e.bareme])).toEqual([
            ['memoire', 'Mémoire professionnel', 20],
            ['soutenance', 'Soutenance du mémoire', 20]
        ]);
        expect(obtention.mesures.map(m => [m.name, m.titre, m.unite])).toEqual([['periode_entreprise', 'Période en entreprise', 'mois']]);

        expect(obtention.conditions.map(c => c.titre)).toEqual([
            'La validation des 5 blocs de compétences',
            'La validation de la période en entreprise',
            'La validation du mémoire et sa soutenance'
        ]);
        const [blocs, periode, memoire] = obtention.conditions.map(c => c.expression);
        expect(isTousBlocs(blocs)).toBe(true);

        // « validée si elle a été menée à terme [les 6 mois] et les compétences évaluées [un fait] ».
        expect(obtention.faits.map(f => f.name)).toEqual(['competences_periode_evaluees']);
        expect(isLogicalExpression(periode) && periode.operator).toBe('et');
        const six = isLogicalExpression(periode) ? periode.left : undefined;
        const evaluees = isLogicalExpression(periode) ? periode.right : undefined;
        expect(isVariable(evaluees) && evaluees.grandeur.ref?.name).toBe('competences_periode_evaluees');
        expect(isComparaison(six)).toBe(true);
        if (isComparaison(six)) {
            expect(six.operator).toBe('>=');
            expect(isVariable(six.left) && six.left.grandeur.ref?.name).toBe('periode_entreprise');
            expect(isLitteral(six.right) && [six.right.valeur, six.right.unite]).toEqual([6, 'mois']);
        }

        expect(isComparaison(memoire)).toBe(true);
        if (isComparaison(memoire)) {
            expect(memoire.operator).toBe('>=');
            expect(isAppel(memoire.left)).toBe(true);
            if (isAppel(memoire.left)) {
                expect(memoire.left.fonction).toBe('moyenne');
                expect(memoire.left.arguments.map(a => isVariable(a.valeur) ? a.valeur.grandeur.ref?.name : undefined)).toEqual(['memoire', 'soutenance']);
            }
            expect(isLitteral(memoire.right) && memoire.right.valeur).toBe(10);
        }

        expect(obtention.acquisBlocs[0]?.aVie).toBe(true);
        expect(obtention.amenagement[0]?.duree).toBe(1);
        expect(obtention.amenagement[0]?.unite).toBe('an');
        expect(obtention.amenagement[0]?.temporaire).toBe(true);
        expect(obtention.notes.map(n => n.texte)).toContain('Un bloc est validé si 100% des compétences du bloc sont acquises.');
    });
});
