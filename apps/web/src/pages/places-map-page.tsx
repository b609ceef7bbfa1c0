import { unwrap } from '@zhizhi/api-client';
import { Alert, Card, Checkbox, Col, Descriptions, Empty, Row, Space, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/api';
import { useRegionBoundary } from '../components/cases/lookups';
import type { LngLat, MapPoint } from '../components/map';
import { formatDistance } from '../components/places/places-model';
import { AREA_LEVELS, type AreaLevel, PlacesMap, type ViewBox } from '../components/places/places-map';
import { useDebounced } from '../components/places/place-search';
import type { Areas, Place, PlaceLevel } from '../components/places/types';
import { useLoad } from '../components/use-load';
import { useEnumLabel, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

const LEVEL_COLOUR: Partial<Record<PlaceLevel, string>> = {
  estate: '#1677ff',
  natural_village: '#389e0d',
  poi: '#c41d7f',
  village_group: '#7cb305',
  road: '#262626',
  doorplate: '#fa541c',
  building: '#d48806',
  unit: '#8c8c8c',
};

const round = (value: number) => Math.round(value * 1e4) / 1e4;

/** 地址地图: entries in view over township, village and grid outlines; a click says what is there. */
export function PlacesMapPage() {
  const t = useT();
  const enumLabel = useEnumLabel();
  const { locale, elderMode } = usePreferences();
  const boundary = useRegionBoundary();
  const [visible, setVisible] = useState<Record<AreaLevel, boolean>>({
    town: true,
    village: false,
    grid: false,
  });
  const [box, setBox] = useState<ViewBox | null>(null);
  const [picked, setPicked] = useState<LngLat | null>(null);
  const [selected, setSelected] = useState<Place | null>(null);
  // Rounded and settled, so small drags and the fit after loading do not each cost a request.
  const settled = useDebounced(box, 300);
  const boxKey = settled
    ? [settled.west, settled.south, settled.east, settled.north].map(round).join(',')
    : '';

  const town = useLoad(() => loadAreas('town'), []);
  const village = useLoad(
    () => (visible.village ? loadAreas('village') : Promise.resolve(undefined)),
    [visible.village],
  );
  const grid = useLoad(() => (visible.grid ? loadAreas('grid') : Promise.resolve(undefined)), [visible.grid]);
  const areas = useMemo(
    () => ({ town: town.data, village: village.data, grid: grid.data }),
    [town.data, village.data, grid.data],
  );
  const approximate = Object.values(areas).some((a) => a?.features.some((f) => f.properties.approximate));

  const entries = useLoad(() => {
    if (!boxKey) return Promise.resolve(undefined);
    const [west, south, east, north] = boxKey.split(',').map(Number) as [number, number, number, number];
    return unwrap(api.GET('/api/places/map', { params: { query: { west, south, east, north } } }));
  }, [boxKey]);
  const features = entries.data?.features ?? [];
  const points: MapPoint[] = useMemo(
    () =>
      (entries.data?.features ?? [])
        .filter((f) => f.lng !== null && f.lat !== null)
        .map((f) => ({
          id: f.id,
          lng: f.lng as number,
          lat: f.lat as number,
          title: f.name,
          status: `${enumLabel('places.level', f.level)} · ${f.key}`,
          color: LEVEL_COLOUR[f.level] ?? '#8c8c8c',
        })),
    [entries.data, enumLabel],
  );

  const reverse = useLoad(
    () =>
      picked
        ? unwrap(api.GET('/api/places/reverse', { params: { query: { lng: picked.lng, lat: picked.lat } } }))
        : Promise.resolve(undefined),
    [picked?.lng, picked?.lat],
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.placesMap')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('places.map.intro')}</Typography.Paragraph>
      <Space wrap size="large">
        <span>{t('places.map.layers')}:</span>
        {AREA_LEVELS.map((level) => (
          <Checkbox
            key={level}
            checked={visible[level]}
            onChange={(event) => setVisible((current) => ({ ...current, [level]: event.target.checked }))}
            data-testid={`places-layer-${level}`}
          >
            {t(`places.map.layer.${level}`)}
          </Checkbox>
        ))}
        <Typography.Text data-testid="places-map-count">
          {t('places.map.inView', { count: features.length })}
        </Typography.Text>
      </Space>
      {approximate && <Alert type="info" showIcon title={t('places.map.approximate')} />}
      {entries.data?.truncated && <Alert type="warning" showIcon title={t('places.map.truncated')} />}
      <Space wrap>
        {Object.entries(LEVEL_COLOUR).map(([level, colour]) => (
          <span key={level} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
            <span aria-hidden style={{ width: 12, height: 12, borderRadius: '50%', background: colour }} />
            {enumLabel('places.level', level)}
          </span>
        ))}
        {entries.data?.wide && <Typography.Text type="secondary">{t('places.map.wide')}</Typography.Text>}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={elderMode ? 24 : 16}>
          <Card size="small">
            <PlacesMap
              points={points}
              boundary={boundary}
              areas={areas}
              visible={visible}
              picked={picked}
              onPick={(point) => {
                setPicked(point);
                setSelected(null);
              }}
              onPointClick={(id) => setSelected(features.find((f) => f.id === id) ?? null)}
              onView={setBox}
              height={elderMode ? 520 : 640}
            />
          </Card>
        </Col>
        <Col xs={24} xl={elderMode ? 24 : 8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {selected && (
              <Card size="small" title={t('places.map.entryTitle')} data-testid="places-map-entry">
                <Space orientation="vertical" size="small">
                  <Space wrap>
                    <Tag color="blue">{enumLabel('places.level', selected.level)}</Tag>
                    <Typography.Text strong>{selected.key}</Typography.Text>
                  </Space>
                  <Typography.Text type="secondary">
                    {[selected.townName, selected.divisionName, selected.gridCode]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                  <Link to={`/places?id=${selected.id}`}>{t('places.map.openEntry')}</Link>
                </Space>
              </Card>
            )}
            <Card size="small" title={t('places.map.reverseTitle')} data-testid="places-reverse">
              {!picked ? (
                <Typography.Text type="secondary">{t('places.map.clickHint')}</Typography.Text>
              ) : !reverse.data ? (
                <Spin />
              ) : (
                <Descriptions size="small" column={1} bordered>
                  <Descriptions.Item label={t('places.map.point')}>
                    <span className="zz-mono">
                      {reverse.data.point.lng.toFixed(6)}, {reverse.data.point.lat.toFixed(6)}
                    </span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('places.map.nearest')}>
                    {reverse.data.nearest ? (
                      <Space orientation="vertical" size={0}>
                        <Link
                          to={`/places?id=${reverse.data.nearest.id}`}
                          data-testid="places-reverse-nearest"
                        >
                          {reverse.data.nearest.key}
                        </Link>
                        <Typography.Text type="secondary">
                          {formatDistance(reverse.data.nearest.distanceMeters, locale)}
                        </Typography.Text>
                      </Space>
                    ) : (
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('places.map.noNearest')} />
                    )}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('places.detail.grid')}>
                    {reverse.data.grid?.name ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('places.detail.division')}>
                    {reverse.data.village?.name ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('places.detail.town')}>
                    {reverse.data.town?.name ?? '—'}
                  </Descriptions.Item>
                </Descriptions>
              )}
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

function loadAreas(level: AreaLevel): Promise<Areas> {
  return unwrap(api.GET('/api/places/areas', { params: { query: { level } } }));
}
