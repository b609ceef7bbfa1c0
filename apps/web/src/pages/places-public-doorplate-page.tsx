import { problemOf, unwrap } from '@zhizhi/api-client';
import { Alert, Card, Descriptions, Empty, List, Result, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/api';
import { formatDateTime } from '../components/format';
import { formatDistance } from '../components/places/places-model';
import type { PublicDoorplate } from '../components/places/types';
import { PublicFrame, type PublicLink } from '../components/public/public-shell';
import type { MessageKey } from '../i18n/translate';
import { useEnumLabel, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

const LINKS: PublicLink[] = [
  { path: '/report', label: 'public.nav.report', testId: 'public-nav-report' },
  { path: '/track', label: 'public.nav.track', testId: 'public-nav-track' },
  { path: '/login', label: 'public.nav.staffLogin', testId: 'public-nav-login' },
];

/** What a citizen is told about a code that does not open, by the problem's code. */
const FAILURES: Record<string, { title: MessageKey; text: MessageKey }> = {
  'codes.code.revoked': { title: 'places.public.revokedTitle', text: 'places.public.revoked' },
  'codes.code.not_found': { title: 'places.public.notFoundTitle', text: 'places.public.notFound' },
  'codes.code.invalid': { title: 'places.public.invalidTitle', text: 'places.public.invalid' },
};

type Loaded =
  | { state: 'loading' }
  | { state: 'ok'; plate: PublicDoorplate }
  | { state: 'failed'; code: string };

/** 数字门牌 (no login): the address a scanned doorplate names, where it lies, services nearby. */
export function PlacesPublicDoorplatePage() {
  const t = useT();
  const enumLabel = useEnumLabel();
  const { locale } = usePreferences();
  const { token = '' } = useParams();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    unwrap(api.GET('/api/public/doorplates/{token}', { params: { path: { token } } }))
      .then((plate) => current && setLoaded({ state: 'ok', plate }))
      .catch(
        (error: unknown) => current && setLoaded({ state: 'failed', code: problemOf(error).code ?? '' }),
      );
    return () => {
      current = false;
    };
  }, [token]);

  if (loaded.state === 'loading') {
    return (
      <PublicFrame title={t('places.public.title')} links={LINKS} navLabel="public.nav.label" maxWidth={720}>
        <Spin size="large" style={{ display: 'block', margin: '10vh auto' }} />
      </PublicFrame>
    );
  }
  if (loaded.state === 'failed') {
    const failure = FAILURES[loaded.code];
    return (
      <PublicFrame title={t('places.public.title')} links={LINKS} navLabel="public.nav.label" maxWidth={720}>
        <Result
          status={failure ? 'warning' : 'error'}
          title={t(failure?.title ?? 'places.public.invalidTitle')}
          subTitle={failure ? t(failure.text) : t('error.unknown')}
          data-testid="places-public-error"
          data-code={loaded.code}
        />
      </PublicFrame>
    );
  }

  const { plate } = loaded;
  return (
    <PublicFrame title={t('places.public.title')} links={LINKS} navLabel="public.nav.label" maxWidth={720}>
      <Card data-testid="places-public-doorplate">
        <Tag color={plate.current ? 'success' : 'default'}>
          {plate.current ? t('places.public.current') : t('places.public.replaced')}
        </Tag>
        <Tag>{enumLabel('places.level', plate.level)}</Tag>
        <Typography.Title
          level={2}
          style={{ margin: '12px 0', wordBreak: 'break-all', lineHeight: 1.4 }}
          data-testid="places-public-address"
        >
          {plate.address}
        </Typography.Title>
        {!plate.current && plate.replacedBy && (
          <Alert
            type="warning"
            showIcon
            title={t('places.public.replacedBy', { address: plate.replacedBy })}
          />
        )}
        <Descriptions size="middle" column={1} bordered style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('places.public.town')}>{plate.town ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('places.public.village')}>{plate.village ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('places.public.grid')}>{plate.grid?.name ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('places.public.services')} style={{ marginTop: 16 }}>
        {plate.services.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('places.public.noServices')} />
        ) : (
          <List
            dataSource={plate.services}
            data-testid="places-public-services"
            renderItem={(service) => (
              <List.Item
                extra={
                  <Typography.Text strong>{formatDistance(service.distanceMeters, locale)}</Typography.Text>
                }
              >
                <List.Item.Meta title={service.name} description={service.category ?? undefined} />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        {t('places.public.intro')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('places.public.issuedAt', { time: formatDateTime(plate.issuedAt, locale) })}
      </Typography.Paragraph>
    </PublicFrame>
  );
}
