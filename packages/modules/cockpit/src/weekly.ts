import type { Kernel } from '@zhizhi/kernel';
import { type Actor, requirePermission, systemActor } from '@zhizhi/kernel/access';
import { recordAudit } from '@zhizhi/kernel/audit';
import { rows } from '@zhizhi/kernel/db';
import { NotFoundError } from '@zhizhi/kernel/errors';
import { newId } from '@zhizhi/kernel/ids';
import { sql } from 'drizzle-orm';
import { COCKPIT_PERMISSIONS as P } from './permissions';
import { type ReportData, type ReportLocale, reportLabels } from './reports/report-data';
import { buildWeeklyPdf } from './reports/weekly-pdf';
import { buildWeeklyXlsx } from './reports/weekly-xlsx';
import { beijingDay, periodOf } from './scope';
import type { ValueReader } from './values';
import type { Warnings } from './warnings';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DAY = 86_400_000;

/** Monday (Beijing date) of the week containing `day`. */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * DAY).toISOString().slice(0, 10);
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** The weekly report of every indicator with trends (PDF and XLSX), on a schedule and on demand. */
export function createWeeklyReports(
  kernel: Kernel,
  deps: {
    district: string;
    districtName: string;
    districtNameEn: string;
    reader: ValueReader;
    warnings: Warnings;
  },
) {
  const { district, reader } = deps;

  /** The week's figures, read once for both languages: every indicator, its trend and towns, warnings. */
  async function weekFigures(weekFrom: string, weekTo: string) {
    const end = new Date(Math.min(Date.parse(`${weekTo}T23:59:59.999+08:00`), kernel.clock.now().getTime()));
    const period = { ...periodOf('year', end), to: end };
    const towns = new Map(
      // Official Chinese names in both languages: divisions have no English names.
      (
        await rows<{ code: string; name: string }>(
          kernel.db,
          sql`select code, name from org_division where level = 'town' and valid_to is null order by sort, code`,
        )
      ).map((t) => [t.code, t.name]),
    );
    const since = addDays(weekTo, -27);
    const indicators = [];
    for (const def of await reader.indicators()) {
      const value = await reader.valueAt(def, { type: 'district', code: district }, period);
      const trend = await rows<{ date: string; value: number | null }>(
        kernel.db,
        sql`select day::text as date, value from cockpit_snapshot where code = ${def.code} and scope = 'district'
          and day >= ${since}::date and day <= ${weekTo}::date order by day`,
      );
      const townValues = def.levels.includes('town') ? await reader.scopeValues(def, period, 'town') : [];
      indicators.push({
        def,
        value,
        trend,
        towns: townValues.map((t) => ({ name: towns.get(t.scope.code) ?? t.scope.code, value: t.value })),
      });
    }
    const warnings = [
      ...(await deps.warnings.list(systemActor, { status: 'open' })).items,
      ...(await deps.warnings.list(systemActor, { status: 'dispatched' })).items,
    ];
    return { weekFrom, weekTo, generatedAt: kernel.clock.now().toISOString(), indicators, warnings };
  }

  /** The week's figures in one language (names, definitions, owners, labels). */
  function reportData(figures: Awaited<ReturnType<typeof weekFigures>>, locale: ReportLocale): ReportData {
    const en = locale === 'en-US';
    const labels = reportLabels(locale);
    const districtName = en ? deps.districtNameEn : deps.districtName;
    return {
      title: labels.title(districtName),
      districtName,
      weekFrom: figures.weekFrom,
      weekTo: figures.weekTo,
      generatedAt: figures.generatedAt,
      locale,
      indicators: figures.indicators.map(({ def, value: v, trend, towns }) => ({
        code: def.code,
        name: en ? def.nameEn : def.nameZh,
        unit: def.unit,
        direction: def.direction,
        promise: def.promise,
        target: def.target,
        warningLine: def.warningLine,
        baseline: def.baseline,
        value: v.value,
        expected: v.expected,
        status: v.status,
        source: def.source,
        ownerName: def.ownerDepartment ? (en ? def.ownerDepartment.nameEn : def.ownerDepartment.name) : null,
        formulaText: en ? def.formulaTextEn : def.formulaText,
        trend,
        towns,
      })),
      warnings: figures.warnings.map((w) => ({
        name: en ? w.nameEn : w.nameZh,
        scopeName: en ? w.scopeNameEn : w.scopeName,
        kind: w.kind,
        value: w.value,
        threshold: w.threshold,
        raisedAt: w.raisedAt,
        followUp: w.taskId ? labels.dispatched : null,
      })),
    };
  }

  /** Stores the week's PDF and XLSX in one language. */
  async function render(actor: Actor, data: ReportData) {
    const stem = reportLabels(data.locale).fileStem(data.districtName, data.weekFrom);
    const pdf = await kernel.files.store(actor, {
      name: `${stem}.pdf`,
      content: buildWeeklyPdf(data),
      allowed: ['application/pdf'],
      maxBytes: 20 * 1024 * 1024,
    });
    const xlsx = await kernel.files.store(actor, {
      name: `${stem}.xlsx`,
      content: await buildWeeklyXlsx(data),
      allowed: [XLSX],
      maxBytes: 20 * 1024 * 1024,
    });
    return { pdf: pdf.id, xlsx: xlsx.id };
  }

  async function generate(actor: Actor, trigger: 'schedule' | 'manual', weekFrom: string) {
    const weekTo = addDays(weekFrom, 6);
    const figures = await weekFigures(weekFrom, weekTo);
    const zh = await render(actor, reportData(figures, 'zh-CN'));
    const en = await render(actor, reportData(figures, 'en-US'));
    const id = newId();
    const inserted = await kernel.transaction(async (tx) => {
      const done = await rows<{ id: string }>(
        tx,
        sql`insert into cockpit_report (id, week_from, week_to, trigger, pdf_file_id, xlsx_file_id, pdf_en_file_id, xlsx_en_file_id, generated_by, generated_at)
          values (${id}, ${weekFrom}::date, ${weekTo}::date, ${trigger}, ${zh.pdf}, ${zh.xlsx}, ${en.pdf}, ${en.xlsx}, ${actor.name}, ${kernel.clock.now().toISOString()}::timestamptz)
          on conflict do nothing returning id`,
      );
      if (done.length)
        await recordAudit(tx, kernel.clock, {
          actor,
          action: 'cockpit.report.generated',
          subjectType: 'cockpit_report',
          subjectId: id,
        });
      return done.length > 0;
    });
    return inserted ? id : null;
  }

  /** Makes last week's scheduled report once (Monday onwards). */
  async function ensureScheduled() {
    const lastMonday = addDays(mondayOf(beijingDay(kernel.clock.now())), -7);
    const [exists] = await rows<{ id: string }>(
      kernel.db,
      sql`select id from cockpit_report where trigger = 'schedule' and week_from = ${lastMonday}::date`,
    );
    if (exists) return null;
    return generate(systemActor, 'schedule', lastMonday);
  }

  /** This week so far, on demand. */
  async function generateNow(actor: Actor) {
    requirePermission(actor, P.view);
    const id = await generate(actor, 'manual', mondayOf(beijingDay(kernel.clock.now())));
    return { id };
  }

  async function list(actor: Actor) {
    requirePermission(actor, P.view);
    const list = await rows<Record<string, unknown>>(
      kernel.db,
      sql`select id, week_from::text as week_from, week_to::text as week_to, trigger, generated_by, generated_at,
          pdf_en_file_id is not null as english
        from cockpit_report order by generated_at desc limit 100`,
    );
    return {
      items: list.map((r) => ({
        id: r.id as string,
        weekFrom: r.week_from as string,
        weekTo: r.week_to as string,
        trigger: r.trigger as 'schedule' | 'manual',
        generatedBy: r.generated_by as string,
        generatedAt: new Date(r.generated_at as string).toISOString(),
        languages: (r.english ? ['zh-CN', 'en-US'] : ['zh-CN']) as ReportLocale[],
      })),
    };
  }

  async function file(actor: Actor, id: string, format: 'pdf' | 'xlsx', locale: ReportLocale = 'zh-CN') {
    requirePermission(actor, P.view);
    const [row] = await rows<{
      pdf_file_id: string;
      xlsx_file_id: string;
      pdf_en_file_id: string | null;
      xlsx_en_file_id: string | null;
    }>(
      kernel.db,
      sql`select pdf_file_id, xlsx_file_id, pdf_en_file_id, xlsx_en_file_id from cockpit_report where id = ${id}`,
    );
    if (!row) throw new NotFoundError('cockpit.report.not_found', 'No such report.');
    const fileId =
      locale === 'en-US'
        ? format === 'pdf'
          ? row.pdf_en_file_id
          : row.xlsx_en_file_id
        : format === 'pdf'
          ? row.pdf_file_id
          : row.xlsx_file_id;
    if (!fileId)
      throw new NotFoundError(
        'cockpit.report.locale_missing',
        'This report was made before reports were made in English; make a new one.',
      );
    return kernel.files.read(fileId);
  }

  return { generate, ensureScheduled, generateNow, list, file };
}

export type WeeklyReports = ReturnType<typeof createWeeklyReports>;
