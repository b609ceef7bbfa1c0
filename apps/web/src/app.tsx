import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AppLayout } from './components/app-layout';
import { cockpitStaffRoutes } from './components/cockpit-staff/staff-routes';
import { RequireAuth, RequirePage } from './components/guards';
import { portalRoutes } from './components/gov-services/portal-routes';
import { regulationInspectorRoutes } from './components/regulation-public/inspector-routes';
import { regulationPublicRoutes } from './components/regulation-public/public-routes';
import { regulationStaffRoutes } from './components/regulation-staff/staff-routes';
import { servicesStaffRoutes } from './components/services-staff/staff-routes';
import { PreferencesProvider, usePreferences } from './session/preferences';
import { SessionProvider, useSession } from './session/session';
import { elderTheme, standardTheme } from './theme/themes';

// Pages load on demand so the login screen stays light.
const LoginPage = lazy(() => import('./pages/login-page').then((m) => ({ default: m.LoginPage })));
const PublicReportPage = lazy(() =>
  import('./pages/public-report-page').then((m) => ({ default: m.PublicReportPage })),
);
const PublicTrackPage = lazy(() =>
  import('./pages/public-track-page').then((m) => ({ default: m.PublicTrackPage })),
);
const GridReportPage = lazy(() =>
  import('./pages/grid-report-page').then((m) => ({ default: m.GridReportPage })),
);
const ChangePasswordPage = lazy(() =>
  import('./pages/change-password-page').then((m) => ({ default: m.ChangePasswordPage })),
);
const ApiKeysPage = lazy(() => import('./pages/api-keys-page').then((m) => ({ default: m.ApiKeysPage })));
const HomePage = lazy(() => import('./pages/home-page').then((m) => ({ default: m.HomePage })));
const DivisionsPage = lazy(() =>
  import('./pages/divisions-page').then((m) => ({ default: m.DivisionsPage })),
);
const DepartmentsPage = lazy(() =>
  import('./pages/departments-page').then((m) => ({ default: m.DepartmentsPage })),
);
const GridsPage = lazy(() => import('./pages/grids-page').then((m) => ({ default: m.GridsPage })));
const StaffPage = lazy(() => import('./pages/staff-page').then((m) => ({ default: m.StaffPage })));
const RolesPage = lazy(() => import('./pages/roles-page').then((m) => ({ default: m.RolesPage })));
const CalendarPage = lazy(() => import('./pages/calendar-page').then((m) => ({ default: m.CalendarPage })));
const JobsPage = lazy(() => import('./pages/jobs-page').then((m) => ({ default: m.JobsPage })));
const AuditPage = lazy(() => import('./pages/audit-page').then((m) => ({ default: m.AuditPage })));
const SupervisionPage = lazy(() =>
  import('./pages/supervision-page').then((m) => ({ default: m.SupervisionPage })),
);
const CasesWorkbenchPage = lazy(() =>
  import('./pages/cases-workbench-page').then((m) => ({ default: m.CasesWorkbenchPage })),
);
const CasesDetailPage = lazy(() =>
  import('./pages/cases-detail-page').then((m) => ({ default: m.CasesDetailPage })),
);
const CasesMapPage = lazy(() => import('./pages/cases-map-page').then((m) => ({ default: m.CasesMapPage })));
const DispatchConsolePage = lazy(() =>
  import('./pages/dispatch-console-page').then((m) => ({ default: m.DispatchConsolePage })),
);
const GovernanceCategoriesPage = lazy(() =>
  import('./pages/governance-categories-page').then((m) => ({ default: m.GovernanceCategoriesPage })),
);
const GovernanceCataloguePage = lazy(() =>
  import('./pages/governance-catalogue-page').then((m) => ({ default: m.GovernanceCataloguePage })),
);
const GovernanceHotlinePage = lazy(() =>
  import('./pages/governance-hotline-page').then((m) => ({ default: m.GovernanceHotlinePage })),
);
const DataCatalogPage = lazy(() =>
  import('./pages/data-catalog-page').then((m) => ({ default: m.DataCatalogPage })),
);
const DataLoadsPage = lazy(() =>
  import('./pages/data-loads-page').then((m) => ({ default: m.DataLoadsPage })),
);
const DataQualityPage = lazy(() =>
  import('./pages/data-quality-page').then((m) => ({ default: m.DataQualityPage })),
);
const DataSharingInboxPage = lazy(() =>
  import('./pages/data-sharing-inbox-page').then((m) => ({ default: m.DataSharingInboxPage })),
);
const DataSharingGrantsPage = lazy(() =>
  import('./pages/data-sharing-grants-page').then((m) => ({ default: m.DataSharingGrantsPage })),
);
const DataSharingStatsPage = lazy(() =>
  import('./pages/data-sharing-stats-page').then((m) => ({ default: m.DataSharingStatsPage })),
);
const OpenPortalPage = lazy(() =>
  import('./pages/open-portal-page').then((m) => ({ default: m.OpenPortalPage })),
);
const OpenDatasetPage = lazy(() =>
  import('./pages/open-dataset-page').then((m) => ({ default: m.OpenDatasetPage })),
);
const OpenDeveloperPage = lazy(() =>
  import('./pages/open-developer-page').then((m) => ({ default: m.OpenDeveloperPage })),
);
const OpenStatsPage = lazy(() =>
  import('./pages/open-stats-page').then((m) => ({ default: m.OpenStatsPage })),
);
const OpenApplicationsPage = lazy(() =>
  import('./pages/open-applications-page').then((m) => ({ default: m.OpenApplicationsPage })),
);
const SensingMapPage = lazy(() =>
  import('./pages/sensing-map-page').then((m) => ({ default: m.SensingMapPage })),
);
const SensingStationPage = lazy(() =>
  import('./pages/sensing-station-page').then((m) => ({ default: m.SensingStationPage })),
);
const SensingAlarmsPage = lazy(() =>
  import('./pages/sensing-alarms-page').then((m) => ({ default: m.SensingAlarmsPage })),
);
const SensingWarningPage = lazy(() =>
  import('./pages/sensing-warning-page').then((m) => ({ default: m.SensingWarningPage })),
);
const SensingPublicWarningPage = lazy(() =>
  import('./pages/sensing-public-warning-page').then((m) => ({ default: m.SensingPublicWarningPage })),
);
const PlacesSearchPage = lazy(() =>
  import('./pages/places-search-page').then((m) => ({ default: m.PlacesSearchPage })),
);
const PlacesMapPage = lazy(() =>
  import('./pages/places-map-page').then((m) => ({ default: m.PlacesMapPage })),
);
const PlacesImportsPage = lazy(() =>
  import('./pages/places-imports-page').then((m) => ({ default: m.PlacesImportsPage })),
);
const PlacesReviewsPage = lazy(() =>
  import('./pages/places-reviews-page').then((m) => ({ default: m.PlacesReviewsPage })),
);
const PlacesDoorplatesPage = lazy(() =>
  import('./pages/places-doorplates-page').then((m) => ({ default: m.PlacesDoorplatesPage })),
);
const PlacesPublicDoorplatePage = lazy(() =>
  import('./pages/places-public-doorplate-page').then((m) => ({ default: m.PlacesPublicDoorplatePage })),
);
const CockpitScreenPage = lazy(() =>
  import('./pages/cockpit-screen-page').then((m) => ({ default: m.CockpitScreenPage })),
);
const NotFoundPage = lazy(() => import('./pages/not-found-page').then((m) => ({ default: m.NotFoundPage })));

const loading = <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;

function guarded(pageKey: string, page: ReactNode) {
  return <RequirePage pageKey={pageKey}>{page}</RequirePage>;
}

function AppRoutes() {
  const { ready } = useSession();
  if (!ready) return loading;
  return (
    <Suspense fallback={loading}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/report" element={<PublicReportPage />} />
        <Route path="/track" element={<PublicTrackPage />} />
        <Route path="/open" element={<OpenPortalPage />} />
        <Route path="/open/datasets/:code" element={<OpenDatasetPage />} />
        <Route path="/open/developer" element={<OpenDeveloperPage />} />
        <Route path="/open/stats" element={<OpenStatsPage />} />
        <Route path="/warning" element={<SensingPublicWarningPage />} />
        <Route path="/doorplate/:token" element={<PlacesPublicDoorplatePage />} />
        {portalRoutes()}
        {regulationPublicRoutes()}
        <Route
          path="/cockpit"
          element={<RequireAuth>{guarded('cockpitScreen', <CockpitScreenPage />)}</RequireAuth>}
        />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="change-password" element={<ChangePasswordPage />} />
          <Route path="me/api-keys" element={<ApiKeysPage />} />
          <Route path="events/new" element={guarded('report', <GridReportPage />)} />
          <Route path="admin/divisions" element={guarded('divisions', <DivisionsPage />)} />
          <Route path="admin/departments" element={guarded('departments', <DepartmentsPage />)} />
          <Route path="admin/grids" element={guarded('grids', <GridsPage />)} />
          <Route path="admin/staff" element={guarded('staff', <StaffPage />)} />
          <Route path="admin/roles" element={guarded('roles', <RolesPage />)} />
          <Route path="admin/calendar" element={guarded('calendar', <CalendarPage />)} />
          <Route path="admin/jobs" element={guarded('jobs', <JobsPage />)} />
          <Route path="audit" element={guarded('audit', <AuditPage />)} />
          <Route path="supervision/:taskId?" element={guarded('supervision', <SupervisionPage />)} />
          <Route path="cases" element={guarded('cases', <CasesWorkbenchPage />)} />
          <Route path="cases/:id" element={guarded('cases', <CasesDetailPage />)} />
          <Route path="dispatch" element={guarded('dispatch', <DispatchConsolePage />)} />
          <Route path="events/map" element={guarded('eventsMap', <CasesMapPage />)} />
          <Route
            path="governance/categories"
            element={guarded('governanceCategories', <GovernanceCategoriesPage />)}
          />
          <Route
            path="governance/catalogue"
            element={guarded('governanceCatalogue', <GovernanceCataloguePage />)}
          />
          <Route
            path="governance/hotline"
            element={guarded('governanceHotline', <GovernanceHotlinePage />)}
          />
          <Route path="data/catalog" element={guarded('dataCatalog', <DataCatalogPage />)} />
          <Route path="data/loads" element={guarded('dataLoads', <DataLoadsPage />)} />
          <Route path="data/quality" element={guarded('dataQuality', <DataQualityPage />)} />
          <Route
            path="data/open-applications"
            element={guarded('dataOpenApplications', <OpenApplicationsPage />)}
          />
          <Route path="data/sharing/inbox" element={guarded('dataSharingInbox', <DataSharingInboxPage />)} />
          <Route
            path="data/sharing/grants"
            element={guarded('dataSharingGrants', <DataSharingGrantsPage />)}
          />
          <Route path="data/sharing/stats" element={guarded('dataSharingStats', <DataSharingStatsPage />)} />
          <Route path="sensing" element={guarded('sensingMap', <SensingMapPage />)} />
          <Route path="sensing/stations/:id" element={guarded('sensingMap', <SensingStationPage />)} />
          <Route path="sensing/alarms" element={guarded('sensingAlarms', <SensingAlarmsPage />)} />
          <Route path="sensing/warning" element={guarded('sensingWarning', <SensingWarningPage />)} />
          <Route path="places" element={guarded('placesSearch', <PlacesSearchPage />)} />
          <Route path="places/map" element={guarded('placesMap', <PlacesMapPage />)} />
          <Route path="places/imports" element={guarded('placesImports', <PlacesImportsPage />)} />
          <Route path="places/reviews" element={guarded('placesReviews', <PlacesReviewsPage />)} />
          <Route path="places/doorplates" element={guarded('placesDoorplates', <PlacesDoorplatesPage />)} />
          {servicesStaffRoutes()}
          {regulationInspectorRoutes()}
          {regulationStaffRoutes()}
          {cockpitStaffRoutes()}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

function ThemedApp() {
  const { locale, elderMode } = usePreferences();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={elderMode ? elderTheme : standardTheme}>
      <AntApp>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <SessionProvider>
      <PreferencesProvider>
        <ThemedApp />
      </PreferencesProvider>
    </SessionProvider>
  );
}
