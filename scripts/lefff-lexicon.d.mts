/** Types de scripts/lefff-lexicon.mjs (importé par vitest.config.mts). */
export declare const LEFFF_MODULE: 'lefff:verbes';
export declare function lefffLexiconSource(): string;
