import { unwrap } from '@zhizhi/api-client';
import { Alert, Form, Input, Radio } from 'antd';
import { api } from '../../api/api';
import { useT } from '../../i18n/use-t';
import { FormModal } from '../form-modal';
import type { SupervisionAssignment, SupervisionTask } from './types';

const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
type Grade = (typeof GRADES)[number];

export interface EvaluateModalProps {
  task: SupervisionTask;
  assignment: SupervisionAssignment;
  onClose: () => void;
  onSaved: (task: SupervisionTask) => void;
}

/** The leader grades a department's work: 优秀 / 良好 / 合格 / 不合格 with a comment. */
export function EvaluateModal({ task, assignment, onClose, onSaved }: EvaluateModalProps) {
  const t = useT();
  // Past the deadline unfinished, the server accepts only 不合格.
  const unfinished = assignment.status === 'overdue';

  const save = (values: { grade: Grade; comment: string }) =>
    unwrap(
      api.POST('/api/governance/tasks/{id}/assignments/{assignmentId}/evaluate', {
        params: { path: { id: task.id, assignmentId: assignment.id } },
        body: { grade: values.grade, comment: values.comment.trim() },
      }),
    );

  return (
    <FormModal
      title={`${t('supervision.actions.evaluate')} · ${assignment.departmentName}`}
      name="supervision-evaluate"
      success={t('supervision.evaluated')}
      initialValues={unfinished ? { grade: 'fail' } : undefined}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
    >
      {unfinished && (
        <Alert
          type="warning"
          showIcon
          title={t('supervision.unfinishedOnlyFail')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item
        label={t('supervision.grade')}
        name="grade"
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={GRADES.map((grade) => ({
            value: grade,
            label: t(`supervision.grade.${grade}`),
            disabled: unfinished && grade !== 'fail',
          }))}
        />
      </Form.Item>
      <Form.Item
        label={t('supervision.comment')}
        name="comment"
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
