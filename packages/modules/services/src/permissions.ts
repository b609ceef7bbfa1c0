import { definePermissions } from '@zhizhi/kernel/access';
import { grantToRole } from '@zhizhi/kernel/identity';

/** The services module's permissions. The published catalogue itself is public. */
export const SERVICES_PERMISSIONS = {
  /** Edit the field dictionary, publish matter versions and bundles. */
  manageCatalogue: 'services.catalogue.manage',
} as const;

definePermissions([
  {
    code: SERVICES_PERMISSIONS.manageCatalogue,
    nameZh: '维护政务服务事项、字段字典与一件事',
    nameEn: 'Maintain service matters, the field dictionary and bundles',
  },
]);
grantToRole('dept_admin', [SERVICES_PERMISSIONS.manageCatalogue]);
