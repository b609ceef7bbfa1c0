import type { SQL } from 'drizzle-orm';
import type { Executor } from './types';

export type Row = Record<string, unknown>;

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function rows<T extends Row = Row>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
