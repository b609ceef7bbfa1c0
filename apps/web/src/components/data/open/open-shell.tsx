import type { ReactNode } from 'react';
import { useT } from '../../../i18n/use-t';
import { PublicFrame, type PublicLink } from '../../public/public-shell';

const LINKS: PublicLink[] = [
  { path: '/open', label: 'open.nav.datasets', testId: 'open-nav-datasets' },
  { path: '/open/developer', label: 'open.nav.developer', testId: 'open-nav-developer' },
  { path: '/open/stats', label: 'open.nav.stats', testId: 'open-nav-stats' },
  { path: '/report', label: 'public.nav.report', testId: 'open-nav-report' },
  { path: '/login', label: 'public.nav.staffLogin', testId: 'open-nav-login' },
];

// The dataset pages belong to 数据集 too.
const isCurrent = (link: PublicLink, pathname: string) =>
  link.path === '/open'
    ? pathname === '/open' || pathname.startsWith('/open/datasets')
    : pathname === link.path;

/** The frame of the open-data portal: public, no login, one column on phones, wider on desktops. */
export function OpenShell({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <PublicFrame
      title={title}
      links={LINKS}
      navLabel="open.nav.label"
      maxWidth={1080}
      subtitle={t('open.portal.title')}
      isCurrent={isCurrent}
    >
      {children}
    </PublicFrame>
  );
}
