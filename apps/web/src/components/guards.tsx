import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useT } from '../i18n/use-t';
import { useSession } from '../session/session';
import { navPage } from './nav-items';

/** Sends anonymous users to /login and users who must change their password to /change-password. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return <>{children}</>;
}

/** Renders a page only when the user holds one of the page's permissions. */
export function RequirePage({ pageKey, children }: { pageKey: string; children: ReactNode }) {
  const { canAny } = useSession();
  const t = useT();
  const page = navPage(pageKey);
  const navigate = useNavigate();
  if (page.permissions.length > 0 && !canAny(page.permissions)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('error.forbiddenPage')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('common.backHome')}
          </Button>
        }
      />
    );
  }
  return <>{children}</>;
}
