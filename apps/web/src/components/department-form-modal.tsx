import { type Department, unwrap } from '@zhizhi/api-client';
import { Form, Input, Select, Switch } from 'antd';
import { api } from '../api/api';
import { useEnumLabel, useLocalName, useT } from '../i18n/use-t';
import { DivisionPicker } from './division-picker';
import { FormModal } from './form-modal';

export const DEPARTMENT_KINDS = ['bureau', 'town_office', 'centre', 'other'] as const;
/** The server's rule for department codes (routes/org.ts). */
const DEPARTMENT_CODE = /^[a-z0-9][a-z0-9-]{1,31}$/;

interface DepartmentForm {
  code: string;
  name: string;
  nameEn: string;
  divisionCode: string;
  parentId?: string | null;
  kind: string;
  active: boolean;
}

export interface DepartmentFormModalProps {
  /** `'new'` = create; a department = edit it. */
  editing: Department | 'new';
  departments: Department[];
  onClose: () => void;
  onSaved: () => void;
}

export function DepartmentFormModal({ editing, departments, onClose, onSaved }: DepartmentFormModalProps) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const localName = useLocalName();
  const existing = editing !== 'new' ? editing : null;

  const save = (values: DepartmentForm) => {
    const parentId = values.parentId ?? null;
    return existing
      ? unwrap(
          api.PATCH('/api/org/departments/{id}', {
            params: { path: { id: existing.id } },
            body: { name: values.name, nameEn: values.nameEn ?? '', active: values.active, parentId },
          }),
        )
      : unwrap(
          api.POST('/api/org/departments', {
            body: {
              code: values.code,
              name: values.name,
              nameEn: values.nameEn ?? '',
              divisionCode: values.divisionCode,
              parentId,
              kind: values.kind as 'bureau' | 'town_office' | 'centre' | 'other',
            },
          }),
        );
  };

  const parents = departments
    .filter((department) => department.id !== existing?.id)
    .map((department) => ({ value: department.id, label: localName(department.name, department.nameEn) }));

  return (
    <FormModal
      title={existing ? t('departments.edit') : t('departments.create')}
      name="department"
      initialValues={existing ?? { kind: 'bureau', active: true }}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
    >
      <Form.Item
        label={t('departments.code')}
        name="code"
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          // Existing codes are not edited, so only new ones are held to the rule.
          ...(existing ? [] : [{ pattern: DEPARTMENT_CODE, message: t('departments.codeInvalid') }]),
        ]}
      >
        <Input
          disabled={!!existing}
          className="zz-mono"
          placeholder={t('departments.codePlaceholder')}
          autoComplete="off"
        />
      </Form.Item>
      <Form.Item
        label={t('departments.name')}
        name="name"
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input />
      </Form.Item>
      <Form.Item label={t('departments.nameEn')} name="nameEn">
        <Input />
      </Form.Item>
      <Form.Item
        label={t('departments.division')}
        name="divisionCode"
        rules={[{ required: !existing, message: t('common.required') }]}
      >
        <DivisionPicker depth="town" disabled={!!existing} />
      </Form.Item>
      <Form.Item label={t('departments.parent')} name="parentId">
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={parents} />
      </Form.Item>
      <Form.Item
        label={t('departments.kind')}
        name="kind"
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select
          disabled={!!existing}
          options={DEPARTMENT_KINDS.map((kind) => ({
            value: kind,
            label: enumLabel('departmentKind', kind),
          }))}
        />
      </Form.Item>
      {existing && (
        <Form.Item label={t('departments.active')} name="active" valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  );
}
