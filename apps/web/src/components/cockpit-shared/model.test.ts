import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate';
import { indicatorLines, referenceLines } from '../cockpit-staff/chart-lines';
import { STATUS_COLOR, STATUS_TAG, formatValue as staffFormat } from '../cockpit-staff/model';
import { STATUS_COLOUR, STATUS_COLOUR_ELDER, formatValue as screenFormat } from '../cockpit-screen/types';
import { formatFigure, isPanelId, PANEL_IDS, STATUS_LOOK, statusTable } from './model';

describe('cockpit shared model', () => {
  it('formats figures compactly for the big screen', () => {
    expect(formatFigure(86.5, 'percent', 'zh-CN', 'compact')).toBe('86.5%');
    expect(formatFigure(96, 'percent', 'zh-CN', 'compact')).toBe('96%');
    expect(formatFigure(1234, 'count', 'en-US', 'compact')).toBe('1,234');
    expect(formatFigure(1.256, 'count', 'en-US', 'compact')).toBe('1.26');
    expect(formatFigure(21_910_000, 'count', 'en-US', 'compact')).toBe('21.9M');
    expect(formatFigure(21_910_000, 'count', 'zh-CN', 'compact')).toBe('2191万');
    expect(formatFigure(null, 'percent', 'zh-CN', 'compact')).toBe('—');
    expect(formatFigure(Number.NaN, 'count', 'zh-CN', 'compact')).toBe('—');
  });

  it('formats figures with fixed digits for the staff pages', () => {
    expect(formatFigure(96, 'percent', 'zh-CN', 'exact')).toBe('96.0%');
    expect(formatFigure(1774, 'count', 'en-US', 'exact')).toBe('1,774');
    expect(formatFigure(12.5, 'days', 'en-US', 'exact')).toBe('12.50');
    expect(formatFigure(21_910_000, 'count', 'en-US', 'exact')).toBe('21,910,000');
    expect(formatFigure(undefined, 'count', 'en-US', 'exact')).toBe('—');
  });

  it('keeps each cockpit on its own figure style', () => {
    expect(screenFormat(96, 'percent', 'zh-CN')).toBe('96%');
    expect(staffFormat(96, 'percent', 'zh-CN')).toBe('96.0%');
  });

  it('draws each status in the colours of both cockpits', () => {
    expect(STATUS_COLOUR).toEqual({
      on_track: '#3ddc84',
      behind: '#ffb020',
      below_warning: '#ff5c5c',
      no_data: '#8b97a8',
    });
    expect(STATUS_COLOUR_ELDER.behind).toBe('#ffd400');
    expect(STATUS_COLOR.below_warning).toBe('#cf1322');
    expect(STATUS_TAG).toEqual({
      on_track: 'success',
      behind: 'warning',
      below_warning: 'error',
      no_data: 'default',
    });
    expect(Object.keys(statusTable('light')).sort()).toEqual(Object.keys(STATUS_LOOK).sort());
  });

  it('knows the panels of the big screen', () => {
    expect(PANEL_IDS).toHaveLength(8);
    expect(isPanelId('map')).toBe(true);
    expect(isPanelId('weather')).toBe(false);
  });
});

describe('cockpit staff chart lines', () => {
  it('labels the upper line above and the lower one below', () => {
    const lines = referenceLines(
      [
        { value: 95, label: 'target', color: '#1554ad' },
        { value: 90, label: 'warning', color: '#cf1322' },
        { value: null, label: 'none', color: '#000000' },
      ],
      12,
    ) as { data: { yAxis: number; label: { position: string } }[] };
    expect(lines.data.map((d) => [d.yAxis, d.label.position])).toEqual([
      [95, 'insideEndTop'],
      [90, 'insideEndBottom'],
    ]);
  });

  it("draws an indicator's target and warning line with their values", () => {
    const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
      translate('en-US', key, vars);
    const lines = indicatorLines(
      { target: 95, warningLine: 90 },
      { t, fmt: (x) => `${x}%`, fontSize: 16, targetColour: '#389e0d', valueAxis: 'x' },
    ) as { data: { xAxis: number; lineStyle: { color: string }; label: { formatter: string } }[] };
    expect(lines.data.map((d) => [d.xAxis, d.lineStyle.color])).toEqual([
      [95, '#389e0d'],
      [90, '#cf1322'],
    ]);
    expect(lines.data[0]?.label.formatter).toContain('95%');
    expect(lines.data[1]?.label.formatter).toContain('90%');
  });
});
