import { HomeOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Segmented, Select } from 'antd';
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { PreferenceSwitches } from '../preference-switches';
import { POLL_MS } from './use-poll';
import type { ScopeOptionGroup } from './use-scopes';
import { ago, formatClock, formatDay, PERIODS, type Period } from './types';

/** Date and a ticking clock (Beijing time); re-renders itself only. */
function Clock({ generatedAt, failed }: { generatedAt: string | undefined; failed: boolean }) {
  const t = useT();
  const { locale } = usePreferences();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const date = new Date(now);
  const age = generatedAt ? now - new Date(generatedAt).getTime() : Number.POSITIVE_INFINITY;
  const fresh = !failed && age < POLL_MS * 2 + 10_000;
  return (
    <>
      <span data-testid="cockpit-clock">
        {formatDay(date, locale)} <span className="cs-num">{formatClock(date, locale)}</span>
      </span>
      <span data-testid="cockpit-updated" data-fresh={fresh ? 'true' : 'false'}>
        <span className="cs-fresh-dot" style={{ background: fresh ? '#3ddc84' : '#ffb020' }} />
        {generatedAt
          ? t('cockpitScreen.header.updated', {
              time: formatClock(new Date(generatedAt), locale),
              ago: ago(generatedAt, now, t),
            })
          : t('common.loading')}
        {failed && ` · ${t('cockpitScreen.header.stale')}`}
      </span>
    </>
  );
}

export interface ScreenHeaderProps {
  title: string;
  scopeKey: string | undefined;
  scopeName: string | undefined;
  scopeOptions: ScopeOptionGroup[];
  onScope: (scope: string) => void;
  period: Period;
  onPeriod: (period: Period) => void;
  generatedAt: string | undefined;
  failed: boolean;
  loading: boolean;
  onRefresh: () => void;
}

/** Title, scope and period switches, clock and freshness, preferences and the way back. */
export function ScreenHeader(props: ScreenHeaderProps) {
  const t = useT();
  const scopeId = useId();
  const periodId = useId();
  return (
    <header className="cs-header">
      <div className="cs-header-side">
        <div className="cs-field">
          <label htmlFor={scopeId}>{t('cockpitScreen.header.scope')}</label>
          <Select
            id={scopeId}
            data-testid="cockpit-scope-select"
            value={props.scopeKey}
            options={props.scopeOptions}
            onChange={props.onScope}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 260 }}
            getPopupContainer={(node) => node.parentElement ?? document.body}
            loading={!props.scopeKey}
          />
        </div>
        <div className="cs-field">
          <span id={periodId} className="cs-muted" style={{ whiteSpace: 'nowrap' }}>
            {t('cockpitScreen.header.period')}
          </span>
          <Segmented<Period>
            aria-labelledby={periodId}
            data-testid="cockpit-period"
            value={props.period}
            onChange={props.onPeriod}
            options={PERIODS.map((value) => ({ value, label: t(`cockpitScreen.period.${value}`) }))}
          />
        </div>
      </div>
      <div className="cs-title">
        <h1 data-testid="cockpit-title">{props.title}</h1>
        <div className="cs-subline">
          <span>
            {t('cockpitScreen.header.current')}
            <span className="cs-scope-name" data-testid="cockpit-scope-name">
              {props.scopeName ?? '…'}
            </span>
          </span>
          <Clock generatedAt={props.generatedAt} failed={props.failed} />
        </div>
      </div>
      <div className="cs-header-side cs-header-side--right">
        <Button
          icon={<ReloadOutlined spin={props.loading} />}
          onClick={props.onRefresh}
          data-testid="cockpit-refresh"
          aria-label={t('common.refresh')}
        />
        <PreferenceSwitches />
        <Link to="/" className="cs-chip cs-link-button" data-testid="cockpit-back-workbench">
          <HomeOutlined />
          {t('cockpitScreen.header.workbench')}
        </Link>
      </div>
    </header>
  );
}
