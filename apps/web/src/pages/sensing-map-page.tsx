import { unwrap } from '@zhizhi/api-client';
import { Card, Col, Input, Row, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/api';
import { useRegionBoundary } from '../components/cases/lookups';
import { EventMap, type MapPoint } from '../components/map';
import { LiveBadge } from '../components/sensing/live-badge';
import {
  COLOUR_STYLE,
  mergeStreamValues,
  NORMAL_COLOUR,
  OFFLINE_COLOUR,
  severityColour,
  stationColour,
  stationRank,
} from '../components/sensing/sensing-model';
import { KindSelect, TownshipSelect } from '../components/sensing/station-filters';
import { StationList } from '../components/sensing/station-list';
import { StationPanel } from '../components/sensing/station-panel';
import type { SensingStation, StationKind } from '../components/sensing/types';
import { useSensingStream, useTrailingThrottle } from '../components/sensing/use-sensing-stream';
import { useTownships } from '../components/sensing/use-townships';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

/** 监测一张图: every station on the map in its status colour, live from the stream, with a list. */
export function SensingMapPage() {
  const t = useT();
  const localName = useLocalName();
  const { elderMode } = usePreferences();
  const boundary = useRegionBoundary();
  const townships = useTownships();
  const [kind, setKind] = useState<StationKind>();
  const [township, setTownship] = useState<string>();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const loaded = useLoad(
    () =>
      unwrap(api.GET('/api/sensing/stations', { params: { query: { kind, township } } })).then(
        (body) => body.items,
      ),
    [kind, township],
  );
  const [stations, setStations] = useState<SensingStation[]>([]);
  useEffect(() => setStations(loaded.data ?? []), [loaded.data]);
  // Alarm changes move status, counts and colours: reload the list (values come in between).
  const reload = useTrailingThrottle(loaded.reload, 500);
  const live = useSensingStream({
    onValues: (values) => setStations((current) => mergeStreamValues(current, values)),
    onAlarm: reload,
  });

  const townshipName = (code: string) => townships.find((d) => d.code === code)?.name ?? code;
  const sorted = useMemo(
    () => [...stations].sort((a, b) => stationRank(a) - stationRank(b) || a.code.localeCompare(b.code)),
    [stations],
  );
  // MapLibre draws later features on top: normal first, the worst alarm last, so none hides it.
  const points: MapPoint[] = [...sorted].reverse().map((s) => ({
    id: s.id,
    lng: s.lng,
    lat: s.lat,
    title: localName(s.nameZh, s.nameEn),
    status: `${t(`sensing.kind.${s.kind}`)} · ${t(`sensing.status.${s.status}`)}${
      s.activeAlarms ? ` · ${t('sensing.map.alarms', { count: s.activeAlarms })}` : ''
    }`,
    color: stationColour(s),
  }));
  const needle = query.trim().toLowerCase();
  const listed = needle
    ? sorted.filter((s) => [s.nameZh, s.nameEn, s.code].some((text) => text.toLowerCase().includes(needle)))
    : sorted;
  const selected = stations.find((s) => s.id === selectedId) ?? null;
  const alarmCount = stations.filter((s) => s.status === 'alarm').length;
  const offlineCount = stations.filter((s) => s.status === 'offline').length;
  const legend = [
    { colour: NORMAL_COLOUR, label: t('sensing.status.normal') },
    ...(['critical', 'major', 'minor', 'warning'] as const).map((severity) => ({
      colour: COLOUR_STYLE[severityColour(severity)].background,
      label: `${t('sensing.status.alarm')} · ${t(`sensing.severity.${severity}`)}`,
    })),
    { colour: OFFLINE_COLOUR, label: t('sensing.status.offline') },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.sensingMap')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('sensing.map.intro')}</Typography.Paragraph>
      <Space wrap size="large">
        <KindSelect value={kind} onChange={setKind} />
        <TownshipSelect townships={townships} value={township} onChange={setTownship} />
        <LiveBadge open={live} />
        <Typography.Text data-testid="sensing-station-count">
          {t('sensing.map.stationCount', {
            total: stations.length,
            alarm: alarmCount,
            offline: offlineCount,
          })}
        </Typography.Text>
      </Space>
      <Space wrap data-testid="sensing-legend">
        {legend.map((item) => (
          <span key={item.label} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
            <span
              aria-hidden
              style={{ width: 12, height: 12, borderRadius: '50%', background: item.colour }}
            />
            {item.label}
          </span>
        ))}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={elderMode ? 24 : 15}>
          <Card size="small">
            <EventMap
              points={points}
              boundary={boundary}
              height={elderMode ? 520 : 640}
              onPointClick={setSelectedId}
              picked={selected ? { lng: selected.lng, lat: selected.lat } : null}
            />
          </Card>
        </Col>
        <Col xs={24} xl={elderMode ? 24 : 9}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {selected && <StationPanel station={selected} />}
            <Card size="small" title={t('sensing.map.listTitle')}>
              <Input.Search
                allowClear
                aria-label={t('sensing.map.search')}
                placeholder={t('sensing.map.search')}
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                style={{ marginBottom: 8 }}
                data-testid="sensing-station-search"
              />
              <StationList
                stations={listed}
                selectedId={selectedId}
                onSelect={setSelectedId}
                townshipName={townshipName}
              />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
