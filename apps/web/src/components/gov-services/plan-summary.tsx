import { Alert, List, Space, Tag, Typography } from 'antd';
import { useLocalName, useT } from '../../i18n/use-t';
import { limitText } from './portal-format';
import type { Plan } from './types';

/** Which matters apply and what one form and one material set save against separate applications. */
export function PlanSummary({ plan }: { plan: Plan }) {
  const t = useT();
  const name = useLocalName();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="portal-plan">
      <Alert
        type="info"
        showIcon
        data-testid="portal-plan-counts"
        title={t('portal.plan.counts', {
          fields: plan.form.length,
          fieldsSeparately: plan.separately.fields,
          materials: plan.materials.length,
          materialsSeparately: plan.separately.materials,
        })}
      />
      <List
        header={
          <Typography.Text strong>{t('portal.plan.matters', { n: plan.matters.length })}</Typography.Text>
        }
        bordered
        dataSource={plan.matters}
        renderItem={(matter) => (
          <List.Item data-testid={`portal-plan-matter-${matter.code}`}>
            <Space orientation="vertical" size={2}>
              <Typography.Text strong>{name(matter.name.zh, matter.name.en)}</Typography.Text>
              <Space wrap size={4}>
                <Tag className="zz-mono">{matter.code}</Tag>
                <Tag color={matter.kind === 'immediate' ? 'green' : 'blue'}>
                  {t(matter.kind === 'immediate' ? 'portal.kind.immediate' : 'portal.kind.promised')}
                </Tag>
                {matter.commitment && <Tag color="gold">{t('portal.badge.commitment')}</Tag>}
                <Typography.Text type="secondary">
                  {t('portal.plan.promised', { limit: limitText(t, matter.promisedLimit) })}
                </Typography.Text>
              </Space>
            </Space>
          </List.Item>
        )}
      />
      {plan.skipped.length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="portal-plan-skipped">
          {t('portal.plan.skipped', { n: plan.skipped.length })}
        </Typography.Paragraph>
      )}
    </Space>
  );
}
