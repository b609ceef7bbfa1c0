import { Table, Tag } from 'antd';
import { useT } from '../../../i18n/use-t';
import { usePreferences } from '../../../session/preferences';
import { formatDateTime } from '../../format';
import { type DataLoad, percent } from './types';

const STATUS_COLOR = { running: 'processing', done: 'success', failed: 'error' } as const;

/** The versions of a resource: source, status, rows, diff to the previous version, pass rate. */
export function LoadsTable({ loads, loading }: { loads: DataLoad[]; loading: boolean }) {
  const t = useT();
  const { locale, elderMode } = usePreferences();
  return (
    <Table<DataLoad>
      rowKey="id"
      size={elderMode ? 'middle' : 'small'}
      loading={loading}
      dataSource={loads}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('dataLoad.empty') }}
      data-testid="data-loads"
      columns={[
        { title: t('dataLoad.col.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
        {
          title: t('dataLoad.col.source'),
          render: (_, load) => `${t(`dataLoad.source.${load.source}`)} · ${load.sourceLabel}`,
        },
        {
          title: t('dataLoad.col.status'),
          dataIndex: 'status',
          render: (status: DataLoad['status'], load) => (
            <Tag color={STATUS_COLOR[status]} title={load.errorCode ?? undefined}>
              {t(`dataLoad.status.${status}`)}
              {load.errorCode ? ` · ${load.errorCode}` : ''}
            </Tag>
          ),
        },
        {
          title: t('dataLoad.col.rows'),
          render: (_, load) => (load.rowsTotal ? `${load.rowsRead} / ${load.rowsTotal}` : load.rowsRead),
        },
        {
          title: t('dataLoad.col.diff'),
          render: (_, load) =>
            load.status === 'done'
              ? t('dataLoad.diff', {
                  added: load.added,
                  changed: load.changed,
                  removed: load.removed,
                  unchanged: load.unchanged,
                })
              : '—',
        },
        {
          title: t('dataLoad.col.passRate'),
          dataIndex: 'passRate',
          render: (v: number | null) => percent(v),
        },
        {
          title: t('dataLoad.col.startedAt'),
          dataIndex: 'startedAt',
          render: (v: string) => formatDateTime(v, locale),
        },
      ]}
    />
  );
}
