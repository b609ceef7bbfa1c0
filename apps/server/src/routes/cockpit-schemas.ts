import { z } from 'zod';

const num = z.number().nullable();
const status = z.enum(['on_track', 'behind', 'below_warning', 'no_data']);
const level = z.enum(['district', 'town', 'village', 'department']);

export const scopeQuery = z.string().max(60).optional();
export const periodQuery = z.enum(['year', 'month', 'all']).optional();

export const indicatorValueSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  direction: z.string(),
  promise: z.string(),
  target: num,
  warningLine: num,
  baseline: num,
  baselineDate: z.string().nullable(),
  deadline: z.string().nullable(),
  ownerDepartment: z
    .object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string() })
    .nullable(),
  source: z.enum(['measured', 'reported']),
  formulaText: z.string(),
  formulaTextEn: z.string(),
  value: num,
  numerator: num,
  denominator: num,
  expected: num,
  progress: num,
  status,
  computedAt: z.string(),
  freshness: z.enum(['live', 'computed', 'reported']),
  drillLevels: z.array(level),
  openWarning: z
    .object({ id: z.string(), kind: z.string(), taskId: z.string().nullable() })
    .nullable()
    .optional(),
});

export const overviewSchema = z.object({
  scope: z.object({ type: level, code: z.string(), name: z.string(), key: z.string() }),
  period: z.object({ kind: z.string(), from: z.string(), to: z.string() }),
  generatedAt: z.string(),
  defaultScope: z.string(),
  indicators: z.array(indicatorValueSchema),
  panels: z.array(
    z.object({
      key: z.enum(['services', 'governance', 'overview', 'codes']),
      figures: z.array(
        z.object({
          key: z.string(),
          nameZh: z.string(),
          nameEn: z.string(),
          unit: z.string(),
          indicatorCode: z.string().nullable(),
          value: num,
        }),
      ),
    }),
  ),
  warnings: z.object({ open: z.number(), dispatched: z.number() }),
});

export const breakdownSchema = z.object({
  indicator: indicatorValueSchema,
  level: z.enum(['town', 'village', 'department']),
  rows: z.array(
    z.object({
      scope: z.string(),
      name: z.string(),
      value: num,
      numerator: num,
      denominator: num,
      status,
      drillLevels: z.array(level),
    }),
  ),
});

export const recordsSchema = z.object({
  kind: z.enum(['events', 'applications', 'none']),
  total: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      title: z.string(),
      state: z.string(),
      at: z.string(),
      divisionName: z.string(),
      departmentName: z.string(),
      counted: z.boolean(),
      href: z.string().nullable(),
    }),
  ),
});

export const trendSchema = z.object({ points: z.array(z.object({ date: z.string(), value: num })) });

export const warningSchema = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  scope: z.string(),
  scopeName: z.string(),
  scopeNameEn: z.string(),
  kind: z.enum(['warning_line', 'trajectory']),
  value: num,
  threshold: num,
  raisedAt: z.string(),
  resolvedAt: z.string().nullable(),
  taskId: z.string().nullable(),
  ownerDepartment: z.string().nullable(),
  ownerDepartmentEn: z.string().nullable(),
});

export const mapSchema = z.object({
  towns: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({
          code: z.string(),
          name: z.string(),
          eventsOpen: z.number(),
          eventsTotal: z.number(),
          alarms: z.number(),
          inspections: z.number(),
        }),
        geometry: z.record(z.string(), z.unknown()),
      }),
    ),
  }),
  points: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['event', 'alarm', 'inspection']),
      status: z.string(),
      lng: z.number(),
      lat: z.number(),
      title: z.string(),
      href: z.string(),
    }),
  ),
});

export const feedSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['event', 'application', 'alarm', 'inspection', 'warning']),
      title: z.string(),
      at: z.string(),
      divisionName: z.string(),
      href: z.string().nullable(),
    }),
  ),
});

export const layoutSchema = z.object({
  role: z.string().nullable(),
  panels: z.array(z.object({ id: z.string(), visible: z.boolean() })),
});

export const reportSchema = z.object({
  id: z.string(),
  weekFrom: z.string(),
  weekTo: z.string(),
  trigger: z.enum(['schedule', 'manual']),
  generatedBy: z.string(),
  generatedAt: z.string(),
  languages: z.array(z.enum(['zh-CN', 'en-US'])).describe('The languages the report was made in'),
});

export const reportedSchema = z.object({
  id: z.string(),
  code: z.string(),
  value: z.number(),
  asOf: z.string(),
  note: z.string(),
  evidenceFileIds: z.array(z.string()),
  reportedBy: z.string(),
  reportedAt: z.string(),
});

export const consistencySchema = z.object({
  counters: z.number(),
  mismatches: z.number(),
  checkedAt: z.string(),
});
