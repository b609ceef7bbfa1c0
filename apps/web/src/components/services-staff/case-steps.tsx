import {
  CheckOutlined,
  CloseOutlined,
  FileSearchOutlined,
  StopOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Form, Input, Modal, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { api } from '../../api/api';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { useCaseAction } from '../cases/use-case-action';
import { call, type ServiceCaseView } from './types';

type Transition = 'accept' | 'request_supplement' | 'approve' | 'refuse' | 'not_accept';

const STEPS: {
  code: Transition;
  testId: string;
  label: MessageKey;
  icon: ReactNode;
  danger?: boolean;
  primary?: boolean;
}[] = [
  {
    code: 'accept',
    testId: 'services-case-accept',
    label: 'govStaff.step.accept',
    icon: <CheckOutlined />,
    primary: true,
  },
  {
    code: 'request_supplement',
    testId: 'services-case-request-supplement',
    label: 'govStaff.step.requestSupplement',
    icon: <UnorderedListOutlined />,
  },
  {
    code: 'approve',
    testId: 'services-case-approve',
    label: 'govStaff.step.approve',
    icon: <FileSearchOutlined />,
    primary: true,
  },
  {
    code: 'refuse',
    testId: 'services-case-refuse',
    label: 'govStaff.step.refuse',
    icon: <CloseOutlined />,
    danger: true,
  },
  {
    code: 'not_accept',
    testId: 'services-case-not-accept',
    label: 'govStaff.step.notAccept',
    icon: <StopOutlined />,
    danger: true,
  },
];

/** Which steps need a dialog (a note, the missing materials or the basis of a refusal). */
const WITH_DIALOG: Transition[] = ['request_supplement', 'refuse', 'not_accept'];

interface StepValues {
  missing_materials?: string;
  decision_basis?: string;
  note?: string;
}

/**
 * The handler's steps on a matter case, as the case type offers them to this person now: 受理,
 * 一次性告知补正 (what is missing + note), 准予, 不予许可 (basis + reason), 不予受理 (reason).
 * A version conflict or a step no longer possible says so and reloads.
 */
export function CaseSteps({ detail, onChanged }: { detail: ServiceCaseView; onChanged: () => void }) {
  const t = useT();
  const { pending, run } = useCaseAction(onChanged);
  const [open, setOpen] = useState<Transition | null>(null);
  const [form] = Form.useForm<StepValues>();
  const available = new Set(detail.available.map((s) => s.code));
  const steps = STEPS.filter((s) => available.has(s.code));

  const take = (transition: Transition, values: StepValues = {}) =>
    run(
      async () => {
        const data: Record<string, unknown> = {};
        if (values.missing_materials) data.missing_materials = values.missing_materials.trim();
        if (values.decision_basis) data.decision_basis = values.decision_basis.trim();
        await call(
          api.POST('/api/services/cases/{caseId}/steps', {
            params: { path: { caseId: detail.id } },
            body: {
              transition,
              expectedVersion: detail.version,
              note: values.note?.trim() || null,
              ...(Object.keys(data).length ? { data } : {}),
            },
          }),
        );
        setOpen(null);
        form.resetFields();
        onChanged();
      },
      { form, success: t('govStaff.step.done') },
    );

  if (steps.length === 0)
    return (
      <Typography.Text type="secondary" data-testid="services-case-no-steps">
        {t('govStaff.step.none')}
      </Typography.Text>
    );
  const required = [{ required: true, whitespace: true, message: t('govStaff.form.required') }];
  return (
    <>
      <Space wrap data-testid="services-case-steps">
        {steps.map((s) => (
          <Button
            key={s.code}
            icon={s.icon}
            type={s.primary ? 'primary' : 'default'}
            danger={s.danger}
            loading={pending && open === null}
            data-testid={s.testId}
            onClick={() => (WITH_DIALOG.includes(s.code) ? setOpen(s.code) : void take(s.code))}
          >
            {t(s.label)}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== null}
        title={open ? t(STEPS.find((s) => s.code === open)?.label ?? 'govStaff.step.accept') : undefined}
        onCancel={() => setOpen(null)}
        destroyOnHidden
        footer={[
          <Button key="cancel" onClick={() => setOpen(null)}>
            {t('common.cancel')}
          </Button>,
          <Button
            key="ok"
            type="primary"
            danger={open === 'refuse' || open === 'not_accept'}
            loading={pending}
            data-testid="services-step-confirm"
            onClick={() =>
              void form.validateFields().then((values) => (open ? take(open, values) : undefined))
            }
          >
            {t('common.confirm')}
          </Button>,
        ]}
      >
        <Form form={form} layout="vertical" preserve={false}>
          {open === 'request_supplement' && (
            <Form.Item
              name="missing_materials"
              label={t('govStaff.step.missingMaterials')}
              extra={t('govStaff.step.missingHint')}
              rules={required}
            >
              <Input.TextArea rows={3} maxLength={1000} data-testid="services-missing-materials" />
            </Form.Item>
          )}
          {open === 'refuse' && (
            <Form.Item name="decision_basis" label={t('govStaff.step.basis')} rules={required}>
              <Input maxLength={200} data-testid="services-decision-basis" />
            </Form.Item>
          )}
          <Form.Item
            name="note"
            label={open === 'request_supplement' ? t('govStaff.step.noticeNote') : t('govStaff.step.reason')}
            rules={required}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="services-step-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
