import '../components/cockpit-screen/cockpit-screen.css';
import '../components/cockpit-screen/cockpit-screen-parts.css';
import '../components/cockpit-screen/cockpit-screen-mobile.css';
import { unwrap } from '@zhizhi/api-client';
import { ConfigProvider, type ThemeConfig, theme } from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/api';
import { useSystemInfo } from '../api/system-info';
import { FeedPanel } from '../components/cockpit-screen/feed-panel';
import { MapPanel } from '../components/cockpit-screen/map-panel';
import { PromisePanel } from '../components/cockpit-screen/promise-panel';
import { ScreenHeader } from '../components/cockpit-screen/screen-header';
import { TargetsPanel } from '../components/cockpit-screen/targets-panel';
import {
  isPanelId,
  PANEL_IDS,
  type PanelId,
  type Period,
  type PromiseKey,
  promiseOf,
} from '../components/cockpit-screen/types';
import { usePoll } from '../components/cockpit-screen/use-poll';
import { useScopeOptions } from '../components/cockpit-screen/use-scopes';
import { useScreenFit } from '../components/cockpit-screen/use-screen-scale';
import { loadWarnings, WarningsPanel } from '../components/cockpit-screen/warnings-panel';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

const PROMISES: readonly PromiseKey[] = ['services', 'governance', 'overview', 'codes'];
const isPeriod = (value: string | null): value is Period =>
  value === 'year' || value === 'month' || value === 'all';

function screenTheme(elder: boolean, mobile: boolean): ThemeConfig {
  const touch = mobile || elder;
  return {
    inherit: false,
    algorithm: theme.darkAlgorithm,
    token: {
      colorPrimary: '#2f80ed',
      colorBgContainer: '#0b2447',
      colorBgElevated: '#0d2a52',
      colorBorder: elder ? '#9fd0ff' : '#2b5c99',
      colorText: elder ? '#ffffff' : '#e8f1ff',
      fontSize: elder ? 17 : 14,
      controlHeight: touch ? 44 : 32,
      controlHeightSM: touch ? 36 : 24,
      borderRadius: 4,
    },
  };
}

/** Ticks every `ms` so relative times ("3 分钟前") stay right between polls. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/**
 * 领导驾驶舱 big screen (一屏通览), full screen outside the staff layout: the four promises, every
 * target, a drillable town map, the live feed and warnings, refreshed every 30 s without a reload.
 * Scope and period live in the query string, so a drilled-down screen can be bookmarked.
 */
export function CockpitScreenPage() {
  const t = useT();
  const localName = useLocalName();
  const { elderMode } = usePreferences();
  const fit = useScreenFit();
  const info = useSystemInfo();
  const now = useNow(15_000);
  const [params, setParams] = useSearchParams();
  const scopeParam = params.get('scope');
  const periodParam = params.get('period');
  const period: Period = isPeriod(periodParam) ? periodParam : 'year';

  const overview = usePoll(
    () =>
      unwrap(
        api.GET('/api/cockpit/overview', { params: { query: { scope: scopeParam ?? undefined, period } } }),
      ),
    [scopeParam, period],
  );
  const scopeKey = scopeParam ?? overview.data?.scope.key;
  const map = usePoll(
    () => unwrap(api.GET('/api/cockpit/map', { params: { query: { scope: scopeKey } } })),
    [scopeKey],
    { enabled: scopeKey !== undefined },
  );
  const feed = usePoll(
    () => unwrap(api.GET('/api/cockpit/feed', { params: { query: { scope: scopeKey, limit: 20 } } })),
    [scopeKey],
    { enabled: scopeKey !== undefined },
  );
  // The warnings of the scope on screen, once it is known (the overview names a user's default scope).
  const warnings = usePoll(() => loadWarnings(scopeKey ?? 'district'), [scopeKey], {
    enabled: scopeKey !== undefined,
  });
  const layout = useLoad(() => unwrap(api.GET('/api/cockpit/layout')), []);

  const data = overview.data;
  const stale = !data || data.scope.key !== scopeKey || data.period.kind !== period;
  const districtName = info
    ? localName(info.region.name, info.region.nameEn)
    : data?.scope.type === 'district'
      ? data.scope.name
      : '';
  const title = t('cockpitScreen.title', { district: districtName });
  const towns = map.data?.towns.features ?? [];
  const scopeOptions = useScopeOptions(data, towns, districtName);

  useEffect(() => {
    document.title = title;
  }, [title]);

  const setQuery = useCallback(
    (next: { scope?: string; period?: Period }) =>
      setParams(
        (previous) => {
          const merged = new URLSearchParams(previous);
          if (next.scope) merged.set('scope', next.scope);
          if (next.period) merged.set('period', next.period);
          return merged;
        },
        { replace: true },
      ),
    [setParams],
  );

  const reloadAll = () => {
    overview.reload();
    map.reload();
    feed.reload();
    warnings.reload();
  };

  const selectedTown = scopeKey?.startsWith('town:') ? scopeKey.slice(5) : null;
  const wholeDistrict = data?.defaultScope === 'district';
  const panelIds: PanelId[] = useMemo(() => {
    if (layout.loading && !layout.data) return [];
    const chosen = layout.data?.panels.filter((p) => p.visible).map((p) => p.id) ?? [...PANEL_IDS];
    return chosen.filter(isPanelId);
  }, [layout.data, layout.loading]);

  const scopeForLinks = data?.scope.key ?? scopeKey ?? 'district';
  const panel = (id: PanelId): ReactNode => {
    if ((PROMISES as readonly string[]).includes(id)) {
      const promise = id as PromiseKey;
      return (
        <PromisePanel
          key={id}
          promise={promise}
          panel={data?.panels.find((p) => p.key === promise)}
          indicators={(data?.indicators ?? []).filter((i) => promiseOf(i) === promise)}
          scopeKey={scopeForLinks}
          period={period}
          stale={stale}
        />
      );
    }
    if (id === 'targets')
      return (
        <TargetsPanel
          key={id}
          indicators={data?.indicators ?? []}
          scopeKey={scopeForLinks}
          period={period}
          stale={stale}
          now={now}
        />
      );
    if (id === 'map')
      return (
        <MapPanel
          key={id}
          map={map.data}
          selectedTown={selectedTown}
          stale={stale}
          onTown={(code) => setQuery({ scope: `town:${code}` })}
          onDistrict={selectedTown && wholeDistrict ? () => setQuery({ scope: 'district' }) : null}
        />
      );
    if (id === 'feed') return <FeedPanel key={id} items={feed.data?.items} now={now} />;
    return (
      <WarningsPanel
        key={id}
        lists={warnings.data}
        now={now}
        stale={!!warnings.data && warnings.data.scope !== (scopeKey ?? 'district')}
        onChanged={reloadAll}
      />
    );
  };

  const canvasStyle = fit.mobile
    ? undefined
    : { transform: `scale(${fit.scale})`, left: fit.left, top: fit.top };

  return (
    <ConfigProvider theme={screenTheme(elderMode, fit.mobile)}>
      <div
        className={`cs-root${elderMode ? ' cs-elder' : ''}${fit.mobile ? ' cs-mobile' : ''}`}
        data-testid="cockpit-screen"
        data-scope={data?.scope.key ?? ''}
        data-loading={overview.loading ? 'true' : 'false'}
      >
        <div className="cs-canvas" style={canvasStyle}>
          <ScreenHeader
            title={title}
            scopeKey={scopeKey}
            scopeName={data?.scope.name}
            scopeOptions={scopeOptions}
            onScope={(scope) => setQuery({ scope })}
            period={period}
            onPeriod={(next) => setQuery({ period: next })}
            generatedAt={data?.generatedAt}
            failed={overview.failed}
            loading={overview.loading}
            onRefresh={reloadAll}
          />
          <main className="cs-grid" aria-busy={overview.loading}>
            {panelIds.map(panel)}
          </main>
        </div>
      </div>
    </ConfigProvider>
  );
}
