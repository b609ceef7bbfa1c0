import { PlusOutlined } from '@ant-design/icons';
import { type ApiResponse, unwrap } from '@zhizhi/api-client';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/api';
import { ApiKeyFormModal, type CreatedApiKey } from '../components/api-key-form-modal';
import { ApiKeySecretModal } from '../components/api-key-secret-modal';
import { formatDateTime } from '../components/format';
import { useAction } from '../components/use-action';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

type ApiKey = ApiResponse<'/api/me/api-keys', 'get'>['items'][number];
type KeyStatus = 'active' | 'revoked' | 'expired';

function statusOf(key: ApiKey, now = Date.now()): KeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

/** The signed-in staff member's own API keys: create (secret shown once), list, revoke. */
export function ApiKeysPage() {
  const t = useT();
  const { locale } = usePreferences();
  const { modal } = App.useApp();
  const { run } = useAction();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const keys = useLoad(() => unwrap(api.GET('/api/me/api-keys')).then((body) => body.items), []);
  const when = (value: string | null) => formatDateTime(value, locale);

  const revoke = (key: ApiKey) =>
    modal.confirm({
      title: t('apiKeys.revokeConfirm', { name: key.name }),
      content: t('apiKeys.revokeConfirmDetail'),
      okText: t('apiKeys.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const done = await run(
          () => unwrap(api.DELETE('/api/me/api-keys/{id}', { params: { path: { id: key.id } } })),
          { success: t('apiKeys.revoked') },
        );
        if (done) keys.reload();
      },
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('user.apiKeys')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph style={{ maxWidth: 880 }}>{t('apiKeys.intro')}</Typography.Paragraph>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="apikey-create"
          onClick={() => setCreating(true)}
          style={{ marginBottom: 16 }}
        >
          {t('apiKeys.create')}
        </Button>
        <Table<ApiKey>
          rowKey="id"
          loading={keys.loading}
          dataSource={keys.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('apiKeys.empty') }}
          columns={[
            { title: t('apiKeys.name'), dataIndex: 'name' },
            {
              title: t('apiKeys.key'),
              dataIndex: 'prefix',
              render: (prefix: string) => <span className="zz-mono">{`zz_${prefix}_…`}</span>,
            },
            { title: t('apiKeys.createdAt'), dataIndex: 'createdAt', render: when },
            {
              title: t('apiKeys.lastUsedAt'),
              dataIndex: 'lastUsedAt',
              render: (value: string | null) => (value ? when(value) : t('apiKeys.neverUsed')),
            },
            {
              title: t('apiKeys.expiresAt'),
              dataIndex: 'expiresAt',
              render: (value: string | null) => (value ? when(value) : t('apiKeys.noExpiry')),
            },
            {
              title: t('apiKeys.status'),
              key: 'status',
              render: (_: unknown, key) => {
                const status = statusOf(key);
                if (status === 'active') return <Tag color="green">{t('apiKeys.statusActive')}</Tag>;
                if (status === 'expired') return <Tag color="orange">{t('apiKeys.statusExpired')}</Tag>;
                return (
                  <Tag>
                    {t('apiKeys.statusRevoked')} {when(key.revokedAt)}
                  </Tag>
                );
              },
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_: unknown, key) =>
                key.revokedAt ? null : (
                  <Button type="link" danger data-testid="apikey-revoke" onClick={() => revoke(key)}>
                    {t('apiKeys.revoke')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {creating && (
        <ApiKeyFormModal
          onClose={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            setCreated(key);
            keys.reload();
          }}
        />
      )}
      {created && <ApiKeySecretModal created={created} onClose={() => setCreated(null)} />}
    </Space>
  );
}
