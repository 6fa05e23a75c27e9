/**
 * Les textes de l'extension lus à l'exécution (messages, vues). Les chaînes sources sont en anglais
 * (la convention de @vscode/l10n) ; l10n/bundle.l10n.fr.json les traduit en français.
 *
 * Le français est la langue par défaut : il est choisi pour tout VS Code qui n'est pas en anglais,
 * ou quand le réglage `referentiel.langue` vaut « fr ». L'anglais l'est pour un VS Code en anglais
 * (ou `referentiel.langue` = « en »). C'est la même règle que celle des titres des commandes
 * (package.nls.json en français, package.nls.en.json en anglais).
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import french from '../../l10n/bundle.l10n.fr.json';

export type Langue = 'fr' | 'en';

let current: Langue = 'fr';

/** La langue choisie d'après le réglage et celle de VS Code. */
export function resolveLangue(setting: string | undefined, editorLanguage: string): Langue {
    if (setting === 'fr' || setting === 'en') return setting;
    return editorLanguage.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function configureLangue(): Langue {
    const setting = vscode.workspace.getConfiguration('referentiel').get<string>('langue', 'auto');
    current = resolveLangue(setting, vscode.env.language);
    l10n.config({ contents: current === 'fr' ? french : {} });
    return current;
}

export function langue(): Langue {
    return current;
}


