import { Alert, Card, List, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useEnumLabel, useT } from '../../../i18n/use-t';
import type { DataFindings } from './types';

/**
 * The latest version's findings per item and rule (counts and sample rows only) and freshness;
 * items are named by `itemNames` (code → name) when given.
 */
export function FindingsCard({
  findings,
  itemNames = {},
}: {
  findings: DataFindings;
  itemNames?: Record<string, string>;
}) {
  const t = useT();
  const enumLabel = useEnumLabel();
  return (
    <Card
      title={t('dataLoad.findings')}
      data-testid="data-findings"
      extra={
        findings.openCaseId && (
          <Link to={`/cases/${findings.openCaseId}`} data-testid="data-findings-case">
            {t('dataLoad.openCase')}
          </Link>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {findings.freshness.stale && (
          <Alert
            type="warning"
            showIcon
            title={t('dataLoad.stale', { cycle: findings.freshness.updateCycle })}
          />
        )}
        {findings.version === null ? (
          <Typography.Text type="secondary">{t('dataLoad.empty')}</Typography.Text>
        ) : findings.groups.length === 0 ? (
          <Typography.Text type="secondary">{t('dataLoad.noFindings')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={findings.groups}
            renderItem={(g) => (
              <List.Item>
                {t('dataLoad.finding.line', {
                  item: itemNames[g.item] ? `${itemNames[g.item]}（${g.item}）` : g.item,
                  rule: enumLabel('dataRules.kind', g.rule),
                  count: g.count,
                  rows: `${g.rows.join(', ')}${g.count > g.rows.length ? ' …' : ''}`,
                })}
              </List.Item>
            )}
          />
        )}
      </Space>
    </Card>
  );
}
