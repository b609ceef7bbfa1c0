import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { REGULATION_PERMISSIONS as P } from '../permissions';
import { regulationInspector, regulationItem } from '../schema';

const ratio = z.number().min(0).max(1);
const ratioByClass = z.object({ A: ratio, B: ratio, C: ratio, D: ratio });
const days = z.number().int().min(0).max(3650);

export const itemSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, 'letters, digits, _ . -'),
  nameZh: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(300),
  departmentCode: z.string().trim().min(1).max(32),
  legalBasis: z.string().trim().min(1).max(1000),
  method: z.string().trim().min(1).max(100),
  subjectKinds: z
    .array(z.enum(['enterprise', 'individual', 'cooperative', 'shop']))
    .max(4)
    .default([]),
  industryPrefixes: z
    .array(z.string().regex(/^[A-T]\d{0,4}$/))
    .max(50)
    .default([]),
  checklist: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z0-9_]{1,32}$/),
        zh: z.string().trim().min(1).max(200),
        en: z.string().trim().min(1).max(300),
      }),
    )
    .min(1)
    .max(60),
  ratioByClass,
  /** Days before a subject of each class may be drawn again for this item (0: any time). */
  intervalDaysByClass: z.object({ A: days, B: days, C: days, D: days }).default({ A: 0, B: 0, C: 0, D: 0 }),
  active: z.boolean().default(true),
});
export type ItemInput = z.input<typeof itemSchema>;
export type ItemRow = typeof regulationItem.$inferSelect;

export const inspectorSchema = z.object({
  name: z.string().trim().min(1).max(60),
  accountId: z.uuid().nullable().default(null),
  departmentCode: z.string().trim().min(1).max(32),
  badgeNumber: z.string().regex(/^[A-Za-z0-9-]{4,32}$/, '执法证号: 4–32 letters, digits or -'),
  qualifications: z.array(z.string().min(1).max(40)).max(200).default([]),
  conflicts: z.array(z.uuid()).max(1000).default([]),
  active: z.boolean().default(true),
});
export type InspectorInput = z.input<typeof inspectorSchema>;
export type InspectorRow = typeof regulationInspector.$inferSelect;

function parse<T extends z.ZodType>(schema: T, input: unknown, code: string): z.output<T> {
  const r = schema.safeParse(input ?? {});
  if (!r.success)
    throw new InputError(code, 'The input is invalid.', {
      errors: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  return r.data;
}

/** Whether an item applies to a subject (its kinds and industry prefixes; empty lists: all). */
export function itemApplies(
  item: Pick<ItemRow, 'subjectKinds' | 'industryPrefixes'>,
  subject: { kind: string; industryCode: string },
) {
  return (
    (!item.subjectKinds.length || item.subjectKinds.includes(subject.kind)) &&
    (!item.industryPrefixes.length || item.industryPrefixes.some((p) => subject.industryCode.startsWith(p)))
  );
}

/** The item list (检查事项清单) and the inspector roster (执法检查人员名录). */
export function createRoster(kernel: Kernel) {
  const { db, clock } = kernel;

  async function listItems(executor: Executor = db) {
    return executor.select().from(regulationItem).orderBy(asc(regulationItem.code));
  }

  async function saveItem(actor: Actor, input: unknown, executor?: Executor) {
    requirePermission(actor, P.managePlans);
    const item = parse(itemSchema, input, 'regulation.item.invalid_input');
    const work = async (tx: Executor) => {
      await tx
        .insert(regulationItem)
        .values(item)
        .onConflictDoUpdate({ target: regulationItem.code, set: { ...item } });
      await recordAudit(tx, clock, {
        actor,
        action: 'regulation.item.saved',
        subjectType: 'regulation_item',
        subjectId: item.code,
      });
      return item;
    };
    return executor ? work(executor) : kernel.transaction(work);
  }

  async function listInspectors(executor: Executor = db) {
    return executor
      .select()
      .from(regulationInspector)
      .orderBy(asc(regulationInspector.departmentCode), asc(regulationInspector.badgeNumber));
  }

  async function saveInspector(actor: Actor, input: unknown, id?: string, executor?: Executor) {
    requirePermission(actor, P.managePlans);
    const inspector = parse(inspectorSchema, input, 'regulation.inspector.invalid_input');
    const work = async (tx: Executor) => {
      const rowId = id ?? newId();
      if (id) {
        const [updated] = await tx
          .update(regulationInspector)
          .set(inspector)
          .where(eq(regulationInspector.id, id))
          .returning();
        if (!updated) throw new NotFoundError('regulation.inspector.not_found', 'No such inspector.');
      } else await tx.insert(regulationInspector).values({ id: rowId, ...inspector });
      await recordAudit(tx, clock, {
        actor,
        action: 'regulation.inspector.saved',
        subjectType: 'regulation_inspector',
        subjectId: rowId,
        data: { departmentCode: inspector.departmentCode },
      });
      return { id: rowId, ...inspector };
    };
    return executor ? work(executor) : kernel.transaction(work);
  }

  /** The roster entry of a staff account, if it is on the roster. */
  async function inspectorOf(executor: Executor, accountId: string | null) {
    if (!accountId) return null;
    const [row] = await executor
      .select()
      .from(regulationInspector)
      .where(eq(regulationInspector.accountId, accountId));
    return row?.active ? row : null;
  }

  return { listItems, saveItem, listInspectors, saveInspector, inspectorOf };
}

export type Roster = ReturnType<typeof createRoster>;
