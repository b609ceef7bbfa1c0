import { UserSwitchOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, Select, Space, Tabs, Typography } from 'antd';
import { useId, useMemo, useState } from 'react';
import { BulkAssignModal } from '../components/cases/bulk-assign-modal';
import { useCaseLabels } from '../components/cases/case-labels';
import { CaseTable } from '../components/cases/case-table';
import { useCaseType, useGovernanceLookups } from '../components/cases/lookups';
import type { CaseItem } from '../components/cases/types';
import { type CaseQuery, useCaseList } from '../components/cases/use-case-list';
import { useLocalName, useT } from '../i18n/use-t';
import { useSession } from '../session/session';

type Tab = 'mine' | 'department' | 'all';

interface Filters {
  states: string[];
  category?: string;
  town?: string;
  overdue: boolean;
  q: string;
}

/** In a category or its group ('road' covers 'road.pothole'); the API cannot filter by category. */
function inCategory(item: CaseItem, category: string | undefined): boolean {
  if (!category) return true;
  const code = item.data.category;
  return typeof code === 'string' && (code === category || code.startsWith(`${category}.`));
}

/** 我的工作台: my open cases, my department's cases to accept, everything in my scope. */
export function CasesWorkbenchPage() {
  const t = useT();
  const localName = useLocalName();
  const { me, can } = useSession();
  const type = useCaseType();
  const labels = useCaseLabels(type);
  const lookups = useGovernanceLookups();
  const ids = { state: useId(), category: useId(), town: useId() };
  const departmentId = me?.department?.id;
  const [tab, setTab] = useState<Tab>('mine');
  const [filters, setFilters] = useState<Filters>({ states: [], overdue: false, q: '' });
  const [selected, setSelected] = useState<CaseItem[]>([]);
  const [assigning, setAssigning] = useState(false);
  const canAssign = can('governance.case.assign');

  const query = useMemo((): CaseQuery => {
    const common = {
      divisionCode: filters.town,
      overdue: filters.overdue || undefined,
      q: filters.q || undefined,
    };
    if (tab === 'mine') return { ...common, assignee: 'me', open: true, states: filters.states };
    if (tab === 'department') return { ...common, states: ['dispatched'], departmentId };
    return { ...common, states: filters.states };
  }, [tab, filters, departmentId]);
  const list = useCaseList(query);
  const items = list.items.filter((item) => inCategory(item, filters.category));
  const set = (patch: Partial<Filters>) => setFilters((previous) => ({ ...previous, ...patch }));

  const categoryOptions = lookups.categories
    .filter((c) => c.active)
    .map((c) => ({
      value: c.code,
      label: c.parentCode ? `— ${localName(c.nameZh, c.nameEn)}` : localName(c.nameZh, c.nameEn),
    }));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.cases')}
      </Typography.Title>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setTab(key as Tab);
            setSelected([]);
          }}
          items={[
            { key: 'mine', label: <span data-testid="tab-mine">{t('cases.tab.mine')}</span> },
            ...(departmentId
              ? [
                  {
                    key: 'department',
                    label: <span data-testid="tab-department">{t('cases.tab.department')}</span>,
                  },
                ]
              : []),
            { key: 'all', label: <span data-testid="tab-all">{t('cases.tab.all')}</span> },
          ]}
        />
        <Space wrap style={{ marginBottom: 16 }}>
          {tab !== 'department' && (
            <>
              <span id={ids.state}>{t('cases.state')}</span>
              <Select
                aria-labelledby={ids.state}
                mode="multiple"
                allowClear
                placeholder={t('common.all')}
                style={{ minWidth: 180 }}
                value={filters.states}
                onChange={(states) => set({ states })}
                options={(type?.states ?? []).map((s) => ({
                  value: s.code,
                  label: labels.stateName(s.code),
                }))}
              />
            </>
          )}
          <span id={ids.category}>{t('cases.category')}</span>
          <Select
            aria-labelledby={ids.category}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.all')}
            style={{ width: 220 }}
            value={filters.category}
            onChange={(category) => set({ category })}
            options={categoryOptions}
          />
          <span id={ids.town}>{t('cases.town')}</span>
          <Select
            aria-labelledby={ids.town}
            allowClear
            placeholder={t('common.all')}
            style={{ width: 160 }}
            value={filters.town}
            onChange={(town) => set({ town })}
            options={lookups.towns.map((town) => ({ value: town.code, label: town.name }))}
          />
          <Checkbox checked={filters.overdue} onChange={(event) => set({ overdue: event.target.checked })}>
            {t('cases.overdueOnly')}
          </Checkbox>
          <Input.Search
            aria-label={t('common.search')}
            placeholder={t('cases.searchPlaceholder')}
            allowClear
            enterButton={t('common.search')}
            onSearch={(value) => set({ q: value.trim() })}
            style={{ width: 300 }}
          />
          {canAssign && (
            <Button
              icon={<UserSwitchOutlined />}
              disabled={selected.length === 0}
              onClick={() => setAssigning(true)}
              data-testid="bulk-assign"
            >
              {t('cases.bulk.button', { count: selected.length })}
            </Button>
          )}
        </Space>
        <CaseTable
          items={items}
          loading={list.loading}
          labels={labels}
          lookups={lookups}
          testId={`cases-${tab}`}
          rowSelection={
            canAssign
              ? {
                  selectedRowKeys: selected.map((c) => c.id),
                  onChange: (_, rows) => setSelected(rows),
                  getCheckboxProps: (item) => ({ disabled: item.closedAt !== null }),
                }
              : undefined
          }
        />
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          {list.hasMore ? (
            <Button onClick={list.loadMore} loading={list.loading}>
              {t('cases.loadMore')}
            </Button>
          ) : (
            list.items.length > 0 && (
              <Typography.Text>{t('cases.end', { count: items.length })}</Typography.Text>
            )
          )}
        </div>
      </Card>
      {assigning && (
        <BulkAssignModal
          cases={selected}
          onClose={() => setAssigning(false)}
          onDone={() => {
            setSelected([]);
            list.reload();
          }}
        />
      )}
    </Space>
  );
}
