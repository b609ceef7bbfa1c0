import type { Actor } from '../access';
import { systemActor } from '../access';
import type { Clock } from '../clock';
import type { Executor } from '../db/types';
import { newId } from '../ids';
import { type CompiledRule, evaluateBoolean } from '../rules';
import type { CaseRow, CaseServiceDeps, OpenCaseInput, Step, TransitionInput } from './case-engine-types';
import type { createCaseTypeStore } from './case-type-store';
import type { CaseEffect, CaseTypeDefinition } from './definition';
import { casesCase, casesHistory } from './schema';
import { and, eq, isNull } from 'drizzle-orm';

/** What the effects need from the engine. */
export interface CaseEffectsContext {
  clock: Clock;
  deps: CaseServiceDeps;
  types: ReturnType<typeof createCaseTypeStore>;
  ruleOf(expression: string): CompiledRule;
  openInTx(
    tx: Executor,
    actor: Actor,
    input: OpenCaseInput & { parentId?: string | null; parentRole?: string | null },
  ): Promise<CaseRow>;
  openChildren(tx: Executor, row: CaseRow): Promise<number>;
  commitStep(
    tx: Executor,
    row: CaseRow,
    definition: CaseTypeDefinition,
    step: Step,
    expectedVersion: number,
  ): Promise<CaseRow>;
}

/**
 * What follows a step: a transition's effects (notify, open co-handling children or a related case,
 * publish a signal), and on closing, merged duplicates closing with the case and a parent moving on
 * when its last co-handling child is done.
 */
export function createCaseEffects(ctx: CaseEffectsContext) {
  const { clock, deps, types, ruleOf, openInTx, openChildren, commitStep } = ctx;

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
    context: Parameters<typeof evaluateBoolean>[1],
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

  return { afterClosing, runEffects };
}
