import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/**
 * Valeurs des terminaux.
 * - Texte : le contenu entre guillemets, verbatim (« », apostrophes, ponctuation française…).
 *   Seules séquences d'échappement : \" et \\. Un texte peut tenir sur plusieurs lignes :
 *   l'indentation des lignes de continuation n'en fait pas partie (le formateur peut la
 *   changer sans changer le texte), les sauts de ligne sont conservés.
 * - Nombre : « 12,5 » et « 12.5 » valent 12,5.
 * - Code : tel qu'écrit (les formes irrégulières sont signalées par le linter, pas corrigées ici).
 */
export class ReferentielValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'STRING':
                return convertTexte(input);
            case 'NOMBRE':
                return Number(input.replace(',', '.'));
            case 'DATE':
            case 'CODE':
                return input;
            default:
                return super.runConverter(rule, input, cstNode);
        }
    }
}

export function convertTexte(input: string): string {
    const body = input.slice(1, -1);
    // Le cas courant : ni échappement ni saut de ligne, le texte est le corps tel quel (sans copie caractère par caractère).
    if (!body.includes('\\') && !body.includes('\n')) return body;
    let unescaped = '';
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c === '\\' && i + 1 < body.length && (body[i + 1] === '"' || body[i + 1] === '\\')) {
            unescaped += body[i + 1];
            i++;
        } else {
            unescaped += c;
        }
    }
    if (!unescaped.includes('\n')) {
        return unescaped;
    }
    const lines = unescaped.split(/\r?\n/);
    return lines
        .map((line, index) => (index === 0 ? line.trimEnd() : line.trim()))
        .join('\n')
        .replace(/^\n+|\n+$/g, '');
}

/** Le littéral qui s'écrit pour un texte (inverse de convertTexte pour un texte sur une ligne). */
export function quoteTexte(value: string): string {
    return '"' + value.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}
