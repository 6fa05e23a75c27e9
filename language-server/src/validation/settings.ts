import { ruleDefinition, type RuleCode, type Severity, type SeverityOrOff } from './rules.js';

/**
 * Sévérités configurées par l'utilisateur (réglages de l'éditeur, `--rule CODE=niveau` en ligne
 * de commande). Une règle absente garde sa sévérité par défaut ; « off » la désactive.
 */
export class RuleSettings {
    private overrides = new Map<RuleCode, SeverityOrOff>();

    set(overrides: Partial<Record<RuleCode, SeverityOrOff>> | ReadonlyMap<RuleCode, SeverityOrOff>): void {
        this.overrides = new Map(overrides instanceof Map ? overrides : Object.entries(overrides) as Array<[RuleCode, SeverityOrOff]>);
    }

    severityOf(code: RuleCode): SeverityOrOff {
        const rule = ruleDefinition(code);
        return this.overrides.get(code) ?? (rule.defaultOff ? 'off' : rule.severity);
    }
}

const SEVERITY_ALIASES: Record<string, SeverityOrOff> = {
    error: 'error', erreur: 'error',
    warning: 'warning', warn: 'warning', avertissement: 'warning',
    info: 'info', information: 'info',
    off: 'off', desactive: 'off', 'désactivé': 'off', 'désactivée': 'off', aucun: 'off'
};

export function parseSeverity(text: string): SeverityOrOff | undefined {
    return SEVERITY_ALIASES[text.trim().toLowerCase()];
}

/** Une sévérité en DiagnosticSeverity de LSP (1 erreur, 2 avertissement, 3 information). */
export const LSP_SEVERITY: Readonly<Record<Severity, 1 | 2 | 3>> = { error: 1, warning: 2, info: 3 };

/** La sévérité d'un diagnostic LSP (sans sévérité : erreur ; 4, indication, compte comme information). */
export function severityOfDiagnostic(severity: number | undefined): Severity {
    return severity === undefined || severity <= LSP_SEVERITY.error ? 'error' : severity === LSP_SEVERITY.warning ? 'warning' : 'info';
}
