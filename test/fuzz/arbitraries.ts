import fc from 'fast-check';

/**
 * Des textes de référentiel pour le fuzzing : des référentiels valides tirés d'une grammaire
 * (certification, blocs, activités, compétences, modalités, critères, obtention), puis des
 * mutations (suppressions, insertions de jetons, duplications, numéros immenses, imbrication
 * profonde, textes et commentaires non terminés, caractères de contrôle).
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyzéèàçôABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Un texte entre guillemets (avec, parfois, des échappements, des guillemets français, un saut de ligne). */
const texte = fc.array(fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...LETTERS.split('')) },
    { weight: 2, arbitrary: fc.constant(' ') },
    { weight: 1, arbitrary: fc.constantFrom('\\"', '«', '»', '’', '%', '<', '&', '\n    ', '\\\\', ',', ':') }
), { minLength: 1, maxLength: 20 }).map(chars => `"${chars.join('').trim() || 'x'}"`);

export interface Shape {
    readonly blocs: number;
    readonly competences: number[];
    readonly modalites: number[];
}

const shape: fc.Arbitrary<Shape> = fc.integer({ min: 1, max: 3 }).chain(blocs => fc.record({
    blocs: fc.constant(blocs),
    competences: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: blocs, maxLength: blocs }),
    modalites: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: blocs, maxLength: blocs })
}));

/** Un référentiel valide et complet (chaque compétence issue d'une activité, évaluée, vérifiée). */
export const validReferentiel: fc.Arbitrary<{ text: string; code: string; competences: string[]; epreuves: string[] }> = fc.record({
    shape,
    titles: fc.array(texte, { minLength: 40, maxLength: 40 }),
    niveau: fc.integer({ min: 1, max: 8 }),
    sep: fc.constantFrom('.', '-'),
    comments: fc.boolean(),
    seuil: fc.integer({ min: 1, max: 100 }),
    note: fc.integer({ min: 5, max: 15 }),
    code: fc.constantFrom('FUZZ', 'ESSAI-1', 'X_Y')
}).map(({ shape: s, titles, niveau, sep, comments, seuil, note, code }) => {
    let t = 0;
    const title = (): string => titles[t++ % titles.length];
    const lines: string[] = [];
    if (comments) lines.push('// Référentiel engendré par le fuzzing.');
    lines.push(`certification ${code} ${title()} {`, `    niveau ${niveau}`, '}', '');
    const all: string[] = [];
    for (let b = 1; b <= s.blocs; b++) {
        const competences = Array.from({ length: s.competences[b - 1] }, (_, i) => `C${b}${sep}${i + 1}`);
        all.push(...competences);
        lines.push(`bloc BC0${b} ${title()} {`);
        lines.push(`    activité A${b} ${title()} {`, `        activité A${b}-1 ${title()}`, '    }');
        if (comments) lines.push('    /* les compétences */');
        for (const c of competences) lines.push(`    compétence ${c} ${title()} issue de A${b}-1`);
        const modalites = Math.max(1, s.modalites[b - 1]);
        for (let m = 1; m <= modalites; m++) {
            lines.push(`    modalité M${b}.${m} ${title()} {`, '        nature "projet"', `        évalue ${competences.join(', ')}`);
            competences.forEach((c, i) => lines.push(`        critère CR${b}.${m}.${i + 1} ${title()} vérifie ${c}${i === 0 && m === 1 ? ' éliminatoire' : ''}`));
            lines.push('    }');
        }
        lines.push('}', '');
    }
    lines.push('obtention {', `    bloc validé si ${seuil} % des compétences acquises`, `    épreuve memoire ${title()} sur 20`,
        '    condition "Blocs" : tous les blocs validés', `    condition "Mémoire" : memoire >= ${note}`, '}', '');
    return { text: lines.join('\n'), code, competences: all, epreuves: ['memoire'] };
});

/** Des jetons du langage et d'ailleurs, à insérer au hasard. */
const TOKENS = [
    '{', '}', '(', ')', ',', ':', '%', '"', '/*', '*/', '//', '\n', ' ', 'bloc', 'compétence', 'activité', 'modalité',
    'critère', 'évalue', 'vérifie', 'issue de', 'obtention', 'condition', 'épreuve', 'non', 'et', 'ou', '>=', '+',
    'C1.1', 'C1.99999999999', 'C1.99999999999999999999999', 'BC01', 'A1-1', 'M1.1', 'certification', 'socle', 'référentiel',
    '"texte', '\u0000', '\u001b[31m', '\u202e', '\uFEFF', '\uFFFF', '\r', '\t', '1e309', '-0', '999999999999999999999', 'é', '€'
];

export type Mutation =
    | { kind: 'delete'; at: number; length: number }
    | { kind: 'insert'; at: number; token: string }
    | { kind: 'duplicate'; at: number; length: number; times: number }
    | { kind: 'huge-number'; at: number }
    | { kind: 'deep'; at: number; depth: number; open: string; close: string }
    | { kind: 'unterminated'; at: number; opener: string }
    | { kind: 'control'; at: number; char: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }), times: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ kind: fc.constant('huge-number' as const), at: fc.nat() }),
    fc.tuple(fc.nat(), fc.integer({ min: 10, max: 400 }), fc.constantFrom(['(', ')'], ['{', '}'], ['non ', ''], ['activité A "a" {', '}'], ['E1 + ', 'E1']))
        .map(([at, depth, [open, close]]): Mutation => ({ kind: 'deep', at, depth, open, close })),
    fc.record({ kind: fc.constant('unterminated' as const), at: fc.nat(), opener: fc.constantFrom('"', '/*', '«') }),
    fc.record({ kind: fc.constant('control' as const), at: fc.nat(), char: fc.integer({ min: 0, max: 0x9f }).filter(c => c < 0x20 || c >= 0x7f).map(c => String.fromCharCode(c)) })
);

/** Applique une mutation (les positions sont prises modulo la longueur du texte). */
export function mutate(text: string, m: Mutation): string {
    const at = text.length === 0 ? 0 : m.at % (text.length + 1);
    switch (m.kind) {
        case 'delete': return text.slice(0, at) + text.slice(at + m.length);
        case 'insert': return text.slice(0, at) + m.token + text.slice(at);
        case 'duplicate': return text.slice(0, at) + text.slice(at, at + m.length).repeat(m.times + 1) + text.slice(at + m.length);
        case 'huge-number': {
            // Le numéro d'un code qui suit devient immense (C1.2 → C1.99999999999…).
            const match = /([A-Z]+\d+[.-])(\d+)/.exec(text.slice(at));
            if (!match) return text + '\n// C1.99999999999\n';
            const start = at + match.index + match[1].length;
            return text.slice(0, start) + '9'.repeat(11 + (m.at % 20)) + text.slice(start + match[2].length);
        }
        case 'deep': return text.slice(0, at) + m.open.repeat(m.depth) + m.close.repeat(m.depth) + text.slice(at);
        case 'unterminated': return text.slice(0, at) + m.opener + text.slice(at);
        case 'control': return text.slice(0, at) + m.char + text.slice(at);
    }
}

/** Un cas : un référentiel valide, ou le même après 1 à 4 mutations. */
export const referentielCase = fc.record({
    base: validReferentiel,
    mutations: fc.oneof({ weight: 1, arbitrary: fc.constant([] as Mutation[]) }, { weight: 4, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 4 }) }),
    decisions: fc.array(fc.oneof(
        { weight: 20, arbitrary: fc.constantFrom('acquise', 'non acquise') },
        { weight: 1, arbitrary: fc.constantFrom('absent', 42, null, '') }
    ), { minLength: 1, maxLength: 30 }),
    memoire: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(-1), fc.double({ noNaN: false }))
}).map(({ base, mutations, decisions, memoire }) => ({
    kind: mutations.length === 0 ? 'valide' : mutations.map(m => m.kind).join('+'),
    text: mutations.reduce(mutate, base.text),
    code: base.code,
    candidate: JSON.stringify({
        referentiel: base.code,
        dateEvaluation: '2026-06-30',
        candidat: { id: 'fuzz-1', nom: 'Candidat Fictif' },
        competences: Object.fromEntries(base.competences.map((c, i) => [c.replace('-', '.'), decisions[i % decisions.length]])),
        epreuves: { memoire: Number.isFinite(memoire) ? memoire : 10 }
    })
}));

export type ReferentielCase = typeof referentielCase extends fc.Arbitrary<infer T> ? T : never;
