import { definePermissions } from '@zhizhi/kernel/access';
import { grantToRole } from '@zhizhi/kernel/identity';

/** The services module's permissions. The published catalogue itself is public. */
export const SERVICES_PERMISSIONS = {
  /** Edit the field dictionary, publish matter versions and bundles. */
  manageCatalogue: 'services.catalogue.manage',
  /** See applications and their cases in scope. */
  read: 'services.application.read',
  /** 一窗受理: apply on an applicant's behalf at the window and scan materials. */
  accept: 'services.application.accept',
  /** Handle matter cases of one's department: accept, request materials, decide. */
  handle: 'services.application.handle',
  /** Taken for the applicant by the module after checking ownership (补正). */
  supplement: 'services.application.supplement',
  /** Taken for the applicant by the module after checking ownership (好差评). */
  rate: 'services.application.rate',
  /** Commitment and instant approvals: the platform's own decisions. */
  decideAutomatically: 'services.application.decide_automatically',
  /** Call back and rectify after a bad rating. */
  rectify: 'services.rating.rectify',
} as const;

definePermissions([
  {
    code: SERVICES_PERMISSIONS.manageCatalogue,
    nameZh: '维护政务服务事项、字段字典与一件事',
    nameEn: 'Maintain service matters, the field dictionary and bundles',
  },
  { code: SERVICES_PERMISSIONS.read, nameZh: '查看政务服务办件', nameEn: 'View service applications' },
  {
    code: SERVICES_PERMISSIONS.accept,
    nameZh: '窗口代办（一窗受理）',
    nameEn: 'Apply on behalf of applicants at the window',
  },
  { code: SERVICES_PERMISSIONS.handle, nameZh: '办理政务服务事项', nameEn: 'Handle service matters' },
  { code: SERVICES_PERMISSIONS.supplement, nameZh: '补正材料（申请人）', nameEn: 'Supplement (applicant)' },
  { code: SERVICES_PERMISSIONS.rate, nameZh: '好差评（申请人）', nameEn: 'Rate a service (applicant)' },
  {
    code: SERVICES_PERMISSIONS.decideAutomatically,
    nameZh: '承诺制与秒办自动决定',
    nameEn: 'Automatic commitment and instant approvals',
  },
  {
    code: SERVICES_PERMISSIONS.rectify,
    nameZh: '差评回访与整改',
    nameEn: 'Call back and rectify bad ratings',
  },
]);
grantToRole('dept_admin', [
  SERVICES_PERMISSIONS.manageCatalogue,
  SERVICES_PERMISSIONS.read,
  SERVICES_PERMISSIONS.handle,
  SERVICES_PERMISSIONS.rectify,
]);
grantToRole('handler', [
  SERVICES_PERMISSIONS.read,
  SERVICES_PERMISSIONS.handle,
  SERVICES_PERMISSIONS.rectify,
]);
grantToRole('town_operator', [SERVICES_PERMISSIONS.read, SERVICES_PERMISSIONS.accept]);
grantToRole('leader', [SERVICES_PERMISSIONS.read]);
