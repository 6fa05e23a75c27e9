/** Types de test/chromium.mjs (partagé par vitest et les lanceurs .mjs de test/e2e). */
export declare const CHROMIUM_ARGS: string[];
export declare function findChromium(): Promise<{ executablePath: string; source: string }>;
export declare function packagedChromium(): Promise<{ executablePath: string; source: string }>;
