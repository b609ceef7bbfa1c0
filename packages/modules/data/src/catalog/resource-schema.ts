import { InputError } from '@zhizhi/kernel/errors';
import { z } from 'zod';

export const FORMATS = ['电子表格', '数据库', '文件', '接口', '图形图像', '流媒体'] as const;
export const UPDATE_CYCLES = ['实时', '每日', '每周', '每月', '每季度', '每半年', '每年', '不定期'] as const;
export const GRADES = ['L1', 'L2', 'L3', 'L4'] as const;
export const PERSONAL_KINDS = ['id_number', 'name', 'phone', 'address', 'bank_account', 'other'] as const;
export const SHARING_TYPES = ['unconditional', 'conditional', 'none'] as const;
export const OPENING_TYPES = ['open', 'restricted', 'closed'] as const;
export const RESOURCE_STATUSES = ['active', 'retired'] as const;

/** 前段码: 类 1 (基础/主题/部门), 项 2, 目 3, optional 细目 3. */
const classification = z
  .string()
  .regex(/^[1-3]\d{2}\d{3}(\d{3})?$/, '类(1–3) + 项(2) + 目(3) [+ 细目(3)] digits');

/** A resource code: 前段码 + '/' + 6-digit sequence. */
export const RESOURCE_CODE = /^[1-3]\d{5}(\d{3})?\/\d{6}$/;

export const itemSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'lower-case letters, digits and _'),
  name: z.string().trim().min(1).max(60),
  type: z.enum(['string', 'integer', 'decimal', 'date', 'datetime', 'boolean']),
  grade: z.enum(GRADES),
  personalKind: z.enum(PERSONAL_KINDS).nullish(),
  authoritative: z.boolean().default(false),
});

export type ItemInput = z.output<typeof itemSchema>;

// The fields an edit may change: everything but the classification (the code keeps it).
const editableFields = z.object({
  name: z.string().trim().min(2).max(100),
  providerDepartmentId: z.uuid(),
  abstract: z.string().trim().min(10).max(2000),
  format: z.enum(FORMATS),
  updateCycle: z.enum(UPDATE_CYCLES),
  publishDate: z.iso.date().nullish(),
  sharingType: z.enum(SHARING_TYPES),
  sharingCondition: z.string().trim().max(500).nullish(),
  openingType: z.enum(OPENING_TYPES),
  relatedCodes: z.array(z.string().regex(RESOURCE_CODE, 'a resource code')).max(50).default([]),
  /** Item codes that identify a row (e.g. `["id_number"]`). */
  keyItems: z.array(z.string().max(64)).max(10).default([]),
  items: z.array(itemSchema).min(1).max(500),
});

type Editable = z.output<typeof editableFields>;

/** The topmost grade of a list of items (L1 when empty): the resource's sensitivity. */
export function topGrade(items: readonly { grade: string }[]): (typeof GRADES)[number] {
  return (items
    .map((i) => i.grade)
    .sort()
    .at(-1) ?? 'L1') as (typeof GRADES)[number];
}

// The catalog's rules on one resource: DB33/T 2350 grading against the opening type, unique item
// codes, key items among the items, 受限共享 with its condition, no duplicate related codes.
function checkResource(r: Editable, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  if (r.sharingType === 'conditional' && !r.sharingCondition)
    issue(['sharingCondition'], '受限共享 needs its condition');
  const codes = new Set(r.items.map((i) => i.code));
  if (codes.size !== r.items.length) issue(['items'], 'item codes must be unique');
  for (const [i, key] of r.keyItems.entries())
    if (!codes.has(key)) issue(['keyItems', i], `key item ${key} is not an item code of this resource`);
  if (new Set(r.keyItems).size !== r.keyItems.length) issue(['keyItems'], 'key items must be unique');
  if (new Set(r.relatedCodes).size !== r.relatedCodes.length)
    issue(['relatedCodes'], 'related codes must be unique');
  // DB33/T 2350: L4 is never opened; L2/L3 only restricted; an open resource holds only L1 items.
  const top = topGrade(r.items);
  if (r.openingType === 'open' && top !== 'L1')
    issue(['openingType'], `an open resource holds only L1 items (has ${top})`);
  if (r.openingType === 'restricted' && top === 'L4')
    issue(['openingType'], 'L4 items are never opened: the resource must be closed (禁止开放)');
  for (const [i, item] of r.items.entries())
    if (item.personalKind && item.grade === 'L1')
      issue(['items', i, 'grade'], 'personal data is at least L2');
}

/** A registration: the classification and every editable field. */
export const resourceInputSchema = editableFields
  .extend({ classificationCode: classification })
  .superRefine(checkResource);

/** An edit: every field but the classification; the code stays. */
export const resourceUpdateSchema = editableFields.superRefine(checkResource);

/** 撤销: why the resource is withdrawn from the catalog. */
export const retireSchema = z.object({ reason: z.string().trim().min(4).max(500) });

export type ResourceInput = z.input<typeof resourceInputSchema>;
export type ResourceUpdate = z.input<typeof resourceUpdateSchema>;

/** A 400 with one `{ path, message }` per zod issue. */
export function invalid(code: string, error: z.ZodError): InputError {
  const errors = error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message }));
  return new InputError(code, `Invalid input: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, {
    errors,
  });
}
