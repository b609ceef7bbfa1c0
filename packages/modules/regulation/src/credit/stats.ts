import {
  type CreditRecord,
  isActive,
  monthsBefore,
  type RecordSource,
  recordStanding,
  SERIOUS_SEVERITY,
} from './records';

/**
 * Figures about a subject's active records (see `isActive`) at a moment, all whole numbers, as
 * rules see them in CEL as `stats`. "In 12 months" means dated after `monthsBefore(asOf, 12)`.
 */
export interface CreditStats {
  /** Active records per source. */
  licenceRecords: number;
  penaltyRecords: number;
  inspectionRecords: number;
  complaintRecords: number;
  courtRecords: number;
  taxRecords: number;
  commitmentRecords: number;
  /** Active penalties dated within the last 12 / 36 months. */
  penalties12m: number;
  penalties36m: number;
  /** Active penalties with severity ≥ SERIOUS_SEVERITY (70). */
  seriousPenalties: number;
  /** Sum of `data.amount` over active penalties, in whole yuan (rounded). */
  penaltyAmount: number;
  /** Active penalties with `data.licenceRevoked` true (吊销许可证). */
  licenceRevocations: number;
  /** Active inspections by result, in all and within the last 12 months. */
  inspectionsPassed: number;
  inspectionsFailed: number;
  inspectionsPassed12m: number;
  inspectionsFailed12m: number;
  /** Active complaints dated within the last 12 months. */
  complaints12m: number;
  /** Active commitments checked as kept / broken (unchecked ones count in neither). */
  commitmentsKept: number;
  commitmentsBroken: number;
  /** Active tax records with `data.violation` true. */
  taxViolations: number;
  /** Active adverse records (see `recordStanding`), in all and within the last 12 months. */
  adverseRecords: number;
  adverse12m: number;
  /** The highest severity among active adverse records; 0 when there are none. */
  maxSeverity: number;
}

/** The names of the figures in `CreditStats`, in a fixed order. */
export const STAT_NAMES = [
  'licenceRecords',
  'penaltyRecords',
  'inspectionRecords',
  'complaintRecords',
  'courtRecords',
  'taxRecords',
  'commitmentRecords',
  'penalties12m',
  'penalties36m',
  'seriousPenalties',
  'penaltyAmount',
  'licenceRevocations',
  'inspectionsPassed',
  'inspectionsFailed',
  'inspectionsPassed12m',
  'inspectionsFailed12m',
  'complaints12m',
  'commitmentsKept',
  'commitmentsBroken',
  'taxViolations',
  'adverseRecords',
  'adverse12m',
  'maxSeverity',
] as const satisfies readonly (keyof CreditStats)[];

const SOURCE_STAT: Record<RecordSource, keyof CreditStats> = {
  licence: 'licenceRecords',
  penalty: 'penaltyRecords',
  inspection: 'inspectionRecords',
  complaint: 'complaintRecords',
  court: 'courtRecords',
  tax: 'taxRecords',
  commitment: 'commitmentRecords',
};

function emptyStats(): CreditStats {
  return Object.fromEntries(STAT_NAMES.map((name) => [name, 0])) as unknown as CreditStats;
}

/** Computes `CreditStats` from a subject's records at `asOf`; inactive records are skipped. */
export function computeStats(records: readonly CreditRecord[], asOf: Date): CreditStats {
  const stats = emptyStats();
  const since12 = monthsBefore(asOf, 12).getTime();
  const since36 = monthsBefore(asOf, 36).getTime();
  let amount = 0;
  for (const record of records) {
    if (!isActive(record, asOf)) continue;
    const at = record.date.getTime();
    const in12 = at > since12;
    stats[SOURCE_STAT[record.source]]++;
    const standing = recordStanding(record);
    if (standing === 'adverse') {
      stats.adverseRecords++;
      if (in12) stats.adverse12m++;
      stats.maxSeverity = Math.max(stats.maxSeverity, record.severity);
    }
    switch (record.source) {
      case 'penalty': {
        if (in12) stats.penalties12m++;
        if (at > since36) stats.penalties36m++;
        if (record.severity >= SERIOUS_SEVERITY) stats.seriousPenalties++;
        if (record.data.licenceRevoked === true) stats.licenceRevocations++;
        const fine = record.data.amount;
        if (typeof fine === 'number' && Number.isFinite(fine) && fine > 0) amount += fine;
        break;
      }
      case 'inspection':
        if (standing === 'favourable') {
          stats.inspectionsPassed++;
          if (in12) stats.inspectionsPassed12m++;
        } else if (standing === 'adverse') {
          stats.inspectionsFailed++;
          if (in12) stats.inspectionsFailed12m++;
        }
        break;
      case 'complaint':
        if (in12) stats.complaints12m++;
        break;
      case 'commitment':
        if (standing === 'favourable') stats.commitmentsKept++;
        else if (standing === 'adverse') stats.commitmentsBroken++;
        break;
      case 'tax':
        if (standing === 'adverse') stats.taxViolations++;
        break;
      case 'licence':
      case 'court':
        break;
    }
  }
  stats.penaltyAmount = Math.min(Math.round(amount), Number.MAX_SAFE_INTEGER);
  return stats;
}
