import { SafetyCertificateOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Row, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api } from '../api/api';
import { EChart } from '../components/charts/echart';
import type { ShareStats } from '../components/data/sharing/types';
import { useDepartmentNames } from '../components/data/sharing/use-department-names';
import { useAction } from '../components/use-action';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { useSession } from '../session/session';

interface Bar {
  label: string;
  calls: number;
  rows: number;
  denied: number;
}

/** 共享调用统计: calls and rows by department, resource and day, with charts; verify the call log. */
export function DataSharingStatsPage() {
  const t = useT();
  const { elderMode } = usePreferences();
  const { can } = useSession();
  const { modal } = App.useApp();
  const { pending, run } = useAction();
  const departmentName = useDepartmentNames();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const stats = useLoad(
    () => unwrap(api.GET('/api/data/share/stats', { params: { query: { from, to } } })),
    [from, to],
  );
  const data: ShareStats = stats.data ?? { byDepartment: [], byResource: [], byDay: [] };
  const byDepartment = data.byDepartment.map((r) => ({ ...r, label: departmentName(r.departmentId) }));
  const byResource = data.byResource.map((r) => ({ ...r, label: r.resourceCode }));
  const byDay = data.byDay.map((r) => ({ ...r, label: r.day }));
  const total = byDay.reduce(
    (sum, r) => ({ calls: sum.calls + r.calls, rows: sum.rows + r.rows, denied: sum.denied + r.denied }),
    {
      calls: 0,
      rows: 0,
      denied: 0,
    },
  );
  const fontSize = elderMode ? 16 : 12;

  const verify = () =>
    run(async () => {
      const result = await unwrap(api.GET('/api/data/share/access-log/verify'));
      if (result.ok) modal.success({ title: t('share.stats.verifyOk', { checked: result.checked }) });
      else
        modal.error({
          title: t('share.stats.verifyBroken', {
            count: result.problems.length,
            seqs: result.problems.map((p) => p.seq).join('、'),
          }),
        });
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('share.stats.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('share.stats.intro')}</Typography.Paragraph>
      <Space wrap>
        <span>{t('share.stats.range')}</span>
        <DatePicker.RangePicker
          value={range}
          onChange={(value) => setRange(value)}
          allowEmpty={[true, true]}
        />
        {can('audit.read') && (
          <Button icon={<SafetyCertificateOutlined />} loading={pending} onClick={() => void verify()}>
            {t('share.stats.verify')}
          </Button>
        )}
      </Space>
      <Alert type="info" title={t('share.stats.total', total)} data-testid="share-stats-total" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={elderMode ? 24 : 12}>
          <StatsCard
            title={t('share.stats.byDepartment')}
            rows={byDepartment}
            kind="bar"
            fontSize={fontSize}
            testId="share-chart-department"
          />
        </Col>
        <Col xs={24} xl={elderMode ? 24 : 12}>
          <StatsCard
            title={t('share.stats.byResource')}
            rows={byResource}
            kind="bar"
            fontSize={fontSize}
            testId="share-chart-resource"
          />
        </Col>
        <Col xs={24}>
          <StatsCard
            title={t('share.stats.byDay')}
            rows={byDay}
            kind="line"
            fontSize={fontSize}
            testId="share-chart-day"
          />
        </Col>
      </Row>
    </Space>
  );
}

function StatsCard(props: {
  title: string;
  rows: Bar[];
  kind: 'bar' | 'line';
  fontSize: number;
  testId: string;
}) {
  const { title, rows, kind, fontSize, testId } = props;
  const t = useT();
  const option = useMemo(
    () => ({
      // No animation: the figures are read, not watched (and screenshots show them settled).
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { textStyle: { fontSize } },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.label),
        axisLabel: { fontSize, interval: 0, rotate: rows.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize } },
      series: [
        {
          name: t('share.stats.calls'),
          type: kind,
          data: rows.map((r) => r.calls),
          itemStyle: { color: '#1677ff' },
        },
        {
          name: t('share.stats.denied'),
          type: kind,
          data: rows.map((r) => r.denied),
          itemStyle: { color: '#cf1322' },
        },
      ],
    }),
    [rows, kind, fontSize, t],
  );
  return (
    <Card title={title} size="small">
      {rows.length === 0 ? (
        <Empty description={t('share.stats.empty')} />
      ) : (
        <>
          <EChart option={option} height={fontSize > 12 ? 360 : 280} label={title} testId={testId} />
          <Table<Bar>
            rowKey="label"
            size="small"
            pagination={false}
            dataSource={rows}
            columns={[
              { title: title, dataIndex: 'label' },
              { title: t('share.stats.calls'), dataIndex: 'calls', align: 'right' },
              { title: t('share.stats.rows'), dataIndex: 'rows', align: 'right' },
              { title: t('share.stats.denied'), dataIndex: 'denied', align: 'right' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
