import { unwrap } from '@zhizhi/api-client';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { api } from '../api/api';
import { Sparkline } from '../components/data/collection/sparkline';
import { percent, type QualityScores } from '../components/data/collection/types';
import { formatDateTime } from '../components/format';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

type DepartmentScore = QualityScores['departments'][number];
type ResourceScore = QualityScores['resources'][number];

/** The last 90 days of one subject's daily scores as a sparkline. */
function Trend({
  subjectType,
  subjectId,
  label,
}: {
  subjectType: 'resource' | 'department';
  subjectId: string;
  label: string;
}) {
  const t = useT();
  const history = useLoad(
    () =>
      unwrap(
        api.GET('/api/data/quality/scores/history', {
          params: { query: { subjectType, subjectId, days: 90 } },
        }),
      ),
    [subjectType, subjectId],
  );
  const values = (history.data?.items ?? []).map((h) => h.score);
  if (!history.loading && values.length === 0)
    return <Typography.Text type="secondary">{t('dataQuality.noHistory')}</Typography.Text>;
  return <Sparkline values={values} label={label} />;
}

function ScoreTag({ score }: { score: number }) {
  const color = score >= 85 ? 'green' : score >= 60 ? 'gold' : 'red';
  return <Tag color={color}>{score.toFixed(1)}</Tag>;
}

/** 数据质量看板: scores per department and per resource, their parts and 90-day trends. */
export function DataQualityPage() {
  const t = useT();
  const localName = useLocalName();
  const { locale, elderMode } = usePreferences();
  const scores = useLoad(() => unwrap(api.GET('/api/data/quality/scores')), []);
  const size = elderMode ? 'middle' : 'small';
  const parts = [
    {
      title: t('dataQuality.col.completeness'),
      dataIndex: 'completeness',
      render: (v: number) => percent(v),
    },
    { title: t('dataQuality.col.passRate'), dataIndex: 'passRate', render: (v: number) => percent(v) },
    { title: t('dataQuality.col.timeliness'), dataIndex: 'timeliness', render: (v: number) => percent(v) },
    { title: t('dataQuality.col.objections'), dataIndex: 'openObjections' },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('dataQuality.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('dataQuality.intro')}
      </Typography.Paragraph>
      <Card title={t('dataQuality.departments')}>
        <Table<DepartmentScore>
          rowKey="departmentId"
          size={size}
          loading={scores.loading}
          dataSource={scores.data?.departments ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="data-quality-departments"
          columns={[
            { title: t('dataQuality.col.name'), render: (_, d) => localName(d.name, d.nameEn) },
            {
              title: t('dataQuality.col.score'),
              dataIndex: 'score',
              render: (v: number) => <ScoreTag score={v} />,
            },
            ...parts,
            { title: t('dataQuality.col.resources'), dataIndex: 'resources' },
            {
              title: t('dataQuality.col.trend'),
              render: (_, d) => (
                <Trend
                  subjectType="department"
                  subjectId={d.departmentId}
                  label={localName(d.name, d.nameEn)}
                />
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('dataQuality.resources')}>
        <Table<ResourceScore>
          rowKey="resourceId"
          size={size}
          loading={scores.loading}
          dataSource={scores.data?.resources ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          data-testid="data-quality-resources"
          columns={[
            { title: t('dataQuality.col.name'), render: (_, r) => `${r.code} ${r.name}` },
            {
              title: t('dataQuality.col.score'),
              dataIndex: 'score',
              render: (v: number) => <ScoreTag score={v} />,
            },
            ...parts,
            {
              title: t('dataQuality.col.lastLoad'),
              render: (_, r) => (
                <>
                  {r.lastLoadAt ? formatDateTime(r.lastLoadAt, locale) : '—'}{' '}
                  {r.stale && <Tag color="red">{t('dataQuality.stale')}</Tag>}
                </>
              ),
            },
            {
              title: t('dataQuality.col.trend'),
              render: (_, r) => <Trend subjectType="resource" subjectId={r.resourceId} label={r.name} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
