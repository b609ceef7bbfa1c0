import { z } from 'zod';

/** Where a credit record comes from (应归尽归). */
export const RECORD_SOURCES = [
  'licence',
  'penalty',
  'inspection',
  'complaint',
  'court',
  'tax',
  'commitment',
] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];

/** One piece of credit information about a market subject. */
export interface CreditRecord {
  id: string;
  subjectId: string;
  source: RecordSource;
  /** The department that supplied the record (org unit code). */
  departmentCode: string;
  /** When the decision, inspection, complaint … took place. */
  date: Date;
  /** From this instant the record no longer counts (公示期满); null: no end. */
  validUntil: Date | null;
  /** When credit repair (信用修复) was granted; from then on the record no longer counts. */
  repairedAt: Date | null;
  /** 0 (trivial) to 100 (most serious), as the supplying department graded it. */
  severity: number;
  /** Record-specific facts; see `recordDataSchemas`. */
  data: Record<string, unknown>;
}

/** Whether a record counts against the subject, for it, or neither. */
export type RecordStanding = 'adverse' | 'favourable' | 'neutral';

/** A penalty of this severity or more is serious (严重违法失信); an assumption, see the README. */
export const SERIOUS_SEVERITY = 70;

/** What `data` holds per source; other keys are kept as they are. */
export const recordDataSchemas: Record<RecordSource, z.ZodType> = {
  /** 行政许可: `licenceType` (e.g. 食品经营许可证). */
  licence: z.looseObject({ licenceType: z.string().max(60).optional() }),
  /** 行政处罚: `amount` of the fine and confiscation in yuan; `licenceRevoked` for 吊销许可证. */
  penalty: z.looseObject({
    amount: z.number().min(0).max(1e12).optional(),
    licenceRevoked: z.boolean().optional(),
  }),
  /** 检查结果: `result` pass or fail. */
  inspection: z.looseObject({ result: z.enum(['pass', 'fail']) }),
  /** 投诉举报 that the department recorded against the subject. */
  complaint: z.looseObject({}),
  /** 司法信息 shared by the courts (e.g. 失信被执行人). */
  court: z.looseObject({}),
  /** 税务信息: `violation` true for 重大税收违法 and arrears, false for a plain record. */
  tax: z.looseObject({ violation: z.boolean() }),
  /** 告知承诺: `kept` true or false once checked, null or absent before. */
  commitment: z.looseObject({ kept: z.boolean().nullable().optional() }),
};

/** A Date, or an ISO date-time with offset, or YYYY-MM-DD (the start of that day in Beijing). */
const instant = z
  .union([z.date(), z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((v) => (v instanceof Date ? v : new Date(v.length === 10 ? `${v}T00:00:00+08:00` : v)))
  .refine((d) => !Number.isNaN(d.getTime()), 'must be a valid date');

/** Parses a credit record from a department or an import; `data` is checked by source. */
export const creditRecordSchema = z
  .object({
    id: z.string().trim().min(1).max(64),
    subjectId: z.string().trim().min(1).max(64),
    source: z.enum(RECORD_SOURCES),
    departmentCode: z.string().trim().min(1).max(64),
    date: instant,
    validUntil: instant.nullable().default(null),
    repairedAt: instant.nullable().default(null),
    severity: z.number().int().min(0).max(100),
    data: z.record(z.string(), z.unknown()).default({}),
  })
  .superRefine((record, ctx) => {
    if (record.validUntil && record.validUntil.getTime() <= record.date.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'validUntil must be after date' });
    }
    if (record.repairedAt && record.repairedAt.getTime() < record.date.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['repairedAt'], message: 'repairedAt must not be before date' });
    }
    const data = recordDataSchemas[record.source].safeParse(record.data);
    if (!data.success) {
      for (const issue of data.error.issues) {
        ctx.addIssue({ code: 'custom', path: ['data', ...issue.path], message: issue.message });
      }
    }
  });
export type CreditRecordInput = z.input<typeof creditRecordSchema>;

/**
 * Whether a record counts against the subject (adverse), for it (favourable), or neither:
 * penalties, court records and complaints are adverse; an inspection by its result; a tax record
 * when `violation`; a commitment when `kept` is false (favourable when true, neutral before it is
 * checked); licences are favourable.
 */
export function recordStanding(record: CreditRecord): RecordStanding {
  switch (record.source) {
    case 'penalty':
    case 'court':
    case 'complaint':
      return 'adverse';
    case 'licence':
      return 'favourable';
    case 'inspection':
      return record.data.result === 'fail'
        ? 'adverse'
        : record.data.result === 'pass'
          ? 'favourable'
          : 'neutral';
    case 'tax':
      return record.data.violation === true ? 'adverse' : 'favourable';
    case 'commitment':
      return record.data.kept === false ? 'adverse' : record.data.kept === true ? 'favourable' : 'neutral';
  }
}

/**
 * Whether a record counts at `asOf`: it has happened (`date` ≤ asOf), it has not expired
 * (`validUntil` null or after asOf) and it has not been repaired (`repairedAt` null or after
 * asOf). Repair and expiry later than `asOf` do not matter, so past ratings can be recomputed.
 */
export function isActive(record: CreditRecord, asOf: Date): boolean {
  const at = asOf.getTime();
  return (
    record.date.getTime() <= at &&
    (record.validUntil === null || record.validUntil.getTime() > at) &&
    (record.repairedAt === null || record.repairedAt.getTime() > at)
  );
}

/** The records that count at `asOf` (see `isActive`), in their given order. */
export function activeRecords<R extends CreditRecord>(records: readonly R[], asOf: Date): R[] {
  return records.filter((record) => isActive(record, asOf));
}

/**
 * The instant `months` calendar months before `asOf`, counted in Beijing time (29 Feb less
 * 12 months is 1 Mar). A record is "within the last n months" when its date is after this instant.
 */
export function monthsBefore(asOf: Date, months: number): Date {
  const beijing = new Date(asOf.getTime() + 8 * 3_600_000);
  beijing.setUTCMonth(beijing.getUTCMonth() - months);
  return new Date(beijing.getTime() - 8 * 3_600_000);
}
