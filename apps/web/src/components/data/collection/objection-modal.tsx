import { unwrap } from '@zhizhi/api-client';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/api';
import { useT } from '../../../i18n/use-t';
import { applyFieldErrors, useProblemNotifier } from '../../use-action';

export interface ObjectionModalProps {
  resource: { id: string; name: string; items: { code: string; name: string }[] };
  onClose: () => void;
}

interface ObjectionForm {
  itemCode?: string;
  rowKey?: string;
  reason: string;
}

/** 数据异议: reason, optional item and row key; becomes a case for the provider department. */
export function ObjectionModal({ resource, onClose }: ObjectionModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const notify = useProblemNotifier();
  const [form] = Form.useForm<ObjectionForm>();
  const [saving, setSaving] = useState(false);

  async function submit(values: ObjectionForm) {
    setSaving(true);
    try {
      const filed = await unwrap(
        api.POST('/api/data/resources/{id}/objections', {
          params: { path: { id: resource.id } },
          body: { itemCode: values.itemCode ?? null, rowKey: values.rowKey || null, reason: values.reason },
        }),
      );
      void message.success(t('dataObjection.filed', { number: filed.number }));
      onClose();
    } catch (error) {
      applyFieldErrors(form, notify(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('dataObjection.title', { name: resource.name })}
      okText={t('dataObjection.submit')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('dataObjection.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="data-objection-form">
        <Form.Item name="itemCode" label={t('dataObjection.item')}>
          <Select
            allowClear
            options={resource.items.map((i) => ({ value: i.code, label: `${i.name}（${i.code}）` }))}
          />
        </Form.Item>
        <Form.Item name="rowKey" label={t('dataObjection.rowKey')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('dataObjection.reason')}
          rules={[{ required: true, min: 5, max: 2000 }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="data-objection-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
