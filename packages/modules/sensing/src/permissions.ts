import { definePermissions } from '@zhizhi/kernel/access';
import { grantToRole } from '@zhizhi/kernel/identity';

/** The sensing module's permissions, checked in the station's township and owner department. */
export const SENSING_PERMISSIONS = {
  /** See stations, readings, alarms and warnings. */
  read: 'sensing.read',
  /** Acknowledge and clear alarms. */
  handleAlarm: 'sensing.alarm.handle',
  /** Register stations and devices, see device tokens, edit rules. */
  manage: 'sensing.manage',
} as const;

definePermissions([
  {
    code: SENSING_PERMISSIONS.read,
    nameZh: '查看监测站点、数据与告警',
    nameEn: 'View stations, readings and alarms',
  },
  { code: SENSING_PERMISSIONS.handleAlarm, nameZh: '确认与清除告警', nameEn: 'Acknowledge and clear alarms' },
  {
    code: SENSING_PERMISSIONS.manage,
    nameZh: '管理站点、设备、令牌与告警规则',
    nameEn: 'Manage stations, devices, tokens and alarm rules',
  },
]);
grantToRole('dept_admin', [
  SENSING_PERMISSIONS.read,
  SENSING_PERMISSIONS.handleAlarm,
  SENSING_PERMISSIONS.manage,
]);
grantToRole('leader', [SENSING_PERMISSIONS.read]);
grantToRole('grid_worker', [SENSING_PERMISSIONS.read]);
grantToRole('dispatcher', [SENSING_PERMISSIONS.read, SENSING_PERMISSIONS.handleAlarm]);
