import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { problemOf } from '@zhizhi/api-client';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useAppTitle } from '../components/app-layout';
import { PreferenceSwitches } from '../components/preference-switches';
import { applyFieldErrors } from '../components/use-action';
import { problemText } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { useSession } from '../session/session';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { me, login } = useSession();
  const location = useLocation();
  const t = useT();
  const { locale } = usePreferences();
  const title = useAppTitle();
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  const submit = async (values: LoginForm) => {
    setPending(true);
    setError(undefined);
    try {
      // Success sets the session; the redirect below then takes over.
      await login(values.username.trim(), values.password);
    } catch (failure) {
      const problem = problemOf(failure);
      setError(problemText(locale, problem) ?? t('error.unknown'));
      applyFieldErrors(form, problem);
      form.setFieldValue('password', '');
    } finally {
      setPending(false);
    }
  };

  if (me) return <Navigate to={me.mustChangePassword ? '/change-password' : from} replace />;

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        padding: 24,
      }}
    >
      <div style={{ alignSelf: 'flex-end' }}>
        <PreferenceSwitches />
      </div>
      <main style={{ width: '100%', maxWidth: 440, marginTop: '10vh' }}>
        <Card>
          <Typography.Title level={2} style={{ textAlign: 'center', marginTop: 0 }}>
            {title}
          </Typography.Title>
          <Typography.Paragraph style={{ textAlign: 'center' }}>{t('login.subtitle')}</Typography.Paragraph>
          {error && (
            <Alert
              type="error"
              showIcon
              title={error}
              role="alert"
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Form form={form} name="login" layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={pending} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        <nav aria-label={t('public.nav.label')} style={{ marginTop: 16, textAlign: 'center' }}>
          <Typography.Text>{t('public.loginHint')}</Typography.Text>
          <Space size="large" style={{ marginInlineStart: 8 }}>
            <Link to="/report" data-testid="login-public-report">
              {t('public.nav.report')}
            </Link>
            <Link to="/track" data-testid="login-public-track">
              {t('public.nav.track')}
            </Link>
            <Link to="/portal" data-testid="login-public-portal">
              {t('portal.name')}
            </Link>
          </Space>
        </nav>
      </main>
    </div>
  );
}
