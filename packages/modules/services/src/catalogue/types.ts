import { z } from 'zod';

/** National matter types (权力事项 and 公共服务) with their Zhejiang code labels. */
export const MATTER_TYPES = [
  { code: '01', label: '许可', en: 'Licensing' },
  { code: '02', label: '处罚', en: 'Penalty' },
  { code: '03', label: '强制', en: 'Enforcement' },
  { code: '04', label: '征收', en: 'Levy' },
  { code: '05', label: '给付', en: 'Benefit' },
  { code: '06', label: '检查', en: 'Inspection' },
  { code: '07', label: '确认', en: 'Confirmation' },
  { code: '08', label: '奖励', en: 'Reward' },
  { code: '09', label: '裁决', en: 'Adjudication' },
  { code: '10', label: '其他', en: 'Other' },
  { code: '20', label: '公共服务', en: 'Public service' },
] as const;

const TYPE_LABELS = MATTER_TYPES.map((t) => t.label).join('|');
/** Zhejiang basic code: type label, 5-digit main item, 3-digit sub-item (000 = main), optional -NN handling suffix. */
export const MATTER_CODE = new RegExp(`^(${TYPE_LABELS})-\\d{5}-\\d{3}(-\\d{2})?$`);

const names = z.object({ zh: z.string().min(1).max(200), en: z.string().min(1).max(300) });
const code = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,63}$/, 'lower-case letters, digits and _, starting with a letter');

/** Kinds of personal data a field holds (masked where the caller's grant does not cover them). */
export const PERSONAL_DATA_KINDS = [
  'none',
  'name',
  'id_number',
  'phone',
  'address',
  'birth_date',
  'income',
  'health',
  'other',
] as const;

export const FIELD_TYPES = [
  'text',
  'longtext',
  'number',
  'integer',
  'date',
  'boolean',
  'choice',
  'id_number',
  'uscc',
  'phone',
  'address',
  'division',
] as const;

/**
 * One entry of the shared field dictionary: every form field of every matter refers to one, so a
 * bundle's form asks each thing once and the platform knows where it can be filled from.
 */
export const dictionaryEntrySchema = z.object({
  code,
  name: names,
  type: z.enum(FIELD_TYPES),
  /** Validation beyond the type's own (身份证号 and 统一社会信用代码 check digits come with the type). */
  maxLength: z.number().int().min(1).max(5000).optional(),
  pattern: z.string().max(500).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  options: z
    .array(z.object({ value: z.string().min(1).max(64), name: names }))
    .max(200)
    .optional(),
  personalData: z.enum(PERSONAL_DATA_KINDS),
  /** Where a value can come from instead of being typed: an e-certificate item or a shared resource item. */
  supply: z
    .object({
      certificate: z.object({ type: code, item: z.string().min(1).max(64) }).optional(),
      resource: z.object({ code: z.string().min(1).max(64), item: z.string().min(1).max(64) }).optional(),
    })
    .optional(),
});
export type DictionaryEntry = z.infer<typeof dictionaryEntrySchema>;
/** The dictionary entry with its cross-field rules (a choice lists its options; min ≤ max). */
export const checkedDictionaryEntrySchema = dictionaryEntrySchema
  .refine((e) => e.type !== 'choice' || (e.options?.length ?? 0) > 0, {
    message: 'a choice field lists its options',
    path: ['options'],
  })
  .refine((e) => e.min === undefined || e.max === undefined || e.min <= e.max, {
    message: 'min cannot exceed max',
    path: ['min'],
  });

const limit = z.object({
  value: z.number().int().min(0).max(3650),
  unit: z.enum(['working_days', 'days', 'months']),
});
export type TimeLimit = z.infer<typeof limit>;

export const APPLICANT_TYPES = ['person', 'enterprise', 'organisation'] as const;
export const CHANNELS = ['window', 'web', 'mobile', 'kiosk'] as const;

export const materialSchema = z.object({
  code,
  name: names,
  required: z.boolean(),
  copies: z.number().int().min(0).max(20).default(1),
  /** Uploaded by the applicant, or supplied by an e-certificate of this type (no upload then). */
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('upload'), accept: z.array(z.string().min(3).max(100)).min(1).max(10) }),
    z.object({ kind: z.literal('certificate'), certificateType: code }),
  ]),
});
export type Material = z.infer<typeof materialSchema>;

/** A service matter (政务服务事项), one version of it. */
export const matterSchema = z
  .object({
    code: z.string().regex(MATTER_CODE, 'a Zhejiang matter code such as 许可-00001-001'),
    version: z.number().int().min(1),
    name: names,
    /** Handling department (its org code, e.g. `scjgj`). */
    departmentCode: z.string().min(1).max(32),
    /** Divisions where it is offered (a township code offers it in that township; the district code everywhere). */
    divisionCodes: z.array(z.string().regex(/^\d{12}$/)).min(1),
    legalLimit: limit,
    promisedLimit: limit,
    /** 即办件 (done on the spot) or 承诺件 (done within the promised limit). */
    kind: z.enum(['immediate', 'promised']),
    /** 跑动次数: 0 = entirely online, 1 = one visit. */
    visits: z.union([z.literal(0), z.literal(1)]),
    applicantTypes: z.array(z.enum(APPLICANT_TYPES)).min(1),
    channels: z.array(z.enum(CHANNELS)).min(1),
    fields: z
      .array(z.object({ field: code, required: z.boolean() }))
      .max(100)
      .refine(
        (fields) => new Set(fields.map((f) => f.field)).size === fields.length,
        'a field is listed twice',
      ),
    materials: z.array(materialSchema).max(50),
    fees: z
      .array(z.object({ name: names, amountYuan: z.number().min(0), basis: z.string().max(500) }))
      .max(20),
    guide: names,
    /** 告知承诺制: the applicant may sign a commitment and be approved at once (checked later). */
    commitment: z.boolean().default(false),
    /** The on-site check after a commitment approval, within this many working days. */
    commitmentCheckDays: z.number().int().min(1).max(260).default(60),
    /** The certificate (电子证照) an approval issues, if any. */
    issues: z.object({ type: code, name: names }).optional(),
    /** 智能秒办: CEL rules over `form` and `shared`; all true → approved at once. */
    instantRules: z.array(z.string().min(1).max(2000)).max(20).default([]),
  })
  .refine((m) => m.promisedLimit.unit !== m.legalLimit.unit || m.promisedLimit.value <= m.legalLimit.value, {
    message: 'the promised limit cannot exceed the legal one',
    path: ['promisedLimit'],
  })
  .refine((m) => m.kind !== 'immediate' || m.promisedLimit.value === 0, {
    message: 'a 即办件 is done at once: its promised limit is 0',
    path: ['promisedLimit'],
  });
export type Matter = z.infer<typeof matterSchema>;
export type MatterInput = z.input<typeof matterSchema>;

/** A “one thing” bundle (一件事): plain-language questions decide which matters apply. */
export const bundleSchema = z.object({
  code,
  name: names,
  guide: names,
  questions: z
    .array(
      z.object({
        code,
        text: names,
        type: z.enum(['boolean', 'choice']),
        options: z
          .array(z.object({ value: z.string().min(1).max(64), name: names }))
          .max(20)
          .optional(),
      }),
    )
    .max(20)
    .refine(
      (questions) =>
        questions.every((q) => (q.type === 'choice') === (q.options !== undefined && q.options.length > 0)),
      {
        message: 'a choice question lists its options; a yes/no question has none',
      },
    ),
  /** Each member matter applies when its CEL condition over `answers` holds (always when absent). */
  matters: z
    .array(z.object({ matterCode: z.string().regex(MATTER_CODE), when: z.string().max(2000).optional() }))
    .min(2)
    .max(20),
});
export type Bundle = z.infer<typeof bundleSchema>;
