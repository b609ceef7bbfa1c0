import { unwrap } from '@zhizhi/api-client';
import { Space, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../api/api';
import { LiveBadge } from '../components/sensing/live-badge';
import { useSensingStream, useTrailingThrottle } from '../components/sensing/use-sensing-stream';
import { useTownships } from '../components/sensing/use-townships';
import { WarningBoard } from '../components/sensing/warning-board';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';

const REFRESH_MS = 60_000;

/** 多灾种预警: each township's level from rain, water and wind, and the bulletins issued. */
export function SensingWarningPage() {
  const t = useT();
  const townships = useTownships();
  const warnings = useLoad(() => unwrap(api.GET('/api/sensing/warnings')), []);
  // Levels follow alarms (water) and readings (rain, wind): refresh on alarms and every minute.
  const reload = useTrailingThrottle(warnings.reload, 2_000);
  const live = useSensingStream({ onAlarm: reload });
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.sensingWarning')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('sensing.warning.intro')}</Typography.Paragraph>
      <LiveBadge open={live} />
      <WarningBoard
        data={warnings.data}
        loading={warnings.loading}
        townshipName={(code) => townships.find((d) => d.code === code)?.name ?? code}
      />
    </Space>
  );
}
