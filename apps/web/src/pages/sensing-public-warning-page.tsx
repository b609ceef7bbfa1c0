import { unwrap } from '@zhizhi/api-client';
import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/api';
import { formatDateTime } from '../components/format';
import { PublicFrame, type PublicLink } from '../components/public/public-shell';
import { WarningBoard } from '../components/sensing/warning-board';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

const REFRESH_MS = 60_000;

const LINKS: PublicLink[] = [
  { path: '/warning', label: 'sensing.public.nav', testId: 'public-nav-warning' },
  { path: '/report', label: 'public.nav.report', testId: 'public-nav-report' },
  { path: '/track', label: 'public.nav.track', testId: 'public-nav-track' },
  { path: '/login', label: 'public.nav.staffLogin', testId: 'public-nav-login' },
];

/**
 * 灾害预警 for the public, no login: township levels and bulletins from the public endpoint (which
 * carries no personal data), refreshed every minute.
 */
export function SensingPublicWarningPage() {
  const t = useT();
  const { locale } = usePreferences();
  const [refreshedAt, setRefreshedAt] = useState<string>();
  const bulletin = useLoad(
    () =>
      unwrap(api.GET('/api/public/sensing/bulletin')).then((body) => {
        setRefreshedAt(new Date().toISOString());
        return body;
      }),
    [],
  );
  const { reload } = bulletin;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return (
    <PublicFrame title={t('sensing.public.title')} links={LINKS} navLabel="public.nav.label" maxWidth={880}>
      <Typography.Paragraph>{t('sensing.public.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" data-testid="sensing-public-refreshed">
        {t('sensing.public.refreshed', { time: formatDateTime(refreshedAt, locale) })}
      </Typography.Paragraph>
      <WarningBoard data={bulletin.data} loading={bulletin.loading} narrow />
    </PublicFrame>
  );
}
