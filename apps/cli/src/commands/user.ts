import { randomInt } from 'node:crypto';
import { type Actor, InputError, NotFoundError, systemActor } from '@zhizhi/kernel';
import { identityStaff } from '@zhizhi/kernel/identity';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { createOutput, withKernel } from '../context';
import { remoteClient } from '../remote';
import { type AddStaffOptions, addStaffRemote, resetPasswordRemote } from './user-remote';

/** The local operator: full rights, recorded as `cli` in the audit log. */
const cliActor: Actor = { ...systemActor, name: 'cli' };

function generatedPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const letters = Array.from({ length: 9 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${letters}${randomInt(100, 1000)}`;
}

/** `role@division[:departmentCode]`, e.g. admin@330213000000 */
function parseRole(spec: string) {
  const match = /^([a-z_]+)@(\d{12})$/.exec(spec);
  if (!match)
    throw new InputError('cli.role.invalid', `Role must look like admin@330213000000, got "${spec}".`);
  return { roleCode: match[1], divisionCode: match[2] };
}

async function addStaffLocal(options: AddStaffOptions) {
  const { departmentCode, ...input } = options;
  return withKernel(
    async (kernel) => {
      const departments = await kernel.org.listDepartments(cliActor);
      const department = departmentCode ? departments.find((d) => d.code === departmentCode) : null;
      if (departmentCode && !department)
        throw new NotFoundError('org.department.not_found', `No department with code ${departmentCode}.`);
      return kernel.staff.createStaff(cliActor, { ...input, departmentId: department?.id ?? null });
    },
    { remote: true },
  );
}

async function resetPasswordLocal(username: string, password: string) {
  await withKernel(
    async (kernel) => {
      const [staff] = await kernel.db
        .select({ id: identityStaff.id })
        .from(identityStaff)
        .where(eq(identityStaff.username, username.toLowerCase()));
      if (!staff) throw new NotFoundError('identity.staff.not_found', `No staff member ${username}.`);
      await kernel.staff.resetPassword(cliActor, staff.id, password);
    },
    { remote: true },
  );
}

export function registerUserCommands(program: Command) {
  const user = program.command('user').description('Staff accounts');

  user
    .command('add <username>')
    .description('Create a staff account')
    .requiredOption('--name <displayName>', 'display name, e.g. 王建国')
    .option('--role <role@division...>', 'role grants, e.g. admin@330213000000', [])
    .option('--department <code>', 'department code, e.g. dsjzx')
    .option(
      '--password <password>',
      'initial password (generated when omitted; must be changed at first login)',
    )
    .action(
      async (
        username: string,
        options: { name: string; role: string[]; department?: string; password?: string },
      ) => {
        const out = createOutput(program.opts().json === true);
        const password = options.password ?? generatedPassword();
        const input: AddStaffOptions = {
          username,
          displayName: options.name,
          password,
          departmentCode: options.department,
          roles: options.role.map(parseRole),
        };
        const client = remoteClient(program);
        const staff = client ? await addStaffRemote(client, input) : await addStaffLocal(input);
        out.result(
          { ...staff, password: options.password ? undefined : password },
          `Created ${staff.username}${options.password ? '' : ` with password ${password}`} (to be changed at first login).`,
        );
      },
    );

  user
    .command('reset-password <username>')
    .description('Set a new password and lift any lockout')
    .option('--password <password>', 'the new password (generated when omitted)')
    .action(async (username: string, options: { password?: string }) => {
      const out = createOutput(program.opts().json === true);
      const password = options.password ?? generatedPassword();
      const client = remoteClient(program);
      if (client) await resetPasswordRemote(client, username, password);
      else await resetPasswordLocal(username, password);
      out.result(
        { username, password: options.password ? undefined : password },
        `Password of ${username} reset${options.password ? '' : ` to ${password}`}; it must be changed at next login.`,
      );
    });
}
