import { type ApiResponse, unwrap } from '@zhizhi/api-client';
import { Form, Input } from 'antd';
import { api } from '../api/api';
import { useT } from '../i18n/use-t';
import { FormModal } from './form-modal';

/** What POST /api/me/api-keys answers: the only time the secret is visible. */
export type CreatedApiKey = ApiResponse<'/api/me/api-keys', 'post'> & { name: string };

export interface ApiKeyFormModalProps {
  onClose: () => void;
  onCreated: (key: CreatedApiKey) => void;
}

/** Names and creates an API key for the signed-in staff member. */
export function ApiKeyFormModal({ onClose, onCreated }: ApiKeyFormModalProps) {
  const t = useT();

  const save = async ({ name }: { name: string }): Promise<CreatedApiKey> => {
    const trimmed = name.trim();
    const created = await unwrap(api.POST('/api/me/api-keys', { body: { name: trimmed } }));
    return { ...created, name: trimmed };
  };

  return (
    <FormModal
      title={t('apiKeys.create')}
      name="api-key"
      okText={t('apiKeys.createOk')}
      success={t('apiKeys.created')}
      save={save}
      onClose={onClose}
      onSaved={onCreated}
    >
      <Form.Item
        label={t('apiKeys.name')}
        name="name"
        extra={t('apiKeys.nameHelp')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={100} placeholder={t('apiKeys.namePlaceholder')} autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}
