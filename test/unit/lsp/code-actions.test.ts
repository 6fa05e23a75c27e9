import { testCodeAction } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { workspace, type Workspace } from '../../helpers.js';
import { doc } from './lsp-helpers.js';
import { formatDocumentText } from '../../../language-server/src/formatting/formatter.js';

async function actionsFor(ws: Workspace, name: string, code: string): Promise<{ actions: CodeAction[]; diagnostic: Diagnostic }> {
    const document = doc(ws, name);
    const diagnostic = ws.diagnostics(name).find(d => d.code === code);
    if (!diagnostic) throw new Error(`pas de ${code} dans ${name} : ${ws.codes(name).join(', ')}`);
    const actions = await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    }) as CodeAction[];
    return { actions, diagnostic };
}

/** Applique une modification d'espace de travail aux fichiers { nom: texte }. */
function apply(ws: Workspace, files: Record<string, string>, edit: WorkspaceEdit): Record<string, string> {
    const result = { ...files };
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
        const name = Object.keys(files).find(n => uri.endsWith('/' + n))!;
        const document = doc(ws, name);
        result[name] = TextDocument.applyEdits(TextDocument.create(uri, 'referentiel', 0, document.textDocument.getText()), edits);
    }
    return result;
}

describe('correctifs rapides', () => {
    it('REF202 : renommer le code partout, dans tous les fichiers (mêmes corrections que lint --fix)', async () => {
        const files = {
            'a.ref': 'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "Un"\n    compétence C1.2. "Deux"\n    modalité M1.1 "M" {\n        évalue C1.1, C1.2\n        critère CR1.1.1 "c" vérifie C1.1, C1.2.\n    }\n}\nobtention {\n    condition "c" : tous les blocs validés\n}\n',
            'b.ref': 'référentiel X\nbloc BC02 "B2" {\n    compétence C2.1 "x"\n    modalité M2.1 "M" {\n        évalue C2.1, C1.2\n        critère CR2.1.1 "c" vérifie C2.1, C1.2\n    }\n}\n'
        };
        const ws = await workspace(files);
        const { actions, diagnostic } = await actionsFor(ws, 'a.ref', 'REF202');
        expect(actions).toHaveLength(1);
        const [action] = actions;
        expect(action.title).toBe('Renommer C1.2. en C1.2 partout (2 modifications)');
        expect(action.kind).toBe(CodeActionKind.QuickFix);
        expect(action.isPreferred).toBe(true);
        expect(action.diagnostics).toEqual([diagnostic]);
        const fixed = apply(ws, files, action.edit!);
        expect(fixed['a.ref']).toContain('compétence C1.2 "Deux"');
        // La référence écrite « C1.2. » est corrigée avec la définition ; les autres étaient déjà justes.
        expect(fixed['a.ref']).toContain('vérifie C1.1, C1.2\n');
        expect(fixed['b.ref']).toBe(files['b.ref']);
        const after = await workspace(fixed);
        expect([...after.codes('a.ref'), ...after.codes('b.ref')].filter(c => /REF20[123]|REF003|REF002/.test(c))).toEqual([]);
    });

    it('REF201 : le séparateur minoritaire, corrigé sur la définition et ses références dans un autre fichier', async () => {
        const files = {
            'a.ref': 'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "Un"\n    compétence C1.2 "Deux"\n    compétence C1-3 "Trois"\n    modalité M1.1 "M" {\n        évalue C1.1, C1.2\n        critère CR1.1.1 "c" vérifie C1.1, C1.2\n    }\n}\n',
            'b.ref': 'référentiel X\nbloc BC02 "B2" {\n    compétence C2.1 "x"\n    modalité M2.1 "M" {\n        évalue C2.1, C1-3\n        critère CR2.1.1 "c" vérifie C2.1, C1-3\n    }\n}\n'
        };
        const ws = await workspace(files);
        const { actions } = await actionsFor(ws, 'a.ref', 'REF201');
        expect(actions.map(a => a.title)).toEqual(['Renommer C1-3 en C1.3 partout (3 modifications)']);
        const fixed = apply(ws, files, actions[0].edit!);
        expect(fixed['a.ref']).toContain('compétence C1.3 "Trois"');
        expect(fixed['b.ref']).toContain('évalue C2.1, C1.3');
        expect(fixed['b.ref']).toContain('vérifie C2.1, C1.3');
        const after = await workspace(fixed);
        expect([...after.codes('a.ref'), ...after.codes('b.ref')].filter(c => /REF20[123]|REF003|REF002/.test(c))).toEqual([]);
    });

    it('REF203 : l\'espace dans un code (avec testCodeAction de langium/test)', async () => {
        const { services } = await workspace({});
        await testCodeAction(services)(
            'certification X "X"\nbloc BC01 "B" {\n    activité A1. 2 "a"\n    compétence C1.1 "c" issue de A1.2\n}\n',
            'REF203',
            'certification X "X"\nbloc BC01 "B" {\n    activité A1.2 "a"\n    compétence C1.1 "c" issue de A1.2\n}\n'
        );
    });

    it('REF003 : écrire la référence comme sa définition', async () => {
        const { services } = await workspace({});
        await testCodeAction(services)(
            'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "c"\n    modalité M1 "m" {\n        évalue C1-1\n        critère CR1 "c" vérifie C1.1\n    }\n}\n',
            'REF003',
            'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "c"\n    modalité M1 "m" {\n        évalue C1.1\n        critère CR1 "c" vérifie C1.1\n    }\n}\n'
        );
    });

    it('REF110 : retirer la référence répétée, avec sa virgule', async () => {
        const { services } = await workspace({});
        const result = await testCodeAction(services)(
            'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "c"\n    compétence C1.2 "d"\n    modalité M1 "m" {\n        évalue C1.1, C1.2, C1.1\n        critère CR1 "c" vérifie C1.1, C1.2\n    }\n}\n',
            'REF110',
            'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "c"\n    compétence C1.2 "d"\n    modalité M1 "m" {\n        évalue C1.1, C1.2\n        critère CR1 "c" vérifie C1.1, C1.2\n    }\n}\n'
        );
        expect(result.action?.title).toBe('Retirer la référence répétée C1.1');
    });

    it('REF002 : une action par suggestion ; préférée quand il n\'y en a qu\'une', async () => {
        const ws = await workspace({ 'x.ref': 'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "c"\n    compétence C1.2 "d"\n    modalité M1 "m" {\n        évalue C1.3\n    }\n}\n' });
        const { actions } = await actionsFor(ws, 'x.ref', 'REF002');
        expect(actions.map(a => [a.title, a.isPreferred])).toEqual([['Remplacer par C1.1', undefined], ['Remplacer par C1.2', undefined], ['Créer la compétence C1.3 dans BC01', undefined]]);
        const single = await workspace({ 'x.ref': 'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "c"\n    modalité M1 "m" {\n        évalue CX1.1\n    }\n}\n' });
        const one = await actionsFor(single, 'x.ref', 'REF002');
        expect(one.actions.map(a => [a.title, a.isPreferred])).toEqual([['Remplacer par C1.1', true], ['Créer la compétence CX1.1 dans BC01', undefined]]);
        expect(one.actions[0].edit!.changes![doc(single, 'x.ref').uri.toString()]).toEqual([{ range: one.diagnostic.range, newText: 'C1.1' }]);
    });

    it('REF101 : créer une modalité qui évalue la compétence, à la fin de son bloc, avec un critère', async () => {
        const files = { 'x.ref': 'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "c"\n    compétence C1.2 "d"\n    modalité M1.1 "m" {\n        évalue C1.1\n        critère CR1.1.1 "c" vérifie C1.1\n    }\n}\n' };
        const ws = await workspace(files);
        const { actions } = await actionsFor(ws, 'x.ref', 'REF101');
        expect(actions.map(a => [a.title, a.isPreferred])).toEqual([['Ajouter C1.2 à M1.1', true], ['Créer une modalité M1.2 qui évalue C1.2', undefined]]);
        const fixed = apply(ws, files, actions[1].edit!);
        expect(fixed['x.ref']).toBe('certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "c"\n    compétence C1.2 "d"\n    modalité M1.1 "m" {\n        évalue C1.1\n        critère CR1.1.1 "c" vérifie C1.1\n    }\n'
            + '    modalité M1.2 "Évaluation de C1.2" {\n        évalue C1.2\n        critère CR1.2.1 "À compléter : ce que le jury vérifie" vérifie C1.2\n    }\n}\n');
        // Le correctif ne crée pas d'autre problème que ceux qui étaient déjà là.
        const after = await workspace(fixed);
        expect(after.codes('x.ref').filter(c => c !== 'REF007')).toEqual([]);
    });

    it('REF101 : « } » du bloc sur la même ligne ; bloc d\'un autre fichier pour une compétence de socle incluse', async () => {
        const files = { 'x.ref': 'certification X "X"\nbloc BC01 "B" { compétence C1.1 "c" }\n' };
        const ws = await workspace(files);
        const { actions } = await actionsFor(ws, 'x.ref', 'REF101');
        expect(actions.map(a => a.title)).toEqual(['Créer une modalité M1.1 qui évalue C1.1']);
        expect(apply(ws, files, actions[0].edit!)['x.ref']).toBe('certification X "X"\nbloc BC01 "B" { compétence C1.1 "c" \n    modalité M1.1 "Évaluation de C1.1" {\n        évalue C1.1\n        critère CR1.1.1 "À compléter : ce que le jury vérifie" vérifie C1.1\n    }\n}\n');

        const socle = {
            'tr.ref': 'socle TR "Transverse"\ncompétence CT1 "Présenter"\n',
            'a.ref': 'certification A "A" {\n    utilise TR\n}\nbloc BC01 "B" {\n    inclut CT1\n    compétence C1.1 "c"\n    modalité M1 "m" {\n        évalue C1.1\n        critère CR1 "c" vérifie C1.1\n    }\n}\n'
        };
        const wsSocle = await workspace(socle);
        const included = await actionsFor(wsSocle, 'a.ref', 'REF101');
        expect(included.actions.map(a => a.title)).toEqual(['Ajouter CT1 à M1', 'Créer une modalité M2 qui évalue CT1']);
        expect(apply(wsSocle, socle, included.actions[0].edit!)['a.ref']).toContain('        évalue C1.1, CT1\n');
        const fixedSocle = apply(wsSocle, socle, included.actions[1].edit!);
        expect(fixedSocle['a.ref']).toContain('    modalité M2 "Évaluation de CT1" {\n        évalue CT1\n        critère CR2 "À compléter : ce que le jury vérifie" vérifie CT1\n    }\n}\n');
        expect((await workspace(fixedSocle)).codes('a.ref')).not.toContain('REF101');
    });

    it('REF301 : déclarer l\'épreuve ou la mesure dans « obtention » (la mesure est préférée devant une quantité)', async () => {
        const files = { 'x.ref': 'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "c"\n}\nobtention {\n    épreuve memoire "Mémoire" sur 20\n    condition "c" : memoire >= 10 et periode_entreprise >= 6 mois\n}\n' };
        const ws = await workspace(files);
        const { actions } = await actionsFor(ws, 'x.ref', 'REF301');
        expect(actions.map(a => [a.title, a.isPreferred])).toEqual([
            ['Déclarer l\'épreuve periode_entreprise (sur 20) dans « obtention »', undefined],
            ['Déclarer la mesure periode_entreprise (en mois) dans « obtention »', true]
        ]);
        const fixed = apply(ws, files, actions[1].edit!);
        expect(fixed['x.ref']).toContain('    épreuve memoire "Mémoire" sur 20\n    mesure periode_entreprise "Periode entreprise" en mois\n    condition');
        expect((await workspace(fixed)).codes('x.ref')).not.toContain('REF301');
        const epreuve = apply(ws, files, actions[0].edit!);
        expect(epreuve['x.ref']).toContain('    épreuve periode_entreprise "Periode entreprise" sur 20\n');
    });

    it('REF301 : l\'épreuve est préférée devant un nombre sans unité ; sans épreuve ni mesure, la ligne va en tête', async () => {
        const files = { 'x.ref': 'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "c"\n}\nobtention {\n    condition "c" : oral >= 10\n}\n' };
        const ws = await workspace(files);
        const { actions } = await actionsFor(ws, 'x.ref', 'REF301');
        expect(actions.map(a => a.isPreferred)).toEqual([true, undefined]);
        expect(apply(ws, files, actions[0].edit!)['x.ref']).toContain('obtention {\n    épreuve oral "Oral" sur 20\n    condition');
    });

    it('REF104 : ajouter « vérifie » quand la modalité n\'évalue qu\'une compétence', async () => {
        const { services } = await workspace({});
        await testCodeAction(services)(
            'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "c"\n    modalité M1 "m" {\n        évalue C1.1\n        critère CR1 "Le travail est fait" éliminatoire\n    }\n}\n',
            'REF104',
            'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "c"\n    modalité M1 "m" {\n        évalue C1.1\n        critère CR1 "Le travail est fait" vérifie C1.1 éliminatoire\n    }\n}\n'
        );
        // Deux candidates : rien de proposé.
        const ws = await workspace({ 'x.ref': 'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "c"\n    compétence C1.2 "d"\n    modalité M1 "m" {\n        évalue C1.1, C1.2\n        critère CR1 "c"\n    }\n}\n' });
        expect((await actionsFor(ws, 'x.ref', 'REF104')).actions).toEqual([]);
    });

    it('respecte « only » : aucun correctif quand le client demande un autre genre d\'action', async () => {
        const ws = await workspace({ 'x.ref': 'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "c"\n    modalité M1 "m" {\n        évalue C1-1\n    }\n}\n' });
        const document = doc(ws, 'x.ref');
        const diagnostic = ws.diagnostics('x.ref').find(d => d.code === 'REF003')!;
        const none = await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: [CodeActionKind.Refactor] }
        });
        expect(none).toEqual([]);
        const some = await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: [CodeActionKind.QuickFix] }
        });
        expect(some).toHaveLength(1);
    });

    it('titres en anglais selon la locale', async () => {
        const ws = await workspace({ 'x.ref': 'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "c"\n    modalité M1 "m" {\n        évalue C1-1\n    }\n}\n' }, { locale: 'en' });
        const { actions } = await actionsFor(ws, 'x.ref', 'REF003');
        expect(actions[0].title).toBe('Write "C1.1" like its definition');
    });
});

describe('correctifs rapides : la correction que dit le message', () => {
    /** Applique l'action de titre `title` au diagnostic `rule` ; rend les fichiers après, vérifiés de nouveau. */
    async function fix(files: Record<string, string>, name: string, rule: string, title: string) {
        const ws = await workspace(files);
        const { actions } = await actionsFor(ws, name, rule);
        const action = actions.find(a => a.title === title);
        if (!action) throw new Error(`« ${title} » absent ; proposés : ${actions.map(a => a.title).join(' | ')}`);
        const after = apply(ws, files, action.edit!);
        const again = await workspace(after);
        // Le texte produit est déjà en forme (le formateur n'y changerait rien).
        for (const [file, text] of Object.entries(after)) {
            expect(formatDocumentText(again.services, doc(again, file)), file).toBe(text);
        }
        return { action, actions, after, again };
    }

    const BLOC = 'certification X "X"\n\nbloc BC01 "B" {\n    activité A1-1 "a"\n    compétence C1.1 "c" issue de A1-1\n    compétence C1.2 "d" issue de A1-1\n\n    modalité M1.1 "m" {\n        évalue C1.1\n        critère CR1.1.1 "c" vérifie C1.1\n    }\n}\n\nobtention {\n    condition "Blocs" : tous les blocs validés\n}\n';

    it('REF101 : « Ajouter C1.2 à M1.1 » allonge la liste « évalue » (préféré : une seule modalité)', async () => {
        const { action, actions, after, again } = await fix({ 'x.ref': BLOC }, 'x.ref', 'REF101', 'Ajouter C1.2 à M1.1');
        expect(action.isPreferred).toBe(true);
        expect(actions.map(a => a.title)).toEqual(['Ajouter C1.2 à M1.1', 'Créer une modalité M1.2 qui évalue C1.2']);
        expect(after['x.ref']).toContain('        évalue C1.1, C1.2\n');
        expect(again.codes('x.ref')).not.toContain('REF101');
    });

    it('REF105 : ajouter à la modalité la compétence que son critère vérifie', async () => {
        const text = BLOC.replace('critère CR1.1.1 "c" vérifie C1.1', 'critère CR1.1.1 "c" vérifie C1.1, C1.2');
        const { action, after, again } = await fix({ 'x.ref': text }, 'x.ref', 'REF105', 'Ajouter C1.2 à M1.1');
        expect(action.isPreferred).toBe(true);
        expect(after['x.ref']).toContain('        évalue C1.1, C1.2\n        critère CR1.1.1 "c" vérifie C1.1, C1.2\n');
        expect(again.codes('x.ref')).not.toContain('REF105');
    });

    it('REF102 : un critère qui vérifie la compétence, après ceux de la modalité', async () => {
        const text = BLOC.replace('évalue C1.1\n', 'évalue C1.1, C1.2\n');
        const { after, again } = await fix({ 'x.ref': text }, 'x.ref', 'REF102', 'Ajouter à M1.1 un critère CR1.1.2 qui vérifie C1.2');
        expect(after['x.ref']).toContain('        critère CR1.1.1 "c" vérifie C1.1\n        critère CR1.1.2 "À compléter : ce que le jury vérifie" vérifie C1.2\n    }');
        expect(again.codes('x.ref')).not.toContain('REF102');
    });

    it('REF109 : « évalue C… » en tête de la modalité, les compétences non évaluées d\'abord', async () => {
        const text = BLOC.replace('    }\n}\n', '    }\n\n    modalité M1.2 "vide" {\n        nature "projet"\n    }\n}\n');
        const { action, actions, after, again } = await fix({ 'x.ref': text }, 'x.ref', 'REF109', 'Ajouter « évalue C1.2 » à M1.2');
        expect(actions.map(a => a.title)).toEqual(['Ajouter « évalue C1.2 » à M1.2', 'Ajouter « évalue C1.1 » à M1.2']);
        expect(action.isPreferred).toBe(true);
        expect(after['x.ref']).toContain('    modalité M1.2 "vide" {\n        évalue C1.2\n        nature "projet"\n    }');
        expect(again.codes('x.ref')).not.toContain('REF109');
    });

    it('REF002 : « Créer la compétence C1.7 dans BC01 », dans le bloc que dit son numéro, même cité d\'un autre fichier', async () => {
        const files = {
            'x.ref': BLOC,
            'y.ref': 'référentiel X\n\nbloc BC02 "B2" {\n    compétence C2.1 "e"\n\n    modalité M2.1 "m" {\n        évalue C2.1, C1.7\n        critère CR2.1.1 "c" vérifie C2.1\n    }\n}\n'
        };
        const { action, after, again } = await fix(files, 'y.ref', 'REF002', 'Créer la compétence C1.7 dans BC01');
        expect(action.isPreferred).toBeUndefined();
        expect(after['x.ref']).toContain('    compétence C1.2 "d" issue de A1-1\n    compétence C1.7 "À rédiger : verbe à l\'infinitif, objet, finalité"\n');
        expect(after['y.ref']).toBe(files['y.ref']);
        expect(again.codes('y.ref')).not.toContain('REF002');
    });

    it('REF002 : créer l\'activité citée par « issue de », après les activités du bloc', async () => {
        const text = BLOC.replace('compétence C1.2 "d" issue de A1-1', 'compétence C1.2 "d" issue de A1-2');
        const { after, again } = await fix({ 'x.ref': text }, 'x.ref', 'REF002', 'Créer l\'activité A1-2 dans BC01');
        expect(after['x.ref']).toContain('    activité A1-1 "a"\n    activité A1-2 "À rédiger : l\'activité visée"\n    compétence C1.1');
        expect(again.codes('x.ref')).not.toContain('REF002');
    });

    it('REF007 et REF308 : des règles d\'obtention, la condition « tous les blocs validés »', async () => {
        const sans = BLOC.replace('\nobtention {\n    condition "Blocs" : tous les blocs validés\n}\n', '');
        const added = await fix({ 'x.ref': sans }, 'x.ref', 'REF007', 'Ajouter des règles d\'obtention (tous les blocs validés)');
        expect(added.after['x.ref'].endsWith('}\n\nobtention {\n    bloc validé si 100 % des compétences acquises\n    condition "Blocs" : tous les blocs validés\n}\n')).toBe(true);
        expect(added.again.codes('x.ref')).not.toContain('REF007');
        const vide = BLOC.replace('    condition "Blocs" : tous les blocs validés\n', '    bloc validé si 100 % des compétences acquises\n');
        const condition = await fix({ 'x.ref': vide }, 'x.ref', 'REF308', 'Ajouter la condition « tous les blocs validés »');
        expect(condition.after['x.ref']).toContain('obtention {\n    bloc validé si 100 % des compétences acquises\n    condition "Blocs" : tous les blocs validés\n}\n');
        expect(condition.again.codes('x.ref')).not.toContain('REF308');
    });

    it('REF205/REF206 : renuméroter le bloc dans l\'ordre, chaque code renommé partout (autres fichiers, certification qui utilise le socle)', async () => {
        const files = {
            'socle.ref': 'socle TR "Transverse"\n\nbloc BC01 "Communiquer" {\n    activité A1-1 "a"\n    compétence C1.1 "Un" issue de A1-1\n    compétence C1.3 "Trois" issue de A1-1\n    compétence C1.2 "Deux" issue de A1-1\n\n    modalité M1.2 "m" {\n        évalue C1.1, C1.3, C1.2\n        critère CR1.2.1 "c" vérifie C1.1\n        critère CR1.2.2 "d" vérifie C1.3, C1.2\n    }\n}\n',
            'cert.ref': 'certification A "A" {\n    utilise TR\n}\n\nbloc BC02 "B" {\n    inclut C1.3\n    compétence C2.1 "x"\n\n    modalité M2.1 "m" {\n        évalue C2.1, C1.3\n        critère CR2.1.1 "c" vérifie C2.1, C1.3\n    }\n}\n'
        };
        const { actions } = await actionsFor(await workspace(files), 'socle.ref', 'REF206');
        const action = actions.find(a => a.title.startsWith('Renuméroter le bloc BC01'));
        expect(action?.title).toBe('Renuméroter le bloc BC01 dans l\'ordre (5 codes renommés partout)');
        expect(action?.isPreferred).toBeUndefined();
        const ws = await workspace(files);
        const after = apply(ws, files, action!.edit!);
        expect(after['socle.ref']).toBe(files['socle.ref']
            .replace('"Trois"', '"TROIS"').replace('"Deux"', '"DEUX"')
            .replace('compétence C1.3 "TROIS"', 'compétence C1.2 "Trois"').replace('compétence C1.2 "DEUX"', 'compétence C1.3 "Deux"')
            .replace('évalue C1.1, C1.3, C1.2', 'évalue C1.1, C1.2, C1.3')
            .replace('M1.2', 'M1.1').replace('CR1.2.1', 'CR1.1.1').replace('CR1.2.2', 'CR1.1.2').replace('vérifie C1.3, C1.2', 'vérifie C1.2, C1.3'));
        // La certification qui utilise le socle suit : C1.3 (« Trois ») s'appelle maintenant C1.2.
        expect(after['cert.ref']).toBe(files['cert.ref'].replaceAll('C1.3', 'C1.2'));
        const again = await workspace(after);
        expect([...again.codes('socle.ref'), ...again.codes('cert.ref')].filter(c => /REF20[456]|REF002/.test(c))).toEqual([]);
    });
});

describe('REF501 : nature de modalité inhabituelle', () => {
    it('remplace la nature par la nature connue que propose le message, guillemets compris', async () => {
        const files = { 'a.ref': 'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "Un"\n    modalité M1.1 "M" {\n        nature "etude de cas"\n        évalue C1.1\n        critère CR1.1.1 "c" vérifie C1.1\n    }\n}\nobtention {\n    condition "c" : tous les blocs validés\n}\n' };
        const ws = await workspace(files);
        const { actions, diagnostic } = await actionsFor(ws, 'a.ref', 'REF501');
        expect(diagnostic.message).toContain('« étude de cas »');
        expect(actions.map(a => a.title)).toEqual(['Remplacer par "étude de cas"']);
        expect(actions[0].isPreferred).toBe(true);
        const fixed = apply(ws, files, actions[0].edit!);
        expect(fixed['a.ref']).toContain('nature "étude de cas"');
        expect(ws.codes('a.ref')).toContain('REF501');
        const again = await workspace(fixed);
        expect(again.codes('a.ref')).not.toContain('REF501');
    });
});

describe('REF401 : compétence « accessible » sans critère éliminatoire', () => {
    it('ajoute à sa modalité un critère éliminatoire d\'accessibilité qui la vérifie ; la règle est alors satisfaite', async () => {
        const files = { 'a.ref': 'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "Produire des supports accessibles afin d\'informer tous les publics"\n    modalité M1.1 "M" {\n        évalue C1.1\n        critère CR1.1.1 "Les supports sont produits" vérifie C1.1\n    }\n}\nobtention {\n    condition "c" : tous les blocs validés\n}\n' };
        const ws = await workspace(files);
        const { actions } = await actionsFor(ws, 'a.ref', 'REF401');
        expect(actions.map(a => a.title)).toEqual(['Ajouter à M1.1 un critère éliminatoire CR1.1.2 : l\'accessibilité du travail de C1.1']);
        const fixed = apply(ws, files, actions[0].edit!);
        expect(fixed['a.ref']).toContain('critère CR1.1.2 "Le travail respecte les normes d\'accessibilité (RGAA)" vérifie C1.1 éliminatoire');
        const again = await workspace(fixed);
        expect(again.codes('a.ref')).not.toContain('REF401');
        expect(again.codes('a.ref')).not.toContain('REF001');
    });
});

describe('REF006 : règles d\'obtention en double', () => {
    it('le contenu du second bloc passe à la fin du premier, dans l\'autre fichier ; le second disparaît', async () => {
        const files = {
            'a.ref': 'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "Un"\n    modalité M1.1 "M" {\n        évalue C1.1\n        critère CR1.1.1 "c" vérifie C1.1\n    }\n}\nobtention {\n    bloc validé si 80 % des compétences acquises\n}\n',
            'b.ref': 'référentiel X\nbloc BC02 "B2" {\n    compétence C2.1 "Deux"\n    modalité M2.1 "M" {\n        évalue C2.1\n        critère CR2.1.1 "c" vérifie C2.1\n    }\n}\n\nobtention {\n    condition "c" : tous les blocs validés\n}\n'
        };
        const ws = await workspace(files);
        const { actions } = await actionsFor(ws, 'b.ref', 'REF006');
        expect(actions.map(a => a.title)).toEqual(['Réunir les règles d\'obtention dans le premier bloc « obtention »']);
        const fixed = apply(ws, files, actions[0].edit!);
        expect(fixed['a.ref']).toContain('obtention {\n    bloc validé si 80 % des compétences acquises\n    condition "c" : tous les blocs validés\n}\n');
        expect(fixed['b.ref']).toBe('référentiel X\nbloc BC02 "B2" {\n    compétence C2.1 "Deux"\n    modalité M2.1 "M" {\n        évalue C2.1\n        critère CR2.1.1 "c" vérifie C2.1\n    }\n}\n');
        const again = await workspace(fixed);
        expect([...again.codes('a.ref'), ...again.codes('b.ref')].filter(c => c === 'REF006' || c === 'REF001' || c === 'REF308')).toEqual([]);
    });
});
