import ExcelJS from 'exceljs';
import {
  formatBeijing,
  type ReportData,
  type ReportIndicator,
  type ReportLabels,
  reportLabels,
} from './report-data';

/** The weekly indicator report as a workbook: indicators, daily trend, town matrix and warnings. */

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };

/** Excel number format for a value of `unit`: percent values are stored as 92.5, shown as 92.5%. */
export function numberFormat(unit: string, value?: number | null): string {
  if (unit === 'percent') return '0.0"%"';
  if (typeof value === 'number' && !Number.isInteger(value)) return '#,##0.00';
  return '#,##0';
}

function styleHeader(sheet: ExcelJS.Worksheet, frozenColumns = 0): void {
  const header = sheet.getRow(1);
  header.font = HEADER_FONT;
  header.alignment = { vertical: 'middle' };
  header.height = 20;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  sheet.views = [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }];
}

/** Writes a number with the unit's format, or an empty cell for null. */
function setNumber(cell: ExcelJS.Cell, value: number | null, unit: string): void {
  if (value === null || !Number.isFinite(value)) {
    cell.value = null;
    return;
  }
  cell.value = value;
  cell.numFmt = numberFormat(unit, value);
}

function indicatorsSheet(wb: ExcelJS.Workbook, data: ReportData, labels: ReportLabels): void {
  const c = labels.columns;
  const sheet = wb.addWorksheet(labels.sheets.indicators);
  sheet.columns = [
    { header: c.name, key: 'name', width: 40 },
    { header: c.target, key: 'target', width: 12 },
    { header: c.warningLine, key: 'warningLine', width: 12 },
    { header: c.baseline, key: 'baseline', width: 12 },
    { header: c.value, key: 'value', width: 12 },
    { header: c.expected, key: 'expected', width: 12 },
    { header: c.status, key: 'status', width: 16 },
    { header: c.source, key: 'source', width: 12 },
    { header: c.owner, key: 'owner', width: 22 },
    { header: c.formula, key: 'formula', width: 60 },
    { header: c.code, key: 'code', width: 34 },
  ];
  for (const ind of data.indicators) {
    const row = sheet.addRow({
      name: ind.name,
      status: labels.status[ind.status] ?? ind.status,
      source: labels.source[ind.source] ?? ind.source,
      owner: ind.ownerName ?? '',
      formula: ind.formulaText,
      code: ind.code,
    });
    if (ind.target === null) row.getCell('target').value = labels.growTarget;
    else setNumber(row.getCell('target'), ind.target, ind.unit);
    setNumber(row.getCell('warningLine'), ind.warningLine, ind.unit);
    setNumber(row.getCell('baseline'), ind.baseline, ind.unit);
    setNumber(row.getCell('value'), ind.value, ind.unit);
    setNumber(row.getCell('expected'), ind.expected, ind.unit);
    row.getCell('formula').alignment = { wrapText: true, vertical: 'top' };
  }
  styleHeader(sheet, 1);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
}

function trendSheet(wb: ExcelJS.Workbook, data: ReportData, labels: ReportLabels): void {
  const sheet = wb.addWorksheet(labels.sheets.trend);
  sheet.columns = [
    { header: labels.columns.date, key: 'date', width: 12 },
    ...data.indicators.map((ind) => ({ header: ind.name, key: ind.code, width: 16 })),
  ];
  const dates = [...new Set(data.indicators.flatMap((i) => i.trend.map((p) => p.date)))].sort();
  const byCode = new Map(
    data.indicators.map((ind) => [ind.code, new Map(ind.trend.map((p) => [p.date, p.value]))] as const),
  );
  for (const date of dates) {
    const row = sheet.addRow({ date });
    data.indicators.forEach((ind, i) => {
      setNumber(row.getCell(i + 2), byCode.get(ind.code)?.get(date) ?? null, ind.unit);
    });
  }
  styleHeader(sheet, 1);
  sheet.getRow(1).alignment = { vertical: 'middle', wrapText: true };
  sheet.getRow(1).height = 48;
}

function townsSheet(wb: ExcelJS.Workbook, data: ReportData, labels: ReportLabels): void {
  const sheet = wb.addWorksheet(labels.sheets.towns);
  const withTowns: ReportIndicator[] = data.indicators.filter((i) => i.towns.length > 0);
  const towns = [...new Set(withTowns.flatMap((i) => i.towns.map((t) => t.name)))];
  sheet.columns = [
    { header: labels.columns.name, key: 'name', width: 40 },
    ...towns.map((name, i) => ({ header: name, key: `t${i}`, width: 12 })),
  ];
  for (const ind of withTowns) {
    const row = sheet.addRow({ name: ind.name });
    const values = new Map(ind.towns.map((t) => [t.name, t.value]));
    towns.forEach((name, i) => {
      setNumber(row.getCell(i + 2), values.get(name) ?? null, ind.unit);
    });
  }
  if (withTowns.length === 0) sheet.addRow({ name: labels.noTowns });
  styleHeader(sheet, 1);
}

function warningsSheet(wb: ExcelJS.Workbook, data: ReportData, labels: ReportLabels): void {
  const c = labels.columns;
  const sheet = wb.addWorksheet(labels.sheets.warnings);
  sheet.columns = [
    { header: c.name, key: 'name', width: 40 },
    { header: c.scope, key: 'scope', width: 18 },
    { header: c.kind, key: 'kind', width: 16 },
    { header: c.value, key: 'value', width: 12 },
    { header: c.threshold, key: 'threshold', width: 12 },
    { header: c.raisedAt, key: 'raisedAt', width: 18 },
    { header: c.task, key: 'task', width: 20 },
  ];
  const unitOf = new Map(data.indicators.map((i) => [i.name, i.unit]));
  for (const w of data.warnings) {
    const row = sheet.addRow({
      name: w.name,
      scope: w.scopeName,
      kind: labels.warningKind[w.kind] ?? w.kind,
      raisedAt: formatBeijing(w.raisedAt),
      task: w.followUp ?? '',
    });
    const unit = unitOf.get(w.name) ?? '';
    setNumber(row.getCell('value'), w.value, unit);
    setNumber(row.getCell('threshold'), w.threshold, unit);
  }
  if (data.warnings.length === 0) sheet.addRow({ name: labels.noWarnings });
  styleHeader(sheet);
}

export async function buildWeeklyXlsx(data: ReportData): Promise<Buffer> {
  const labels = reportLabels(data.locale);
  const wb = new ExcelJS.Workbook();
  const generated = new Date(data.generatedAt);
  const at = Number.isNaN(generated.getTime()) ? new Date() : generated;
  wb.creator = 'Zhizhi';
  wb.lastModifiedBy = 'Zhizhi';
  wb.title = labels.titled(data.title, labels.weekRange(data.weekFrom, data.weekTo));
  wb.subject = data.districtName;
  wb.created = at;
  wb.modified = at;
  indicatorsSheet(wb, data, labels);
  trendSheet(wb, data, labels);
  townsSheet(wb, data, labels);
  warningsSheet(wb, data, labels);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
