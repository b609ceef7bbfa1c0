import { InputError } from '@zhizhi/kernel/errors';
import { z } from 'zod';
import { type CheckSubjectCodeOptions, inspectSubjectCode } from './uscc';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Kinds of market subject: 企业, 个体工商户, 农民专业合作社, 沿街商铺. */
export const SUBJECT_KINDS = ['enterprise', 'individual', 'cooperative', 'shop'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** Registration status codes and their Chinese names. */
export const SUBJECT_STATUSES = {
  operating: '存续',
  revoked: '吊销',
  deregistered: '注销',
  moved_out: '迁出',
} as const;
export type SubjectStatus = keyof typeof SUBJECT_STATUSES;

/** GB/T 4754-2017 industry code: section letter A–T, then 2 (大类) to 4 (小类) digits, e.g. H62, H6210. */
export const INDUSTRY_CODE = /^[A-T]\d{2,4}$/;

/** A licence the subject holds: 营业执照, 食品经营许可证 … */
export const licenceSchema = z
  .object({
    /** The licence's name, e.g. 食品经营许可证. */
    type: text(60),
    number: text(60),
    /** First valid day, YYYY-MM-DD. */
    validFrom: z.iso.date(),
    /** Last valid day, YYYY-MM-DD; null for a licence without end (长期). */
    validTo: z.iso.date().nullable().default(null),
  })
  .refine((l) => l.validTo === null || l.validTo >= l.validFrom, {
    message: 'validTo must not be before validFrom',
    path: ['validTo'],
  });
export type Licence = z.output<typeof licenceSchema>;

/** What registers a market subject. The code is checked separately (see `parseMarketSubject`). */
export const marketSubjectSchema = z.object({
  /** 统一社会信用代码; normalised and checked by `parseMarketSubject`. */
  uscc: z.string().trim().min(1).max(30),
  name: text(200),
  kind: z.enum(SUBJECT_KINDS),
  /** 法定代表人 / 经营者. */
  legalRepresentative: text(60),
  /** Address as registered; matching to the standard address library comes later. */
  address: text(300),
  industryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(INDUSTRY_CODE, 'must be a GB/T 4754 code: a letter A–T and 2–4 digits'),
  licences: z
    .array(licenceSchema)
    .max(50)
    .default([])
    .refine(
      (licences) => new Set(licences.map((l) => `${l.type}\u0000${l.number}`)).size === licences.length,
      'licences must not repeat',
    ),
  status: z.enum(Object.keys(SUBJECT_STATUSES) as [SubjectStatus, ...SubjectStatus[]]).default('operating'),
});
export type MarketSubjectInput = z.input<typeof marketSubjectSchema>;

/** A parsed market subject. */
export type MarketSubject = z.output<typeof marketSubjectSchema> & {
  /** True when the code's check character is wrong and a person accepted it. */
  checkOverridden: boolean;
};

/**
 * Parses a market subject. Throws InputError `regulation.subject.invalid_input` with
 * `{ errors: [{ path, message }] }` for bad fields, then the errors of `checkSubjectCode` for the
 * code. Messages name fields, never their values.
 */
export function parseMarketSubject(input: unknown, options: CheckSubjectCodeOptions = {}): MarketSubject {
  const result = marketSubjectSchema.safeParse(input ?? {});
  if (!result.success) {
    const errors = result.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    throw new InputError(
      'regulation.subject.invalid_input',
      `The market subject is invalid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`.slice(
        0,
        1000,
      ),
      { errors },
    );
  }
  const { code, checkOverridden } = inspectSubjectCode(result.data.uscc, options);
  return { ...result.data, uscc: code, checkOverridden };
}
