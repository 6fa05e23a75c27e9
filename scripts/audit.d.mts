export interface AuditVerdict {
    status: 'ok' | 'vulnerable' | 'indisponible';
    message: string;
}
export function auditVerdict(output: string): AuditVerdict;
