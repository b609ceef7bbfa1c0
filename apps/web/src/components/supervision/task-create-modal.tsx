import { unwrap } from '@zhizhi/api-client';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import { FormModal } from '../form-modal';
import { useLoad } from '../use-load';
import type { SupervisionTask } from './types';

interface TaskForm {
  title: string;
  requirements: string;
  deadline: Dayjs;
  departmentIds: string[];
  remindWorkingDays: number;
}

export interface TaskCreateModalProps {
  onClose: () => void;
  onCreated: (task: SupervisionTask) => void;
}

/** A leader dispatches a task: requirements, a deadline day and the responsible departments. */
export function TaskCreateModal({ onClose, onCreated }: TaskCreateModalProps) {
  const t = useT();
  const localName = useLocalName();
  const departments = useLoad(() => unwrap(api.GET('/api/org/departments')).then((body) => body.items), []);

  const save = (values: TaskForm) =>
    unwrap(
      api.POST('/api/governance/tasks', {
        body: {
          title: values.title.trim(),
          requirements: values.requirements.trim(),
          deadline: values.deadline.format('YYYY-MM-DD'),
          departmentIds: values.departmentIds,
          remindWorkingDays: values.remindWorkingDays,
        },
      }),
    );

  return (
    <FormModal
      title={t('supervision.create')}
      name="supervision-task"
      width={720}
      okText={t('supervision.dispatch')}
      success={t('supervision.created')}
      initialValues={{ remindWorkingDays: 2 }}
      save={save}
      onClose={onClose}
      onSaved={onCreated}
    >
      <Form.Item
        label={t('supervision.taskTitle')}
        name="title"
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('supervision.requirements')}
        name="requirements"
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input.TextArea rows={4} maxLength={5000} showCount />
      </Form.Item>
      <Form.Item
        label={t('supervision.departments')}
        name="departmentIds"
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select
          mode="multiple"
          loading={departments.loading}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('supervision.departmentsPlaceholder')}
          options={(departments.data ?? [])
            .filter((department) => department.active)
            .map((department) => ({
              value: department.id,
              label: localName(department.name, department.nameEn),
            }))}
        />
      </Form.Item>
      <Form.Item
        label={t('supervision.deadline')}
        name="deadline"
        extra={t('supervision.deadlineHelp')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item
        label={t('supervision.remindWorkingDays')}
        name="remindWorkingDays"
        extra={t('supervision.remindHelp')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={0} max={30} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}
