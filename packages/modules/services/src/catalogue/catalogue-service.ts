import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission, systemActor } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import type { Executor } from '@zhizhi/kernel/db';
import { InputError, NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { compileRule } from '@zhizhi/kernel/rules';
import { orgDepartment, orgDivision } from '@zhizhi/kernel/org';
import { desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { type BundlePlan, planBundle } from '../bundles/plan';
import { SERVICES_PERMISSIONS as P } from '../permissions';
import { servicesBundle, servicesField, servicesMatter } from '../schema';
import {
  type Bundle,
  bundleSchema,
  checkedDictionaryEntrySchema,
  type DictionaryEntry,
  type Matter,
  type MatterInput,
  matterSchema,
} from './types';

/** Parses with a schema; failures become one InputError with a path per problem. */
function parse<S extends z.ZodType>(schema: S, input: unknown, code: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InputError(code, 'The definition is invalid.', {
    errors: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
}

/** Why a CEL rule does not compile to a boolean, or null when it does. */
function compileProblem(expression: string, schema: Record<string, 'dyn'>): string | null {
  try {
    compileRule(expression, schema, { expectBoolean: true });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : 'invalid rule';
  }
}

/** Stable JSON for comparing definitions (key order does not make a new version). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface SeedCatalogue {
  fields: readonly DictionaryEntry[];
  matters: readonly MatterInput[];
  bundles: readonly Bundle[];
}

/**
 * The service catalogue: the shared field dictionary, matters with every version kept, and
 * bundles. Publishing checks every reference (dictionary fields, department, divisions, member
 * matters); an unchanged definition publishes nothing; every change is audited.
 */
export function createCatalogue(kernel: Kernel) {
  const { db, clock } = kernel;

  async function putField(tx: Executor, actor: Actor, input: unknown) {
    const entry = parse(checkedDictionaryEntrySchema, input, 'services.field.invalid');
    const [existing] = await tx.select().from(servicesField).where(eq(servicesField.code, entry.code));
    if (existing && canonical(existing.definition) === canonical(entry)) return { entry, changed: false };
    const values = { code: entry.code, definition: entry, updatedAt: clock.now(), updatedBy: actor.id };
    await tx
      .insert(servicesField)
      .values(values)
      .onConflictDoUpdate({ target: servicesField.code, set: values });
    await recordAudit(tx, clock, {
      actor,
      action: existing ? 'services.field.updated' : 'services.field.created',
      subjectType: 'services_field',
      subjectId: entry.code,
      data: { code: entry.code },
    });
    return { entry, changed: true };
  }

  async function checkMatterReferences(tx: Executor, matter: Matter) {
    const errors: { path: string; message: string }[] = [];
    const codes = matter.fields.map((f) => f.field);
    const known = new Set(
      codes.length
        ? (
            await tx
              .select({ code: servicesField.code })
              .from(servicesField)
              .where(inArray(servicesField.code, codes))
          ).map((r) => r.code)
        : [],
    );
    matter.fields.forEach((f, i) => {
      if (!known.has(f.field))
        errors.push({ path: `fields.${i}.field`, message: `No dictionary field ${f.field}.` });
    });
    const [department] = await tx
      .select({ id: orgDepartment.id })
      .from(orgDepartment)
      .where(eq(orgDepartment.code, matter.departmentCode));
    if (!department)
      errors.push({ path: 'departmentCode', message: `No department ${matter.departmentCode}.` });
    const divisions = new Set(
      (
        await tx
          .select({ code: orgDivision.code })
          .from(orgDivision)
          .where(inArray(orgDivision.code, matter.divisionCodes))
      ).map((r) => r.code),
    );
    matter.divisionCodes.forEach((code, i) => {
      if (!divisions.has(code)) errors.push({ path: `divisionCodes.${i}`, message: `No division ${code}.` });
    });
    if (errors.length > 0)
      throw new InputError('services.matter.references', 'The matter refers to things that do not exist.', {
        errors,
      });
  }

  async function publishMatterIn(tx: Executor, actor: Actor, input: unknown) {
    const matter = parse(matterSchema, input, 'services.matter.invalid');
    await checkMatterReferences(tx, matter);
    const [latest] = await tx
      .select()
      .from(servicesMatter)
      .where(eq(servicesMatter.code, matter.code))
      .orderBy(desc(servicesMatter.version))
      .limit(1);
    const { version: _given, ...body } = matter;
    if (latest) {
      const { version: _latest, ...previous } = latest.definition;
      if (canonical(previous) === canonical(body)) return { matter: latest.definition, published: false };
    }
    const version = (latest?.version ?? 0) + 1;
    const definition: Matter = { ...matter, version };
    await tx.insert(servicesMatter).values({
      id: newId(),
      code: matter.code,
      version,
      nameZh: matter.name.zh,
      departmentCode: matter.departmentCode,
      definition,
      publishedAt: clock.now(),
      publishedBy: actor.id,
    });
    await recordAudit(tx, clock, {
      actor,
      action: 'services.matter.published',
      subjectType: 'services_matter',
      subjectId: matter.code,
      data: { code: matter.code, version },
    });
    return { matter: definition, published: true };
  }

  async function putBundleIn(tx: Executor, actor: Actor, input: unknown) {
    const bundle = parse(bundleSchema, input, 'services.bundle.invalid');
    const codes = [...new Set(bundle.matters.map((m) => m.matterCode))];
    const found = new Set(
      (
        await tx
          .select({ code: servicesMatter.code })
          .from(servicesMatter)
          .where(inArray(servicesMatter.code, codes))
      ).map((r) => r.code),
    );
    const conditionErrors = bundle.matters.flatMap((m, i) => {
      const problem = m.when ? compileProblem(m.when, { answers: 'dyn' }) : null;
      return problem ? [{ path: `matters.${i}.when`, message: problem }] : [];
    });
    if (conditionErrors.length > 0) {
      throw new InputError('services.bundle.invalid', 'A condition is not a valid CEL expression.', {
        errors: conditionErrors,
      });
    }
    const missing = codes.filter((code) => !found.has(code));
    if (missing.length > 0) {
      throw new InputError('services.bundle.references', `No matter ${missing.join(', ')}.`, {
        errors: missing.map((code) => ({ path: 'matters', message: `No matter ${code}.` })),
      });
    }
    const [existing] = await tx.select().from(servicesBundle).where(eq(servicesBundle.code, bundle.code));
    if (existing && canonical(existing.definition) === canonical(bundle)) return { bundle, changed: false };
    const values = {
      code: bundle.code,
      version: (existing?.version ?? 0) + 1,
      definition: bundle,
      updatedAt: clock.now(),
      updatedBy: actor.id,
    };
    await tx
      .insert(servicesBundle)
      .values(values)
      .onConflictDoUpdate({ target: servicesBundle.code, set: values });
    await recordAudit(tx, clock, {
      actor,
      action: 'services.bundle.published',
      subjectType: 'services_bundle',
      subjectId: bundle.code,
      data: { code: bundle.code, version: values.version },
    });
    return { bundle, changed: true };
  }

  async function dictionary(): Promise<Map<string, DictionaryEntry>> {
    const rows = await db
      .select({ code: servicesField.code, definition: servicesField.definition })
      .from(servicesField);
    return new Map(rows.map((r) => [r.code, r.definition]));
  }

  /** The newest version of every matter (or of the given codes). */
  async function currentMatters(
    executor: Executor = db,
    codes?: readonly string[],
  ): Promise<Map<string, Matter>> {
    const rows = await executor
      .select({
        code: servicesMatter.code,
        version: servicesMatter.version,
        definition: servicesMatter.definition,
      })
      .from(servicesMatter)
      .where(codes ? inArray(servicesMatter.code, [...codes]) : undefined);
    const out = new Map<string, Matter>();
    for (const row of rows) {
      const seen = out.get(row.code);
      if (!seen || seen.version < row.version) out.set(row.code, row.definition);
    }
    return out;
  }

  return {
    putField: async (actor: Actor, input: unknown) => {
      requirePermission(actor, P.manageCatalogue);
      return kernel.transaction((tx) => putField(tx, actor, input));
    },
    publishMatter: async (actor: Actor, input: unknown) => {
      requirePermission(actor, P.manageCatalogue);
      return kernel.transaction((tx) => publishMatterIn(tx, actor, input));
    },
    putBundle: async (actor: Actor, input: unknown) => {
      requirePermission(actor, P.manageCatalogue);
      return kernel.transaction((tx) => putBundleIn(tx, actor, input));
    },

    /** One matter: the newest version, or the one asked for. */
    async getMatter(code: string, version?: number): Promise<Matter> {
      const rows = await db
        .select({ definition: servicesMatter.definition, version: servicesMatter.version })
        .from(servicesMatter)
        .where(eq(servicesMatter.code, code))
        .orderBy(desc(servicesMatter.version));
      const row = version === undefined ? rows[0] : rows.find((r) => r.version === version);
      if (!row)
        throw new NotFoundError(
          'services.matter.not_found',
          `No matter ${code}${version ? ` version ${version}` : ''}.`,
        );
      return row.definition;
    },

    /** Matters offered in a division (the district's own, or that township's), newest versions. */
    async listMatters(filter: { divisionCode?: string; departmentCode?: string } = {}): Promise<Matter[]> {
      const all = [...(await currentMatters()).values()];
      const district = filter.divisionCode ? `${filter.divisionCode.slice(0, 6)}000000` : null;
      const township = filter.divisionCode ? `${filter.divisionCode.slice(0, 9)}000` : null;
      return all
        .filter((m) => !filter.departmentCode || m.departmentCode === filter.departmentCode)
        .filter(
          (m) =>
            !filter.divisionCode ||
            m.divisionCodes.some(
              (code) => code === district || code === township || code === filter.divisionCode,
            ),
        )
        .sort((a, b) => (a.code < b.code ? -1 : 1));
    },

    dictionary,
    currentMatters,

    /** Every bundle, current definitions. */
    async listBundles(): Promise<Bundle[]> {
      const rows = await db.select({ definition: servicesBundle.definition }).from(servicesBundle);
      return rows.map((r) => r.definition).sort((a, b) => a.code.localeCompare(b.code));
    },

    /** The form and materials of one matter applied for on its own. */
    async planMatter(code: string): Promise<BundlePlan> {
      const matters = await currentMatters(db, [code]);
      if (!matters.has(code)) throw new NotFoundError('services.matter.not_found', `No matter ${code}.`);
      const single: Bundle = {
        code: 'single',
        name: { zh: code, en: code },
        guide: { zh: code, en: code },
        questions: [],
        matters: [{ matterCode: code }],
      };
      return planBundle(single, {}, matters, await dictionary());
    },

    /** Plans a bundle for one applicant's answers with the newest matter versions. */
    async plan(bundleCode: string, answers: Record<string, unknown>): Promise<BundlePlan> {
      const [row] = await db.select().from(servicesBundle).where(eq(servicesBundle.code, bundleCode));
      if (!row) throw new NotFoundError('services.bundle.not_found', `No bundle ${bundleCode}.`);
      const matters = await currentMatters(
        db,
        row.definition.matters.map((m) => m.matterCode),
      );
      return planBundle(row.definition, answers, matters, await dictionary());
    },

    /** Loads a region pack's catalogue in one transaction; unchanged entries publish nothing. */
    async seed(catalogue: SeedCatalogue, actor: Actor = systemActor) {
      return kernel.transaction(async (tx) => {
        let fields = 0;
        let matters = 0;
        let bundles = 0;
        for (const field of catalogue.fields) if ((await putField(tx, actor, field)).changed) fields++;
        for (const matter of catalogue.matters)
          if ((await publishMatterIn(tx, actor, matter)).published) matters++;
        for (const bundle of catalogue.bundles) if ((await putBundleIn(tx, actor, bundle)).changed) bundles++;
        return { fields, matters, bundles };
      });
    },
  };
}

export type Catalogue = ReturnType<typeof createCatalogue>;
