import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { type Actor, can, requirePermission, scopeOf } from '../access';
import type { CaseEngine } from './case-service';
import { casesCase, casesHistory } from './schema';

export interface ListCasesQuery {
  typeCode: string;
  states?: string[];
  departmentId?: string;
  divisionCode?: string;
  /** A staff id, or 'me'. */
  assignee?: string;
  unassigned?: boolean;
  open?: boolean;
  overdue?: boolean;
  /** Cases with a pending extension request. */
  pendingExtension?: boolean;
  parentId?: string;
  /** Number or title contains. */
  q?: string;
  /** A text field equal to `value`, or under it as a dotted code (`road` matches `road.pothole`). */
  field?: { code: string; value: string };
  openedFrom?: Date;
  openedTo?: Date;
  limit?: number;
  /** Keyset: the last id of the previous page (newest first). */
  before?: string;
}

/** Reading cases: one with its history and what the actor may do; pages of them in scope. */
export function createCaseQueries(engine: CaseEngine) {
  const { db, clock, types, readable, scope, readClocks } = engine;

  /** The case, its history, related cases, and the transitions this actor may take now. */
  async function getCase(actor: Actor, caseId: string) {
    const { row, definition } = await readable(actor, caseId);
    const history = await db
      .select()
      .from(casesHistory)
      .where(eq(casesHistory.caseId, caseId))
      .orderBy(asc(casesHistory.seq));
    const related = await db
      .select({
        id: casesCase.id,
        number: casesCase.number,
        title: casesCase.title,
        state: casesCase.state,
        typeCode: casesCase.typeCode,
        departmentId: casesCase.departmentId,
        parentId: casesCase.parentId,
        parentRole: casesCase.parentRole,
        mergedInto: casesCase.mergedInto,
        closedAt: casesCase.closedAt,
      })
      .from(casesCase)
      .where(
        or(
          eq(casesCase.parentId, row.id),
          eq(casesCase.mergedInto, row.id),
          row.parentId ? eq(casesCase.id, row.parentId) : undefined,
          row.mergedInto ? eq(casesCase.id, row.mergedInto) : undefined,
        ),
      )
      .orderBy(asc(casesCase.openedAt));
    const available = definition.transitions
      .filter(
        (t) =>
          t.trigger === 'manual' &&
          !row.mergedInto &&
          t.from.includes(row.state) &&
          can(actor, t.permission, scope(row)) &&
          (!t.assigneeOnly || row.assigneeId === actor.id),
      )
      .map((t) => ({
        code: t.code,
        name: t.name,
        requires: t.requires,
        noteRequired: t.noteRequired,
        assign: t.assign,
        department: t.department,
        coHandling: t.effects.some((e) => e.kind === 'open_children'),
      }));
    const now = clock.now();
    const clocks = readClocks(definition, history, now);
    const ext = definition.extension;
    const actions = {
      supervise:
        !!definition.supervisePermission &&
        !row.closedAt &&
        can(actor, definition.supervisePermission, scope(row)),
      requestExtension:
        !!ext && !row.meta.pendingExtension && !row.closedAt && can(actor, ext.requestPermission, scope(row)),
      decideExtension:
        !!ext &&
        !!row.meta.pendingExtension &&
        row.meta.pendingExtension.by !== actor.id &&
        can(actor, ext.approvePermission, scope(row)),
      merge:
        !!definition.duplicates &&
        !row.closedAt &&
        !row.mergedInto &&
        can(actor, definition.duplicates.mergePermission, scope(row)),
    };
    return { ...row, history, related, available, actions, clocks };
  }

  /** A page of cases of one type the actor may read, newest first. */
  async function listCases(actor: Actor, query: ListCasesQuery) {
    const { definition } = await types.get(query.typeCode);
    const reach = scopeOf(actor, definition.readPermission);
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
    const conditions = [eq(casesCase.typeCode, query.typeCode)];
    const scopeConditions = [];
    if (reach.divisionPrefixes.length) {
      const division = or(
        ...reach.divisionPrefixes.map((p) => sql`${casesCase.divisionCode} like ${`${p}%`}`),
      );
      scopeConditions.push(
        reach.departmentIds ? and(division, inArray(casesCase.departmentId, reach.departmentIds)) : division,
      );
    }
    if (actor.id && /^[0-9a-f-]{36}$/i.test(actor.id))
      scopeConditions.push(eq(casesCase.assigneeId, actor.id));
    if (!scopeConditions.length) requirePermission(actor, definition.readPermission);
    conditions.push(or(...scopeConditions)!);
    if (query.states?.length) conditions.push(inArray(casesCase.state, query.states));
    if (query.departmentId) conditions.push(eq(casesCase.departmentId, query.departmentId));
    if (query.divisionCode)
      conditions.push(sql`${casesCase.divisionCode} like ${`${query.divisionCode.replace(/(000)+$/, '')}%`}`);
    if (query.assignee)
      conditions.push(eq(casesCase.assigneeId, query.assignee === 'me' ? (actor.id ?? '') : query.assignee));
    if (query.unassigned) conditions.push(isNull(casesCase.assigneeId));
    if (query.open === true) conditions.push(isNull(casesCase.closedAt));
    if (query.open === false) conditions.push(isNotNull(casesCase.closedAt));
    if (query.overdue) conditions.push(lt(casesCase.dueAt, clock.now()));
    if (query.pendingExtension) conditions.push(sql`${casesCase.meta} -> 'pendingExtension' is not null`);
    if (query.parentId) conditions.push(eq(casesCase.parentId, query.parentId));
    if (query.openedFrom) conditions.push(gte(casesCase.openedAt, query.openedFrom));
    if (query.openedTo) conditions.push(lt(casesCase.openedAt, query.openedTo));
    if (query.q) {
      const like = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      conditions.push(or(ilike(casesCase.number, like), ilike(casesCase.title, like))!);
    }
    if (query.field) {
      const value = sql`${casesCase.data} ->> ${query.field.code}`;
      const under = `${query.field.value.replace(/[%_\\]/g, (c) => `\\${c}`)}.%`;
      conditions.push(or(sql`${value} = ${query.field.value}`, sql`${value} like ${under}`)!);
    }
    if (query.before) conditions.push(lt(casesCase.id, query.before));
    const items = await db
      .select()
      .from(casesCase)
      .where(and(...conditions))
      .orderBy(desc(casesCase.id))
      .limit(limit + 1);
    const more = items.length > limit;
    const page = more ? items.slice(0, limit) : items;
    return { items: page, next: more ? page[page.length - 1].id : null };
  }

  return { getCase, listCases };
}
