import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import { createAccessMeter, verifyAccessLog } from './access-log';
import { shareRequestType } from './case-type';
import { createShareGateway } from './gateway';
import { createShareGrants } from './grant-service';
import { createShareRequests } from './request-service';

/**
 * The sharing gateway (数据共享): requests as cases, approvals as grants, the shared data API
 * with masking, and group-commit metering in a hash-chained access log.
 */
export function createSharing(kernel: Kernel) {
  const meter = createAccessMeter({
    clock: kernel.clock,
    transaction: (work) => kernel.db.transaction(work),
  });
  const gateway = createShareGateway(kernel, meter);
  const forget = (grantId: string) => gateway.forget(grantId);
  const requests = createShareRequests(kernel, forget);
  const grants = createShareGrants(kernel, forget);

  /** Installs the `data_share_request` case type (idempotent; at every start). */
  async function start() {
    await kernel.cases.defineCaseType(kernel.db, shareRequestType);
  }

  /** Walks the access log's hash chain (auditors and administrators). */
  async function verifyLog(actor: Actor) {
    requirePermission(actor, 'audit.read');
    return verifyAccessLog(kernel.db);
  }

  return { requests, grants, gateway, meter, start, verifyLog };
}

export type Sharing = ReturnType<typeof createSharing>;
