export * from './audit.schemas.ts';
export type { AuditExport } from './export-audit.ts';
export { exportAudit } from './export-audit.ts';
export { listAuditEntries } from './list-audit-entries.ts';
export { recordAuditEvent } from './record-audit-event.ts';
export { verifyAuditChain } from './verify-audit-chain.ts';
