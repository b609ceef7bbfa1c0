// Bulk loading for bench/regulation.bench.ts: market subjects with valid 统一社会信用代码, credit
// records, the three check items and the inspector roster, written straight into the tables with
// multi-row inserts. Loading is never timed.
import { type Database, newId, rows, systemActor } from '@zhizhi/kernel';
import { validateUscc } from '@zhizhi/kernel/identity';
import { syntheticName, syntheticUscc } from '@zhizhi/pack-fenghua';
import { type Regulation, regulationInspector, regulationSubject } from '@zhizhi/regulation';
import { sql } from 'drizzle-orm';

/** The townships of Fenghua (锦屏 … 溪口), where the subjects are registered. */
const TOWNSHIPS = [
  '330213001000',
  '330213002000',
  '330213003000',
  '330213004000',
  '330213005000',
  '330213006000',
  '330213007000',
  '330213008000',
  '330213100000',
];
/** GB/T 4754 codes: about 70 % food trade and catering (餐饮, 食品零售), the rest other trades. */
const INDUSTRIES = ['H6210', 'H6210', 'H6220', 'F5123', 'F5123', 'F5221', 'F5225', 'C1391', 'I6510', 'E4710'];

/** Subject number i → one row of `regulation_subject` (i from 0 to 99,999: the USCC sequence). */
function subjectRow(i: number, now: Date): typeof regulationSubject.$inferInsert {
  const industry = INDUSTRIES[i % INDUSTRIES.length];
  // 50 % enterprises, 30 % 个体工商户, 15 % shops, 5 % cooperatives.
  const kind = i % 20 < 10 ? 'enterprise' : i % 20 < 16 ? 'individual' : i % 20 < 19 ? 'shop' : 'cooperative';
  const food = industry.startsWith('H') || industry.startsWith('F5');
  const status = i % 50 === 7 ? 'deregistered' : i % 50 === 13 ? 'revoked' : 'operating';
  return {
    id: newId(),
    uscc: syntheticUscc(i, '330213', {
      category: kind === 'individual' ? '92' : kind === 'cooperative' ? '93' : '91',
    }),
    name: `奉化压测${food ? '餐饮' : '商贸'}${i}${kind === 'individual' ? '店' : '有限公司'}`,
    kind,
    legalRepresentative: syntheticName(i),
    address: `浙江省宁波市奉化区压测路${(i % 900) + 1}号`,
    addressId: null,
    divisionCode: TOWNSHIPS[i % TOWNSHIPS.length],
    lng: null,
    lat: null,
    industryCode: industry,
    licences: food
      ? [
          {
            type: '食品经营许可证',
            number: `JY133021300${String(i).padStart(5, '0')}`,
            validFrom: '2023-01-01',
            validTo: '2028-12-31',
          },
        ]
      : [],
    status,
    departmentCode: 'scjgj',
    checkOverridden: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** Inserts subjects number `from` to `to - 1` (1,000 rows a statement); checks a few codes with the kernel's validator. */
export async function insertSubjects(database: Database, from: number, to: number) {
  const now = new Date();
  for (const i of [from, Math.floor((from + to) / 2), to - 1]) {
    const r = validateUscc(subjectRow(i, now).uscc);
    if (!r.ok) throw new Error(`generated USCC ${i} is not valid`);
  }
  for (let start = from; start < to; start += 1000) {
    const batch = [];
    for (let i = start; i < Math.min(start + 1000, to); i++) batch.push(subjectRow(i, now));
    await database.db.insert(regulationSubject).values(batch);
  }
}

/**
 * About `perSubjectAverage` credit records for every subject that has none yet, 2 to 18 each (an average of 10 over every 17
 * subjects), generated in SQL 2,000 subjects a statement: 45 % licences, 35 % inspections (one in ten
 * failed), 8 % complaints, 5 % commitments (one in ten broken), 4 % tax (one in ten a violation),
 * 2 % penalties (published for three years), 1 % court records; dated over the last five years.
 * Returns the number of records in the table.
 */
export async function insertRecords(database: Database, perSubjectAverage: number) {
  // Only subjects without records yet: the draw extends the table the re-rating used.
  const ids = (
    await rows<{ id: string }>(
      database.db,
      sql`select id from regulation_subject s
        where not exists (select 1 from regulation_record r where r.subject_id = s.id) order by id`,
    )
  ).map((r) => r.id);
  const span = 2 * perSubjectAverage - 3; // records per subject: 2 + (k·7 mod span), average ≈ perSubjectAverage
  for (let start = 0; start < ids.length; start += 2000) {
    const chunk = `{${ids.slice(start, start + 2000).join(',')}}`;
    await database.db.execute(sql`
      with g as (
        select s.id as sid, n, ((s.k * 31 + n * 17) % 100)::int as h, ((s.k + n) % 10)::int as m,
               now() - make_interval(days => ((s.k * 13 + n * 97) % 1800)::int) as d, (s.k * n)::bigint as kn
        from unnest(${chunk}::uuid[]) with ordinality as s(id, k)
        cross join lateral generate_series(1, 2 + ((s.k + ${start}) * 7 % ${span})::int) as n
      ), r as (
        select *, case when h < 45 then 'licence' when h < 80 then 'inspection' when h < 88 then 'complaint'
          when h < 93 then 'commitment' when h < 97 then 'tax' when h < 99 then 'penalty' else 'court' end as source
        from g
      )
      insert into regulation_record (id, subject_id, source, department_code, date, valid_until, repaired_at,
        severity, data, summary, origin, origin_id, created_at)
      select gen_random_uuid(), sid, source,
        case when source in ('tax') then 'swj' when source = 'court' then 'fy' else 'scjgj' end, d,
        case when source = 'penalty' then d + interval '3 years' end, null,
        case source when 'penalty' then (kn % 100)::int when 'court' then 60
          when 'inspection' then case when m = 0 then 30 else 0 end when 'complaint' then 20 else 0 end,
        case source
          when 'licence' then '{"licenceType":"食品经营许可证"}'::jsonb
          when 'inspection' then jsonb_build_object('result', case when m = 0 then 'fail' else 'pass' end)
          when 'penalty' then jsonb_build_object('amount', (kn * 137) % 200000, 'licenceRevoked', false)
          when 'tax' then jsonb_build_object('violation', m = 3)
          when 'commitment' then jsonb_build_object('kept', m <> 5)
          else '{}'::jsonb end,
        case source when 'licence' then '行政许可：食品经营许可证' when 'inspection' then '检查结果：日常监督检查'
          when 'complaint' then '投诉举报：消费纠纷' when 'penalty' then '行政处罚：未按规定公示信息'
          when 'tax' then '税务信息：纳税申报' when 'commitment' then '告知承诺：经营条件' else '司法信息：执行案件' end,
        'bench', gen_random_uuid()::text, now()
      from r`);
  }
  const [{ n }] = await rows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from regulation_record`,
  );
  await database.db.execute(sql`analyze regulation_subject`);
  await database.db.execute(sql`analyze regulation_record`);
  return n;
}

/** The 检查事项清单 of the plan: two market-supervision items and one fire-safety item. */
export const BENCH_ITEMS = [
  {
    code: 'SC-GS-001',
    nameZh: '企业信息公示情况检查',
    nameEn: 'Publication of company information',
    departmentCode: 'scjgj',
    subjectKinds: [],
    industryPrefixes: [],
  },
  {
    code: 'SC-SP-002',
    nameZh: '食品经营者经营条件检查',
    nameEn: 'Operating conditions of food businesses',
    departmentCode: 'scjgj',
    subjectKinds: [],
    industryPrefixes: ['H62', 'F512', 'F522'],
  },
  {
    code: 'YJ-XF-003',
    nameZh: '经营场所消防安全检查',
    nameEn: 'Fire safety of business premises',
    departmentCode: 'yjj',
    subjectKinds: ['enterprise', 'individual', 'shop'],
    industryPrefixes: [],
  },
] as const;
/** Share drawn per credit class: fewer A, more C and D (about 4 % of subjects visited in all). */
export const BENCH_RATIOS = { A: 0.005, B: 0.015, C: 0.03, D: 0.06 };

/** Saves the three items through the roster (audited) and inserts `count` inspectors directly. */
export async function insertRoster(regulation: Regulation, database: Database, count: number) {
  for (const item of BENCH_ITEMS)
    await regulation.roster.saveItem(systemActor, {
      ...item,
      subjectKinds: [...item.subjectKinds],
      industryPrefixes: [...item.industryPrefixes],
      legalBasis: '《市场监督管理行政处罚程序规定》',
      method: '现场检查',
      checklist: [{ code: 'p1', zh: '检查要点', en: 'Checkpoint' }],
      ratioByClass: BENCH_RATIOS,
    });
  const someSubjects = (
    await database.db
      .select({ id: regulationSubject.id })
      .from(regulationSubject)
      .limit(3 * count)
  ).map((r) => r.id);
  const inspectors: (typeof regulationInspector.$inferInsert)[] = [];
  for (let i = 0; i < count; i++) {
    // 70 % market supervision (all qualified for 公示, 60 % also for 食品), 30 % emergency management.
    const market = i % 10 < 7;
    inspectors.push({
      id: newId(),
      accountId: null,
      name: syntheticName(1000 + i),
      departmentCode: market ? 'scjgj' : 'yjj',
      badgeNumber: `ZF330213${String(i).padStart(6, '0')}`,
      qualifications: market ? (i % 10 < 4 ? ['SC-GS-001', 'SC-SP-002'] : ['SC-GS-001']) : ['YJ-XF-003'],
      // One in 25 declares conflicts (回避) with three subjects.
      conflicts: i % 25 === 0 ? someSubjects.slice(i, i + 3) : [],
      active: i % 40 !== 39,
    });
  }
  for (let start = 0; start < inspectors.length; start += 1000)
    await database.db.insert(regulationInspector).values(inspectors.slice(start, start + 1000));
}
