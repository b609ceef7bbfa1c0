import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { useT } from '../i18n/use-t';
import type { CreatedApiKey } from './api-key-form-modal';

/** Copies with the Clipboard API, falling back to a selection copy where it is missing (plain http). */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    if (!document.execCommand('copy')) throw new Error('copy refused');
  } finally {
    area.remove();
  }
}

export interface ApiKeySecretModalProps {
  created: CreatedApiKey;
  onClose: () => void;
}

/** Shows a new key's secret once, with a copy button and how to use it. */
export function ApiKeySecretModal({ created, onClose }: ApiKeySecretModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const origin = window.location.origin;
  const { secret } = created;

  const copy = () =>
    copyText(secret).then(
      () => message.success(t('apiKeys.copied')),
      () => message.warning(t('apiKeys.copyFailed')),
    );

  return (
    <Modal
      open
      title={t('apiKeys.secretTitle', { name: created.name })}
      width={720}
      maskClosable={false}
      keyboard={false}
      onCancel={onClose}
      footer={
        <Button type="primary" data-testid="apikey-secret-close" onClick={onClose}>
          {t('apiKeys.done')}
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="warning"
          showIcon
          title={t('apiKeys.secretWarning')}
          description={t('apiKeys.secretWarningDetail')}
        />
        <div style={{ display: 'flex', gap: 8, alignItems: 'stretch', flexWrap: 'wrap' }}>
          <pre className="zz-json zz-mono" style={{ flex: '1 1 320px', maxHeight: 'none' }}>
            <span data-testid="apikey-secret">{secret}</span>
          </pre>
          <Button type="primary" icon={<CopyOutlined />} onClick={copy} style={{ height: 'auto' }}>
            {t('apiKeys.copy')}
          </Button>
        </div>
        <div>
          <Typography.Title level={5}>{t('apiKeys.usage')}</Typography.Title>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{t('apiKeys.usageCli')}</Typography.Paragraph>
          <pre className="zz-json zz-mono">{`npx zhizhi --server ${origin} --api-key ${secret} audit verify`}</pre>
          <Typography.Paragraph style={{ margin: '12px 0 4px' }}>
            {t('apiKeys.usageHttp')}
          </Typography.Paragraph>
          <pre className="zz-json zz-mono">{`curl -H "Authorization: Bearer ${secret}" ${origin}/api/me`}</pre>
        </div>
      </Space>
    </Modal>
  );
}
