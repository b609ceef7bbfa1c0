import { and, asc, count, eq, isNull, like, or, sql } from 'drizzle-orm';
import { type Actor, divisionPrefix, requirePermission } from '../access';
import { recordAudit } from '../audit';
import type { Clock } from '../clock';
import type { Db, Executor } from '../db/types';
import { ConflictError, InputError, NotFoundError } from '../errors';
import type { EventBus } from '../events';
import { newId } from '../ids';
import { orgDepartment, orgDivision, orgGrid } from './schema';
import type {
  CreateDepartmentInput,
  CreateGridInput,
  DivisionInput,
  UpdateDepartmentInput,
  UpdateGridInput,
} from './types';

export interface OrgServiceDeps {
  db: Db;
  clock: Clock;
  /** Runs a unit of work and delivers its events after commit. */
  transaction: <T>(work: (tx: Executor) => Promise<T>) => Promise<T>;
  /** Writes an event to the outbox in the same transaction. */
  publish: EventBus['publish'];
}

const DIVISION_CODE = /^\d{12}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function previousDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Divisions, departments and grids: the 浙政钉 org structure everything else is scoped by. */
export function createOrgService(deps: OrgServiceDeps) {
  const { db, clock } = deps;
  const current = isNull(orgDivision.validTo);

  async function listDivisions(
    actor: Actor,
    options: { parentCode?: string; includeHistoric?: boolean } = {},
  ) {
    requirePermission(actor, 'org.read');
    const children = db
      .select({ parent: orgDivision.parentCode, n: count().as('n') })
      .from(orgDivision)
      .where(current)
      .groupBy(orgDivision.parentCode)
      .as('children');
    const rowsFound = await db
      .select({ division: orgDivision, childCount: children.n })
      .from(orgDivision)
      .leftJoin(children, eq(children.parent, orgDivision.code))
      .where(
        and(
          options.parentCode
            ? eq(orgDivision.parentCode, options.parentCode)
            : isNull(orgDivision.parentCode),
          options.includeHistoric ? undefined : current,
        ),
      )
      .orderBy(asc(orgDivision.sort), asc(orgDivision.code), asc(orgDivision.validFrom));
    return rowsFound.map((r) => ({ ...r.division, childCount: Number(r.childCount ?? 0) }));
  }

  async function getDivision(actor: Actor, code: string) {
    requirePermission(actor, 'org.read');
    const history = await db
      .select()
      .from(orgDivision)
      .where(or(eq(orgDivision.code, code), eq(orgDivision.replacedBy, code)))
      .orderBy(asc(orgDivision.validFrom));
    const now =
      history.find((d) => d.code === code && d.validTo === null) ?? history.find((d) => d.code === code);
    if (!now) throw new NotFoundError('org.division.not_found', `No division with code ${code}.`);
    const [{ n }] = await db
      .select({ n: count() })
      .from(orgDivision)
      .where(and(eq(orgDivision.parentCode, code), current));
    return { ...now, childCount: Number(n), history: history.filter((d) => d !== now) };
  }

  /** Adds or replaces divisions in bulk (region packs, admin imports). One audit entry per call. */
  async function importDivisions(actor: Actor, divisions: readonly DivisionInput[]) {
    requirePermission(actor, 'org.manage');
    for (const d of divisions) {
      if (!DIVISION_CODE.test(d.code))
        throw new InputError('org.division.invalid_code', `Division code must be 12 digits: ${d.code}`);
    }
    return deps.transaction(async (tx) => {
      for (const d of divisions) {
        await tx
          .insert(orgDivision)
          .values({ id: newId(), ...d, createdAt: clock.now() })
          .onConflictDoUpdate({
            target: [orgDivision.code, orgDivision.validFrom],
            set: {
              name: d.name,
              kind: d.kind,
              level: d.level,
              parentCode: d.parentCode,
              validTo: d.validTo,
              replacedBy: d.replacedBy,
              lng: d.lng,
              lat: d.lat,
              sort: d.sort,
            },
          });
      }
      await recordAudit(tx, clock, {
        actor,
        action: 'org.divisions.imported',
        subjectType: 'division',
        data: { count: divisions.length, codes: divisions.slice(0, 20).map((d) => d.code) },
      });
      return divisions.length;
    });
  }

  /** A rename keeps the code: the old name's row closes the day before, a new row starts. */
  async function renameDivision(actor: Actor, code: string, input: { name: string; effectiveFrom: string }) {
    requirePermission(actor, 'org.manage', { divisionCode: code });
    if (!DAY.test(input.effectiveFrom))
      throw new InputError('org.division.invalid_date', 'effectiveFrom must be YYYY-MM-DD.');
    const name = input.name.trim();
    if (!name) throw new InputError('org.division.invalid_name', 'Name is required.');
    await deps.transaction(async (tx) => {
      const [now] = await tx
        .select()
        .from(orgDivision)
        .where(and(eq(orgDivision.code, code), current))
        .for('update');
      if (!now) throw new NotFoundError('org.division.not_found', `No current division with code ${code}.`);
      if (input.effectiveFrom <= now.validFrom)
        throw new ConflictError(
          'org.division.rename_before_start',
          `The current name is in force from ${now.validFrom}; a rename must start later.`,
        );
      if (name === now.name)
        throw new ConflictError('org.division.same_name', 'The division already has this name.');
      await tx
        .update(orgDivision)
        .set({ validTo: previousDay(input.effectiveFrom) })
        .where(eq(orgDivision.id, now.id));
      await tx.insert(orgDivision).values({
        ...now,
        id: newId(),
        name,
        validFrom: input.effectiveFrom,
        validTo: null,
        createdAt: clock.now(),
      });
      await recordAudit(tx, clock, {
        actor,
        action: 'org.division.renamed',
        subjectType: 'division',
        subjectId: code,
        data: { from: now.name, to: name, effectiveFrom: input.effectiveFrom },
      });
      await deps.publish(tx, 'org.division.renamed', {
        code,
        from: now.name,
        to: name,
        effectiveFrom: input.effectiveFrom,
      });
    });
    return getDivision(actor, code);
  }

  async function listDepartments(actor: Actor) {
    requirePermission(actor, 'org.read');
    return db.select().from(orgDepartment).orderBy(asc(orgDepartment.sort), asc(orgDepartment.code));
  }

  async function getDepartment(id: string) {
    const [d] = await db.select().from(orgDepartment).where(eq(orgDepartment.id, id));
    if (!d) throw new NotFoundError('org.department.not_found', 'No such department.');
    return d;
  }

  async function createDepartment(actor: Actor, input: CreateDepartmentInput) {
    requirePermission(actor, 'org.manage', { divisionCode: input.divisionCode });
    return deps.transaction(async (tx) => {
      const [clash] = await tx
        .select({ id: orgDepartment.id })
        .from(orgDepartment)
        .where(eq(orgDepartment.code, input.code));
      if (clash)
        throw new ConflictError(
          'org.department.code_taken',
          `Department code ${input.code} is already used.`,
        );
      const [division] = await tx
        .select({ id: orgDivision.id })
        .from(orgDivision)
        .where(eq(orgDivision.code, input.divisionCode))
        .limit(1);
      if (!division)
        throw new InputError('org.division.not_found', `No division with code ${input.divisionCode}.`);
      const [row] = await tx
        .insert(orgDepartment)
        .values({ id: newId(), ...input, createdAt: clock.now() })
        .returning();
      await recordAudit(tx, clock, {
        actor,
        action: 'org.department.created',
        subjectType: 'department',
        subjectId: row.id,
        data: { code: row.code, name: row.name },
      });
      return row;
    });
  }

  async function updateDepartment(actor: Actor, id: string, input: UpdateDepartmentInput) {
    const before = await getDepartment(id);
    requirePermission(actor, 'org.manage', { divisionCode: before.divisionCode, departmentId: id });
    return deps.transaction(async (tx) => {
      const [row] = await tx.update(orgDepartment).set(input).where(eq(orgDepartment.id, id)).returning();
      await recordAudit(tx, clock, {
        actor,
        action: 'org.department.updated',
        subjectType: 'department',
        subjectId: id,
        data: { changes: input },
      });
      return row;
    });
  }

  async function listGrids(actor: Actor, filter: { villageCode?: string; townCode?: string } = {}) {
    requirePermission(actor, 'org.read');
    const where = filter.villageCode
      ? eq(orgGrid.villageCode, filter.villageCode)
      : filter.townCode
        ? like(orgGrid.villageCode, `${divisionPrefix(filter.townCode)}%`)
        : undefined;
    return db
      .select({
        id: orgGrid.id,
        code: orgGrid.code,
        name: orgGrid.name,
        villageCode: orgGrid.villageCode,
        parentId: orgGrid.parentId,
        workerId: orgGrid.workerId,
        workerName: sql<
          string | null
        >`(select display_name from identity_staff s where s.id = ${orgGrid.workerId})`,
      })
      .from(orgGrid)
      .where(where)
      .orderBy(asc(orgGrid.code))
      .limit(5000);
  }

  async function createGrid(actor: Actor, input: CreateGridInput) {
    requirePermission(actor, 'org.manage', { divisionCode: input.villageCode });
    if (!input.code.startsWith(input.villageCode))
      throw new InputError('org.grid.invalid_code', 'A grid code starts with its village code.');
    return deps.transaction(async (tx) => {
      const [village] = await tx
        .select()
        .from(orgDivision)
        .where(and(eq(orgDivision.code, input.villageCode), current));
      if (village?.level !== 'village')
        throw new InputError(
          'org.grid.not_in_village',
          'A grid must lie in one current village or community.',
        );
      const [clash] = await tx.select({ id: orgGrid.id }).from(orgGrid).where(eq(orgGrid.code, input.code));
      if (clash) throw new ConflictError('org.grid.code_taken', `Grid code ${input.code} is already used.`);
      const [row] = await tx
        .insert(orgGrid)
        .values({ id: newId(), ...input, createdAt: clock.now() })
        .returning();
      await recordAudit(tx, clock, {
        actor,
        action: 'org.grid.created',
        subjectType: 'grid',
        subjectId: row.id,
        data: { code: row.code, name: row.name },
      });
      return row;
    });
  }

  async function updateGrid(actor: Actor, id: string, input: UpdateGridInput) {
    const [grid] = await db.select().from(orgGrid).where(eq(orgGrid.id, id));
    if (!grid) throw new NotFoundError('org.grid.not_found', 'No such grid.');
    requirePermission(actor, 'org.manage', { divisionCode: grid.villageCode });
    return deps.transaction(async (tx) => {
      const [row] = await tx.update(orgGrid).set(input).where(eq(orgGrid.id, id)).returning();
      await recordAudit(tx, clock, {
        actor,
        action: 'org.grid.updated',
        subjectType: 'grid',
        subjectId: id,
        data: { changes: input },
      });
      if (input.workerId !== undefined && input.workerId !== grid.workerId) {
        await deps.publish(tx, 'org.grid.worker_changed', {
          gridId: id,
          gridCode: row.code,
          villageCode: row.villageCode,
          from: grid.workerId,
          to: input.workerId,
        });
      }
      return row;
    });
  }

  /** Bulk insert for region packs (skips codes already present). */
  async function importDepartmentsAndGrids(
    actor: Actor,
    input: { departments: CreateDepartmentInput[]; grids: CreateGridInput[] },
  ) {
    requirePermission(actor, 'org.manage');
    return deps.transaction(async (tx) => {
      for (let i = 0; i < input.departments.length; i += 200) {
        const chunk = input.departments
          .slice(i, i + 200)
          .map((d) => ({ id: newId(), ...d, createdAt: clock.now() }));
        await tx.insert(orgDepartment).values(chunk).onConflictDoNothing();
      }
      for (let i = 0; i < input.grids.length; i += 500) {
        const chunk = input.grids
          .slice(i, i + 500)
          .map((g) => ({ id: newId(), ...g, createdAt: clock.now() }));
        await tx.insert(orgGrid).values(chunk).onConflictDoNothing();
      }
      await recordAudit(tx, clock, {
        actor,
        action: 'org.structure.imported',
        subjectType: 'org',
        data: { departments: input.departments.length, grids: input.grids.length },
      });
    });
  }

  return {
    listDivisions,
    getDivision,
    importDivisions,
    renameDivision,
    listDepartments,
    getDepartment,
    createDepartment,
    updateDepartment,
    listGrids,
    createGrid,
    updateGrid,
    importDepartmentsAndGrids,
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
