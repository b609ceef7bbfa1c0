import { unwrap } from '@zhizhi/api-client';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../api/api';
import { useAction } from '../components/use-action';
import { useT } from '../i18n/use-t';
import { useSession } from '../session/session';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage() {
  const { me, refresh } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const t = useT();
  const [form] = Form.useForm<PasswordForm>();
  const { pending, run } = useAction();

  const submit = async ({ currentPassword, newPassword }: PasswordForm) => {
    const done = await run(
      () => unwrap(api.POST('/api/me/password', { body: { currentPassword, newPassword } })),
      {
        form,
      },
    );
    if (!done) return;
    void message.success(t('password.changed'));
    // The server may end other sessions (or this one) on a password change.
    const current = await refresh().catch(() => null);
    navigate(current ? '/' : '/login', { replace: true });
  };

  return (
    <Card title={t('password.title')} style={{ maxWidth: 520 }}>
      {me?.mustChangePassword && (
        <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} name="change-password" layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('password.current')}
          name="currentPassword"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('password.new')}
          name="newPassword"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('password.confirm')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
