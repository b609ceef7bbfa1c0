import { definePermissions } from '@zhizhi/kernel/access';
import { grantToRole } from '@zhizhi/kernel/identity';

/** The places module's permissions. Parsing and search need only a login; the rest is below. */
export const PLACES_PERMISSIONS = {
  /** See the library, matches with explanations, the map, imports. */
  read: 'places.read',
  /** Import departmental address records. */
  import: 'places.import',
  /** Decide review cases: accept or reject matches and proposed entries (地名管理: 民政). */
  review: 'places.review',
  /** Edit entries, issue and revoke doorplate codes, print sheets. */
  manage: 'places.manage',
} as const;

definePermissions([
  { code: PLACES_PERMISSIONS.read, nameZh: '查看标准地址库', nameEn: 'View the standard address library' },
  {
    code: PLACES_PERMISSIONS.import,
    nameZh: '导入部门地址数据',
    nameEn: 'Import departmental address records',
  },
  {
    code: PLACES_PERMISSIONS.review,
    nameZh: '审核地址匹配与新增地址',
    nameEn: 'Review address matches and proposed entries',
  },
  {
    code: PLACES_PERMISSIONS.manage,
    nameZh: '管理标准地址与门牌码',
    nameEn: 'Manage standard addresses and doorplate codes',
  },
]);
grantToRole('dept_admin', Object.values(PLACES_PERMISSIONS));
grantToRole('leader', [PLACES_PERMISSIONS.read]);
grantToRole('grid_worker', [PLACES_PERMISSIONS.read]);
grantToRole('dispatcher', [PLACES_PERMISSIONS.read]);
grantToRole('town_operator', [PLACES_PERMISSIONS.read]);
