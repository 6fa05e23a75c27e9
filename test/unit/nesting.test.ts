import { DocumentState, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { findNestingViolation, NESTING_LIMITS } from '../../language-server/src/parser/nesting-guard.js';
import { workspace } from '../helpers.js';

/**
 * Aucun fichier ne fait tomber l'analyse : au-delà des limites d'imbrication, une seule erreur
 * REF001 claire, sur le jeton fautif ; en deçà, le fichier s'analyse et se vérifie sans exception
 * (avant : « Maximum call stack size exceeded », erreur interne en ligne de commande, serveur muet).
 */
const header = 'certification X "X" {\n}\n';
const condition = (expression: string): string => `${header}obtention {\n  épreuve E1 "Écrit" sur 20\n  condition "c" : ${expression}\n}\n`;
const nestedActivities = (depth: number): string =>
    `${header}bloc BC01 "B" {\n${Array.from({ length: depth }, (_, i) => `activité A${i} "a" {\n`).join('')}${'}\n'.repeat(depth)}}\n`;

async function diagnosticsOf(text: string) {
    const ws = await workspace({ 'x.ref': text });
    return ws.diagnostics('x.ref');
}

describe('limites d\'imbrication', () => {
    const beyond: Array<[string, string, RegExp, number]> = [
        // [cas, texte, message, ligne attendue (0-based)]
        ['76 parenthèses', condition(`${'('.repeat(76)}E1${')'.repeat(76)} >= 10`), /Plus de 32 parenthèses imbriquées/, 4],
        ['439 « non »', condition(`${'non '.repeat(439)}E1 >= 10`), /Plus de 32 « non » dans une condition/, 4],
        ['une chaîne de 3 872 termes', condition(`${Array(3872).fill('E1').join(' + ')} >= 10`), /Plus de 256 opérateurs dans une condition/, 4],
        ['226 activités imbriquées', nestedActivities(226), /Plus de 16 niveaux d'accolades imbriquées/, 18]
    ];
    for (const [name, text, message, line] of beyond) {
        it(`${name} : une seule erreur REF001, à sa place, qui dit quoi faire`, async () => {
            const diagnostics = await diagnosticsOf(text);
            expect(diagnostics.map(d => d.code)).toEqual(['REF001']);
            expect(diagnostics[0].message).toMatch(message);
            expect(diagnostics[0].range.start.line).toBe(line);
        });
    }

    const within: Array<[string, string]> = [
        ['32 parenthèses', condition(`${'('.repeat(32)}E1${')'.repeat(32)} >= 10`)],
        ['32 « non » entre 32 parenthèses', condition(`${'(non '.repeat(32)}E1 >= 10${')'.repeat(32)}`)],
        ['256 opérateurs', condition(`${Array(256).fill('E1').join(' + ')} >= 10`)]
    ];
    for (const [name, text] of within) {
        it(`${name} : le fichier s'analyse et se vérifie`, async () => {
            const diagnostics = await diagnosticsOf(text);
            expect(diagnostics.filter(d => d.code === 'REF001')).toEqual([]);
        });
    }

    it('16 niveaux d\'accolades : le fichier s\'analyse', async () => {
        const diagnostics = await diagnosticsOf(nestedActivities(15));
        expect(diagnostics.filter(d => d.code === 'REF001')).toEqual([]);
    });

    it('les textes et les commentaires ne comptent pas', () => {
        const many = '('.repeat(200);
        expect(findNestingViolation(`${header}// ${many}\n/* ${many} */\nnote "${many} \\" ${many}"\n`)).toBeUndefined();
        expect(findNestingViolation(`${'('.repeat(NESTING_LIMITS.parentheses + 1)}`)).toEqual({ limit: 'parentheses', offset: NESTING_LIMITS.parentheses, length: 1 });
    });

    it('les codes à tiret et les dates ne sont pas des opérateurs', () => {
        const codes = Array(400).fill('A1-1, 2024-06-28').join(' ');
        expect(findNestingViolation(`condition "c" : ${codes}`)).toBeUndefined();
    });

    it('linéaire : 10 Mo de parenthèses fermantes se parcourent d\'un coup', () => {
        expect(findNestingViolation(')'.repeat(10_000_000))).toBeUndefined();
    });
});

describe('un fichier en échec n\'arrête pas la construction', () => {
    it('une exception pendant le calcul des portées d\'un fichier : REF001 sur ce fichier, les autres vérifiés', async () => {
        const files = {
            'a.ref': `${header}bloc BC01 "B" {\n  compétence C1.1 "Analyser le besoin afin de le chiffrer"\n  modalité M1 "Étude de cas" {\n    évalue C1.1\n    critère CR1 "Le besoin est reformulé" vérifie C1.1\n  }\n}\nobtention {\n  bloc validé si 100 % des compétences acquises\n  condition "Tous les blocs" : tous les blocs validés\n}\n`,
            'b.ref': 'référentiel X\n'
        };
        const { services } = await workspace({});
        const scope = services.references.ScopeComputation;
        const original = scope.collectLocalSymbols.bind(scope);
        scope.collectLocalSymbols = async (document, token) => {
            if (document.uri.path.endsWith('/b.ref')) throw new Error('panne simulée');
            return original(document, token);
        };
        const documents = Object.entries(files).map(([name, text]) => {
            const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///ws2/${name}`));
            services.shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const [a, b] = documents;
        expect(a.state).toBe(DocumentState.Validated);
        expect((a.diagnostics ?? []).map(d => `${d.code} ${d.message}`)).toEqual([]);
        expect((b.diagnostics ?? []).map(d => d.code)).toEqual(['REF001']);
        expect(b.diagnostics![0].message).toMatch(/Erreur interne pendant le calcul des portées de ce fichier : panne simulée/);
    });
});

describe('fichiers abîmés : jamais d\'exception, l\'analyseur reste utilisable', () => {
    const unterminatedStrings = (lines: number): string =>
        `${header}bloc BC01 "b" {\n${Array.from({ length: lines }, (_, i) => `  compétence C1.${i + 1} "texte ${i + 1}\n`).join('')}`;
    const unterminatedComments = (lines: number): string => `${header}${'/* x\n'.repeat(lines)}`;

    it('des textes jamais refermés à chaque ligne : une erreur REF001, puis un fichier sain s\'analyse normalement', async () => {
        const ws = await workspace({ 'casse.ref': unterminatedStrings(3000), 'sain.ref': `${header}bloc BC01 "B" {\n  compétence C1.1 "Analyser le besoin afin de le chiffrer"\n}\n` });
        expect(ws.codes('casse.ref')).toEqual(['REF001']);
        expect(ws.diagnostics('casse.ref')[0].message).toMatch(/refermé/);
        expect(ws.codes('sain.ref')).not.toContain('REF001');
    });

    it('des commentaires jamais refermés : erreurs de syntaxe, aucune exception', async () => {
        const ws = await workspace({ 'casse.ref': unterminatedComments(3000) });
        expect(ws.codes('casse.ref').length).toBeGreaterThan(0);
        expect(new Set(ws.codes('casse.ref'))).toEqual(new Set(['REF001']));
    });
});
