import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { MaybeLink, Panel } from './panel';
import {
  drillHref,
  formatValue,
  freshnessText,
  type IndicatorValue,
  type Period,
  STATUS_COLOUR,
  STATUS_COLOUR_ELDER,
  STATUS_LABEL,
} from './types';

export interface TargetsPanelProps {
  indicators: readonly IndicatorValue[];
  scopeKey: string;
  period: Period;
  stale: boolean;
  now: number;
}

/** Where value, trajectory and warning line sit on the bar, as shares of its length (0..1). */
export function barGeometry(indicator: IndicatorValue) {
  const { value, expected, target, warningLine, unit } = indicator;
  const top =
    unit === 'percent' ? 100 : Math.max(target ?? 0, expected ?? 0, value ?? 0, warningLine ?? 0, 1);
  const share = (x: number | null) => (x === null ? null : Math.min(1, Math.max(0, x / top)));
  return { fill: share(value) ?? 0, expected: share(expected), warning: share(warningLine) };
}

/** Every indicator against its 2025 target: bar, trajectory tick, status, source and freshness. */
export function TargetsPanel({ indicators, scopeKey, period, stale, now }: TargetsPanelProps) {
  const t = useT();
  const localName = useLocalName();
  const { locale, elderMode } = usePreferences();
  const colours = elderMode ? STATUS_COLOUR_ELDER : STATUS_COLOUR;
  const behind = indicators.filter((i) => i.status === 'behind' || i.status === 'below_warning').length;
  return (
    <Panel
      id="targets"
      title={t('cockpitScreen.panel.targets')}
      stale={stale}
      extra={
        <span className="cs-legend-inline">
          {(['on_track', 'behind', 'below_warning', 'no_data'] as const).map((status) => (
            <span key={status} style={{ marginInlineStart: 8 }}>
              <span className="cs-swatch" style={{ background: colours[status] }} />
              {t(STATUS_LABEL[status])}
            </span>
          ))}
        </span>
      }
    >
      {indicators.length === 0 && <div className="cs-empty">{t('cockpitScreen.empty')}</div>}
      <ul className="cs-list cs-targets" aria-label={t('cockpitScreen.targets.summary', { n: behind })}>
        {indicators.map((indicator) => {
          const name = localName(indicator.nameZh, indicator.nameEn);
          const colour = colours[indicator.status];
          const bar = barGeometry(indicator);
          const value = formatValue(indicator.value, indicator.unit, locale);
          const target =
            indicator.target === null
              ? t('cockpitScreen.targets.grow')
              : formatValue(indicator.target, indicator.unit, locale);
          return (
            <li key={indicator.code} style={{ display: 'block', padding: 0 }}>
              <MaybeLink
                className="cs-target"
                href={drillHref(indicator.code, scopeKey, period)}
                testId={`cockpit-target-${indicator.code}`}
                style={{ ['--status' as string]: colour }}
              >
                <div className="cs-target-top">
                  <span className="cs-target-name" title={name}>
                    {name}
                  </span>
                  <span className="cs-num cs-target-value" data-testid="cockpit-target-value">
                    {value}
                  </span>
                  <span className="cs-muted">{t('cockpitScreen.targets.target', { value: target })}</span>
                </div>
                <div className="cs-target-meta">
                  <div className="cs-bar" style={{ flex: 1, minWidth: 80 }} aria-hidden="true">
                    <div className="cs-bar-fill" style={{ width: `${bar.fill * 100}%` }} />
                    {bar.warning !== null && (
                      <div
                        className="cs-bar-mark cs-bar-mark--warning"
                        style={{ left: `calc(${bar.warning * 100}% - 1px)` }}
                      />
                    )}
                    {bar.expected !== null && (
                      <div className="cs-bar-mark" style={{ left: `calc(${bar.expected * 100}% - 1px)` }} />
                    )}
                  </div>
                  <span data-testid="cockpit-target-expected">
                    {t('cockpitScreen.targets.expected', {
                      value: formatValue(indicator.expected, indicator.unit, locale),
                    })}
                  </span>
                  <span className={`cs-badge cs-badge--${indicator.source}`}>
                    {t(`cockpitScreen.source.${indicator.source}`)}
                  </span>
                  <span data-testid="cockpit-target-freshness">
                    {freshnessText(indicator, now, t, locale)}
                  </span>
                </div>
              </MaybeLink>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
