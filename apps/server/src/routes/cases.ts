import { type Kernel, requireAuthenticated } from '@zhizhi/kernel';
import type { CaseTypeDefinition } from '@zhizhi/kernel/cases';
import { identityStaff } from '@zhizhi/kernel/identity';
import { orgDepartment } from '@zhizhi/kernel/org';
import { inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dateTime, uuid } from '../schemas';

const names = z.object({ zh: z.string(), en: z.string() });

const caseMetaSchema = z.object({
  grade: z.string().optional(),
  limits: z.record(z.string(), z.number()).optional(),
  pendingExtension: z
    .object({
      clock: z.string(),
      units: z.number(),
      reason: z.string(),
      by: z.string().nullable(),
      at: z.string(),
    })
    .optional(),
  escalated: z.boolean().optional(),
});

const historyMetaSchema = z.object({
  departmentId: z.string().nullable().optional(),
  departmentFrom: z.string().nullable().optional(),
  assigneeId: z.string().nullable().optional(),
  limits: z.record(z.string(), z.number()).optional(),
  extension: z.object({ clock: z.string(), units: z.number() }).optional(),
  children: z.array(z.string()).optional(),
  relatedCaseId: z.string().optional(),
  mergedInto: z.string().optional(),
  merged: z.array(z.string()).optional(),
});

export const caseSchema = z
  .object({
    id: uuid,
    number: z.string(),
    typeCode: z.string(),
    typeVersion: z.number().int(),
    state: z.string(),
    version: z.number().int().describe('Send back as expectedVersion with the next step'),
    title: z.string(),
    data: z.record(z.string(), z.unknown()),
    divisionCode: z.string(),
    departmentId: uuid.nullable(),
    assigneeId: uuid.nullable(),
    openedAt: dateTime,
    updatedAt: dateTime,
    closedAt: dateTime.nullable(),
    parentId: uuid.nullable(),
    parentRole: z.string().nullable(),
    mergedInto: uuid.nullable(),
    meta: caseMetaSchema,
    dueAt: dateTime.nullable().describe('Promised deadline of the first clock while it runs'),
    warnAt: dateTime.nullable(),
    late: z.boolean().nullable().describe('Closed after the promised deadline'),
  })
  .meta({ id: 'Case' });

const clockSchema = z.object({
  code: z.string(),
  status: z.enum(['not_started', 'running', 'paused', 'stopped']),
  startedAt: dateTime.nullable(),
  stoppedAt: dateTime.nullable(),
  dueAt: dateTime.nullable(),
  statutoryDueAt: dateTime.nullable(),
  warnAt: dateTime.nullable(),
  paused: z.number(),
  limit: z.number(),
  extended: z.number(),
  overdue: z.boolean(),
});

const historySchema = z.object({
  seq: z.number().int(),
  transition: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actorType: z.string(),
  actorName: z.string().nullable(),
  at: dateTime,
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  meta: historyMetaSchema.nullable(),
});

const caseTypeSchema = z
  .object({
    code: z.string(),
    version: z.number().int(),
    name: names,
    states: z.array(z.object({ code: z.string(), name: names, final: z.boolean() })),
    transitions: z.array(z.object({ code: z.string(), name: names })),
    fields: z.array(
      z.object({
        code: z.string(),
        name: names,
        type: z.string(),
        options: z.array(z.object({ value: z.string(), name: names })).optional(),
      }),
    ),
    clocks: z.array(z.object({ code: z.string(), name: names, unit: z.string() })),
  })
  .meta({ id: 'CaseType' });

export const caseDetailSchema = caseSchema
  .extend({
    history: z.array(historySchema),
    related: z.array(
      z.object({
        id: uuid,
        number: z.string(),
        title: z.string(),
        state: z.string(),
        typeCode: z.string(),
        departmentId: uuid.nullable(),
        parentId: uuid.nullable(),
        parentRole: z.string().nullable(),
        mergedInto: uuid.nullable(),
        closedAt: dateTime.nullable(),
      }),
    ),
    available: z.array(
      z.object({
        code: z.string(),
        name: names,
        requires: z.array(z.string()),
        noteRequired: z.boolean(),
        assign: z.string(),
        department: z.string(),
        coHandling: z.boolean(),
      }),
    ),
    actions: z.object({
      supervise: z.boolean(),
      requestExtension: z.boolean(),
      decideExtension: z.boolean(),
      merge: z.boolean(),
    }),
    clocks: z.array(clockSchema),
    departments: z.array(z.object({ id: uuid, code: z.string(), name: z.string(), nameEn: z.string() })),
    people: z.array(z.object({ id: uuid, displayName: z.string() })),
    type: caseTypeSchema,
  })
  .meta({ id: 'CaseDetail' });

export const transitionBody = z.object({
  transition: z.string().min(1).max(64),
  expectedVersion: z.number().int().min(1),
  note: z.string().max(2000).nullish(),
  data: z.record(z.string(), z.unknown()).optional(),
  assigneeId: uuid.nullish(),
  departmentId: uuid.nullish(),
  coDepartmentIds: z.array(uuid).max(20).optional(),
});

const listQuery = z.object({
  typeCode: z.string().min(1).max(64),
  state: z.string().max(400).optional().describe('Comma-separated states'),
  departmentId: uuid.optional(),
  divisionCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  assignee: z.string().max(40).optional().describe("A staff id, or 'me'"),
  unassigned: z.stringbool().optional(),
  open: z.stringbool().optional(),
  overdue: z.stringbool().optional(),
  pendingExtension: z.stringbool().optional(),
  parentId: uuid.optional(),
  q: z.string().max(100).optional(),
  category: z
    .string()
    .regex(/^[a-z0-9_.]+$/)
    .max(96)
    .optional()
    .describe('data.category equal to this code or under it (`road` matches `road.pothole`)'),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  before: uuid.optional(),
});

/** Names for the ids a case mentions (departments, people), so clients need no second lookup. */
export async function namesFor(
  kernel: Kernel,
  departmentIds: (string | null)[],
  staffIds: (string | null)[],
) {
  const d = [...new Set(departmentIds.filter((x): x is string => !!x))];
  const s = [...new Set(staffIds.filter((x): x is string => !!x && /^[0-9a-f-]{36}$/.test(x)))];
  const departments = d.length
    ? await kernel.db
        .select({
          id: orgDepartment.id,
          code: orgDepartment.code,
          name: orgDepartment.name,
          nameEn: orgDepartment.nameEn,
        })
        .from(orgDepartment)
        .where(inArray(orgDepartment.id, d))
    : [];
  const people = s.length
    ? await kernel.db
        .select({ id: identityStaff.id, displayName: identityStaff.displayName })
        .from(identityStaff)
        .where(inArray(identityStaff.id, s))
    : [];
  return { departments, people };
}

/** A case with its history, related cases, steps available to the actor, clocks and names. */
export async function caseDetail(
  kernel: Kernel,
  actor: Parameters<Kernel['cases']['getCase']>[0],
  id: string,
) {
  const detail = await kernel.cases.getCase(actor, id);
  const { version, definition } = await kernel.cases.getCaseType(detail.typeCode, detail.typeVersion);
  const { departments, people } = await namesFor(
    kernel,
    [
      detail.departmentId,
      ...detail.related.map((r) => r.departmentId),
      ...detail.history.map((h) => (h.meta?.departmentId as string) ?? null),
      ...detail.history.map((h) => (h.meta?.departmentFrom as string) ?? null),
    ],
    [
      detail.assigneeId,
      detail.meta.pendingExtension?.by ?? null,
      ...detail.history.map((h) => (h.meta?.assigneeId as string | undefined) ?? null),
    ],
  );
  return {
    ...detail,
    departments,
    people,
    type: typeView(version, definition),
  };
}

function typeView(version: number, definition: CaseTypeDefinition) {
  return {
    code: definition.code,
    version,
    name: definition.name,
    states: definition.states,
    transitions: definition.transitions.map((t) => ({ code: t.code, name: t.name })),
    fields: definition.fields.map((f) => ({ code: f.code, name: f.name, type: f.type, options: f.options })),
    clocks: definition.clocks.map((c) => ({ code: c.code, name: c.name, unit: c.unit })),
  };
}

/** The case engine over HTTP: any case type's cases, steps, notes, extensions and merges. */
export function caseRoutes(kernel: Kernel) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['cases'];
    const idParams = z.object({ id: uuid });

    r.get(
      '/api/cases',
      {
        schema: {
          tags,
          summary: 'Cases of one type in the caller’s scope, newest first (keyset paging with `before`)',
          querystring: listQuery,
          response: { 200: z.object({ items: z.array(caseSchema), next: uuid.nullable() }) },
        },
      },
      async (request) => {
        const q = request.query;
        const { category, ...rest } = q;
        return kernel.cases.listCases(request.actor, {
          ...rest,
          states: q.state ? q.state.split(',').filter(Boolean) : undefined,
          field: category ? { code: 'category', value: category } : undefined,
        });
      },
    );

    r.get(
      '/api/cases/types/:code',
      {
        schema: {
          tags,
          summary: 'A case type (latest version): states, steps, fields, clocks with zh/en names',
          params: z.object({ code: z.string().max(64) }),
          response: { 200: caseTypeSchema },
        },
      },
      async (request) => {
        requireAuthenticated(request.actor);
        const { version, definition } = await kernel.cases.getCaseType(request.params.code);
        return typeView(version, definition);
      },
    );

    r.get(
      '/api/cases/:id',
      {
        schema: {
          tags,
          summary: 'A case with its timeline, related cases, available steps and clocks',
          params: idParams,
          response: { 200: caseDetailSchema },
        },
      },
      async (request) => caseDetail(kernel, request.actor, request.params.id),
    );

    r.post(
      '/api/cases/:id/transitions',
      {
        schema: {
          tags,
          summary: 'Take a step; a stale expectedVersion answers 409 cases.case.version_conflict',
          params: idParams,
          body: transitionBody,
          response: { 200: caseSchema },
        },
      },
      async (request) => kernel.cases.transition(request.actor, request.params.id, request.body),
    );

    r.post(
      '/api/cases/bulk-assign',
      {
        schema: {
          tags,
          summary: 'Assign several cases to one handler (each at the version the caller saw)',
          body: z.object({
            assigneeId: uuid,
            transition: z.string().min(1).max(64).default('assign'),
            cases: z
              .array(z.object({ id: uuid, version: z.number().int().min(1) }))
              .min(1)
              .max(100),
          }),
          response: {
            200: z.object({
              results: z.array(
                z.object({
                  id: uuid,
                  ok: z.boolean(),
                  code: z.string().nullable(),
                  version: z.number().int().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const results = [];
        for (const c of request.body.cases) {
          try {
            const updated = await kernel.cases.transition(request.actor, c.id, {
              transition: request.body.transition,
              expectedVersion: c.version,
              assigneeId: request.body.assigneeId,
            });
            results.push({ id: c.id, ok: true, code: null, version: updated.version });
          } catch (error) {
            const code = (error as { code?: string }).code;
            if (!code) throw error;
            results.push({ id: c.id, ok: false, code, version: null });
          }
        }
        return { results };
      },
    );

    r.post(
      '/api/cases/:id/supervise',
      {
        schema: {
          tags,
          summary: 'Write a supervision note (督办); the handler is told at once',
          params: idParams,
          body: z.object({ note: z.string().max(2000) }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await kernel.cases.supervise(request.actor, request.params.id, request.body.note);
        return reply.code(204).send(null);
      },
    );

    r.post(
      '/api/cases/:id/extension',
      {
        schema: {
          tags,
          summary: 'Ask for more time (延期申请), in the clock’s unit',
          params: idParams,
          body: z.object({ units: z.number().positive().max(365), reason: z.string().max(2000) }),
          response: { 200: caseSchema },
        },
      },
      async (request) => kernel.cases.requestExtension(request.actor, request.params.id, request.body),
    );

    r.post(
      '/api/cases/:id/extension/decision',
      {
        schema: {
          tags,
          summary: 'Approve or refuse the pending extension request (not one’s own)',
          params: idParams,
          body: z.object({ approve: z.boolean(), note: z.string().max(2000).nullish() }),
          response: { 200: caseSchema },
        },
      },
      async (request) => kernel.cases.decideExtension(request.actor, request.params.id, request.body),
    );

    r.get(
      '/api/cases/:id/duplicates',
      {
        schema: {
          tags,
          summary: 'Open cases of the same category near this one in place and time',
          params: idParams,
          response: {
            200: z.object({
              items: z.array(z.object({ case: caseSchema, distanceMeters: z.number().nullable() })),
            }),
          },
        },
      },
      async (request) => ({ items: await kernel.cases.findDuplicates(request.actor, request.params.id) }),
    );

    r.post(
      '/api/cases/:id/merge',
      {
        schema: {
          tags,
          summary: 'Merge duplicate reports into this case: they share its outcome',
          params: idParams,
          body: z.object({
            duplicateIds: z.array(uuid).min(1).max(50),
            note: z.string().max(2000).nullish(),
          }),
          response: { 200: caseSchema },
        },
      },
      async (request) =>
        kernel.cases.merge(request.actor, request.params.id, request.body.duplicateIds, request.body.note),
    );
  };
}
