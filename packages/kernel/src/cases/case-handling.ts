import { and, eq, gte, isNull, lte, ne, sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../access';
import { recordAudit } from '../audit';
import type { Executor } from '../db';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '../errors';
import { haversineMeters } from '../geo';
import { newId } from '../ids';
import type { CaseEngine, CaseRow } from './case-service';
import { casesCase, casesHistory } from './schema';

/** Steps beside the state machine: 督办 notes, extension requests and decisions, duplicates and merging. */
export function createCaseHandling(engine: CaseEngine) {
  const {
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
  } = engine;
  const OPEN_LIMIT = 200;

  /** A history entry that changes no state: a 督办 note or another module's note. */
  function noteInHistory(tx: Executor, row: CaseRow, actor: Actor, transition: string, note: string) {
    return tx.insert(casesHistory).values({
      id: newId(),
      caseId: row.id,
      transition,
      fromState: row.state,
      toState: row.state,
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      at: clock.now(),
      note,
      data: {},
    });
  }

  /** A supervision note (督办): recorded, audited, and sent to whoever is handling the case. */
  async function supervise(actor: Actor, caseId: string, note: string) {
    const { row, definition } = await readable(actor, caseId);
    if (!definition.supervisePermission)
      throw new ConflictError(
        'cases.supervise.unsupported',
        `Case type ${definition.code} takes no supervision notes.`,
      );
    requirePermission(actor, definition.supervisePermission, scope(row));
    const text = note?.trim();
    if (!text || text.length > 2000)
      throw new InputError(
        'cases.supervise.note_required',
        'A supervision note of 1–2,000 characters is required.',
      );
    if (row.closedAt) throw new ConflictError('cases.case.closed', 'The case is closed.');
    await audited(async (tx) => {
      await noteInHistory(tx, row, actor, 'supervise', text);
      audit(tx, {
        actor,
        action: 'cases.case.supervised',
        subjectType: 'case',
        subjectId: row.id,
        data: { number: row.number },
      });
      await deps.notify?.(tx, {
        staffId: row.assigneeId,
        departmentId: row.assigneeId ? null : row.departmentId,
        titleZh: `督办：${row.number} ${row.title}`,
        titleEn: `Supervision: ${row.number} ${row.title}`,
        bodyZh: text,
        bodyEn: text,
        link: `/cases/${row.id}`,
        subjectType: 'case',
        subjectId: row.id,
        urgent: true,
      });
      await deps.publish(tx, 'cases.case.supervised', {
        caseId: row.id,
        number: row.number,
        typeCode: row.typeCode,
      });
    });
  }

  /**
   * A note another module adds to a case inside its transaction (e.g. "the alarm has cleared"):
   * recorded in the history as `system_note`, audited, and sent to whoever is handling the case.
   * No state changes; closed cases take it too (a late clear is still worth recording).
   */
  async function addNoteInTransaction(tx: Executor, actor: Actor, caseId: string, note: string) {
    const text = note.trim().slice(0, 2000);
    if (!text) throw new InputError('cases.note.required', 'A note of 1–2,000 characters is required.');
    const [row] = await tx.select().from(casesCase).where(eq(casesCase.id, caseId));
    if (!row) throw new NotFoundError('cases.case.not_found', 'No such case.');
    await noteInHistory(tx, row, actor, 'system_note', text);
    if (!row.closedAt)
      await deps.notify?.(tx, {
        staffId: row.assigneeId,
        departmentId: row.assigneeId ? null : row.departmentId,
        titleZh: `${row.number} ${row.title}`,
        titleEn: `${row.number} ${row.title}`,
        bodyZh: text,
        bodyEn: text,
        link: `/cases/${row.id}`,
        subjectType: 'case',
        subjectId: row.id,
        urgent: false,
      });
    await recordAudit(tx, clock, {
      actor,
      action: 'cases.case.noted',
      subjectType: 'case',
      subjectId: row.id,
      data: { number: row.number },
    });
  }

  async function requestExtension(actor: Actor, caseId: string, input: { units: number; reason: string }) {
    const { row, definition } = await readable(actor, caseId);
    const ext = definition.extension;
    if (!ext)
      throw new ConflictError(
        'cases.extension.unsupported',
        `Case type ${definition.code} has no extensions.`,
      );
    requirePermission(actor, ext.requestPermission, scope(row));
    const reason = input.reason?.trim();
    if (!reason || reason.length > 2000)
      throw new InputError(
        'cases.extension.reason_required',
        'Give a reason for the extension (1–2,000 characters).',
      );
    if (!(Number.isFinite(input.units) && input.units > 0 && input.units <= ext.maxUnits))
      throw new InputError('cases.extension.invalid_units', `An extension is 0 < units ≤ ${ext.maxUnits}.`);
    if (row.meta.pendingExtension)
      throw new ConflictError(
        'cases.extension.pending',
        'An extension request is already waiting for a decision.',
      );
    const steps = await historySteps(db, row.id);
    const reading = readClocks(definition, steps, clock.now()).find((r) => r.code === ext.clock);
    if (!reading || (reading.status !== 'running' && reading.status !== 'paused'))
      throw new ConflictError('cases.extension.clock_not_running', 'The time limit is not running.');
    return audited((tx) =>
      commitStep(
        tx,
        row,
        definition,
        {
          actor,
          code: 'extension_requested',
          to: row.state,
          note: reason,
          keepVersion: true,
          caseMeta: {
            ...row.meta,
            pendingExtension: {
              clock: ext.clock,
              units: input.units,
              reason,
              by: actor.id,
              at: clock.now().toISOString(),
            },
          },
        },
        row.version,
      ),
    );
  }

  async function decideExtension(
    actor: Actor,
    caseId: string,
    input: { approve: boolean; note?: string | null },
  ) {
    const { row, definition } = await readable(actor, caseId);
    const ext = definition.extension;
    const pending = row.meta.pendingExtension;
    if (!ext || !pending)
      throw new ConflictError('cases.extension.none_pending', 'No extension request is waiting.');
    requirePermission(actor, ext.approvePermission, scope(row));
    if (pending.by && pending.by === actor.id)
      throw new NotAllowedError(
        'cases.extension.own_request',
        'Someone else must decide on your own extension request.',
      );
    const { pendingExtension: _, ...rest } = row.meta;
    return audited(async (tx) => {
      const updated = await commitStep(
        tx,
        row,
        definition,
        {
          actor,
          code: input.approve ? 'extension_approved' : 'extension_rejected',
          to: row.state,
          note: input.note,
          keepVersion: true,
          caseMeta: rest,
          meta: input.approve ? { extension: { clock: pending.clock, units: pending.units } } : undefined,
        },
        row.version,
      );
      await deps.notify?.(tx, {
        staffId: pending.by,
        titleZh: `延期申请${input.approve ? '已批准' : '未批准'}：${row.number}`,
        titleEn: `Extension ${input.approve ? 'approved' : 'refused'}: ${row.number}`,
        link: `/cases/${row.id}`,
        subjectType: 'case',
        subjectId: row.id,
      });
      return updated;
    });
  }

  /** Open cases of the same type and category near this one in place and time (candidates to merge). */
  async function findDuplicates(actor: Actor, caseId: string) {
    const { row, definition } = await readable(actor, caseId);
    const dup = definition.duplicates;
    if (!dup) return [];
    const category = row.data[dup.categoryField];
    const here = row.data[dup.locationField] as { lng: number; lat: number } | undefined;
    if (typeof category !== 'string' || !here) return [];
    const window = dup.withinHours * 3_600_000;
    const candidates = await db
      .select()
      .from(casesCase)
      .where(
        and(
          eq(casesCase.typeCode, row.typeCode),
          ne(casesCase.id, row.id),
          isNull(casesCase.closedAt),
          isNull(casesCase.mergedInto),
          gte(casesCase.openedAt, new Date(row.openedAt.getTime() - window)),
          lte(casesCase.openedAt, new Date(row.openedAt.getTime() + window)),
          sql`${casesCase.data} ->> ${dup.categoryField} = ${category}`,
        ),
      )
      .limit(OPEN_LIMIT);
    return candidates
      .filter((c) => canRead(actor, c, definition))
      .map((c) => {
        const there = c.data[dup.locationField] as { lng: number; lat: number } | undefined;
        return { case: c, distanceMeters: there ? Math.round(haversineMeters(here, there)) : null };
      })
      .filter((c) => c.distanceMeters !== null && c.distanceMeters <= dup.withinMeters)
      .sort((a, b) => (a.distanceMeters ?? 0) - (b.distanceMeters ?? 0));
  }

  /** Merges duplicate reports into a primary case; they wait for and share its outcome. */
  async function merge(actor: Actor, primaryId: string, duplicateIds: string[], note?: string | null) {
    const { row: primary, definition } = await readable(actor, primaryId);
    const dup = definition.duplicates;
    if (!dup)
      throw new ConflictError(
        'cases.merge.unsupported',
        `Case type ${definition.code} does not merge duplicates.`,
      );
    requirePermission(actor, dup.mergePermission, scope(primary));
    const ids = [...new Set(duplicateIds)];
    if (!ids.length || ids.length > 50)
      throw new InputError('cases.merge.invalid', 'Give 1–50 duplicate case ids.');
    if (ids.includes(primary.id))
      throw new InputError('cases.merge.self', 'A case cannot be merged into itself.');
    if (primary.closedAt || primary.mergedInto)
      throw new ConflictError('cases.merge.primary_closed', 'The primary case is closed or itself merged.');
    const duplicates: CaseRow[] = [];
    for (const id of ids) {
      const { row } = await readable(actor, id);
      requirePermission(actor, dup.mergePermission, scope(row));
      if (row.typeCode !== primary.typeCode)
        throw new InputError('cases.merge.type_mismatch', `${row.number} is of another case type.`);
      if (row.closedAt || row.mergedInto)
        throw new ConflictError('cases.merge.duplicate_closed', `${row.number} is closed or already merged.`);
      duplicates.push(row);
    }
    return audited(async (tx) => {
      for (const row of duplicates) {
        const rowType = await types.get(row.typeCode, row.typeVersion, tx);
        await commitStep(
          tx,
          row,
          rowType.definition,
          {
            actor,
            code: 'merge',
            to: dup.mergedState,
            note: note ?? `并入 ${primary.number}`,
            mergedInto: primary.id,
            assigneeId: null,
            meta: { mergedInto: primary.id },
          },
          row.version,
        );
      }
      return commitStep(
        tx,
        primary,
        definition,
        {
          actor,
          code: 'merge',
          to: primary.state,
          note: `合并重复件 ${duplicates.map((d) => d.number).join('、')}`,
          keepVersion: true,
          meta: { merged: duplicates.map((d) => d.id) },
        },
        primary.version,
      );
    });
  }

  return { supervise, addNoteInTransaction, requestExtension, decideExtension, findDuplicates, merge };
}
