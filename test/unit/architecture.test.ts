import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Le graphe des importations suit les couches d'ARCHITECTURE.md (« Couches et dépendances
 * permises ») : chaque fichier .ts de language-server/src et extension/src est lu avec
 * l'analyseur de TypeScript, chaque importation (statique, `export … from`, `import()`) est
 * classée, et toute importation interdite fait échouer le test en nommant le fichier et
 * l'importation. Une importation `import type` (effacée à la construction) est permise vers le
 * haut dans deux cas seulement : les services (`referentiel-module.ts`, l'injection de
 * dépendances de Langium) et les types des résultats d'évaluation (`protocol/` → `evaluation/types.ts`).
 */
const ROOT = path.resolve(__dirname, '../..');
const SERVER = path.join(ROOT, 'language-server', 'src');
const EXTENSION = path.join(ROOT, 'extension', 'src');

/** Le rang de chaque dossier (ou fichier) de language-server/src : on n'importe que vers un rang inférieur ou égal. */
export const LAYERS: Readonly<Record<string, number>> = {
    'generated': 0, 'i18n': 0, 'codes.ts': 0, 'version.ts': 0, 'protocol': 0, 'common': 0,
    // Déclaration des fichiers Markdown embarqués comme texte (aucune importation).
    'text-modules.d.ts': 0,
    'parser': 1, 'workspace': 1, 'formatting': 1,
    'model': 2, 'references': 2,
    'validation': 3,
    'fixes': 4, 'export': 4, 'evaluation': 4, 'interop': 4,
    'core': 5,
    'lsp': 6,
    // La racine de composition : assemble les services (ceux de lsp/ compris).
    'referentiel-module.ts': 7,
    'server': 8, 'cli': 8
};

/** Les importations interdites en plus des rangs (de → vers). */
const FORBIDDEN: ReadonlyArray<readonly [string, string, string]> = [
    ['cli', 'lsp', 'la ligne de commande passe par core/, pas par le serveur'],
    ['cli', 'server', 'deux points d\'entrée indépendants'],
    ['server', 'cli', 'deux points d\'entrée indépendants']
];

/** Qui peut importer la racine de composition à l'exécution (les autres : `import type` seulement). */
const COMPOSITION_USERS = new Set(['core', 'server', 'cli']);

interface ImportRef {
    readonly file: string;
    readonly specifier: string;
    readonly typeOnly: boolean;
    readonly line: number;
}

function tsFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return tsFiles(full);
        return entry.isFile() && entry.name.endsWith('.ts') ? [full] : [];
    });
}

/** Les importations d'un fichier, avec leur nature (effacée ou non à la construction). */
export function importsOf(file: string, text = readFileSync(file, 'utf8')): ImportRef[] {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const found: ImportRef[] = [];
    const add = (node: ts.Node, specifier: ts.Expression | undefined, typeOnly: boolean): void => {
        if (specifier && ts.isStringLiteralLike(specifier)) {
            found.push({ file, specifier: specifier.text, typeOnly, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
        }
    };
    const visit = (node: ts.Node): void => {
        if (ts.isImportDeclaration(node)) {
            const clause = node.importClause;
            const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
            const typeOnly = clause !== undefined && (clause.isTypeOnly
                || (!clause.name && named !== undefined && named.length > 0 && named.every(e => e.isTypeOnly)));
            add(node, node.moduleSpecifier, typeOnly);
        } else if (ts.isExportDeclaration(node)) {
            const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
            add(node, node.moduleSpecifier, node.isTypeOnly || (named !== undefined && named.length > 0 && named.every(e => e.isTypeOnly)));
        } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
            add(node, node.moduleReference.expression, node.isTypeOnly);
        } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
            add(node, node.arguments[0], false);
        } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
            add(node, node.argument.literal, true);
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
}

/** Le dossier (ou fichier) de premier niveau de language-server/src d'un chemin, sinon undefined. */
function unitOf(file: string): string | undefined {
    const relative = path.relative(SERVER, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return relative.split(path.sep)[0];
}

/** Les importations interdites, une ligne lisible chacune : « fichier:ligne → 'spécifieur' : raison ». */
export function violations(refs: readonly ImportRef[]): string[] {
    const problems: string[] = [];
    for (const ref of refs) {
        const shown = `${path.relative(ROOT, ref.file).split(path.sep).join('/')}:${ref.line} → '${ref.specifier}'`;
        const inExtension = !path.relative(EXTENSION, ref.file).startsWith('..');
        if (!inExtension && (ref.specifier === 'vscode' || ref.specifier.startsWith('vscode/'))) {
            problems.push(`${shown} : language-server/src tourne sous Node seul, jamais 'vscode'`);
            continue;
        }
        if (unitOf(ref.file) === 'common' && !ref.specifier.startsWith('node:') && !ref.specifier.startsWith('.')) {
            problems.push(`${shown} : common/ n'importe que des modules de Node (node:*)`);
            continue;
        }
        if (!ref.specifier.startsWith('.')) continue;
        const target = path.resolve(path.dirname(ref.file), ref.specifier.replace(/\.js$/, '.ts'));
        const to = unitOf(target);
        if (inExtension) {
            if (to !== undefined && to !== 'protocol' && to !== 'common') {
                problems.push(`${shown} : l'extension n'importe du serveur que le contrat partagé (protocol/) et les outils sans dépendance (common/)`);
            }
            continue;
        }
        const from = unitOf(ref.file);
        if (from === undefined || to === undefined || from === to) continue;
        if (!(from in LAYERS)) { problems.push(`${shown} : dossier « ${from} » absent des couches (ARCHITECTURE.md et ce test)`); continue; }
        if (!(to in LAYERS)) { problems.push(`${shown} : dossier « ${to} » absent des couches (ARCHITECTURE.md et ce test)`); continue; }
        if (from === 'protocol' && !ref.typeOnly) {
            problems.push(`${shown} : protocol/ n'a aucune importation à l'exécution (seulement import type)`);
            continue;
        }
        if (from === 'common') {
            problems.push(`${shown} : common/ n'importe rien du projet (seulement node:*)`);
            continue;
        }
        const forbidden = FORBIDDEN.find(([a, b]) => a === from && b === to);
        if (forbidden) { problems.push(`${shown} : ${from}/ n'importe pas ${to}/ (${forbidden[2]})`); continue; }
        if (to === 'referentiel-module.ts') {
            if (!ref.typeOnly && !COMPOSITION_USERS.has(from)) {
                problems.push(`${shown} : seuls core/, server/ et cli/ créent les services ; ailleurs, import type`);
            }
            continue;
        }
        const upward = LAYERS[to] > LAYERS[from];
        const allowedType = ref.typeOnly && from === 'protocol' && path.relative(SERVER, target).split(path.sep).join('/') === 'evaluation/types.ts';
        if (upward && !allowedType) {
            problems.push(`${shown} : ${from}/ (couche ${LAYERS[from]}) n'importe pas ${to}/ (couche ${LAYERS[to]})`);
        }
    }
    return problems;
}

describe('architecture : les couches de language-server/src et de l\'extension', () => {
    const files = [...tsFiles(SERVER), ...tsFiles(EXTENSION)];

    it('chaque dossier de language-server/src a sa couche (et figure dans ARCHITECTURE.md)', () => {
        const units = readdirSync(SERVER).filter(name => name.endsWith('.ts') || !name.includes('.'));
        expect(units.filter(u => !(u in LAYERS))).toEqual([]);
        const architecture = readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');
        const diagram = architecture.slice(architecture.indexOf('## Couches'), architecture.indexOf('## Noms'));
        expect(diagram.length).toBeGreaterThan(0);
        expect(units.filter(u => !diagram.includes(u.endsWith('.ts') ? u : `${u}/`))).toEqual([]);
    });

    it('aucune importation interdite', () => {
        const problems = violations(files.flatMap(file => importsOf(file)));
        if (problems.length > 0) console.error('Importations interdites :\n' + problems.join('\n'));
        expect(problems).toEqual([]);
    });

    it('reconnaît une importation interdite (le test sait échouer)', () => {
        const at = (relative: string, text: string) => importsOf(path.join(ROOT, relative), text);
        expect(violations(at('language-server/src/lsp/x.ts', "import { UsageError } from '../cli/errors.js';"))).toEqual([
            "language-server/src/lsp/x.ts:1 → '../cli/errors.js' : lsp/ (couche 6) n'importe pas cli/ (couche 8)"
        ]);
        expect(violations(at('language-server/src/core/x.ts', "import type { X } from '../lsp/commands.js';"))).toHaveLength(1);
        expect(violations(at('language-server/src/model/x.ts', "const v = await import('vscode');"))).toHaveLength(1);
        expect(violations(at('language-server/src/protocol/x.ts', "import { msg } from '../i18n/messages.js';"))).toHaveLength(1);
        expect(violations(at('language-server/src/common/x.ts', "import type { Locale } from '../i18n/locale.js';"))).toHaveLength(1);
        expect(violations(at('extension/src/x.ts', "import { escapeHtml } from '../../language-server/src/common/markup.js';"))).toEqual([]);
        expect(violations(at('extension/src/x.ts', "import type { EvaluationResult } from '../../language-server/src/evaluation/types.js';"))).toHaveLength(1);
        expect(violations(at('extension/src/x.ts', "import { SERVER_COMMANDS } from '../../language-server/src/protocol/commands.js';"))).toEqual([]);
        expect(violations(at('language-server/src/validation/x.ts', "import type { ReferentielServices } from '../referentiel-module.js';"))).toEqual([]);
        expect(violations(at('language-server/src/validation/x.ts', "import { createReferentielServices } from '../referentiel-module.js';"))).toHaveLength(1);
    });
});
