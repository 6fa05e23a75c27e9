import { describe, expect, it } from 'vitest';
import type { Bloc, Modalite } from '../../../language-server/src/generated/ast.js';
import { QUICK_FIX_RULES, ReferentielCodeActionProvider } from '../../../language-server/src/lsp/code-actions.js';
import { isRuleCode, RULES, ruleMessage, type RuleCode, type RuleCodes } from '../../../language-server/src/validation/rules.js';
import { RuleSettings } from '../../../language-server/src/validation/settings.js';
import type { RuleReport } from '../../../language-server/src/validation/validator.js';

/**
 * Les codes de règle sont vérifiés par le compilateur (`npm run typecheck`, lancé par `npm test`) :
 * chaque `@ts-expect-error` ci-dessous fait échouer la vérification des types si l'erreur qu'il
 * annonce disparaît (un type redevenu `string`, une propriété redevenue libre).
 */
describe('codes de règle typés', () => {
    it('RuleCode est l\'union des codes du catalogue ; un texte venu de l\'extérieur se vérifie avec isRuleCode', () => {
        const codes: RuleCode[] = RULES.map(r => r.code);
        expect(codes).toContain('REF004');
        expect(codes.every(isRuleCode)).toBe(true);
        for (const outside of ['REF04', 'REF999', 'ref004', '']) expect(isRuleCode(outside), outside).toBe(false);
    });

    it('un code mal écrit ne compile pas : message, sous-ensemble de codes, sévérités configurées', () => {
        // @ts-expect-error « REF04 » n'est pas un code du catalogue.
        const misspelled: RuleCode = 'REF04';
        expect(isRuleCode(misspelled)).toBe(false);
        // @ts-expect-error REF2O2 (lettre O) n'est pas au catalogue : RuleCodes<…> le refuse.
        const numbering: Array<RuleCodes<'REF201' | 'REF2O2'>> = [];
        expect(numbering).toEqual([]);
        // @ts-expect-error ruleMessage n'accepte que les codes du catalogue.
        expect(() => ruleMessage('REF040', {})).toThrow();
        const settings = new RuleSettings();
        // @ts-expect-error une sévérité ne se règle que pour un code du catalogue.
        settings.set({ REF1O1: 'off' });
        settings.set({ REF101: 'off' });
        expect(settings.severityOf('REF101')).toBe('off');
        expect(settings.severityOf('REF102')).toBe('warning');
    });

    it('la propriété d\'un diagnostic est vérifiée pour le type du nœud (Properties<N>)', () => {
        const bloc = { name: 'BC01' } as Bloc;
        const modalite = { name: 'M1' } as Modalite;
        const reports: Array<RuleReport<Bloc> | RuleReport<Modalite>> = [
            { rule: 'REF107', node: bloc, property: 'name', params: { name: 'BC01' } },
            { rule: 'REF106', node: modalite, property: 'competences', index: 0, params: {} }
        ];
        // @ts-expect-error « nom » n'est pas une propriété d'un bloc.
        reports.push({ rule: 'REF107', node: bloc, property: 'nom', params: {} } satisfies RuleReport<Bloc>);
        // @ts-expect-error un bloc n'a pas de « nature » (c'est une propriété de modalité).
        reports.push({ rule: 'REF501', node: bloc, property: 'nature', params: {} } satisfies RuleReport<Bloc>);
        // @ts-expect-error « REF1O7 » n'est pas un code du catalogue.
        reports.push({ rule: 'REF1O7', node: bloc, property: 'name', params: {} } satisfies RuleReport<Bloc>);
        expect(reports.map(r => r.rule)).toEqual(['REF107', 'REF106', 'REF107', 'REF501', 'REF1O7']);
    });

    it('les correctifs rapides sont une table par code de règle', () => {
        const fixers: typeof ReferentielCodeActionProvider.fixers = {
            // @ts-expect-error « REF2O1 » n'est pas un code du catalogue.
            REF2O1: () => []
        };
        expect(Object.keys(fixers)).toEqual(['REF2O1']);
        expect(QUICK_FIX_RULES).toEqual(Object.keys(ReferentielCodeActionProvider.fixers));
        expect(QUICK_FIX_RULES.every(isRuleCode)).toBe(true);
    });
});
