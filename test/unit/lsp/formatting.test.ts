import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { AstUtils, EmptyFileSystem, URI, type AstNode } from 'langium';
import { expectFormatting } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { computeFormattingEdits, formatDocumentText } from '../../../language-server/src/formatting/formatter.js';
import { createReferentielServices } from '../../../language-server/src/referentiel-module.js';
import { exampleFiles, refBlocks } from '../rules/util.js';

const ROOT = path.resolve(__dirname, '../../..');
const { Referentiel: services } = createReferentielServices(EmptyFileSystem);
let counter = 0;

function parse(text: string) {
    return services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///format/${counter++}.ref`));
}

function format(text: string): string | undefined {
    return formatDocumentText(services, parse(text));
}

/** Le contenu d'un document : chaque nœud, ses valeurs (textes, codes, nombres) et ses références. */
function content(text: string): string[] {
    const root = parse(text).parseResult.value;
    const result: string[] = [];
    for (const node of AstUtils.streamAst(root)) {
        const values = Object.entries(node)
            .filter(([key]) => !key.startsWith('$'))
            .map(([key, value]) => {
                const show = (v: unknown): string => v && typeof v === 'object' && '$refText' in (v as object)
                    ? `@${(v as { $refText: string }).$refText}`
                    : v && typeof v === 'object' ? `[${(v as AstNode).$type}]` : JSON.stringify(v);
                return `${key}=${Array.isArray(value) ? value.map(show).join(',') : show(value)}`;
            });
        result.push(`${node.$type}(${values.join(' ')})`);
    }
    return result;
}

function comments(text: string): string[] {
    return services.parser.Lexer.tokenize(text).hidden.map(t => t.image);
}

function refFiles(dir: string): string[] {
    const result: string[] = [];
    const walk = (d: string): void => {
        let entries: string[];
        try { entries = readdirSync(d); } catch { return; }
        for (const name of entries) {
            const full = path.join(d, name);
            if (statSync(full).isDirectory()) walk(full);
            else if (name.endsWith('.ref')) result.push(full);
        }
    };
    walk(dir);
    return result.sort();
}

describe('mise en forme', () => {
    it('remet en forme un texte désordonné : indentation de 4, un élément par ligne, espaces normalisées', () => {
        const before = [
            '   /* Référentiel,',
            '      transcrit. */',
            'certification DE "Data Engineer" { // niveau 7',
            '  niveau 7 rncp RNCP35419',
            '    utilise   TR',
            '}',
            'bloc BC01 "Collecter" { validé si 80% des compétences acquises',
            '  activité A1-1 "Analyse" activité A1-2 "Rédaction"',
            'compétence C1.1 "Analyser" issue de A1-1 ,A1-2 note "n1"',
            '        note "n2"',
            '  modalité M1 "Mise" { nature "mise en situation" seul évalue C1.1,C1.2',
            '   consigne "Le candidat :',
            '         1 - lister ;',
            '            a) sous-point',
            '         2 - identifier."',
            '        critère CR1.1 "Les besoins" vérifie C1.1 éliminatoire // fin',
            '',
            '',
            '        critère CR1.2 "Autre"',
            '            vérifie C1.1',
            '  }',
            '  compétence C1.2 "Deux"   /* en ligne */',
            '}',
            'obtention{bloc validé si 100 % des compétences acquises',
            'épreuve memoire "Mémoire" sur 20 épreuve soutenance "Soutenance" sur 20 mesure periode "P" en mois',
            'condition "A":moyenne(memoire,soutenance)>=10 et max(10,5) = 10,5',
            'condition C2 "B" : moyenne pondérée( memoire coef 2 , soutenance coef 1 ) ≥ 10 et non ( memoire < 5 ) et periode >= 6 mois',
            'blocs acquis à vie aménagement valable 1 an ou temporaire }',
            '// fin du fichier'
        ].join('\n');
        const after = [
            '/* Référentiel,',
            '      transcrit. */',
            'certification DE "Data Engineer" { // niveau 7',
            '    niveau 7',
            '    rncp RNCP35419',
            '    utilise TR',
            '}',
            '',
            'bloc BC01 "Collecter" {',
            '    validé si 80 % des compétences acquises',
            '    activité A1-1 "Analyse"',
            '    activité A1-2 "Rédaction"',
            '    compétence C1.1 "Analyser" issue de A1-1, A1-2',
            '        note "n1"',
            '        note "n2"',
            '    modalité M1 "Mise" {',
            '        nature "mise en situation"',
            '        seul',
            '        évalue C1.1, C1.2',
            '        consigne "Le candidat :',
            '                  1 - lister ;',
            '                     a) sous-point',
            '                  2 - identifier."',
            '        critère CR1.1 "Les besoins" vérifie C1.1 éliminatoire // fin',
            '',
            '        critère CR1.2 "Autre"',
            '            vérifie C1.1',
            '    }',
            '    compétence C1.2 "Deux" /* en ligne */',
            '}',
            '',
            'obtention {',
            '    bloc validé si 100 % des compétences acquises',
            '    épreuve memoire "Mémoire" sur 20',
            '    épreuve soutenance "Soutenance" sur 20',
            '    mesure periode "P" en mois',
            // « max(10,5) » est un seul argument, le nombre 10,5 : la virgule décimale est gardée.
            '    condition "A" : moyenne(memoire, soutenance) >= 10 et max(10,5) = 10,5',
            '    condition C2 "B" : moyenne pondérée(memoire coef 2, soutenance coef 1) ≥ 10 et non (memoire < 5) et periode >= 6 mois',
            '    blocs acquis à vie',
            '    aménagement valable 1 an ou temporaire',
            '}',
            '',
            '// fin du fichier',
            ''
        ].join('\n');
        expect(format(before)).toBe(after);
        expect(format(after)).toBe(after);
        expect(content(after)).toEqual(content(before));
        expect(comments(after)).toEqual(comments(before));
    });

    it('« compétence acquise si … » après « bloc validé si … » : une ligne à elle, au niveau des autres clauses d\'obtention', () => {
        const before = [
            'certification X "X"',
            'obtention {',
            '    bloc validé si 100 % des compétences acquises compétence acquise si 80 % des critères satisfaits',
            '            condition "Blocs" : tous les blocs validés',
            '}'
        ].join('\n');
        const after = [
            'certification X "X"',
            '',
            'obtention {',
            '    bloc validé si 100 % des compétences acquises',
            '    compétence acquise si 80 % des critères satisfaits',
            '    condition "Blocs" : tous les blocs validés',
            '}',
            ''
        ].join('\n');
        expect(format(before)).toBe(after);
        // Déjà en forme : rien ne bouge (avant la correction, la clause restait indentée d'un niveau de trop).
        expect(format(after)).toBe(after);
        expect(content(after)).toEqual(content(before));
    });

    it('une ligne vide avant un bloc, avant les commentaires qui le précèdent ; les commentaires en fin de ligne restent', () => {
        const before = 'certification X "X"\n// Bloc 1\nbloc BC01 "B" {\n    compétence C1.1 "c" // fin\n    // avant la fin\n} // bloc 1\n/* a */ bloc BC02 "C" { compétence C2.1 "d" }';
        const after = 'certification X "X"\n\n// Bloc 1\nbloc BC01 "B" {\n    compétence C1.1 "c" // fin\n    // avant la fin\n} // bloc 1\n\n/* a */\nbloc BC02 "C" {\n    compétence C2.1 "d"\n}\n';
        expect(format(before)).toBe(after);
        expect(format(after)).toBe(after);
        // Dans un socle, les compétences de premier niveau ne sont pas séparées par des lignes vides.
        expect(format('socle S "S"\nactivité A1 "a"\ncompétence C1 "c"\n\n\n\ncompétence C2 "d"')).toBe('socle S "S"\nactivité A1 "a"\ncompétence C1 "c"\n\ncompétence C2 "d"\n');
    });

    it('garde les fins de ligne CRLF d\'un fichier', () => {
        const text = 'certification X "X" {\r\nniveau 7 }\r\nbloc BC01 "B" {\r\n compétence C1.1 "a\r\n     b"\r\n}';
        expect(format(text)).toBe('certification X "X" {\r\n    niveau 7\r\n}\r\n\r\nbloc BC01 "B" {\r\n    compétence C1.1 "a\r\n                     b"\r\n}\r\n');
    });

    it('ne change rien à un fichier déjà en forme (aucune modification proposée)', () => {
        const text = readFileSync(path.join(ROOT, 'test/fixtures/cli/decoupe/bloc2.ref'), 'utf8');
        expect(computeFormattingEdits(services, parse(text))).toEqual([]);
    });

    it('refuse un fichier qui a des erreurs de syntaxe', () => {
        expect(format('certification X "X"\nbloc BC01 "B" {\n    compétence C1.1\n}\n')).toBeUndefined();
        expect(format('certification X "X"\nbloc BC01 "B" { # }\n')).toBeUndefined();
    });

    it('un fichier vide reste vide ; un fichier de commentaires garde ses commentaires', () => {
        expect(format('')).toBeUndefined(); // pas d'en-tête : erreur de syntaxe
        expect(format('// seul\ncertification X "X"   // fin')).toBe('// seul\ncertification X "X" // fin\n');
    });

    it('avec expectFormatting (langium/test), document entier et sélection', async () => {
        await expectFormatting(services)({
            before: 'certification X "X"\nbloc BC01 "B" {\ncompétence C1.1 "c"   issue de A1\n  activité A1 "a"\n}\n',
            after: 'certification X "X"\n\nbloc BC01 "B" {\n    compétence C1.1 "c" issue de A1\n    activité A1 "a"\n}\n',
            disposeAfterCheck: true
        });
        // Sélection de la seule ligne 3 : seules ses espaces changent.
        await expectFormatting(services)({
            before: 'certification X "X"\nbloc BC01 "B" {\ncompétence C1.1 "c"   issue de A1\n  activité A1 "a"\n}\n',
            after: 'certification X "X"\nbloc BC01 "B" {\n    compétence C1.1 "c" issue de A1\n  activité A1 "a"\n}\n',
            range: { start: { line: 2, character: 0 }, end: { line: 2, character: 34 } },
            disposeAfterCheck: true
        });
    });
});

describe('mise en forme de chaque fichier .ref du dépôt : idempotente, sans perte', () => {
    const files = [...refFiles(path.join(ROOT, 'samples')), ...refFiles(path.join(ROOT, 'test/fixtures'))];
    const docs = refBlocks(readFileSync(path.join(ROOT, 'docs/language.md'), 'utf8'))
        .flatMap(block => Object.entries(exampleFiles(block.code)).map(([name, text]) => ({ name: `docs/language.md:${block.line}:${name}`, text })));
    const cases = [
        ...files.map(file => ({ name: path.relative(ROOT, file), text: readFileSync(file, 'utf8').replace(/^\uFEFF/, '') })),
        ...docs
    ];

    it('trouve des fichiers à vérifier', () => {
        expect(files.length).toBeGreaterThanOrEqual(8);
        expect(docs.length).toBeGreaterThanOrEqual(15);
    });

    for (const { name, text } of cases) {
        it(name, () => {
            const document = parse(text);
            const broken = document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length > 0;
            const once = formatDocumentText(services, document);
            if (broken) {
                // Un fichier d'erreurs de syntaxe (fixture voulue) n'est pas formaté.
                expect(once).toBeUndefined();
                return;
            }
            expect(once).toBeDefined();
            expect(format(once!)).toBe(once);
            expect(content(once!)).toEqual(content(text));
            expect(comments(once!)).toEqual(comments(text));
            // Aucun caractère perdu : seules des espaces changent.
            expect(once!.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        });
    }
});
