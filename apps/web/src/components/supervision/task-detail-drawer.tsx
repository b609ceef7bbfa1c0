import { unwrap } from '@zhizhi/api-client';
import { App, Descriptions, Drawer, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/api';
import { useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import { useAction } from '../use-action';
import { useLoad } from '../use-load';
import { AssignmentCard, type AssignmentAction } from './assignment-card';
import { DeadlineCountdown } from './deadline-countdown';
import { EvaluateModal } from './evaluate-modal';
import { ReportModal } from './report-modal';
import { TaskStatusTag } from './status-tag';
import type { SupervisionAssignment, SupervisionTask } from './types';
import { UrgeModal } from './urge-modal';

export interface TaskDetailDrawerProps {
  taskId: string;
  onClose: () => void;
  /** Something changed: the list behind should refresh. */
  onChanged: () => void;
}

type Dialog = { action: Exclude<AssignmentAction, 'accept'>; assignment: SupervisionAssignment } | null;

/** A task with every department's progress, and the steps open to the viewer. */
export function TaskDetailDrawer({ taskId, onClose, onChanged }: TaskDetailDrawerProps) {
  const t = useT();
  const { modal } = App.useApp();
  const { locale, elderMode } = usePreferences();
  const { pending, run } = useAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [fresh, setFresh] = useState<SupervisionTask | null>(null);
  const loaded = useLoad(
    () => unwrap(api.GET('/api/governance/tasks/{id}', { params: { path: { id: taskId } } })),
    [taskId],
  );
  const task = fresh?.id === taskId ? fresh : loaded.data;

  const changed = (next: SupervisionTask) => {
    setFresh(next);
    setDialog(null);
    onChanged();
  };

  const onAction = (action: AssignmentAction, assignment: SupervisionAssignment) => {
    if (action !== 'accept') return setDialog({ action, assignment });
    modal.confirm({
      title: t('supervision.acceptConfirm', { department: assignment.departmentName }),
      okText: t('supervision.actions.accept'),
      cancelText: t('common.cancel'),
      onOk: () =>
        run(
          async () =>
            changed(
              await unwrap(
                api.POST('/api/governance/tasks/{id}/assignments/{assignmentId}/accept', {
                  params: { path: { id: taskId, assignmentId: assignment.id } },
                }),
              ),
            ),
          { success: t('supervision.accepted') },
        ),
    });
  };

  return (
    <Drawer
      open
      size={elderMode ? 'min(1000px, 100vw)' : 'min(760px, 100vw)'}
      title={t('supervision.detail')}
      onClose={onClose}
      destroyOnHidden
    >
      {!task ? (
        <Skeleton active />
      ) : (
        <Space
          orientation="vertical"
          size="middle"
          style={{ width: '100%' }}
          data-testid="supervision-detail"
        >
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="task-title">
            {task.title}
          </Typography.Title>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('supervision.taskStatus')}>
              <TaskStatusTag status={task.status} />
            </Descriptions.Item>
            {task.sourcePath && (
              <Descriptions.Item label={t('supervision.source')}>
                <Link to={task.sourcePath} data-testid="task-source">
                  {task.sourceLabel ?? task.sourcePath}
                </Link>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('supervision.requirements')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{task.requirements}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.deadline')}>
              <DeadlineCountdown deadline={task.deadline} closed={task.status === 'closed'} />
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.remindAt')}>
              {task.remindAt
                ? t('supervision.remindAtValue', {
                    time: formatDateTime(task.remindAt, locale),
                    days: task.remindWorkingDays,
                  })
                : t('supervision.noReminder')}
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.createdBy')}>
              {task.createdByName} · {formatDateTime(task.createdAt, locale)}
            </Descriptions.Item>
          </Descriptions>
          {task.assignments.map((assignment) => (
            <AssignmentCard
              key={assignment.id}
              taskId={task.id}
              assignment={assignment}
              pending={pending}
              onAction={onAction}
            />
          ))}
        </Space>
      )}
      {task && dialog?.action === 'report' && (
        <ReportModal
          task={task}
          assignment={dialog.assignment}
          mode="report"
          onClose={() => setDialog(null)}
          onSaved={changed}
        />
      )}
      {task && dialog?.action === 'complete' && (
        <ReportModal
          task={task}
          assignment={dialog.assignment}
          mode="complete"
          onClose={() => setDialog(null)}
          onSaved={changed}
        />
      )}
      {task && dialog?.action === 'urge' && (
        <UrgeModal
          task={task}
          assignment={dialog.assignment}
          onClose={() => setDialog(null)}
          onSaved={changed}
        />
      )}
      {task && dialog?.action === 'evaluate' && (
        <EvaluateModal
          task={task}
          assignment={dialog.assignment}
          onClose={() => setDialog(null)}
          onSaved={changed}
        />
      )}
    </Drawer>
  );
}
