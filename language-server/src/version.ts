declare const __REFERENTIEL_VERSION__: string | undefined;

/** Version du paquet, injectée à la construction (esbuild) ; « dev » dans les tests sur les sources. */
export const VERSION: string = typeof __REFERENTIEL_VERSION__ !== 'undefined' ? __REFERENTIEL_VERSION__ : '0.0.0-dev';
