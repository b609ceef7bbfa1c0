import { type Staff, unwrap } from '@zhizhi/api-client';
import { Alert, Form, Input } from 'antd';
import { api } from '../api/api';
import { useT } from '../i18n/use-t';
import { FormModal } from './form-modal';

export interface StaffPasswordModalProps {
  staff: Staff;
  onClose: () => void;
  onSaved: () => void;
}

/** Sets a new password for a staff member; they must change it at next login. */
export function StaffPasswordModal({ staff, onClose, onSaved }: StaffPasswordModalProps) {
  const t = useT();

  const save = ({ password }: { password: string }) =>
    unwrap(
      api.POST('/api/admin/staff/{id}/reset-password', {
        params: { path: { id: staff.id } },
        body: { password },
      }),
    );

  return (
    <FormModal
      title={t('staff.resetPasswordTitle', { name: staff.displayName })}
      name="staff-password"
      success={t('staff.passwordReset')}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
    >
      <Alert type="info" showIcon title={t('staff.resetPasswordHelp')} style={{ marginBottom: 16 }} />
      <Form.Item
        label={t('staff.newPassword')}
        name="password"
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
