import { ReloadOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { Badge, Button, Card, DatePicker, Space, Tabs, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api } from '../api/api';
import { useSystemInfo } from '../api/system-info';
import { useCaseLabels } from '../components/cases/case-labels';
import { useCaseType, useGovernanceLookups } from '../components/cases/lookups';
import { type CaseList, type CaseQuery, useCaseList } from '../components/cases/use-case-list';
import { DispatchQueue, type QueueKind } from '../components/governance/dispatch-queue';
import { IndicatorStrip, TownshipTable } from '../components/governance/indicators';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';

const QUERIES: Record<QueueKind, CaseQuery> = {
  reported: { states: ['reported'] },
  returned: { states: ['returned'] },
  extensions: { pendingExtension: true, open: true },
  overdue: { overdue: true, open: true },
};

function count(list: CaseList): string {
  return list.hasMore ? `${list.items.length}+` : String(list.items.length);
}

/** 指挥调度: queues that wait for the dispatcher, and the period's indicators for the district. */
export function DispatchConsolePage() {
  const t = useT();
  const info = useSystemInfo();
  const type = useCaseType();
  const labels = useCaseLabels(type);
  const lookups = useGovernanceLookups();
  const [tab, setTab] = useState<QueueKind>('returned');
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const period = useMemo(
    () => (range ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : {}),
    [range],
  );
  const stats = useLoad(
    () => unwrap(api.GET('/api/governance/stats', { params: { query: period } })),
    [period],
  );
  const lists: Record<QueueKind, CaseList> = {
    reported: useCaseList(QUERIES.reported),
    returned: useCaseList(QUERIES.returned),
    extensions: useCaseList(QUERIES.extensions),
    overdue: useCaseList(QUERIES.overdue),
  };
  const reloadAll = () => {
    for (const list of Object.values(lists)) list.reload();
    stats.reload();
  };
  const districtCode = info?.region.code ?? '';
  const tabLabel = (kind: QueueKind, danger = false) => (
    <Space size={6} data-testid={`tab-${kind}`}>
      {t(`governance.dispatch.queue.${kind}`)}
      <Badge
        count={count(lists[kind])}
        showZero
        color={danger && lists[kind].items.length > 0 ? '#cf1322' : '#8c8c8c'}
      />
    </Space>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.dispatch')}
        </Typography.Title>
        <Space wrap>
          <span>{t('governance.stats.period')}</span>
          <DatePicker.RangePicker
            aria-label={t('governance.stats.period')}
            value={range}
            onChange={(value) => setRange(value?.[0] && value[1] ? [value[0], value[1]] : null)}
            placeholder={[t('governance.stats.thisMonth'), t('governance.stats.today')]}
          />
          <Button icon={<ReloadOutlined />} onClick={reloadAll} data-testid="dispatch-refresh">
            {t('common.refresh')}
          </Button>
        </Space>
      </Space>
      <Card title={t('governance.stats.district')} loading={!stats.data && stats.loading}>
        {stats.data && districtCode && (
          <IndicatorStrip items={stats.data.items} districtCode={districtCode} />
        )}
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as QueueKind)}
          items={(['returned', 'reported', 'extensions', 'overdue'] as QueueKind[]).map((kind) => ({
            key: kind,
            label: tabLabel(kind, kind === 'returned' || kind === 'overdue'),
            children: (
              <DispatchQueue
                kind={kind}
                list={lists[kind]}
                labels={labels}
                lookups={lookups}
                onChanged={reloadAll}
              />
            ),
          }))}
        />
      </Card>
      <Card title={t('governance.stats.byTown')}>
        {stats.data && <TownshipTable items={stats.data.items} />}
      </Card>
    </Space>
  );
}
