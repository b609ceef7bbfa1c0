import { Button, Form, Input } from 'antd';
import { useT } from '../../../i18n/use-t';
import { useAction } from '../../use-action';
import { type OpenKeyAnswer, registerDeveloper } from './open-api';

interface RegisterValues {
  name: string;
  organisation: string;
  mobile: string;
  email: string;
  uscc?: string;
}

/** Developer registration: the server checks the mobile and the credit code's check character. */
export function RegisterForm({ onRegistered }: { onRegistered: (answer: OpenKeyAnswer) => void }) {
  const t = useT();
  const [form] = Form.useForm<RegisterValues>();
  const { pending, run } = useAction();
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Form<RegisterValues>
      form={form}
      layout="vertical"
      name="open-register"
      onFinish={(values) =>
        run(async () => onRegistered(await registerDeveloper({ ...values, uscc: values.uscc || null })), {
          form,
        })
      }
    >
      <Form.Item name="name" label={t('open.developer.name')} rules={required}>
        <Input maxLength={40} autoComplete="name" />
      </Form.Item>
      <Form.Item name="organisation" label={t('open.developer.organisation')} rules={required}>
        <Input maxLength={100} autoComplete="organization" />
      </Form.Item>
      <Form.Item name="mobile" label={t('open.developer.mobile')} rules={required}>
        <Input maxLength={20} inputMode="tel" autoComplete="tel" />
      </Form.Item>
      <Form.Item name="email" label={t('open.developer.email')} rules={required}>
        <Input maxLength={120} type="email" autoComplete="email" />
      </Form.Item>
      <Form.Item name="uscc" label={t('open.developer.uscc')}>
        <Input maxLength={18} className="zz-mono" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending} block data-testid="open-register-submit">
        {t('open.developer.submit')}
      </Button>
    </Form>
  );
}
