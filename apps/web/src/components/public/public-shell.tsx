import { Typography, theme } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { useAppTitle } from '../app-layout';
import { PreferenceSwitches } from '../preference-switches';

const LINKS: { path: string; label: MessageKey; testId: string }[] = [
  { path: '/report', label: 'public.nav.report', testId: 'public-nav-report' },
  { path: '/track', label: 'public.nav.track', testId: 'public-nav-track' },
  { path: '/login', label: 'public.nav.staffLogin', testId: 'public-nav-login' },
];

/** The frame of the pages citizens use without logging in: narrow, one column, phone first. */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
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
            maxWidth: 720,
            margin: '0 auto',
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
          }}
        >
          <Typography.Text strong style={{ fontSize: token.fontSizeLG }}>
            {appTitle}
          </Typography.Text>
          <PreferenceSwitches />
        </div>
        <nav
          aria-label={t('public.nav.label')}
          style={{ maxWidth: 720, margin: '4px auto 0', display: 'flex', flexWrap: 'wrap', gap: 4 }}
        >
          {LINKS.map((link) => {
            const current = pathname === link.path;
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
      <main style={{ maxWidth: 720, margin: '0 auto', padding: 16 }}>
        <Typography.Title level={3} style={{ marginTop: 8 }}>
          {title}
        </Typography.Title>
        {children}
      </main>
    </div>
  );
}
