import { unwrap } from '@zhizhi/api-client';
import { Alert, Form, Input } from 'antd';
import { api } from '../../api/api';
import { useT } from '../../i18n/use-t';
import { FormModal } from '../form-modal';

export interface RetireResourceModalProps {
  resource: { id: string; code: string };
  onClose: () => void;
  onRetired: () => void;
}

/** 撤销数据资源: asks for the reason (audited) before the resource leaves the catalog. */
export function RetireResourceModal({ resource, onClose, onRetired }: RetireResourceModalProps) {
  const t = useT();
  return (
    <FormModal<{ reason: string }, unknown>
      title={t('data.catalog.retireTitle', { code: resource.code })}
      name="data-retire"
      okText={t('data.catalog.retire')}
      success={t('data.catalog.retired')}
      save={({ reason }) =>
        unwrap(
          api.POST('/api/data/resources/{id}/retire', {
            params: { path: { id: resource.id } },
            body: { reason: reason.trim() },
          }),
        )
      }
      onClose={onClose}
      onSaved={onRetired}
    >
      <Alert type="warning" showIcon title={t('data.catalog.retireHelp')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="reason"
        label={t('data.catalog.retireReason')}
        extra={t('data.catalog.retireReasonHelp')}
        rules={[
          { required: true, whitespace: true, min: 4, max: 500, message: t('data.catalog.retireReasonHelp') },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
