import type { Executor } from '@zhizhi/kernel/db';
import { InputError } from '@zhizhi/kernel/errors';
import { orgDepartment } from '@zhizhi/kernel/org';
import { eq } from 'drizzle-orm';

// A department by id, or a 400 on the field that named it.
export async function departmentOrFail(executor: Executor, id: string, path = '/providerDepartmentId') {
  const [row] = await executor.select().from(orgDepartment).where(eq(orgDepartment.id, id));
  if (!row)
    throw new InputError('data.department.unknown', 'Unknown provider department.', {
      errors: [{ path, message: 'unknown department' }],
    });
  return row;
}
