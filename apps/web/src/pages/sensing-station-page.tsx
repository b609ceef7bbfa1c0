import { ArrowLeftOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { Card, Col, Descriptions, Result, Row, Segmented, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/api';
import { formatDateTime } from '../components/format';
import { AlarmTable } from '../components/sensing/alarm-table';
import { DevicesTable } from '../components/sensing/devices-table';
import { MetricChart } from '../components/sensing/metric-chart';
import { RulesTable } from '../components/sensing/rules-table';
import {
  formatReading,
  RANGE_MS,
  type SeriesRange,
  thresholdLines,
} from '../components/sensing/sensing-model';
import type { SensingStationDetail } from '../components/sensing/types';
import { useSensingStream, useTrailingThrottle } from '../components/sensing/use-sensing-stream';
import { useTownships } from '../components/sensing/use-townships';
import { useLoad } from '../components/use-load';
import { hasMessage } from '../i18n/translate';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

const RANGES = Object.keys(RANGE_MS) as SeriesRange[];

/** 监测站点: attributes, latest readings, a chart per metric with thresholds, devices, rules, alarms. */
export function SensingStationPage() {
  const { id = '' } = useParams();
  const t = useT();
  const localName = useLocalName();
  const { locale, elderMode } = usePreferences();
  const townships = useTownships();
  const [range, setRange] = useState<SeriesRange>('24h');
  const detail = useLoad(
    () => unwrap(api.GET('/api/sensing/stations/{id}', { params: { path: { id } } })),
    [id],
  );
  const station = detail.data;
  const alarms = useLoad(
    () =>
      station
        ? unwrap(
            api.GET('/api/sensing/alarms', { params: { query: { station: station.id, limit: 50 } } }),
          ).then((body) => body.items)
        : Promise.resolve([]),
    [station?.id],
  );
  const reloadAll = useTrailingThrottle(() => {
    detail.reload();
    alarms.reload();
  }, 500);
  useSensingStream({
    onAlarm: (alarm) => station && alarm.stationId === station.id && reloadAll(),
  });

  if (!station) {
    return detail.failed ? (
      <Result status="404" title={t('error.notFoundPage')} />
    ) : (
      <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />
    );
  }

  const township = townships.find((d) => d.code === station.townshipCode)?.name ?? station.townshipCode;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/sensing">
        <ArrowLeftOutlined /> {t('sensing.station.back')}
      </Link>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="sensing-station-title">
        {localName(station.nameZh, station.nameEn)}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={elderMode ? 24 : 12}>
          <Card size="small" title={t('sensing.station.attributes')}>
            <StationAttributes station={station} township={township} />
          </Card>
        </Col>
        <Col xs={24} xl={elderMode ? 24 : 12}>
          <Card size="small" title={t('sensing.station.latest')}>
            <Descriptions size="small" column={1} bordered>
              {station.metrics.map((metric) => (
                <Descriptions.Item key={metric.code} label={localName(metric.nameZh, metric.nameEn)}>
                  <span data-testid={`sensing-latest-${metric.code}`} style={{ fontWeight: 600 }}>
                    {formatReading(metric.last?.value)} {metric.unit}
                  </span>{' '}
                  <Typography.Text type="secondary">
                    {formatDateTime(metric.last?.ts, locale)}
                  </Typography.Text>
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={t('sensing.station.charts')}
        extra={
          <Segmented<SeriesRange>
            aria-label={t('sensing.range.label')}
            value={range}
            onChange={setRange}
            options={RANGES.map((value) => ({ value, label: t(`sensing.range.${value}`) }))}
            data-testid="sensing-range"
          />
        }
      >
        <Row gutter={[16, 16]}>
          {station.metrics.map((metric) => (
            <Col key={metric.code} xs={24} xl={elderMode ? 24 : 12}>
              <StationMetricChart station={station} metricCode={metric.code} range={range} />
            </Col>
          ))}
        </Row>
      </Card>
      <Card size="small" title={t('sensing.station.alarms')}>
        <AlarmTable alarms={alarms.data ?? []} loading={alarms.loading} onChanged={reloadAll} hideStation />
      </Card>
      <Card size="small" title={t('sensing.station.devices')}>
        <DevicesTable devices={station.devices} canManage={station.canManage} />
      </Card>
      <Card size="small" title={t('sensing.station.rules')}>
        <RulesTable rules={station.rules} metrics={station.metrics} attributes={station.attributes} />
      </Card>
    </Space>
  );
}

function StationMetricChart({
  station,
  metricCode,
  range,
}: {
  station: SensingStationDetail;
  metricCode: string;
  range: SeriesRange;
}) {
  const metric = station.metrics.find((m) => m.code === metricCode);
  // Stable per station and metric, so the chart is not rebuilt for each reload of the detail.
  const key = JSON.stringify([station.rules, station.attributes]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the content, not the object
  const lines = useMemo(
    () => thresholdLines(station.rules, station.attributes, metricCode),
    [key, metricCode],
  );
  if (!metric) return null;
  return <MetricChart stationId={station.id} metric={metric} lines={lines} range={range} />;
}

function StationAttributes({ station, township }: { station: SensingStationDetail; township: string }) {
  const t = useT();
  const attributeLabel = (name: string) => {
    const key = `sensing.attr.${name}`;
    return hasMessage(key) ? t(key) : name;
  };
  // Levels first, in the order a hydrologist reads them (low to high); other attributes after.
  const entries = Object.entries(station.attributes).sort(([a, x], [b, y]) => {
    const level = (name: string) => name.endsWith('_level');
    if (level(a) !== level(b)) return level(a) ? -1 : 1;
    return level(a) ? Number(x) - Number(y) : a.localeCompare(b);
  });
  return (
    <Descriptions size="small" column={1} bordered data-testid="sensing-attributes">
      <Descriptions.Item label={t('sensing.station.code')}>{station.code}</Descriptions.Item>
      <Descriptions.Item label={t('sensing.station.kind')}>
        {t(`sensing.kind.${station.kind}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('sensing.station.township')}>{township}</Descriptions.Item>
      <Descriptions.Item label={t('sensing.station.location')}>
        <span className="zz-mono">
          {station.lng.toFixed(5)}, {station.lat.toFixed(5)}
        </span>
      </Descriptions.Item>
      {entries.map(([name, value]) => (
        <Descriptions.Item key={name} label={attributeLabel(name)}>
          {typeof value === 'number' && name.endsWith('_level')
            ? `${formatReading(value, 2)} m`
            : String(value)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
