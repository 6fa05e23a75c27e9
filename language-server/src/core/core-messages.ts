import { registerMessages } from '../i18n/messages.js';

/** Les textes du cœur (chargement d'un espace de travail), partagés par la ligne de commande et le serveur. */
registerMessages({
    'error.noSuchPath': {
        fr: '{path} : fichier ou dossier introuvable. Vérifiez le chemin.',
        en: '{path}: no such file or folder. Check the path.'
    },
    'error.noRefFiles': {
        fr: 'Aucun fichier .ref dans {paths}. Donnez des fichiers .ref ou des dossiers qui en contiennent.',
        en: 'No .ref file in {paths}. Give .ref files or folders that contain some.'
    },
    'error.notRef': {
        fr: '{path} n\'est pas un fichier .ref (un référentiel s\'écrit dans des fichiers .ref).',
        en: '{path} is not a .ref file (a référentiel is written in .ref files).'
    },
    'error.read': { fr: '{path} : lecture impossible ({reason}).', en: '{path}: cannot read ({reason}).' },
    'error.encoding': {
        fr: '{path} : ce fichier n\'est pas en UTF-8 (octet invalide ligne {line}). Enregistrez-le en UTF-8.',
        en: '{path}: this file is not UTF-8 (invalid byte at line {line}). Save it as UTF-8.'
    }
});
