import { definePermissions } from '@zhizhi/kernel/access';
import { grantToRole } from '@zhizhi/kernel/identity';

/** The sharing gateway's permissions, checked in the consumer's or the provider's department scope. */
export const SHARE_PERMISSIONS = {
  /** Request a resource for one's own department, hold its keys, ask for renewals. */
  request: 'data.share.request',
  /** Approve, reject and revoke the sharing of one's own department's resources. */
  approve: 'data.share.approve',
  /** See requests, grants and call statistics of one's department (as consumer or provider). */
  read: 'data.share.read',
} as const;

definePermissions([
  {
    code: SHARE_PERMISSIONS.request,
    nameZh: '申请共享数据（本部门）',
    nameEn: 'Request shared data (own department)',
  },
  {
    code: SHARE_PERMISSIONS.approve,
    nameZh: '审批与撤销数据共享（本部门资源）',
    nameEn: 'Approve and revoke data sharing (own resources)',
  },
  {
    code: SHARE_PERMISSIONS.read,
    nameZh: '查看数据共享与调用统计',
    nameEn: 'View data sharing and call statistics',
  },
]);
grantToRole('dept_admin', [SHARE_PERMISSIONS.request, SHARE_PERMISSIONS.approve, SHARE_PERMISSIONS.read]);
grantToRole('leader', [SHARE_PERMISSIONS.read]);
