import { type Staff, unwrap } from '@zhizhi/api-client';
import { Alert, Form, Input, Modal } from 'antd';
import { api } from '../api/api';
import { useT } from '../i18n/use-t';
import { useAction } from './use-action';

export interface StaffPasswordModalProps {
  staff: Staff;
  onClose: () => void;
  onSaved: () => void;
}

/** Sets a new password for a staff member; they must change it at next login. */
export function StaffPasswordModal({ staff, onClose, onSaved }: StaffPasswordModalProps) {
  const t = useT();
  const [form] = Form.useForm<{ password: string }>();
  const { pending, run } = useAction();

  const submit = async ({ password }: { password: string }) => {
    const done = await run(
      () =>
        unwrap(
          api.POST('/api/admin/staff/{id}/reset-password', {
            params: { path: { id: staff.id } },
            body: { password },
          }),
        ),
      { form, success: t('staff.passwordReset') },
    );
    if (done) onSaved();
  };

  return (
    <Modal
      open
      title={t('staff.resetPasswordTitle', { name: staff.displayName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Alert type="info" showIcon title={t('staff.resetPasswordHelp')} style={{ marginBottom: 16 }} />
      <Form form={form} name="staff-password" layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('staff.newPassword')}
          name="password"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
