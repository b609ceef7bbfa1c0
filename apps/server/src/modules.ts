import {
  type CatalogExports,
  type CatalogService,
  createCatalogExports,
  createCatalogService,
  createDataCollection,
  type DataCollection,
  createOpenDataService,
  createSharing,
  registerDataIndicators,
  type OpenDataService,
  type Sharing,
} from '@zhizhi/data';
import { type Cockpit, createCockpit } from '@zhizhi/cockpit';
import { createGovernance, createSupervisionService, type Governance } from '@zhizhi/governance';
import type { Kernel } from '@zhizhi/kernel';
import { identityEnterprise } from '@zhizhi/kernel/identity';
import { eq } from 'drizzle-orm';
import {
  fenghuaBoundary,
  fenghuaCertificateTypes,
  fenghuaPlanTargets,
  fenghuaRegion,
  townSeats,
} from '@zhizhi/pack-fenghua';
import { createPlaces, type Places } from '@zhizhi/places';
import { createRegulation, type Regulation } from '@zhizhi/regulation';
import { createServices, httpGatewayChannel, type Services } from '@zhizhi/services';
import { createSensing, type Sensing } from '@zhizhi/sensing';
import { registerCockpitSources } from './cockpit-sources';
import { registerRegulationFeeds } from './regulation-feeds';

/** The domain modules of this deployment, composed over one kernel. */
export interface Modules {
  governance: Governance;
  /** Public data (issue #4): the catalog so far. */
  data: {
    catalog: CatalogService;
    catalogExports: CatalogExports;
    openData: OpenDataService;
    sharing: Sharing;
    collection: DataCollection;
    /** Defines the public-data indicators (目录数, 数据项数, 开放, 调用量) in the kernel registry. */
    registerIndicators: () => Promise<void>;
  };
  /** Sensing (issue #5): stations, telemetry, alarms, multi-hazard warning. */
  sensing: Sensing;
  /** Standard addresses (issue #6): parser, matcher, geocoding, imports, review, doorplates. */
  places: Places;
  /** Government services (issue #7): catalogue, applications, certificates, 好差评. */
  services: Services;
  /** Regulation (issue #8): market subjects, credit, 双随机 inspections, 众安码. */
  regulation: Regulation;
  /** Leadership cockpit (issue #9): plan targets live, drill-down, warnings dispatched as tasks. */
  cockpit: Cockpit;
  /** The public base URL printed on codes and used in links, e.g. `http://localhost:8080`. */
  publicUrl: string;
  /** The district map base: boundary and township seats (GeoJSON, GCJ-02). */
  region: { boundary: unknown; towns: readonly { code: string; name: string; lng: number; lat: number }[] };
}

export interface ModulesOptions {
  /** The public base URL (for Open311 discovery), e.g. `http://localhost:8080`. */
  publicUrl?: string;
  /** Hosts that HTTP/PostgreSQL data loads may reach (`DATA_LOAD_ALLOWED_HOSTS`); unset: any. */
  dataLoadAllowedHosts?: readonly string[];
  /** The SMS gateway for applicants' notices (`SERVICES_SMS_URL`); unset: in-app messages only. */
  smsGateway?: { url: string; token?: string };
  /** The email gateway for applicants' notices (`SERVICES_EMAIL_URL`). */
  emailGateway?: { url: string; token?: string };
  /** Salt for hashing who reviewed a shop (码上评价); derived from the deployment's secrets. */
  reviewSalt?: string;
  /** How often the cockpit checks warnings and refreshes today's snapshot (ms); 0: never (tests). */
  cockpitTickMs?: number;
}

/** Builds the modules (their job handlers and event subscriptions register here, once per kernel). */
export function createModules(kernel: Kernel, options: ModulesOptions = {}): Modules {
  const base = (options.publicUrl ?? 'http://localhost:8080').replace(/\/$/, '');
  const governance = createGovernance(kernel, {
    region: fenghuaRegion,
    open311: {
      jurisdictionId: 'fenghua.nb.zj.cn',
      baseUrl: `${base}/open311/v2`,
      contact: '宁波市奉化区社会治理中心 · 12345',
      zipcode: '315500',
    },
  });
  const data = {
    catalog: createCatalogService(kernel),
    catalogExports: createCatalogExports(kernel, { baseUrl: base, publisher: '宁波市奉化区' }),
    openData: createOpenDataService(kernel),
    sharing: createSharing(kernel),
    collection: createDataCollection(kernel, { allowedHosts: options.dataLoadAllowedHosts }),
    registerIndicators: () => registerDataIndicators(kernel, kernel.db, fenghuaRegion.districtCode),
  };
  const sensing = createSensing(kernel, { warning: { regionName: '奉化区' } });
  const places = createPlaces(kernel, { reviewDepartmentCode: 'mzj' });
  const services = createServices(kernel, {
    oneWindowDepartmentCode: 'zwfw',
    certificateTypes: fenghuaCertificateTypes,
    districtCode: fenghuaRegion.districtCode,
    noticeChannels: [
      ...(options.smsGateway
        ? [httpGatewayChannel({ name: 'sms', to: 'phone', ...options.smsGateway })]
        : []),
      ...(options.emailGateway
        ? [httpGatewayChannel({ name: 'email', to: 'email', ...options.emailGateway })]
        : []),
    ],
  });
  const regulation = createRegulation(kernel, {
    districtCode: fenghuaRegion.districtCode,
    reviewSalt: options.reviewSalt,
    // A credit warning also reaches the enterprise's portal inbox (and SMS/email where configured).
    noticeToSubject: async (tx, subject, title) => {
      const [enterprise] = await tx
        .select({ id: identityEnterprise.id })
        .from(identityEnterprise)
        .where(eq(identityEnterprise.uscc, subject.uscc));
      if (!enterprise) return false;
      return services.decisions.noticeTo(tx, { kind: 'enterprise', registryId: enterprise.id }, title);
    },
    // Registered addresses are matched to the standard address library when complete and confident.
    matchAddress: async (address) => {
      const hit = await places.geocode(address);
      if (!hit.match?.complete || hit.match.confidence < 0.8) return null;
      return { addressId: hit.match.id, lng: hit.point?.lng ?? null, lat: hit.point?.lat ?? null };
    },
  });
  registerRegulationFeeds(kernel, regulation);
  const supervision = createSupervisionService(kernel);
  const cockpit = createCockpit(kernel, {
    districtCode: fenghuaRegion.districtCode,
    districtName: '宁波市奉化区',
    districtNameEn: 'Fenghua District, Ningbo',
    tickMs: options.cockpitTickMs,
    dispatchTask: (actor, input) => supervision.createTask(actor, input),
  });
  registerCockpitSources(kernel, cockpit);
  return {
    governance,
    data,
    sensing,
    places,
    services,
    regulation,
    cockpit,
    publicUrl: base,
    region: { boundary: fenghuaBoundary, towns: townSeats },
  };
}

/** Installs what the modules need in the database (after the kernel has migrated). */
export async function startModules(modules: Modules) {
  await modules.governance.start();
  await modules.data.openData.install();
  await modules.data.sharing.start();
  await modules.data.collection.start();
  await modules.sensing.start();
  await modules.places.start();
  await modules.services.start();
  await modules.regulation.start();
  await modules.data.registerIndicators();
  await modules.cockpit.start(fenghuaPlanTargets);
}
