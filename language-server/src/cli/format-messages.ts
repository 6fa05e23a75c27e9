import { registerMessages } from '../i18n/messages.js';

/** Les textes de `referentiel format` (français par défaut, anglais selon la locale). */
registerMessages({
    'cli.format.description': {
        fr: 'Mettre en forme des référentiels (.ref) : indentation, un élément par ligne, espaces normalisées. Les textes et commentaires ne changent pas.',
        en: 'Format référentiels (.ref): indentation, one element per line, normalised spacing. Texts and comments do not change.'
    },
    'cli.format.paths': { fr: 'fichiers .ref ou dossiers (parcourus récursivement)', en: '.ref files or folders (searched recursively)' },
    'cli.format.check': {
        fr: 'vérifier seulement : lister les fichiers à mettre en forme, sans rien écrire (code 1 s\'il y en a)',
        en: 'check only: list the files that need formatting, writing nothing (exit 1 if any)'
    },
    'format.changed': { fr: 'formaté : {file}', en: 'formatted: {file}' },
    'format.unformatted': { fr: 'à mettre en forme : {file}', en: 'needs formatting: {file}' },
    'format.summary': {
        fr: '{changed} {changed#fichier formaté|fichiers formatés}, {unchanged} déjà en forme.',
        en: '{changed} {changed#file|files} formatted, {unchanged} already formatted.'
    },
    'format.check.ok': {
        fr: '{count} {count#fichier|fichiers} déjà en forme.',
        en: '{count} {count#file|files} already formatted.'
    },
    'format.check.failed': {
        fr: '{count} {count#fichier n\'est pas en forme|fichiers ne sont pas en forme} : lancez « referentiel format {paths} ».',
        en: '{count} {count#file is|files are} not formatted: run "referentiel format {paths}".'
    },
    'format.syntax': {
        fr: '{file}:{line}:{column} : erreur de syntaxe — {message} Ce fichier n\'est pas mis en forme ; corrigez d\'abord l\'erreur (referentiel lint {file}).',
        en: '{file}:{line}:{column}: syntax error — {message} This file is not formatted; fix the error first (referentiel lint {file}).'
    },
    'format.refused': {
        fr: '{count} {count#fichier n\'a pas pu être mis en forme|fichiers n\'ont pas pu être mis en forme}.',
        en: '{count} {count#file|files} could not be formatted.'
    }
});
