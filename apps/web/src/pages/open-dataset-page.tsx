import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ApplyForm } from '../components/data/open/apply-form';
import { CYCLE_LABELS, downloadUrl, FORMAT_LABELS, loadDataset } from '../components/data/open/open-api';
import { OpenShell } from '../components/data/open/open-shell';
import { OpenOpeningTag } from '../components/data/open/opening-tag';
import { formatDateTime } from '../components/format';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

const FORMATS = [
  { format: 'csv', label: 'open.detail.downloadCsv' },
  { format: 'json', label: 'open.detail.downloadJson' },
  { format: 'xlsx', label: 'open.detail.downloadXlsx' },
] as const;

/** /open/datasets/:code — one dataset: its fields and items, downloads, the API example (public). */
export function OpenDatasetPage() {
  const t = useT();
  const localName = useLocalName();
  const { locale } = usePreferences();
  const { code = '' } = useParams();
  const { data, loading, failed } = useLoad(() => loadDataset(code), [code]);
  const back = <Link to="/open">{t('open.detail.back')}</Link>;

  if (failed)
    return (
      <OpenShell title={t('open.portal.title')}>
        <Result status="404" title={t('open.detail.notFound')} extra={back} />
      </OpenShell>
    );
  if (!data) return <OpenShell title={t('common.loading')}>{loading && null}</OpenShell>;

  const origin = window.location.origin;
  const example = `curl -H "X-API-Key: zzo_…" \\\n  "${origin}/api/open/v1/resources/${data.urlCode}/rows?fields=${data.items
    .slice(0, 2)
    .map((i) => i.code)
    .join(',')}&limit=100"`;

  return (
    <OpenShell title={data.name}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {back}
        <Card>
          <Typography.Paragraph>{data.abstract}</Typography.Paragraph>
          <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" bordered>
            <Descriptions.Item label={t('open.detail.code')}>
              <span className="zz-mono">{data.code}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('open.detail.department')}>
              {localName(data.department.name, data.department.nameEn)}
            </Descriptions.Item>
            <Descriptions.Item label={t('open.detail.opening')}>
              <OpenOpeningTag value={data.openingType} />
            </Descriptions.Item>
            <Descriptions.Item label={t('open.detail.cycle')}>
              {CYCLE_LABELS[data.updateCycle] ? t(CYCLE_LABELS[data.updateCycle]) : data.updateCycle}
            </Descriptions.Item>
            <Descriptions.Item label={t('open.detail.format')}>
              {FORMAT_LABELS[data.format] ? t(FORMAT_LABELS[data.format]) : data.format}
            </Descriptions.Item>
            <Descriptions.Item label={t('open.detail.publishDate')}>
              {data.publishDate ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('open.detail.lastUpdated')}>
              {formatDateTime(data.lastUpdatedAt, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('open.detail.rowCount')}>
              <span data-testid="open-row-count">{data.rowCount}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('open.detail.downloads')}>
              <span data-testid="open-downloads">{data.downloads}</span> · {t('open.detail.apiCalls')}{' '}
              {data.apiCalls}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t('open.detail.download')}>
          {data.openingType === 'open' ? (
            <Space wrap>
              {FORMATS.map((f) => (
                <Button
                  key={f.format}
                  icon={<DownloadOutlined />}
                  href={downloadUrl(data.urlCode, f.format)}
                  data-testid={`open-download-${f.format}`}
                  type={f.format === 'csv' ? 'primary' : 'default'}
                >
                  {t(f.label)}
                </Button>
              ))}
            </Space>
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Alert type="warning" showIcon title={t('open.detail.restrictedNote')} />
              <Typography.Title level={5}>{t('open.apply.title')}</Typography.Title>
              <ApplyForm dataset={data} />
            </Space>
          )}
        </Card>
        <Card title={t('open.detail.items')}>
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={data.items}
            columns={[
              { title: t('open.detail.itemName'), dataIndex: 'name' },
              {
                title: t('open.detail.itemCode'),
                dataIndex: 'code',
                render: (value: string) => <span className="zz-mono">{value}</span>,
              },
              {
                title: t('open.detail.itemType'),
                dataIndex: 'type',
                render: (value: string) => t(`data.type.${value}` as 'data.type.string'),
              },
              {
                title: t('open.detail.masked'),
                dataIndex: 'masked',
                render: (masked: boolean) =>
                  masked ? <Tag color="orange">{t('open.detail.masked')}</Tag> : '—',
              },
            ]}
          />
        </Card>
        <Card title={t('open.detail.api')}>
          <Typography.Paragraph type="secondary">{t('open.detail.apiHint')}</Typography.Paragraph>
          <pre
            className="zz-mono"
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 }}
            data-testid="open-api-example"
          >
            {example}
          </pre>
        </Card>
      </Space>
    </OpenShell>
  );
}
