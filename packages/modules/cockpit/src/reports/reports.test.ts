import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createPdf, fitText, measureText, ucs2Hex } from './pdf-writer';
import { formatBeijing, formatValue, type ReportData, type ReportIndicator } from './report-data';
import { buildWeeklyPdf } from './weekly-pdf';
import { buildWeeklyXlsx } from './weekly-xlsx';

const TOWNS = ['锦屏街道', '岳林街道', '江口街道', '西坞街道', '萧王庙街道', '溪口镇', '莼湖街道', '尚田镇'];

type Base = [code: string, nameZh: string, unit: string, target: number | null, warning: number | null];

const BASE: Base[] = [
  ['services.one_network_rate', '依申请政务服务办件“一网通办”率', 'percent', 90, 80],
  ['governance.cross_closed_rate', '跨部门事件处置完成率', 'percent', 95, 85],
  ['overview.base_stations_5g', '5G基站数', 'count', 3000, null],
  ['services.mobile_availability', '政务服务事项掌上可办率', 'percent', 85, 75],
  ['services.zero_trip_rate', '群众办事“最多跑一次”实现率', 'percent', 100, 95],
  ['governance.event_closed_rate', '基层治理事件按期办结率', 'percent', 95, 90],
  ['governance.hotline_satisfaction', '12345热线满意率', 'percent', 95, 90],
  ['codes.health_code_services', '“浙里办”码上服务场景数', 'count', null, null],
  ['data.catalogs', '公共数据目录编制数', 'count', 1200, 900],
  ['data.open_datasets', '公共数据开放数据集数', 'count', 300, 200],
  ['overview.iot_sensors', '物联感知设备接入数', 'count', 20000, 15000],
  ['services.good_bad_rating', '政务服务“好差评”好评率', 'percent', 99, 97],
];

const STATUSES = ['on_track', 'behind', 'below_warning', 'no_data'];
const OWNERS = ['区大数据发展管理局', '区政务服务办', '区社会治理中心', '区经信局', null];

function indicator(i: number): ReportIndicator {
  const [code, nameZh, unit, target, warningLine] = BASE[i % BASE.length];
  const batch = Math.floor(i / BASE.length);
  const status = STATUSES[i % STATUSES.length];
  const goal = target ?? 500;
  // Values that fit the status: above target, between warning line and target, below the warning line.
  const end = { on_track: 1.01, behind: 0.95, below_warning: 0.8, no_data: 1 }[status]!;
  const level = (d: number) => {
    const v = goal * (end - (27 - d) * 0.004 + (((i + d) % 5) - 2) * 0.003);
    return unit === 'percent' ? Math.min(100, Math.round(v * 100) / 100) : Math.round(v);
  };
  const trend = Array.from({ length: 28 }, (_, d) => ({
    date: `2026-11-${String(2 + d).padStart(2, '0')}`,
    value: status === 'no_data' ? null : d === 10 && i % 3 === 0 ? null : level(d),
  }));
  return {
    code: batch === 0 ? code : `${code}.${batch}`,
    name: batch === 0 ? nameZh : `${nameZh}（试点${batch}）`,
    unit,
    direction: 'higher_better',
    promise: code.split('.')[0],
    target,
    warningLine,
    baseline: unit === 'percent' ? 60.5 : Math.round(goal * 0.4),
    value: status === 'no_data' ? null : level(27),
    expected: unit === 'percent' ? Math.min(100, goal * 0.97) : Math.round(goal * 0.97),
    status,
    source: i % 2 === 0 ? 'measured' : 'reported',
    ownerName: OWNERS[i % OWNERS.length],
    formulaText: `${nameZh}＝满足条件的数量 ÷ 总数量 × 100%`,
    trend,
    towns: i < 4 ? TOWNS.map((name, t) => ({ name, value: t === 3 ? null : level(t) })) : [],
  };
}

function sampleData(rows: number): ReportData {
  return {
    title: '奉化区数字政府建设指标周报',
    districtName: '宁波市奉化区',
    weekFrom: '2026-11-23',
    weekTo: '2026-11-29',
    generatedAt: '2026-11-30T07:00:00.000Z',
    locale: 'zh-CN',
    indicators: Array.from({ length: rows }, (_, i) => indicator(i)),
    warnings: [
      {
        name: '跨部门事件处置完成率',
        scopeName: '溪口镇',
        kind: 'warning_line',
        value: 81.26,
        threshold: 85,
        raisedAt: '2026-11-27T01:30:00.000Z',
        followUp: 'DB-2026-0112',
      },
      {
        name: '5G基站数',
        scopeName: '宁波市奉化区',
        kind: 'trajectory',
        value: 2412,
        threshold: 2910,
        raisedAt: '2026-11-28T09:05:00.000Z',
        followUp: null,
      },
    ],
  };
}

const PDFTOTEXT = '/usr/bin/pdftotext';

/** The text of a PDF as poppler's pdftotext lays it out. */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'weekly-pdf-'));
  try {
    const file = join(dir, 'weekly.pdf');
    writeFileSync(file, pdf);
    return execFileSync(PDFTOTEXT, ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** UCS-2 big-endian hex, computed independently of the writer. */
function beHex(str: string): string {
  return Buffer.from(str, 'utf16le').swap16().toString('hex').toUpperCase();
}

/** Checks the xref table: every in-use entry must point exactly at "<n> 0 obj". */
function checkXref(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  const start = Number(/startxref\n(\d+)\n%%EOF\s*$/.exec(text)?.[1]);
  expect(text.slice(start, start + 5)).toBe('xref\n');
  const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(start))!.map(Number);
  expect(first).toBe(0);
  const body = text
    .slice(start)
    .split('\n')
    .slice(2, 2 + count);
  expect(body[0]).toBe('0000000000 65535 f ');
  for (let n = 1; n < count; n++) {
    expect(body[n]).toMatch(/^\d{10} 00000 n $/);
    const offset = Number(body[n].slice(0, 10));
    expect(text.slice(offset, offset + `${n} 0 obj`.length + 1)).toBe(`${n} 0 obj\n`);
  }
  expect(text).toContain(`/Size ${count}`);
  return count;
}

describe('pdf writer', () => {
  it('encodes UCS-2 hex, replaces characters outside the BMP and measures half/full width', () => {
    expect(ucs2Hex('5G基站')).toBe('0035004757FA7AD9');
    expect(ucs2Hex('a𠮷b')).toBe('0061003F0062');
    expect(measureText('5G基站', 10)).toBe(30);
    expect(fitText('跨部门事件处置完成率', 10, 45)).toBe('跨部门…');
  });

  it('writes a minimal document with exact offsets and the CJK font dictionaries', () => {
    const doc = createPdf({ width: 200, height: 100, title: '测试' });
    doc.page();
    doc.text(10, 10, '中文 ABC', { size: 12, color: '#ff0000', bold: true });
    doc.rect(5, 5, 50, 20, { fill: '#00ff00', stroke: '#000000' });
    doc.polyline([
      [0, 0],
      [10, 20],
      [30, 5],
    ]);
    const pdf = doc.finish();
    const text = pdf.toString('latin1');
    expect(checkXref(pdf)).toBe(9);
    expect(text).toContain('/BaseFont /STSong-Light /Encoding /UniGB-UCS2-H');
    expect(text).toContain('/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >>');
    expect(text).toContain(`/Title <FEFF${beHex('测试')}>`);
    expect(text).toContain(`/Producer <FEFF${beHex('Zhizhi')}>`);
    // Top-left origin: baseline of 12 pt text at y=10 sits at 100 - (10 + 0.88 * 12) = 79.44.
    expect(text).toContain(`1 0 0 1 10 79.44 Tm <${beHex('中文 ABC')}> Tj`);
    expect(text).toContain('1 0 0 rg');
    expect(text).toContain('5 75 50 20 re B');
    expect(text).toContain('0 100 m 10 80 l 30 95 l S');
  });
});

describe('value formatting', () => {
  it('formats percent, counts, null and Beijing time', () => {
    expect(formatValue(92.456, 'percent')).toBe('92.5%');
    expect(formatValue(12345, 'count')).toBe('12,345');
    expect(formatValue(null, 'percent')).toBe('—');
    expect(formatBeijing('2026-11-30T07:00:00.000Z')).toBe('2026-11-30 15:00');
    expect(formatBeijing('2026-11-30T16:30:00.000Z')).toBe('2026-12-01 00:30');
  });
});

describe('weekly PDF', () => {
  const data = sampleData(40);
  const pdf = buildWeeklyPdf(data);
  const text = pdf.toString('latin1');
  const pageTotal = Number(/\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(text)?.[1]);

  it('is a well-formed PDF 1.4 with at least two pages', () => {
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const objects = checkXref(pdf);
    const pages = Number(/\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(objects).toBe(7 + 2 * pages);
    expect(text.match(/\/Type \/Page /g)?.length).toBe(pages);
  });

  it('writes the Chinese strings as UCS-2 hex in the content streams', () => {
    expect(text).toContain(`<${beHex('跨部门事件处置完成率')}>`);
    expect(text).toContain(`<${beHex('依申请政务服务办件“一网通办”率')}>`);
    expect(pageTotal).toBeGreaterThanOrEqual(2);
    expect(text).toContain(`<${beHex(`第 1 页 / 共 ${pageTotal} 页`)}>`);
    expect(text).toContain(`<${beHex(`第 ${pageTotal} 页 / 共 ${pageTotal} 页`)}>`);
    expect(text).toContain(`<${beHex('DB-2026-0112')}>`);
    expect(text).not.toContain(`<${beHex('本周无预警')}>`);
    expect(text).toContain(beHex('生成时间：2026-11-30 15:00'));
  });

  it('says 本周无预警 when there are no warnings', () => {
    const quiet = buildWeeklyPdf({ ...sampleData(3), warnings: [] }).toString('latin1');
    expect(quiet).toContain(`<${beHex('本周无预警')}>`);
    expect(quiet).toContain('/Count 1 ');
  });

  it.skipIf(!existsSync(PDFTOTEXT))('extracts the Chinese text with pdftotext', () => {
    if (process.env.WEEKLY_REPORT_SAMPLE) writeFileSync(process.env.WEEKLY_REPORT_SAMPLE, pdf);
    const out = pdfText(pdf);
    expect(out).toContain('跨部门事件处置完成率');
    expect(out).toContain('奉化区数字政府建设指标周报');
    expect(out).toContain(
      '共 40 项指标：达标进度正常 10 项，落后于轨迹 10 项，低于预警线 10 项，暂无数据 10 项',
    );
    expect(out).toContain('乡镇分布');
    expect(out).toContain('预警与督办');
    expect(out).toContain(`第 2 页 / 共 ${pageTotal} 页`);
  });
});

describe('weekly XLSX', () => {
  it('reads back with the four sheets, headers, values and number formats', async () => {
    const data = sampleData(40);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildWeeklyXlsx(data)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['指标', '趋势', '乡镇', '预警']);
    expect(wb.creator).toBe('Zhizhi');
    expect(wb.title).toContain('奉化区数字政府建设指标周报');

    const sheet = wb.getWorksheet('指标')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 11)).toEqual([
      '指标',
      '目标',
      '预警线',
      '基线',
      '当前值',
      '轨迹值',
      '状态',
      '来源',
      '责任部门',
      '计算口径',
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.rowCount).toBe(41);
    const row = sheet.getRow(3); // indicator 1: 跨部门事件处置完成率, status behind
    expect(row.getCell(1).value).toBe('跨部门事件处置完成率');
    expect(row.getCell(2).value).toBe(95);
    expect(row.getCell(2).numFmt).toBe('0.0"%"');
    expect(row.getCell(5).value).toBeCloseTo(data.indicators[1].value!, 6);
    expect(row.getCell(7).value).toBe('落后于轨迹');
    expect(row.getCell(8).value).toBe('部门填报');
    expect(sheet.getRow(4).getCell(2).numFmt).toBe('#,##0');
    expect(sheet.getRow(9).getCell(2).value).toBe('持续增长');

    const trend = wb.getWorksheet('趋势')!;
    expect(trend.rowCount).toBe(29);
    expect(trend.getRow(2).getCell(1).value).toBe('2026-11-02');
    expect(trend.getRow(1).getCell(3).value).toBe('跨部门事件处置完成率');

    const towns = wb.getWorksheet('乡镇')!;
    expect(towns.getRow(1).getCell(2).value).toBe('锦屏街道');
    expect(towns.rowCount).toBe(5);
    expect(towns.getRow(3).getCell(5).value).toBeNull();

    const warnings = wb.getWorksheet('预警')!;
    expect(warnings.getRow(2).getCell(3).value).toBe('触及预警线');
    expect(warnings.getRow(2).getCell(6).value).toBe('2026-11-27 09:30');
  });
});

/** The sample in English, as weekly.ts assembles it for en-US (names from the English columns). */
function englishData(rows: number): ReportData {
  const zh = sampleData(rows);
  return {
    ...zh,
    title: 'Fenghua District, Ningbo: digital government indicators, weekly report',
    districtName: 'Fenghua District, Ningbo',
    locale: 'en-US',
    indicators: zh.indicators.map((ind, i) => ({
      ...ind,
      name: `Indicator ${i + 1} (${ind.code})`,
      ownerName: ind.ownerName ? 'Fenghua Big Data Bureau' : null,
      formulaText: 'Items meeting the condition ÷ all items × 100%',
      towns: ind.towns.map((t, n) => ({ ...t, name: `Town ${n + 1}` })),
    })),
    warnings: zh.warnings.map((w, i) => ({
      ...w,
      name: i === 0 ? 'Cross-department events completed' : '5G base stations',
      scopeName: i === 0 ? 'Xikou Town' : 'Fenghua District, Ningbo',
      followUp: i === 0 ? 'Dispatched' : null,
    })),
  };
}

describe('weekly report in English', () => {
  it.skipIf(!existsSync(PDFTOTEXT))('labels, colons and page numbers are English in the PDF', () => {
    const out = pdfText(buildWeeklyPdf(englishData(40)));
    expect(out).toContain('Fenghua District, Ningbo: digital government indicators, weekly report');
    expect(out).toContain('Week: 2026-11-23 to 2026-11-29');
    expect(out).toContain(
      '40 indicators: 10 on track, 10 behind trajectory, 10 below warning line, 10 without data',
    );
    expect(out).toContain('Warnings and follow-up');
    expect(out).toContain('Cross-department events completed');
    expect(out).toMatch(/Town 1: /);
    expect(out).toMatch(/Page 1 of \d+/);
    // No Chinese left: every label comes from the English set, every name from the data.
    expect(out).not.toMatch(/[\u4e00-\u9fff：（）]/);
  });

  it('names the XLSX sheets, headers and title in English', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildWeeklyXlsx(englishData(12))) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Indicators', 'Trend', 'Towns', 'Warnings']);
    expect(wb.title).toBe(
      'Fenghua District, Ningbo: digital government indicators, weekly report (2026-11-23 to 2026-11-29)',
    );
    const sheet = wb.getWorksheet('Indicators')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual([
      'Indicator',
      'Target',
      'Warning line',
    ]);
    expect(sheet.getRow(3).getCell(7).value).toBe('Behind');
    expect(wb.getWorksheet('Warnings')!.getRow(2).getCell(3).value).toBe('Warning line');
  });
});
