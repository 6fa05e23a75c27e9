import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, useCleanups } from './run.js';

const { temp } = useCleanups();

const EXPORT = path.join(ROOT, 'test', 'fixtures', 'interop', 'rncp', 'export_fiches_RNCP_V4_1_12fiches.xml');
describe('referentiel import rncp', () => {
    it('--all : un .ref par fiche, un résumé ; les fichiers se vérifient sans erreur', () => {
        const dir = temp();
        const out = path.join(dir, 'fiches');
        const r = runCli(['import', 'rncp', EXPORT, '--all', '--out', out]);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain(`✔ 12 fiches importées dans ${out} : 53 blocs, 322 compétences retrouvées, dont 232 sans code dans la fiche (codes générés C<bloc>.<n>).`);
        expect(r.stderr).toContain('  182 activités, dont 25 intitulés de regroupement de compétences ; 110 modalités ; 2 compétences qui semblent en contenir deux (note « À vérifier »).');
        expect(r.stderr).toContain('Le registre ne donne ni critères d\'évaluation ni règles d\'obtention');
        // Pas de barre de progression hors d'un terminal.
        expect(r.stderr).not.toContain('|');
        const files = readdirSync(out);
        expect(files).toEqual([
            'RNCP34762.ref', 'RNCP35419.ref', 'RNCP35625.ref', 'RNCP35809.ref', 'RNCP35959.ref', 'RNCP36490.ref',
            'RNCP36612.ref', 'RNCP37488.ref', 'RNCP37674.ref', 'RNCP37873.ref', 'RNCP39568.ref', 'RNCP40344.ref'
        ]);
        // Aucun dossier de préparation laissé derrière.
        expect(readdirSync(dir)).toEqual(['fiches']);
        const lint = runCli(['lint', out, '--format', 'json']);
        expect(lint.code, lint.stdout).toBe(0);
        const report = JSON.parse(lint.stdout);
        const errors = report.fichiers.flatMap((f: { diagnostics: Array<{ severite: string }> }) => f.diagnostics.filter(d => d.severite === 'error'));
        expect(errors).toEqual([]);
        // Déjà mis en forme : `referentiel format --check` n'a rien à redire.
        const check = runCli(['format', '--check', out]);
        expect(check.code, check.stdout + check.stderr).toBe(0);
        // Déterministe : un second import donne les mêmes octets.
        const again = path.join(dir, 'encore');
        expect(runCli(['import', 'rncp', EXPORT, '--all', '--out', again]).code).toBe(0);
        for (const name of files) expect(readFileSync(path.join(again, name), 'utf8')).toBe(readFileSync(path.join(out, name), 'utf8'));
    });

    it('--fiche (répétable) : seulement les fiches demandées', () => {
        const out = path.join(temp(), 'deux');
        const r = runCli(['import', 'rncp', EXPORT, '--fiche', 'RNCP37674', '--fiche', 'RNCP35419', '--out', out]);
        expect(r.code, r.stderr).toBe(0);
        expect(readdirSync(out)).toEqual(['RNCP35419.ref', 'RNCP37674.ref']);
        expect(r.stderr).toContain('✔ 2 fiches importées');
        expect(readFileSync(path.join(out, 'RNCP37674.ref'), 'utf8')).toMatch(/^\/\/ Importé de la fiche RNCP37674/);
    });

    it('un export trop profond : code 2, fichier, ligne, colonne et conseil, rien d\'écrit', () => {
        const dir = temp();
        const xml = path.join(dir, 'profond.xml');
        writeFileSync(xml, `<FICHES>\n<FICHE>${'<X>'.repeat(100_000)}${'</X>'.repeat(100_000)}</FICHE></FICHES>\n`);
        const out = path.join(dir, 'rien');
        const r = runCli(['import', 'rncp', xml, '--all', '--out', out]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`${xml}:2:`);
        expect(r.stderr).toContain('plus de 64 niveaux d\'éléments imbriqués. Refusé : un export RNCP en a moins de dix');
        expect(r.stderr).toContain('Rien n\'a été écrit.');
        expect(existsSync(out)).toBe(false);
    });

    it('fiche inconnue : code 2, « vouliez-vous dire », rien d\'écrit', () => {
        const dir = temp();
        const out = path.join(dir, 'rien');
        const r = runCli(['import', 'rncp', EXPORT, '--fiche', 'RNCP35419', '--fiche', 'RNCP35418', '--out', out]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`La fiche RNCP35418 n'est pas dans ${EXPORT} (12 fiches lues) : rien n'a été écrit. Vouliez-vous dire RNCP35419`);
        expect(existsSync(out)).toBe(false);
        expect(readdirSync(dir)).toEqual([]);
    });

    it('« --fiche 40344 » : code 2, « vouliez-vous dire RNCP40344 », rien d\'écrit', () => {
        const dir = temp();
        const out = path.join(dir, 'rien');
        const r = runCli(['import', 'rncp', EXPORT, '--fiche', '40344', '--out', out]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('La fiche 40344 n\'est pas dans');
        expect(r.stderr).toContain('Vouliez-vous dire RNCP40344 ?');
        expect(existsSync(out)).toBe(false);
    });

    it('un fichier qui ne contient qu\'une fiche s\'importe sans --all ; plusieurs fiches : code 2, rien d\'écrit', () => {
        const dir = temp();
        const source = readFileSync(EXPORT, 'utf8');
        // La fiche RNCP37674 seule, dans son enveloppe FICHES.
        const start = source.lastIndexOf('<FICHE>', source.indexOf('<NUMERO_FICHE>RNCP37674'));
        const end = source.indexOf('</FICHE>', start) + '</FICHE>'.length;
        const one = path.join(dir, 'une.xml');
        writeFileSync(one, source.slice(0, source.indexOf('<FICHE>')) + source.slice(start, end) + '\n</FICHES>\n');
        const out = path.join(dir, 'une');
        const r = runCli(['import', 'rncp', one, '--out', out]);
        expect(r.code, r.stderr).toBe(0);
        expect(readdirSync(out)).toEqual(['RNCP37674.ref']);
        expect(r.stderr).toContain('✔ 1 fiche importée');
        const several = runCli(['import', 'rncp', EXPORT, '--out', path.join(dir, 'toutes')]);
        expect(several.code).toBe(2);
        expect(several.stderr).toContain(`${EXPORT} contient 12 fiches : rien n'a été écrit.`);
        expect(existsSync(path.join(dir, 'toutes'))).toBe(false);
    });

    it('XML mal formé : fichier:ligne:colonne, code 2, rien d\'écrit (même les fiches lues avant l\'erreur)', () => {
        const dir = temp();
        const source = readFileSync(EXPORT, 'utf8');
        // Tronqué au milieu de la quatrième fiche : trois fiches complètes ont déjà été lues.
        const cut = source.indexOf('<FICHE>', source.indexOf('RNCP35625')) + 2000;
        const broken = path.join(dir, 'casse.xml');
        writeFileSync(broken, source.slice(0, cut));
        const out = path.join(dir, 'fiches');
        const r = runCli(['import', 'rncp', broken, '--all', '--out', out]);
        expect(r.code).toBe(2);
        const line = source.slice(0, cut).split('\n').length;
        expect(r.stderr).toMatch(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+ : XML mal formé \\(.+\\)\\. Rien n'a été écrit\\.`));
        expect(existsSync(out)).toBe(false);
        expect(readdirSync(dir)).toEqual(['casse.xml']);
    });

    it('entités déclarées (billion laughs, XXE) : refusées, code 2, rien d\'écrit', () => {
        const dir = temp();
        const lol = path.join(dir, 'lol.xml');
        writeFileSync(lol, '<?xml version="1.0"?>\n<!DOCTYPE FICHES [\n <!ENTITY a "aaaaaaaaaa">\n <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n<FICHES><FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE><INTITULE>&c;</INTITULE></FICHE></FICHES>\n');
        const xxe = path.join(dir, 'xxe.xml');
        writeFileSync(xxe, '<?xml version="1.0"?>\n<!DOCTYPE FICHES [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<FICHES><FICHE><NUMERO_FICHE>RNCP1</NUMERO_FICHE><INTITULE>&x;</INTITULE></FICHE></FICHES>\n');
        for (const file of [lol, xxe]) {
            const out = path.join(dir, 'out');
            const r = runCli(['import', 'rncp', file, '--all', '--out', out]);
            expect(r.code).toBe(2);
            expect(r.stderr).toContain('le document déclare des entités XML');
            expect(r.stderr).toContain('Rien n\'a été écrit.');
            expect(r.stderr).not.toContain('root:');
            expect(existsSync(out)).toBe(false);
        }
    });

    it('erreurs d\'usage : code 2 et message clair', () => {
        const dir = temp();
        const cases: Array<[string[], string]> = [
            [['import', 'rncp', EXPORT, '--out', dir], 'Dites quelles fiches importer : --fiche RNCPnnnnn (répétable) ou --all.'],
            [['import', 'rncp', EXPORT, '--all', '--fiche', 'RNCP35419', '--out', dir], '--fiche et --all s\'excluent'],
            [['import', 'rncp', EXPORT, '--all'], 'L\'option -o, --out <dossier> est obligatoire.'],
            [['import', 'rnpc', EXPORT, '--all', '--out', dir], 'Source d\'import inconnue « rnpc »'],
            [['import', 'rncp', path.join(dir, 'absent.xml'), '--all', '--out', dir], 'fichier ou dossier introuvable'],
            [['import', 'rncp', dir, '--all', '--out', dir], 'n\'est pas un fichier']
        ];
        for (const [args, message] of cases) {
            const r = runCli(args);
            expect(r.code, args.join(' ')).toBe(2);
            expect(r.stderr).toContain(message);
        }
        expect(runCli(['import', 'rnpc', EXPORT, '--all', '--out', dir]).stderr).toContain('Vouliez-vous dire rncp ?');
        const other = path.join(dir, 'autre.xml');
        writeFileSync(other, '<?xml version="1.0"?>\n<catalogue/>\n');
        const r = runCli(['import', 'rncp', other, '--all', '--out', path.join(dir, 'x')]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('ce n\'est pas un export de fiches RNCP (élément racine <catalogue> au lieu de <FICHES>)');
    });

    it('aide en français', () => {
        const r = runCli(['import', '--help']);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('Importer des fiches de l\'export open data du RNCP');
        expect(r.stdout).toContain('--fiche <numero>');
    });
});
