import { Layout, Menu, type MenuProps, Typography, theme } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useSystemInfo } from '../api/system-info';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { useSession } from '../session/session';
import { isGroup, NAV, type NavPage, navPageForPath } from './nav-items';
import { NotificationBell } from './notifications/notification-bell';
import { PreferenceSwitches } from './preference-switches';
import { UserMenu } from './user-menu';

type MenuItem = NonNullable<MenuProps['items']>[number];

function useMenuItems(): MenuItem[] {
  const { canAny } = useSession();
  const t = useT();
  const visible = (page: NavPage) => page.permissions.length === 0 || canAny(page.permissions);
  const itemOf = (page: NavPage): MenuItem => ({
    key: page.key,
    icon: page.icon,
    label: (
      <Link to={page.path} data-testid={`nav-${page.key}`}>
        {t(page.label)}
      </Link>
    ),
  });
  return NAV.flatMap((item): MenuItem[] => {
    if (!isGroup(item)) return visible(item) ? [itemOf(item)] : [];
    const pages = item.pages.filter(visible);
    if (pages.length === 0) return [];
    return [{ key: item.key, icon: item.icon, label: t(item.label), children: pages.map(itemOf) }];
  });
}

/** Title like 整体智治 · 奉化区. */
export function useAppTitle(): string {
  const info = useSystemInfo();
  const t = useT();
  const localName = useLocalName();
  return info ? `${t('app.name')} · ${localName(info.region.name, info.region.nameEn)}` : t('app.name');
}

export function AppLayout() {
  const { me } = useSession();
  const location = useLocation();
  const title = useAppTitle();
  const items = useMenuItems();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const { elderMode } = usePreferences();
  const selected = navPageForPath(location.pathname)?.key;
  // While a password change is forced, the menu would only lead to refused pages.
  const showMenu = !me?.mustChangePassword;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          // On a phone the switches, bell and user menu wrap under the title instead of off the screen.
          flexWrap: 'wrap',
          gap: '8px 16px',
          height: 'auto',
          minHeight: elderMode ? 80 : 64,
          lineHeight: 'normal',
          paddingBlock: 8,
          paddingInline: 'clamp(12px, 3vw, 24px)',
          borderBottom: `${token.lineWidth}px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Typography.Title level={4} style={{ margin: 0, flex: 1, whiteSpace: 'nowrap' }}>
          <Link to="/" style={{ color: 'inherit' }}>
            {title}
          </Link>
        </Typography.Title>
        <PreferenceSwitches />
        <NotificationBell />
        <UserMenu />
      </Layout.Header>
      <Layout>
        {showMenu && (
          <Layout.Sider
            width={elderMode ? 300 : 240}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            breakpoint="lg"
            theme="light"
            style={{ borderRight: `${token.lineWidth}px solid ${token.colorBorderSecondary}` }}
          >
            <nav aria-label={title}>
              <Menu
                mode="inline"
                items={items}
                selectedKeys={selected ? [selected] : []}
                defaultOpenKeys={['governance', 'org', 'people']}
                style={{ borderInlineEnd: 'none' }}
              />
            </nav>
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
