import { type Department, type Role, type RoleGrant, type Staff, unwrap } from '@zhizhi/api-client';
import { Form, Input, Select } from 'antd';
import { api } from '../api/api';
import { useLocalName, useT } from '../i18n/use-t';
import { FormModal } from './form-modal';
import { RoleGrantsFields } from './role-grants-fields';

interface StaffForm {
  username: string;
  displayName: string;
  password: string;
  departmentId?: string | null;
  phone?: string;
  roles: RoleGrant[];
}

export interface StaffFormModalProps {
  /** `'new'` = create; a staff member = edit. */
  editing: Staff | 'new';
  roles: Role[];
  departments: Department[];
  onClose: () => void;
  onSaved: () => void;
}

export function StaffFormModal({ editing, roles, departments, onClose, onSaved }: StaffFormModalProps) {
  const t = useT();
  const localName = useLocalName();
  const existing = editing !== 'new' ? editing : null;

  const save = (values: StaffForm) => {
    const phone = values.phone?.trim() || undefined;
    const departmentId = values.departmentId ?? null;
    return existing
      ? unwrap(
          api.PATCH('/api/admin/staff/{id}', {
            params: { path: { id: existing.id } },
            // The list only has the masked phone; send one only when the admin typed a new number.
            body: { displayName: values.displayName, departmentId, ...(phone ? { phone } : {}) },
          }),
        )
      : unwrap(
          api.POST('/api/admin/staff', {
            body: {
              username: values.username.trim(),
              displayName: values.displayName,
              password: values.password,
              departmentId,
              phone,
              roles: (values.roles ?? []).map((grant) => ({
                ...grant,
                departmentId: grant.departmentId ?? null,
              })),
            },
          }),
        );
  };

  return (
    <FormModal
      title={existing ? t('staff.edit') : t('staff.create')}
      name="staff"
      width={640}
      initialValues={
        existing
          ? {
              username: existing.username,
              displayName: existing.displayName,
              departmentId: existing.departmentId,
            }
          : { roles: [] }
      }
      save={save}
      onClose={onClose}
      onSaved={onSaved}
    >
      <Form.Item
        label={t('staff.username')}
        name="username"
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input disabled={!!existing} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('staff.displayName')}
        name="displayName"
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input />
      </Form.Item>
      {!existing && (
        <Form.Item
          label={t('staff.initialPassword')}
          name="password"
          extra={t('staff.initialPasswordHelp')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      <Form.Item label={t('staff.department')} name="departmentId">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={departments.map((department) => ({
            value: department.id,
            label: localName(department.name, department.nameEn),
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('staff.phone')}
        name="phone"
        extra={existing ? t('staff.phoneKeep', { phone: existing.phone ?? '—' }) : undefined}
        rules={[{ pattern: /^1\d{10}$/, message: t('staff.phoneInvalid') }]}
      >
        <Input inputMode="tel" autoComplete="off" />
      </Form.Item>
      {!existing && <RoleGrantsFields roles={roles} departments={departments} />}
    </FormModal>
  );
}
