import RULES_MD from '../../../docs/rules.md';

/**
 * La documentation de chaque règle, tirée de docs/rules.md à la construction (le fichier est
 * embarqué comme texte) : l'ancre de sa section, le « pourquoi », ce qu'elle détecte et sa
 * correction. Les rapports SARIF s'en servent (helpUri, fullDescription, help).
 */
export interface RuleDoc {
    /** Ancre de la section « ### REFnnn — Titre », telle que GitHub la calcule. */
    readonly anchor: string;
    readonly detects: string;
    readonly why: string;
    readonly fix: string;
}

/** L'ancre d'un titre Markdown selon GitHub : minuscules, ponctuation retirée, espaces → tirets. */
export function githubAnchor(heading: string): string {
    return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '').replace(/\s/g, '-');
}

/** Texte d'un paragraphe Markdown sur une ligne, sans gras ni liens. */
function plain(markdown: string): string {
    return markdown
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/\*\*([^*]+)\*\*/g, '$1')
        .replace(/\s+/g, ' ')
        .trim();
}

export function parseRuleDocs(markdown: string): Map<string, RuleDoc> {
    const docs = new Map<string, RuleDoc>();
    const sections = markdown.replace(/\r\n/g, '\n').split(/^(?=#{2,3} )/m);
    for (const section of sections) {
        const heading = /^### (REF\d{3}) — .*$/m.exec(section);
        if (!heading) continue;
        const paragraphs = section.split(/\n\s*\n/);
        const paragraph = (label: string): string => {
            const found = paragraphs.find(p => p.startsWith(`**${label}.**`));
            return found ? plain(found.slice(label.length + 5)) : '';
        };
        docs.set(heading[1], {
            anchor: githubAnchor(heading[0].slice(4)),
            detects: paragraph('Ce que la règle détecte'),
            why: paragraph('Pourquoi'),
            fix: paragraph('Correction')
        });
    }
    return docs;
}

export const RULE_DOCS: ReadonlyMap<string, RuleDoc> = parseRuleDocs(RULES_MD);

/** Où la documentation du projet (le dossier docs/) est publiée ; --docs-url ou REFERENTIEL_DOCS_URL la remplace. */
export const DEFAULT_DOCS_URL = 'https://referentiel.invalid/docs/';

/** Adresse de base de la documentation, terminée par « / », validée (https ou http). */
export function docsBaseUrl(value: string | undefined): string {
    const raw = value ?? process.env.REFERENTIEL_DOCS_URL ?? DEFAULT_DOCS_URL;
    return raw.endsWith('/') ? raw : raw + '/';
}
