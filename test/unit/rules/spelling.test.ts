import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { setLocale } from '../../../language-server/src/i18n/locale.js';
import { createReferentielServices } from '../../../language-server/src/referentiel-module.js';
import { ruleDefinition } from '../../../language-server/src/validation/rules.js';
import { misspellings, parseWordList, speller } from '../../../language-server/src/validation/spelling.js';
import { REDACTION_OFF } from '../../protocol/client.js';

/**
 * REF606 : l'orthographe des textes, par le vrai Hunspell (hunspell-asm) et le dictionnaire
 * français de dictionary-fr, avec les listes de mots de l'espace de travail (referentiel-mots.txt).
 */
let check: (word: string) => boolean;

beforeAll(async () => {
    const engine = await speller();
    check = word => engine.spell(word);
}, 60_000);

describe('les mots inconnus d\'un texte', () => {
    it('un texte juste ne signale rien : élisions, accents, apostrophe typographique, mots composés', () => {
        expect(misspellings('Concevoir l\'architecture des données de l’entreprise afin d\'en garantir la qualité et peut-être la sûreté', check, new Set())).toEqual([]);
    });

    it('un mot faux est signalé à sa place, sans son élision', () => {
        const text = 'Garantir la qualite de l\'entreprize';
        expect(misspellings(text, check, new Set())).toEqual([
            { word: 'qualite', offset: text.indexOf('qualite') },
            { word: 'entreprize', offset: text.indexOf('entreprize') }
        ]);
    });

    it('ni sigles, ni codes, ni adresses, ni mots collés à un chiffre', () => {
        expect(misspellings('Respecter le RGPD (C1.2, CR1.1.1, 2e) : voir https://exemple.invalid/guide-qualite et contact@exemple.invalid', check, new Set())).toEqual([]);
    });

    it('la liste de l\'espace de travail : casse exacte, ou en minuscules pour toute casse', () => {
        const extra = new Set(parseWordList('# termes du métier\ndatavisualisation\nLearning   # anglicisme admis\n\n'));
        expect([...extra]).toEqual(['datavisualisation', 'Learning']);
        expect(misspellings('Datavisualisation et Machine Learning', check, extra).map(m => m.word)).toEqual([]);
        expect(misspellings('learning', check, extra).map(m => m.word)).toEqual(['learning']);
    });
});

describe('REF606 dans un espace de travail', () => {
    let folder: string;
    const header = 'certification X "Certification de test"\nobtention {\n    condition "c" : tous les blocs validés\n}\n';
    const bloc = 'référentiel X\nbloc BC01 "Gérer la qualite des données" {\n    compétence C1.1 "Concevoir un pipeline scalable pour les équipes"\n    modalité M1.1 "Étude de cas" {\n        évalue C1.1\n        critère CR1.1.1 "La solution est documentée" vérifie C1.1\n    }\n}\n';

    beforeAll(() => {
        folder = mkdtempSync(path.join(tmpdir(), 'referentiel-orthographe-'));
        mkdirSync(path.join(folder, 'ref'));
        writeFileSync(path.join(folder, 'ref', 'x.ref'), header);
        writeFileSync(path.join(folder, 'ref', 'bc01.ref'), bloc);
    });
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    async function build(rules: Record<string, string>): Promise<{ document: LangiumDocument; diagnostics: Diagnostic[]; services: ReturnType<typeof createReferentielServices>['Referentiel'] }> {
        setLocale('fr');
        const { Referentiel: services } = createReferentielServices(NodeFileSystem);
        services.validation.RuleSettings.set({ ...REDACTION_OFF, ...rules } as never);
        const documents = ['x.ref', 'bc01.ref'].map(name => services.shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(path.join(folder, 'ref', name))));
        const built = await Promise.all(documents);
        await services.shared.workspace.DocumentBuilder.build(built, { validation: true });
        const document = built[1];
        return { document, services, diagnostics: (document.diagnostics ?? []).filter(d => d.code === 'REF606') };
    }

    it('éteinte par défaut : rien n\'est signalé (et le catalogue le dit)', async () => {
        expect(ruleDefinition('REF606').defaultOff).toBe(true);
        const { diagnostics } = await build({});
        expect(diagnostics).toEqual([]);
    });

    it('allumée : chaque mot inconnu, à sa place, avec les suggestions de Hunspell', async () => {
        const { diagnostics, document } = await build({ REF606: 'info' });
        const words = diagnostics.map(d => document.textDocument.getText(d.range));
        expect(words).toEqual(['qualite', 'scalable']);
        expect(diagnostics[0].message).toContain('« qualite » n\'est pas dans le dictionnaire français (« qualité »');
        expect(diagnostics[0].severity).toBe(3);
        expect(diagnostics[0].range.start).toEqual({ line: 1, character: bloc.split('\n')[1].indexOf('qualite') });
    });

    it('la liste de mots du dossier ou d\'un parent retire les mots justes', async () => {
        writeFileSync(path.join(folder, 'referentiel-mots.txt'), '# mots du métier\nscalable\n');
        try {
            const { diagnostics, document } = await build({ REF606: 'warning' });
            expect(diagnostics.map(d => document.textDocument.getText(d.range))).toEqual(['qualite']);
            expect(diagnostics[0].severity).toBe(2);
        } finally {
            rmSync(path.join(folder, 'referentiel-mots.txt'));
        }
    });

    it('correctifs : remplacer par une suggestion, ou ajouter le mot à referentiel-mots.txt (créé au besoin, sinon complété)', async () => {
        const { diagnostics, document, services } = await build({ REF606: 'info' });
        const scalable = diagnostics.find(d => document.textDocument.getText(d.range) === 'scalable')!;
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: scalable.range, context: { diagnostics: [scalable] }
        }) as CodeAction[];
        const add = actions.find(a => a.title === 'Ajouter « scalable » aux mots de l\'espace de travail (referentiel-mots.txt)');
        expect(add, actions.map(a => a.title).join(' | ')).toBeDefined();
        const wordList = URI.file(path.join(folder, 'ref', 'referentiel-mots.txt')).toString();
        expect(add!.edit!.documentChanges![0]).toEqual({ kind: 'create', uri: wordList, options: { ignoreIfExists: true } });
        expect(JSON.stringify(add!.edit!.documentChanges![1])).toContain('scalable\\n');
        const qualite = diagnostics.find(d => document.textDocument.getText(d.range) === 'qualite')!;
        const fixes = await services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: qualite.range, context: { diagnostics: [qualite] }
        }) as CodeAction[];
        expect(fixes[0].title).toBe('Remplacer par qualité');
        expect(fixes[0].edit!.changes![document.uri.toString()]).toEqual([{ range: qualite.range, newText: 'qualité' }]);

        // Une liste qui existe déjà est complétée à sa fin.
        writeFileSync(path.join(folder, 'ref', 'referentiel-mots.txt'), 'datalake');
        try {
            const again = await build({ REF606: 'info' });
            const diagnostic = again.diagnostics.find(d => again.document.textDocument.getText(d.range) === 'scalable')!;
            const list = await again.services.lsp.CodeActionProvider!.getCodeActions(again.document, {
                textDocument: { uri: again.document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
            }) as CodeAction[];
            const append = list.find(a => a.title.startsWith('Ajouter'))!;
            expect(append.edit!.documentChanges).toEqual([{
                textDocument: { uri: wordList, version: null },
                edits: [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 8 } }, newText: '\nscalable\n' }]
            }]);
        } finally {
            rmSync(path.join(folder, 'ref', 'referentiel-mots.txt'));
        }
    });
});

describe('REF606 sur les 12 fiches du registre importées (docs/rules.md)', () => {
    it('57 mots signalés, 33 distincts, dont les vraies fautes « implentation » et « developpeur »', async () => {
        const { readRncpExport } = await import('../../../language-server/src/interop/rncp-reader.js');
        const { ficheToRef } = await import('../../../language-server/src/interop/rncp-import.js');
        const { RNCP_EXPORT } = await import('../interop/interop-helpers.js');
        const { workspace } = await import('../../helpers.js');
        const fiches: Array<{ fileName: string; text: string }> = [];
        await readRncpExport(RNCP_EXPORT, { fiche: f => { fiches.push(ficheToRef(f)!); } });
        const ws = await workspace(Object.fromEntries(fiches.map(f => [f.fileName, f.text])), { rules: { REF606: 'info' } });
        const words = fiches.flatMap(f => ws.diagnostics(f.fileName).filter(d => d.code === 'REF606').map(d => /« ([^»]+) »/.exec(String(d.message))![1]));
        expect(words).toHaveLength(57);
        expect(new Set(words).size).toBe(33);
        expect(words).toEqual(expect.arrayContaining(['implentation', 'developpeur', 'rationnalisant']));
    }, 60_000);
});
