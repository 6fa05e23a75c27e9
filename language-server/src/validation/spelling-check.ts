import { AstUtils, CstUtils, URI, UriUtils, type FileSystemProvider, type ValidationAcceptor } from 'langium';
import type { Document } from '../generated/ast.js';
import type { ReferentielServices } from '../referentiel-module.js';
import { ruleMessage } from './rules.js';
import type { RuleSettings } from './settings.js';
import { misspellings, parseWordList, speller, WORD_LIST_FILE } from './spelling.js';

/** Au plus autant de dossiers remontés pour trouver les listes de mots de l'espace de travail. */
const MAX_DEPTH = 12;
/** Au plus autant de mots signalés par fichier : au-delà, c'est la langue du texte qui diffère. */
const MAX_PER_FILE = 200;

/** Ce que lit le correctif rapide de REF606 (voir lsp/code-actions.ts). */
export interface SpellingData {
    readonly word: string;
    readonly suggestions: string[];
    /** La liste de mots où ajouter le mot : la plus proche du fichier, ou celle à créer à côté de lui. */
    readonly wordList: string;
    /** Fin du fichier de mots s'il existe (ligne, colonne) ; absent s'il faut le créer. */
    readonly wordListEnd?: { line: number; character: number; newline: boolean };
}

/**
 * REF606 : les mots des textes (titres, libellés, notes : tout ce qui est entre guillemets)
 * inconnus du dictionnaire français et des listes `referentiel-mots.txt` du dossier du fichier et
 * de ses parents. Règle éteinte par défaut : tant qu'elle l'est, rien n'est lu ni chargé.
 */
export class SpellingValidator {
    private readonly settings: RuleSettings;
    private readonly fileSystem: FileSystemProvider;

    constructor(services: ReferentielServices) {
        this.settings = services.validation.RuleSettings;
        this.fileSystem = services.shared.workspace.FileSystemProvider;
    }

    async checkSpelling(document: Document, accept: ValidationAcceptor): Promise<void> {
        if (this.settings.severityOf('REF606') === 'off' || !document.$cstNode) return;
        const uri = AstUtils.getDocument(document).uri;
        const [engine, lists] = await Promise.all([speller(), this.wordLists(uri)]);
        const extra = new Set(lists.flatMap(list => list.words));
        const nearest = lists[0];
        const wordList = nearest?.uri ?? UriUtils.joinPath(UriUtils.dirname(uri), WORD_LIST_FILE).toString();
        let reported = 0;
        for (const leaf of CstUtils.streamCst(document.$cstNode)) {
            if (leaf.hidden || !('tokenType' in leaf) || (leaf as { tokenType: { name: string } }).tokenType.name !== 'STRING') continue;
            const raw = leaf.text.slice(1, -1);
            for (const { word, offset } of misspellings(raw, w => engine.spell(w), extra)) {
                if (reported++ >= MAX_PER_FILE) return;
                const start = leaf.offset + 1 + offset;
                const text = AstUtils.getDocument(document).textDocument;
                const range = { start: text.positionAt(start), end: text.positionAt(start + word.length) };
                const suggestions = word.length <= 30 ? engine.suggest(word).slice(0, 3) : [];
                const data: SpellingData = { word, suggestions, wordList, ...(nearest ? { wordListEnd: nearest.end } : {}) };
                const suggestion = suggestions.length > 0 ? ` (« ${suggestions.join(' », « ')} » ?)` : '';
                accept('info', ruleMessage('REF606', { word, suggestion }), { node: document, range, code: 'REF606', data: { code: 'REF606', ...data } });
            }
        }
    }

    /** Les listes de mots du dossier du fichier et de ses parents, la plus proche d'abord. */
    private async wordLists(uri: URI): Promise<Array<{ uri: string; words: string[]; end: NonNullable<SpellingData['wordListEnd']> }>> {
        const found: Array<{ uri: string; words: string[]; end: NonNullable<SpellingData['wordListEnd']> }> = [];
        let dir = UriUtils.dirname(uri);
        for (let depth = 0; depth < MAX_DEPTH; depth++) {
            const candidate = UriUtils.joinPath(dir, WORD_LIST_FILE);
            try {
                const text = await this.fileSystem.readFile(candidate);
                const lines = text.split('\n');
                const last = lines[lines.length - 1];
                found.push({
                    uri: candidate.toString(), words: parseWordList(text),
                    end: { line: lines.length - 1, character: last.length, newline: last.length > 0 }
                });
            } catch {
                // pas de liste à ce niveau
            }
            const parent = UriUtils.dirname(dir);
            if (parent.toString() === dir.toString()) break;
            dir = parent;
        }
        return found;
    }
}
