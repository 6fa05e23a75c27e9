// `npm audit --omit=dev` pour l'intégration continue : échoue (code 1) sur une vulnérabilité haute
// ou critique d'une dépendance d'exécution ; si le service d'audit du registre ne répond pas (machine
// hors ligne, point d'accès refusé, comme sur les machines de développement de ce dépôt), le dit
// par un avertissement et n'échoue pas : l'audit ne peut rien conclure, les tests continuent.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Le verdict d'une sortie de `npm audit --json` :
 * `ok` (aucune vulnérabilité haute ou critique), `vulnerable` (au moins une), `indisponible`
 * (pas de rapport : le service n'a pas répondu).
 */
export function auditVerdict(output) {
    let report;
    try {
        report = JSON.parse(output);
    } catch {
        return { status: 'indisponible', message: 'réponse illisible de npm audit' };
    }
    const counts = report?.metadata?.vulnerabilities;
    if (!counts || typeof counts !== 'object') {
        const reason = [report?.error?.summary, report?.message, report?.statusCode && `code HTTP ${report.statusCode}`].find(r => r) ?? 'aucun rapport';
        // L'adresse du service est ôtée du message (le chemin suffit à dire ce qui a été refusé).
        return { status: 'indisponible', message: String(reason).split('\n')[0].replace(/https?:\/\/[^/\s]+/g, '') };
    }
    const high = (counts.high ?? 0) + (counts.critical ?? 0);
    const names = Object.entries(report.vulnerabilities ?? {})
        .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
        .map(([name, v]) => `${name} (${v.severity})`);
    return high > 0
        ? { status: 'vulnerable', message: `${high} vulnérabilité(s) haute(s) ou critique(s) : ${names.join(', ')}` }
        : { status: 'ok', message: `aucune vulnérabilité haute ou critique (${counts.total ?? 0} au total, toutes moindres)` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', shell: process.platform === 'win32' });
    const verdict = auditVerdict(run.stdout || '');
    if (verdict.status === 'indisponible') {
        console.log(`::warning::npm audit --omit=dev n'a pas pu interroger le service d'audit : ${verdict.message}`);
    } else {
        console.log(`npm audit --omit=dev : ${verdict.message}`);
    }
    process.exit(verdict.status === 'vulnerable' ? 1 : 0);
}
