import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../language-server/src/i18n/locale.js';
import { msg } from '../../../language-server/src/i18n/messages.js';
import { RULES, RULES_BY_CODE, relatedMessage, ruleMessage } from '../../../language-server/src/validation/rules.js';
import { ERROR, HEADER, INFO, WARNING, at, bloc, certification, expectOne, find, lint } from './util.js';

afterEach(() => setLocale('fr'));

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();

describe('le catalogue des règles', () => {
    it('chaque règle a un titre et un message non vides en français et en anglais, avec les mêmes paramètres', () => {
        expect(RULES.length).toBeGreaterThan(30);
        for (const rule of RULES) {
            expect(rule.code, rule.code).toMatch(/^REF\d{3}$/);
            for (const locale of ['fr', 'en'] as const) {
                expect(rule.title[locale].trim(), `${rule.code} title.${locale}`).not.toBe('');
                expect(rule.message[locale].trim(), `${rule.code} message.${locale}`).not.toBe('');
            }
            expect(placeholders(rule.message.en), rule.code).toEqual(placeholders(rule.message.fr));
            expect(['error', 'warning', 'info']).toContain(rule.severity);
        }
    });

    it('le message de l\'autre endroit (relatedInformation) existe dans les deux langues, avec les paramètres du message', () => {
        const withRelated = RULES.filter(r => r.related).map(r => r.code);
        expect(withRelated).toEqual(['REF004', 'REF006', 'REF604', 'REF605']);
        for (const rule of RULES) {
            if (!rule.related) continue;
            expect(placeholders(rule.related.en), rule.code).toEqual(placeholders(rule.related.fr));
            for (const name of placeholders(rule.related.fr)) expect(placeholders(rule.message.fr), rule.code).toContain(name);
        }
        expect(relatedMessage('REF004', { name: 'C1.1', kind: 'the competency', other: 'C1-1' }, 'en')).toBe('Other element with code "C1.1": the competency C1-1');
        expect(() => relatedMessage('REF008', {})).toThrow();
    });

    it('les codes sont uniques et triés', () => {
        const codes = RULES.map(r => r.code);
        expect(new Set(codes).size).toBe(codes.length);
        expect([...codes].sort()).toEqual(codes);
        expect(RULES_BY_CODE.size).toBe(codes.length);
    });

    it('les règles corrigeables automatiquement sont REF003, REF110, REF201, REF202, REF203', () => {
        expect(RULES.filter(r => r.autofix).map(r => r.code)).toEqual(['REF003', 'REF110', 'REF201', 'REF202', 'REF203']);
    });

    it('ruleMessage remplit les paramètres dans la langue demandée', () => {
        expect(ruleMessage('REF008', { value: '9' }, 'fr')).toBe('Le niveau 9 n\'existe pas : le cadre européen des certifications va de 1 à 8.');
        expect(ruleMessage('REF008', { value: '9' }, 'en')).toBe('Level 9 does not exist: the European qualifications framework goes from 1 to 8.');
        // @ts-expect-error REF999 n'est pas au catalogue : refusé à la compilation, et à l'exécution.
        expect(() => ruleMessage('REF999', {})).toThrow();
    });

    it('chaque nature d\'élément a un nom dans les deux langues', () => {
        for (const kind of ['Certification', 'Socle', 'Bloc', 'Activite', 'Competence', 'Modalite', 'Critere', 'Epreuve', 'Mesure', 'Condition', 'Proprietaire', 'Grandeur']) {
            expect(msg(`kind.${kind}`, {}, 'fr')).not.toBe(`kind.${kind}`);
            expect(msg(`kind.${kind}`, {}, 'en')).not.toBe(`kind.${kind}`);
        }
    });
});

describe('messages en anglais (locale « en »)', () => {
    it('couverture, numérotation et liaison', async () => {
        const text = certification(bloc(1, '    compétence C1.2. "Non évaluée" issue de A1-1\n    modalité M9 "x" {\n        nature "projet"\n        évalue C1.9\n    }\n'));
        const ws = await lint(text, { locale: 'en' });
        expectOne(ws, 'REF101', { severity: ERROR, range: at(text, 'C1.2.'), message: ['Competency C1.2. is assessed by no assessment situation: add it to the "évalue" list of one.'] });
        expectOne(ws, 'REF202', { severity: WARNING, message: ['Code "C1.2." ends with a dot: write "C1.2".'] });
        expectOne(ws, 'REF002', { severity: ERROR, range: at(text, 'C1.9'), message: ['The competency "C1.9" does not exist in référentiel DE.', 'Did you mean C1.1, C1.2.?'] });
    });

    it('obtention : types, seuils, fonctions', async () => {
        const text = certification(bloc(1), 'obtention {\n    épreuve memoire "M" sur 20\n    mesure periode "P" en mois\n    condition "c" : moyenne(memoire, memoire) >= 25 et periode >= 6 semaines et moyenne pondérée(memoire coef 2, memoire) >= 10\n    condition "d" : memoire > 12 et memoire < 10\n}\n');
        const ws = await lint(text, { locale: 'en' });
        expectOne(ws, 'REF305', { severity: ERROR, message: ['Threshold 25 is outside the scale of "moyenne(memoire, memoire)", which goes from 0 to 20.'] });
        expectOne(ws, 'REF303', { severity: ERROR, message: ['Different units: mois and semaines. Express both in the same unit.'] });
        expectOne(ws, 'REF307', { severity: ERROR, message: ['In a weighted average every term has a coefficient'] });
        expectOne(ws, 'REF306', { severity: ERROR, message: ['This condition can never be met: the constraints on "memoire" contradict each other.'] });
    });

    it('accessibilité, cohérence et syntaxe', async () => {
        const text = certification(bloc(1).replace('"Compétence 1"', '"Produire un rapport accessible"'), 'obtention {\n    condition "c" : tous les blocs validés\n}\n', 'certification DE "x" {\n    niveau 9\n}\n');
        const ws = await lint(text, { locale: 'en' });
        expectOne(ws, 'REF401', { severity: INFO, message: ['Competency C1.1 asks for accessible work, but no eliminatory criterion checks accessibility'] });
        expectOne(ws, 'REF008', { severity: ERROR, message: ['Level 9 does not exist'] });

        const broken = await lint(HEADER + 'bloc BC01 "Un" {\n    compétence C1.1\n}\n', { locale: 'en' });
        const syntax = find(broken, 'REF001');
        expect(syntax.length).toBeGreaterThan(0);
        expect(syntax[0].message).toMatch(/^Syntax: expected a text between double quotes "…", found "}"/);
    });

    it('et de retour en français', async () => {
        const ws = await lint(certification(bloc(1, '    compétence C1.2 "x"\n')));
        expectOne(ws, 'REF101', { severity: ERROR, message: ['La compétence C1.2 n\'est évaluée par aucune modalité'] });
    });
});
