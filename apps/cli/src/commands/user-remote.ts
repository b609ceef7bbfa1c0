import { type ApiClient, type RoleGrant, type Staff, unwrap } from '@zhizhi/api-client';
import { NotFoundError } from '@zhizhi/kernel';

/** What `user add` creates, locally or through the API. */
export interface AddStaffOptions {
  username: string;
  displayName: string;
  password: string;
  departmentCode?: string;
  roles: RoleGrant[];
}

/** `user add` through the API: the department code is resolved to its id first. */
export async function addStaffRemote(client: ApiClient, options: AddStaffOptions): Promise<Staff> {
  let departmentId: string | null = null;
  if (options.departmentCode) {
    const { items } = await unwrap(client.GET('/api/org/departments'));
    const department = items.find((d) => d.code === options.departmentCode);
    if (!department)
      throw new NotFoundError(
        'org.department.not_found',
        `No department with code ${options.departmentCode}.`,
      );
    departmentId = department.id;
  }
  const { username, displayName, password, roles } = options;
  return unwrap(
    client.POST('/api/admin/staff', { body: { username, displayName, password, departmentId, roles } }),
  );
}

/** The staff member with exactly this username; the API search also matches display names and parts. */
async function findStaffRemote(client: ApiClient, username: string): Promise<Staff> {
  const wanted = username.trim().toLowerCase();
  const pageSize = 200;
  for (let page = 1; ; page++) {
    const { items, total } = await unwrap(
      client.GET('/api/admin/staff', { params: { query: { q: wanted, page, pageSize } } }),
    );
    const staff = items.find((s) => s.username === wanted);
    if (staff) return staff;
    if (page * pageSize >= total || items.length === 0)
      throw new NotFoundError('identity.staff.not_found', `No staff member ${username}.`);
  }
}

/** `user reset-password` through the API. */
export async function resetPasswordRemote(client: ApiClient, username: string, password: string) {
  const staff = await findStaffRemote(client, username);
  await unwrap(
    client.POST('/api/admin/staff/{id}/reset-password', {
      params: { path: { id: staff.id } },
      body: { password },
    }),
  );
}
