import { A4_LANDSCAPE, createPdf, type PdfDocument } from './pdf-writer';
import {
  formatBeijing,
  formatValue,
  type ReportData,
  type ReportIndicator,
  type ReportLabels,
  reportLabels,
  statusCounts,
} from './report-data';

/** The weekly indicator report as an A4 landscape PDF (zh-CN, no embedded font). */

const MARGIN = 36;
const TOP = 40;
const BOTTOM = A4_LANDSCAPE.height - 44;
const ROW_H = 20;
const BODY = 8.5;
const HEAD = 9;

const INK = '#1f2933';
const MUTED = '#616e7c';
const RULE = '#cbd2d9';
const HEADER_BG = '#1f4e79';
const ZEBRA = '#f3f6f9';

const STATUS_COLORS: Record<string, string> = {
  on_track: '#2e7d32',
  behind: '#b26a00',
  below_warning: '#c62828',
  no_data: '#7b8794',
};

type Column = { key: string; title: string; width: number; align: 'left' | 'right' | 'center' };

type Layout = { pdf: PdfDocument; y: number; labels: ReportLabels; data: ReportData };

function indicatorColumns(labels: ReportLabels): Column[] {
  const c = labels.columns;
  return [
    { key: 'name', title: c.name, width: 196, align: 'left' },
    { key: 'target', title: c.target, width: 58, align: 'right' },
    { key: 'warningLine', title: c.warningLine, width: 58, align: 'right' },
    { key: 'value', title: c.value, width: 64, align: 'right' },
    { key: 'expected', title: c.expected, width: 58, align: 'right' },
    { key: 'status', title: c.status, width: 84, align: 'left' },
    { key: 'source', title: c.source, width: 56, align: 'left' },
    { key: 'owner', title: c.owner, width: 106, align: 'left' },
    { key: 'trend', title: c.trend, width: 90, align: 'center' },
  ];
}

function warningColumns(labels: ReportLabels): Column[] {
  const c = labels.columns;
  return [
    { key: 'name', title: c.name, width: 220, align: 'left' },
    { key: 'scope', title: c.scope, width: 110, align: 'left' },
    { key: 'kind', title: c.kind, width: 90, align: 'left' },
    { key: 'value', title: c.value, width: 70, align: 'right' },
    { key: 'threshold', title: c.threshold, width: 70, align: 'right' },
    { key: 'raisedAt', title: c.raisedAt, width: 100, align: 'left' },
    { key: 'task', title: c.task, width: 110, align: 'left' },
  ];
}

/** Starts a continuation page with a small running head. */
function newPage(l: Layout): void {
  l.pdf.page();
  l.pdf.text(MARGIN, 18, l.data.title, { size: 8, color: MUTED });
  l.pdf.text(A4_LANDSCAPE.width - MARGIN, 18, l.labels.weekRange(l.data.weekFrom, l.data.weekTo), {
    size: 8,
    color: MUTED,
    align: 'right',
  });
  l.pdf.line(MARGIN, 31, A4_LANDSCAPE.width - MARGIN, 31, { color: RULE, width: 0.5 });
  l.y = TOP;
}

/** Makes room for `h` points, breaking the page when needed; returns true after a break. */
function ensure(l: Layout, h: number): boolean {
  if (l.y + h <= BOTTOM) return false;
  newPage(l);
  return true;
}

function cellX(columns: Column[], index: number): number {
  let x = MARGIN;
  for (let i = 0; i < index; i++) x += columns[i].width;
  return x;
}

/** Anchor x of a cell's text; right-aligned numbers keep a wider gap to the next column. */
function anchorX(col: Column, x: number): number {
  if (col.align === 'right') return x + col.width - 12;
  return col.align === 'center' ? x + col.width / 2 : x + 6;
}

function cellText(
  pdf: PdfDocument,
  col: Column,
  x: number,
  y: number,
  text: string,
  size: number,
  color: string,
) {
  const fitted = pdf.fit(text, size, col.width - 18);
  pdf.text(anchorX(col, x), y + (ROW_H - size) / 2, fitted, { size, color, align: col.align });
}

function headerRow(l: Layout, columns: Column[]): void {
  const total = columns.reduce((s, c) => s + c.width, 0);
  l.pdf.rect(MARGIN, l.y, total, ROW_H, { fill: HEADER_BG });
  columns.forEach((col, i) => {
    l.pdf.text(anchorX(col, cellX(columns, i)), l.y + (ROW_H - HEAD) / 2, col.title, {
      size: HEAD,
      color: '#ffffff',
      bold: true,
      align: col.align,
    });
  });
  l.y += ROW_H;
}

function bodyRow(
  l: Layout,
  columns: Column[],
  cells: Record<string, string>,
  index: number,
  tint: Record<string, string> = {},
) {
  const total = columns.reduce((s, c) => s + c.width, 0);
  if (index % 2 === 1) l.pdf.rect(MARGIN, l.y, total, ROW_H, { fill: ZEBRA });
  l.pdf.line(MARGIN, l.y + ROW_H, MARGIN + total, l.y + ROW_H, { color: RULE, width: 0.5 });
  columns.forEach((col, i) => {
    const text = cells[col.key];
    if (text === undefined) return;
    cellText(l.pdf, col, cellX(columns, i), l.y, text, BODY, tint[col.key] ?? INK);
  });
}

/** Draws the trend as a polyline in the box; gaps (null values) split the line. */
function sparkline(pdf: PdfDocument, ind: ReportIndicator, x: number, y: number, w: number, h: number) {
  const values = ind.trend.map((p) => p.value);
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) {
    pdf.text(x + w / 2, y + (h - BODY) / 2, '—', { size: BODY, color: MUTED, align: 'center' });
    return;
  }
  const min = Math.min(...known);
  const max = Math.max(...known);
  const n = values.length;
  const px = (i: number) => (n === 1 ? x + w / 2 : x + (i * w) / (n - 1));
  const py = (v: number) => (max === min ? y + h / 2 : y + h - ((v - min) / (max - min)) * h);
  const color = STATUS_COLORS[ind.status] ?? '#1f4e79';
  let segment: [number, number][] = [];
  const flush = () => {
    if (segment.length > 1) pdf.polyline(segment, { color, width: 1 });
    segment = [];
  };
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) flush();
    else segment.push([px(i), py(v)]);
  });
  flush();
  const lastIndex = values.map((v) => v !== null).lastIndexOf(true);
  pdf.circle(px(lastIndex), py(values[lastIndex]!), 1.6, { fill: color });
}

function targetText(ind: ReportIndicator, labels: ReportLabels): string {
  return ind.target === null ? labels.growTarget : formatValue(ind.target, ind.unit);
}

function titleBlock(l: Layout): void {
  const { pdf, data, labels } = l;
  pdf.page();
  pdf.text(MARGIN, 30, data.title, { size: 18, bold: true, color: INK });
  const meta = [
    `${labels.district}${labels.colon}${data.districtName}`,
    `${labels.week}${labels.colon}${labels.weekRange(data.weekFrom, data.weekTo)}`,
    `${labels.generated}${labels.colon}${formatBeijing(data.generatedAt)}`,
  ].join('    ');
  pdf.text(MARGIN, 58, meta, { size: 9.5, color: MUTED });
  pdf.line(MARGIN, 74, A4_LANDSCAPE.width - MARGIN, 74, { color: HEADER_BG, width: 1.2 });
  const counts = statusCounts(data);
  pdf.text(MARGIN, 84, labels.summary(data.indicators.length, counts), { size: 10, color: INK });
  // A legend of the status colours, right-aligned on the summary line.
  let x = A4_LANDSCAPE.width - MARGIN;
  for (const key of ['no_data', 'below_warning', 'behind', 'on_track']) {
    const label = labels.status[key];
    x -= pdf.measure(label, 8.5);
    pdf.text(x, 85, label, { size: 8.5, color: MUTED });
    pdf.circle(x - 6, 89.5, 3, { fill: STATUS_COLORS[key] });
    x -= 18;
  }
  l.y = 104;
}

function indicatorTable(l: Layout): void {
  const { pdf, data, labels } = l;
  const columns = indicatorColumns(labels);
  headerRow(l, columns);
  const trendIndex = columns.findIndex((c) => c.key === 'trend');
  data.indicators.forEach((ind, index) => {
    if (ensure(l, ROW_H)) headerRow(l, columns);
    const statusLabel = labels.status[ind.status] ?? ind.status;
    bodyRow(
      l,
      columns,
      {
        name: ind.name,
        target: targetText(ind, labels),
        warningLine: formatValue(ind.warningLine, ind.unit),
        value: formatValue(ind.value, ind.unit),
        expected: formatValue(ind.expected, ind.unit),
        status: `● ${statusLabel}`,
        source: labels.source[ind.source] ?? ind.source,
        owner: ind.ownerName ?? '—',
      },
      index,
      { status: STATUS_COLORS[ind.status] ?? INK, value: STATUS_COLORS[ind.status] ?? INK },
    );
    sparkline(pdf, ind, cellX(columns, trendIndex) + 8, l.y + 4, columns[trendIndex].width - 16, ROW_H - 8);
    l.y += ROW_H;
  });
}

function sectionHeading(l: Layout, title: string): void {
  ensure(l, 26 + ROW_H * 2);
  l.y += 14;
  l.pdf.rect(MARGIN, l.y + 1, 3, 13, { fill: HEADER_BG });
  l.pdf.text(MARGIN + 9, l.y, title, { size: 12, bold: true, color: INK });
  l.y += 22;
}

function townsSection(l: Layout): void {
  const { pdf, data, labels } = l;
  sectionHeading(l, labels.townsSection);
  const withTowns = data.indicators.filter((i) => i.towns.length > 0);
  if (withTowns.length === 0) {
    pdf.text(MARGIN, l.y, labels.noTowns, { size: 9.5, color: MUTED });
    l.y += ROW_H;
    return;
  }
  const contentWidth = A4_LANDSCAPE.width - 2 * MARGIN;
  const cellW = 128;
  const perLine = Math.floor(contentWidth / cellW);
  const lineH = 15;
  for (const ind of withTowns) {
    ensure(l, 18 + lineH);
    pdf.text(MARGIN, l.y, ind.name, { size: 9.5, bold: true, color: INK });
    l.y += 16;
    ind.towns.forEach((town, i) => {
      const col = i % perLine;
      if (col === 0 && i > 0) l.y += lineH;
      if (col === 0) ensure(l, lineH);
      const x = MARGIN + col * cellW;
      const value = formatValue(town.value, ind.unit);
      const colon = labels.colon;
      const name = pdf.fit(town.name, BODY, cellW - pdf.measure(`${colon}${value}`, BODY) - 10);
      pdf.text(x, l.y, `${name}${colon}`, { size: BODY, color: MUTED });
      pdf.text(x + pdf.measure(`${name}${colon}`, BODY), l.y, value, { size: BODY, color: INK });
    });
    l.y += lineH + 6;
    pdf.line(MARGIN, l.y - 4, MARGIN + contentWidth, l.y - 4, { color: RULE, width: 0.4, dash: [2, 2] });
  }
}

function warningsSection(l: Layout): void {
  const { data, labels } = l;
  sectionHeading(l, labels.warningsSection);
  if (data.warnings.length === 0) {
    l.pdf.text(MARGIN, l.y, labels.noWarnings, { size: 9.5, color: MUTED });
    l.y += ROW_H;
    return;
  }
  const unitOf = new Map(data.indicators.map((i) => [i.name, i.unit]));
  const columns = warningColumns(labels);
  headerRow(l, columns);
  data.warnings.forEach((w, index) => {
    if (ensure(l, ROW_H)) headerRow(l, columns);
    const unit = unitOf.get(w.name) ?? '';
    bodyRow(
      l,
      columns,
      {
        name: w.name,
        scope: w.scopeName,
        kind: labels.warningKind[w.kind] ?? w.kind,
        value: formatValue(w.value, unit),
        threshold: formatValue(w.threshold, unit),
        raisedAt: formatBeijing(w.raisedAt),
        task: w.followUp ?? '—',
      },
      index,
      { kind: w.kind === 'warning_line' ? STATUS_COLORS.below_warning : STATUS_COLORS.behind },
    );
    l.y += ROW_H;
  });
}

function footers(l: Layout): void {
  const { pdf, labels, data } = l;
  const total = pdf.pageCount();
  for (let i = 0; i < total; i++) {
    pdf.usePage(i);
    const y = A4_LANDSCAPE.height - 28;
    pdf.line(MARGIN, y - 6, A4_LANDSCAPE.width - MARGIN, y - 6, { color: RULE, width: 0.5 });
    pdf.text(MARGIN, y, data.districtName, { size: 8, color: MUTED });
    pdf.text(A4_LANDSCAPE.width - MARGIN, y, data.title, { size: 8, color: MUTED, align: 'right' });
    pdf.text(A4_LANDSCAPE.width / 2, y, labels.pageOf(i + 1, total), {
      size: 8,
      color: MUTED,
      align: 'center',
    });
  }
}

export function buildWeeklyPdf(data: ReportData): Buffer {
  const labels = reportLabels(data.locale);
  const generated = new Date(data.generatedAt);
  const pdf = createPdf({
    ...A4_LANDSCAPE,
    title: labels.titled(data.title, labels.weekRange(data.weekFrom, data.weekTo)),
    creationDate: Number.isNaN(generated.getTime()) ? undefined : generated,
  });
  const layout: Layout = { pdf, y: TOP, labels, data };
  titleBlock(layout);
  indicatorTable(layout);
  townsSection(layout);
  warningsSection(layout);
  footers(layout);
  return pdf.finish();
}
