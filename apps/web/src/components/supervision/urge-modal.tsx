import { unwrap } from '@zhizhi/api-client';
import { Form, Input } from 'antd';
import { api } from '../../api/api';
import { useT } from '../../i18n/use-t';
import { FormModal } from '../form-modal';
import type { SupervisionAssignment, SupervisionTask } from './types';

export interface UrgeModalProps {
  task: SupervisionTask;
  assignment: SupervisionAssignment;
  onClose: () => void;
  onSaved: (task: SupervisionTask) => void;
}

/** 催办: an urgent message to every staff member of the department. */
export function UrgeModal({ task, assignment, onClose, onSaved }: UrgeModalProps) {
  const t = useT();
  const save = (values: { message?: string }) =>
    unwrap(
      api.POST('/api/governance/tasks/{id}/assignments/{assignmentId}/urge', {
        params: { path: { id: task.id, assignmentId: assignment.id } },
        body: { message: values.message?.trim() || undefined },
      }),
    );
  return (
    <FormModal
      title={`${t('supervision.actions.urge')} · ${assignment.departmentName}`}
      name="supervision-urge"
      okText={t('supervision.actions.urge')}
      success={t('supervision.urged')}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
    >
      <Form.Item label={t('supervision.urgeMessage')} name="message" extra={t('supervision.urgeHelp')}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
