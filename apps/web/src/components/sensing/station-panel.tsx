import { unwrap } from '@zhizhi/api-client';
import { Button, Card, Descriptions, Empty, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import { useLoad } from '../use-load';
import { formatReading } from './sensing-model';
import { StationStatusTag } from './sensing-tags';
import type { SensingStation } from './types';

/**
 * The chosen station beside the map: status, alarms and its latest values (live from the stream),
 * named and with units from the station's detail.
 */
export function StationPanel({ station }: { station: SensingStation }) {
  const t = useT();
  const localName = useLocalName();
  const { locale } = usePreferences();
  const detail = useLoad(
    () => unwrap(api.GET('/api/sensing/stations/{id}', { params: { path: { id: station.id } } })),
    [station.id],
  );
  const metrics = detail.data?.metrics ?? [];
  const codes = metrics.length ? metrics.map((m) => m.code) : Object.keys(station.values);
  const shown = codes.filter((code) => station.values[code]);

  return (
    <Card
      size="small"
      title={localName(station.nameZh, station.nameEn)}
      data-testid="sensing-station-panel"
      data-station-code={station.code}
      extra={<StationStatusTag station={station} />}
    >
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Typography.Text>
          {t(`sensing.kind.${station.kind}`)} · {station.code} ·{' '}
          {t('sensing.map.devicesOnline', { online: station.online, devices: station.devices })}
        </Typography.Text>
        {station.activeAlarms > 0 && (
          <Typography.Text type="danger" strong>
            {t('sensing.map.alarms', { count: station.activeAlarms })}
            {station.unacknowledged > 0 &&
              ` · ${t('sensing.map.unacknowledged', { count: station.unacknowledged })}`}
          </Typography.Text>
        )}
        {shown.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sensing.map.noValues')} />
        ) : (
          <Descriptions size="small" column={1} bordered>
            {shown.map((code) => {
              const metric = metrics.find((m) => m.code === code);
              const value = station.values[code];
              return (
                <Descriptions.Item key={code} label={metric ? localName(metric.nameZh, metric.nameEn) : code}>
                  <span data-testid={`sensing-value-${code}`} style={{ fontWeight: 600 }}>
                    {formatReading(value?.value)} {metric?.unit}
                  </span>{' '}
                  <Typography.Text type="secondary">{formatDateTime(value?.ts, locale)}</Typography.Text>
                </Descriptions.Item>
              );
            })}
          </Descriptions>
        )}
        <Link to={`/sensing/stations/${station.code}`} data-testid="sensing-open-station">
          <Button type="primary">{t('sensing.map.openStation')}</Button>
        </Link>
      </Space>
    </Card>
  );
}
