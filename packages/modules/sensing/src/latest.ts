import type { Executor } from '@zhizhi/kernel/db';
import { eq, type SQL } from 'drizzle-orm';
import { sensingDevice, sensingSeries } from './schema';

/** Each series' newest reading with its station (for station cards and the alarm engine's state). */
export function latestSeries(executor: Executor, where: SQL | undefined) {
  return executor
    .select({
      stationId: sensingDevice.stationId,
      metric: sensingSeries.metric,
      ts: sensingSeries.lastTs,
      value: sensingSeries.lastValue,
    })
    .from(sensingSeries)
    .innerJoin(sensingDevice, eq(sensingDevice.id, sensingSeries.deviceId))
    .where(where);
}
