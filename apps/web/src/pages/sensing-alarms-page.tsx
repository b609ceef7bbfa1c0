import { unwrap } from '@zhizhi/api-client';
import { Card, Segmented, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/api';
import { AlarmTable } from '../components/sensing/alarm-table';
import { LiveBadge } from '../components/sensing/live-badge';
import { awaitingCase, SEVERITY_ORDER } from '../components/sensing/sensing-model';
import { TownshipSelect } from '../components/sensing/station-filters';
import type { Severity } from '../components/sensing/types';
import { useSensingStream, useTrailingThrottle } from '../components/sensing/use-sensing-stream';
import { useTownships } from '../components/sensing/use-townships';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';

type StatusChoice = 'active' | 'unacknowledged' | 'cleared' | 'all';
// A safety net for a broken stream (proxies that buffer event streams): the table never goes stale for long.
const POLL_MS = 30_000;
// Case numbers are linked after the alarm, and the stream does not announce it.
const CASE_POLL_MS = 4_000;

function statusQuery(choice: StatusChoice) {
  if (choice === 'active') return { status: 'active' as const };
  if (choice === 'cleared') return { status: 'cleared' as const };
  if (choice === 'unacknowledged') return { acknowledged: 'false' as const };
  return {};
}

/** 告警中心: alarms with filters, live from the stream; handlers acknowledge and clear them. */
export function SensingAlarmsPage() {
  const t = useT();
  const townships = useTownships();
  const [status, setStatus] = useState<StatusChoice>('active');
  const [severity, setSeverity] = useState<Severity>();
  const [township, setTownship] = useState<string>();
  const alarms = useLoad(
    () =>
      unwrap(
        api.GET('/api/sensing/alarms', {
          params: { query: { ...statusQuery(status), severity, township, limit: 200 } },
        }),
      ).then((body) => body.items),
    [status, severity, township],
  );
  const reload = useTrailingThrottle(alarms.reload, 400);
  const live = useSensingStream({ onAlarm: reload });
  const fast = awaitingCase(alarms.data ?? [], Date.now());
  useEffect(() => {
    const timer = setInterval(reload, fast ? CASE_POLL_MS : POLL_MS);
    return () => clearInterval(timer);
  }, [reload, fast]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.sensingAlarms')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('sensing.alarms.intro')}</Typography.Paragraph>
      <Space wrap size="large">
        <Segmented<StatusChoice>
          aria-label={t('sensing.filter.status')}
          value={status}
          onChange={setStatus}
          data-testid="sensing-alarm-status-filter"
          options={[
            { value: 'active', label: t('sensing.alarm.active') },
            { value: 'unacknowledged', label: t('sensing.alarm.unacknowledged') },
            { value: 'cleared', label: t('sensing.alarm.cleared') },
            { value: 'all', label: t('common.all') },
          ]}
        />
        <Space>
          <label htmlFor="sensing-severity">{t('sensing.filter.severity')}</label>
          <Select<Severity>
            id="sensing-severity"
            allowClear
            style={{ minWidth: 120 }}
            placeholder={t('common.all')}
            value={severity}
            onChange={(value) => setSeverity(value ?? undefined)}
            options={SEVERITY_ORDER.filter((s) => s !== 'indeterminate').map((s) => ({
              value: s,
              label: t(`sensing.severity.${s}`),
            }))}
          />
        </Space>
        <TownshipSelect townships={townships} value={township} onChange={setTownship} />
        <LiveBadge open={live} />
      </Space>
      <Card size="small">
        <AlarmTable
          alarms={alarms.data ?? []}
          loading={alarms.loading && !alarms.data}
          onChanged={alarms.reload}
        />
      </Card>
    </Space>
  );
}
