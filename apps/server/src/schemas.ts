import { z } from 'zod';

/** A Date in code, an ISO 8601 string on the wire. */
export const dateTime = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (s) => new Date(s),
  encode: (d) => d.toISOString(),
});
export const day = z.iso.date().describe('YYYY-MM-DD');
export const divisionCode = z.string().regex(/^\d{12}$/, '12-digit division code');
export const uuid = z.uuid();

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe('Stable machine-readable error code'),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    overridable: z.boolean().optional().describe('A failed check digit the caller may confirm and resend'),
  })
  .meta({ id: 'Problem' });

export const divisionSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(['district', 'town', 'village']),
    kind: z.string(),
    parentCode: z.string().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    replacedBy: z.string().nullable(),
    lng: z.number().nullable(),
    lat: z.number().nullable(),
    childCount: z.number().int(),
  })
  .meta({ id: 'Division' });

export const departmentSchema = z
  .object({
    id: uuid,
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    divisionCode: z.string(),
    parentId: uuid.nullable(),
    kind: z.string(),
    active: z.boolean(),
  })
  .meta({ id: 'Department' });

export const gridSchema = z
  .object({
    id: uuid,
    code: z.string(),
    name: z.string(),
    villageCode: z.string(),
    parentId: uuid.nullable(),
    workerId: uuid.nullable(),
    workerName: z.string().nullable(),
  })
  .meta({ id: 'Grid' });

export const roleAssignmentSchema = z
  .object({
    roleCode: z.string().min(1).max(48),
    divisionCode,
    departmentId: uuid.nullable().optional(),
    divisionName: z.string().nullable().optional().describe('In responses: the division’s current name'),
  })
  .meta({ id: 'RoleAssignment' });

export const staffSchema = z
  .object({
    id: uuid,
    username: z.string(),
    displayName: z.string(),
    departmentId: uuid.nullable(),
    departmentName: z.string().nullable(),
    phone: z.string().nullable().describe('Masked'),
    status: z.enum(['active', 'disabled']),
    lockedUntil: dateTime.nullable(),
    roles: z.array(roleAssignmentSchema),
  })
  .meta({ id: 'Staff' });

export const preferencesSchema = z
  .object({ locale: z.enum(['zh-CN', 'en-US']).optional(), elderMode: z.boolean().optional() })
  .meta({ id: 'Preferences' });

export const meSchema = z
  .object({
    id: uuid,
    username: z.string(),
    displayName: z.string(),
    department: z.object({ id: uuid, name: z.string(), nameEn: z.string() }).nullable(),
    roles: z.array(
      z.object({
        roleCode: z.string(),
        nameZh: z.string(),
        nameEn: z.string(),
        divisionCode: z.string(),
        divisionName: z.string().nullable(),
        departmentId: uuid.nullable(),
      }),
    ),
    permissions: z.array(z.string()),
    preferences: preferencesSchema,
    mustChangePassword: z.boolean(),
    csrfToken: z.string(),
  })
  .meta({ id: 'Me' });

export const roleSchema = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    permissions: z.array(z.string()),
    builtin: z.boolean(),
  })
  .meta({ id: 'Role' });

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    id: uuid,
    at: dateTime,
    actorType: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string().nullable(),
    purpose: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

export const auditVerificationSchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    headSeq: z.number().int().nullable(),
    headHash: z.string().nullable(),
    problems: z.array(
      z.object({
        seq: z.number().int(),
        kind: z.enum(['edited', 'deleted', 'reordered', 'broken_link', 'truncated']),
        message: z.string(),
      }),
    ),
    verifiedAt: z.string(),
  })
  .meta({ id: 'AuditVerification' });

export const jobSchema = z
  .object({
    id: uuid,
    kind: z.string(),
    status: z.string(),
    runAt: dateTime,
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: dateTime,
    finishedAt: dateTime.nullable(),
  })
  .meta({ id: 'Job' });

export const scheduleSchema = z
  .object({
    id: uuid,
    name: z.string(),
    kind: z.string(),
    cron: z.string(),
    timezone: z.string(),
    enabled: z.boolean(),
    nextRunAt: dateTime,
    lastRunAt: dateTime.nullable(),
  })
  .meta({ id: 'Schedule' });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
