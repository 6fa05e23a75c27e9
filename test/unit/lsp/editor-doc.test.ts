import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUICK_FIX_RULES } from '../../../language-server/src/lsp/code-actions.js';
import { SHOW_REFERENCES } from '../../../language-server/src/lsp/code-lens.js';
import { TOKEN_TYPE_OF } from '../../../language-server/src/lsp/semantic-tokens.js';
import { SETTINGS_SECTION } from '../../../language-server/src/lsp/settings.js';
import { RULES } from '../../../language-server/src/validation/rules.js';

/** docs/editor.md dit vrai : correctifs, réglages, commande des lentilles, types de jetons. */
const DOC = readFileSync(path.resolve(__dirname, '../../../docs/editor.md'), 'utf8');
const section = (title: string): string => {
    const start = DOC.indexOf(`## ${title}`);
    const end = DOC.indexOf('\n## ', start + 1);
    return DOC.slice(start, end < 0 ? undefined : end);
};

describe('docs/editor.md', () => {
    it('liste chaque règle qui a un correctif rapide, et seulement celles-là', () => {
        const table = section('Correctifs rapides');
        const listed = new Set([...table.matchAll(/REF\d{3}/g)].map(m => m[0]));
        expect([...listed].sort()).toEqual([...QUICK_FIX_RULES].sort());
        // Les corrections sûres de lint --fix ont toutes leur correctif dans l'éditeur.
        for (const rule of RULES.filter(r => r.autofix)) expect(QUICK_FIX_RULES).toContain(rule.code);
    });

    it('documente les réglages lus par le serveur', () => {
        expect(SETTINGS_SECTION).toBe('referentiel');
        const settings = section('Réglages');
        expect(settings).toContain('`referentiel.regles`');
        expect(settings).toContain('`referentiel.langue`');
        for (const value of ['"error"', '"warning"', '"info"', '"off"', '"fr"', '"en"', '"auto"']) expect(settings).toContain(value);
    });

    it('donne la commande et la forme exacte des arguments des lentilles', () => {
        const lenses = section('Lentilles de code');
        expect(lenses).toContain(`\`${SHOW_REFERENCES}\``);
        expect(lenses).toContain('uri: string');
        expect(lenses).toContain('position: Position');
        expect(lenses).toContain('locations: Location[]');
    });

    it('la table de coloration donne le type de chaque genre de code', () => {
        const table = section('Coloration sémantique');
        for (const type of new Set(Object.values(TOKEN_TYPE_OF))) expect(table).toContain('`' + type + '`');
    });
});
