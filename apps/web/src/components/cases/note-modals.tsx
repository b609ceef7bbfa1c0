import { unwrap } from '@zhizhi/api-client';
import { Descriptions, Form, type FormInstance, Input, InputNumber, Modal, Radio } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../../api/api';
import { useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import type { CaseItem } from './types';
import { useCaseAction } from './use-case-action';

interface CaseModalProps {
  target: Pick<CaseItem, 'id' | 'number'>;
  onClose: () => void;
  onDone: () => void;
}

function ModalForm<T>({
  title,
  name,
  okText,
  pending,
  onSubmit,
  onClose,
  children,
}: {
  title: ReactNode;
  name: string;
  okText: ReactNode;
  pending: boolean;
  onSubmit: (values: T, form: FormInstance<T>) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const [form] = Form.useForm<T>();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={600}
    >
      <Form form={form} name={name} layout="vertical" onFinish={(values) => onSubmit(values, form)}>
        {children}
      </Form>
    </Modal>
  );
}

/** 督办: a note to whoever handles the case; they are told at once. */
export function SuperviseModal({ target, onClose, onDone }: CaseModalProps) {
  const t = useT();
  const { pending, run } = useCaseAction(onDone);
  return (
    <ModalForm<{ note: string }>
      title={`${t('cases.supervise')} · ${target.number}`}
      name="supervise"
      okText={t('cases.supervise')}
      pending={pending}
      onClose={onClose}
      onSubmit={async (values, form) => {
        const done = await run(
          () =>
            unwrap(
              api.POST('/api/cases/{id}/supervise', {
                params: { path: { id: target.id } },
                body: { note: values.note.trim() },
              }),
            ),
          { form, success: t('cases.supervised') },
        );
        if (done) onDone();
      }}
    >
      <Form.Item
        name="note"
        label={t('cases.superviseNote')}
        extra={t('cases.superviseHelp')}
        rules={[{ required: true, whitespace: true, message: t('cases.superviseNoteRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </ModalForm>
  );
}

/** 延期申请: more time on the handling limit, with a reason, for the dispatcher to decide. */
export function ExtensionRequestModal({ target, unit, onClose, onDone }: CaseModalProps & { unit: string }) {
  const t = useT();
  const { pending, run } = useCaseAction(onDone);
  return (
    <ModalForm<{ units: number; reason: string }>
      title={`${t('cases.extension.request')} · ${target.number}`}
      name="extension-request"
      okText={t('cases.extension.submit')}
      pending={pending}
      onClose={onClose}
      onSubmit={async (values, form) => {
        const done = await run(
          () =>
            unwrap(
              api.POST('/api/cases/{id}/extension', {
                params: { path: { id: target.id } },
                body: { units: values.units, reason: values.reason.trim() },
              }),
            ),
          { form, success: t('cases.extension.requested') },
        );
        if (done) onDone();
      }}
    >
      <Form.Item
        name="units"
        label={t('cases.extension.units', { unit })}
        extra={t('cases.extension.unitsHelp')}
        rules={[{ required: true, message: t('cases.extension.unitsRequired') }]}
      >
        <InputNumber<number> min={1} max={365} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('cases.extension.reason')}
        rules={[{ required: true, whitespace: true, message: t('cases.extension.reasonRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </ModalForm>
  );
}

export interface PendingExtension {
  units: number;
  reason: string;
  at: string;
  byName: string;
  unit: string;
}

/** 延期审批: approve or refuse a pending request (never one's own). */
export function ExtensionDecisionModal({
  target,
  request,
  onClose,
  onDone,
}: CaseModalProps & { request: PendingExtension }) {
  const t = useT();
  const { locale } = usePreferences();
  const { pending, run } = useCaseAction(onDone);
  return (
    <ModalForm<{ approve: boolean; note?: string }>
      title={`${t('cases.extension.decide')} · ${target.number}`}
      name="extension-decision"
      okText={t('common.confirm')}
      pending={pending}
      onClose={onClose}
      onSubmit={async (values, form) => {
        const done = await run(
          () =>
            unwrap(
              api.POST('/api/cases/{id}/extension/decision', {
                params: { path: { id: target.id } },
                body: { approve: values.approve, note: values.note?.trim() || undefined },
              }),
            ),
          { form, success: values.approve ? t('cases.extension.approved') : t('cases.extension.rejected') },
        );
        if (done) onDone();
      }}
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'units', label: t('cases.extension.asked'), children: `${request.units} ${request.unit}` },
          { key: 'reason', label: t('cases.extension.reason'), children: request.reason },
          {
            key: 'by',
            label: t('cases.extension.by'),
            children: `${request.byName} · ${formatDateTime(request.at, locale)}`,
          },
        ]}
      />
      <Form.Item
        name="approve"
        label={t('cases.extension.decision')}
        rules={[{ required: true, message: t('cases.extension.decisionRequired') }]}
      >
        <Radio.Group
          options={[
            { value: true, label: t('cases.extension.approve') },
            { value: false, label: t('cases.extension.reject') },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label={t('cases.note')}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </ModalForm>
  );
}
