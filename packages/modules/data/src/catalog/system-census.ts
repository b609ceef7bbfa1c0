import { type Actor, requirePermission } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import { ConflictError, InputError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import type { Kernel } from '@zhizhi/kernel';
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { DATA_PERMISSIONS } from './permissions';
import { invalid } from './resource-schema';
import { dataResource, dataSystem } from './schema';
import { departmentOrFail } from './departments';

/** 信息系统 names: a name of 2–50 characters ending in 系统 or 平台, no spaces or ASCII punctuation. */
export const SYSTEM_NAME = /^[\u4e00-\u9fa5A-Za-z0-9（）]{2,48}(系统|平台)$/;

const systemSchema = z.object({
  name: z.string().trim().regex(SYSTEM_NAME, 'ends in 系统 or 平台; Chinese, letters, digits, （）'),
  departmentId: z.uuid(),
  status: z.enum(['planned', 'in_use', 'retiring', 'retired']),
  resourceIds: z.array(z.uuid()).max(500).default([]),
});

// The census of the departments' information systems (信息系统普查), named by the rule.
export function createSystemCensus(kernel: Kernel) {
  const { db, clock } = kernel;

  /** Registers an information system in the census (naming rule checked), audited. */
  async function registerSystem(actor: Actor, input: unknown) {
    const parsed = systemSchema.safeParse(input);
    if (!parsed.success) throw invalid('data.system.invalid', parsed.error);
    const s = parsed.data;
    return kernel.transaction(async (tx) => {
      const owner = await departmentOrFail(tx, s.departmentId, '/departmentId');
      requirePermission(actor, DATA_PERMISSIONS.manage, {
        divisionCode: owner.divisionCode,
        departmentId: owner.id,
      });
      const [taken] = await tx
        .select({ id: dataSystem.id })
        .from(dataSystem)
        .where(eq(dataSystem.name, s.name));
      if (taken) throw new ConflictError('data.system.name_taken', `A system named ${s.name} is registered.`);
      if (s.resourceIds.length) {
        const found = await tx
          .select({ id: dataResource.id })
          .from(dataResource)
          .where(inArray(dataResource.id, s.resourceIds));
        if (found.length !== new Set(s.resourceIds).size)
          throw new InputError('data.resource.unknown', 'A listed data resource does not exist.');
      }
      const now = clock.now();
      const id = newId();
      await tx.insert(dataSystem).values({ id, ...s, createdAt: now, updatedAt: now });
      await recordAudit(tx, clock, {
        actor,
        action: 'data.system.registered',
        subjectType: 'data_system',
        subjectId: id,
        data: { name: s.name, status: s.status },
      });
      return { id };
    });
  }

  async function listSystems(actor: Actor) {
    requirePermission(actor, DATA_PERMISSIONS.read);
    return db.select().from(dataSystem).orderBy(asc(dataSystem.name));
  }

  return { registerSystem, listSystems };
}
