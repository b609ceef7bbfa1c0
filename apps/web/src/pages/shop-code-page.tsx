import { LoginOutlined } from '@ant-design/icons';
import { problemOf } from '@zhizhi/api-client';
import { Button, Card, Result, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApplicant } from '../components/gov-services/applicant-session';
import { PublicFrame, type PublicLink } from '../components/public/public-shell';
import { clientFor, loadShop } from '../components/regulation-public/regulation-api';
import { ShopFacts, ShopReview } from '../components/regulation-public/shop-facts';
import { ShopHelp, ShopRectify } from '../components/regulation-public/shop-owner';
import { ShopInspect, ShopSupervise } from '../components/regulation-public/shop-staff';
import type { ShopAction, ShopPage } from '../components/regulation-public/types';
import type { MessageKey } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { useSession } from '../session/session';

export const REGULATION_PUBLIC_LINKS: PublicLink[] = [
  { path: '/regulation/results', label: 'regPublic.nav.results', testId: 'reg-nav-results' },
  { path: '/portal', label: 'portal.name', testId: 'reg-nav-portal' },
  { path: '/report', label: 'public.nav.report', testId: 'reg-nav-report' },
];

const FAILURES: Record<string, MessageKey> = {
  'codes.code.revoked': 'regPublic.shop.revoked',
  'codes.code.not_found': 'regPublic.shop.notFound',
  'codes.code.invalid': 'regPublic.shop.invalid',
};

const ACTION_LABELS: Record<ShopAction, MessageKey> = {
  view: 'regPublic.shop.view',
  review: 'regPublic.shop.review',
  inspect: 'regPublic.shop.inspect',
  rectify: 'regPublic.shop.rectify',
  supervise: 'regPublic.shop.supervise',
  help: 'regPublic.shop.help',
};

type Loaded = { state: 'loading' } | { state: 'ok'; page: ShopPage } | { state: 'failed'; code: string };

/** 众安码 (no login needed): what anyone may see and do at this shop, and more by role. */
export function ShopCodePage() {
  const t = useT();
  const { token = '' } = useParams();
  const staff = useSession().me;
  const applicant = useApplicant();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const signedIn = !!staff || !!applicant.me;

  const load = useCallback(
    (quiet = false) => {
      if (!quiet) setLoaded({ state: 'loading' });
      loadShop(token)
        .then((page) => setLoaded({ state: 'ok', page }))
        .catch((error: unknown) => setLoaded({ state: 'failed', code: problemOf(error).code }));
    },
    [token],
  );
  // The actions depend on who is signed in: load again once the applicant session is known.
  // biome-ignore lint/correctness/useExhaustiveDependencies: signedIn changes who the server sees
  useEffect(() => {
    if (applicant.ready) load();
  }, [load, applicant.ready, signedIn]);

  const client = clientFor(!!staff);
  const reload = () => load(true);
  const page = loaded.state === 'ok' ? loaded.page : null;
  const has = (action: ShopAction) => !!page?.actions.includes(action);

  return (
    <PublicFrame
      title={page?.subject.name ?? t('regPublic.shop.title')}
      links={REGULATION_PUBLIC_LINKS}
      navLabel="regPublic.nav.label"
      maxWidth={720}
      subtitle={t('regPublic.shop.code')}
    >
      {loaded.state === 'loading' && <Spin size="large" style={{ display: 'block', margin: '10vh auto' }} />}
      {loaded.state === 'failed' && (
        <Result
          status="warning"
          title={t(FAILURES[loaded.code] ?? 'regPublic.shop.invalid')}
          subTitle={t('regPublic.shop.failedHint')}
          data-testid="reg-shop-error"
          data-code={loaded.code}
        />
      )}
      {page && (
        <>
          <nav aria-label={t('regPublic.shop.actions')} style={{ marginBottom: 12 }}>
            <Space wrap size="small" data-testid="reg-shop-actions">
              {page.actions.map((action) => (
                <Button key={action} href={`#reg-${action}`} data-action={action}>
                  {t(ACTION_LABELS[action])}
                </Button>
              ))}
            </Space>
          </nav>
          <ShopFacts page={page} />
          <ShopReview page={page} token={token} client={client} onDone={reload} />
          {has('inspect') && <ShopInspect page={page} />}
          {has('rectify') && <ShopRectify page={page} token={token} client={client} onDone={reload} />}
          {has('help') && <ShopHelp token={token} client={client} />}
          {has('supervise') && <ShopSupervise page={page} />}
          {!signedIn && (
            <Card size="small" data-testid="reg-shop-login">
              <Typography.Paragraph>{t('regPublic.shop.ownerHint')}</Typography.Paragraph>
              <Space wrap>
                <Link to="/portal/login" state={{ from: `/shop/${token}` }}>
                  <Button type="primary" icon={<LoginOutlined />}>
                    {t('regPublic.shop.ownerLogin')}
                  </Button>
                </Link>
                <Link to="/login" state={{ from: `/shop/${token}` }}>
                  <Button icon={<LoginOutlined />}>{t('regPublic.shop.staffLogin')}</Button>
                </Link>
              </Space>
            </Card>
          )}
          {applicant.me && !staff && !has('rectify') && (
            <Typography.Paragraph type="secondary" data-testid="reg-shop-not-owner">
              {t('regPublic.shop.notOwner')}
            </Typography.Paragraph>
          )}
        </>
      )}
    </PublicFrame>
  );
}
