// La grammaire TextMate de l'extension, tirée de celle que génère langium-cli
// (extension/syntaxes/referentiel.tmLanguage.json, non versionnée) avec une correction :
// langium-cli entoure les mots-clés accentués de \B (« é » n'est pas une lettre pour les
// expressions régulières JavaScript), alors que l'Oniguruma de VS Code les tient pour des lettres :
// « évalue », « modalité », « épreuve », « à »… n'étaient pas colorés. Les mots-clés sont repris
// de grammar/referentiel.langium et entourés de \b ; nombres, dates et opérateurs sont ajoutés.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export function keywordsOf(langium) {
    const words = new Set();
    for (const match of langium.replace(/\/\/[^\n]*/g, '').matchAll(/'([^'\\]+)'/g)) {
        if (/^\p{L}+$/u.test(match[1])) words.add(match[1]);
    }
    // Les plus longs d'abord : « compétences » avant « compétence ».
    return [...words].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

export function buildGrammar(root, outRoot = root) {
    const generated = JSON.parse(readFileSync(path.join(root, 'extension/syntaxes/referentiel.tmLanguage.json'), 'utf8'));
    const keywords = keywordsOf(readFileSync(path.join(root, 'grammar/referentiel.langium'), 'utf8'));
    const patterns = generated.patterns.map(p => p.name === 'keyword.control.referentiel'
        ? { name: 'keyword.control.referentiel', match: `\\b(${keywords.join('|')})\\b` }
        : p);
    patterns.push(
        { name: 'constant.numeric.date.referentiel', match: '\\b[0-9]{4}-[0-9]{2}-[0-9]{2}\\b' },
        { name: 'constant.numeric.referentiel', match: '(?<![\\w.\\-])[0-9]+(?:[.,][0-9]+)?(?![\\w.\\-])' },
        { name: 'keyword.operator.referentiel', match: '>=|<=|!=|[≥≤≠<>=+*/%]' }
    );
    const grammar = { ...generated, patterns };
    const out = path.join(outRoot, 'out/syntaxes/referentiel.tmLanguage.json');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(grammar, null, 2) + '\n');
    return out;
}
