import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run.js';

const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function folder(): string {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    return dir;
}

describe('referentiel new (nouveau)', () => {
    it('écrit l\'en-tête et un fichier par bloc, en forme, qui se relisent sans aucune remarque', () => {
        const out = path.join(folder(), 'data-ops');
        const r = runCli(['new', 'DATA-OPS', 'Data Ops : « l\'exploitation »', '--blocs', '3', '--out', out]);
        expect(r.stderr).toBe(`✔ Référentiel DATA-OPS créé dans ${out} : 4 fichiers (3 blocs). Remplacez les textes, puis : referentiel lint ${out}\n`);
        expect(r.code).toBe(0);
        expect(readdirSync(out).sort()).toEqual(['bc01.ref', 'bc02.ref', 'bc03.ref', 'data-ops.ref']);
        const header = readFileSync(path.join(out, 'data-ops.ref'), 'utf8');
        expect(header.split('\n')[0]).toBe('certification DATA-OPS "Data Ops : « l\'exploitation »" {');
        const bloc2 = readFileSync(path.join(out, 'bc02.ref'), 'utf8');
        expect(bloc2).toMatch(/^référentiel DATA-OPS\n\nbloc BC02 "Intitulé du bloc 2" \{\n    activité A2-1 /);
        expect(bloc2).toContain('        évalue C2.1\n        critère CR2.1.1 ');
        // Valide, sans erreur ni remarque (rédaction comprise), et déjà en forme.
        expect(runCli(['lint', out]).stdout).toBe('✔ Aucun problème (4 fichiers vérifiés).\n');
        expect(runCli(['format', '--check', out]).code).toBe(0);
    });

    it('« nouveau » est le même ; un code, un titre ou un nombre de blocs invalide : code 2, rien d\'écrit', () => {
        const base = folder();
        const cases: Array<[string[], RegExp]> = [
            [['nouveau', 'C 1', 'Titre', '--out', path.join(base, 'a')], /« C 1 » ne peut pas servir de code de certification/],
            [['nouveau', 'bloc', 'Titre', '--out', path.join(base, 'b')], /« bloc » ne peut pas servir de code/],
            [['new', 'X', '  ', '--out', path.join(base, 'c')], /Le titre de la certification est vide/],
            [['new', 'X', 'Titre', '--blocs', '0', '--out', path.join(base, 'd')], /Nombre de blocs invalide « 0 » : un entier de 1 à 30\./],
            [['new', 'X', 'Titre', '--blocs', 'trois', '--out', path.join(base, 'e')], /Nombre de blocs invalide « trois »/]
        ];
        for (const [args, message] of cases) {
            const r = runCli(args);
            expect(r.code, args.join(' ')).toBe(2);
            expect(r.stderr).toMatch(message);
        }
        expect(readdirSync(base)).toEqual([]);
    });

    it('ne remplace pas un fichier existant sans --force', () => {
        const out = folder();
        writeFileSync(path.join(out, 'bc01.ref'), '// complété à la main\n');
        const r = runCli(['new', 'X', 'Titre', '--out', out]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('contient déjà bc01.ref : rien n\'a été écrit');
        expect(readFileSync(path.join(out, 'bc01.ref'), 'utf8')).toBe('// complété à la main\n');
        expect(existsSync(path.join(out, 'x.ref'))).toBe(false);
        expect(runCli(['new', 'X', 'Titre', '--out', out, '--force']).code).toBe(0);
        expect(readFileSync(path.join(out, 'bc01.ref'), 'utf8')).toMatch(/^référentiel X\n/);
    });
});
