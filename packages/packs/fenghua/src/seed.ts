import { randomInt } from 'node:crypto';
import { InputError, type Kernel, newId, systemActor } from '@zhizhi/kernel';
import { recordAudit } from '@zhizhi/kernel/audit';
import { identityCitizen, identityEnterprise } from '@zhizhi/kernel/identity';
import { orgDivision } from '@zhizhi/kernel/org';
import { EVENT_TYPE, type Governance } from '@zhizhi/governance';
import type { Places } from '@zhizhi/places';
import type { Regulation } from '@zhizhi/regulation';
import type { Services } from '@zhizhi/services';
import { seedRegulationDemo } from './regulation/seed';
import { seedServicesDemo } from './services/seed';
import type { Sensing } from '@zhizhi/sensing';
import { fenghuaPlaceAreas } from './places/areas';
import { fenghuaPlaceLibrary } from './places/library';
import type { CatalogService, DataCollection, Sharing } from '@zhizhi/data';
import { eq } from 'drizzle-orm';
import { type SeedDataCatalogResult, seedDataCatalog } from './data-catalog-seed';
import { fenghuaDemoStaff } from './demo-staff';
import { fenghuaDepartments } from './departments';
import { FENGHUA_DISTRICT_CODE, fenghuaDivisions } from './divisions';
import { fenghuaDispatchRules, seedGovernanceDemo } from './governance';
import { fenghuaMetrics, fenghuaStations } from './sensing-stations';
import { fenghuaGrids } from './grids';
import { syntheticIdNumber, syntheticName, syntheticPhone, syntheticUscc } from './people';

export interface SeedFenghuaOptions {
  /** Synthetic volume: this many citizens (and a tenth as many enterprises). */
  scale?: number;
  /** Called as synthetic rows are written: (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** The governance module: its dispatch catalogue is installed when missing, and demo events added. */
  governance?: Governance;
  /** Demo events through the real intake channels (default true when `governance` is given). */
  demoEvents?: boolean;
  /** The demo data catalog (resources, synthetic rows, systems census); default true. */
  dataCatalog?: boolean;
  /** The data module's catalog service, when the caller has one (otherwise one is made). */
  catalog?: CatalogService;
  /** The data module's started collection service, when the caller has one (otherwise one is made). */
  dataCollection?: DataCollection;
  /** The sensing module: the demo stations, devices (with fresh tokens) and alarm rules are installed. */
  sensing?: Sensing;
  /** The places module: the demo standard address library and approximate areas are loaded. */
  places?: Places;
  /** The services module: the demo catalogue, pre-fill approvals and applicant accounts. */
  services?: Services;
  /** The data module's sharing gateway (started), for the one-window centre's pre-fill approvals. */
  sharing?: Sharing;
  /** The regulation module (started): demo market subjects, credit, roster, draws and a shop account. */
  regulation?: Regulation;
}

export interface DemoCredential {
  username: string;
  password: string;
  title: string;
  roles: string[];
}

export interface SeedFenghuaResult {
  /** False when the region was already there (then no passwords are known). */
  seeded: boolean;
  credentials: DemoCredential[];
  synthetic: { citizens: number; enterprises: number };
  /** What the demo data catalog added (zeros when it was there already or not asked for). */
  dataCatalog: SeedDataCatalogResult;
}

// Birth date, sex and address code repeat every lcm(65 years, 12 months, 28 days, 2, 3) = 5460 rows;
// each repetition takes the next synthetic sequence number (50 available).
const BIRTH_CYCLE = 5460;
/** The most synthetic citizens one region can hold with unique, valid ID numbers. */
export const MAX_SYNTHETIC_CITIZENS = BIRTH_CYCLE * 50;

const READABLE = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A fresh demo password: 12 readable characters with letters and a digit. */
function demoPassword(): string {
  let p = '';
  while (!/\d/.test(p) || !/[a-z]/i.test(p))
    p = Array.from({ length: 12 }, () => READABLE[randomInt(READABLE.length)]).join('');
  return p;
}

/** Loads the Fenghua region (divisions, departments, grids, demo staff) unless it is there already. */
export async function seedFenghua(
  kernel: Kernel,
  options: SeedFenghuaOptions = {},
): Promise<SeedFenghuaResult> {
  const [existing] = await kernel.db
    .select({ id: orgDivision.id })
    .from(orgDivision)
    .where(eq(orgDivision.code, FENGHUA_DISTRICT_CODE))
    .limit(1);
  const credentials: DemoCredential[] = [];
  if (!existing) {
    await kernel.org.importDivisions(systemActor, fenghuaDivisions);
    const departments = fenghuaDepartments.map((d) => ({
      code: d.code,
      name: d.name,
      nameEn: d.nameEn,
      divisionCode: d.divisionCode,
      kind: d.kind,
      sort: d.sort,
    }));
    await kernel.org.importDepartmentsAndGrids(systemActor, {
      departments,
      grids: fenghuaGrids(fenghuaDivisions),
    });
    const departmentIds = new Map((await kernel.org.listDepartments(systemActor)).map((d) => [d.code, d.id]));
    for (const s of fenghuaDemoStaff) {
      const password = demoPassword();
      const staff = await kernel.staff.createStaff(systemActor, {
        username: s.username,
        displayName: s.displayName,
        password,
        departmentId: departmentIds.get(s.departmentCode) ?? null,
        phone: s.phone,
        roles: s.roles.map((r) => ({
          roleCode: r.roleCode,
          divisionCode: r.divisionCode,
          departmentId: r.ownDepartment ? (departmentIds.get(s.departmentCode) ?? undefined) : undefined,
        })),
        mustChangePassword: false,
      });
      credentials.push({
        username: s.username,
        password,
        title: s.title,
        roles: s.roles.map((r) => r.roleCode),
      });
      await assignFirstGrid(kernel, staff.id, s.roles);
    }
  }
  if (options.governance) {
    if (!(await kernel.dispatch.current(EVENT_TYPE)))
      await kernel.dispatch.setCatalogue(systemActor, EVENT_TYPE, fenghuaDispatchRules());
    if (options.demoEvents !== false) await seedGovernanceDemo(kernel, options.governance);
  }
  if (options.sensing) await options.sensing.registry.seed(systemActor, fenghuaMetrics, fenghuaStations);
  if (options.places) await options.places.seed(fenghuaPlaceLibrary(), fenghuaPlaceAreas());
  const synthetic = await seedSyntheticPeople(kernel, options);
  const dataCatalog =
    options.dataCatalog === false
      ? { resources: 0, rows: 0, systems: 0 }
      : await seedDataCatalog(kernel, options.catalog, options.dataCollection);
  if (options.services)
    credentials.push(
      ...(await seedServicesDemo(kernel, { services: options.services, sharing: options.sharing })),
    );
  if (options.regulation)
    credentials.push(...(await seedRegulationDemo(kernel, { regulation: options.regulation })).credentials);
  return { seeded: !existing || credentials.length > 0, credentials, synthetic, dataCatalog };
}

/** Synthetic citizens and enterprises, obviously fake (ID sequences 9xx, phones 1990000xxxx), valid check digits. */
async function seedSyntheticPeople(kernel: Kernel, options: SeedFenghuaOptions) {
  const citizens = Math.max(0, Math.floor(options.scale ?? 0));
  if (citizens > MAX_SYNTHETIC_CITIZENS)
    throw new InputError('seed.scale.too_large', `--scale is at most ${MAX_SYNTHETIC_CITIZENS}.`);
  const enterprises = Math.floor(citizens / 10);
  const total = citizens + enterprises;
  const towns = fenghuaDivisions.filter((d) => d.level === 'town' && d.validTo === null);
  const now = kernel.clock.now();
  let done = 0;
  const CHUNK = 500;
  for (let start = 0; start < citizens; start += CHUNK) {
    const rows = [];
    for (let i = start; i < Math.min(start + CHUNK, citizens); i++) {
      const birth = new Date(Date.UTC(1940 + (i % 65), (i * 7) % 12, 1 + ((i * 13) % 28)));
      const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
      rows.push({
        id: newId(),
        idNumber: syntheticIdNumber(Math.floor(i / BIRTH_CYCLE), {
          birth: ymd,
          male: i % 2 === 0,
          addressCode: i % 3 ? '330213' : '330283',
        }),
        name: syntheticName(i),
        phone: syntheticPhone(i % 10_000),
        createdAt: now,
      });
    }
    await kernel.db.insert(identityCitizen).values(rows).onConflictDoNothing();
    done += rows.length;
    options.onProgress?.(done, total);
  }
  for (let start = 0; start < enterprises; start += CHUNK) {
    const rows = [];
    for (let i = start; i < Math.min(start + CHUNK, enterprises); i++) {
      const town = towns[i % towns.length];
      rows.push({
        id: newId(),
        uscc: syntheticUscc(i, '330213'),
        name: `宁波市奉化区${town.name.slice(0, 2)}示例${syntheticName(i).slice(1)}有限公司`,
        legalRepresentative: syntheticName(i + 77),
        divisionCode: town.code,
        createdAt: now,
      });
    }
    await kernel.db.insert(identityEnterprise).values(rows).onConflictDoNothing();
    done += rows.length;
    options.onProgress?.(done, total);
  }
  if (total > 0) {
    await kernel.transaction((tx) =>
      recordAudit(tx, kernel.clock, {
        actor: systemActor,
        action: 'identity.synthetic.seeded',
        subjectType: 'region',
        subjectId: FENGHUA_DISTRICT_CODE,
        data: { citizens, enterprises },
      }),
    );
  }
  return { citizens, enterprises };
}

/** A demo grid worker looks after the first grid of their village. */
async function assignFirstGrid(
  kernel: Kernel,
  staffId: string,
  roles: readonly { roleCode: string; divisionCode: string }[],
) {
  const village = roles.find((r) => r.roleCode === 'grid_worker')?.divisionCode;
  if (!village) return;
  const [grid] = await kernel.org.listGrids(systemActor, { villageCode: village });
  if (grid) await kernel.org.updateGrid(systemActor, grid.id, { workerId: staffId });
}
