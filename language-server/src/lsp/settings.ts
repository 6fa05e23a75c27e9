/**
 * Réglages de l'éditeur, section `referentiel` (lus par le ConfigurationProvider de Langium :
 * `workspace/configuration` au démarrage, `workspace/didChangeConfiguration` ensuite) :
 *
 * - `referentiel.regles` : { "REF102": "off", "REF401": "warning", … } — sévérité de chaque
 *   règle : "error", "warning", "info" ou "off" (les mêmes valeurs que `lint --rule`) ;
 * - `referentiel.langue` : "fr", "en" ou "auto" (la langue de l'éditeur, `locale` des paramètres
 *   d'initialisation ; à défaut l'environnement, puis le français).
 *
 * Quand un réglage change, tous les documents déjà vérifiés le sont à nouveau (leurs
 * diagnostics sont republiés avec les nouvelles sévérités et la nouvelle langue).
 */
import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { detectLocale, getLocale, parseLocale, setLocale, type Locale } from '../i18n/locale.js';
import { registerMessages, msg } from '../i18n/messages.js';
import type { ReferentielServices } from '../referentiel-module.js';
import { isRuleCode, type RuleCode, type SeverityOrOff } from '../validation/rules.js';
import { parseSeverity } from '../validation/settings.js';

export const SETTINGS_SECTION = 'referentiel';
const INITIAL_SETTINGS_TIMEOUT = 3000;

export interface ReferentielSettings {
    readonly regles?: Record<string, string>;
    readonly langue?: 'fr' | 'en' | 'auto' | string;
}

registerMessages({
    'lsp.settings.badRule': {
        fr: 'Réglage referentiel.regles : « {code} » n\'est pas une règle connue (ignoré).',
        en: 'Setting referentiel.regles: "{code}" is not a known rule (ignored).'
    },
    'lsp.settings.badSeverity': {
        fr: 'Réglage referentiel.regles : « {value} » n\'est pas une sévérité pour {code} (error, warning, info ou off ; ignoré).',
        en: 'Setting referentiel.regles: "{value}" is not a severity for {code} (error, warning, info or off; ignored).'
    },
    'lsp.settings.badLangue': {
        fr: 'Réglage referentiel.langue : « {value} » n\'est pas une langue (fr, en ou auto ; ignoré).',
        en: 'Setting referentiel.langue: "{value}" is not a language (fr, en or auto; ignored).'
    }
});

/** Lit les réglages : sévérités valides et langue ; les erreurs sont rendues (en français ou anglais). */
export function readSettings(settings: ReferentielSettings | undefined, editorLocale: string | undefined): {
    rules: Map<RuleCode, SeverityOrOff>;
    locale?: Locale;
    problems: string[];
} {
    const rules = new Map<RuleCode, SeverityOrOff>();
    const problems: string[] = [];
    const regles = settings?.regles;
    if (regles && typeof regles === 'object') {
        for (const [rawCode, value] of Object.entries(regles)) {
            const code = rawCode.trim().toUpperCase();
            if (!isRuleCode(code)) {
                problems.push(msg('lsp.settings.badRule', { code: rawCode }));
                continue;
            }
            const severity = typeof value === 'string' ? parseSeverity(value) : undefined;
            if (!severity) {
                problems.push(msg('lsp.settings.badSeverity', { code, value: String(value) }));
                continue;
            }
            rules.set(code, severity);
        }
    }
    let locale: Locale | undefined;
    const langue = settings?.langue;
    if (langue === 'fr' || langue === 'en') {
        locale = langue;
    } else if (langue === 'auto') {
        locale = parseLocale(editorLocale) ?? detectLocale();
    } else if (langue !== undefined && langue !== null && langue !== '') {
        problems.push(msg('lsp.settings.badLangue', { value: String(langue) }));
    }
    return { rules, locale, problems };
}

export class EditorSettings {
    private editorLocale?: string;
    /** Les réglages en vigueur (règles et langue), pour ne revérifier que s'ils changent. */
    private applied?: string;
    private readonly shared: LangiumSharedServices;

    /** Résolue quand les réglages du démarrage sont appliqués : la première vérification les attend. */
    private readonly initialReady: Promise<void>;
    private resolveInitial: () => void = () => undefined;

    constructor(private readonly services: ReferentielServices) {
        this.shared = services.shared;
        this.initialReady = new Promise<void>(resolve => { this.resolveInitial = resolve; });
        if (!this.shared.lsp.Connection) {
            // Hors serveur (ligne de commande, tests) : pas de réglages à attendre.
            this.resolveInitial();
        } else {
            // Un client qui ne répondrait pas à workspace/configuration ne bloque pas la vérification.
            setTimeout(() => this.resolveInitial(), INITIAL_SETTINGS_TIMEOUT).unref?.();
        }
        // Les diagnostics ne sont calculés qu'avec les bons réglages (sévérités, langue).
        this.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedReferences, () => this.initialReady);
        this.shared.lsp.LanguageServer.onInitialize(params => {
            this.editorLocale = params.locale;
        });
        const configuration = this.shared.workspace.ConfigurationProvider;
        configuration.onConfigurationSectionUpdate(update => {
            if (update.section === SETTINGS_SECTION) {
                void this.apply(update.configuration as ReferentielSettings | undefined);
            }
        });
        this.shared.lsp.LanguageServer.onInitialized(() => {
            // Les réglages lus au démarrage (workspace/configuration), s'il y en a.
            void configuration.ready.then(async () => {
                const regles = await configuration.getConfiguration(SETTINGS_SECTION, 'regles') as Record<string, string> | undefined;
                const langue = await configuration.getConfiguration(SETTINGS_SECTION, 'langue') as string | undefined;
                if (regles !== undefined || langue !== undefined) {
                    await this.apply({ regles, langue });
                }
            }).finally(() => this.resolveInitial());
        });
    }

    /** Applique des réglages ; revérifie les documents si quelque chose a changé. */
    async apply(settings: ReferentielSettings | undefined): Promise<void> {
        // Au premier appel, l'état de départ : aucune sévérité changée, la langue du démarrage.
        const previous = this.applied ?? JSON.stringify({ rules: [], locale: getLocale() });
        const { rules, locale, problems } = readSettings(settings, this.editorLocale);
        for (const problem of problems) {
            this.shared.lsp.Connection?.console.warn(problem);
        }
        this.services.validation.RuleSettings.set(rules);
        if (locale) setLocale(locale);
        this.applied = JSON.stringify({ rules: [...rules].sort(), locale: getLocale() });
        this.resolveInitial();
        const validated = this.shared.workspace.LangiumDocuments.all.some(d => d.state >= DocumentState.Validated);
        if (this.applied !== previous && validated) {
            await revalidateAll(this.shared);
        }
    }
}

/** Revérifie les documents déjà vérifiés (nouvelles sévérités, nouvelle langue). */
export async function revalidateAll(shared: LangiumSharedServices): Promise<void> {
    const builder = shared.workspace.DocumentBuilder;
    await shared.workspace.WorkspaceLock.write(async token => {
        for (const document of shared.workspace.LangiumDocuments.all) {
            if (document.state >= DocumentState.Validated) {
                builder.resetToState(document, DocumentState.IndexedReferences);
            }
        }
        await builder.update([], [], token);
    });
}
