import type { Problem } from '@zhizhi/api-client';
import { App, Button, Card, Descriptions, Form, Input, Popconfirm, Radio, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/api';
import { useT } from '../../i18n/use-t';
import { ProblemAlert, useFieldMessage, useRegProblem } from './labels';
import { PhotoCapture } from './photo-capture';
import { publishVisit, reinspectVisit } from './regulation-api';
import type { InspectionView } from './types';

interface ReinspectValues {
  passed?: boolean;
  findings?: string;
  photos?: string[];
}

/** What the shop answered to the rectification order (from the visit's case). */
export function RectificationFacts({ view }: { view: InspectionView }) {
  const t = useT();
  const data = view.case?.data ?? {};
  const reply = typeof data.rectification_reply === 'string' ? data.rectification_reply : null;
  const photos = Array.isArray(data.rectification_photos) ? data.rectification_photos.length : 0;
  return (
    <Descriptions column={1} size="small" layout="vertical" style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('regPublic.visit.findings')}>
        {view.inspection.findings ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('regPublic.visit.rectificationDue')}>
        {view.inspection.rectificationDue ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('regPublic.visit.reply')}>
        <div>
          <div data-testid="reg-shop-reply">{reply ?? t('regPublic.visit.noReply')}</div>
          {photos > 0 && (
            <Typography.Text type="secondary">
              {t('regPublic.visit.replyPhotos', { count: photos })}
            </Typography.Text>
          )}
        </div>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** 复查: passed (to publication) or not passed (referred for enforcement). */
export function ReinspectForm({ view, onDone }: { view: InspectionView; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const describe = useRegProblem();
  const fieldMessage = useFieldMessage();
  const [form] = Form.useForm<ReinspectValues>();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<{ problem: Problem; text: string } | null>(null);

  const submit = async (values: ReinspectValues) => {
    if (!view.case) return;
    setPending(true);
    setFailure(null);
    try {
      await reinspectVisit(view.inspection.id, {
        expectedVersion: view.case.version,
        passed: values.passed === true,
        findings: values.findings?.trim() ?? '',
        ...(values.photos?.length ? { photos: values.photos } : {}),
      });
      void message.success(
        t(values.passed ? 'regPublic.reinspect.donePass' : 'regPublic.reinspect.doneFail'),
      );
      onDone();
    } catch (error) {
      const described = describe(error);
      setFailure(described);
      form.setFields(
        (described.problem.errors ?? [])
          .filter((e) => ['passed', 'findings', 'photos'].includes(e.path))
          .map((e) => ({ name: e.path as keyof ReinspectValues, errors: [fieldMessage(e.message)] })),
      );
    } finally {
      setPending(false);
    }
  };

  return (
    <Card title={t('regPublic.reinspect.title')} data-testid="reg-reinspect-form">
      <RectificationFacts view={view} />
      <Form<ReinspectValues> form={form} layout="vertical" onFinish={submit} initialValues={{ photos: [] }}>
        <ProblemAlert failure={failure} />
        <Form.Item
          name="passed"
          label={t('regPublic.reinspect.outcome')}
          rules={[{ required: true, message: t('regPublic.reinspect.outcomeRequired') }]}
        >
          <Radio.Group data-testid="reg-reinspect-outcome">
            <Radio value={true} style={{ display: 'flex', marginBottom: 8 }}>
              {t('regPublic.reinspect.passed')}
            </Radio>
            <Radio value={false} style={{ display: 'flex' }}>
              {t('regPublic.reinspect.notPassed')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="findings"
          label={t('regPublic.reinspect.findings')}
          rules={[{ required: true, whitespace: true, message: t('regPublic.record.findingsRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="reg-reinspect-findings" />
        </Form.Item>
        <Form.Item name="photos" label={t('regPublic.record.photos')}>
          <PhotoCapture client={api} testId="reg-reinspect-photos" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={pending}
          data-testid="reg-reinspect-submit"
        >
          {t('regPublic.reinspect.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** 公示: publishes a concluded visit's result (双随机一公开). */
export function PublishPanel({ view, onDone }: { view: InspectionView; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const describe = useRegProblem();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<{ problem: Problem; text: string } | null>(null);
  const publish = async () => {
    if (!view.case) return;
    setPending(true);
    setFailure(null);
    try {
      await publishVisit(view.inspection.id, view.case.version);
      void message.success(t('regPublic.publish.done'));
      onDone();
    } catch (error) {
      setFailure(describe(error));
    } finally {
      setPending(false);
    }
  };
  return (
    <Card title={t('regPublic.publish.title')} data-testid="reg-publish">
      <ProblemAlert failure={failure} />
      <p>{t('regPublic.publish.intro', { due: view.inspection.publishDue ?? '—' })}</p>
      <Popconfirm title={t('regPublic.publish.confirm')} onConfirm={publish}>
        <Button type="primary" size="large" block loading={pending} data-testid="reg-publish-button">
          {t('regPublic.publish.button')}
        </Button>
      </Popconfirm>
    </Card>
  );
}
