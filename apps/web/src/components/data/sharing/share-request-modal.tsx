import { unwrap } from '@zhizhi/api-client';
import { Alert, Checkbox, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { api } from '../../../api/api';
import { useT } from '../../../i18n/use-t';
import { useSession } from '../../../session/session';
import { FormModal } from '../../form-modal';
import { GradeTag } from '../data-tags';
import type { DataResourceDetail } from '../types';

interface RequestValues {
  consumerDepartmentId?: string;
  items: string[];
  purpose: string;
  legalBasis: string;
  matterCode: string;
  durationDays: number;
}

export interface ShareRequestModalProps {
  resource: Pick<DataResourceDetail, 'id' | 'name' | 'code' | 'items' | 'providerDepartmentId'>;
  /** Departments to request for, for staff without one of their own (administrators). */
  departments: { value: string; label: string }[];
  onClose: () => void;
  onSaved: (created: { id: string; number: string }) => void;
}

/** 申请共享: items, purpose, legal basis, service matter and duration; becomes a case for the provider. */
export function ShareRequestModal({ resource, departments, onClose, onSaved }: ShareRequestModalProps) {
  const t = useT();
  const { me } = useSession();
  const required = { required: true, message: t('common.required') };
  const ownDepartment = me?.department?.id ?? null;

  const save = (values: RequestValues) =>
    unwrap(
      api.POST('/api/data/share/requests', {
        body: {
          resourceId: resource.id,
          consumerDepartmentId: ownDepartment ? undefined : values.consumerDepartmentId,
          items: values.items,
          purpose: values.purpose,
          legalBasis: values.legalBasis,
          matterCode: values.matterCode.trim(),
          durationDays: values.durationDays,
        },
      }),
    );

  return (
    <FormModal<RequestValues, { id: string; number: string }>
      title={t('share.request.title', { name: resource.name })}
      name="share-request"
      width={720}
      okText={t('share.request.submit')}
      initialValues={{ items: [], durationDays: 90 }}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('share.request.intro')} />
      {!ownDepartment && (
        <Form.Item name="consumerDepartmentId" label={t('share.request.consumer')} rules={[required]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={departments.filter((d) => d.value !== resource.providerDepartmentId)}
          />
        </Form.Item>
      )}
      <Form.Item name="items" label={t('share.request.items')} rules={[required]}>
        <Checkbox.Group data-testid="share-request-items" style={{ width: '100%' }}>
          <Space orientation="vertical">
            {resource.items.map((item) => (
              <Checkbox key={item.code} value={item.code} data-testid={`share-item-${item.code}`}>
                {item.name} <Typography.Text type="secondary">（{item.code}）</Typography.Text>{' '}
                <GradeTag value={item.grade} />
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="purpose" label={t('share.request.purpose')} rules={[required, { min: 4 }]}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="share-request-purpose" />
      </Form.Item>
      <Form.Item
        name="legalBasis"
        label={t('share.request.legalBasis')}
        extra={t('share.request.legalBasisHint')}
        rules={[required, { min: 4 }]}
      >
        <Input.TextArea rows={2} maxLength={1000} data-testid="share-request-basis" />
      </Form.Item>
      <Space wrap size="large">
        <Form.Item
          name="matterCode"
          label={t('share.request.matterCode')}
          extra={t('share.request.matterCodeHint')}
          rules={[
            required,
            {
              pattern: /^[\u4e00-\u9fa5]{2,4}-\d{5}-\d{3}(-\d{2})?$/,
              message: t('share.request.matterCodeHint'),
            },
          ]}
        >
          <Input style={{ width: 240 }} className="zz-mono" data-testid="share-request-matter" />
        </Form.Item>
        <Form.Item name="durationDays" label={t('share.request.durationDays')} rules={[required]}>
          <InputNumber min={1} max={1095} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
