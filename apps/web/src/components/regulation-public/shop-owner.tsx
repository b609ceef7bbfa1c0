import type { Problem } from '@zhizhi/api-client';
import { Alert, App, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { ProblemAlert, StatusTag, useFieldMessage, useRegProblem } from './labels';
import { PhotoCapture } from './photo-capture';
import { askForHelp, type Client, replyRectification } from './regulation-api';
import type { ShopPage, ShopVisit } from './types';

interface ReplyValues {
  reply?: string;
  photos?: string[];
}

function ReplyForm({
  visit,
  token,
  client,
  onDone,
}: {
  visit: ShopVisit;
  token: string;
  client: Client;
  onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const describe = useRegProblem();
  const fieldMessage = useFieldMessage();
  const [form] = Form.useForm<ReplyValues>();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<{ problem: Problem; text: string } | null>(null);
  const submit = async (values: ReplyValues) => {
    setPending(true);
    setFailure(null);
    try {
      await replyRectification(client, token, visit.id, {
        expectedVersion: visit.caseVersion,
        reply: values.reply?.trim() ?? '',
        ...(values.photos?.length ? { photos: values.photos } : {}),
      });
      void message.success(t('regPublic.rectify.done'));
      onDone();
    } catch (error) {
      const described = describe(error);
      setFailure(described);
      form.setFields(
        (described.problem.errors ?? [])
          .filter((e) => e.path === 'reply' || e.path === 'photos')
          .map((e) => ({ name: e.path as keyof ReplyValues, errors: [fieldMessage(e.message)] })),
      );
    } finally {
      setPending(false);
    }
  };
  return (
    <Form<ReplyValues> form={form} layout="vertical" onFinish={submit} initialValues={{ photos: [] }}>
      <ProblemAlert failure={failure} />
      <Form.Item
        name="reply"
        label={t('regPublic.rectify.reply')}
        rules={[{ required: true, whitespace: true, message: t('regPublic.rectify.replyRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={4000} showCount data-testid="reg-rectify-reply" />
      </Form.Item>
      <Form.Item name="photos" label={t('regPublic.rectify.photos')}>
        <PhotoCapture client={client} testId="reg-rectify-photos" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        loading={pending}
        data-testid="reg-rectify-submit"
      >
        {t('regPublic.rectify.submit')}
      </Button>
    </Form>
  );
}

/** 码上整改: the shop's rectification orders, answered with text and photos. */
export function ShopRectify({
  page,
  token,
  client,
  onDone,
}: {
  page: ShopPage;
  token: string;
  client: Client;
  onDone: () => void;
}) {
  const t = useT();
  const orders = page.visits.filter((v) => v.status === 'rectifying' || v.status === 'reinspecting');
  return (
    <Card
      id="reg-rectify"
      title={t('regPublic.shop.rectify')}
      data-testid="reg-shop-rectify"
      style={{ marginBottom: 12 }}
    >
      {orders.length === 0 && <Typography.Text>{t('regPublic.rectify.none')}</Typography.Text>}
      {orders.map((visit) => (
        <Card
          key={visit.id}
          size="small"
          type="inner"
          style={{ marginBottom: 12 }}
          data-testid="reg-rectify-order"
          data-status={visit.status}
          title={
            <Space wrap size={4}>
              <StatusTag status={visit.status} />
              {visit.overdue && <Tag color="red">{t('regPublic.supervise.overdue')}</Tag>}
            </Space>
          }
        >
          <Typography.Paragraph>
            <Typography.Text strong>{t('regPublic.visit.findings')}：</Typography.Text>
            {visit.findings ?? '—'}
          </Typography.Paragraph>
          {visit.rectificationDue && (
            <Typography.Paragraph type={visit.overdue ? 'danger' : undefined}>
              <Typography.Text strong>{t('regPublic.visit.rectificationDue')}：</Typography.Text>
              {visit.rectificationDue}
            </Typography.Paragraph>
          )}
          {visit.status === 'rectifying' ? (
            <ReplyForm visit={visit} token={token} client={client} onDone={onDone} />
          ) : (
            <Alert type="success" showIcon message={t('regPublic.rectify.replied')} />
          )}
        </Card>
      ))}
    </Card>
  );
}

/** 码上帮办: the shop asks its supervising department; the answer comes as a case. */
export function ShopHelp({ token, client }: { token: string; client: Client }) {
  const t = useT();
  const describe = useRegProblem();
  const [form] = Form.useForm<{ question?: string }>();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<{ problem: Problem; text: string } | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const submit = async (values: { question?: string }) => {
    setPending(true);
    setFailure(null);
    try {
      const result = await askForHelp(client, token, values.question?.trim() ?? '');
      setOpened(result.number);
      form.resetFields();
    } catch (error) {
      setFailure(describe(error));
    } finally {
      setPending(false);
    }
  };
  return (
    <Card
      id="reg-help"
      title={t('regPublic.shop.help')}
      data-testid="reg-shop-help"
      style={{ marginBottom: 12 }}
    >
      {opened && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="reg-help-opened"
          message={t('regPublic.help.opened', { number: opened })}
          description={t('regPublic.help.openedHint')}
        />
      )}
      <ProblemAlert failure={failure} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="question"
          label={t('regPublic.help.question')}
          rules={[{ required: true, whitespace: true, message: t('regPublic.help.questionRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="reg-help-question" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={pending}
          data-testid="reg-help-submit"
        >
          {t('regPublic.help.submit')}
        </Button>
      </Form>
    </Card>
  );
}
