import type { Executor } from '@zhizhi/kernel/db';
import { sql } from 'drizzle-orm';
import { ANONYMOUS_DEVELOPER, dataOpenUsage, type OpenUsageKind } from './schema';

/** Beijing date of an instant, YYYY-MM-DD (usage days follow the local calendar). */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Adds one use (and its rows) to the day's counter for the resource and developer. */
export async function meter(
  executor: Executor,
  at: Date,
  entry: { resourceId: string; developerId?: string | null; kind: OpenUsageKind; rows: number },
) {
  await executor
    .insert(dataOpenUsage)
    .values({
      day: beijingDay(at),
      resourceId: entry.resourceId,
      developerId: entry.developerId ?? ANONYMOUS_DEVELOPER,
      kind: entry.kind,
      count: 1,
      rows: entry.rows,
    })
    .onConflictDoUpdate({
      target: [dataOpenUsage.day, dataOpenUsage.resourceId, dataOpenUsage.developerId, dataOpenUsage.kind],
      set: {
        count: sql`${dataOpenUsage.count} + 1`,
        rows: sql`${dataOpenUsage.rows} + ${entry.rows}`,
      },
    });
}
