import { describe, expect, it } from 'vitest';
import { createReportWriter, renderReport } from '../../../language-server/src/evaluation/reports/index.js';
import { cohort, incomplete, meta, nonObtenue, obtenue } from './fixtures.js';

const text = (results = cohort(), locale: 'fr' | 'en' = 'fr', color = false): string => renderReport('text', meta(locale), results, { color });
// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('rapport texte', () => {
    it('en-tête du document : référentiel et date de génération', () => {
        const out = text([]);
        expect(out.split('\n')[0]).toBe('Rapport d\'évaluation — Data Engineer (DATA-ENGINEER)');
        expect(out).toContain('Généré le 26 juin 2026');
    });

    it('candidat obtenu : décision, blocs validés et acquis antérieurement, règles remplies, attestations', () => {
        const out = text([obtenue()]);
        expect(out).toContain('Candidat 2026-0042 — Camille Martin : certification OBTENUE\n');
        expect(out).toContain('Date d\'évaluation : 26 juin 2026');
        expect(out).toContain('Blocs de compétences :');
        expect(out).toContain('✔ BC01 : validé — 8/8 compétences, seuil 100\u00a0% — Conduire et réaliser');
        expect(out).toContain('✔ BC02 : acquis antérieurement (20 juin 2025) — Manager la transition data de l\'entreprise');
        expect(out).toContain('Règles d\'obtention :');
        expect(out).toContain('✔ Validation du mémoire et de sa soutenance : Moyenne de « Mémoire » et « Soutenance » : 13,25/20, il faut au moins 10/20 → remplie');
        expect(out).toContain('✔ Validation de la période en entreprise : Période en entreprise : 6 mois, il faut au moins 6 mois → remplie');
        expect(out).toContain('Certificats de bloc :\n    • BC01 — Conduire et réaliser');
        expect(out).not.toContain('Motifs :');
        expect(out).not.toContain('Avertissements :');
        // Les compétences d'un bloc acquis antérieurement ne sont pas « à revoir ».
        expect(out).not.toContain('Compétences non acquises ou non évaluées');
    });

    it('candidat non obtenu : bloc non validé, détail de la règle, motifs, avertissements', () => {
        const out = text([nonObtenue()]);
        expect(out).toContain('Candidat 2026-0043 — Lucas Bernard : certification NON OBTENUE\n');
        expect(out).toContain('✖ BC04 : non validé — 4/5 compétences, seuil 100\u00a0%');
        expect(out).toContain('✖ Validation du mémoire et de sa soutenance : Moyenne de « Mémoire » et « Soutenance » : 9,75/20, il faut au moins 10/20 → non remplie');
        expect(out).toContain('✖ Validation des 5 blocs de compétences : blocs validés : 4/5 → non remplie');
        expect(out).toContain('Compétences non acquises ou non évaluées :\n    ✖ C4.5 (BC04) : non acquise : le critère éliminatoire CR4.1.7');
        expect(out).toContain('Motifs :\n    • Le bloc BC04 « Concevoir, mettre en œuvre');
        for (const motif of nonObtenue().motifs) expect(out).toContain(`    • ${motif}\n`);
        expect(out).toContain('Certificats de bloc :');
        expect(out).not.toMatch(/• BC04 —/);
        expect(out).toContain('Avertissements :\n    • L\'aménagement « temps majoré d\'un tiers »');
    });

    it('candidat incomplet : bloc incomplet avec compétences non évaluées, règles indéterminées', () => {
        const out = text([incomplete()]);
        expect(out).toContain('Candidat 2026-0044 — Inès Haddad-Lefèvre : certification INCOMPLÈTE\n');
        expect(out).toContain('◐ BC03 : incomplet — 6/8 compétences, 2 non évaluées, seuil 100\u00a0%');
        expect(out).toContain('✔ BC01 : acquis antérieurement (15 janvier 2025)');
        expect(out).toContain('Période en entreprise : pas encore connue, il faut au moins 6 mois ; la mesure « Période en entreprise » manque → indéterminée');
        expect(out).toContain('◐ C3.7 (BC03) : non évaluée');
        expect(out).toContain('◐ C3.8 (BC03) : non évaluée');
        expect(out).not.toContain('C1.1 (BC01)');
        expect(out).not.toContain('Avertissements :');
    });

    it('ligne de résumé finale, accords du pluriel', () => {
        expect(text().trimEnd().split('\n').at(-1)).toBe('3 candidats évalués : 1 certification obtenue, 1 non obtenue, 1 évaluation incomplète.');
        const w = createReportWriter('text', {});
        w.begin(meta());
        expect(w.end({ candidats: 1, obtenue: 1, nonObtenue: 0, incomplete: 0 }))
            .toBe('1 candidat évalué : 1 certification obtenue, 0 non obtenue, 0 évaluation incomplète.\n');
        expect(w.end({ candidats: 12, obtenue: 10, nonObtenue: 2, incomplete: 0 }))
            .toBe('12 candidats évalués : 10 certifications obtenues, 2 non obtenues, 0 évaluation incomplète.\n');
    });

    it('candidat sans nom', () => {
        const { nom: _nom, ...candidat } = obtenue().candidat;
        const out = text([{ ...obtenue(), candidat }]);
        expect(out).toContain('Candidat 2026-0042 : certification OBTENUE');
    });

    it('sans couleur par défaut ; en couleur, les mêmes mots (la couleur ne porte jamais seule le sens)', () => {
        const plain = text();
        expect(plain).not.toMatch(/\x1b\[/);
        const colored = text(cohort(), 'fr', true);
        expect(colored).toMatch(/\x1b\[32m/);
        expect(colored).toMatch(/\x1b\[31m/);
        expect(colored).toMatch(/\x1b\[33m/);
        expect(stripAnsi(colored)).toBe(plain);
    });

    it('en anglais', () => {
        const out = text(cohort(), 'en');
        expect(out.split('\n')[0]).toBe('Evaluation report — Data Engineer (DATA-ENGINEER)');
        expect(out).toContain('Generated on 26 June 2026');
        expect(out).toContain('Candidate 2026-0042 — Camille Martin: certification OBTAINED');
        expect(out).toContain('Candidate 2026-0043 — Lucas Bernard: certification NOT OBTAINED');
        expect(out).toContain('Candidate 2026-0044 — Inès Haddad-Lefèvre: certification INCOMPLETE');
        expect(out).toContain('Competency blocs:');
        expect(out).toContain('✔ BC01: validated — 8/8 competencies, threshold 100%');
        expect(out).toContain('✔ BC02: previously acquired (20 June 2025)');
        expect(out).toContain('✖ BC04: not validated — 4/5 competencies');
        expect(out).toContain('◐ BC03: incomplete — 6/8 competencies, 2 not assessed');
        expect(out).toContain('Moyenne de « Mémoire » et « Soutenance » : 9,75/20, il faut au moins 10/20 → not met');
        expect(out).toContain('→ undetermined');
        expect(out).toContain('C4.5 (BC04): not acquired');
        expect(out).toContain('Reasons:');
        expect(out).toContain('Bloc certificates:');
        expect(out).toContain('Warnings:');
        expect(out.trimEnd().split('\n').at(-1)).toBe('3 candidates evaluated: 1 certification obtained, 1 not obtained, 1 incomplete evaluation.');
        expect(out).not.toMatch(/→ (non )?remplie|: validé|: non validé|Motifs :|Certificats de bloc/);
    });

    it('écrit au fil de l\'eau : chaque morceau ne dépend que de son candidat', () => {
        const w = createReportWriter('text', {});
        const begin = w.begin(meta());
        const parts = cohort().map((r, i) => w.candidate(r, i));
        expect(w.candidate(obtenue(), 3)).toBe(parts[0]);
        const end = w.end({ candidats: 3, obtenue: 1, nonObtenue: 1, incomplete: 1 });
        expect(begin + parts.join('') + end).toBe(text());
    });
});
