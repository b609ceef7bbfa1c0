import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Actor, can, requirePermission, systemActor } from '../access';
import { recordAudit } from '../audit';
import type { Calendar } from '../calendar';
import type { Clock } from '../clock';
import type { Db, Executor } from '../db/types';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '../errors';
import type { EventBus } from '../events';
import { filesFile } from '../files/schema';
import { newId } from '../ids';
import type { Jobs } from '../jobs';
import type { NotificationService } from '../notifications';
import { orgDepartment } from '../org/schema';
import { type CompiledRule, compileRule, evaluateBoolean } from '../rules';
import { createCaseHandling } from './case-handling';
import { createCaseQueries, type ListCasesQuery } from './case-queries';
import { createCaseTypeStore } from './case-type-store';
import { registerClockAlerts, scheduleClockChecks } from './clock-alerts';
import { type ClockReading, type ClockStep, computeClock } from './compute-clock';
import { type CaseEffect, type CaseTransition, type CaseTypeDefinition, GUARD_CONTEXT } from './definition';
import { validateCaseData } from './form-data';
import { type CaseMeta, casesCase, casesCounter, casesHistory, type HistoryMeta } from './schema';

export interface CaseServiceDeps {
  db: Db;
  clock: Clock;
  transaction: <T>(work: (tx: Executor) => Promise<T>) => Promise<T>;
  publish: EventBus['publish'];
  /** Durable timers for clock warnings and deadlines. */
  jobs: Pick<Jobs, 'enqueue' | 'register'>;
  /** The working-day calendar (a getter: it is loaded when the kernel starts). */
  calendar: () => Calendar;
  /** Staff inboxes, for `notify` effects, 督办 notes and clock alerts. */
  notify?: NotificationService['notify'];
}

export interface OpenCaseInput {
  typeCode: string;
  title: string;
  divisionCode: string;
  departmentId?: string | null;
  data: Record<string, unknown>;
}

export interface TransitionInput {
  transition: string;
  /** The case version the actor saw; a stale one loses with `cases.case.version_conflict`. */
  expectedVersion: number;
  note?: string | null;
  /** Field values this step sets. */
  data?: Record<string, unknown>;
  /** For transitions with `assign: 'input'`. */
  assigneeId?: string | null;
  /** For transitions with `department: 'input'` (dispatch, transfer). */
  departmentId?: string | null;
  /** For `open_children` effects: one co-handling child case per department (协办). */
  coDepartmentIds?: string[];
  /** Promised limits per clock code from now on (the routing's time limit). */
  limits?: Record<string, number>;
  /** Routing grade, kept on the case. */
  grade?: string;
}

export type CaseRow = typeof casesCase.$inferSelect;

export type { ListCasesQuery };

/** What the engine's parts share (handling steps and queries live in their own files). */
export interface CaseEngine {
  db: Db;
  clock: Clock;
  deps: CaseServiceDeps;
  types: ReturnType<typeof createCaseTypeStore>;
  readable(
    actor: Actor,
    caseId: string,
    executor?: Executor,
  ): Promise<{ row: CaseRow; definition: CaseTypeDefinition }>;
  canRead(actor: Actor, row: CaseRow, definition: CaseTypeDefinition): boolean;
  scope(row: CaseRow): { divisionCode: string; departmentId: string | null };
  commitStep(
    tx: Executor,
    row: CaseRow,
    definition: CaseTypeDefinition,
    step: Step,
    expectedVersion: number,
  ): Promise<CaseRow>;
  audited<T>(work: (tx: Executor) => Promise<T>): Promise<T>;
  audit(tx: Executor, entry: Parameters<typeof recordAudit>[2]): void;
  historySteps(tx: Executor, caseId: string): Promise<ClockStep[]>;
  readClocks(definition: CaseTypeDefinition, steps: readonly ClockStep[], now: Date): ClockReading[];
}

/** Beijing date of an instant, YYYY-MM-DD. */
function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** One committed step: what changes on the case and what the history records. */
export interface Step {
  actor: Actor;
  code: string;
  to: string;
  note?: string | null;
  changes?: Record<string, unknown>;
  assigneeId?: string | null;
  departmentId?: string | null;
  meta?: HistoryMeta;
  caseMeta?: CaseMeta;
  mergedInto?: string | null;
  /** Without a version bump: notes (督办) and extension requests don't race with handling. */
  keepVersion?: boolean;
}

/**
 * The case engine: any closed-loop business as a case type defined in data. Opening and every
 * transition check permission in the case's scope, validate fields, evaluate CEL guards, and
 * commit with an optimistic version check, a history row, an audit entry and an outbox event.
 */
export function createCaseService(deps: CaseServiceDeps) {
  const { db, clock } = deps;
  const types = createCaseTypeStore(db, clock);
  const alerts = {
    clock,
    calendar: deps.calendar,
    jobs: deps.jobs,
    publish: deps.publish,
    types,
    notify: deps.notify,
  };
  registerClockAlerts(alerts);
  const rules = new Map<string, CompiledRule>();

  // Audit entries of a transaction are written last, just before commit: the audit chain's lock
  // is then held for one statement, not for the whole step (it serialises every writer).
  const pendingAudit = new WeakMap<Executor, Parameters<typeof recordAudit>[2][]>();
  function audit(tx: Executor, entry: Parameters<typeof recordAudit>[2]) {
    const list = pendingAudit.get(tx);
    if (list) list.push(entry);
    else pendingAudit.set(tx, [entry]);
  }
  async function withAudit<T>(tx: Executor, work: (tx: Executor) => Promise<T>): Promise<T> {
    const result = await work(tx);
    const list = pendingAudit.get(tx);
    pendingAudit.delete(tx);
    for (const entry of list ?? []) await recordAudit(tx, clock, entry);
    return result;
  }
  /** Runs `work` in a new transaction, audit last. */
  function audited<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    return deps.transaction((tx) => withAudit(tx, work));
  }

  function ruleOf(expression: string): CompiledRule {
    let rule = rules.get(expression);
    if (!rule) {
      rule = compileRule(expression, GUARD_CONTEXT, { expectBoolean: true });
      rules.set(expression, rule);
    }
    return rule;
  }

  function guardContext(
    actor: Actor,
    data: Record<string, unknown>,
    input: Record<string, unknown>,
    state: string,
  ) {
    return {
      data,
      input,
      state,
      actor: { id: actor.id, type: actor.type, departmentId: actor.departmentId },
    };
  }

  async function nextNumber(tx: Executor, prefix: string): Promise<string> {
    const day = beijingDay(clock.now());
    const [row] = await tx
      .insert(casesCounter)
      .values({ prefix, day, value: 1 })
      .onConflictDoUpdate({
        target: [casesCounter.prefix, casesCounter.day],
        set: { value: sql`${casesCounter.value} + 1` },
      })
      .returning({ value: casesCounter.value });
    return `${prefix}${day.replaceAll('-', '')}${String(row.value).padStart(6, '0')}`;
  }

  /** Attachment fields must name stored files of an accepted type. */
  async function checkAttachments(
    executor: Executor,
    definition: CaseTypeDefinition,
    values: Record<string, unknown>,
  ) {
    for (const field of definition.fields) {
      if (field.type !== 'attachments' || !Array.isArray(values[field.code])) continue;
      const ids = [...new Set(values[field.code] as string[])];
      const found = await executor
        .select({ id: filesFile.id, mime: filesFile.mime })
        .from(filesFile)
        .where(inArray(filesFile.id, ids));
      if (found.length !== ids.length)
        throw new InputError(
          'cases.data.unknown_file',
          `Field ${field.code} names a file that does not exist.`,
          {
            errors: [{ path: `/${field.code}`, message: 'unknown file' }],
          },
        );
      const wrong = found.find((f) => field.accept && !field.accept.includes(f.mime));
      if (wrong)
        throw new InputError(
          'cases.data.file_type',
          `Field ${field.code} accepts ${field.accept?.join(', ')}, not ${wrong.mime}.`,
          { errors: [{ path: `/${field.code}`, message: `file type ${wrong.mime} not accepted` }] },
        );
    }
  }

  async function historySteps(tx: Executor, caseId: string): Promise<ClockStep[]> {
    return tx
      .select({ transition: casesHistory.transition, at: casesHistory.at, meta: casesHistory.meta })
      .from(casesHistory)
      .where(eq(casesHistory.caseId, caseId))
      .orderBy(asc(casesHistory.seq));
  }

  function readClocks(
    definition: CaseTypeDefinition,
    steps: readonly ClockStep[],
    now: Date,
  ): ClockReading[] {
    return definition.clocks.map((c) => computeClock(c, steps, deps.calendar(), now));
  }

  /** Denormalised SLA columns from the first clock. */
  function slaColumns(readings: readonly ClockReading[], closing: boolean, wasLate: boolean | null) {
    const first = readings[0];
    if (!first) return { dueAt: null, warnAt: null, late: null };
    const running = first.status === 'running';
    return {
      dueAt: running || first.status === 'paused' ? first.dueAt : null,
      warnAt: running ? first.warnAt : null,
      late: closing ? first.overdue : wasLate,
    };
  }

  async function openInTx(
    tx: Executor,
    actor: Actor,
    input: OpenCaseInput & { parentId?: string | null; parentRole?: string | null },
  ): Promise<CaseRow> {
    const { version, definition } = await types.get(input.typeCode, undefined, tx);
    const data = validateCaseData(definition.fields, input.data, { partial: false });
    await checkAttachments(tx, definition, data);
    const now = clock.now();
    const number = await nextNumber(tx, definition.numberPrefix);
    const id = newId();
    const readings = readClocks(definition, [{ transition: 'open', at: now }], now);
    const [created] = await tx
      .insert(casesCase)
      .values({
        id,
        number,
        typeCode: definition.code,
        typeVersion: version,
        state: definition.initialState,
        version: 1,
        title: input.title,
        data,
        divisionCode: input.divisionCode,
        departmentId: input.departmentId ?? null,
        openedBy: actor.id,
        openedAt: now,
        updatedAt: now,
        parentId: input.parentId ?? null,
        parentRole: input.parentRole ?? null,
        meta: {},
        ...slaColumns(readings, false, null),
      })
      .returning();
    await tx.insert(casesHistory).values({
      id: newId(),
      caseId: id,
      transition: 'open',
      fromState: null,
      toState: created.state,
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      at: now,
      data,
      meta: input.parentId ? { relatedCaseId: input.parentId } : null,
    });
    audit(tx, {
      actor,
      action: 'cases.case.opened',
      subjectType: 'case',
      subjectId: id,
      data: {
        number,
        typeCode: definition.code,
        typeVersion: version,
        parentId: input.parentId ?? undefined,
      },
    });
    await scheduleClockChecks(tx, alerts, id, readings);
    await deps.publish(tx, 'cases.case.opened', {
      caseId: id,
      number,
      typeCode: definition.code,
      divisionCode: created.divisionCode,
      departmentId: created.departmentId,
      parentId: created.parentId,
      parentRole: created.parentRole,
    });
    return created;
  }

  async function openCase(actor: Actor, input: OpenCaseInput) {
    const { definition } = await types.get(input.typeCode);
    requirePermission(actor, definition.openPermission, {
      divisionCode: input.divisionCode,
      departmentId: input.departmentId,
    });
    const title = input.title.trim();
    if (!title || title.length > 200)
      throw new InputError('cases.case.invalid_title', 'A title of 1–200 characters is required.');
    validateCaseData(definition.fields, input.data, { partial: false }); // fail before the transaction
    return audited((tx) => openInTx(tx, actor, { ...input, title }));
  }

  /** Loads a case the actor may read; one they may not read does not exist for them. */
  async function readable(actor: Actor, caseId: string, executor: Executor = db) {
    const [row] = /^[0-9a-f-]{36}$/i.test(caseId)
      ? await executor.select().from(casesCase).where(eq(casesCase.id, caseId))
      : [];
    if (!row) throw new NotFoundError('cases.case.not_found', 'No such case.');
    const { definition } = await types.get(row.typeCode, row.typeVersion, executor);
    if (!canRead(actor, row, definition)) {
      requirePermission(actor, definition.readPermission, {}); // 401 for anonymous, else:
      throw new NotFoundError('cases.case.not_found', 'No such case.');
    }
    return { row, definition };
  }

  function canRead(actor: Actor, row: CaseRow, definition: CaseTypeDefinition) {
    return (
      can(actor, definition.readPermission, {
        divisionCode: row.divisionCode,
        departmentId: row.departmentId,
      }) ||
      (row.assigneeId !== null && row.assigneeId === actor.id)
    );
  }

  function scope(row: CaseRow) {
    return { divisionCode: row.divisionCode, departmentId: row.departmentId };
  }

  async function openChildren(tx: Executor, row: CaseRow): Promise<number> {
    const [open] = await tx
      .select({ n: count() })
      .from(casesCase)
      .where(and(eq(casesCase.parentId, row.id), eq(casesCase.parentRole, 'co'), isNull(casesCase.closedAt)));
    return Number(open?.n ?? 0);
  }

  function checkTransition(
    actor: Actor,
    row: CaseRow,
    definition: CaseTypeDefinition,
    input: TransitionInput,
  ) {
    const t = definition.transitions.find((x) => x.code === input.transition);
    if (!t)
      throw new InputError(
        'cases.transition.unknown',
        `Case type ${definition.code} has no transition ${input.transition}.`,
      );
    if (t.trigger !== 'manual')
      throw new ConflictError(
        'cases.transition.automatic',
        `Transition ${t.code} is taken by the platform itself.`,
      );
    if (row.mergedInto)
      throw new ConflictError(
        'cases.case.merged',
        'This report was merged into another case and shares its outcome.',
        { mergedInto: row.mergedInto },
      );
    if (!t.from.includes(row.state))
      throw new ConflictError(
        'cases.transition.not_allowed',
        `Transition ${t.code} is not possible from state ${row.state}.`,
        { state: row.state },
      );
    requirePermission(actor, t.permission, scope(row));
    if (t.assigneeOnly && row.assigneeId !== actor.id)
      throw new NotAllowedError('cases.case.not_assignee', 'Only the assignee of this case may do this.');
    if (t.noteRequired && !input.note?.trim())
      throw new InputError('cases.transition.note_required', `Transition ${t.code} needs a note (a reason).`);
    if (input.note && input.note.length > 2000)
      throw new InputError('cases.transition.note_too_long', 'A note has at most 2,000 characters.');
    if (t.assign === 'input' && !input.assigneeId)
      throw new InputError('cases.transition.assignee_required', `Transition ${t.code} needs an assignee.`);
    if (t.department === 'input' && !input.departmentId)
      throw new InputError(
        'cases.transition.department_required',
        `Transition ${t.code} needs a department.`,
      );
    const wantsChildren = t.effects.some((e) => e.kind === 'open_children');
    if (input.coDepartmentIds?.length && !wantsChildren)
      throw new InputError(
        'cases.transition.no_co_handling',
        `Transition ${t.code} takes no co-handling departments.`,
      );
    if ((input.coDepartmentIds?.length ?? 0) > 20)
      throw new InputError('cases.transition.too_many_co', 'At most 20 co-handling departments.');
    if (t.afterClose && row.closedAt) {
      const until = deps.calendar().addWorkingDays(row.closedAt, t.afterClose.withinWorkingDays);
      if (clock.now() > until)
        throw new ConflictError(
          'cases.transition.window_passed',
          `${t.code} was possible until ${until.toISOString()}.`,
          {
            until: until.toISOString(),
          },
        );
    }
    return t;
  }

  function newAssignee(t: CaseTransition, row: CaseRow, actor: Actor, input: TransitionInput): string | null {
    if (t.assign === 'actor') return actor.id;
    if (t.assign === 'input') return input.assigneeId ?? null;
    if (t.assign === 'clear') return null;
    return row.assigneeId;
  }

  async function checkDepartments(executor: Executor, ids: readonly string[]) {
    const unique = [...new Set(ids)];
    if (!unique.length) return;
    if (unique.some((id) => !/^[0-9a-f-]{36}$/i.test(id)))
      throw new InputError('cases.transition.unknown_department', 'Unknown department.');
    const found = await executor
      .select({ id: orgDepartment.id })
      .from(orgDepartment)
      .where(inArray(orgDepartment.id, unique));
    if (found.length !== unique.length)
      throw new InputError('cases.transition.unknown_department', 'Unknown department.');
  }

  /**
   * Commits one step inside `tx`: the version-checked update, history, audit, clock timers, the
   * outbox event; then what follows from it (children done → parent moves on; a closed primary
   * closes its merged duplicates).
   */
  async function commitStep(
    tx: Executor,
    row: CaseRow,
    definition: CaseTypeDefinition,
    step: Step,
    expectedVersion: number,
  ): Promise<CaseRow> {
    const now = clock.now();
    const closing = definition.states.find((s) => s.code === step.to)?.final === true;
    const wasFinal = definition.states.find((s) => s.code === row.state)?.final === true;
    const changes = step.changes ?? {};
    const steps = definition.clocks.length ? await historySteps(tx, row.id) : [];
    steps.push({ transition: step.code, at: now, meta: step.meta ?? null });
    const readings = readClocks(definition, steps, now);
    const departmentId = step.departmentId === undefined ? row.departmentId : step.departmentId;
    const [updated] = await tx
      .update(casesCase)
      .set({
        state: step.to,
        version: step.keepVersion ? row.version : row.version + 1,
        data: { ...row.data, ...changes },
        assigneeId: step.assigneeId === undefined ? row.assigneeId : step.assigneeId,
        departmentId,
        updatedAt: now,
        // A step between final states (a rating) keeps the closing time; reopening clears it.
        closedAt: closing ? (row.closedAt ?? now) : null,
        meta: step.caseMeta ?? row.meta,
        mergedInto: step.mergedInto === undefined ? row.mergedInto : step.mergedInto,
        ...slaColumns(readings, closing && !wasFinal, closing ? row.late : null),
      })
      .where(and(eq(casesCase.id, row.id), eq(casesCase.version, expectedVersion)))
      .returning();
    if (!updated)
      throw new ConflictError(
        'cases.case.version_conflict',
        'The case changed since you loaded it; reload and try again.',
        {
          version: row.version,
        },
      );
    const meta: HistoryMeta = { ...step.meta };
    if (departmentId !== row.departmentId) {
      meta.departmentFrom = row.departmentId;
      meta.departmentId = departmentId;
    }
    if (updated.assigneeId !== row.assigneeId) meta.assigneeId = updated.assigneeId;
    await tx.insert(casesHistory).values({
      id: newId(),
      caseId: row.id,
      transition: step.code,
      fromState: row.state,
      toState: step.to,
      actorType: step.actor.type,
      actorId: step.actor.id,
      actorName: step.actor.name,
      at: now,
      note: step.note?.trim() || null,
      data: changes,
      meta: Object.keys(meta).length ? meta : null,
    });
    audit(tx, {
      actor: step.actor,
      action: 'cases.case.transitioned',
      subjectType: 'case',
      subjectId: row.id,
      data: { number: row.number, transition: step.code, from: row.state, to: step.to },
    });
    await scheduleClockChecks(tx, alerts, row.id, readings);
    await deps.publish(tx, 'cases.case.transitioned', {
      caseId: row.id,
      number: row.number,
      typeCode: row.typeCode,
      transition: step.code,
      from: row.state,
      to: step.to,
      closed: closing,
      divisionCode: updated.divisionCode,
      departmentId: updated.departmentId,
      parentId: updated.parentId,
    });
    if (closing && !wasFinal) await afterClosing(tx, updated, definition);
    return updated;
  }

  /** A case reached a final state: its merged duplicates close with it; its parent may move on. */
  async function afterClosing(tx: Executor, row: CaseRow, definition: CaseTypeDefinition) {
    const dups = definition.duplicates;
    if (dups) {
      const merged = await tx
        .select()
        .from(casesCase)
        .where(and(eq(casesCase.mergedInto, row.id), isNull(casesCase.closedAt)));
      const shared = Object.fromEntries(
        dups.shareFields.filter((f) => row.data[f] !== undefined).map((f) => [f, row.data[f]]),
      );
      for (const dup of merged) {
        const dupType = await types.get(dup.typeCode, dup.typeVersion, tx);
        await commitStep(
          tx,
          dup,
          dupType.definition,
          {
            actor: systemActor,
            code: 'merged_close',
            to: row.state,
            changes: shared,
            note: `同 ${row.number} 一并办结`,
          },
          dup.version,
        );
      }
    }
    if (
      row.parentId &&
      row.parentRole === 'co' &&
      (await openChildren(tx, { ...row, id: row.parentId })) === 0
    ) {
      const [parent] = await tx.select().from(casesCase).where(eq(casesCase.id, row.parentId));
      if (!parent) return;
      const parentType = await types.get(parent.typeCode, parent.typeVersion, tx);
      const next = parentType.definition.transitions.find(
        (t) => t.trigger === 'children_done' && t.from.includes(parent.state),
      );
      if (next)
        await commitStep(
          tx,
          parent,
          parentType.definition,
          {
            actor: systemActor,
            code: next.code,
            to: next.to,
            note: `协办件已全部办结（最后一件 ${row.number}）`,
          },
          parent.version,
        );
    }
  }

  async function runEffects(
    tx: Executor,
    actor: Actor,
    row: CaseRow,
    effects: readonly CaseEffect[],
    input: TransitionInput,
    context: ReturnType<typeof guardContext>,
  ) {
    for (const effect of effects) {
      if ('when' in effect && effect.when && !evaluateBoolean(ruleOf(effect.when), context)) continue;
      switch (effect.kind) {
        case 'notify': {
          if (!deps.notify) break;
          const target =
            effect.to === 'assignee'
              ? { staffId: row.assigneeId }
              : effect.to === 'department'
                ? { departmentId: row.departmentId }
                : { staffId: row.openedBy && /^[0-9a-f-]{36}$/i.test(row.openedBy) ? row.openedBy : null };
          await deps.notify(tx, {
            ...target,
            titleZh: `${effect.titleZh}：${row.number} ${row.title}`,
            titleEn: `${effect.titleEn}: ${row.number} ${row.title}`,
            link: `/cases/${row.id}`,
            subjectType: 'case',
            subjectId: row.id,
            urgent: effect.urgent,
          });
          break;
        }
        case 'open_children': {
          const childType = await types.get(effect.typeCode, undefined, tx);
          const fields = new Set(childType.definition.fields.map((f) => f.code));
          const data = Object.fromEntries(Object.entries(row.data).filter(([k]) => fields.has(k)));
          const children: string[] = [];
          for (const departmentId of [...new Set(input.coDepartmentIds ?? [])]) {
            if (departmentId === row.departmentId) continue;
            const child = await openInTx(tx, actor, {
              typeCode: effect.typeCode,
              title: row.title,
              divisionCode: row.divisionCode,
              departmentId,
              data,
              parentId: row.id,
              parentRole: 'co',
            });
            children.push(child.id);
          }
          if (children.length)
            await tx.insert(casesHistory).values({
              id: newId(),
              caseId: row.id,
              transition: 'co_handling',
              fromState: row.state,
              toState: row.state,
              actorType: actor.type,
              actorId: actor.id,
              actorName: actor.name,
              at: clock.now(),
              data: {},
              meta: { children },
            });
          break;
        }
        case 'open_case': {
          const related = await types.get(effect.typeCode, undefined, tx);
          const fields = new Set(related.definition.fields.map((f) => f.code));
          const data = Object.fromEntries(Object.entries(row.data).filter(([k]) => fields.has(k)));
          await openInTx(tx, systemActor, {
            typeCode: effect.typeCode,
            title: `${effect.titleZh}：${row.title}`.slice(0, 200),
            divisionCode: row.divisionCode,
            departmentId: row.departmentId,
            data,
            parentId: row.id,
            parentRole: effect.role,
          });
          break;
        }
        case 'publish':
          await deps.publish(tx, 'cases.case.signal', {
            signal: effect.signal,
            caseId: row.id,
            number: row.number,
            typeCode: row.typeCode,
            state: row.state,
          });
          break;
      }
    }
  }

  async function transitionWith(
    executor: Executor,
    actor: Actor,
    caseId: string,
    input: TransitionInput,
    run: <T>(work: (tx: Executor) => Promise<T>) => Promise<T>,
  ) {
    const { row, definition } = await readable(actor, caseId, executor);
    const t = checkTransition(actor, row, definition, input);
    const changes = validateCaseData(definition.fields, input.data ?? {}, {
      partial: true,
      require: t.requires,
    });
    const data = { ...row.data, ...changes };
    const context = guardContext(actor, data, changes, row.state);
    if (t.guard && !evaluateBoolean(ruleOf(t.guard), context))
      throw new ConflictError('cases.transition.guard_failed', `The conditions for ${t.code} are not met.`);
    if (input.limits) {
      for (const [code, units] of Object.entries(input.limits))
        if (!definition.clocks.some((c) => c.code === code) || !(units > 0 && units <= 3650))
          throw new InputError('cases.transition.invalid_limit', `Invalid time limit for clock ${code}.`);
    }
    return run(async (tx) => {
      if (t.waitForChildren && (await openChildren(tx, row)) > 0)
        throw new ConflictError(
          'cases.case.children_open',
          'Co-handling departments have not all finished; the lead case closes when they have.',
        );
      await checkAttachments(tx, definition, changes);
      await checkDepartments(tx, [
        ...(input.departmentId ? [input.departmentId] : []),
        ...(input.coDepartmentIds ?? []),
      ]);
      const caseMeta: CaseMeta = { ...row.meta };
      if (input.limits) caseMeta.limits = { ...caseMeta.limits, ...input.limits };
      if (input.grade) caseMeta.grade = input.grade;
      const updated = await commitStep(
        tx,
        row,
        definition,
        {
          actor,
          code: t.code,
          to: t.to,
          note: input.note,
          changes,
          assigneeId: newAssignee(t, row, actor, input),
          departmentId: t.department === 'input' ? input.departmentId : undefined,
          meta: input.limits ? { limits: input.limits } : undefined,
          caseMeta,
        },
        input.expectedVersion,
      );
      await runEffects(tx, actor, updated, t.effects, input, { ...context, state: t.to });
      return updated;
    });
  }

  /** Takes a transition in its own transaction. */
  function transition(actor: Actor, caseId: string, input: TransitionInput) {
    return transitionWith(db, actor, caseId, input, audited);
  }

  /** Takes a transition inside the caller's transaction (intake channels, job handlers). */
  function transitionInTransaction(tx: Executor, actor: Actor, caseId: string, input: TransitionInput) {
    return transitionWith(tx, actor, caseId, input, (work) => withAudit(tx, work));
  }

  const engine: CaseEngine = {
    db,
    clock,
    deps,
    types,
    readable,
    canRead,
    scope,
    commitStep,
    audited,
    audit,
    historySteps,
    readClocks,
  };
  const handling = createCaseHandling(engine);
  const queries = createCaseQueries(engine);

  return {
    defineCaseType: types.define,
    getCaseType: types.get,
    openCase,
    /** Opens a case inside the caller's transaction without a permission check (intake channels). */
    openInTransaction: (tx: Executor, actor: Actor, input: Parameters<typeof openInTx>[2]) =>
      withAudit(tx, (inner) => openInTx(inner, actor, input)),
    transition,
    transitionInTransaction,
    ...queries,
    ...handling,
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
