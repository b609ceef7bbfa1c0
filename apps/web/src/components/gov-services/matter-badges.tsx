import { Space, Tag } from 'antd';
import { useT } from '../../i18n/use-t';
import type { MatterSummary } from './types';

/** Badges a citizen compares matters by: 即办/承诺件, visits, commitment, instant approval. */
export function MatterBadges({
  matter,
}: {
  matter: Pick<MatterSummary, 'kind' | 'visits' | 'commitment' | 'instant'>;
}) {
  const t = useT();
  return (
    <Space wrap size={4}>
      <Tag color={matter.kind === 'immediate' ? 'green' : 'blue'}>
        {t(matter.kind === 'immediate' ? 'portal.kind.immediate' : 'portal.kind.promised')}
      </Tag>
      <Tag color="cyan">{t(matter.visits === 0 ? 'portal.visits.zero' : 'portal.visits.one')}</Tag>
      {matter.commitment && <Tag color="gold">{t('portal.badge.commitment')}</Tag>}
      {matter.instant && <Tag color="purple">{t('portal.badge.instant')}</Tag>}
    </Space>
  );
}
