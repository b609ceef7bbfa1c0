import type { Translate } from '../../i18n/translate';
import type { IndicatorValue } from './model';

export interface ReferenceLine {
  value: number | null;
  label: string;
  color: string;
}

/** Dashed lines at the target and the warning line (those that are set), across the value axis. */
export function referenceLines(
  lines: ReferenceLine[],
  fontSize: number,
  valueAxis: 'x' | 'y' = 'y',
): Record<string, unknown> {
  const set = lines.filter((l): l is ReferenceLine & { value: number } => l.value !== null);
  const top = Math.max(...set.map((l) => l.value));
  return {
    silent: true,
    symbol: 'none',
    data: set.map((l) => ({
      [valueAxis === 'y' ? 'yAxis' : 'xAxis']: l.value,
      lineStyle: { color: l.color, type: 'dashed', width: 1.5 },
      // The upper line's label above it, the lower one's below, so close lines stay legible.
      label: {
        formatter: l.label,
        color: l.color,
        fontSize,
        position:
          set.length > 1 && l.value < top
            ? valueAxis === 'y'
              ? 'insideEndBottom'
              : 'start'
            : valueAxis === 'y'
              ? 'insideEndTop'
              : 'end',
      },
    })),
  };
}

export const WARNING_LINE_COLOUR = '#cf1322';

/** An indicator's target (in `targetColour`) and warning line, labelled with their values. */
export function indicatorLines(
  v: Pick<IndicatorValue, 'target' | 'warningLine'>,
  context: {
    t: Translate;
    fmt: (x: number | null) => string;
    fontSize: number;
    targetColour: string;
    valueAxis?: 'x' | 'y';
  },
): Record<string, unknown> {
  const { t, fmt, fontSize, targetColour, valueAxis } = context;
  return referenceLines(
    [
      {
        value: v.target,
        label: t('cockpitStaff.chart.target', { value: fmt(v.target) }),
        color: targetColour,
      },
      {
        value: v.warningLine,
        label: t('cockpitStaff.chart.warning', { value: fmt(v.warningLine) }),
        color: WARNING_LINE_COLOUR,
      },
    ],
    fontSize,
    valueAxis,
  );
}
