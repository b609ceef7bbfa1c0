import { safeErrorMessage } from '../errors';
import type { Logger } from 'pino';
import { type Actor, requirePermission } from '../access';
import { listAudit, type ListAuditOptions, recordAudit, sealAuditDaysUpTo, verifyAudit } from '../audit';
import { type Clock, systemClock } from '../clock';
import { type Database, runMigrations } from '../db';
import type { Executor } from '../db/types';
import { type Calendar, createCalendar } from '../calendar';
import { createCaseService, createDispatchCatalogue } from '../cases';
import { createCodeService } from '../codes';
import { createEventBus } from '../events';
import {
  createApplicantService,
  createAuthService,
  createRegistryService,
  createStaffService,
  ensureBuiltinRoles,
} from '../identity';
import { createFileStore } from '../files';
import { createIndicatorRegistry } from '../indicators';
import { createJobs } from '../jobs';
import { createNotificationService } from '../notifications';
import { createOrgService } from '../org';
import { createSharedDataPort } from '../shared-data';

export interface KernelOptions {
  database: Database;
  clock?: Clock;
  logger?: Logger;
  sessionTtlHours?: number;
  loginMaxFailures?: number;
  loginLockMinutes?: number;
  /** Derive QR code signing keys from this secret (≥ 32 characters) instead of storing random keys. */
  codesSecret?: string;
}

/** Builds every kernel service over one database. Nothing starts until `startKernel`. */
export function createKernel(options: KernelOptions) {
  const { database, logger } = options;
  const db = database.db;
  const clock = options.clock ?? systemClock;
  const events = createEventBus({ db, clock, logger, dialect: database.dialect });

  /** One unit of work: commit, then deliver the events it published. */
  async function transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    const result = await db.transaction(work);
    requestDispatch();
    return result;
  }

  // Deliver soon after commit, batching a burst of commits into one outbox read.
  let dispatchTimer: NodeJS.Timeout | null = null;
  function requestDispatch() {
    if (dispatchTimer) return;
    dispatchTimer = setTimeout(() => {
      dispatchTimer = null;
      events
        .dispatch()
        .catch((error) => logger?.error({ err: safeErrorMessage(error) }, 'event dispatch failed'));
    }, 10);
    dispatchTimer.unref();
  }

  const jobs = createJobs({ db, clock, logger });
  const org = createOrgService({ db, clock, transaction, publish: events.publish });
  const loginOptions = {
    sessionTtlHours: options.sessionTtlHours ?? 12,
    maxFailures: options.loginMaxFailures ?? 5,
    lockMinutes: options.loginLockMinutes ?? 15,
  };
  const auth = createAuthService({ db, clock, transaction, ...loginOptions });
  const applicants = createApplicantService({ db, clock, transaction, ...loginOptions });
  const staff = createStaffService({ db, clock, transaction });
  const registry = createRegistryService({ db, clock, transaction });
  // The calendar caches overrides in memory; it is loaded by startKernel, after migrations.
  let calendar: Calendar | null = null;
  const calendarOrThrow = (): Calendar => {
    if (!calendar) throw new Error('The kernel is not started: call startKernel first.');
    return calendar;
  };
  const indicators = createIndicatorRegistry({ db, clock });
  const files = createFileStore({ db, clock, transaction });
  const notifications = createNotificationService({ db, clock });
  const codes = createCodeService({ db, clock, transaction, secret: options.codesSecret });
  const sharedData = createSharedDataPort();
  const dispatch = createDispatchCatalogue({ db, clock, transaction });
  const cases = createCaseService({
    db,
    clock,
    transaction,
    publish: events.publish,
    jobs,
    calendar: calendarOrThrow,
    notify: notifications.notify,
  });
  const audit = {
    list(actor: Actor, query: ListAuditOptions) {
      requirePermission(actor, 'audit.read');
      return listAudit(db, query);
    },
    verify(actor: Actor) {
      requirePermission(actor, 'audit.read');
      return verifyAudit(db, clock);
    },
  };

  /** Admin retry of a failed job (jobs.manage), audited. */
  async function retryJob(actor: Actor, id: string) {
    requirePermission(actor, 'jobs.manage');
    await transaction(async (tx) => {
      await jobs.retry(tx, id);
      await recordAudit(tx, clock, { actor, action: 'jobs.job.retried', subjectType: 'job', subjectId: id });
    });
  }

  async function loadCalendar() {
    const created = await createCalendar({ db, clock });
    await created.reload();
    calendar = created;
  }

  return {
    database,
    db,
    clock,
    logger,
    events,
    transaction,
    jobs,
    retryJob,
    org,
    auth,
    applicants,
    staff,
    registry,
    cases,
    indicators,
    files,
    dispatch,
    notifications,
    codes,
    sharedData,
    audit,
    loadCalendar,
    /** The working-day calendar (available once the kernel is started). */
    get calendar(): Calendar {
      return calendarOrThrow();
    },
  };
}

export type Kernel = ReturnType<typeof createKernel>;

/** Yesterday in Beijing time, as YYYY-MM-DD. */
function beijingYesterday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
}

/** Migrates, installs built-in roles and the kernel's own schedules. Idempotent. */
export async function startKernel(kernel: Kernel, options: { migrate?: boolean } = {}) {
  if (options.migrate !== false) await runMigrations(kernel.database);
  await ensureBuiltinRoles(kernel.db);
  await kernel.loadCalendar();
  kernel.jobs.register('audit.seal-day', async (_payload, { tx }) => {
    await sealAuditDaysUpTo(tx, kernel.clock, beijingYesterday(kernel.clock.now()));
  });
  // Job handlers use only the job's transaction: on PGlite, touching the database any other way
  // while the claim transaction is open would wait on it forever.
  kernel.jobs.register('identity.sessions.purge', async (_payload, { tx }) => {
    await kernel.auth.purgeExpiredSessions(tx);
    await kernel.applicants.purgeExpiredSessions(tx);
  });
  kernel.jobs.register('indicators.compute', async (_payload, { tx }) => {
    const yesterday = beijingYesterday(kernel.clock.now());
    await kernel.indicators.computeAll(tx, 'day', yesterday);
    await kernel.indicators.computeAll(tx, 'month', `${yesterday.slice(0, 7)}-01`);
  });
  await kernel.jobs.schedule(kernel.db, {
    name: 'indicators.compute',
    kind: 'indicators.compute',
    cron: '30 1 * * *',
  });
  await kernel.jobs.schedule(kernel.db, {
    name: 'audit.seal-day',
    kind: 'audit.seal-day',
    cron: '10 0 * * *',
  });
  kernel.jobs.register('jobs.purge-done', async (_payload, { tx }) => {
    await kernel.jobs.purgeDone(tx, new Date(kernel.clock.now().getTime() - 30 * 86_400_000));
  });
  await kernel.jobs.schedule(kernel.db, {
    name: 'jobs.purge-done',
    kind: 'jobs.purge-done',
    cron: '20 3 * * *',
  });
  await kernel.jobs.schedule(kernel.db, {
    name: 'identity.sessions.purge',
    kind: 'identity.sessions.purge',
    cron: '0 * * * *',
  });
}
