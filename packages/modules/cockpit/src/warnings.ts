import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import { rows } from '@zhizhi/kernel/db';
import { ConflictError, InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { COCKPIT_PERMISSIONS as P } from './permissions';
import { beijingDay, parseScope, periodOf, type ScopeRef, scopeKey, scopeNamesOf } from './scope';
import type { ValueReader } from './values';

/** How long a dispatch may take between its claim and its task before another may claim it. */
const CLAIM_EXPIRES_MS = 5 * 60_000;

/** Creates a 督查督办 task for departments (the app wires the governance supervision service here). */
export type DispatchTask = (
  actor: Actor,
  input: {
    title: string;
    requirements: string;
    deadline: string;
    departmentIds: string[];
    /** Links the task back to the indicator at the warning's scope. */
    source: { label: string; path: string };
  },
) => Promise<{ id: string }>;

export const dispatchInputSchema = z.object({
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  requirements: z.string().trim().min(1).max(2000).optional(),
});

type WarningRow = {
  id: string;
  code: string;
  scope: string;
  kind: string;
  value: number | null;
  threshold: number | null;
  raised_at: string;
  resolved_at: string | null;
  task_id: string | null;
  dispatched_at: string | null;
};

const fmt = (unit: string, v: number | null) =>
  v === null ? '—' : unit === 'percent' ? `${v.toFixed(1)}%` : v.toLocaleString('zh-CN');

/** Raises warnings when a value falls below its warning line or behind its trajectory; dispatches them as tasks. */
export function createWarnings(
  kernel: Kernel,
  deps: { district: string; reader: ValueReader; dispatchTask?: DispatchTask },
) {
  const { district, reader } = deps;

  /** Checks every indicator at the district and each town; opens new warnings, resolves cleared ones. */
  async function evaluate() {
    const period = periodOf('year', kernel.clock.now());
    const defs = await reader.indicators();
    const now = kernel.clock.now();
    let raised = 0;
    const current = new Set<string>();
    for (const def of defs) {
      const scopes: ScopeRef[] = [{ type: 'district', code: district }];
      const checks = [await reader.valueAt(def, scopes[0], period)];
      if (def.levels.includes('town'))
        for (const v of await reader.scopeValues(def, period, 'town')) {
          scopes.push(v.scope);
          checks.push(reader.present(def, v.scope, v));
        }
      checks.forEach((v, i) => {
        const kind =
          v.status === 'below_warning' ? 'warning_line' : v.status === 'behind' ? 'trajectory' : null;
        if (kind) current.add(`${def.code}|${scopeKey(scopes[i])}|${kind}`);
      });
      for (let i = 0; i < checks.length; i++) {
        const v = checks[i];
        const kind =
          v.status === 'below_warning' ? 'warning_line' : v.status === 'behind' ? 'trajectory' : null;
        if (!kind) continue;
        const threshold = kind === 'warning_line' ? def.warningLine : v.expected;
        const inserted = await rows<{ id: string; inserted: boolean }>(
          kernel.db,
          sql`insert into cockpit_warning (id, code, scope, kind, value, threshold, raised_at)
            values (${newId()}, ${def.code}, ${scopeKey(scopes[i])}, ${kind}, ${v.value}, ${threshold}, ${now.toISOString()}::timestamptz)
            on conflict (code, scope, kind) where resolved_at is null
            do update set value = excluded.value, threshold = excluded.threshold
            returning id, (xmax = 0) as inserted`,
        );
        raised += inserted.filter((r) => r.inserted).length;
      }
    }
    const open = await rows<WarningRow>(
      kernel.db,
      sql`select * from cockpit_warning where resolved_at is null`,
    );
    const cleared = open.filter((w) => !current.has(`${w.code}|${w.scope}|${w.kind}`));
    for (const w of cleared)
      await kernel.db.execute(
        sql`update cockpit_warning set resolved_at = ${now.toISOString()}::timestamptz where id = ${w.id}`,
      );
    return { raised, resolved: cleared.length };
  }

  async function list(actor: Actor, query: { status?: 'open' | 'dispatched' | 'resolved'; scope?: string }) {
    requirePermission(actor, P.view);
    // A town shows its own warnings; the district (or no scope) shows all.
    const scopeCond = query.scope && query.scope !== 'district' ? sql`and w.scope = ${query.scope}` : sql``;
    const status = query.status ?? 'open';
    const cond =
      status === 'resolved'
        ? sql`w.resolved_at is not null`
        : status === 'dispatched'
          ? sql`w.resolved_at is null and w.task_id is not null`
          : sql`w.resolved_at is null and w.task_id is null`;
    const list = await rows<
      WarningRow & {
        name_zh: string;
        name_en: string;
        unit: string;
        owner: string | null;
        owner_en: string | null;
      }
    >(
      kernel.db,
      sql`select w.*, i.name_zh, i.name_en, i.unit, d.name as owner, d.name_en as owner_en from cockpit_warning w
        join cockpit_indicator i on i.code = w.code
        left join org_department d on d.code = i.owner_department_code
        where ${cond} ${scopeCond} order by w.raised_at desc, i.sort limit 200`,
    );
    const names = await namesOf(list.map((w) => w.scope));
    const out = list.map((w) => ({
      id: w.id,
      code: w.code,
      nameZh: w.name_zh,
      nameEn: w.name_en,
      unit: w.unit,
      scope: w.scope,
      scopeName: names.get(w.scope)?.name ?? w.scope,
      scopeNameEn: names.get(w.scope)?.nameEn ?? w.scope,
      kind: w.kind as 'warning_line' | 'trajectory',
      value: w.value,
      threshold: w.threshold,
      raisedAt: new Date(w.raised_at).toISOString(),
      resolvedAt: w.resolved_at ? new Date(w.resolved_at).toISOString() : null,
      taskId: w.task_id,
      ownerDepartment: w.owner,
      ownerDepartmentEn: w.owner ? w.owner_en || w.owner : null,
    }));
    return { items: out };
  }

  /** Names of warning scopes (`district`, `town:<code>`, `department:<code>`), looked up once each. */
  async function namesOf(scopes: string[]) {
    const names = new Map<string, { name: string; nameEn: string }>();
    for (const key of new Set(scopes)) {
      const scope = parseScope(key, district);
      names.set(key, (await scopeNamesOf(kernel.db, scope)) ?? { name: scope.code, nameEn: scope.code });
    }
    return names;
  }

  /** One click: a 督办 task to the indicator's owner department, linked to the warning. */
  /**
   * Dispatch claims the warning, creates the task (its own transaction, in the task service), then
   * records the task. A claim that never got its task (the process stopped in between) expires, so
   * the warning can be dispatched again instead of showing as dispatched with no task for ever.
   */
  async function dispatch(actor: Actor, warningId: string, input: unknown) {
    requirePermission(actor, P.dispatch);
    const parsed = dispatchInputSchema.safeParse(input ?? {});
    if (!parsed.success)
      throw new InputError('cockpit.dispatch.invalid', parsed.error.issues.map((i) => i.message).join('; '));
    if (!deps.dispatchTask)
      throw new ConflictError('cockpit.dispatch.unavailable', 'No task service is configured.');
    const [w] = await rows<WarningRow>(kernel.db, sql`select * from cockpit_warning where id = ${warningId}`);
    if (!w) throw new NotFoundError('cockpit.warning.not_found', 'No such warning.');
    if (w.resolved_at) throw new ConflictError('cockpit.warning.resolved', 'This warning has cleared.');
    const def = await reader.indicator(w.code);
    if (!def.ownerDepartment)
      throw new ConflictError('cockpit.warning.no_owner', 'The indicator names no owner department.');
    const claimed = await rows<{ id: string }>(
      kernel.db,
      sql`update cockpit_warning set dispatched_by = ${actor.name}, dispatched_at = ${kernel.clock.now().toISOString()}::timestamptz
        where id = ${warningId} and resolved_at is null
          and (dispatched_at is null or (task_id is null and dispatched_at < ${new Date(kernel.clock.now().getTime() - CLAIM_EXPIRES_MS).toISOString()}::timestamptz))
        returning id`,
    );
    if (claimed.length === 0)
      throw new ConflictError(
        'cockpit.warning.already_dispatched',
        'This warning has already been dispatched.',
      );
    const where =
      w.scope === 'district' ? '全区' : ((await namesOf([w.scope])).get(w.scope)?.name ?? w.scope);
    const line = w.kind === 'warning_line' ? '低于预警线' : '落后于2025年目标进度';
    const deadline =
      parsed.data.deadline ?? beijingDay(new Date(kernel.clock.now().getTime() + 7 * 86_400_000));
    try {
      const task = await deps.dispatchTask(actor, {
        title: `【驾驶舱预警】${where}${def.nameZh}${line}`,
        requirements:
          parsed.data.requirements ??
          `${where}${def.nameZh}当前为${fmt(def.unit, w.value)}，${w.kind === 'warning_line' ? '预警线' : '目标进度'}为${fmt(def.unit, w.threshold)}（目标${fmt(def.unit, def.target)}）。请分析原因，制定整改措施并按期反馈。`,
        deadline,
        departmentIds: [def.ownerDepartment.id],
        source: {
          label: `驾驶舱预警：${where}${def.nameZh}`,
          path: `/cockpit/indicators/${encodeURIComponent(w.code)}?scope=${encodeURIComponent(w.scope)}`,
        },
      });
      await kernel.transaction(async (tx) => {
        await tx.execute(sql`update cockpit_warning set task_id = ${task.id} where id = ${warningId}`);
        await recordAudit(tx, kernel.clock, {
          actor,
          action: 'cockpit.warning.dispatched',
          subjectType: 'cockpit_warning',
          subjectId: warningId,
        });
      });
      return { taskId: task.id };
    } catch (error) {
      await kernel.db.execute(
        sql`update cockpit_warning set dispatched_by = null, dispatched_at = null where id = ${warningId} and task_id is null`,
      );
      throw error;
    }
  }

  return { evaluate, list, dispatch };
}

export type Warnings = ReturnType<typeof createWarnings>;
