import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referentielCase, validReferentiel } from './arbitraries.js';
import { PipelineFailure, runPipeline } from './pipeline.js';

/**
 * Fuzzing par propriétés (fast-check) de toute la chaîne, sur des référentiels engendrés et
 * mutés (voir arbitraries.ts) : aucune exception ne s'échappe (un diagnostic est une réponse),
 * la mise en forme est idempotente et sans perte, les exports sont lisibles, l'évaluation
 * répond. Graine fixe : les mêmes cas à chaque exécution.
 *
 * En CI (`npm test`) : FUZZ_RUNS cas (10 000 par défaut), chacun analysé et mis en forme ; un
 * sur FUZZ_CHECK_EVERY (5) est aussi lié et vérifié, un sur FUZZ_FULL_EVERY (20) passe par toute
 * la chaîne (export, évaluation). `npm run fuzz` : 100 000 cas, un sur deux vérifié, un sur cinq
 * par toute la chaîne, et le compte rendu.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260630);
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const CHECK_EVERY = Number(process.env.FUZZ_CHECK_EVERY ?? 5);
const FULL_EVERY = Number(process.env.FUZZ_FULL_EVERY ?? 20);
const BATCH = 500;

interface Report {
    cases: number;
    checked: number;
    full: number;
    parsed: number;
    withErrors: number;
    formatted: number;
    exported: number;
    evaluations: Map<string, number>;
    failures: Map<string, { count: number; example: string; text: string }>;
    slowest: { ms: number; kind: string; length: number };
    byKind: Map<string, number>;
    ms: number;
}

async function fuzz(runs: number): Promise<Report> {
    const report: Report = {
        cases: 0, checked: 0, full: 0, parsed: 0, withErrors: 0, formatted: 0, exported: 0, evaluations: new Map(),
        failures: new Map(), slowest: { ms: 0, kind: '', length: 0 }, byKind: new Map(), ms: 0
    };
    const started = performance.now();
    for (let batch = 0; report.cases < runs; batch++) {
        const cases = fc.sample(referentielCase, { seed: SEED + batch, numRuns: Math.min(BATCH, runs - report.cases) });
        for (const c of cases) {
            const full = report.cases % FULL_EVERY === 0;
            const checked = full || report.cases % CHECK_EVERY === 0;
            const kind = c.kind.split('+')[0];
            report.byKind.set(kind, (report.byKind.get(kind) ?? 0) + 1);
            const t0 = performance.now();
            try {
                const outcome = await runPipeline(c.text, c.candidate, full ? 'complet' : checked ? 'verification' : 'analyse');
                if (outcome.parsed) report.parsed++;
                if (outcome.errors > 0) report.withErrors++;
                if (outcome.formatted) report.formatted++;
                if (outcome.exported) report.exported++;
                if (outcome.evaluation) report.evaluations.set(outcome.evaluation, (report.evaluations.get(outcome.evaluation) ?? 0) + 1);
            } catch (error) {
                const failure = error instanceof PipelineFailure ? error.kind : 'exception-inattendue';
                const entry = report.failures.get(failure) ?? { count: 0, example: String((error as Error).message ?? error).slice(0, 1500), text: c.text.slice(0, 3000) };
                entry.count++;
                report.failures.set(failure, entry);
            }
            const ms = performance.now() - t0;
            if (ms > report.slowest.ms) report.slowest = { ms, kind: c.kind, length: c.text.length };
            report.cases++;
            if (full) report.full++;
            if (runs > 10_000 && report.cases % 10_000 === 0) {
                process.stderr.write(`fuzzing : ${report.cases}/${runs} cas, ${[...report.failures.values()].reduce((n, f) => n + f.count, 0)} défaillance(s), ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
            }
            if (checked) report.checked++;
        }
    }
    report.ms = performance.now() - started;
    return report;
}

function summary(r: Report): string {
    const failures = [...r.failures].map(([kind, f]) => `${kind} : ${f.count}`).join(', ') || 'aucune';
    return [
        `Fuzzing (graine ${SEED}) : ${r.cases} cas en ${(r.ms / 1000).toFixed(1)} s : tous analysés et mis en forme, ${r.checked} liés et vérifiés, dont ${r.full} par toute la chaîne (export et évaluation).`,
        `  Formes : ${[...r.byKind].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}.`,
        `  ${r.parsed} sans erreur de syntaxe, ${r.formatted} mis en forme (idempotent, sans perte), ${r.withErrors} avec des erreurs signalées, ${r.exported} exportés en JSON, XML RNCP et CASE.`,
        `  Évaluations : ${[...r.evaluations].map(([k, n]) => `${k} ${n}`).join(', ') || 'aucune'}.`,
        `  Défaillances : ${failures}.`,
        `  Cas le plus lent : ${r.slowest.ms.toFixed(0)} ms (${r.slowest.kind}, ${r.slowest.length} caractères).`
    ].join('\n');
}

describe('fuzzing de la chaîne analyse → vérification → mise en forme → export → évaluation', () => {
    it(`${RUNS} cas à graine fixe : aucune exception, mise en forme idempotente et sans perte`, async () => {
        const report = await fuzz(RUNS);
        console.log(summary(report));
        for (const [kind, f] of report.failures) {
            console.log(`\n--- ${kind} (${f.count}) ---\n${f.example}\n--- texte ---\n${f.text}`);
        }
        expect([...report.failures.keys()]).toEqual([]);
        expect(report.cases).toBe(RUNS);
        // Les cas engendrés couvrent vraiment la chaîne : des valides exportés et évalués, des mutants refusés.
        expect(report.exported).toBeGreaterThan(0);
        expect(report.withErrors).toBeGreaterThan(0);
        expect(report.formatted).toBeGreaterThan(RUNS / 10);
    }, Math.max(600_000, RUNS * 60));

    it('les référentiels valides engendrés sont sans erreur et passent toute la chaîne', async () => {
        for (const base of fc.sample(validReferentiel, { seed: SEED, numRuns: 50 })) {
            const candidate = JSON.stringify({ referentiel: base.code, candidat: { id: 'x' }, competences: Object.fromEntries(base.competences.map(c => [c.replace('-', '.'), 'acquise'])), epreuves: { memoire: 20 } });
            const outcome = await runPipeline(base.text, candidate, 'complet');
            expect(outcome, base.text).toMatchObject({ parsed: true, errors: 0, formatted: true, exported: true, evaluation: 'obtenue' });
        }
    }, 60_000);
});

/** Un référentiel valide de `blocs` blocs de cinq compétences (chacune évaluée, vérifiée). */
function largeReferentiel(blocs: number, variant: (b: number, c: number) => string = (b, c) => `C${b}.${c}`): string {
    const lines = ['certification GRAND "Grand référentiel" {', '    niveau 6', '}', ''];
    for (let b = 1; b <= blocs; b++) {
        const codes = [1, 2, 3, 4, 5].map(c => variant(b, c));
        lines.push(`bloc BC${b} "Bloc ${b}" {`, `    activité A${b} "Activité ${b}"`);
        for (const c of codes) lines.push(`    compétence ${c} "Compétence ${c}" issue de A${b}`);
        lines.push(`    modalité M${b} "Épreuve ${b}" {`, `        évalue ${codes.join(', ')}`);
        codes.forEach((c, i) => lines.push(`        critère CR${b}.${i + 1} "Critère ${c}" vérifie ${c}`));
        lines.push('    }', '}', '');
    }
    lines.push('obtention {', '    bloc validé si 80 % des compétences acquises', '    condition "Blocs" : tous les blocs validés', '}', '');
    return lines.join('\n');
}

/** Le meilleur de trois temps (ms) de la chaîne jusqu'à la vérification (et la mise en forme). */
async function bestTime(text: string): Promise<number> {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await runPipeline(text, '{}', 'verification');
        best = Math.min(best, performance.now() - t0);
    }
    return best;
}

describe('le temps croît linéairement avec la taille de l\'entrée', () => {
    // Chaque forme à n puis 8 n : linéaire → rapport 8 ; on tolère 3 fois plus (machine chargée) ;
    // quadratique donnerait 64. Avant : un texte non terminé de 160 Ko = 27 s, C1.99999999999 = 52 s.
    const shapes: Array<[string, (n: number) => string]> = [
        ['référentiel valide', n => largeReferentiel(n)],
        ['numéros immenses (un trou par bloc)', n => largeReferentiel(n, (b, c) => (c === 5 ? `C${b}.${'9'.repeat(12 + (b % 15))}` : `C${b}.${c}`))],
        ['texte non terminé en tête', n => `note "${largeReferentiel(n)}`],
        ['commentaire non terminé en tête', n => `/* ${largeReferentiel(n)}`],
        ['imbrication à la limite, répétée', n => largeReferentiel(n).replace(/obtention \{/, `obtention {\n${Array.from({ length: n }, (_, i) => `    condition "c${i}" : ${'('.repeat(30)}1 >= 1${')'.repeat(30)}`).join('\n')}`)],
        ['jetons au hasard (lignes dupliquées)', n => largeReferentiel(n).replace(/compétence/g, 'compétence compétence { (').slice(0)]
    ];
    for (const [name, make] of shapes) {
        it(name, async () => {
            const small = make(20);
            const large = make(160);
            await bestTime(small); // échauffement
            const tSmall = Math.max(await bestTime(small), 5);
            const tLarge = await bestTime(large);
            console.log(`Linéarité (${name}) : ${small.length} car. → ${tSmall.toFixed(0)} ms ; ${large.length} car. → ${tLarge.toFixed(0)} ms ; rapport ${(tLarge / tSmall).toFixed(1)} (taille × ${(large.length / small.length).toFixed(1)})`);
            expect(tLarge / tSmall).toBeLessThan(3 * large.length / small.length);
        }, 120_000);
    }
});
