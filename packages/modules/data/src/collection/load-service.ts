import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { ConflictError, InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { type Kernel, systemActor } from '@zhizhi/kernel';
import { and, desc, eq, lt, max, sql } from 'drizzle-orm';
import { z } from 'zod';
import { DATA_PERMISSIONS } from '../catalog/catalog-service';
import { dataResource } from '../catalog/schema';
import type { QualityRules } from '../quality/quality-service';
import { checkRows } from '../quality/rules';
import { snapshotScores } from '../quality/scores';
import { createRowPreparer, diffRows, type PreparedRow, RowError, resolveMapping } from './load-rows';
import { type TabularSource, uploadSource } from './read-file';
import {
  hostAllowed,
  httpLabel,
  httpSource,
  postgresLabel,
  postgresSource,
  SourceError,
  sourceHost,
  tableName,
} from './read-remote';
import { type FoundResource, findResource } from './resource-lookup';
import { dataLoad, dataRow } from './schema';
import type { Subscriptions } from './subscriptions';

/** Where a load's rows come from. */
export type LoadSpec =
  | { kind: 'upload'; fileName: string; bytes: Uint8Array }
  | { kind: 'http'; url: string }
  | { kind: 'postgres'; connectionString: string; table: string };

export interface LoadOptions {
  /** Rows read per batch (progress is written after each). */
  batchSize?: number;
  /** At most this many rows per load. */
  maxRows?: number;
  /** HTTP endpoint limits. */
  httpTimeoutMs?: number;
  httpMaxBytes?: number;
  /** Hosts HTTP and PostgreSQL loads may reach (`*.suffix` allowed); empty or unset: any. */
  allowedHosts?: readonly string[];
}

const mappingSchema = z.record(z.string().min(1).max(200), z.string().min(1).max(64)).optional();
const INSERT_BATCH = 1000;
/**
 * A running load whose heartbeat (written with every batch read) is older than this belongs to a
 * process that stopped; it is marked failed with `data.load.interrupted`. Longer than the final
 * transaction of the largest load (1M rows), during which no heartbeat can be seen.
 */
const STALE_MS = 15 * 60_000;

/** Loads (归集): versioned replacement of a resource's rows, with diff, rules, cases and notices. */
export function createLoads(
  kernel: Kernel,
  quality: QualityRules,
  subscriptions: Subscriptions,
  options: LoadOptions = {},
) {
  const { db, clock, logger } = kernel;
  const batchSize = options.batchSize ?? 5000;
  const maxRows = options.maxRows ?? 1_000_000;
  const running = new Map<string, Promise<void>>();

  function manage(actor: Actor, resource: FoundResource) {
    requirePermission(actor, DATA_PERMISSIONS.manage, {
      divisionCode: resource.divisionCode,
      departmentId: resource.departmentId,
    });
  }

  /**
   * Starts a load: checks permission, the input and (for uploads) the header and mapping before
   * anything is written; then records a running version and reads in the background. Await
   * `waitFor(id)` to block until it settles.
   */
  async function startLoad(actor: Actor, resourceId: string, spec: LoadSpec, mapping?: unknown) {
    const resource = await findResource(db, resourceId);
    manage(actor, resource);
    if (resource.status !== 'active')
      throw new ConflictError('data.load.retired', 'The resource is retired.');
    const parsedMapping = mappingSchema.safeParse(mapping);
    if (!parsedMapping.success)
      throw new InputError('data.load.mapping_invalid', 'The mapping is column → item code.');
    let source: TabularSource | null = null;
    let label: string;
    if (spec.kind === 'upload') {
      source = await uploadSource(spec.fileName, spec.bytes);
      resolveMapping(source.columns, resource.items, parsedMapping.data, resource.keyItems);
      label = source.label;
    } else if (spec.kind === 'http') label = httpLabel(spec.url);
    else {
      tableName(spec.table);
      label = postgresLabel(spec.connectionString, spec.table);
    }
    if (spec.kind !== 'upload') {
      const host = sourceHost(spec.kind === 'http' ? spec.url : spec.connectionString);
      if (!hostAllowed(host, options.allowedHosts))
        throw new InputError('data.load.host_not_allowed', 'This host is not on the list of data sources.');
    }
    const id = newId();
    const version = await kernel.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(727102, hashtext(${resourceId}))`);
      const [busy] = await tx
        .select({ id: dataLoad.id, startedAt: dataLoad.startedAt, heartbeatAt: dataLoad.heartbeatAt })
        .from(dataLoad)
        .where(and(eq(dataLoad.resourceId, resourceId), eq(dataLoad.status, 'running')));
      // A load running for hours belonged to a process that stopped: it can never finish.
      if (busy && clock.now().getTime() - (busy.heartbeatAt ?? busy.startedAt).getTime() < STALE_MS)
        throw new ConflictError('data.load.running', 'A load of this resource is still running.');
      if (busy)
        await tx
          .update(dataLoad)
          .set({ status: 'failed', errorCode: 'data.load.interrupted', finishedAt: clock.now() })
          .where(eq(dataLoad.id, busy.id));
      const [last] = await tx
        .select({ v: max(dataLoad.version) })
        .from(dataLoad)
        .where(eq(dataLoad.resourceId, resourceId));
      const next = Number(last?.v ?? 0) + 1;
      await tx.insert(dataLoad).values({
        id,
        resourceId,
        version: next,
        source: spec.kind,
        sourceLabel: label,
        mapping: parsedMapping.data ?? {},
        status: 'running',
        rowsTotal: source?.total ?? null,
        createdBy: actor.id,
        startedAt: clock.now(),
        heartbeatAt: clock.now(),
      });
      await recordAudit(tx, clock, {
        actor,
        action: 'data.load.started',
        subjectType: 'data_load',
        subjectId: id,
        data: { resourceId, version: next, source: spec.kind, label },
      });
      return next;
    });
    const run = execute(actor, resource, id, version, spec, source, parsedMapping.data).finally(() =>
      running.delete(id),
    );
    running.set(id, run);
    return getLoadRow(id);
  }

  async function openSource(spec: LoadSpec): Promise<TabularSource> {
    if (spec.kind === 'http')
      return httpSource(spec.url, { timeoutMs: options.httpTimeoutMs, maxBytes: options.httpMaxBytes });
    if (spec.kind === 'postgres') return postgresSource(spec.connectionString, spec.table);
    return uploadSource(spec.fileName, spec.bytes);
  }

  async function execute(
    actor: Actor,
    resource: FoundResource,
    id: string,
    version: number,
    spec: LoadSpec,
    opened: TabularSource | null,
    explicit: Record<string, string> | undefined,
  ) {
    let source = opened;
    try {
      source ??= await openSource(spec);
      const mapping = resolveMapping(source.columns, resource.items, explicit, resource.keyItems);
      await db
        .update(dataLoad)
        .set({ mapping, rowsTotal: source.total, heartbeatAt: clock.now() })
        .where(eq(dataLoad.id, id));
      const prepare = createRowPreparer(mapping, resource.keyItems);
      const rows: PreparedRow[] = [];
      for await (const batch of source.batches(batchSize)) {
        for (const row of batch) rows.push(prepare(row));
        if (rows.length > maxRows) throw new SourceError('data.load.too_many_rows');
        await db
          .update(dataLoad)
          .set({ rowsRead: rows.length, heartbeatAt: clock.now() })
          .where(eq(dataLoad.id, id));
        // Let other requests (the progress poller among them) run between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await source.close?.();
      await finish(actor, resource, id, version, rows);
    } catch (error) {
      await source?.close?.();
      const code =
        error instanceof SourceError || error instanceof RowError || error instanceof InputError
          ? error.code
          : 'data.load.failed';
      if (code === 'data.load.failed')
        logger?.error({ loadId: id, err: (error as Error).name }, 'data load failed');
      await kernel.transaction(async (tx) => {
        await tx
          .update(dataLoad)
          .set({
            status: 'failed',
            errorCode: code,
            report: error instanceof RowError ? { errorRow: error.row } : null,
            finishedAt: clock.now(),
          })
          .where(eq(dataLoad.id, id));
        await recordAudit(tx, clock, {
          actor,
          action: 'data.load.failed',
          subjectType: 'data_load',
          subjectId: id,
          data: { resourceId: resource.id, version, code },
        });
      });
    }
  }

  /** Checks rules, then swaps the rows, records the diff, settles cases and notifies — one transaction. */
  async function finish(
    actor: Actor,
    resource: FoundResource,
    id: string,
    version: number,
    rows: PreparedRow[],
  ) {
    const fresh = await findResource(db, resource.id); // rules may have changed while reading
    const sets = quality.ruleSets(fresh);
    const context = await quality.gatherContext(db, fresh, sets);
    const report = checkRows(
      sets,
      (function* () {
        for (const r of rows) yield r.data;
      })(),
      { maxFindings: 0, context },
    );
    const previous = new Map(
      (
        await db
          .select({ key: dataRow.rowKey, hash: dataRow.hash })
          .from(dataRow)
          .where(eq(dataRow.resourceId, resource.id))
      ).map((r) => [r.key, r.hash]),
    );
    const diff = diffRows(previous, rows);
    await kernel.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(727102, hashtext(${resource.id}))`);
      await tx.delete(dataRow).where(eq(dataRow.resourceId, resource.id));
      for (let i = 0; i < rows.length; i += INSERT_BATCH)
        await tx.insert(dataRow).values(
          rows.slice(i, i + INSERT_BATCH).map((r) => ({
            resourceId: resource.id,
            rowKey: r.key,
            data: r.data,
            hash: r.hash,
            loadVersion: version,
          })),
        );
      const settled = await quality.settleAfterLoad(tx, fresh, version, report);
      await tx
        .update(dataLoad)
        .set({
          status: 'done',
          rowsRead: rows.length,
          rowsTotal: rows.length,
          ...diff,
          passRate: report.passRate,
          report: {
            rows: report.rows,
            items: report.items,
            groups: report.groups,
            qualityCase: settled.qualityCase,
            objectionsRechecked: settled.objectionsRechecked,
          },
          finishedAt: clock.now(),
        })
        .where(eq(dataLoad.id, id));
      await subscriptions.notifySubscribers(tx, resource.id, {
        titleZh: `${fresh.name} 第 ${version} 版数据已归集：新增 ${diff.added}、变更 ${diff.changed}、删除 ${diff.removed}`,
        titleEn: `${fresh.code} load ${version}: ${diff.added} added, ${diff.changed} changed, ${diff.removed} removed`,
        link: `/data/loads?resource=${resource.id}`,
      });
      await snapshotScores(tx, clock, resource.departmentId);
      await recordAudit(tx, clock, {
        actor,
        action: 'data.load.completed',
        subjectType: 'data_load',
        subjectId: id,
        data: { resourceId: resource.id, version, rows: rows.length, ...diff, passRate: report.passRate },
      });
      await kernel.events.publish(tx, 'data.load.completed', {
        resourceId: resource.id,
        loadId: id,
        version,
        passRate: report.passRate,
        findings: report.groups.reduce((n, g) => n + g.count, 0),
      });
    });
  }

  async function getLoadRow(id: string) {
    const [row] = /^[0-9a-f-]{36}$/i.test(id)
      ? await db.select().from(dataLoad).where(eq(dataLoad.id, id))
      : [];
    if (!row) throw new NotFoundError('data.load.not_found', 'No such load.');
    return row;
  }

  /** One load with its progress (`rowsRead` of `rowsTotal`) and, when done, diff and pass rate. */
  async function getLoad(actor: Actor, id: string) {
    requirePermission(actor, DATA_PERMISSIONS.read);
    return getLoadRow(id);
  }

  /** A resource's loads, newest first. */
  async function listLoads(actor: Actor, resourceId: string) {
    requirePermission(actor, DATA_PERMISSIONS.read);
    await findResource(db, resourceId);
    return db
      .select()
      .from(dataLoad)
      .where(eq(dataLoad.resourceId, resourceId))
      .orderBy(desc(dataLoad.version))
      .limit(200);
  }

  /** Resolves when the load has settled (done or failed); at once when it is not running here. */
  async function waitFor(id: string) {
    await running.get(id);
    return getLoadRow(id);
  }

  /** The resource with this catalog code (for the CLI, which names resources by code). */
  async function resourceByCode(code: string) {
    const [row] = await db
      .select({ id: dataResource.id })
      .from(dataResource)
      .where(eq(dataResource.code, code));
    if (!row) throw new NotFoundError('data.resource.not_found', `No data resource ${code}.`);
    return row;
  }

  /**
   * Marks loads that can no longer finish as failed (`data.load.interrupted`), audited: every
   * running load not running in this process when `everyRunning` (the embedded database has one
   * process, so at start nothing else can be loading), else those whose heartbeat is stale.
   */
  async function sweepInterrupted(everyRunning = false, executor?: Executor): Promise<number> {
    // Inside a job the job's transaction is used: PGlite has one connection.
    if (!executor) return kernel.transaction((tx) => sweepInterrupted(everyRunning, tx));
    const cutoff = new Date(clock.now().getTime() - STALE_MS);
    const candidates = await executor
      .select({ id: dataLoad.id, resourceId: dataLoad.resourceId, version: dataLoad.version })
      .from(dataLoad)
      .where(
        and(
          eq(dataLoad.status, 'running'),
          everyRunning
            ? undefined
            : lt(sql`coalesce(${dataLoad.heartbeatAt}, ${dataLoad.startedAt})`, cutoff),
        ),
      );
    const dead = candidates.filter((c) => !running.has(c.id));
    let swept = 0;
    for (const load of dead) {
      const [changed] = await executor
        .update(dataLoad)
        .set({ status: 'failed', errorCode: 'data.load.interrupted', finishedAt: clock.now() })
        .where(and(eq(dataLoad.id, load.id), eq(dataLoad.status, 'running')))
        .returning({ id: dataLoad.id });
      if (!changed) continue; // it finished meanwhile
      swept += 1;
      await recordAudit(executor, clock, {
        actor: systemActor,
        action: 'data.load.interrupted',
        subjectType: 'data_load',
        subjectId: load.id,
        data: { resourceId: load.resourceId, version: load.version },
      });
    }
    return swept;
  }

  return { startLoad, getLoad, listLoads, waitFor, resourceByCode, sweepInterrupted };
}

export type Loads = ReturnType<typeof createLoads>;
