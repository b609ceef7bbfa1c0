import { type Actor, requirePermission, systemActor } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import { casesCase } from '@zhizhi/kernel/cases';
import { type Executor, rows } from '@zhizhi/kernel/db';
import { InputError } from '@zhizhi/kernel/errors';
import type { Kernel } from '@zhizhi/kernel';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { DATA_PERMISSIONS } from '../catalog/catalog-service';
import { dataItem, dataResource } from '../catalog/schema';
import { type FoundResource, findResource } from '../collection/resource-lookup';
import { dataLoad, dataRow } from '../collection/schema';
import type { Subscriptions } from '../collection/subscriptions';
import { OBJECTION_CASE_TYPE, QUALITY_CASE_TYPE } from './case-types';
import {
  type CheckContext,
  compileRules,
  type FindingGroup,
  type ItemRules,
  type QualityReport,
} from './rules';
import { timeliness } from './scores';

const rulesInput = z.object({
  /** Item codes that identify a row; loads diff by them. Omit to keep. */
  keyItems: z.array(z.string().max(64)).max(5).optional(),
  items: z.array(z.object({ item: z.string().min(1).max(64), rules: z.array(z.unknown()).max(20) })).max(500),
});

/** Rule kinds' Chinese names for case summaries. */
const RULE_NAMES: Record<string, string> = {
  required: '必填',
  format: '格式',
  range: '取值范围',
  enum: '枚举值',
  unique: '唯一性',
  pattern: '模式',
  reference: '引用',
  consistency: '跨部门一致性',
};

/** Format checks' Chinese names (`data.quality.format.<format>`). */
const FORMAT_NAMES: Record<string, string> = {
  id_number: '公民身份号码',
  uscc: '统一社会信用代码',
  mobile: '手机号码',
  phone: '电话号码',
  date: '日期',
  division_code: '行政区划代码',
  email: '电子邮箱',
};

/** A rule's Chinese name, with the format for format checks: 格式（公民身份号码）. */
function ruleName(g: Pick<FindingGroup, 'rule' | 'code'>): string {
  const name = RULE_NAMES[g.rule] ?? g.rule;
  const format = g.code.startsWith('data.quality.format.')
    ? g.code.slice('data.quality.format.'.length)
    : null;
  return format ? `${name}（${FORMAT_NAMES[format] ?? format}）` : name;
}

/**
 * Case summary text: item (by name, with its code), rule, count and sample rows per group —
 * never a value. E.g. `公民身份号码（id_number）· 格式（公民身份号码）· 2 处 · 第 3, 6 行`.
 */
export function summarise(
  groups: readonly FindingGroup[],
  itemNames: ReadonlyMap<string, string> = new Map(),
): string {
  return groups
    .map((g) => {
      const item = itemNames.has(g.item) ? `${itemNames.get(g.item)}（${g.item}）` : g.item;
      const more = g.count > g.rows.length ? ' …' : '';
      return `${item} · ${ruleName(g)} · ${g.count} 处 · 第 ${g.rows.join(', ')}${more} 行`;
    })
    .join('\n')
    .slice(0, 8000);
}

/** Quality rules, the data the cross-resource rules need, and the cases a load opens or closes. */
export function createQualityRules(kernel: Kernel, subscriptions: Subscriptions) {
  const { db, clock } = kernel;

  function manage(actor: Actor, resource: FoundResource) {
    requirePermission(actor, DATA_PERMISSIONS.manage, {
      divisionCode: resource.divisionCode,
      departmentId: resource.departmentId,
    });
  }

  /** The resource's rule sets as stored on its items. */
  function ruleSets(resource: FoundResource): ItemRules[] {
    return compileRules(
      resource.items.filter((i) => i.rules.length).map((i) => ({ item: i.code, rules: i.rules })),
    );
  }

  /**
   * Sets the rules of the given items (others keep theirs) and optionally the key items; checks
   * every rule and every referenced resource item first, audited.
   */
  async function setRules(actor: Actor, resourceId: string, input: unknown) {
    const resource = await findResource(db, resourceId);
    manage(actor, resource);
    const parsed = rulesInput.safeParse(input);
    if (!parsed.success)
      throw new InputError('data.rules.invalid', 'Give items: [{ item, rules }] and optional keyItems.');
    const sets = compileRules(parsed.data.items);
    const codes = new Set(resource.items.map((i) => i.code));
    for (const code of [...sets.map((s) => s.item), ...(parsed.data.keyItems ?? [])])
      if (!codes.has(code))
        throw new InputError('data.rules.unknown_item', `The resource has no item ${code}.`);
    for (const set of sets)
      for (const rule of set.rules)
        if (rule.kind === 'reference') {
          const [target] = await db
            .select({ id: dataItem.id })
            .from(dataItem)
            .innerJoin(dataResource, eq(dataResource.id, dataItem.resourceId))
            .where(and(eq(dataResource.code, rule.resource), eq(dataItem.code, rule.item)));
          if (!target)
            throw new InputError(
              'data.rules.unknown_reference',
              `No resource ${rule.resource} with item ${rule.item}.`,
            );
        }
    await kernel.transaction(async (tx) => {
      for (const set of sets)
        await tx
          .update(dataItem)
          .set({ rules: set.rules })
          .where(and(eq(dataItem.resourceId, resourceId), eq(dataItem.code, set.item)));
      if (parsed.data.keyItems)
        await tx
          .update(dataResource)
          .set({ keyItems: parsed.data.keyItems, updatedAt: clock.now() })
          .where(eq(dataResource.id, resourceId));
      await recordAudit(tx, clock, {
        actor,
        action: 'data.rules.set',
        subjectType: 'data_resource',
        subjectId: resourceId,
        data: {
          items: sets.map((s) => ({ item: s.item, rules: s.rules.map((r) => r.kind) })),
          keyItems: parsed.data.keyItems,
        },
      });
    });
    return getRules(actor, resourceId);
  }

  async function getRules(actor: Actor, resourceId: string) {
    requirePermission(actor, DATA_PERMISSIONS.read);
    const resource = await findResource(db, resourceId);
    return {
      keyItems: resource.keyItems,
      items: resource.items.map((i) => ({ item: i.code, name: i.name, rules: i.rules })),
    };
  }

  /** Reference values and other departments' values of the same items, read before a load commits. */
  async function gatherContext(
    executor: Executor,
    resource: FoundResource,
    sets: readonly ItemRules[],
  ): Promise<CheckContext> {
    const context: Required<CheckContext> = { references: {}, counterparts: {} };
    const column = (item: string) => sql<string>`btrim(${dataRow.data}->>${item})`;
    for (const set of sets)
      for (const rule of set.rules) {
        if (rule.kind === 'reference') {
          const [target] = await executor
            .select({ id: dataResource.id })
            .from(dataResource)
            .where(eq(dataResource.code, rule.resource));
          if (!target) continue;
          const values = await executor
            .selectDistinct({ v: column(rule.item) })
            .from(dataRow)
            .where(eq(dataRow.resourceId, target.id));
          context.references[set.item] = new Set(values.map((v) => v.v).filter((v) => v !== null));
        }
        if (rule.kind === 'consistency' && resource.keyItems.length === 1) {
          const item = resource.items.find((i) => i.code === set.item);
          const key = resource.items.find((i) => i.code === resource.keyItems[0]);
          if (!item || !key) continue;
          const others = await rows<{ resource_id: string; item_code: string; key_code: string }>(
            executor,
            sql`
            select r.id as resource_id, ix.code as item_code, ik.code as key_code
            from ${dataResource} r
            join ${dataItem} ix on ix.resource_id = r.id and ix.name_key = ${item.nameKey}
            join ${dataItem} ik on ik.resource_id = r.id and ik.name_key = ${key.nameKey}
            where r.provider_department_id <> ${resource.departmentId} and r.status = 'active'`,
          );
          const list: { keyItem: string; values: Map<string, string> }[] = [];
          for (const other of others) {
            const found = await executor
              .select({ k: column(other.key_code), v: column(other.item_code) })
              .from(dataRow)
              .where(eq(dataRow.resourceId, other.resource_id));
            const values = new Map<string, string>();
            for (const r of found) if (r.k !== null && r.v !== null && r.v !== '') values.set(r.k, r.v);
            list.push({ keyItem: key.code, values });
          }
          context.counterparts[set.item] = list;
        }
      }
    return context;
  }

  async function openCases(executor: Executor, typeCode: string, resourceId: string, state?: string) {
    return executor
      .select({ id: casesCase.id, version: casesCase.version, state: casesCase.state, data: casesCase.data })
      .from(casesCase)
      .where(
        and(
          eq(casesCase.typeCode, typeCode),
          isNull(casesCase.closedAt),
          sql`${casesCase.data}->>'resource_id' = ${resourceId}`,
          state ? eq(casesCase.state, state) : undefined,
        ),
      );
  }

  /**
   * After a load's rows are in (same transaction): findings open one quality case for the
   * provider department (or keep the open one); a clean load closes it (复核通过). Corrected
   * objections are re-checked: no finding on their item → verified, else reopened.
   */
  async function settleAfterLoad(
    tx: Executor,
    resource: FoundResource,
    version: number,
    report: QualityReport,
  ) {
    const [open] = await openCases(tx, QUALITY_CASE_TYPE, resource.id);
    let qualityCase: { id: string; action: 'opened' | 'kept' | 'closed' } | null = null;
    if (report.groups.length && !open) {
      const opened = await kernel.cases.openInTransaction(tx, systemActor, {
        typeCode: QUALITY_CASE_TYPE,
        title: `数据质量问题：${resource.name}（第 ${version} 版）`.slice(0, 200),
        divisionCode: resource.divisionCode,
        departmentId: resource.departmentId,
        data: {
          resource_id: resource.id,
          resource_code: resource.code,
          load_version: version,
          finding_count: report.groups.reduce((n, g) => n + g.count, 0),
          summary: summarise(report.groups, new Map(resource.items.map((i) => [i.code, i.name]))),
        },
      });
      qualityCase = { id: opened.id, action: 'opened' };
      await subscriptions.notifySubscribers(tx, resource.id, {
        titleZh: `${resource.name}：发现数据质量问题，已立案 ${opened.number}`,
        titleEn: `${resource.code}: data quality findings, case ${opened.number} opened`,
        link: `/cases/${opened.id}`,
      });
    } else if (report.groups.length && open) qualityCase = { id: open.id, action: 'kept' };
    else if (open) {
      await kernel.cases.transitionInTransaction(tx, systemActor, open.id, {
        transition: 'recheck_pass',
        expectedVersion: open.version,
        note: `第 ${version} 版归集复核通过`,
      });
      qualityCase = { id: open.id, action: 'closed' };
      await subscriptions.notifySubscribers(tx, resource.id, {
        titleZh: `${resource.name}：数据质量问题已整改复核通过`,
        titleEn: `${resource.code}: data quality issue re-checked and closed`,
        link: `/cases/${open.id}`,
      });
    }
    const failing = new Set(report.groups.map((g) => g.item));
    let rechecked = 0;
    for (const objection of await openCases(tx, OBJECTION_CASE_TYPE, resource.id, 'corrected')) {
      const item = objection.data.item_code as string | undefined;
      const still = item ? failing.has(item) : failing.size > 0;
      await kernel.cases.transitionInTransaction(tx, systemActor, objection.id, {
        transition: still ? 'reopen' : 'verify',
        expectedVersion: objection.version,
        note: `第 ${version} 版归集复核${still ? '未通过' : '通过'}`,
      });
      rechecked += 1;
    }
    return { qualityCase, objectionsRechecked: rechecked };
  }

  /** The latest done load's findings (per item and rule, counts and sample rows) and freshness. */
  async function findings(actor: Actor, resourceId: string) {
    requirePermission(actor, DATA_PERMISSIONS.read);
    const resource = await findResource(db, resourceId);
    const [load] = await db
      .select()
      .from(dataLoad)
      .where(and(eq(dataLoad.resourceId, resourceId), eq(dataLoad.status, 'done')))
      .orderBy(desc(dataLoad.version))
      .limit(1);
    const fresh = timeliness(resource.updateCycle, load?.finishedAt ?? null, clock.now());
    const [qualityCase] = await openCases(db, QUALITY_CASE_TYPE, resourceId);
    return {
      loadId: load?.id ?? null,
      version: load?.version ?? null,
      passRate: load?.passRate ?? null,
      groups: ((load?.report as { groups?: FindingGroup[] } | null)?.groups ?? []) as FindingGroup[],
      freshness: {
        updateCycle: resource.updateCycle,
        lastLoadAt: load?.finishedAt ?? null,
        stale: fresh < 1,
      },
      openCaseId: qualityCase?.id ?? null,
    };
  }

  return { setRules, getRules, ruleSets, gatherContext, settleAfterLoad, findings, openCases };
}

export type QualityRules = ReturnType<typeof createQualityRules>;
