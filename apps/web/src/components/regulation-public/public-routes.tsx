import { lazy } from 'react';
import { Route } from 'react-router';
import { RequireApplicant } from '../gov-services/applicant-session';

// Public pages load on demand, like the rest of the app.
const PortalRoot = lazy(() =>
  import('../gov-services/portal-shell').then((m) => ({ default: m.PortalRoot })),
);
const ShopCodePage = lazy(() =>
  import('../../pages/shop-code-page').then((m) => ({ default: m.ShopCodePage })),
);
const PortalCreditPage = lazy(() =>
  import('../../pages/portal-credit-page').then((m) => ({ default: m.PortalCreditPage })),
);
const PublicRegulationResultsPage = lazy(() =>
  import('../../pages/public-regulation-results-page').then((m) => ({
    default: m.PublicRegulationResultsPage,
  })),
);
const PublicRegulationDrawPage = lazy(() =>
  import('../../pages/public-regulation-draw-page').then((m) => ({ default: m.PublicRegulationDrawPage })),
);

/**
 * Regulation's public routes, outside the staff layout: the shop code page (众安码) and 我的信用
 * share the portal's applicant session; 双随机一公开 needs no session.
 * A function, not a component: <Routes> only reads <Route> elements.
 */
export function regulationPublicRoutes() {
  return (
    <>
      <Route element={<PortalRoot />}>
        <Route path="/shop/:token" element={<ShopCodePage />} />
        <Route
          path="/portal/credit"
          element={
            <RequireApplicant>
              <PortalCreditPage />
            </RequireApplicant>
          }
        />
      </Route>
      <Route path="/regulation/results" element={<PublicRegulationResultsPage />} />
      <Route path="/regulation/draws/:id" element={<PublicRegulationDrawPage />} />
    </>
  );
}
