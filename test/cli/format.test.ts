import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempCopy, tempDir } from './run.js';

/**
 * `referentiel format` lancé comme un utilisateur : réécrit les fichiers mal mis en forme (d'un
 * coup), liste ceux qui ont changé ; `--check` ne fait que lister (code 1) ; un fichier qui a une
 * erreur de syntaxe n'est pas touché et le message dit où (code 2).
 */
const MESSY = 'certification M "Mal mis en forme" {\nniveau 6 }\nbloc BC01 "B" {\n  compétence C1.1 "Un"   issue de A1\n  activité A1 "a"\n      modalité M1 "m" { évalue C1.1 critère CR1 "c" vérifie C1.1 }\n}\nobtention { condition "c":tous les blocs validés }\n';
const MESSY_FORMATTED = 'certification M "Mal mis en forme" {\n    niveau 6\n}\n\nbloc BC01 "B" {\n    compétence C1.1 "Un" issue de A1\n    activité A1 "a"\n    modalité M1 "m" {\n        évalue C1.1\n        critère CR1 "c" vérifie C1.1\n    }\n}\n\nobtention {\n    condition "c" : tous les blocs validés\n}\n';
const BROKEN = 'certification Z "Z"\nbloc BC01 "B" {\n    compétence C1.1\n}\n';

let cleanups: Array<() => void> = [];
afterEach(() => {
    for (const cleanup of cleanups) cleanup();
    cleanups = [];
});

function folder(files: Record<string, string>): string {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
}

describe('referentiel format', () => {
    it('réécrit les fichiers qui ne sont pas en forme et les liste ; code 0', () => {
        const clean = readFileSync(path.resolve(__dirname, '../fixtures/cli/decoupe/bloc2.ref'), 'utf8');
        const dir = folder({ 'mal.ref': MESSY, 'propre.ref': clean.replace('référentiel DECOUPE', 'certification P "P"') });
        const result = runCli(['format', '.'], { cwd: dir });
        expect(result.stderr).toBe('');
        expect(result.stdout).toBe('formaté : mal.ref\n1 fichier formaté, 1 déjà en forme.\n');
        expect(result.code).toBe(0);
        expect(readFileSync(path.join(dir, 'mal.ref'), 'utf8')).toBe(MESSY_FORMATTED);
        // Aucun fichier temporaire ne reste.
        expect(readdirSync(dir).sort()).toEqual(['mal.ref', 'propre.ref']);
        // Une deuxième passe ne change plus rien.
        const again = runCli(['format', '.'], { cwd: dir });
        expect(again.stdout).toBe('0 fichier formaté, 2 déjà en forme.\n');
    });

    it('--check liste les fichiers à mettre en forme sans rien écrire ; code 1', () => {
        const dir = folder({ 'mal.ref': MESSY, 'bien.ref': MESSY_FORMATTED.replace('certification M', 'certification N') });
        const result = runCli(['format', '--check', 'mal.ref', 'bien.ref'], { cwd: dir });
        expect(result.stdout).toBe('à mettre en forme : mal.ref\n1 fichier n\'est pas en forme : lancez « referentiel format mal.ref bien.ref ».\n');
        expect(result.code).toBe(1);
        expect(readFileSync(path.join(dir, 'mal.ref'), 'utf8')).toBe(MESSY);
    });

    it('--check : code 0 quand tout est en forme', () => {
        const dir = folder({ 'bien.ref': MESSY_FORMATTED });
        const result = runCli(['format', '--check', dir]);
        expect(result.stdout).toBe('1 fichier déjà en forme.\n');
        expect(result.code).toBe(0);
    });

    it('refuse un fichier qui a une erreur de syntaxe, dit où, met quand même les autres en forme ; code 2', () => {
        const dir = folder({ 'casse.ref': BROKEN, 'mal.ref': MESSY });
        const result = runCli(['format', '.'], { cwd: dir });
        expect(result.stderr).toBe(
            'casse.ref:4:1 : erreur de syntaxe — On attend un texte entre guillemets "…", pas « } ». Ce fichier n\'est pas mis en forme ; corrigez d\'abord l\'erreur (referentiel lint casse.ref).\n'
            + '1 fichier n\'a pas pu être mis en forme.\n');
        expect(result.stdout).toBe('formaté : mal.ref\n1 fichier formaté, 0 déjà en forme.\n');
        expect(result.code).toBe(2);
        expect(readFileSync(path.join(dir, 'casse.ref'), 'utf8')).toBe(BROKEN);
        expect(readFileSync(path.join(dir, 'mal.ref'), 'utf8')).toBe(MESSY_FORMATTED);
    });

    it('un caractère inattendu est une erreur de syntaxe (lexicale) avec sa position', () => {
        const dir = folder({ 'casse.ref': 'certification Z "Z"\nbloc BC01 "B" {\n    compétence C1.1 "x" # commentaire\n}\n' });
        const result = runCli(['format', '--check', '.'], { cwd: dir });
        expect(result.stderr).toContain('casse.ref:3:25 : erreur de syntaxe — Caractère inattendu « # ».');
        expect(result.code).toBe(2);
    });

    it('garde le BOM et les fins de ligne CRLF d\'un fichier', () => {
        const dir = folder({ 'crlf.ref': '\uFEFF' + MESSY.replace(/\n/g, '\r\n') });
        const result = runCli(['format', 'crlf.ref'], { cwd: dir });
        expect(result.code).toBe(0);
        expect(readFileSync(path.join(dir, 'crlf.ref'), 'utf8')).toBe('\uFEFF' + MESSY_FORMATTED.replace(/\n/g, '\r\n'));
    });

    it('erreurs d\'usage : chemin introuvable, fichier qui n\'est pas un .ref ; code 2', () => {
        const missing = runCli(['format', 'nulle-part.ref']);
        expect(missing.stderr).toBe('nulle-part.ref : fichier ou dossier introuvable. Vérifiez le chemin.\n');
        expect(missing.code).toBe(2);
        const none = runCli(['format']);
        expect(none.code).toBe(2);
        expect(none.stderr).toContain('format');
    });

    it('en anglais avec --locale en', () => {
        const dir = folder({ 'mal.ref': MESSY });
        const result = runCli(['--locale', 'en', 'format', '--check', '.'], { cwd: dir });
        expect(result.stdout).toBe('needs formatting: mal.ref\n1 file is not formatted: run "referentiel format .".\n');
    });

    it('les fichiers de l\'échantillon et des fixtures sont déjà en forme', () => {
        const { dir, cleanup } = tempCopy('samples');
        cleanups.push(cleanup);
        const result = runCli(['format', '--check', dir]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
    });
});
