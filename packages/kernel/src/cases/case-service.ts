import { and, asc, eq, sql } from 'drizzle-orm';
import { type Actor, can, requirePermission } from '../access';
import { recordAudit } from '../audit';
import type { Clock } from '../clock';
import type { Db, Executor } from '../db/types';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '../errors';
import type { EventBus } from '../events';
import { newId } from '../ids';
import { type CompiledRule, compileRule, evaluateBoolean } from '../rules';
import type { Calendar } from '../calendar';
import type { Jobs } from '../jobs';
import { createCaseTypeStore } from './case-type-store';
import { registerClockAlerts, scheduleClockChecks } from './clock-alerts';
import { computeClock } from './compute-clock';
import { type CaseTransition, type CaseTypeDefinition, GUARD_CONTEXT } from './definition';
import { validateCaseData } from './form-data';
import { casesCase, casesCounter, casesHistory } from './schema';

export interface CaseServiceDeps {
  db: Db;
  clock: Clock;
  transaction: <T>(work: (tx: Executor) => Promise<T>) => Promise<T>;
  publish: EventBus['publish'];
  /** Durable timers for clock warnings and deadlines. */
  jobs: Pick<Jobs, 'enqueue' | 'register'>;
  /** The working-day calendar (a getter: it is loaded when the kernel starts). */
  calendar: () => Calendar;
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
}

type CaseRow = typeof casesCase.$inferSelect;

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
  const alerts = { clock, calendar: deps.calendar, jobs: deps.jobs, publish: deps.publish, types };
  registerClockAlerts(alerts);
  const guards = new Map<string, CompiledRule>();

  function guardOf(expression: string): CompiledRule {
    let rule = guards.get(expression);
    if (!rule) {
      rule = compileRule(expression, GUARD_CONTEXT, { expectBoolean: true });
      guards.set(expression, rule);
    }
    return rule;
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

  async function openCase(actor: Actor, input: OpenCaseInput) {
    const { version, definition } = await types.get(input.typeCode);
    requirePermission(actor, definition.openPermission, {
      divisionCode: input.divisionCode,
      departmentId: input.departmentId,
    });
    const title = input.title.trim();
    if (!title || title.length > 200)
      throw new InputError('cases.case.invalid_title', 'A title of 1–200 characters is required.');
    const data = validateCaseData(definition.fields, input.data, { partial: false });
    const row = await deps.transaction(async (tx) => {
      const now = clock.now();
      const number = await nextNumber(tx, definition.numberPrefix);
      const [created] = await tx
        .insert(casesCase)
        .values({
          id: newId(),
          number,
          typeCode: definition.code,
          typeVersion: version,
          state: definition.initialState,
          version: 1,
          title,
          data,
          divisionCode: input.divisionCode,
          departmentId: input.departmentId ?? null,
          openedBy: actor.id,
          openedAt: now,
          updatedAt: now,
        })
        .returning();
      await tx.insert(casesHistory).values({
        id: newId(),
        caseId: created.id,
        transition: 'open',
        fromState: null,
        toState: created.state,
        actorType: actor.type,
        actorId: actor.id,
        actorName: actor.name,
        at: now,
        data,
      });
      await recordAudit(tx, clock, {
        actor,
        action: 'cases.case.opened',
        subjectType: 'case',
        subjectId: created.id,
        data: { number, typeCode: definition.code, typeVersion: version },
      });
      await scheduleClockChecks(tx, alerts, created.id, definition);
      await deps.publish(tx, 'cases.case.opened', {
        caseId: created.id,
        number,
        typeCode: definition.code,
        divisionCode: created.divisionCode,
        departmentId: created.departmentId,
      });
      return created;
    });
    return row;
  }

  /** Loads a case the actor may read; one they may not read does not exist for them. */
  async function readable(actor: Actor, caseId: string) {
    const [row] = await db.select().from(casesCase).where(eq(casesCase.id, caseId));
    if (!row) throw new NotFoundError('cases.case.not_found', 'No such case.');
    const { definition } = await types.get(row.typeCode, row.typeVersion);
    if (
      !can(actor, definition.readPermission, {
        divisionCode: row.divisionCode,
        departmentId: row.departmentId,
      })
    ) {
      requirePermission(actor, definition.readPermission, {}); // 401 for anonymous, else:
      throw new NotFoundError('cases.case.not_found', 'No such case.');
    }
    return { row, definition };
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
    if (!t.from.includes(row.state))
      throw new ConflictError(
        'cases.transition.not_allowed',
        `Transition ${t.code} is not possible from state ${row.state}.`,
        { state: row.state },
      );
    requirePermission(actor, t.permission, {
      divisionCode: row.divisionCode,
      departmentId: row.departmentId,
    });
    if (t.assigneeOnly && row.assigneeId !== actor.id)
      throw new NotAllowedError('cases.case.not_assignee', 'Only the assignee of this case may do this.');
    if (t.noteRequired && !input.note?.trim())
      throw new InputError('cases.transition.note_required', `Transition ${t.code} needs a note (a reason).`);
    if (t.assign === 'input' && !input.assigneeId)
      throw new InputError('cases.transition.assignee_required', `Transition ${t.code} needs an assignee.`);
    if (t.afterClose && row.closedAt) {
      const until = deps.calendar().addWorkingDays(row.closedAt, t.afterClose.withinWorkingDays);
      if (clock.now() > until)
        throw new ConflictError(
          'cases.transition.window_passed',
          `${t.code} was possible until ${until.toISOString()}.`,
          { until: until.toISOString() },
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

  async function transition(actor: Actor, caseId: string, input: TransitionInput) {
    const { row, definition } = await readable(actor, caseId);
    const t = checkTransition(actor, row, definition, input);
    const changes = validateCaseData(definition.fields, input.data ?? {}, {
      partial: true,
      require: t.requires,
    });
    const data = { ...row.data, ...changes };
    if (
      t.guard &&
      !evaluateBoolean(guardOf(t.guard), {
        data,
        input: changes,
        state: row.state,
        actor: { id: actor.id, type: actor.type, departmentId: actor.departmentId },
      })
    ) {
      throw new ConflictError('cases.transition.guard_failed', `The conditions for ${t.code} are not met.`);
    }
    const closing = definition.states.find((s) => s.code === t.to)?.final === true;
    return deps.transaction(async (tx) => {
      const now = clock.now();
      const [updated] = await tx
        .update(casesCase)
        .set({
          state: t.to,
          version: row.version + 1,
          data,
          assigneeId: newAssignee(t, row, actor, input),
          updatedAt: now,
          // A step between final states (a rating) keeps the closing time; reopening clears it.
          closedAt: closing ? (row.closedAt ?? now) : null,
        })
        .where(and(eq(casesCase.id, row.id), eq(casesCase.version, input.expectedVersion)))
        .returning();
      if (!updated)
        throw new ConflictError(
          'cases.case.version_conflict',
          'The case changed since you loaded it; reload and try again.',
          { version: row.version },
        );
      await tx.insert(casesHistory).values({
        id: newId(),
        caseId: row.id,
        transition: t.code,
        fromState: row.state,
        toState: t.to,
        actorType: actor.type,
        actorId: actor.id,
        actorName: actor.name,
        at: now,
        note: input.note?.trim() || null,
        data: changes,
      });
      await recordAudit(tx, clock, {
        actor,
        action: 'cases.case.transitioned',
        subjectType: 'case',
        subjectId: row.id,
        data: { number: row.number, transition: t.code, from: row.state, to: t.to },
      });
      await scheduleClockChecks(tx, alerts, row.id, definition);
      await deps.publish(tx, 'cases.case.transitioned', {
        caseId: row.id,
        number: row.number,
        typeCode: row.typeCode,
        transition: t.code,
        from: row.state,
        to: t.to,
        closed: closing,
      });
      return updated;
    });
  }

  /** The case, its history, and the transitions this actor may take now. */
  async function getCase(actor: Actor, caseId: string) {
    const { row, definition } = await readable(actor, caseId);
    const history = await db
      .select()
      .from(casesHistory)
      .where(eq(casesHistory.caseId, caseId))
      .orderBy(asc(casesHistory.seq));
    const available = definition.transitions
      .filter(
        (t) =>
          t.from.includes(row.state) &&
          can(actor, t.permission, { divisionCode: row.divisionCode, departmentId: row.departmentId }),
      )
      .filter((t) => !t.assigneeOnly || row.assigneeId === actor.id)
      .map((t) => ({ code: t.code, name: t.name, requires: t.requires, noteRequired: t.noteRequired }));
    const now = clock.now();
    const clocks = definition.clocks.map((c) => computeClock(c, history, deps.calendar(), now));
    return { ...row, history, available, clocks };
  }

  return { defineCaseType: types.define, getCaseType: types.get, openCase, transition, getCase };
}

export type CaseService = ReturnType<typeof createCaseService>;
