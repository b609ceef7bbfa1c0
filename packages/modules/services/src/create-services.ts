import type { Kernel } from '@zhizhi/kernel';
import { createApplications } from './applications/application-service';
import {
  applicationCaseType,
  commitmentCheckCaseType,
  matterCaseType,
  rectificationCaseType,
} from './applications/case-types';
import { createDecisions } from './applications/decisions';
import type { NoticeChannel } from './applications/notice-channels';
import { createPublicViews } from './applications/public-views';
import { createRatings } from './applications/ratings';
import { createCatalogue } from './catalogue/catalogue-service';
import './events';
import { liveServicesIndicators, registerServicesIndicators } from './indicators';
import './permissions';

export interface ServicesOptions {
  /** The one-window department holding the sharing approvals for pre-fill (default `zwfw`). */
  oneWindowDepartmentCode?: string | null;
  /** E-certificate types of the region (code → name), for sources and materials. */
  certificateTypes?: readonly { code: string; zh: string }[];
  /** Rectification after a bad rating: call back within, rectify within (working days; 1 and 15). */
  rectification?: { callbackDays?: number; rectifyDays?: number };
  /** The district the indicators total up to (e.g. 330213000000); indicators are registered when set. */
  districtCode?: string;
  /** Channels beyond the in-app inbox (SMS, email adapters). */
  noticeChannels?: readonly NoticeChannel[];
}

/** The services module: catalogue, applications on the case engine, certificates, 好差评. */
export function createServices(kernel: Kernel, options: ServicesOptions = {}) {
  const catalogue = createCatalogue(kernel);
  const certificateNames = new Map((options.certificateTypes ?? []).map((t) => [t.code, t.zh]));
  const decisions = createDecisions(kernel, { catalogue, channels: options.noticeChannels ?? [] });
  const applications = createApplications(kernel, {
    catalogue,
    decisions,
    oneWindowDepartmentCode:
      options.oneWindowDepartmentCode === undefined ? 'zwfw' : options.oneWindowDepartmentCode,
    certificateNames: () => certificateNames,
  });
  const ratings = createRatings(kernel, { catalogue });
  const publicViews = createPublicViews(kernel);
  const rectification = {
    callbackDays: options.rectification?.callbackDays ?? 1,
    rectifyDays: options.rectification?.rectifyDays ?? 15,
  };

  return {
    catalogue,
    applications,
    decisions,
    ratings,
    publicViews,
    /** Installs the case types (after the kernel has migrated). */
    async start() {
      for (const type of [
        matterCaseType(),
        rectificationCaseType(rectification),
        commitmentCheckCaseType(),
        applicationCaseType(),
      ])
        await kernel.cases.defineCaseType(kernel.db, type);
      if (options.districtCode) await registerServicesIndicators(kernel, kernel.db, options.districtCode);
    },
    /** Live indicator values for a period (not stored), by township and department. */
    indicators: (from: Date, to: Date) =>
      liveServicesIndicators(kernel, from, to, options.districtCode ?? '330213000000'),
  };
}

export type Services = ReturnType<typeof createServices>;
