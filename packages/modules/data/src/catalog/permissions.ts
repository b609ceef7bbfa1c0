import { definePermissions } from '@zhizhi/kernel/access';
import { grantToRole } from '@zhizhi/kernel/identity';

export const DATA_PERMISSIONS = {
  read: 'data.catalog.read',
  manage: 'data.catalog.manage',
} as const;

definePermissions([
  { code: DATA_PERMISSIONS.read, nameZh: '查看数据资源目录', nameEn: 'View the data catalog' },
  {
    code: DATA_PERMISSIONS.manage,
    nameZh: '编制数据资源目录（本部门）',
    nameEn: 'Maintain the data catalog (own department)',
  },
]);
grantToRole('dept_admin', [DATA_PERMISSIONS.read, DATA_PERMISSIONS.manage]);
grantToRole('leader', [DATA_PERMISSIONS.read]);
