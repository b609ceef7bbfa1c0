import { Table, Tag } from 'antd';
import { useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import type { CaseLabels } from './case-labels';
import { SlaTag } from './sla-tag';
import type { CaseClock } from './types';

/** Every time limit of the case: countdown, promised (承诺) and statutory (法定) deadlines. */
export function CaseClocks({ clocks, labels }: { clocks: CaseClock[]; labels: CaseLabels }) {
  const t = useT();
  const { locale } = usePreferences();
  return (
    <Table<CaseClock>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={clocks}
      data-testid="case-clocks"
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('cases.clock'), key: 'name', render: (_, clock) => labels.clockName(clock.code) },
        {
          title: t('cases.clockStatus'),
          key: 'status',
          render: (_, clock) =>
            clock.status === 'not_started' ? (
              <Tag>{t('cases.clockNotStarted')}</Tag>
            ) : (
              <SlaTag
                dueAt={clock.dueAt}
                warnAt={clock.warnAt}
                closedAt={clock.status === 'stopped' ? (clock.stoppedAt ?? clock.dueAt) : null}
                paused={clock.status === 'paused'}
                late={clock.overdue}
                stopped
              />
            ),
        },
        {
          title: t('cases.promisedDue'),
          key: 'due',
          render: (_, clock) => formatDateTime(clock.dueAt, locale),
        },
        {
          title: t('cases.statutoryDue'),
          key: 'statutory',
          render: (_, clock) => formatDateTime(clock.statutoryDueAt, locale),
        },
        {
          title: t('cases.limit'),
          key: 'limit',
          render: (_, clock) => (
            <span>
              {clock.limit} {labels.clockUnit(clock.code)}
              {clock.extended > 0 && (
                <Tag color="purple" style={{ marginInlineStart: 8 }}>
                  {t('cases.extendedBy', { n: clock.extended, unit: labels.clockUnit(clock.code) })}
                </Tag>
              )}
            </span>
          ),
        },
      ]}
    />
  );
}
