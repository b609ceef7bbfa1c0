import { type Actor, systemActor } from '../access';
import { ManualClock } from '../clock';
import type { Database } from '../db';
import { createKernel, type Kernel, startKernel } from '../kernel';
import { createTestDatabase } from '.';

/** A started kernel on a fresh database, with a small org: district, two towns, a village, two departments. */
export async function createTestKernel(options: { clock?: ManualClock } = {}) {
  const database: Database = await createTestDatabase();
  const clock = options.clock ?? new ManualClock('2026-03-02T01:00:00Z');
  const kernel: Kernel = createKernel({ database, clock, loginMaxFailures: 3, loginLockMinutes: 15 });
  await startKernel(kernel, { migrate: false });
  const d = (
    code: string,
    name: string,
    level: 'district' | 'town' | 'village',
    kind: string,
    parentCode: string | null,
  ) => ({
    code,
    name,
    level,
    kind,
    parentCode,
    validFrom: '2016-09-14',
    validTo: null,
    replacedBy: null,
    lng: null,
    lat: null,
    sort: 0,
  });
  await kernel.org.importDivisions(systemActor, [
    d('330213000000', '奉化区', 'district', '区', null),
    d('330213001000', '锦屏街道', 'town', '街道', '330213000000'),
    d('330213100000', '溪口镇', 'town', '镇', '330213000000'),
    d('330213001005', '南门社区', 'village', '社区', '330213001000'),
    d('330213100225', '岩头村', 'village', '村', '330213100000'),
  ]);
  const rsj = await kernel.org.createDepartment(systemActor, {
    code: 'rsj',
    name: '区人社局',
    nameEn: 'HR and Social Security Bureau',
    divisionCode: '330213000000',
    kind: 'bureau',
  });
  const xikou = await kernel.org.createDepartment(systemActor, {
    code: 'town-330213100',
    name: '溪口镇人民政府',
    nameEn: 'Xikou Town Government',
    divisionCode: '330213100000',
    kind: 'town_office',
  });
  return { database, kernel, clock, departments: { rsj, xikou }, close: () => database.close() };
}

/** Logs the test staff member in and returns their actor. */
export async function actorFor(kernel: Kernel, username: string, password: string): Promise<Actor> {
  const { token } = await kernel.auth.login(username, password);
  return (await kernel.auth.resolveSession(token))!.actor;
}

/** Takes a case step at the case's current version (tests that are not about concurrency). */
export async function takeStep(
  kernel: Kernel,
  actor: Actor,
  caseId: string,
  transition: string,
  extra: { data?: Record<string, unknown>; note?: string } = {},
) {
  const { version } = await kernel.cases.getCase(actor, caseId);
  return kernel.cases.transition(actor, caseId, { transition, expectedVersion: version, ...extra });
}
