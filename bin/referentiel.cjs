#!/usr/bin/env node
'use strict';
// Point d'entrée de la ligne de commande `referentiel`. Deux paquets construits : out/lint.cjs
// pour les commandes qui n'ont besoin que du langage (lint, format), out/cli.cjs pour toutes.
// Le choix est fait ici, avant de lire l'un ou l'autre (docs/performance.md, démarrage).
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
    const english = /^en/i.test(process.env.REFERENTIEL_LOCALE || process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
    process.stderr.write(english
        ? `Référentiel needs Node.js 22 or newer (current version: ${process.version}).\n`
        : `Référentiel demande Node.js 22 ou plus récent (version actuelle : ${process.version}).\n`);
    process.exit(2);
}
// Cache de compilation de Node (≥ 22.1) : le code du paquet compilé par V8 est gardé sur disque
// (dossier temporaire du système) ; les démarrages suivants n'ont plus à le recompiler.
require('node:module').enableCompileCache?.();
// La commande : le premier argument qui n'est pas une option générale (--locale prend une valeur),
// comme commandOf (language-server/src/cli/commands.ts) ; dans le doute, le paquet complet.
function commandOf(args) {
    for (let i = 0; i < args.length; i++) {
        if (args[i] === '--') return undefined;
        if (args[i] === '--locale') i++;
        else if (!args[i].startsWith('-')) return args[i];
    }
    return undefined;
}
const command = commandOf(process.argv.slice(2));
require(command === 'lint' || command === 'format' ? '../out/lint.cjs' : '../out/cli.cjs').run();
