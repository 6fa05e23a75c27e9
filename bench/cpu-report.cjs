// Chargé par `node --require` dans les processus que lance bench/perf.ts : à la sortie, écrit le
// temps processeur du processus (utilisateur + système, en microsecondes) dans le fichier nommé
// par BENCH_CPU_FILE. Le temps processeur dépend bien moins de la charge de la machine que le
// temps écoulé : c'est lui qui fait les rapports du banc.
'use strict';
const file = process.env.BENCH_CPU_FILE;
if (file) {
    process.on('exit', () => {
        const usage = process.cpuUsage();
        require('node:fs').writeFileSync(file, String(usage.user + usage.system));
        // La mémoire de crête (Ko), si on la demande (ligne « import rncp »).
        if (process.env.BENCH_RSS_FILE) require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
    });
}
