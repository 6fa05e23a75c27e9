#!/usr/bin/env node
'use strict';
// Serveur de langage Référentiel (LSP) pour tout éditeur : `referentiel-language-server --stdio`.
// Le programme est construit dans out/server.cjs.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
    const english = /^en/i.test(process.env.REFERENTIEL_LOCALE || process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
    process.stderr.write(english
        ? `Référentiel needs Node.js 22 or newer (current version: ${process.version}).\n`
        : `Référentiel demande Node.js 22 ou plus récent (version actuelle : ${process.version}).\n`);
    process.exit(2);
}
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write('referentiel-language-server --stdio | --node-ipc | --socket=PORT\n');
    process.exit(0);
}
if (!args.some(a => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
    // Sans précision, on parle LSP sur l'entrée et la sortie standard (ce qu'attendent Neovim et Emacs).
    process.argv.push('--stdio');
}
// Cache de compilation de Node (≥ 22.1) : le code du paquet compilé par V8 est gardé sur disque
// (dossier temporaire du système) ; les démarrages suivants n'ont plus à le recompiler.
require('node:module').enableCompileCache?.();
require('../out/server.cjs');
