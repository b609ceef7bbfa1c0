import { App, Button, Card, Descriptions, Form, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { ApplicationTable } from '../components/data/open/application-table';
import { KeyOnce } from '../components/data/open/key-once';
import { developerKey, loadMe, type OpenMe, rotateKey } from '../components/data/open/open-api';
import { OpenShell } from '../components/data/open/open-shell';
import { RegisterForm } from '../components/data/open/register-form';
import { useAction } from '../components/use-action';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';

/** /open/developer — register (key shown once), use a key, my details and applications, rotate. */
export function OpenDeveloperPage() {
  const t = useT();
  const { message } = App.useApp();
  const { pending, run } = useAction();
  const [key, setKey] = useState(developerKey.get());
  const [fresh, setFresh] = useState<string>();
  const me = useLoad<OpenMe | null>(async () => {
    if (!key) return null;
    try {
      return await loadMe(key);
    } catch (error) {
      developerKey.clear();
      setKey(null);
      throw error;
    }
  }, [key]);

  const adoptKey = (next: string) => {
    developerKey.set(next);
    setKey(next);
  };

  return (
    <OpenShell title={t('open.developer.title')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card>{t('open.developer.intro')}</Card>
        {fresh && <KeyOnce apiKey={fresh} />}
        {me.data ? (
          <>
            <Card
              title={t('open.developer.me')}
              extra={
                <Button
                  onClick={() => {
                    developerKey.clear();
                    setKey(null);
                    setFresh(undefined);
                  }}
                >
                  {t('open.developer.signOut')}
                </Button>
              }
            >
              <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                <Descriptions.Item label={t('open.developer.name')}>
                  {me.data.developer.name}
                </Descriptions.Item>
                <Descriptions.Item label={t('open.developer.organisation')}>
                  {me.data.developer.organisation}
                </Descriptions.Item>
                <Descriptions.Item label={t('open.developer.mobile')}>
                  {me.data.developer.mobile}
                </Descriptions.Item>
                <Descriptions.Item label={t('open.developer.email')}>
                  {me.data.developer.email}
                </Descriptions.Item>
                <Descriptions.Item label={t('open.developer.keyPrefix')}>
                  <span className="zz-mono">{me.data.developer.keyPrefix}…</span>
                </Descriptions.Item>
              </Descriptions>
              <Popconfirm
                title={t('open.developer.rotateConfirm')}
                onConfirm={() =>
                  run(async () => {
                    const answer = await rotateKey(key ?? '');
                    setFresh(answer.apiKey);
                    adoptKey(answer.apiKey);
                  })
                }
              >
                <Button loading={pending} data-testid="open-rotate">
                  {t('open.developer.rotate')}
                </Button>
              </Popconfirm>
            </Card>
            <Card title={t('open.developer.applications')}>
              <ApplicationTable items={me.data.applications} />
            </Card>
          </>
        ) : (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' }}>
            <Card title={t('open.developer.register')} style={{ flex: '1 1 320px' }}>
              <RegisterForm
                onRegistered={(answer) => {
                  setFresh(answer.apiKey);
                  adoptKey(answer.apiKey);
                  void message.success(t('common.saved'));
                }}
              />
            </Card>
            <Card title={t('open.developer.useKey')} style={{ flex: '1 1 320px' }}>
              <Form
                layout="vertical"
                name="open-key"
                onFinish={(v: { key: string }) => adoptKey(v.key.trim())}
              >
                <Form.Item
                  name="key"
                  label={t('open.developer.keyInput')}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <Input.Password className="zz-mono" autoComplete="off" />
                </Form.Item>
                <Button htmlType="submit" block>
                  {t('open.developer.signIn')}
                </Button>
              </Form>
            </Card>
          </div>
        )}
      </Space>
    </OpenShell>
  );
}
