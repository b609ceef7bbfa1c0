import { type Department, type Role, type RoleGrant, type Staff, unwrap } from '@zhizhi/api-client';
import { api } from '../api/api';
import { useT } from '../i18n/use-t';
import { FormModal } from './form-modal';
import { RoleGrantsFields } from './role-grants-fields';

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

  const save = (values: { roles?: RoleGrant[] }) => {
    const grants = (values.roles ?? []).map((grant) => ({
      ...grant,
      departmentId: grant.departmentId ?? null,
    }));
    return unwrap(
      api.PUT('/api/admin/staff/{id}/roles', {
        params: { path: { id: staff.id } },
        body: { roles: grants },
      }),
    );
  };

  return (
    <FormModal
      title={t('staff.rolesTitle', { name: staff.displayName })}
      name="staff-roles"
      width={640}
      initialValues={{ roles: staff.roles }}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
    >
      <RoleGrantsFields roles={roles} departments={departments} />
    </FormModal>
  );
}
