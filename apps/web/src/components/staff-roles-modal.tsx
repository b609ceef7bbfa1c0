import { type Department, type Role, type RoleGrant, type Staff, unwrap } from '@zhizhi/api-client';
import { Form, Modal } from 'antd';
import { api } from '../api/api';
import { useT } from '../i18n/use-t';
import { RoleGrantsFields } from './role-grants-fields';
import { useAction } from './use-action';

export interface StaffRolesModalProps {
  staff: Staff;
  roles: Role[];
  departments: Department[];
  onClose: () => void;
  onSaved: () => void;
}

/** Replaces a staff member's role grants (role + division scope + optional department). */
export function StaffRolesModal({ staff, roles, departments, onClose, onSaved }: StaffRolesModalProps) {
  const t = useT();
  const [form] = Form.useForm<{ roles: RoleGrant[] }>();
  const { pending, run } = useAction();

  const submit = async (values: { roles?: RoleGrant[] }) => {
    const grants = (values.roles ?? []).map((grant) => ({
      ...grant,
      departmentId: grant.departmentId ?? null,
    }));
    const done = await run(
      () =>
        unwrap(
          api.PUT('/api/admin/staff/{id}/roles', {
            params: { path: { id: staff.id } },
            body: { roles: grants },
          }),
        ),
      { form, success: t('common.saved') },
    );
    if (done) onSaved();
  };

  return (
    <Modal
      open
      title={t('staff.rolesTitle', { name: staff.displayName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
    >
      <Form
        form={form}
        name="staff-roles"
        layout="vertical"
        onFinish={submit}
        initialValues={{ roles: staff.roles }}
      >
        <RoleGrantsFields roles={roles} departments={departments} />
      </Form>
    </Modal>
  );
}
