import { lazy } from 'react';
import { Route } from 'react-router';
import { RequireApplicant } from './applicant-session';

// The portal's pages load on demand, like the rest of the app.
const PortalRoot = lazy(() => import('./portal-shell').then((m) => ({ default: m.PortalRoot })));
const PortalHomePage = lazy(() =>
  import('../../pages/portal-home-page').then((m) => ({ default: m.PortalHomePage })),
);
const PortalLoginPage = lazy(() =>
  import('../../pages/portal-login-page').then((m) => ({ default: m.PortalLoginPage })),
);
const PortalMatterPage = lazy(() =>
  import('../../pages/portal-matter-page').then((m) => ({ default: m.PortalMatterPage })),
);
const PortalApplyPage = lazy(() =>
  import('../../pages/portal-apply-page').then((m) => ({ default: m.PortalApplyPage })),
);
const PortalApplicationsPage = lazy(() =>
  import('../../pages/portal-applications-page').then((m) => ({ default: m.PortalApplicationsPage })),
);
const PortalApplicationPage = lazy(() =>
  import('../../pages/portal-application-page').then((m) => ({ default: m.PortalApplicationPage })),
);
const PortalTrackPage = lazy(() =>
  import('../../pages/portal-track-page').then((m) => ({ default: m.PortalTrackPage })),
);
const PortalCertificatePage = lazy(() =>
  import('../../pages/portal-certificate-page').then((m) => ({ default: m.PortalCertificatePage })),
);
const PortalRatingsPage = lazy(() =>
  import('../../pages/portal-ratings-page').then((m) => ({ default: m.PortalRatingsPage })),
);

/**
 * The 一网通办 portal's routes, outside the staff layout and sharing one applicant session.
 * A function, not a component: <Routes> only reads <Route> elements.
 */
export function portalRoutes() {
  return (
    <Route element={<PortalRoot />}>
      <Route path="/portal" element={<PortalHomePage />} />
      <Route path="/portal/login" element={<PortalLoginPage />} />
      <Route path="/portal/matters/:code" element={<PortalMatterPage />} />
      <Route
        path="/portal/apply/:kind/:code"
        element={
          <RequireApplicant>
            <PortalApplyPage />
          </RequireApplicant>
        }
      />
      <Route path="/portal/applications" element={<PortalApplicationsPage />} />
      <Route path="/portal/applications/:id" element={<PortalApplicationPage />} />
      <Route path="/portal/track" element={<PortalTrackPage />} />
      <Route path="/portal/ratings" element={<PortalRatingsPage />} />
      <Route path="/certificate/:token" element={<PortalCertificatePage />} />
    </Route>
  );
}
