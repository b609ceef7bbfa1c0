import { Tag } from 'antd';
import { useT } from '../../../i18n/use-t';
import type { MaskMode, ShareGrant, ShareRequest } from './types';

const STATUS_COLOR = { pending: 'gold', approved: 'green', rejected: 'red' } as const;
const GRANT_COLOR = { active: 'green', revoked: 'red', expired: 'default' } as const;
const MODE_COLOR = { clear: 'default', light: 'blue', strict: 'orange', redact: 'red' } as const;

/** 待审核 / 已批准 / 已驳回. */
export function RequestStatusTag({ value }: { value: ShareRequest['status'] }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[value]}>{t(`share.status.${value}`)}</Tag>;
}

/** 有效 / 已撤销 / 已过期. */
export function GrantStatusTag({ value }: { value: ShareGrant['effectiveStatus'] }) {
  const t = useT();
  return <Tag color={GRANT_COLOR[value]}>{t(`share.grant.status.${value}`)}</Tag>;
}

/** How an item's values leave: 明文 / 轻度脱敏 / 严格脱敏 / 屏蔽. */
export function MaskModeTag({ value }: { value: MaskMode }) {
  const t = useT();
  return <Tag color={MODE_COLOR[value]}>{t(`share.mode.${value}`)}</Tag>;
}
