import type { Kernel } from '@zhizhi/kernel';
import type { Executor } from '@zhizhi/kernel/db';
import type { IndicatorCount } from '@zhizhi/kernel/indicators';
import { and, gte, lt } from 'drizzle-orm';
import { regulationInspection, regulationItem, regulationRatingCurrent } from './schema';

/** One inspection, a department (the first of the visit's) and whether it counts / is counted. */
type Row = { department: string; num: boolean; den: boolean };
type Tallier = (tx: Executor, from: Date, to: Date) => Promise<Row[]>;

interface Definition {
  code: string;
  nameZh: string;
  nameEn: string;
  target: number | null;
  formula: string;
  tally: Tallier;
}

const beijingDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

async function inspections(
  tx: Executor,
  from: Date,
  to: Date,
  column: 'createdAt' | 'publishedAt' | 'concludedAt',
) {
  return tx
    .select()
    .from(regulationInspection)
    .where(and(gte(regulationInspection[column], from), lt(regulationInspection[column], to)));
}

/** Coverage of one credit class: subjects of that class (now) inspected in the period / subjects of that class. */
function coverage(creditClass: 'A' | 'B' | 'C' | 'D'): Tallier {
  return async (tx, from, to) => {
    const rated = await tx.select().from(regulationRatingCurrent);
    const ofClass = new Set(
      rated
        .filter((r) => r.ruleSetCode === 'general' && r.creditClass === creditClass)
        .map((r) => r.subjectId),
    );
    const seen = new Set((await inspections(tx, from, to, 'createdAt')).map((i) => i.subjectId));
    return [...ofClass].map((id) => ({ department: '', num: seen.has(id), den: true }));
  };
}

export const REGULATION_INDICATORS: Definition[] = [
  {
    code: 'regulation.platform_rate',
    nameZh: '监管事项上平台率',
    nameEn: 'Supervision items run on the platform',
    target: 95,
    formula:
      'active items of the 检查事项清单 with an inspection on the platform in the period / active items',
    tally: async (tx, from, to) => {
      const used = new Set((await inspections(tx, from, to, 'createdAt')).flatMap((i) => i.itemCodes));
      const items = await tx.select().from(regulationItem);
      return items
        .filter((i) => i.active)
        .map((i) => ({ department: i.departmentCode, num: used.has(i.code), den: true }));
    },
  },
  ...(['A', 'B', 'C', 'D'] as const).map((c) => ({
    code: `regulation.coverage_${c.toLowerCase()}`,
    nameZh: `${c}类主体检查覆盖率`,
    nameEn: `Inspection coverage, class ${c}`,
    target: null,
    formula: `subjects of general class ${c} inspected in the period (a visit opened) / subjects of class ${c}`,
    tally: coverage(c),
  })),
  {
    code: 'regulation.rectification_on_time',
    nameZh: '整改按期完成率',
    nameEn: 'Rectifications on time',
    target: 95,
    formula:
      'failed inspections concluded in the period rectified by the due day / failed inspections concluded in the period',
    tally: async (tx, from, to) =>
      (await inspections(tx, from, to, 'concludedAt'))
        .filter((i) => i.result === 'fail' && i.rectificationDue)
        .map((i) => ({
          department: i.departmentCodes[0] ?? '',
          num: !!i.rectifiedAt && beijingDay(i.rectifiedAt) <= i.rectificationDue!,
          den: true,
        })),
  },
  {
    code: 'regulation.publication_on_time',
    nameZh: '结果按时公示率',
    nameEn: 'Results published on time',
    target: 100,
    formula:
      'results published in the period within 20 working days of the end of the inspection / results published in the period',
    tally: async (tx, from, to) =>
      (await inspections(tx, from, to, 'publishedAt')).map((i) => ({
        department: i.departmentCodes[0] ?? '',
        num: !!i.publishDue && beijingDay(i.publishedAt!) <= i.publishDue,
        den: true,
      })),
  },
  {
    code: 'regulation.traceability',
    nameZh: '监管全流程可追溯率',
    nameEn: 'Inspections traceable end to end',
    target: 100,
    formula:
      'inspections concluded in the period with the whole loop on the platform (a case with its steps, the result with checklist and inspectors, published) / inspections concluded in the period',
    tally: async (tx, from, to) =>
      (await inspections(tx, from, to, 'concludedAt')).map((i) => ({
        department: i.departmentCodes[0] ?? '',
        num:
          i.caseId !== null &&
          i.result !== null &&
          i.checklist !== null &&
          i.inspectorIds.length >= 2 &&
          i.publishedAt !== null,
        den: true,
      })),
  },
  {
    code: 'regulation.joint_share',
    nameZh: '联合检查占比',
    nameEn: 'Joint inspections',
    target: null,
    formula:
      'visits opened in the period covering more than one department (综合查一次) / visits opened in the period',
    tally: async (tx, from, to) =>
      (await inspections(tx, from, to, 'createdAt')).map((i) => ({
        department: i.departmentCodes[0] ?? '',
        num: i.joint,
        den: true,
      })),
  },
];

async function count(
  tx: Executor,
  d: Definition,
  from: Date,
  to: Date,
  districtCode: string,
): Promise<IndicatorCount[]> {
  const rows = await d.tally(tx, from, to);
  const departments = new Map<string, [number, number]>();
  let num = 0;
  let den = 0;
  for (const r of rows) {
    num += r.num ? 1 : 0;
    den += r.den ? 1 : 0;
    if (!r.department) continue;
    const [a, b] = departments.get(r.department) ?? [0, 0];
    departments.set(r.department, [a + (r.num ? 1 : 0), b + (r.den ? 1 : 0)]);
  }
  return [
    { scopeType: 'division', scopeCode: districtCode, numerator: num, denominator: den },
    ...[...departments]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([scopeCode, [n, dd]]) => ({
        scopeType: 'department' as const,
        scopeCode,
        numerator: n,
        denominator: dd,
      })),
  ];
}

/** Defines the indicators (idempotent) and registers how to compute them. */
export async function registerRegulationIndicators(kernel: Kernel, executor: Executor, districtCode: string) {
  for (const d of REGULATION_INDICATORS) {
    await kernel.indicators.define(executor, {
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      unit: 'percent',
      direction: 'higher_better',
      target: d.target,
      formula: d.formula,
      owner: 'regulation',
    });
    kernel.indicators.registerComputer(d.code, ({ tx, from, to }) => count(tx, d, from, to, districtCode));
  }
}

/** Live values for a period (not stored), for the regulation overview. */
export async function liveRegulationIndicators(kernel: Kernel, from: Date, to: Date, districtCode: string) {
  const out = [];
  for (const d of REGULATION_INDICATORS) {
    const counts = await count(kernel.db, d, from, to, districtCode);
    out.push({
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      target: d.target,
      scopes: counts.map((c) => ({
        ...c,
        value: c.denominator === 0 ? null : (100 * c.numerator) / c.denominator,
      })),
    });
  }
  return out;
}
