import { inArray } from 'drizzle-orm';
import { type Actor, requirePermission } from '../access';
import type { Clock } from '../clock';
import type { Executor } from '../db/types';
import { ConflictError, InputError, NotAllowedError } from '../errors';
import { orgDepartment } from '../org/schema';
import type { CaseRow, CaseServiceDeps, TransitionInput } from './case-engine-types';
import type { CaseTransition, CaseTypeDefinition } from './definition';

/** What the checks need from the engine. */
export interface TransitionChecksContext {
  clock: Clock;
  deps: CaseServiceDeps;
  scope(row: CaseRow): { divisionCode: string; departmentId: string | null };
}

/**
 * Whether a manual step may be taken, before anything is written: the transition exists and is
 * manual, the case is not merged, the state allows it, the actor holds its permission in the case's
 * scope (and is the assignee where required), the input it needs is there, and an after-close step
 * is within its window. Also who the case goes to and whether named departments exist.
 */
export function createTransitionChecks({ clock, deps, scope }: TransitionChecksContext) {
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

  return { checkTransition, newAssignee, checkDepartments };
}
