import { MessageOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useAction } from '../use-action';
import { useT } from '../../i18n/use-t';
import { useApplicant } from './applicant-session';
import { saveContact } from './portal-api';

interface ContactValues {
  phone?: string;
  email?: string;
}

/**
 * 通知方式: where the applicant's messages go besides this page — SMS to a mobile number, email.
 * Only masked values come back; an empty field removes that channel.
 */
export function ContactCard() {
  const t = useT();
  const { me, refresh } = useApplicant();
  const [form] = Form.useForm<ContactValues>();
  const { pending, run } = useAction();
  const contact = me?.contact;
  const save = (values: ContactValues) =>
    run(
      async () => {
        await saveContact({ phone: values.phone?.trim() ?? null, email: values.email?.trim() ?? null });
        form.resetFields();
        await refresh();
      },
      { form, success: t('portal.contact.saved') },
    );
  return (
    <Card
      title={
        <>
          <MessageOutlined /> {t('portal.contact.title')}
        </>
      }
      data-testid="portal-contact"
    >
      <Typography.Paragraph type="secondary">
        {t('portal.contact.current', {
          phone: contact?.phone ?? t('portal.contact.none'),
          email: contact?.email ?? t('portal.contact.none'),
        })}
      </Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={save}>
        <Form.Item name="phone" label={t('portal.contact.phone')}>
          <Input type="tel" maxLength={20} autoComplete="tel" data-testid="portal-contact-phone" />
        </Form.Item>
        <Form.Item name="email" label={t('portal.contact.email')}>
          <Input type="email" maxLength={254} autoComplete="email" data-testid="portal-contact-email" />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={pending} data-testid="portal-contact-save">
            {t('portal.contact.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
