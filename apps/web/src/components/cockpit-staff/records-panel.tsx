import { LockOutlined } from '@ant-design/icons';
import { ApiProblemError, unwrap } from '@zhizhi/api-client';
import { Card, Result, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/api';
import { useEnumLabel, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import { useProblemNotifier } from '../use-action';
import type { IndicatorValue, PeriodKind, Records } from './model';

const PAGE_SIZE = 20;
type Item = Records['items'][number];
type State =
  | { kind: 'loading' }
  | { kind: 'forbidden' }
  | { kind: 'failed' }
  | { kind: 'loaded'; records: Records };

/** 明细: the records behind the figure (events or applications), or why there are none to show. */
export function RecordsPanel({
  value: v,
  scope,
  period,
}: {
  value: IndicatorValue;
  scope: string;
  period: PeriodKind;
}) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const { locale } = usePreferences();
  const notify = useProblemNotifier();
  const [page, setPage] = useState(1);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [loading, setLoading] = useState(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new scope or period starts at page 1
  useEffect(() => setPage(1), [v.code, scope, period]);
  useEffect(() => {
    let current = true;
    setLoading(true);
    unwrap(
      api.GET('/api/cockpit/indicators/{code}/records', {
        params: { path: { code: v.code }, query: { scope, period, page, pageSize: PAGE_SIZE } },
      }),
    )
      .then((records) => current && setState({ kind: 'loaded', records }))
      .catch((error: unknown) => {
        if (!current) return;
        if (error instanceof ApiProblemError && error.problem.code === 'cockpit.records.forbidden')
          setState({ kind: 'forbidden' });
        else {
          notify(error);
          setState({ kind: 'failed' });
        }
      })
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [v.code, scope, period, page, notify]);

  if (state.kind === 'forbidden')
    return (
      <Card data-testid="cockpit-records-forbidden">
        <Result
          icon={<LockOutlined />}
          title={t('cockpitStaff.records.forbidden')}
          subTitle={t('cockpitStaff.records.forbiddenHint')}
        />
      </Card>
    );
  if (state.kind === 'loaded' && state.records.kind === 'none')
    return (
      <Card data-testid="cockpit-records-none">
        <Result
          status="info"
          title={t('cockpitStaff.records.noneTitle')}
          subTitle={
            v.source === 'reported'
              ? t('cockpitStaff.records.noneReported')
              : t('cockpitStaff.records.noneModule', {
                  formula: locale === 'en-US' ? v.formulaTextEn : v.formulaText,
                })
          }
        />
      </Card>
    );
  const records = state.kind === 'loaded' ? state.records : null;
  const stateLabel = (value: string) =>
    records?.kind === 'applications' ? enumLabel('portal.status', value) : enumLabel('cases.state', value);

  return (
    <Card size="small" data-testid="cockpit-records">
      {records && records.kind !== 'none' && (
        <Typography.Paragraph type="secondary">
          {t(`cockpitStaff.records.kind.${records.kind}`, { total: records.total })}
        </Typography.Paragraph>
      )}
      <Table<Item>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={records?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: records?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: setPage,
        }}
        columns={[
          {
            title: t('cockpitStaff.records.number'),
            dataIndex: 'number',
            render: (number: string, item) => (item.href ? <Link to={item.href}>{number}</Link> : number),
          },
          { title: t('cockpitStaff.records.title'), dataIndex: 'title', ellipsis: true },
          { title: t('cockpitStaff.records.state'), dataIndex: 'state', render: stateLabel },
          { title: t('cockpitStaff.records.division'), dataIndex: 'divisionName' },
          { title: t('cockpitStaff.records.department'), dataIndex: 'departmentName' },
          {
            title: t('cockpitStaff.records.at'),
            dataIndex: 'at',
            render: (at: string) => formatDateTime(at, locale),
          },
          {
            title: t('cockpitStaff.records.counted'),
            dataIndex: 'counted',
            render: (counted: boolean) =>
              counted ? <Tag color="success">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
