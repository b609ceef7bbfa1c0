import { UploadOutlined } from '@ant-design/icons';
import { type ApiResponse, unwrap } from '@zhizhi/api-client';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/api';
import { useEnumLabel, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { useSession } from '../../session/session';
import { uploadFile } from '../cases/photos';
import { formatDateTime } from '../format';
import { fieldNameOf, useProblemNotifier } from '../use-action';
import { useLoad } from '../use-load';
import { formatValue, type IndicatorValue, type ReportedFigure } from './model';

type StoredFile = ApiResponse<'/api/files', 'post'>;
type Values = { value: number; asOf: Dayjs; note: string; evidenceFileIds?: string[] };

const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';
const MAX_BYTES = 10 * 1024 * 1024;
const FIELDS = ['value', 'asOf', 'note', 'evidenceFileIds'] as const;

/** 填报: the owner department enters a figure with evidence; everyone with the cockpit sees the history. */
export function ReportedPanel({ value: v, onSaved }: { value: IndicatorValue; onSaved: () => void }) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const { message } = App.useApp();
  const { locale } = usePreferences();
  const { can } = useSession();
  const notify = useProblemNotifier();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile<StoredFile>[]>([]);
  const [pending, setPending] = useState(false);
  const history = useLoad(
    () =>
      unwrap(api.GET('/api/cockpit/indicators/{code}/reported', { params: { path: { code: v.code } } })).then(
        (body) => body.items,
      ),
    [v.code],
  );
  const fileIds = files.flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : []));

  const submit = async (values: Values) => {
    if (fileIds.length === 0) {
      form.setFields([{ name: 'evidenceFileIds', errors: [t('cockpitStaff.report.evidenceRequired')] }]);
      return;
    }
    setPending(true);
    try {
      await unwrap(
        api.POST('/api/cockpit/indicators/{code}/reported', {
          params: { path: { code: v.code } },
          body: {
            value: values.value,
            asOf: values.asOf.format('YYYY-MM-DD'),
            note: values.note.trim(),
            evidenceFileIds: fileIds,
          },
        }),
      );
      void message.success(t('cockpitStaff.report.saved'));
      form.resetFields();
      setFiles([]);
      history.reload();
      onSaved();
    } catch (error) {
      const problem = notify(error);
      // Each error next to its input; `evidenceFileIds.0` belongs to the evidence upload.
      const byField = new Map<(typeof FIELDS)[number], string[]>();
      for (const e of problem.errors ?? []) {
        const field = FIELDS.find((f) => f === fieldNameOf(e.path)[0]);
        if (field) byField.set(field, [...(byField.get(field) ?? []), e.message]);
      }
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      if (problem.code === 'cockpit.reported.evidence_not_found')
        form.setFields([
          { name: 'evidenceFileIds', errors: [t('problem.cockpit.reported.evidence_not_found')] },
        ]);
    } finally {
      setPending(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('cockpitStaff.report.title')}>
        <Typography.Paragraph type="secondary">
          {t('cockpitStaff.report.intro', {
            owner: v.ownerDepartment?.name ?? t('cockpitStaff.indicator.owner'),
          })}
        </Typography.Paragraph>
        {can('cockpit.report') ? (
          <Form<Values>
            form={form}
            name="cockpit-reported"
            layout="vertical"
            style={{ maxWidth: 640 }}
            initialValues={{ asOf: dayjs() }}
            onFinish={submit}
          >
            <Space wrap size="large" align="start">
              <Form.Item
                label={t('cockpitStaff.report.value')}
                name="value"
                rules={[{ required: true, message: t('common.required') }]}
              >
                <InputNumber
                  min={0}
                  max={v.unit === 'percent' ? 100 : undefined}
                  suffix={
                    v.unit === 'percent'
                      ? '%'
                      : v.unit === 'count'
                        ? undefined
                        : enumLabel('cockpitStaff.unit', v.unit)
                  }
                  style={{ width: 200 }}
                />
              </Form.Item>
              <Form.Item
                label={t('cockpitStaff.report.asOf')}
                name="asOf"
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} />
              </Form.Item>
            </Space>
            <Form.Item
              label={t('cockpitStaff.report.note')}
              name="note"
              extra={t('cockpitStaff.report.noteHelp')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item
              label={t('cockpitStaff.report.evidence')}
              name="evidenceFileIds"
              extra={t('cockpitStaff.report.evidenceHelp')}
              required
            >
              <Upload<StoredFile>
                accept={ACCEPT}
                fileList={files}
                maxCount={10}
                beforeUpload={(file) => file.size <= MAX_BYTES || Upload.LIST_IGNORE}
                onChange={({ fileList }) => {
                  setFiles(fileList);
                  form.setFields([{ name: 'evidenceFileIds', errors: [] }]);
                }}
                customRequest={({ file, onSuccess, onError }) => {
                  uploadFile(file as File)
                    .then((stored) => onSuccess?.(stored))
                    .catch((error: unknown) => {
                      notify(error);
                      onError?.(error as Error);
                    });
                }}
              >
                <Button icon={<UploadOutlined />}>{t('cockpitStaff.report.upload')}</Button>
              </Upload>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={pending} data-testid="cockpit-report-submit">
              {t('cockpitStaff.report.submit')}
            </Button>
          </Form>
        ) : (
          <Alert type="info" showIcon title={t('cockpitStaff.report.noPermission')} />
        )}
      </Card>
      <Card size="small" title={t('cockpitStaff.report.history')}>
        <Table<ReportedFigure>
          rowKey="id"
          size="small"
          loading={history.loading}
          dataSource={history.data ?? []}
          pagination={false}
          locale={{ emptyText: t('cockpitStaff.report.historyEmpty') }}
          data-testid="cockpit-reported-history"
          columns={[
            { title: t('cockpitStaff.report.asOf'), dataIndex: 'asOf' },
            {
              title: t('cockpitStaff.report.value'),
              dataIndex: 'value',
              align: 'right',
              render: (x: number) => formatValue(x, v.unit, locale),
            },
            { title: t('cockpitStaff.report.note'), dataIndex: 'note' },
            {
              title: t('cockpitStaff.report.evidence'),
              dataIndex: 'evidenceFileIds',
              render: (ids: string[], figure) => (
                <Space size={4} wrap>
                  {ids.map((id, i) => (
                    <a
                      key={id}
                      href={`/api/cockpit/reported/${encodeURIComponent(figure.id)}/evidence/${encodeURIComponent(id)}`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {t('cockpitStaff.report.evidence')} {i + 1}
                    </a>
                  ))}
                </Space>
              ),
            },
            { title: t('cockpitStaff.report.reportedBy'), dataIndex: 'reportedBy' },
            {
              title: t('cockpitStaff.report.reportedAt'),
              dataIndex: 'reportedAt',
              render: (at: string) => formatDateTime(at, locale),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
