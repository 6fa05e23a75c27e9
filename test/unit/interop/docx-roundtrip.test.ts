import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { exportOutput } from '../../../language-server/src/core/export.js';
import { formatDocumentText } from '../../../language-server/src/formatting/formatter.js';
import { docxToRef } from '../../../language-server/src/interop/docx-import.js';
import { readDocx } from '../../../language-server/src/interop/docx-reader.js';
import type { ReferentielModel } from '../../../language-server/src/model/referentiel-model.js';
import { createReferentielServices } from '../../../language-server/src/referentiel-module.js';
import { workspace } from '../../helpers.js';

/**
 * Aller-retour par Word (issue 11, partie 2 ; issue 14, § 7) : `export --format docx` puis
 * `import docx` redonne le même référentiel — codes, textes, liens, règles — et un nouvel export
 * donne le même document, octet pour octet. Ce que le document ne peut pas porter est listé dans
 * docs/interop.md (« Aller-retour par Word ») et vérifié à la fin.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const { Referentiel: services } = createReferentielServices(EmptyFileSystem);

function folder(dir: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of readdirSync(dir).filter(n => n.endsWith('.ref')).sort()) files[name] = readFileSync(path.join(dir, name), 'utf8');
    return files;
}

async function modelOf(files: Record<string, string>, code: string): Promise<ReferentielModel> {
    const ws = await workspace(files);
    const errors = ws.documents.flatMap(d => (d.diagnostics ?? []).filter(x => x.severity === 1).map(x => `${d.uri.path}: ${x.message}`));
    expect(errors).toEqual([]);
    return ws.services.referentiel.Models.forCode(code);
}

/** export docx → import docx (fichiers mis en forme comme par la commande). */
async function roundTrip(model: ReferentielModel): Promise<{ bytes: Uint8Array; files: Record<string, string>; back: ReferentielModel; liens: number }> {
    const bytes = await exportOutput(model, 'docx') as Uint8Array;
    const result = docxToRef(await readDocx(bytes));
    const files = Object.fromEntries(result.files.map(f => {
        const text = formatDocumentText(services, services.shared.workspace.LangiumDocumentFactory.fromString(f.text, URI.parse(`memory:///aller-retour/${f.name}`)));
        expect(text, f.text).toBeDefined();
        return [f.name, text!];
    }));
    return { bytes, files, back: await modelOf(files, result.code), liens: result.stats.liensDeduits };
}

const json = async (model: ReferentielModel): Promise<Record<string, unknown>> => JSON.parse(await exportOutput(model, 'json') as string);
const documentXml = (bytes: Uint8Array): string => strFromU8(unzipSync(bytes)['word/document.xml']);

/** L'échantillon, avec une page de titre complète (numéro RNCP, niveau, certificateur, NSF, version, enregistrement). */
function sample(): Record<string, string> {
    const files = folder(path.join(ROOT, 'samples', 'data-engineer'));
    files['data-engineer.ref'] = files['data-engineer.ref'].replace(
        'certification DATA-ENGINEER "Data Engineer" {',
        'certification DATA-ENGINEER "Data Engineer" {\n    rncp RNCP35288\n    niveau 7\n    certificateur "École de la donnée" siret "12345678900012"\n'
        + '    nsf "326" "Informatique, traitement de l\'information"\n    version du 2024-03-12\n    enregistrement du 2024-04-01 au 2029-04-01'
    );
    return files;
}

/**
 * Ce que le document ne porte pas (docs/interop.md, limites ; vérifié à la fin de ce fichier) :
 * le statut de la certification et de ses certificateurs, les équivalences que décrit le registre.
 */
function withoutRegister(files: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(files).map(([name, text]) => [name, text
        .replace(/^\s*statut \S+\n/gm, '')
        .replace(/^(\s*certificateur .*) (?:actif|inactif)$/gm, '$1')
        .replace(/^\s*équivalent à .*\n/gm, '')]));
}

/**
 * Le référentiel d'essai, avec les constructions de l'évaluation : portée des critères éliminatoires,
 * épreuves des modalités (coefficient, durée, plancher), épreuve d'obtention avec ses options, fait,
 * conditions qui nomment une compétence acquise ou un critère satisfait.
 */
function evaluation(): Record<string, string> {
    const files = folder(path.join(ROOT, 'test', 'fixtures', 'referentiels', 'aller-retour'));
    const edit = (name: string, from: string, to: string): void => {
        expect(files[name]).toContain(from);
        files[name] = files[name].replace(from, to);
    };
    edit('aller-retour.ref', '    mesure stage "Stage" en semaines\n', '    mesure stage "Stage" en semaines\n'
        + '    fait livret "Le livret d\'apprentissage est remis"\n'
        + '    épreuve projet "Projet (rapport et code)" sur 100 coefficient 2 durée 3 heures plancher 40\n');
    edit('aller-retour.ref', '    condition "Moyenne simple" : (ecrit + oral) / 2 >= 8\n', '    condition "Moyenne simple" : (ecrit + oral) / 2 >= 8\n'
        + '    condition R-EVAL "Évaluations" : livret et compétence C1.1 acquise et non critère CR1.2.1 satisfait et projet >= 50 et soutenance_notee >= 8\n');
    edit('blocs.ref', '        jury 2.5 "évaluateurs"\n', '        jury 2.5 "évaluateurs"\n        épreuve soutenance_notee "Soutenance notée" sur 20 coefficient 1.5 durée 45 minutes plancher 8\n');
    edit('blocs.ref', '"La veille est présentée" vérifie C1.4', '"La veille est présentée" vérifie C1.4 éliminatoire pour la certification');
    edit('blocs.ref', '"Le besoin est rappelé" vérifie C1.1', '"Le besoin est rappelé" éliminatoire pour le bloc vérifie C1.1');
    edit('blocs.ref', '"La maquette est claire" vérifie C1.3', '"La maquette est claire" vérifie C1.3 éliminatoire pour la compétence');
    edit('blocs.ref', '        évalue C2.1, C2.2, C1.6\n', '        évalue C2.1, C2.2, C1.6\n        épreuve oral_note "Mise en situation notée" sur 10\n');
    return files;
}

const CASES: ReadonlyArray<readonly [string, () => Record<string, string>, string]> = [
    ['l\'échantillon Data Engineer', sample, 'DATA-ENGINEER'],
    ['le texte publié du Data Engineer (codes irréguliers gardés)', () => folder(path.join(ROOT, 'test', 'fixtures', 'data-engineer-as-published')), 'DATA-ENGINEER'],
    ['le second référentiel (technicien réseaux)', () => withoutRegister(folder(path.join(ROOT, 'test', 'fixtures', 'referentiels', 'technicien-reseaux'))), 'TECH-RESEAUX'],
    ['le second exemple (développeur web : portée des critères éliminatoires, épreuves des modalités, fait)', () => withoutRegister(folder(path.join(ROOT, 'samples', 'developpeur-web'))), 'RNCP37674'],
    ['le référentiel d\'essai de l\'aller-retour', () => folder(path.join(ROOT, 'test', 'fixtures', 'referentiels', 'aller-retour')), 'ALLER-RETOUR'],
    ['le référentiel d\'essai, avec les constructions de l\'évaluation', evaluation, 'ALLER-RETOUR']
];

describe('export docx → import docx : le même référentiel', () => {
    for (const [name, files, code] of CASES) {
        it(`${name} : même export JSON, même document Word`, async () => {
            const model = await modelOf(files(), code);
            const { bytes, files: written, back, liens } = await roundTrip(model);
            expect(back.code).toBe(code);
            // Rien n'est déduit : pas de lien « À relire ».
            expect(liens).toBe(0);
            expect(Object.values(written).join('\n')).not.toContain('À relire');
            const before = await json(model);
            const after = await json(back);
            if (code === 'ALLER-RETOUR') {
                // La modalité M1.1 a des critères hors de l'ordre des compétences et un code libre (CR-GLOBAL) :
                // ils reviennent dans l'ordre du tableau (limite documentée).
                const order = (j: Record<string, unknown>): string[] => (j.modalites as Array<{ code: string; criteres: string[] }>)[0].criteres;
                expect(order(before)).toEqual(['CR1.1.2', 'CR1.1.1', 'CR1.1.3', 'CR1.1.4', 'CR-GLOBAL', 'CR1.1.6', 'CR1.1.7']);
                expect(order(after)).toEqual(['CR1.1.1', 'CR1.1.7', 'CR1.1.2', 'CR1.1.3', 'CR1.1.4', 'CR-GLOBAL', 'CR1.1.6']);
                expect(sortCriteria(after)).toEqual(sortCriteria(before));
            } else {
                expect(after).toEqual(before);
            }
            // export → import → export : le même document, octet pour octet.
            const again = await exportOutput(back, 'docx') as Uint8Array;
            expect(documentXml(again)).toBe(documentXml(bytes));
            expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
        }, 30_000);
    }
});

/** L'export JSON, critères rangés par code (pour comparer sans l'ordre des critères d'une modalité). */
function sortCriteria(j: Record<string, unknown>): Record<string, unknown> {
    const byCode = <T>(list: T[], key: (x: T) => string): T[] => [...list].sort((a, b) => key(a).localeCompare(key(b)));
    return {
        ...j,
        criteres: byCode(j.criteres as Array<{ code: string }>, c => c.code),
        modalites: (j.modalites as Array<{ criteres: string[] }>).map(m => ({ ...m, criteres: byCode(m.criteres, c => c) })),
        competences: (j.competences as Array<{ criteres: string[] }>).map(c => ({ ...c, criteres: byCode(c.criteres, x => x) }))
    };
}


describe('docs/interop.md, « Aller-retour par Word »', () => {
    it('les chiffres de l\'exemple sont ceux du référentiel relu', async () => {
        const { back } = await roundTrip(await modelOf(folder(path.join(ROOT, 'samples', 'data-engineer')), 'DATA-ENGINEER'));
        const j = await json(back) as Record<string, any>;
        const sum = (list: any[], f: (x: any) => number): number => list.reduce((n, x) => n + f(x), 0);
        const doc = readFileSync(path.join(ROOT, 'docs', 'interop.md'), 'utf8').replace(/\s+/g, ' ');
        expect(doc).toContain(`Sur l'exemple Data Engineer : ${j.blocs.length} blocs, ${j.activites.length} activités, ${j.competences.length} compétences, `
            + `${j.modalites.length} modalités, ${j.criteres.length} critères ; ${sum(j.competences, c => c.activites.length)} liens \`issue de\`, `
            + `${sum(j.modalites, m => m.competences.length)} compétences évaluées, ${sum(j.criteres, c => c.competences.length)} liens \`vérifie\`, `
            + `${sum(j.criteres, c => c.eliminatoire ? 1 : 0)} critères éliminatoires ; ${j.notes.length} notes de la certification, ${j.obtention.notes.length} notes`);
    }, 30_000);
});

describe('ce que le document Word ne porte pas (docs/interop.md)', () => {
    it('données du registre, statut, équivalences, épreuve et fait sans condition, détail d\'une activité visée, texte d\'activité sur plusieurs lignes : perdus, le reste intact', async () => {
        const files = folder(path.join(ROOT, 'test', 'fixtures', 'referentiels', 'technicien-reseaux'));
        files['technicien-reseaux.ref'] = files['technicien-reseaux.ref']
            .replace('    niveau 4\n', '    niveau 4\n    statut actif\n    identifiant "4242"\n    formacode "24231" "Réseau informatique"\n'
                + '    activité AV1 "Activité visée" {\n        note "Sa note"\n        activité AV1-1 "Sa sous-activité"\n    }\n')
            .replace('    mesure stage', '    épreuve bonus "Épreuve facultative" sur 10\n    fait attestation "Attestation remise"\n    mesure stage');
        files['blocs.ref'] = files['blocs.ref'].replace(/ vérifie (C[\d.]+) éliminatoire\n/, ' vérifie $1 éliminatoire pour la compétence\n');
        expect(files['blocs.ref']).toContain('éliminatoire pour la compétence');
        files['blocs.ref'] = files['blocs.ref'].replace('activité A2-1 "Diagnostic"', 'activité A2-1 "Diagnostic\n                         des pannes"');
        const model = await modelOf(files, 'TECH-RESEAUX');
        const { back, files: written } = await roundTrip(model);
        expect(Object.values(written).join('\n')).not.toContain('équivalent à');
        const before = await json(model) as Record<string, any>;
        const after = await json(back) as Record<string, any>;
        expect(after.statut).toBeNull();
        expect(after.registre.identifiant).toBeNull();
        expect(after.registre.formacodes).toEqual([]);
        expect(before.blocs.find((b: { code: string }) => b.code === 'BC02').equivalences).toHaveLength(1);
        expect(after.blocs.flatMap((b: { equivalences: unknown[] }) => b.equivalences)).toEqual([]);
        expect(after.obtention.epreuves.map((e: { code: string }) => e.code)).toEqual(['ecrit', 'oral', 'pratique']);
        expect(before.obtention.faits).toHaveLength(1);
        expect(after.obtention.faits).toEqual([]);
        // « éliminatoire pour la compétence » est la portée par défaut : relu « éliminatoire ».
        expect(Object.values(written).join('\n')).not.toContain('pour la compétence');
        // L'activité visée est relue, sans sa note ni sa sous-activité.
        expect(after.activites.filter((a: { code: string }) => a.code.startsWith('AV1'))).toEqual([{ ...before.activites.find((a: { code: string }) => a.code === 'AV1'), activites: [], notes: [] }]);
        expect(after.activites.find((a: { code: string }) => a.code === 'A2-1').texte).toBe('Diagnostic des pannes');
        // Le reste est intact.
        const strip = (j: Record<string, any>): Record<string, any> => ({
            ...j, statut: null, registre: { ...j.registre, identifiant: null, formacodes: [], etatsCertificateurs: [] },
            blocs: j.blocs.map((b: Record<string, unknown>) => ({ ...b, equivalences: [] })),
            activites: j.activites.filter((a: { code: string }) => !a.code.startsWith('AV1'))
                .map((a: { texte: string }) => ({ ...a, texte: a.texte.replace(/\s+/g, ' ') })),
            obtention: { ...j.obtention, epreuves: j.obtention.epreuves.filter((e: { code: string }) => e.code !== 'bonus'), faits: [] }
        });
        expect(strip(after)).toEqual(strip(before));
    }, 30_000);
});
