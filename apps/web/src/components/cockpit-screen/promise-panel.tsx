import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { MaybeLink, Panel } from './panel';
import {
  drillHref,
  formatValue,
  type IndicatorValue,
  type Period,
  PROMISE_LABEL,
  type PromiseKey,
  type PromisePanel as PromisePanelData,
  STATUS_COLOUR,
  STATUS_COLOUR_ELDER,
  STATUS_LABEL,
  splitValue,
} from './types';

export interface PromisePanelProps {
  promise: PromiseKey;
  panel: PromisePanelData | undefined;
  indicators: readonly IndicatorValue[];
  scopeKey: string;
  period: Period;
  stale: boolean;
}

/** 一网通办 / 一脑通治 / 一屏通览 / 一码通服: headline figures, then the promise's indicators. */
export function PromisePanel({ promise, panel, indicators, scopeKey, period, stale }: PromisePanelProps) {
  const t = useT();
  const localName = useLocalName();
  const { locale, elderMode } = usePreferences();
  const colours = elderMode ? STATUS_COLOUR_ELDER : STATUS_COLOUR;
  const figures = panel?.figures ?? [];
  const onTrack = indicators.filter((indicator) => indicator.status === 'on_track').length;
  return (
    <Panel
      id={promise}
      title={t(PROMISE_LABEL[promise])}
      stale={stale}
      extra={
        indicators.length > 0 && (
          <span data-testid="cockpit-promise-on-track">
            {t('cockpitScreen.promise.onTrack', { n: onTrack, total: indicators.length })}
          </span>
        )
      }
    >
      {figures.length > 0 && (
        <div className="cs-figures">
          {figures.map((figure) => {
            const { number, suffix } = splitValue(figure.value, figure.unit, locale);
            const name = localName(figure.nameZh, figure.nameEn);
            return (
              <MaybeLink
                key={figure.key}
                className="cs-figure"
                href={figure.indicatorCode ? drillHref(figure.indicatorCode, scopeKey, period) : null}
                testId={`cockpit-figure-${figure.key}`}
              >
                <div className="cs-num" data-testid="cockpit-figure-value" data-value={figure.value ?? ''}>
                  {number}
                  {suffix && <span className="cs-unit">{suffix}</span>}
                </div>
                <div className="cs-figure-name">{name}</div>
              </MaybeLink>
            );
          })}
        </div>
      )}
      {indicators.length > 0 && (
        <ul className="cs-ind-list" aria-label={t('cockpitScreen.promise.indicators')}>
          {indicators.map((indicator) => {
            const name = localName(indicator.nameZh, indicator.nameEn);
            const status = t(STATUS_LABEL[indicator.status]);
            return (
              <li key={indicator.code}>
                <MaybeLink
                  className="cs-ind"
                  href={drillHref(indicator.code, scopeKey, period)}
                  testId={`cockpit-indicator-${indicator.code}`}
                  label={`${name} ${formatValue(indicator.value, indicator.unit, locale)} ${status}`}
                  style={{ ['--status' as string]: colours[indicator.status] }}
                >
                  <span className="cs-ind-name" title={name}>
                    {name}
                  </span>
                  <span
                    className="cs-num"
                    data-value={indicator.value ?? ''}
                    style={{ color: colours[indicator.status] }}
                  >
                    {formatValue(indicator.value, indicator.unit, locale)}
                  </span>
                </MaybeLink>
              </li>
            );
          })}
        </ul>
      )}
      {figures.length === 0 && indicators.length === 0 && (
        <div className="cs-empty">{t('cockpitScreen.empty')}</div>
      )}
    </Panel>
  );
}
