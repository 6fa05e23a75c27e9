import { describe, expect, it } from 'vitest';
import { auditVerdict } from '../../scripts/audit.mjs';

/**
 * L'étape `npm audit --omit=dev` de l'intégration continue (scripts/audit.mjs, .ci/run) : une
 * vulnérabilité haute ou critique d'une dépendance d'exécution fait échouer ; un service d'audit
 * qui ne répond pas (réponse 405 des machines de développement, réseau coupé) ne conclut rien et
 * n'échoue pas.
 */
const report = (counts: Record<string, number>, vulnerabilities: Record<string, { severity: string }> = {}): string =>
    JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) } } });

describe('verdict de npm audit --omit=dev', () => {
    it('aucune vulnérabilité, ou seulement moindres : ok', () => {
        expect(auditVerdict(report({})).status).toBe('ok');
        expect(auditVerdict(report({ low: 2, moderate: 1 }))).toMatchObject({ status: 'ok', message: expect.stringContaining('3 au total') });
    });

    it('une vulnérabilité haute ou critique : échec, avec le paquet', () => {
        const verdict = auditVerdict(report({ critical: 1 }, { exemple: { severity: 'critical' }, autre: { severity: 'low' } }));
        expect(verdict).toEqual({ status: 'vulnerable', message: '1 vulnérabilité(s) haute(s) ou critique(s) : exemple (critical)' });
        expect(auditVerdict(report({ high: 1 }, { x: { severity: 'high' } })).status).toBe('vulnerable');
    });

    it('service d\'audit indisponible (405, réseau coupé, sortie vide) : indisponible, pas un échec', () => {
        const refused = JSON.stringify({ message: '405 Method Not Allowed - POST /-/npm/v1/security/advisories/bulk', statusCode: 405, body: '', error: { summary: '', detail: '' } });
        expect(auditVerdict(refused)).toEqual({ status: 'indisponible', message: '405 Method Not Allowed - POST /-/npm/v1/security/advisories/bulk' });
        // Le message ne dit que le chemin refusé, jamais l'adresse du service.
        expect(auditVerdict(JSON.stringify({ message: '405 Method Not Allowed - POST https://registre.invalid/-/npm/v1/security/advisories/bulk', statusCode: 405 })).message)
            .toBe('405 Method Not Allowed - POST /-/npm/v1/security/advisories/bulk');
        expect(auditVerdict(JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'request failed, reason: getaddrinfo ENOTFOUND', detail: '' } })).status).toBe('indisponible');
        expect(auditVerdict('').status).toBe('indisponible');
    });
});
