/** Types du script qui produit test/fixtures/docx/data-engineer.docx (voir make-seed-docx.mjs). */
export declare const SEED: string;
export declare const OUTPUT: string;
export declare function readSeed(text: string): { blocks: unknown[]; footnotes: Record<string, string> };
export declare function buildSeedDocx(text?: string): Promise<Buffer>;
