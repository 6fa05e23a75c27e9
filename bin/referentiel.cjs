#!/usr/bin/env node
'use strict';
// Point d'entrée de la ligne de commande `referentiel`. Le programme est construit dans out/cli.cjs.
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
require('../out/cli.cjs').run();
