import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useLocalName, useT } from '../../i18n/use-t';
import { useGovernanceLookups } from '../cases/lookups';
import { DepartmentPicker } from '../cases/pickers';
import type { DispatchRule } from '../cases/types';

export const GRADES = ['normal', 'major', 'serious'] as const;

type RuleValues = {
  category: string;
  divisionCode?: string;
  condition?: string;
  departmentCode: string;
  grade: DispatchRule['grade'];
  limitDays?: number | null;
};

export interface RuleModalProps {
  /** The rule being edited, or null for a new one. */
  rule: DispatchRule | null;
  onClose: () => void;
  onSave: (rule: DispatchRule) => void;
}

/** One dispatch rule: which category (or group), where, under what condition, to which department. */
export function RuleModal({ rule, onClose, onSave }: RuleModalProps) {
  const t = useT();
  const localName = useLocalName();
  const { categories, towns } = useGovernanceLookups();
  const [form] = Form.useForm<RuleValues>();
  const categoryOptions = categories.flatMap((c) =>
    c.parentCode
      ? [{ value: c.code, label: `${localName(c.nameZh, c.nameEn)} (${c.code})` }]
      : [
          {
            value: `${c.code}.*`,
            label: t('governance.catalogue.wholeGroup', {
              name: localName(c.nameZh, c.nameEn),
              code: `${c.code}.*`,
            }),
          },
        ],
  );
  const submit = (values: RuleValues) => {
    // Keep what this dialog does not edit; drop emptied optional parts.
    const next: DispatchRule = {
      ...(rule ?? {}),
      category: values.category,
      departmentCode: values.departmentCode,
      grade: values.grade,
    };
    if (values.divisionCode) next.divisionCode = values.divisionCode;
    else delete next.divisionCode;
    if (values.condition?.trim()) next.condition = values.condition.trim();
    else delete next.condition;
    if (typeof values.limitDays === 'number') next.limitDays = values.limitDays;
    else delete next.limitDays;
    onSave(next);
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal
      open
      title={rule ? t('governance.catalogue.editRule') : t('governance.catalogue.addRule')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
    >
      <Form<RuleValues>
        form={form}
        name="dispatch-rule"
        layout="vertical"
        onFinish={submit}
        initialValues={rule ?? { grade: 'normal' }}
      >
        <Form.Item name="category" label={t('governance.catalogue.category')} rules={required}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={categoryOptions} />
        </Form.Item>
        <Form.Item
          name="divisionCode"
          label={t('governance.catalogue.division')}
          extra={t('governance.catalogue.divisionHelp')}
        >
          <Select
            allowClear
            placeholder={t('governance.catalogue.anywhere')}
            options={towns.map((town) => ({ value: town.code, label: town.name }))}
          />
        </Form.Item>
        <Form.Item
          name="condition"
          label={t('governance.catalogue.condition')}
          extra={t('governance.catalogue.conditionHelp')}
        >
          <Input className="zz-mono" maxLength={2000} placeholder="data.description.contains('餐')" />
        </Form.Item>
        <Form.Item name="departmentCode" label={t('governance.catalogue.department')} rules={required}>
          <DepartmentPicker by="code" />
        </Form.Item>
        <Form.Item name="grade" label={t('governance.catalogue.grade')} rules={required}>
          <Select
            options={GRADES.map((grade) => ({ value: grade, label: t(`governance.grade.${grade}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="limitDays"
          label={t('governance.catalogue.limitDays')}
          extra={t('governance.catalogue.limitDaysHelp')}
        >
          <InputNumber<number> min={0} max={365} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
