import { usePreferences } from '../../../session/preferences';

export interface SparklineProps {
  /** Values in order, oldest first. */
  values: readonly number[];
  /** The scale's top (scores: 100). */
  max?: number;
  label: string;
}

/** A small SVG trend line (no chart library): the last value is marked; larger in elder mode. */
export function Sparkline({ values, max = 100, label }: SparklineProps) {
  const { elderMode } = usePreferences();
  const width = elderMode ? 180 : 120;
  const height = elderMode ? 40 : 28;
  if (values.length === 0) return null;
  const step = values.length > 1 ? (width - 6) / (values.length - 1) : 0;
  const points = values.map((v, i) => [
    3 + i * step,
    height - 3 - (Math.max(0, Math.min(max, v)) / max) * (height - 6),
  ]);
  const [lastX, lastY] = points[points.length - 1];
  return (
    <svg width={width} height={height} role="img" aria-label={label} data-testid="sparkline">
      <title>{label}</title>
      <polyline
        points={points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')}
        fill="none"
        stroke="#1677ff"
        strokeWidth={elderMode ? 2.5 : 1.5}
      />
      <circle cx={lastX} cy={lastY} r={elderMode ? 4 : 3} fill="#1677ff" />
    </svg>
  );
}
