import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import {
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { api } from '../../../api/api';
import { useT } from '../../../i18n/use-t';
import { usePreferences } from '../../../session/preferences';
import { formatDateTime } from '../../format';
import { useAction } from '../../use-action';
import { useLoad } from '../../use-load';
import { GradeTag } from '../data-tags';
import { MaskModeTag, RequestStatusTag } from './share-tags';
import type { ShareRequestDetail } from './types';

interface ApproveValues {
  items: string[];
  filters?: { item: string; value: string }[];
  quotaPerDay: number;
  ratePerMinute: number;
  expiresInDays: number;
  note?: string;
}

export interface RequestDetailDrawerProps {
  requestId: string;
  /** The actor may decide (the request is in the inbox of their department). */
  canDecide: boolean;
  departmentName: (id: string) => string;
  onClose: () => void;
  onDecided: () => void;
  onOpenGrant?: (grantId: string) => void;
}

/** A sharing request with its case clock, and for the provider the approve-fewer-items and reject forms. */
export function RequestDetailDrawer(props: RequestDetailDrawerProps) {
  const { requestId, canDecide, departmentName, onClose, onDecided, onOpenGrant } = props;
  const t = useT();
  const { locale, elderMode } = usePreferences();
  const loaded = useLoad(
    () => unwrap(api.GET('/api/data/share/requests/{id}', { params: { path: { id: requestId } } })),
    [requestId],
  );
  const request = loaded.data?.id === requestId ? loaded.data : undefined;

  return (
    <Drawer
      open
      size={elderMode ? 'min(1100px, 100vw)' : 'min(860px, 100vw)'}
      title={request ? t('share.detail.title', { number: request.number }) : ''}
      onClose={onClose}
      destroyOnHidden
    >
      {!request ? (
        <Skeleton active />
      ) : (
        <Space
          orientation="vertical"
          size="middle"
          style={{ width: '100%' }}
          data-testid="share-request-detail"
        >
          <Descriptions bordered size="small" column={elderMode ? 1 : 2}>
            <Descriptions.Item label={t('share.col.resource')} span="filled">
              <span className="zz-mono">{request.resourceCode}</span> {request.resourceName}
            </Descriptions.Item>
            <Descriptions.Item label={t('share.col.consumer')}>
              {departmentName(request.consumerDepartmentId)}
            </Descriptions.Item>
            <Descriptions.Item label={t('share.col.provider')}>
              {departmentName(request.providerDepartmentId)}
            </Descriptions.Item>
            <Descriptions.Item label={t('share.col.kind')}>
              {t(`share.kind.${request.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('share.col.status')}>
              <RequestStatusTag value={request.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('share.request.items')} span="filled">
              {request.items
                .map((code) => {
                  const name = request.resourceItems.find((i) => i.code === code)?.name;
                  return name ? `${name}（${code}）` : code;
                })
                .join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('share.request.purpose')} span="filled">
              {request.purpose}
            </Descriptions.Item>
            <Descriptions.Item label={t('share.request.legalBasis')} span="filled">
              {request.legalBasis}
            </Descriptions.Item>
            <Descriptions.Item label={t('share.request.matterCode')}>
              <span className="zz-mono">{request.matterCode}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('share.request.durationDays')}>
              {request.durationDays}
            </Descriptions.Item>
            <Descriptions.Item label={t('share.col.requestedAt')}>
              {formatDateTime(request.requestedAt, locale)}
            </Descriptions.Item>
            <Descriptions.Item label={t('share.col.dueAt')}>
              {request.status === 'pending' ? formatDateTime(request.dueAt, locale) : '—'}
            </Descriptions.Item>
            {request.rejectReason && (
              <Descriptions.Item label={t('share.detail.rejectReason')} span="filled">
                {request.rejectReason}
              </Descriptions.Item>
            )}
          </Descriptions>
          {request.grantId && onOpenGrant && (
            <Button onClick={() => onOpenGrant(request.grantId!)}>{t('share.detail.grant')}</Button>
          )}
          {canDecide && request.status === 'pending' && (
            <DecisionForms request={request} onDecided={onDecided} />
          )}
        </Space>
      )}
    </Drawer>
  );
}

function DecisionForms({ request, onDecided }: { request: ShareRequestDetail; onDecided: () => void }) {
  const t = useT();
  const [form] = Form.useForm<ApproveValues>();
  const [rejectForm] = Form.useForm<{ reason: string }>();
  const { pending, run } = useAction();
  const required = { required: true, message: t('common.required') };
  const requested = request.resourceItems.filter((i) => request.items.includes(i.code));
  const renewal = request.kind === 'renewal';

  const approve = async (values: ApproveValues) => {
    const rowFilter = Object.fromEntries(
      (values.filters ?? []).filter((f) => f?.item).map((f) => [f.item, f.value]),
    );
    const done = await run(
      () =>
        unwrap(
          api.POST('/api/data/share/requests/{id}/approve', {
            params: { path: { id: request.id } },
            body: renewal
              ? { expiresInDays: values.expiresInDays, note: values.note }
              : {
                  items: values.items,
                  rowFilter,
                  quotaPerDay: values.quotaPerDay,
                  ratePerMinute: values.ratePerMinute,
                  expiresInDays: values.expiresInDays,
                  note: values.note,
                },
          }),
        ),
      { form, success: t('share.approve.done') },
    );
    if (done) onDecided();
  };
  const reject = async (values: { reason: string }) => {
    const done = await run(
      () =>
        unwrap(
          api.POST('/api/data/share/requests/{id}/reject', {
            params: { path: { id: request.id } },
            body: { reason: values.reason },
          }),
        ),
      { form: rejectForm, success: t('share.reject.done') },
    );
    if (done) onDecided();
  };

  return (
    <Card title={t('share.approve.title')} size="small">
      <Form<ApproveValues>
        form={form}
        name="share-approve"
        layout="vertical"
        onFinish={approve}
        initialValues={{
          items: request.items,
          quotaPerDay: 10_000,
          ratePerMinute: 600,
          expiresInDays: request.durationDays,
        }}
      >
        {!renewal && (
          <>
            <Form.Item name="items" label={t('share.approve.items')} rules={[required]}>
              <Checkbox.Group data-testid="share-approve-items">
                <Space orientation="vertical">
                  {requested.map((item) => (
                    <Checkbox key={item.code} value={item.code} data-testid={`share-approve-${item.code}`}>
                      {item.name} <Typography.Text type="secondary">（{item.code}）</Typography.Text>{' '}
                      <GradeTag value={item.grade} /> <MaskModeTag value={item.mode} />
                    </Checkbox>
                  ))}
                </Space>
              </Checkbox.Group>
            </Form.Item>
            <Typography.Text strong>{t('share.approve.rowFilter')}</Typography.Text>
            <Form.List name="filters">
              {(fields, { add, remove }) => (
                <div style={{ marginTop: 8 }}>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item name={[field.name, 'item']} rules={[required]}>
                        <Select
                          placeholder={t('share.approve.filterItem')}
                          style={{ width: 200 }}
                          options={request.resourceItems.map((i) => ({
                            value: i.code,
                            label: `${i.name}（${i.code}）`,
                          }))}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'value']} rules={[required]}>
                        <Input placeholder={t('share.approve.filterValue')} style={{ width: 200 }} />
                      </Form.Item>
                      <Button
                        icon={<DeleteOutlined />}
                        aria-label={t('share.approve.removeFilter')}
                        onClick={() => remove(field.name)}
                      />
                    </Space>
                  ))}
                  <Form.Item>
                    <Button icon={<PlusOutlined />} onClick={() => add({ item: undefined, value: '' })}>
                      {t('share.approve.addFilter')}
                    </Button>
                  </Form.Item>
                </div>
              )}
            </Form.List>
            <Space wrap size="large">
              <Form.Item name="quotaPerDay" label={t('share.approve.quotaPerDay')} rules={[required]}>
                <InputNumber min={1} max={10_000_000} precision={0} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="ratePerMinute" label={t('share.approve.ratePerMinute')} rules={[required]}>
                <InputNumber min={1} max={100_000} precision={0} style={{ width: 180 }} />
              </Form.Item>
            </Space>
          </>
        )}
        <Form.Item
          name="expiresInDays"
          label={t('share.approve.expiresInDays', { max: request.durationDays })}
          rules={[required]}
        >
          <InputNumber min={1} max={request.durationDays} precision={0} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="note" label={t('share.approve.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending} data-testid="share-approve-submit">
          {t('share.approve.submit')}
        </Button>
      </Form>
      <Form
        form={rejectForm}
        name="share-reject"
        layout="vertical"
        onFinish={reject}
        style={{ marginTop: 24 }}
      >
        <Form.Item name="reason" label={t('share.reject.reason')} rules={[required, { min: 2 }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="share-reject-reason" />
        </Form.Item>
        <Button danger htmlType="submit" loading={pending} data-testid="share-reject-submit">
          {t('share.reject.submit')}
        </Button>
      </Form>
    </Card>
  );
}
