import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission, systemActor } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { readSheetRows } from '@zhizhi/kernel/files';
import { newId } from '@zhizhi/kernel/ids';
import { and, asc, count, eq, gt, isNotNull, sql } from 'drizzle-orm';
import type { LibraryStore } from '../library/store';
import { type MatchResult, matchAddress } from '../matcher/match';
import { parseAddress } from '../parser/parse';
import { PLACES_PERMISSIONS as P } from '../permissions';
import { placesImport, placesImportRecord } from '../schema';
import { readImportRecords } from './records';
import type { ReviewOpener } from '../review/review-service';

export const PLACES_IMPORT_JOB = 'places.import';
const CHUNK = 250;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SOURCE_KINDS = ['police', 'natural_resources', 'utility', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** At or above this confidence a complete match is taken without review. */
export const ACCEPT_CONFIDENCE = 0.9;

export interface StartImportInput {
  fileName: string;
  content: Buffer;
  sourceKind: SourceKind;
  sourceName: string;
  addressColumn?: string;
}

/** What happened to one record, from its match. */
export function outcomeOf(result: MatchResult): {
  outcome: 'matched' | 'review' | 'failed';
  kind?: 'match' | 'proposal';
} {
  // Taken without a person only when every element agrees exactly or through a known alias: a
  // spelling matched by sound, or a conflicting township, is for a reviewer to confirm.
  const clean = result.best?.explanation.every(
    (e) => e.outcome === 'agree' || e.outcome === 'alias' || e.outcome === 'replaced',
  );
  if (result.best && clean && result.best.confidence >= ACCEPT_CONFIDENCE) return { outcome: 'matched' };
  const top = result.candidates[0];
  if (!top) return { outcome: 'failed' };
  return { outcome: 'review', kind: top.complete ? 'match' : 'proposal' };
}

/**
 * Departmental address imports: the sheet is checked at once (no address column, no rows: refused
 * before anything is stored), then a durable job matches its records in chunks, counting progress.
 * Records that name the same place (the same normalised address) form one cluster and share one
 * review case; a cluster already under review elsewhere gets the new records added to it.
 */
export function createImportService(kernel: Kernel, store: LibraryStore, reviews: ReviewOpener) {
  const { db, clock } = kernel;

  async function start(actor: Actor, input: StartImportInput) {
    requirePermission(actor, P.import);
    if (!SOURCE_KINDS.includes(input.sourceKind)) {
      throw new InputError(
        'places.import.source_kind',
        `sourceKind must be one of ${SOURCE_KINDS.join(', ')}.`,
      );
    }
    const sourceName = input.sourceName.trim().slice(0, 100);
    if (!sourceName)
      throw new InputError('places.import.source_name', 'Name the department the records come from.');
    const rows = await readSheetRows(input.content, input.fileName, { errorPrefix: 'places.import.file' });
    const { records, addressColumn } = readImportRecords(rows, input.addressColumn);
    const file = await kernel.files.store(actor, {
      name: input.fileName,
      content: input.content,
      allowed: ['text/plain', XLSX],
      maxBytes: 20 * 1024 * 1024,
    });
    const id = newId();
    await kernel.transaction(async (tx) => {
      await tx.insert(placesImport).values({
        id,
        sourceKind: input.sourceKind,
        sourceName,
        fileName: input.fileName.slice(0, 200),
        status: 'queued',
        total: records.length,
        fileId: file.id,
        addressColumn,
        createdBy: actor.id,
        createdAt: clock.now(),
      });
      await recordAudit(tx, clock, {
        actor,
        action: 'places.import.started',
        subjectType: 'places_import',
        subjectId: id,
        data: { fileName: input.fileName, records: records.length, sourceKind: input.sourceKind },
      });
      await kernel.jobs.enqueue(tx, {
        kind: PLACES_IMPORT_JOB,
        payload: { importId: id },
        dedupeKey: `places-import:${id}:0`,
      });
    });
    return get(actor, id);
  }

  async function get(actor: Actor, id: string) {
    requirePermission(actor, P.read);
    const [row] = /^[0-9a-f-]{36}$/i.test(id)
      ? await db.select().from(placesImport).where(eq(placesImport.id, id))
      : [];
    if (!row) throw new NotFoundError('places.import.not_found', 'No such import.');
    const { fileId: _fileId, ...rest } = row;
    return rest;
  }

  async function list(actor: Actor) {
    requirePermission(actor, P.read);
    const rows = await db.select().from(placesImport).orderBy(sql`${placesImport.createdAt} desc`).limit(50);
    return rows.map(({ fileId: _fileId, ...rest }) => rest);
  }

  async function records(
    actor: Actor,
    id: string,
    filter: { outcome?: string; limit?: number; offset?: number },
  ) {
    await get(actor, id);
    const where = filter.outcome
      ? and(eq(placesImportRecord.importId, id), eq(placesImportRecord.outcome, filter.outcome))
      : eq(placesImportRecord.importId, id);
    const [total] = await db.select({ n: count() }).from(placesImportRecord).where(where);
    const rows = await db
      .select()
      .from(placesImportRecord)
      .where(where)
      .orderBy(asc(placesImportRecord.rowNo))
      .limit(Math.min(filter.limit ?? 100, 500))
      .offset(filter.offset ?? 0);
    return { total: Number(total?.n ?? 0), records: rows };
  }

  /** One chunk in the job's transaction; enqueues the next until every record is done. */
  async function runChunk(tx: Executor, importId: string) {
    const [job] = await tx.select().from(placesImport).where(eq(placesImport.id, importId));
    if (!job || job.status === 'done' || job.status === 'failed') return;
    const file = await kernel.files.read(job.fileId, tx);
    const rows = await readSheetRows(file.content, job.fileName, { errorPrefix: 'places.import.file' });
    const { records: all } = readImportRecords(rows, job.addressColumn);
    const [last] = await tx
      .select({ row: sql<number>`max(${placesImportRecord.rowNo})` })
      .from(placesImportRecord)
      .where(eq(placesImportRecord.importId, importId));
    const after = Number(last?.row ?? 0);
    const slice = all.filter((record) => record.row > after).slice(0, CHUNK);
    const engine = await store.current(tx);
    const counts = { matched: 0, review: 0, failed: 0 };
    const importer: Actor = { ...systemActor, name: `places.import:${job.sourceName}` };
    for (const record of slice) {
      const id = newId();
      if (record.raw.length === 0 || record.raw.length > 500) {
        counts.failed++;
        await tx.insert(placesImportRecord).values({
          id,
          importId,
          rowNo: record.row,
          sourceRecordId: record.sourceRecordId,
          raw: record.raw.slice(0, 500),
          standard: '',
          outcome: 'failed',
          error: record.raw.length === 0 ? 'places.address.required' : 'places.address.too_long',
        });
        continue;
      }
      const parsed = parseAddress(record.raw, engine.gazetteer);
      const result = matchAddress(parsed, engine.index, engine.gazetteer);
      const { outcome, kind } = outcomeOf(result);
      const top = result.best ?? result.candidates[0] ?? null;
      let caseId: string | null = null;
      if (outcome === 'review' && kind) {
        caseId = await reviews.clusterCase(tx, importer, { importId, raw: record.raw, result, kind });
      }
      counts[outcome]++;
      await tx.insert(placesImportRecord).values({
        id,
        importId,
        rowNo: record.row,
        sourceRecordId: record.sourceRecordId,
        raw: record.raw,
        standard: parsed.standard,
        outcome,
        addressId: outcome === 'matched' ? (top?.node.id ?? null) : null,
        confidence: top?.confidence ?? null,
        explanation: top
          ? { complete: top.complete, candidate: top.node.key, elements: top.explanation }
          : null,
        error: outcome === 'failed' ? 'places.match.no_anchor' : null,
        caseId,
      });
    }
    const processed = job.processed + slice.length;
    const done = processed >= job.total || slice.length === 0;
    const [clusters] = await tx
      .select({ n: sql<number>`count(distinct ${placesImportRecord.caseId})` })
      .from(placesImportRecord)
      .where(and(eq(placesImportRecord.importId, importId), isNotNull(placesImportRecord.caseId)));
    await tx
      .update(placesImport)
      .set({
        status: done ? 'done' : 'running',
        processed,
        matched: job.matched + counts.matched,
        review: job.review + counts.review,
        failed: job.failed + counts.failed,
        proposed: Number(clusters?.n ?? 0),
        finishedAt: done ? clock.now() : null,
      })
      .where(eq(placesImport.id, importId));
    if (done) {
      await kernel.events.publish(tx, 'places.import.finished', {
        importId,
        total: job.total,
        matched: job.matched + counts.matched,
        review: job.review + counts.review,
        failed: job.failed + counts.failed,
      });
    } else {
      await kernel.jobs.enqueue(tx, {
        kind: PLACES_IMPORT_JOB,
        payload: { importId },
        dedupeKey: `places-import:${importId}:${processed}`,
      });
    }
  }

  return { start, get, list, records, runChunk };
}

/** Records of a cluster (same normalised address) that are still waiting, in any import. */
export async function openRecordsOfCluster(tx: Executor, standard: string) {
  return tx
    .select()
    .from(placesImportRecord)
    .where(
      and(
        eq(placesImportRecord.standard, standard),
        eq(placesImportRecord.outcome, 'review'),
        gt(placesImportRecord.rowNo, 0),
      ),
    );
}

export type ImportService = ReturnType<typeof createImportService>;
