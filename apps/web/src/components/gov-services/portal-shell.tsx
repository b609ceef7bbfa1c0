import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { useT } from '../../i18n/use-t';
import { PublicFrame, type PublicLink } from '../public/public-shell';
import { ApplicantSessionProvider, useApplicant } from './applicant-session';

const LINKS: PublicLink[] = [
  { path: '/portal', label: 'portal.nav.home', testId: 'portal-nav-home' },
  { path: '/portal/applications', label: 'portal.nav.applications', testId: 'portal-nav-applications' },
  { path: '/portal/track', label: 'portal.nav.track', testId: 'portal-nav-track' },
  { path: '/portal/ratings', label: 'portal.nav.ratings', testId: 'portal-nav-ratings' },
  { path: '/portal/credit', label: 'regPublic.nav.credit', testId: 'portal-nav-credit' },
  { path: '/report', label: 'public.nav.report', testId: 'portal-nav-report' },
];

const isCurrent = (link: PublicLink, pathname: string) =>
  link.path === '/portal'
    ? pathname === '/portal' || pathname.startsWith('/portal/matters') || pathname.startsWith('/portal/apply')
    : pathname === link.path || pathname.startsWith(`${link.path}/`);

/** The portal's routes share one applicant session. */
export function PortalRoot() {
  return (
    <ApplicantSessionProvider>
      <Outlet />
    </ApplicantSessionProvider>
  );
}

function ApplicantBar() {
  const t = useT();
  const navigate = useNavigate();
  const { me, ready, logout } = useApplicant();
  if (!ready) return null;
  return (
    <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'flex-end' }}>
      {me ? (
        <>
          <Typography.Text data-testid="portal-me">
            <UserOutlined />{' '}
            {t(me.kind === 'citizen' ? 'portal.me.citizen' : 'portal.me.enterprise', { name: me.name })}
          </Typography.Text>
          <Button
            icon={<LogoutOutlined />}
            data-testid="portal-logout"
            onClick={() => logout().then(() => navigate('/portal'))}
          >
            {t('portal.logout')}
          </Button>
        </>
      ) : (
        <Link to="/portal/login" data-testid="portal-login-link">
          <Button type="primary" icon={<UserOutlined />}>
            {t('portal.loginOrRegister')}
          </Button>
        </Link>
      )}
    </Space>
  );
}

/** The frame of every portal page: the portal's links, the applicant bar, a wide single column. */
export function PortalShell({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <PublicFrame
      title={title}
      links={LINKS}
      navLabel="portal.nav.label"
      maxWidth={960}
      subtitle={t('portal.name')}
      isCurrent={isCurrent}
    >
      <ApplicantBar />
      {children}
    </PublicFrame>
  );
}
