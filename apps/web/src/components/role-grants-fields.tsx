import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Department, Role } from '@zhizhi/api-client';
import { Button, Card, Form, Select, Space } from 'antd';
import { useLocalName, useT } from '../i18n/use-t';
import { DivisionPicker } from './division-picker';

export interface RoleGrantsFieldsProps {
  roles: Role[];
  departments: Department[];
}

/** Form.List editing `roles: [{ roleCode, divisionCode, departmentId? }]`: a role, its division scope, and optionally a department. */
export function RoleGrantsFields({ roles, departments }: RoleGrantsFieldsProps) {
  const t = useT();
  const localName = useLocalName();
  const roleOptions = roles.map((role) => ({ value: role.code, label: localName(role.nameZh, role.nameEn) }));
  const departmentOptions = departments.map((department) => ({
    value: department.id,
    label: localName(department.name, department.nameEn),
  }));

  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={t('staff.grantN', { n: index + 1 })}
              extra={
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                  {t('common.remove')}
                </Button>
              }
            >
              <Form.Item
                label={t('staff.role')}
                name={[field.name, 'roleCode']}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Select options={roleOptions} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
              <Form.Item
                label={t('staff.scopeDivision')}
                name={[field.name, 'divisionCode']}
                extra={t('staff.scopeDivisionHelp')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DivisionPicker />
              </Form.Item>
              <Form.Item
                label={t('staff.scopeDepartment')}
                name={[field.name, 'departmentId']}
                extra={t('staff.scopeDepartmentHelp')}
              >
                <Select allowClear options={departmentOptions} showSearch={{ optionFilterProp: 'label' }} />
              </Form.Item>
            </Card>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ departmentId: null })} block>
            {t('staff.addGrant')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
