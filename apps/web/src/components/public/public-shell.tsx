import { Typography, theme } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { useAppTitle } from '../app-layout';
import { PreferenceSwitches } from '../preference-switches';

/** A link in a public frame's navigation. */
export interface PublicLink {
  path: string;
  label: MessageKey;
  testId: string;
}

const LINKS: PublicLink[] = [
  { path: '/report', label: 'public.nav.report', testId: 'public-nav-report' },
  { path: '/track', label: 'public.nav.track', testId: 'public-nav-track' },
  { path: '/portal', label: 'portal.name', testId: 'public-nav-portal' },
  { path: '/login', label: 'public.nav.staffLogin', testId: 'public-nav-login' },
];

/** The frame of the pages citizens use without logging in: narrow, one column, phone first. */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <PublicFrame title={title} links={LINKS} navLabel="public.nav.label" maxWidth={720}>
      {children}
    </PublicFrame>
  );
}

export interface PublicFrameProps {
  title: string;
  children: ReactNode;
  links: readonly PublicLink[];
  /** The navigation's accessible name. */
  navLabel: MessageKey;
  /** Content width in px (one column on phones either way). */
  maxWidth: number;
  /** Shown after the app's name in the header, e.g. the portal's name. */
  subtitle?: string;
  /** Whether a link is the current page (default: the path matches exactly). */
  isCurrent?: (link: PublicLink, pathname: string) => boolean;
}

/** A public page frame: header with the app's name and preferences, link navigation, titled main. */
export function PublicFrame({
  title,
  children,
  links,
  navLabel,
  maxWidth,
  subtitle,
  isCurrent,
}: PublicFrameProps) {
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
            maxWidth,
            margin: '0 auto',
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
          }}
        >
          <Typography.Text strong style={{ fontSize: token.fontSizeLG }}>
            {subtitle ? `${appTitle} · ${subtitle}` : appTitle}
          </Typography.Text>
          <PreferenceSwitches />
        </div>
        <nav
          aria-label={t(navLabel)}
          style={{ maxWidth, margin: '4px auto 0', display: 'flex', flexWrap: 'wrap', gap: 4 }}
        >
          {links.map((link) => {
            const current = isCurrent ? isCurrent(link, pathname) : pathname === link.path;
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
      <main style={{ maxWidth, margin: '0 auto', padding: 16 }}>
        <Typography.Title level={3} style={{ marginTop: 8 }}>
          {title}
        </Typography.Title>
        {children}
      </main>
    </div>
  );
}
