import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePage } from '../guards';

const InspectVisitsPage = lazy(() =>
  import('../../pages/inspect-visits-page').then((m) => ({ default: m.InspectVisitsPage })),
);
const InspectVisitPage = lazy(() =>
  import('../../pages/inspect-visit-page').then((m) => ({ default: m.InspectVisitPage })),
);

/**
 * The inspector's phone pages (我的检查), inside the staff layout and guarded like its menu entry.
 * A function, not a component: <Routes> only reads <Route> elements.
 */
export function regulationInspectorRoutes() {
  return (
    <>
      <Route
        path="inspect"
        element={
          <RequirePage pageKey="regInspect">
            <InspectVisitsPage />
          </RequirePage>
        }
      />
      <Route
        path="inspect/:id"
        element={
          <RequirePage pageKey="regInspect">
            <InspectVisitPage />
          </RequirePage>
        }
      />
    </>
  );
}
