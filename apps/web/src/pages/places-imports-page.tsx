import { InboxOutlined } from '@ant-design/icons';
import { type Problem, problemOf, unwrap } from '@zhizhi/api-client';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../api/api';
import { formatDateTime } from '../components/format';
import { ImportPanel, isRunning, usePollImport } from '../components/places/import-panel';
import type { PlacesImport } from '../components/places/types';
import { useLoad } from '../components/use-load';
import { problemText } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SOURCE_KINDS = ['police', 'natural_resources', 'utility', 'other'] as const;
type SourceKind = (typeof SOURCE_KINDS)[number];

interface ImportOptions {
  sourceKind: SourceKind;
  sourceName: string;
  addressColumn?: string;
}

/** The sheet goes as the raw body; the server checks it (address column, rows) before queueing. */
function startImport(file: File, options: ImportOptions): Promise<PlacesImport> {
  const type = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
  return unwrap(
    api.POST('/api/places/imports', {
      params: {
        query: {
          sourceKind: options.sourceKind,
          sourceName: options.sourceName.trim(),
          addressColumn: options.addressColumn?.trim() || undefined,
        },
        header: { 'x-file-name': encodeURIComponent(file.name) },
      },
      body: file as never,
      bodySerializer: (body: unknown) => body as Blob,
      headers: { 'Content-Type': type },
    }),
  );
}

/** 地址导入: upload a department's address sheet, watch it being matched, read its records. */
export function PlacesImportsPage() {
  const t = useT();
  const { locale } = usePreferences();
  const [form] = Form.useForm<ImportOptions>();
  const [current, setCurrent] = useState<PlacesImport | null>(null);
  const [uploading, setUploading] = useState(false);
  const [refused, setRefused] = useState<Problem | null>(null);
  const recent = useLoad(() => unwrap(api.GET('/api/places/imports')).then((body) => body.items), []);
  const { reload } = recent;
  const onProgress = useCallback(
    (next: PlacesImport) => {
      setCurrent(next);
      if (!isRunning(next)) reload();
    },
    [reload],
  );
  usePollImport(current, onProgress);
  const running = current !== null && isRunning(current);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.placesImports')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('places.imports.intro')}</Typography.Paragraph>
      <Card>
        <Form<ImportOptions>
          form={form}
          layout="inline"
          initialValues={{ sourceKind: 'police', sourceName: t('places.imports.sourceNameDefault') }}
          style={{ rowGap: 12, marginBottom: 16 }}
        >
          <Form.Item name="sourceKind" label={t('places.imports.sourceKind')} rules={[{ required: true }]}>
            <Select
              style={{ minWidth: 240 }}
              data-testid="places-import-kind"
              options={SOURCE_KINDS.map((kind) => ({ value: kind, label: t(`places.source.${kind}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="sourceName"
            label={t('places.imports.sourceName')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]}
          >
            <Input style={{ minWidth: 200 }} data-testid="places-import-name" />
          </Form.Item>
          <Form.Item name="addressColumn" label={t('places.imports.addressColumn')} rules={[{ max: 100 }]}>
            <Input placeholder={t('places.imports.addressColumnHint')} style={{ minWidth: 260 }} />
          </Form.Item>
        </Form>
        <Upload.Dragger
          accept=".csv,.xlsx,text/csv"
          multiple={false}
          showUploadList={false}
          disabled={uploading || running}
          customRequest={({ file }) => {
            setRefused(null);
            form
              .validateFields()
              .then((options) => {
                setUploading(true);
                return startImport(file as File, options).then((started) => {
                  setCurrent(started);
                  reload();
                });
              })
              .catch((error: unknown) => {
                // Form validation errors are shown on the form itself.
                if (error && typeof error === 'object' && 'errorFields' in error) return;
                setRefused(problemOf(error));
              })
              .finally(() => setUploading(false));
          }}
          data-testid="places-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('places.imports.drop')}</p>
          <p className="ant-upload-hint">{t('places.imports.hint')}</p>
        </Upload.Dragger>
        {refused && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="places-import-refused"
            title={problemText(locale, refused) ?? t('error.unknown')}
          />
        )}
      </Card>
      {current && <ImportPanel key={current.id} item={current} />}
      <Card size="small" title={t('places.imports.recent')}>
        <Table<PlacesImport>
          size="small"
          rowKey="id"
          loading={recent.loading}
          dataSource={recent.data ?? []}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          data-testid="places-imports-recent"
          scroll={{ x: 800 }}
          columns={[
            { title: t('places.imports.file'), dataIndex: 'fileName' },
            {
              title: t('places.imports.sourceKind'),
              key: 'source',
              render: (_, item) =>
                `${t(`places.source.${item.sourceKind as SourceKind}`)} · ${item.sourceName}`,
            },
            {
              title: t('places.imports.createdAt'),
              dataIndex: 'createdAt',
              render: (value: string) => formatDateTime(value, locale),
            },
            {
              title: t('places.imports.progress'),
              key: 'status',
              render: (_, item) => (
                <Space size={4} wrap>
                  <Tag>{t(`places.imports.status.${item.status as 'done'}`)}</Tag>
                  <span>
                    {t('places.imports.summary', {
                      total: item.total,
                      matched: item.matched,
                      review: item.review,
                      failed: item.failed,
                    })}
                  </span>
                </Space>
              ),
            },
            {
              title: t('common.actions'),
              key: 'open',
              render: (_, item) => (
                <Button
                  size="small"
                  onClick={() => setCurrent(item)}
                  disabled={current?.id === item.id}
                  data-testid="places-import-open"
                >
                  {t('places.imports.open')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
