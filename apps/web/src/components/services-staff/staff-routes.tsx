import { lazy, type ReactNode } from 'react';
import { Route } from 'react-router';
import { RequirePage } from '../guards';

// The staff pages of 一网通办 load on demand, like the rest of the app.
const ServicesWindowPage = lazy(() =>
  import('../../pages/services-window-page').then((m) => ({ default: m.ServicesWindowPage })),
);
const ServicesQueuePage = lazy(() =>
  import('../../pages/services-queue-page').then((m) => ({ default: m.ServicesQueuePage })),
);
const ServicesCasePage = lazy(() =>
  import('../../pages/services-case-page').then((m) => ({ default: m.ServicesCasePage })),
);
const ServicesCataloguePage = lazy(() =>
  import('../../pages/services-catalogue-page').then((m) => ({ default: m.ServicesCataloguePage })),
);
const ServicesRatingsPage = lazy(() =>
  import('../../pages/services-ratings-page').then((m) => ({ default: m.ServicesRatingsPage })),
);

const guarded = (pageKey: string, page: ReactNode) => <RequirePage pageKey={pageKey}>{page}</RequirePage>;

/**
 * The 政务服务 staff routes inside the staff layout, each guarded by its menu entry's permissions.
 * A function, not a component: <Routes> only reads <Route> elements.
 */
export function servicesStaffRoutes() {
  return (
    <>
      <Route path="services/window" element={guarded('servicesWindow', <ServicesWindowPage />)} />
      <Route path="services/queue" element={guarded('servicesQueue', <ServicesQueuePage />)} />
      <Route path="services/cases/:caseId" element={guarded('servicesQueue', <ServicesCasePage />)} />
      <Route path="services/catalogue" element={guarded('servicesCatalogue', <ServicesCataloguePage />)} />
      <Route path="services/ratings" element={guarded('servicesRatings', <ServicesRatingsPage />)} />
    </>
  );
}
