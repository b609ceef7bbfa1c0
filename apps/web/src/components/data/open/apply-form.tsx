import { Alert, Button, Checkbox, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/use-t';
import { useAction } from '../../use-action';
import { applyFor, developerKey, type OpenDatasetDetail } from './open-api';

interface ApplyValues {
  items: string[];
  purpose: string;
  durationDays: number;
}

/** A developer's application for a restricted-open dataset (key from the developer centre). */
export function ApplyForm({ dataset }: { dataset: OpenDatasetDetail }) {
  const t = useT();
  const [form] = Form.useForm<ApplyValues>();
  const { pending, run } = useAction();
  const [number, setNumber] = useState<string>();
  const key = developerKey.get();
  if (!key)
    return (
      <Alert
        type="info"
        showIcon
        title={t('open.apply.needKey')}
        action={<Link to="/open/developer">{t('open.nav.developer')}</Link>}
      />
    );
  if (number)
    return (
      <Alert
        type="success"
        showIcon
        title={t('open.apply.submitted', { number })}
        data-testid="open-applied"
      />
    );
  return (
    <Form<ApplyValues>
      form={form}
      layout="vertical"
      name="open-apply"
      initialValues={{ items: dataset.items.map((i) => i.code), durationDays: 180 }}
      onFinish={(values) =>
        run(
          async () => {
            const answer = await applyFor(key, { resourceCode: dataset.urlCode, ...values });
            setNumber(answer.caseNumber);
          },
          { form },
        )
      }
    >
      <Form.Item
        name="items"
        label={t('open.apply.items')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Checkbox.Group options={dataset.items.map((i) => ({ value: i.code, label: i.name }))} />
      </Form.Item>
      <Form.Item
        name="purpose"
        label={t('open.apply.purpose')}
        extra={t('open.apply.purposeHelp')}
        rules={[{ required: true, min: 10, max: 1000, message: t('open.apply.purposeHelp') }]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      <Form.Item name="durationDays" label={t('open.apply.duration')} rules={[{ required: true }]}>
        <InputNumber min={1} max={365} precision={0} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending} data-testid="open-apply-submit">
        {t('open.apply.submit')}
      </Button>
    </Form>
  );
}
