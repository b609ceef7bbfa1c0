import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import { RequirePage } from '../guards';

// The cockpit's staff pages load on demand, like the rest of the app.
const CockpitIndicatorPage = lazy(() =>
  import('../../pages/cockpit-indicator-page').then((m) => ({ default: m.CockpitIndicatorPage })),
);
const CockpitReportsPage = lazy(() =>
  import('../../pages/cockpit-reports-page').then((m) => ({ default: m.CockpitReportsPage })),
);
const CockpitLayoutsPage = lazy(() =>
  import('../../pages/cockpit-layouts-page').then((m) => ({ default: m.CockpitLayoutsPage })),
);

const guarded = (pageKey: string, page: ReactNode) => <RequirePage pageKey={pageKey}>{page}</RequirePage>;

/**
 * The 领导驾驶舱 pages inside the staff layout (the full-screen big screen lives outside it), each
 * guarded by its menu entry's permissions; an indicator's page needs what the reports need (cockpit.view).
 * A function, not a component: <Routes> only reads <Route> elements.
 */
export function cockpitStaffRoutes() {
  return (
    <>
      <Route path="cockpit/indicators/:code" element={guarded('cockpitReports', <CockpitIndicatorPage />)} />
      <Route path="cockpit/reports" element={guarded('cockpitReports', <CockpitReportsPage />)} />
      <Route path="cockpit/layouts" element={guarded('cockpitLayouts', <CockpitLayoutsPage />)} />
    </>
  );
}
