// Joint handling throughput: bundle submissions (开餐馆一件事: one form planned and pre-filled for four
// matters, validated, then one overall case and four matter cases opened with their audit entries and
// events in one transaction) against a single-matter submission, in one run, on PGlite and (when
// reachable) PostgreSQL, with the Fenghua pack catalogue. Writes bench/results/services.json. Never a
// pass/fail test.
// Run: npx tsx bench/services.bench.ts — BENCH_N (submissions per side and figure, 150), BENCH_WARMUP
// (20 per side), BENCH_DATABASE_URL (PostgreSQL server).
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  createKernel,
  type Database,
  type Kernel,
  openDatabase,
  runMigrations,
  startKernel,
  systemActor,
} from '@zhizhi/kernel';
import type { Actor } from '@zhizhi/kernel/access';
import { NotAllowedError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import {
  fenghuaBundles,
  fenghuaDepartments,
  fenghuaDivisions,
  fenghuaFieldDictionary,
  fenghuaMatters,
  SYNTHETIC_ID_SEQUENCES,
  syntheticIdNumber,
  syntheticName,
  syntheticPhone,
  syntheticUscc,
} from '@zhizhi/pack-fenghua';
import { createServices, type DictionaryEntry, type Services } from '@zhizhi/services';
import { sql } from 'drizzle-orm';
import {
  describeLoad,
  describeMachine,
  envInt,
  formatTable,
  interleave,
  onScratchPostgres,
  ratioSpread,
  resultsFor,
  type Timing,
  timeOps,
  timing,
  writeResults,
} from './lib';

const RESULTS_PATH = fileURLToPath(new URL('results/services.json', import.meta.url));
const POSTGRES_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const N = envInt('BENCH_N', 150);
const WARMUP = envInt('BENCH_WARMUP', 20);
const ROUNDS = 4;
const APPLICANTS = 20;
const DIVISION = '330213100000'; // 溪口镇: the district's matters are offered in every township
const BUNDLE = {
  bundleCode: 'open_restaurant',
  answers: { entity: 'company', has_signboard: true, seats: 'large' },
};
const SINGLE = { matterCode: '许可-00702-000' };
const ENTERPRISES = '102001/000001'; // the market regulator's enterprise resource (pre-fill)
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const log = (line: string) => console.log(line);

type Side = 'bundle' | 'single';
type FormField = DictionaryEntry & { required: boolean };
const STEPS = ['start (plan + pre-fill)', 'save form', 'attach uploads', 'submit'] as const;

/** A valid value for a dictionary field, by its type and limits. */
function valueFor(entry: DictionaryEntry, i: number): unknown {
  const fit = (text: string) => text.slice(0, entry.maxLength ?? text.length);
  switch (entry.type) {
    case 'number':
    case 'integer':
      return Math.min(entry.max ?? 1_000_000, Math.max(entry.min ?? 0, 1) + (i % 50));
    case 'boolean':
      return true;
    case 'choice':
      return entry.options![0].value;
    case 'id_number':
      return syntheticIdNumber(i % SYNTHETIC_ID_SEQUENCES, {
        birth: `198001${String((Math.floor(i / SYNTHETIC_ID_SEQUENCES) % 28) + 1).padStart(2, '0')}`,
        male: i % 2 === 0,
        addressCode: '330213',
      });
    case 'uscc':
      return syntheticUscc(i % 100_000, '330213');
    case 'phone':
      return syntheticPhone(i % 10_000);
    case 'date':
      return '2026-01-05';
    case 'division':
      return DIVISION;
    case 'address':
      return fit(`溪口镇武岭路${(i % 300) + 1}号`);
    case 'longtext':
      return fit('餐饮服务；预包装食品销售；热食类食品制售');
    default:
      return fit(`压测${syntheticName(i)}${i}`);
  }
}

/** The Fenghua org and catalogue, a fake sharing gateway and enterprise applicants with an e-ID on file. */
async function setUp(
  kernel: Kernel,
  database: Database,
): Promise<{ services: Services; applicants: Actor[] }> {
  await kernel.org.importDivisions(systemActor, fenghuaDivisions);
  for (const d of fenghuaDepartments)
    await kernel.org.createDepartment(systemActor, {
      code: d.code,
      name: d.name,
      nameEn: d.nameEn,
      divisionCode: d.divisionCode,
      kind: d.kind,
    });
  const zwfw = await database.db.execute(sql`select id from org_department where code = 'zwfw'`);
  const providerDepartmentId = String((zwfw as unknown as { rows: { id: string }[] }).rows[0].id);
  // The enterprise resource as the data module would answer through the port (the gateway has its
  // own bench): one clear row per USCC, which also stands for the business licence e-certificate.
  const byUscc = new Map<string, { uscc: string; entity_name: string; legal_representative: string }>();
  kernel.sharedData.provide({
    async lookup(input) {
      if (input.resourceCode !== ENTERPRISES)
        throw new NotAllowedError('data.share.no_grant', 'No grant for this resource.');
      const row = byUscc.get(input.filter.uscc ?? '');
      return {
        source: {
          resourceCode: ENTERPRISES,
          resourceName: '市场主体登记信息',
          providerDepartmentId,
          providerDepartmentName: '区市场监管局',
          grantId: '00000000-0000-7000-8000-000000000001',
          approvalNumber: 'GX2026000001',
          matterCode: input.matterCode,
          at: kernel.clock.now().toISOString(),
        },
        rows: row ? [row] : [],
        modes: { uscc: 'clear', entity_name: 'clear', legal_representative: 'clear' },
      };
    },
  });
  const services = createServices(kernel, {
    certificateTypes: [
      { code: 'resident_id', zh: '居民身份证' },
      { code: 'business_licence', zh: '营业执照' },
    ],
  });
  await services.start();
  await services.catalogue.seed({
    fields: fenghuaFieldDictionary,
    matters: fenghuaMatters,
    bundles: fenghuaBundles,
  });
  const applicants: Actor[] = [];
  for (let i = 0; i < APPLICANTS; i++) {
    const uscc = syntheticUscc(90_000 + i, '330213');
    const name = `宁波奉化压测餐饮${i}有限公司`;
    const e = await kernel.registry.registerEnterprise(systemActor, { uscc, name, divisionCode: DIVISION });
    byUscc.set(uscc, { uscc, entity_name: name, legal_representative: syntheticName(i) });
    // The legal representative's resident ID as an e-certificate on file for the enterprise.
    await database.db.execute(sql`
      insert into services_certificate (id, number, type, name_zh, matter_code, application_id, case_id,
        holder_kind, holder_registry_id, items, code_token, issued_by, issued_at)
      values (${newId()}, ${`BENCH${String(i).padStart(6, '0')}`}, 'resident_id', '居民身份证', 'bench',
        ${newId()}, ${newId()}, 'enterprise', ${e.id}, '{}'::jsonb, ${`bench-${i}`}, 'bench', now())`);
    applicants.push({
      type: 'applicant',
      id: e.id,
      name,
      departmentId: null,
      grants: [],
      applicant: { kind: 'enterprise', registryId: e.id, accountId: e.id },
    });
  }
  return { services, applicants };
}

async function benchDatabase(database: Database, label: string, machine: string, date: string) {
  await runMigrations(database);
  const kernel = createKernel({ database });
  await startKernel(kernel, { migrate: false });
  const { services, applicants } = await setUp(kernel, database);
  const apps = services.applications;
  log(`\n${label}: ${N} submissions per side and figure, ${WARMUP} warm-up; ${describeLoad()}`);

  let seq = 0;
  const stepMs: Record<Side, number[]> = { bundle: [0, 0, 0, 0], single: [0, 0, 0, 0] };
  const shape: Record<Side, { matters: number; fields: number; uploads: number }> = {
    bundle: { matters: 0, fields: 0, uploads: 0 },
    single: { matters: 0, fields: 0, uploads: 0 },
  };
  const step = async <T>(side: Side, index: number, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await run();
    stepMs[side][index] += performance.now() - start;
    return value;
  };

  /** A draft ready to submit: planned and pre-filled, the required fields filled, every required upload attached. */
  async function prepare(side: Side): Promise<{ actor: Actor; id: string }> {
    const i = seq++;
    const actor = applicants[i % APPLICANTS];
    const { application, plan } = await step(side, 0, () =>
      apps.start(actor, { ...(side === 'bundle' ? BUNDLE : SINGLE), divisionCode: DIVISION }),
    );
    const form: Record<string, unknown> = {};
    for (const field of plan.form as FormField[])
      if (field.required && application.form[field.code] === undefined) form[field.code] = valueFor(field, i);
    await step(side, 1, () => apps.saveDraft(actor, application.id, { form }));
    const uploads = plan.materials.filter((m) => m.required && m.source.kind === 'upload');
    await step(side, 2, async () => {
      for (const m of uploads)
        await apps.attachMaterial(actor, application.id, m.key, { name: `${m.key}.pdf`, content: PDF });
    });
    shape[side] = { matters: plan.matters.length, fields: plan.form.length, uploads: uploads.length };
    return { actor, id: application.id };
  }
  const submit = (side: Side, draft: { actor: Actor; id: string }) =>
    step(side, 3, () => apps.submit(draft.actor, draft.id));

  /** Draft → submit, all timed. */
  const wholePath = (side: Side) => (count: number) =>
    timeOps(count, async () => {
      await submit(side, await prepare(side));
    });
  /** Drafts prepared untimed, then their submissions timed one after another. */
  const submitAlone =
    (side: Side) =>
    async (count: number): Promise<Timing> => {
      const drafts: { actor: Actor; id: string }[] = [];
      for (let k = 0; k < count; k++) drafts.push(await prepare(side));
      return timeOps(count, async (k) => {
        await submit(side, drafts[k]);
      });
    };

  await wholePath('single')(WARMUP);
  await wholePath('bundle')(WARMUP);
  for (const side of ['bundle', 'single'] as const) stepMs[side] = [0, 0, 0, 0];
  const whole = await interleave(N, ROUNDS, wholePath('single'), wholePath('bundle'));
  const paths = { ...stepMs };
  for (const side of ['bundle', 'single'] as const) stepMs[side] = [0, 0, 0, 0];
  const alone = await interleave(N, ROUNDS, submitAlone('single'), submitAlone('bundle'));

  const b = shape.bundle;
  const s = shape.single;
  log(
    `  bundle: ${b.matters} matters, ${b.fields} form fields, ${b.uploads} uploads; single: ${s.matters} matter, ${s.fields} fields, ${s.uploads} uploads`,
  );
  log(
    `  draft → submit: bundle ${whole.subject.perSecond.toFixed(1)}/s, single ${whole.baseline.perSecond.toFixed(1)}/s (per round ${ratioSpread(whole)})`,
  );
  log(
    `  submit alone:   bundle ${alone.subject.perSecond.toFixed(1)}/s, single ${alone.baseline.perSecond.toFixed(1)}/s (per round ${ratioSpread(alone)})`,
  );
  for (const side of ['bundle', 'single'] as const)
    log(
      `  ${side} ms per submission in the draft → submit runs: ${STEPS.map((name, k) => `${name} ${(paths[side][k] / N).toFixed(1)}`).join(', ')}`,
    );

  // Every submission opened its cases and left the audit chain whole.
  const counted = await database.db.execute(sql`
    select (select count(*)::int from services_application where status <> 'draft') as submitted,
           (select count(*)::int from services_application where status = 'draft') as drafts,
           (select count(*)::int from cases_case) as cases`);
  const totals = (counted as unknown as { rows: { submitted: number; drafts: number; cases: number }[] })
    .rows[0];
  const submissions = 2 * (WARMUP + 2 * N);
  const expectedCases = (WARMUP + 2 * N) * (b.matters + 1 + s.matters + 1);
  if (totals.submitted !== submissions || totals.drafts !== 0 || totals.cases !== expectedCases)
    throw new Error(
      `expected ${submissions} submissions and ${expectedCases} cases, found ${JSON.stringify(totals)}`,
    );
  const verified = await kernel.audit.verify(systemActor);
  if (!verified.ok) throw new Error(`audit chain broken: ${JSON.stringify(verified.problems.slice(0, 3))}`);
  log(`  ${totals.submitted} submissions, ${totals.cases} cases opened, no draft left, audit chain verified`);

  const versionRow = await database.db.execute(sql`select version() as v`);
  const version = String((versionRow as unknown as { rows: { v: string }[] }).rows[0].v);
  const figure = resultsFor(`${label} (${version.split(' ').slice(0, 2).join(' ')})`, machine, date);
  const per = (t: Timing, k: number) => timing(t.ops * k, t.ms).perSecond;
  const bundleName = `open_restaurant (${b.matters} matters)`;
  const singleName = `single matter ${SINGLE.matterCode} (${s.uploads} uploads)`;
  return [
    figure({
      name: `bundle submissions/s, draft → submit (plan, pre-fill, form, uploads, submit)`,
      unit: 'submissions/s',
      value: whole.subject.perSecond,
      baseline: `${singleName}, draft → submit`,
      baselineValue: whole.baseline.perSecond,
      target: 'informational',
    }),
    figure({
      name: 'bundle submissions/s, submit alone (validation + fan-out, audited)',
      unit: 'submissions/s',
      value: alone.subject.perSecond,
      baseline: `${singleName}, submit alone`,
      baselineValue: alone.baseline.perSecond,
      target: 'informational',
    }),
    figure({
      name: `cases opened/s, ${bundleName} submit alone (overall + ${b.matters} matter cases)`,
      unit: 'cases/s',
      value: per(alone.subject, b.matters + 1),
      baseline: `${singleName}, submit alone (overall + 1 matter case)`,
      baselineValue: per(alone.baseline, s.matters + 1),
      target: 'informational',
    }),
    figure({
      name: `matters applied for/s, ${bundleName} draft → submit`,
      unit: 'matters/s',
      value: per(whole.subject, b.matters),
      baseline: `${singleName}, draft → submit`,
      baselineValue: per(whole.baseline, s.matters),
      target: 'informational',
    }),
    figure({
      name: `matters applied for/s, ${bundleName} submit alone`,
      unit: 'matters/s',
      value: per(alone.subject, b.matters),
      baseline: `${singleName}, submit alone`,
      baselineValue: per(alone.baseline, s.matters),
      target: 'informational',
    }),
  ];
}

async function main() {
  const machine = describeMachine();
  const date = new Date().toISOString();
  log(`services bench on ${machine}, ${describeLoad()}, ${date}`);
  const embedded = await openDatabase();
  const results = await benchDatabase(embedded, 'PGlite in memory', machine, date).finally(() =>
    embedded.close(),
  );
  results.push(
    ...(await onScratchPostgres(POSTGRES_URL, 'zhizhi_bench_services', (database) =>
      benchDatabase(database, 'PostgreSQL', machine, date),
    )),
  );
  log(formatTable(results));
  writeResults(RESULTS_PATH, results);
  log(
    '\nwrote bench/results/services.json. Ratios compare figures from this run only; benchmarks never pass or fail.',
  );
}

await main();
