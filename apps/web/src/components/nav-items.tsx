import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  BankOutlined,
  CalendarOutlined,
  CloudServerOutlined,
  CompassOutlined,
  ControlOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  DeploymentUnitOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FormOutlined,
  FundProjectionScreenOutlined,
  GlobalOutlined,
  HomeOutlined,
  ImportOutlined,
  KeyOutlined,
  LayoutOutlined,
  NodeIndexOutlined,
  OrderedListOutlined,
  PushpinOutlined,
  QrcodeOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SearchOutlined,
  ShopOutlined,
  SolutionOutlined,
  SwapOutlined,
  TagsOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UserOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/translate';

export interface NavPage {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Any one of these grants the page; empty = every signed-in user. */
  permissions: readonly string[];
}

export interface NavGroup {
  key: string;
  label: MessageKey;
  icon: ReactNode;
  pages: NavPage[];
}

export const NAV: (NavPage | NavGroup)[] = [
  { key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined />, permissions: [] },
  {
    key: 'report',
    path: '/events/new',
    label: 'nav.report',
    icon: <FormOutlined />,
    permissions: ['governance.case.report'],
  },
  {
    key: 'supervision',
    path: '/supervision',
    label: 'nav.supervision',
    icon: <FlagOutlined />,
    permissions: ['governance.task.read', 'governance.task.manage', 'governance.task.report'],
  },
  {
    key: 'cockpitGroup',
    label: 'cockpitStaff.nav.group',
    icon: <DashboardOutlined />,
    // 领导驾驶舱: the big screen (/cockpit, full screen outside the staff layout) comes first; the
    // reports and layouts pages follow.
    pages: [
      {
        key: 'cockpitScreen',
        path: '/cockpit',
        label: 'cockpitScreen.nav.screen',
        icon: <FundProjectionScreenOutlined />,
        permissions: ['cockpit.view'],
      },
      {
        key: 'cockpitReports',
        path: '/cockpit/reports',
        label: 'cockpitStaff.nav.reports',
        icon: <FileTextOutlined />,
        permissions: ['cockpit.view'],
      },
      {
        key: 'cockpitLayouts',
        path: '/cockpit/layouts',
        label: 'cockpitStaff.nav.layouts',
        icon: <LayoutOutlined />,
        permissions: ['cockpit.manage'],
      },
    ],
  },
  {
    key: 'regInspect',
    path: '/inspect',
    label: 'regPublic.nav.inspect',
    icon: <SafetyCertificateOutlined />,
    permissions: ['regulation.inspection.conduct'],
  },
  {
    key: 'governance',
    label: 'nav.governance',
    icon: <DeploymentUnitOutlined />,
    pages: [
      {
        key: 'cases',
        path: '/cases',
        label: 'nav.cases',
        icon: <SolutionOutlined />,
        permissions: ['governance.case.read', 'governance.case.handle'],
      },
      {
        key: 'dispatch',
        path: '/dispatch',
        label: 'nav.dispatch',
        icon: <AimOutlined />,
        permissions: ['governance.case.dispatch'],
      },
      {
        key: 'eventsMap',
        path: '/events/map',
        label: 'nav.eventsMap',
        icon: <EnvironmentOutlined />,
        permissions: ['governance.case.read'],
      },
      {
        key: 'governanceHotline',
        path: '/governance/hotline',
        label: 'nav.governanceHotline',
        icon: <ImportOutlined />,
        permissions: ['governance.hotline.import'],
      },
      {
        key: 'governanceCategories',
        path: '/governance/categories',
        label: 'nav.governanceCategories',
        icon: <TagsOutlined />,
        permissions: ['governance.category.manage'],
      },
      {
        key: 'governanceCatalogue',
        path: '/governance/catalogue',
        label: 'nav.governanceCatalogue',
        icon: <OrderedListOutlined />,
        permissions: ['cases.catalogue.manage'],
      },
    ],
  },
  {
    key: 'sensing',
    label: 'nav.sensing',
    icon: <ApiOutlined />,
    pages: [
      {
        key: 'sensingMap',
        path: '/sensing',
        label: 'nav.sensingMap',
        icon: <NodeIndexOutlined />,
        permissions: ['sensing.read'],
      },
      {
        key: 'sensingAlarms',
        path: '/sensing/alarms',
        label: 'nav.sensingAlarms',
        icon: <AlertOutlined />,
        permissions: ['sensing.read'],
      },
      {
        key: 'sensingWarning',
        path: '/sensing/warning',
        label: 'nav.sensingWarning',
        icon: <ThunderboltOutlined />,
        permissions: ['sensing.read'],
      },
    ],
  },
  {
    key: 'places',
    label: 'nav.places',
    icon: <PushpinOutlined />,
    pages: [
      {
        key: 'placesSearch',
        path: '/places',
        label: 'nav.placesSearch',
        icon: <SearchOutlined />,
        permissions: ['places.read'],
      },
      {
        key: 'placesMap',
        path: '/places/map',
        label: 'nav.placesMap',
        icon: <CompassOutlined />,
        permissions: ['places.read'],
      },
      {
        key: 'placesImports',
        path: '/places/imports',
        label: 'nav.placesImports',
        icon: <ImportOutlined />,
        permissions: ['places.import'],
      },
      {
        key: 'placesReviews',
        path: '/places/reviews',
        label: 'nav.placesReviews',
        icon: <FileSearchOutlined />,
        permissions: ['places.review'],
      },
      {
        key: 'placesDoorplates',
        path: '/places/doorplates',
        label: 'nav.placesDoorplates',
        icon: <QrcodeOutlined />,
        permissions: ['places.manage'],
      },
    ],
  },
  {
    key: 'govServices',
    label: 'govStaff.nav.group',
    icon: <BankOutlined />,
    pages: [
      {
        key: 'servicesWindow',
        path: '/services/window',
        label: 'govStaff.nav.window',
        icon: <SolutionOutlined />,
        permissions: ['services.application.accept'],
      },
      {
        key: 'servicesQueue',
        path: '/services/queue',
        label: 'govStaff.nav.queue',
        icon: <OrderedListOutlined />,
        permissions: ['services.application.read'],
      },
      {
        key: 'servicesCatalogue',
        path: '/services/catalogue',
        label: 'govStaff.nav.catalogue',
        icon: <AppstoreOutlined />,
        permissions: ['services.application.read', 'services.catalogue.manage'],
      },
      {
        key: 'servicesRatings',
        path: '/services/ratings',
        label: 'govStaff.nav.ratings',
        icon: <BarChartOutlined />,
        permissions: ['services.application.read', 'services.rating.rectify'],
      },
    ],
  },
  {
    key: 'regulation',
    label: 'regStaff.nav.group',
    icon: <ShopOutlined />,
    pages: [
      {
        key: 'regulationSubjects',
        path: '/regulation/subjects',
        label: 'regStaff.nav.subjects',
        icon: <ShopOutlined />,
        permissions: ['regulation.subject.read'],
      },
      {
        key: 'regulationWarnings',
        path: '/regulation/warnings',
        label: 'regStaff.nav.warnings',
        icon: <WarningOutlined />,
        permissions: ['regulation.subject.read'],
      },
      {
        key: 'regulationPlans',
        path: '/regulation/plans',
        label: 'regStaff.nav.plans',
        icon: <ScheduleOutlined />,
        permissions: ['regulation.subject.read'],
      },
      {
        key: 'regulationRules',
        path: '/regulation/rules',
        label: 'regStaff.nav.rules',
        icon: <ControlOutlined />,
        permissions: ['regulation.rules.manage'],
      },
    ],
  },
  {
    key: 'org',
    label: 'nav.org',
    icon: <ApartmentOutlined />,
    pages: [
      {
        key: 'divisions',
        path: '/admin/divisions',
        label: 'nav.divisions',
        icon: <ClusterOutlined />,
        permissions: ['org.read'],
      },
      {
        key: 'departments',
        path: '/admin/departments',
        label: 'nav.departments',
        icon: <BankOutlined />,
        permissions: ['org.read'],
      },
      {
        key: 'grids',
        path: '/admin/grids',
        label: 'nav.grids',
        icon: <AppstoreOutlined />,
        permissions: ['org.read'],
      },
    ],
  },
  {
    key: 'people',
    label: 'nav.people',
    icon: <TeamOutlined />,
    pages: [
      {
        key: 'staff',
        path: '/admin/staff',
        label: 'nav.staff',
        icon: <UserOutlined />,
        permissions: ['staff.read'],
      },
      {
        key: 'roles',
        path: '/admin/roles',
        label: 'nav.roles',
        icon: <SafetyCertificateOutlined />,
        permissions: ['staff.read'],
      },
    ],
  },
  {
    key: 'data',
    label: 'nav.data',
    icon: <CloudServerOutlined />,
    pages: [
      {
        key: 'dataCatalog',
        path: '/data/catalog',
        label: 'nav.dataCatalog',
        icon: <DatabaseOutlined />,
        permissions: ['data.catalog.read', 'data.catalog.manage'],
      },
      {
        key: 'dataLoads',
        path: '/data/loads',
        label: 'nav.dataLoads',
        icon: <ImportOutlined />,
        permissions: ['data.catalog.read', 'data.catalog.manage'],
      },
      {
        key: 'dataQuality',
        path: '/data/quality',
        label: 'nav.dataQuality',
        icon: <SafetyCertificateOutlined />,
        permissions: ['data.catalog.read'],
      },
      {
        key: 'dataOpenApplications',
        path: '/data/open-applications',
        label: 'nav.dataOpenApplications',
        icon: <GlobalOutlined />,
        permissions: ['data.open.review'],
      },
      {
        key: 'dataSharingInbox',
        path: '/data/sharing/inbox',
        label: 'nav.dataSharingInbox',
        icon: <SwapOutlined />,
        permissions: ['data.share.request', 'data.share.approve', 'data.share.read'],
      },
      {
        key: 'dataSharingGrants',
        path: '/data/sharing/grants',
        label: 'nav.dataSharingGrants',
        icon: <KeyOutlined />,
        permissions: ['data.share.request', 'data.share.approve', 'data.share.read'],
      },
      {
        key: 'dataSharingStats',
        path: '/data/sharing/stats',
        label: 'nav.dataSharingStats',
        icon: <BarChartOutlined />,
        permissions: ['data.share.read'],
      },
    ],
  },
  {
    key: 'calendar',
    path: '/admin/calendar',
    label: 'nav.calendar',
    icon: <CalendarOutlined />,
    permissions: ['org.read', 'calendar.manage'],
  },
  {
    key: 'jobs',
    path: '/admin/jobs',
    label: 'nav.jobs',
    icon: <FieldTimeOutlined />,
    permissions: ['jobs.read', 'jobs.manage'],
  },
  { key: 'audit', path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, permissions: ['audit.read'] },
];

export function isGroup(item: NavPage | NavGroup): item is NavGroup {
  return 'pages' in item;
}

/** Every page, flattened; used for routing guards and the selected menu key. */
export const NAV_PAGES: NavPage[] = NAV.flatMap((item) => (isGroup(item) ? item.pages : [item]));

export function navPage(key: string): NavPage {
  const page = NAV_PAGES.find((candidate) => candidate.key === key);
  if (!page) throw new Error(`unknown nav page ${key}`);
  return page;
}

/** The page whose path best matches the current location. */
export function navPageForPath(pathname: string): NavPage | undefined {
  return NAV_PAGES.filter((page) =>
    page.path === '/' ? pathname === '/' : pathname.startsWith(page.path),
  ).sort((a, b) => b.path.length - a.path.length)[0];
}
