import { Typography, theme } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import type { MessageKey } from '../../../i18n/translate';
import { useT } from '../../../i18n/use-t';
import { useAppTitle } from '../../app-layout';
import { PreferenceSwitches } from '../../preference-switches';

const LINKS: { path: string; label: MessageKey; testId: string }[] = [
  { path: '/open', label: 'open.nav.datasets', testId: 'open-nav-datasets' },
  { path: '/open/developer', label: 'open.nav.developer', testId: 'open-nav-developer' },
  { path: '/open/stats', label: 'open.nav.stats', testId: 'open-nav-stats' },
  { path: '/report', label: 'public.nav.report', testId: 'open-nav-report' },
  { path: '/login', label: 'public.nav.staffLogin', testId: 'open-nav-login' },
];

/** The frame of the open-data portal: public, no login, one column on phones, wider on desktops. */
export function OpenShell({ title, children }: { title: string; children: ReactNode }) {
  const appTitle = useAppTitle();
  const t = useT();
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  useEffect(() => {
    document.title = `${title} · ${appTitle}`;
  }, [title, appTitle]);

  return (
    <div style={{ minHeight: '100vh', background: token.colorBgLayout }}>
      <header
        style={{
          background: token.colorBgContainer,
          borderBottom: `${token.lineWidth}px solid ${token.colorBorderSecondary}`,
          padding: '8px 16px',
        }}
      >
        <div
          style={{
            maxWidth: 1080,
            margin: '0 auto',
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
          }}
        >
          <Typography.Text strong style={{ fontSize: token.fontSizeLG }}>
            {appTitle} · {t('open.portal.title')}
          </Typography.Text>
          <PreferenceSwitches />
        </div>
        <nav
          aria-label={t('open.nav.label')}
          style={{ maxWidth: 1080, margin: '4px auto 0', display: 'flex', flexWrap: 'wrap', gap: 4 }}
        >
          {LINKS.map((link) => {
            const current =
              link.path === '/open'
                ? pathname === '/open' || pathname.startsWith('/open/datasets')
                : pathname === link.path;
            return (
              <Link
                key={link.path}
                to={link.path}
                data-testid={link.testId}
                aria-current={current ? 'page' : undefined}
                style={{
                  padding: '4px 12px',
                  borderRadius: token.borderRadius,
                  color: current ? token.colorTextLightSolid : token.colorPrimary,
                  background: current ? token.colorPrimary : 'transparent',
                }}
              >
                {t(link.label)}
              </Link>
            );
          })}
        </nav>
      </header>
      <main style={{ maxWidth: 1080, margin: '0 auto', padding: 16 }}>
        <Typography.Title level={3} style={{ marginTop: 8 }}>
          {title}
        </Typography.Title>
        {children}
      </main>
    </div>
  );
}
