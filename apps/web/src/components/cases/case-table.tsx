import { Table, type TableColumnsType, type TableProps, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import { type CaseLabels, StateTag } from './case-labels';
import type { GovernanceLookups } from './lookups';
import { SlaTag } from './sla-tag';
import { type CaseItem, casePath } from './types';

/** Columns a table may leave out. */
export type CaseColumn = 'state' | 'category' | 'department' | 'town' | 'opened' | 'sla';

export interface CaseTableProps {
  items: CaseItem[];
  loading: boolean;
  labels: CaseLabels;
  lookups: GovernanceLookups;
  /** Row checkboxes (bulk actions); omitted: none. */
  rowSelection?: TableProps<CaseItem>['rowSelection'];
  /** Columns after the standard ones (queue-specific reasons, actions). */
  extraColumns?: TableColumnsType<CaseItem>;
  /** Leave out columns a queue does not need. */
  hide?: CaseColumn[];
  testId?: string;
}

/** Governance events as rows: number, title, state, category, township, department, deadline. */
export function CaseTable({
  items,
  loading,
  labels,
  lookups,
  rowSelection,
  extraColumns = [],
  hide = [],
  testId = 'case-table',
}: CaseTableProps) {
  const t = useT();
  const { locale } = usePreferences();
  const navigate = useNavigate();
  const columns: TableColumnsType<CaseItem> = [
    {
      title: t('cases.number'),
      dataIndex: 'number',
      render: (number: string, item) => (
        <Link to={casePath(item.id)} className="zz-mono" data-testid="case-link">
          {number}
        </Link>
      ),
    },
    {
      title: t('cases.title'),
      dataIndex: 'title',
      render: (title: string) => (
        <Typography.Text ellipsis={{ tooltip: title }} style={{ maxWidth: 260 }}>
          {title}
        </Typography.Text>
      ),
    },
    ...(hide.includes('state')
      ? []
      : [
          {
            title: t('cases.state'),
            dataIndex: 'state',
            render: (state: string) => <StateTag state={state} labels={labels} />,
          },
        ]),
    ...(hide.includes('sla')
      ? []
      : [
          {
            title: t('cases.sla'),
            key: 'sla',
            render: (_: unknown, item: CaseItem) => (
              <SlaTag dueAt={item.dueAt} warnAt={item.warnAt} closedAt={item.closedAt} late={item.late} />
            ),
          },
        ]),
    ...(hide.includes('category')
      ? []
      : [
          {
            title: t('cases.category'),
            key: 'category',
            render: (_: unknown, item: CaseItem) => lookups.categoryName(item.data.category),
          },
        ]),
    ...(hide.includes('town')
      ? []
      : [
          {
            title: t('cases.town'),
            key: 'town',
            render: (_: unknown, item: CaseItem) => lookups.townName(item.divisionCode),
          },
        ]),
    ...(hide.includes('department')
      ? []
      : [
          {
            title: t('cases.department'),
            key: 'department',
            render: (_: unknown, item: CaseItem) => lookups.departmentName(item.departmentId),
          },
        ]),
    ...(hide.includes('opened')
      ? []
      : [
          {
            title: t('cases.openedAt'),
            dataIndex: 'openedAt',
            render: (value: string) => formatDateTime(value, locale),
          },
        ]),
    ...extraColumns,
  ];
  return (
    <Table<CaseItem>
      rowKey="id"
      size="middle"
      data-testid={testId}
      loading={loading}
      dataSource={items}
      columns={columns}
      rowSelection={rowSelection}
      onRow={(item) =>
        ({
          'data-number': item.number,
          style: { cursor: 'pointer' },
          // A click anywhere on the row opens the case, except on its own controls.
          onClick: (event: React.MouseEvent<HTMLElement>) => {
            const target = event.target as HTMLElement;
            if (
              !target.closest('a, button, input, label, .ant-checkbox-wrapper, .ant-table-selection-column')
            )
              navigate(casePath(item.id));
          },
        }) as React.HTMLAttributes<HTMLElement>
      }
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('cases.empty') }}
    />
  );
}
