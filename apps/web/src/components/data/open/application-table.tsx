import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useT } from '../../../i18n/use-t';
import { usePreferences } from '../../../session/preferences';
import { formatDateTime } from '../../format';
import type { OpenApplication } from './open-api';

const STATUS_COLOR = { submitted: 'blue', approved: 'green', rejected: 'red' } as const;

/** Application status as a coloured tag. */
export function ApplicationStatus({ value }: { value: OpenApplication['status'] }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOR[value]} data-testid="open-application-status" data-value={value}>
      {t(`open.status.${value}`)}
    </Tag>
  );
}

/** A developer's applications: dataset, items asked and granted, status, validity. */
export function ApplicationTable({ items }: { items: OpenApplication[] }) {
  const t = useT();
  const { locale } = usePreferences();
  const columns: ColumnsType<OpenApplication> = [
    {
      title: t('open.application.resource'),
      dataIndex: 'resourceName',
      render: (name: string, a) => <Link to={`/open/datasets/${a.resourceUrlCode}`}>{name}</Link>,
    },
    {
      title: t('open.application.number'),
      dataIndex: 'caseNumber',
      render: (v: string) => <span className="zz-mono">{v}</span>,
    },
    {
      title: t('open.application.items'),
      dataIndex: 'items',
      render: (v: string[], a) => v.map((c) => a.itemNames[c] ?? c).join('、'),
    },
    {
      title: t('open.application.granted'),
      dataIndex: 'grantedItems',
      render: (v: string[], a) => v.map((c) => a.itemNames[c] ?? c).join('、') || '—',
    },
    {
      title: t('open.application.status'),
      dataIndex: 'status',
      render: (v: OpenApplication['status']) => <ApplicationStatus value={v} />,
    },
    {
      title: t('open.application.expiresAt'),
      dataIndex: 'expiresAt',
      render: (v: string | null) => (v ? formatDateTime(v, locale) : '—'),
    },
  ];
  return (
    <Table<OpenApplication>
      rowKey="id"
      size="small"
      scroll={{ x: true }}
      pagination={false}
      dataSource={items}
      columns={columns}
      locale={{ emptyText: t('open.developer.noApplications') }}
    />
  );
}
