import { FileExcelOutlined, FilePdfOutlined, FileAddOutlined, ReloadOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { api } from '../api/api';
import type { WeeklyReport } from '../components/cockpit-staff/model';
import { formatDateTime } from '../components/format';
import { useAction } from '../components/use-action';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

/** The report in the reader's language when it was made in it (older reports are Chinese only). */
const fileHref = (report: WeeklyReport, format: 'pdf' | 'xlsx', locale: string) => {
  const language = report.languages.includes(locale as WeeklyReport['languages'][number]) ? locale : 'zh-CN';
  return `/api/cockpit/reports/${encodeURIComponent(report.id)}/file?format=${format}&locale=${language}`;
};

/** 指标周报: weekly indicator reports (PDF and XLSX), made every Monday or on request. */
export function CockpitReportsPage() {
  const t = useT();
  const { locale } = usePreferences();
  const { pending, run } = useAction();
  const reports = useLoad(() => unwrap(api.GET('/api/cockpit/reports')).then((b) => b.items), []);
  const generate = () =>
    run(() => unwrap(api.POST('/api/cockpit/reports')), {
      success: t('cockpitStaff.reports.generated'),
    }).then((ok) => ok && reports.reload());
  const week = (r: WeeklyReport) => t('cockpitStaff.reports.weekRange', { from: r.weekFrom, to: r.weekTo });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="cockpit-reports">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('cockpitStaff.nav.reports')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('cockpitStaff.reports.intro')}</Typography.Paragraph>
      <Space wrap>
        <Button
          type="primary"
          icon={<FileAddOutlined />}
          loading={pending}
          onClick={generate}
          data-testid="cockpit-reports-generate"
        >
          {t('cockpitStaff.reports.generate')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={reports.reload} loading={reports.loading}>
          {t('common.refresh')}
        </Button>
      </Space>
      <Card size="small">
        <Table<WeeklyReport>
          rowKey="id"
          size="middle"
          loading={reports.loading}
          dataSource={reports.data ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          locale={{ emptyText: t('cockpitStaff.reports.empty') }}
          columns={[
            { title: t('cockpitStaff.reports.week'), key: 'week', render: (_, r) => week(r) },
            {
              title: t('cockpitStaff.reports.trigger'),
              dataIndex: 'trigger',
              render: (trigger: WeeklyReport['trigger']) => (
                <Tag color={trigger === 'schedule' ? 'blue' : 'default'}>
                  {t(`cockpitStaff.reports.trigger.${trigger}`)}
                </Tag>
              ),
            },
            { title: t('cockpitStaff.reports.generatedBy'), dataIndex: 'generatedBy' },
            {
              title: t('cockpitStaff.reports.generatedAt'),
              dataIndex: 'generatedAt',
              render: (at: string) => formatDateTime(at, locale),
            },
            {
              title: t('cockpitStaff.reports.download'),
              key: 'download',
              render: (_, r) => (
                <Space size="middle" wrap>
                  <a
                    href={fileHref(r, 'pdf', locale)}
                    download
                    aria-label={t('cockpitStaff.reports.downloadPdf', { week: week(r) })}
                  >
                    <FilePdfOutlined /> {t('cockpitStaff.reports.pdf')}
                  </a>
                  <a
                    href={fileHref(r, 'xlsx', locale)}
                    download
                    aria-label={t('cockpitStaff.reports.downloadXlsx', { week: week(r) })}
                  >
                    <FileExcelOutlined /> {t('cockpitStaff.reports.xlsx')}
                  </a>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
