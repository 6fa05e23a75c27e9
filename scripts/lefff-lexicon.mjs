// Le lexique des verbes français des règles de rédaction (REF601, REF603), tiré à la construction
// des données du Lefff (paquet french-verbs-lefff, 6 Mo de conjugaisons) : on n'en garde que les
// infinitifs et, pour les verbes non observables (language-server/src/validation/non-observables.json),
// leurs formes conjuguées. esbuild.mjs et vitest.config.mts servent ainsi le même module virtuel
// « lefff:verbes » (déclaré dans language-server/src/text-modules.d.ts), de quelques dizaines de Ko.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const LEFFF_MODULE = 'lefff:verbes';

const require = createRequire(import.meta.url);

/** Le code du module : `export default { infinitifs: string[], formes: Record<verbe, string[]> }`. */
export function lefffLexiconSource() {
    const conjugations = JSON.parse(readFileSync(require.resolve('french-verbs-lefff/dist/conjugations.json'), 'utf8'));
    const keep = Object.keys(JSON.parse(readFileSync(new URL('../language-server/src/validation/non-observables.json', import.meta.url), 'utf8')).verbes);
    const formes = {};
    for (const verb of keep) {
        const entry = conjugations[verb];
        if (!entry) throw new Error(`lefff-lexicon : « ${verb} » n'est pas un verbe du Lefff`);
        const forms = new Set([verb]);
        for (const list of Object.values(entry)) {
            for (const form of list) if (form && form !== 'NA') forms.add(form);
        }
        formes[verb] = [...forms].sort();
    }
    const infinitifs = Object.keys(conjugations).filter(v => /^[a-zàâäçéèêëîïôöùûüÿœæ'-]+$/.test(v)).sort();
    return `export default ${JSON.stringify({ infinitifs, formes })};`;
}
