import { IdcardOutlined, LockOutlined } from '@ant-design/icons';
import { problemOf } from '@zhizhi/api-client';
import { Alert, Button, Card, Form, Input, Radio, Tabs } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { type RegisterInput, useApplicant } from '../components/gov-services/applicant-session';
import { fieldErrorText } from '../components/gov-services/form-field';
import { PortalShell } from '../components/gov-services/portal-shell';
import { problemText } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { useSession } from '../session/session';

interface LoginForm {
  identifier: string;
  password: string;
}

/** Which register field a problem code belongs to. */
function fieldOf(code: string): keyof RegisterInput | null {
  if (code.startsWith('identity.id_number.') || code.startsWith('identity.uscc.')) return 'number';
  if (code === 'identity.applicant.exists' || code.endsWith('.exists')) return 'number';
  if (code.endsWith('.invalid_name') || code === 'identity.applicant.name_mismatch') return 'name';
  if (code === 'identity.mobile.format') return 'phone';
  if (code.startsWith('identity.password.')) return 'password';
  return null;
}

const tidy = (value: string | undefined) => value?.replace(/\s+/g, '').toUpperCase();

function LoginTab({ onError }: { onError: (text: string | undefined) => void }) {
  const t = useT();
  const { login } = useApplicant();
  const { locale } = usePreferences();
  const [form] = Form.useForm<LoginForm>();
  const [pending, setPending] = useState(false);
  const submit = async (values: LoginForm) => {
    setPending(true);
    onError(undefined);
    try {
      await login(values.identifier, values.password);
    } catch (error) {
      onError(problemText(locale, problemOf(error)) ?? t('error.unknown'));
      form.setFieldValue('password', '');
    } finally {
      setPending(false);
    }
  };
  return (
    <Form form={form} name="portal-login" layout="vertical" onFinish={submit} requiredMark={false}>
      <Form.Item
        label={t('portal.login.identifier')}
        name="identifier"
        normalize={tidy}
        rules={[{ required: true, message: t('portal.login.identifierRequired') }]}
      >
        <Input
          prefix={<IdcardOutlined />}
          className="zz-mono"
          maxLength={18}
          autoComplete="username"
          data-testid="portal-login-identifier"
        />
      </Form.Item>
      <Form.Item
        label={t('portal.login.password')}
        name="password"
        rules={[{ required: true, message: t('portal.login.passwordRequired') }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="current-password"
          data-testid="portal-login-password"
        />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        loading={pending}
        data-testid="portal-login-submit"
      >
        {t('portal.login.submit')}
      </Button>
    </Form>
  );
}

function RegisterTab({ onError }: { onError: (text: string | undefined) => void }) {
  const t = useT();
  const { register } = useApplicant();
  const { locale } = usePreferences();
  const [form] = Form.useForm<RegisterInput>();
  const kind = Form.useWatch('kind', form) ?? 'citizen';
  const [pending, setPending] = useState(false);
  const submit = async (values: RegisterInput) => {
    setPending(true);
    onError(undefined);
    try {
      await register(values);
    } catch (error) {
      const problem = problemOf(error);
      const text = fieldErrorText(locale, {
        path: '',
        code: problem.code,
        message: problemText(locale, problem) ?? t('error.unknown'),
      });
      const field = fieldOf(problem.code);
      if (field) form.setFields([{ name: field, errors: [text] }]);
      else onError(text);
    } finally {
      setPending(false);
    }
  };
  return (
    <Form<RegisterInput>
      form={form}
      name="portal-register"
      layout="vertical"
      onFinish={submit}
      initialValues={{ kind: 'citizen' }}
    >
      <Form.Item label={t('portal.register.kind')} name="kind">
        <Radio.Group data-testid="portal-register-kind">
          <Radio.Button value="citizen" data-testid="portal-register-kind-citizen">
            {t('portal.register.citizen')}
          </Radio.Button>
          <Radio.Button value="enterprise" data-testid="portal-register-kind-enterprise">
            {t('portal.register.enterprise')}
          </Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        label={t(kind === 'citizen' ? 'portal.register.idNumber' : 'portal.register.uscc')}
        name="number"
        normalize={tidy}
        rules={[{ required: true, message: t('portal.login.identifierRequired') }]}
      >
        <Input className="zz-mono" maxLength={18} data-testid="portal-register-number" />
      </Form.Item>
      <Form.Item
        label={t(kind === 'citizen' ? 'portal.register.name' : 'portal.register.enterpriseName')}
        name="name"
        rules={[{ required: true, whitespace: true, message: t('portal.register.nameRequired') }]}
      >
        <Input maxLength={kind === 'citizen' ? 60 : 200} data-testid="portal-register-name" />
      </Form.Item>
      {kind === 'citizen' && (
        <Form.Item label={t('portal.register.phone')} name="phone">
          <Input type="tel" maxLength={20} data-testid="portal-register-phone" />
        </Form.Item>
      )}
      <Form.Item
        label={t('portal.login.password')}
        name="password"
        extra={t('portal.register.passwordHint')}
        rules={[{ required: true, message: t('portal.login.passwordRequired') }]}
      >
        <Input.Password autoComplete="new-password" data-testid="portal-register-password" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        loading={pending}
        data-testid="portal-register-submit"
      >
        {t('portal.register.submit')}
      </Button>
    </Form>
  );
}

/** 申请人登录/注册: citizens by 身份证号, enterprises by 统一社会信用代码. */
export function PortalLoginPage() {
  const t = useT();
  const { me, ready } = useApplicant();
  const staff = useSession().me;
  const location = useLocation();
  const [error, setError] = useState<string>();
  const from = (location.state as { from?: string } | null)?.from ?? '/portal/applications';
  if (ready && me) return <Navigate to={from} replace />;
  return (
    <PortalShell title={t('portal.login.title')}>
      <Card style={{ maxWidth: 520, margin: '0 auto' }}>
        {staff && (
          <Alert
            type="warning"
            showIcon
            title={t('portal.login.staffSignedIn')}
            style={{ marginBottom: 16 }}
          />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={error}
            style={{ marginBottom: 16 }}
            data-testid="portal-login-error"
          />
        )}
        <Tabs
          onChange={() => setError(undefined)}
          items={[
            { key: 'login', label: t('portal.login.tab'), children: <LoginTab onError={setError} /> },
            {
              key: 'register',
              label: <span data-testid="portal-register-tab">{t('portal.register.tab')}</span>,
              children: <RegisterTab onError={setError} />,
            },
          ]}
        />
      </Card>
    </PortalShell>
  );
}
