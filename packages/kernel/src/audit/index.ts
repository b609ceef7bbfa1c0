export { recordAudit, type AuditRecord } from './record-audit';
export {
  verifyAudit,
  type AuditVerification,
  type AuditProblem,
  type AuditProblemKind,
} from './verify-audit';
export { sealAuditDay, sealAuditDaysUpTo, beijingDayRange } from './seal-audit-day';
export { listAudit, type ListAuditOptions } from './list-audit';
export { canonicalJson } from './canonical-json';
export { auditEntry, auditDailyRoot } from './schema';
