import { Checkbox, Form, Input, Modal } from 'antd';
import { useT } from '../../../i18n/use-t';
import { useAction } from '../../use-action';
import { decide, type ReviewApplication } from './open-api';

interface DecisionValues {
  items?: string[];
  note?: string;
}

interface DecisionModalProps {
  application: ReviewApplication;
  decision: 'approve' | 'reject';
  onClose: (decided: boolean) => void;
}

/** Approve (choosing the items granted, possibly fewer) or reject (with a reason). */
export function DecisionModal({ application, decision, onClose }: DecisionModalProps) {
  const t = useT();
  const [form] = Form.useForm<DecisionValues>();
  const { pending, run } = useAction();
  const approve = decision === 'approve';
  return (
    <Modal
      open
      title={t(approve ? 'open.review.approveTitle' : 'open.review.rejectTitle')}
      okText={t(approve ? 'open.review.approve' : 'open.review.reject')}
      okButtonProps={{ danger: !approve, loading: pending, 'data-testid': 'open-decision-ok' } as never}
      onCancel={() => onClose(false)}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<DecisionValues>
        form={form}
        layout="vertical"
        initialValues={{ items: application.items }}
        onFinish={async (values) => {
          const ok = await run(
            () =>
              decide(application.id, {
                decision,
                note: values.note?.trim() || null,
                items: approve ? values.items : undefined,
                expectedVersion: application.caseVersion,
              }),
            { form, success: t('open.review.decided') },
          );
          if (ok) onClose(true);
        }}
      >
        {approve && (
          <Form.Item
            name="items"
            label={t('open.review.itemsToGrant')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Checkbox.Group
              options={application.items.map((code) => ({
                value: code,
                label: application.itemNames[code] ?? code,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={t(approve ? 'open.review.note' : 'open.review.reason')}
          rules={approve ? [] : [{ required: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
