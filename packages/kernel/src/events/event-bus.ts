import { safeErrorMessage } from '../errors';
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Db, Executor } from '../db/types';
import { newId } from '../ids';
import { eventsOutbox } from './schema';

/**
 * Event types and their payloads. Modules add theirs by declaration merging:
 * `declare module '@zhizhi/kernel/events' { interface EventMap { 'x.y.z': {...} } }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface EventMap {}

export type EventType = keyof EventMap & string;

/** An event as delivered to subscribers. */
export interface DeliveredEvent<T extends string = string> {
  id: string;
  seq: number;
  type: T;
  payload: T extends EventType ? EventMap[T] : Record<string, unknown>;
  occurredAt: Date;
}

export type EventHandler<T extends string = string> = (event: DeliveredEvent<T>) => Promise<void> | void;

export interface EventBusOptions {
  db: Db;
  clock: Clock;
  logger?: Logger;
  /** Give up on an event after this many failed deliveries (it stays in the outbox with its error). */
  maxAttempts?: number;
  /** On PostgreSQL several nodes share the outbox: one dispatches at a time (advisory lock). */
  dialect?: 'pglite' | 'postgres';
}

const DISPATCH_LOCK = 727_003;

/**
 * Typed in-process bus over a transactional outbox: `publish` writes a row in the caller's
 * transaction, so an event exists exactly when its change commits; `dispatch` delivers
 * committed rows to subscribers (at least once) and marks them delivered.
 */
export function createEventBus(options: EventBusOptions) {
  const handlers = new Map<string, EventHandler[]>();
  const maxAttempts = options.maxAttempts ?? 10;
  let dispatching: Promise<number> | null = null;
  let rerun = false;

  async function publish<T extends EventType>(tx: Executor, type: T, payload: EventMap[T]) {
    const id = newId();
    await tx.insert(eventsOutbox).values({
      id,
      type,
      payload: payload as Record<string, unknown>,
      occurredAt: options.clock.now(),
    });
    return id;
  }

  function subscribe<T extends EventType | '*'>(type: T, handler: EventHandler<T extends '*' ? string : T>) {
    const list = handlers.get(type) ?? [];
    list.push(handler as EventHandler);
    handlers.set(type, list);
    return () =>
      handlers.set(
        type,
        (handlers.get(type) ?? []).filter((h) => h !== handler),
      );
  }

  /** On PostgreSQL, only the node holding the dispatch lock delivers, so no event is handled twice at once. */
  async function dispatchBatch(): Promise<number> {
    if (options.dialect !== 'postgres') return deliverBatch();
    return options.db.transaction(async (tx) => {
      const result = (await tx.execute(
        sql`select pg_try_advisory_xact_lock(${DISPATCH_LOCK}) as locked`,
      )) as unknown as { rows: { locked: boolean }[] };
      return result.rows[0]?.locked ? deliverBatch() : 0;
    });
  }

  async function deliverBatch(): Promise<number> {
    const pending = await options.db
      .select()
      .from(eventsOutbox)
      .where(and(isNull(eventsOutbox.dispatchedAt), lt(eventsOutbox.attempts, maxAttempts)))
      .orderBy(asc(eventsOutbox.seq))
      .limit(200);
    const delivered: number[] = [];
    for (const row of pending) {
      const event = {
        id: row.id,
        seq: row.seq,
        type: row.type,
        payload: row.payload,
        occurredAt: row.occurredAt,
      };
      try {
        for (const handler of [...(handlers.get(row.type) ?? []), ...(handlers.get('*') ?? [])]) {
          await handler(event as DeliveredEvent);
        }
        delivered.push(row.seq);
      } catch (error) {
        options.logger?.warn(
          { eventType: row.type, seq: row.seq, err: safeErrorMessage(error) },
          'event handler failed',
        );
        await options.db
          .update(eventsOutbox)
          .set({
            attempts: sql`${eventsOutbox.attempts} + 1`,
            lastError: safeErrorMessage(error).slice(0, 500),
          })
          .where(eq(eventsOutbox.seq, row.seq));
        break; // keep order: retry from here next time
      }
    }
    if (delivered.length) {
      await options.db
        .update(eventsOutbox)
        .set({ dispatchedAt: options.clock.now() })
        .where(inArray(eventsOutbox.seq, delivered));
    }
    return delivered.length;
  }

  /** Delivers committed, undelivered events. Concurrent calls coalesce into one run. */
  function dispatch(): Promise<number> {
    if (dispatching) {
      rerun = true;
      return dispatching;
    }
    dispatching = (async () => {
      let total = 0;
      do {
        rerun = false;
        let n: number;
        do {
          n = await dispatchBatch();
          total += n;
        } while (n === 200);
      } while (rerun);
      return total;
    })().finally(() => {
      dispatching = null;
    });
    return dispatching;
  }

  return { publish, subscribe, dispatch };
}

export type EventBus = ReturnType<typeof createEventBus>;
