import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import { createAccessMeter, verifyAccessLog } from './access-log';
import { shareRequestType } from './case-type';
import { createShareGateway } from './gateway';
import { createShareGrants } from './grant-service';
import { createSharedDataProvider } from './port-provider';
import { createShareRequests } from './request-service';
import { createGrantSeeder } from './seed-grant';

/**
 * The sharing gateway (数据共享): requests as cases, approvals as grants, the shared data API
 * with masking, and group-commit metering in a hash-chained access log. Also provides the
 * kernel's shared-data port (`kernel.sharedData`) to other modules.
 */
export function createSharing(kernel: Kernel) {
  const meter = createAccessMeter({
    clock: kernel.clock,
    transaction: (work) => kernel.db.transaction(work),
  });
  const gateway = createShareGateway(kernel, meter);
  const port = createSharedDataProvider(kernel, gateway);
  const forget = (grantId: string) => {
    gateway.forget(grantId);
    port.forget(grantId);
  };
  const requests = createShareRequests(kernel, forget);
  const grants = createShareGrants(kernel, forget);
  const seeder = createGrantSeeder(kernel, requests, forget);

  /** Installs the `data_share_request` case type (idempotent; at every start) and provides the port. */
  async function start() {
    await kernel.cases.defineCaseType(kernel.db, shareRequestType);
    kernel.sharedData.provide(port.provider);
  }

  /** Walks the access log's hash chain (auditors and administrators). */
  async function verifyLog(actor: Actor) {
    requirePermission(actor, 'audit.read');
    return verifyAccessLog(kernel.db);
  }

  return {
    requests,
    grants,
    gateway,
    meter,
    start,
    verifyLog,
    /** The shared-data port's provider (what `kernel.sharedData.lookup` reaches once started). */
    lookup: port.lookup,
    /** A grant for a service matter through the ordinary request case and approval (idempotent). */
    grantForMatter: seeder.grantForMatter,
    /** System only: grants written directly for many pairs in one transaction (demo start; idempotent). */
    seedGrants: seeder.seedGrants,
    seedGrant: seeder.seedGrant,
  };
}

export type Sharing = ReturnType<typeof createSharing>;
