import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Actor, can, requirePermission } from '../access';
import { recordAudit } from '../audit';
import type { Executor } from '../db/types';
import { ConflictError, InputError, NotFoundError } from '../errors';
import { filesFile } from '../files/schema';
import { newId } from '../ids';
import { type CompiledRule, compileRule, evaluateBoolean } from '../rules';
import { createCaseEffects } from './case-effects';
import type {
  CaseEngine,
  CaseRow,
  CaseServiceDeps,
  OpenCaseInput,
  Step,
  TransitionInput,
} from './case-engine-types';
import { createCaseHandling } from './case-handling';
import { createTransitionChecks } from './transition-checks';
import { createCaseQueries } from './case-queries';
import { createCaseTypeStore } from './case-type-store';
import { registerClockAlerts, scheduleClockChecks } from './clock-alerts';
import { checkLimits, type ClockReading, type ClockStep, computeClock, slaColumns } from './compute-clock';
import { type CaseTypeDefinition, GUARD_CONTEXT } from './definition';
import { validateCaseData } from './form-data';
import { type CaseMeta, casesCase, casesCounter, casesHistory, type HistoryMeta } from './schema';

export type {
  CaseEngine,
  CaseRow,
  CaseServiceDeps,
  ListCasesQuery,
  OpenCaseInput,
  Step,
  TransitionInput,
} from './case-engine-types';

/** Beijing date of an instant, YYYY-MM-DD. */
function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
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

  async function openInTx(
    tx: Executor,
    actor: Actor,
    input: OpenCaseInput & {
      parentId?: string | null;
      parentRole?: string | null;
      /** Promised limits per clock code from the opening (a catalogue's time limit). */
      limits?: Record<string, number>;
    },
  ): Promise<CaseRow> {
    const { version, definition } = await types.get(input.typeCode, undefined, tx);
    const data = validateCaseData(definition.fields, input.data, { partial: false });
    await checkAttachments(tx, definition, data);
    checkLimits(definition.clocks, input.limits);
    const now = clock.now();
    const number = await nextNumber(tx, definition.numberPrefix);
    const id = newId();
    const openMeta = input.limits ? { limits: input.limits } : null;
    const readings = readClocks(definition, [{ transition: 'open', at: now, meta: openMeta }], now);
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
        meta: input.limits ? { limits: input.limits } : {},
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
      meta:
        input.parentId || openMeta
          ? { ...(input.parentId ? { relatedCaseId: input.parentId } : {}), ...openMeta }
          : null,
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

  const { afterClosing, runEffects } = createCaseEffects({
    clock,
    deps,
    types,
    ruleOf,
    openInTx: (tx, actor, input) => openInTx(tx, actor, input),
    openChildren: (tx, row) => openChildren(tx, row),
    commitStep: (tx, row, definition, step, expectedVersion) =>
      commitStep(tx, row, definition, step, expectedVersion),
  });

  const { checkTransition, newAssignee, checkDepartments } = createTransitionChecks({ clock, deps, scope });

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
    checkLimits(definition.clocks, input.limits);
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
