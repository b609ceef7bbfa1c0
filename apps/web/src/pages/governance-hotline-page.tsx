import { InboxOutlined } from '@ant-design/icons';
import { type Problem, problemOf, unwrap } from '@zhizhi/api-client';
import {
  Alert,
  Button,
  Card,
  Col,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/api';
import type { HotlineImport } from '../components/cases/types';
import { useProblemNotifier } from '../components/use-action';
import { hasMessage, problemText } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const POLL_MS = 1000;
const COLUMNS = [
  '工单编号',
  '来电时间',
  '来电人',
  '联系电话',
  '诉求内容',
  '事发地址',
  '诉求类型',
  '所属街道',
  '办理时限',
  '经度',
  '纬度',
];

type RowError = HotlineImport['errors'][number];

/** Sends the export as the raw request body; the server checks the file before it queues the import. */
function startImport(file: File): Promise<HotlineImport> {
  const type = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
  return unwrap(
    api.POST('/api/governance/hotline/imports', {
      body: file as never,
      bodySerializer: (body: unknown) => body as Blob,
      headers: { 'Content-Type': type, 'x-file-name': encodeURIComponent(file.name) },
    }),
  );
}

const STATUS_COLOR = { queued: 'default', running: 'processing', done: 'success', failed: 'error' } as const;

/** 12345工单导入: upload an export, watch it go in, read the rows that could not be taken and why. */
export function GovernanceHotlinePage() {
  const t = useT();
  const { locale } = usePreferences();
  const notify = useProblemNotifier();
  const [current, setCurrent] = useState<HotlineImport | null>(null);
  const [uploading, setUploading] = useState(false);
  // A file refused as a whole (no header, missing columns…) stays on screen until the next try.
  const [refused, setRefused] = useState<Problem | null>(null);
  const running = current?.status === 'queued' || current?.status === 'running';

  // Poll while the import runs.
  useEffect(() => {
    if (!current || !running) return;
    const timer = setTimeout(() => {
      unwrap(api.GET('/api/governance/hotline/imports/{id}', { params: { path: { id: current.id } } }))
        .then(setCurrent)
        .catch(notify);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [current, running, notify]);

  const fieldName = (field: string) => {
    const key = `governance.hotline.field.${field}`;
    return hasMessage(key) ? t(key) : field;
  };
  const percent = current && current.total > 0 ? Math.round((100 * current.processed) / current.total) : 0;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.governanceHotline')}
      </Typography.Title>
      <Card>
        <Upload.Dragger
          accept=".csv,.xlsx,text/csv"
          multiple={false}
          showUploadList={false}
          disabled={uploading || running}
          customRequest={({ file }) => {
            setUploading(true);
            setRefused(null);
            startImport(file as File)
              .then(setCurrent)
              .catch((error: unknown) => setRefused(problemOf(error)))
              .finally(() => setUploading(false));
          }}
          data-testid="hotline-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('governance.hotline.drop')}</p>
          <p className="ant-upload-hint">{t('governance.hotline.hint')}</p>
        </Upload.Dragger>
        {refused && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="hotline-refused"
            title={problemText(locale, refused) ?? t('error.unknown')}
            // The server's detail names the columns, but only in English (its Chinese text is not sent).
            description={
              locale === 'en-US' && refused.detail !== problemText(locale, refused)
                ? refused.detail
                : undefined
            }
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('governance.hotline.columns')} <span className="zz-mono">{COLUMNS.join('、')}</span>
        </Typography.Paragraph>
      </Card>
      {current && (
        <Card
          data-testid="hotline-import"
          data-status={current.status}
          title={
            <Space wrap>
              <span>{current.fileName}</span>
              <Tag color={STATUS_COLOR[current.status]}>
                {t(`governance.hotline.status.${current.status}`)}
              </Tag>
            </Space>
          }
        >
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Progress
              percent={percent}
              status={current.status === 'failed' ? 'exception' : running ? 'active' : 'success'}
              aria-label={t('governance.hotline.progress')}
            />
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Statistic title={t('governance.hotline.total')} value={current.total} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('governance.hotline.processed')} value={current.processed} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('governance.hotline.created')}
                  value={current.created}
                  styles={{ content: { color: '#237804' } }}
                  data-testid="hotline-created"
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('governance.hotline.failed')}
                  value={current.failed}
                  styles={{ content: { color: current.failed ? '#cf1322' : undefined } }}
                />
              </Col>
            </Row>
            {current.status === 'done' && (
              <Alert
                type={current.failed ? 'warning' : 'success'}
                showIcon
                title={t('governance.hotline.finished', { created: current.created, failed: current.failed })}
              />
            )}
            {current.errors.length > 0 && (
              <Table<RowError>
                rowKey={(error) => `${error.row}-${error.field}-${error.code}`}
                size="small"
                data-testid="hotline-errors"
                dataSource={current.errors}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                columns={[
                  { title: t('governance.hotline.row'), dataIndex: 'row', width: 80 },
                  { title: t('governance.hotline.field'), dataIndex: 'field', render: fieldName },
                  {
                    title: t('governance.hotline.message'),
                    key: 'message',
                    render: (_, error) => (locale === 'zh-CN' ? error.messageZh : error.message),
                  },
                ]}
              />
            )}
            {!running && <Button onClick={() => setCurrent(null)}>{t('governance.hotline.another')}</Button>}
          </Space>
        </Card>
      )}
    </Space>
  );
}
