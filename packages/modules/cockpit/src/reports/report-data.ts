/**
 * Input of the weekly indicator report builders (PDF and XLSX), as fixed by the cockpit contract
 * ("Weekly report data"). The lead's module core assembles it; the builders only format it.
 */
export type ReportLocale = 'zh-CN' | 'en-US';

export type ReportData = {
  /** e.g. 奉化区数字政府建设指标周报 */
  title: string;
  /** e.g. 宁波市奉化区 */
  districtName: string;
  /** 'YYYY-MM-DD' (Beijing dates, Monday..Sunday) */
  weekFrom: string;
  weekTo: string;
  /** ISO time */
  generatedAt: string;
  /** The language of every text below and of the labels the builders add. */
  locale: ReportLocale;
  indicators: {
    code: string;
    name: string;
    unit: string;
    direction: string;
    promise: string;
    target: number | null;
    warningLine: number | null;
    baseline: number | null;
    value: number | null;
    expected: number | null;
    status: string;
    source: string;
    ownerName: string | null;
    formulaText: string;
    /** daily, oldest first, up to 28 points */
    trend: { date: string; value: number | null }[];
    /** may be empty */
    towns: { name: string; value: number | null }[];
  }[];
  warnings: {
    name: string;
    scopeName: string;
    kind: string;
    value: number | null;
    threshold: number | null;
    raisedAt: string;
    /** 已督办 / Dispatched when the warning went out as a task, else null. */
    followUp: string | null;
  }[];
};

export type WeeklyReportData = ReportData;
export type ReportIndicator = ReportData['indicators'][number];
export type ReportWarning = ReportData['warnings'][number];

/** Report wording in both languages; each report is made in both (see weekly.ts). */
export const REPORT_LABELS = {
  'zh-CN': {
    columns: {
      name: '指标',
      target: '目标',
      warningLine: '预警线',
      value: '当前值',
      expected: '轨迹值',
      status: '状态',
      source: '来源',
      owner: '责任部门',
      trend: '近期趋势',
      baseline: '基线',
      formula: '计算口径',
      code: '编码',
      date: '日期',
      town: '乡镇',
      scope: '范围',
      kind: '类型',
      threshold: '阈值',
      raisedAt: '发出时间',
      task: '督办',
    },
    status: {
      on_track: '达标进度正常',
      behind: '落后于轨迹',
      below_warning: '低于预警线',
      no_data: '暂无数据',
    } as Record<string, string>,
    source: { measured: '平台计算', reported: '部门填报' } as Record<string, string>,
    warningKind: { warning_line: '触及预警线', trajectory: '偏离目标轨迹' } as Record<string, string>,
    growTarget: '持续增长',
    district: '区域',
    week: '统计周期',
    weekRange: (from: string, to: string) => `${from} 至 ${to}`,
    generated: '生成时间',
    summary: (total: number, counts: Record<string, number>) =>
      `共 ${total} 项指标：达标进度正常 ${counts.on_track ?? 0} 项，落后于轨迹 ${counts.behind ?? 0} 项，` +
      `低于预警线 ${counts.below_warning ?? 0} 项，暂无数据 ${counts.no_data ?? 0} 项`,
    townsSection: '乡镇分布',
    noTowns: '本周无乡镇分项数据',
    warningsSection: '预警与督办',
    noWarnings: '本周无预警',
    pageOf: (n: number, m: number) => `第 ${n} 页 / 共 ${m} 页`,
    sheets: { indicators: '指标', trend: '趋势', towns: '乡镇', warnings: '预警' },
    /** "label：value" with the full-width colon. */
    colon: '：',
    /** The document title with its week in brackets. */
    titled: (title: string, range: string) => `${title}（${range}）`,
    dispatched: '已督办',
    title: (district: string) => `${district}数字政府建设指标周报`,
    fileStem: (district: string, weekFrom: string) => `${district}指标周报-${weekFrom}`,
  },
  'en-US': {
    columns: {
      name: 'Indicator',
      target: 'Target',
      warningLine: 'Warning line',
      value: 'Current',
      expected: 'Trajectory',
      status: 'Status',
      source: 'Source',
      owner: 'Owner department',
      trend: 'Recent trend',
      baseline: 'Baseline',
      formula: 'Definition',
      code: 'Code',
      date: 'Date',
      town: 'Town',
      scope: 'Scope',
      kind: 'Kind',
      threshold: 'Threshold',
      raisedAt: 'Raised at',
      task: 'Follow-up',
    },
    status: {
      on_track: 'On track',
      behind: 'Behind',
      below_warning: 'Below warning',
      no_data: 'No data',
    } as Record<string, string>,
    // Short words: the PDF's columns are sized for Chinese.
    source: { measured: 'Computed', reported: 'Reported' } as Record<string, string>,
    warningKind: { warning_line: 'Warning line', trajectory: 'Off track' } as Record<string, string>,
    growTarget: 'Keep growing',
    district: 'District',
    week: 'Week',
    weekRange: (from: string, to: string) => `${from} to ${to}`,
    generated: 'Generated',
    summary: (total: number, counts: Record<string, number>) =>
      `${total} indicators: ${counts.on_track ?? 0} on track, ${counts.behind ?? 0} behind trajectory, ` +
      `${counts.below_warning ?? 0} below warning line, ${counts.no_data ?? 0} without data`,
    townsSection: 'By town',
    noTowns: 'No town breakdown this week',
    warningsSection: 'Warnings and follow-up',
    noWarnings: 'No warnings this week',
    pageOf: (n: number, m: number) => `Page ${n} of ${m}`,
    sheets: { indicators: 'Indicators', trend: 'Trend', towns: 'Towns', warnings: 'Warnings' },
    colon: ': ',
    titled: (title: string, range: string) => `${title} (${range})`,
    dispatched: 'Dispatched',
    title: (district: string) => `${district}: digital government indicators, weekly report`,
    fileStem: (district: string, weekFrom: string) => `${district} weekly indicators ${weekFrom}`,
  },
};

export type ReportLabels = (typeof REPORT_LABELS)['zh-CN'];

export function reportLabels(locale: ReportLocale): ReportLabels {
  return locale === 'en-US' ? REPORT_LABELS['en-US'] : REPORT_LABELS['zh-CN'];
}

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Percent with one decimal and '%', other units with thousands separators; null → '—'. */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (unit === 'percent') return `${value.toFixed(1)}%`;
  return GROUPED.format(value);
}

/** 'YYYY-MM-DD HH:mm' in Beijing time (UTC+8, no daylight saving) of an ISO time. */
export function formatBeijing(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const b = new Date(t.getTime() + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${b.getUTCFullYear()}-${p(b.getUTCMonth() + 1)}-${p(b.getUTCDate())} ${p(b.getUTCHours())}:${p(
    b.getUTCMinutes(),
  )}`;
}

/** How many indicators have each status (on_track, behind, below_warning, no_data). */
export function statusCounts(data: ReportData): Record<string, number> {
  const counts: Record<string, number> = { on_track: 0, behind: 0, below_warning: 0, no_data: 0 };
  for (const i of data.indicators) counts[i.status] = (counts[i.status] ?? 0) + 1;
  return counts;
}
