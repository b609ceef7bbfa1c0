import { Tag } from 'antd';
import { useT } from '../../i18n/use-t';
import type { AssignmentStatus } from './types';

const COLORS: Record<AssignmentStatus, string> = {
  pending: 'gold',
  in_progress: 'processing',
  completed: 'green',
  overdue: 'red',
  evaluated: 'purple',
};

/** 待签收 / 办理中 / 已办结 / 已逾期 / 已评价. */
export function AssignmentStatusTag({ status }: { status: AssignmentStatus }) {
  const t = useT();
  return (
    <Tag color={COLORS[status]} data-testid="assignment-status" data-status={status}>
      {t(`supervision.status.${status}`)}
    </Tag>
  );
}

/** 进行中 / 已完结. */
export function TaskStatusTag({ status }: { status: 'open' | 'closed' }) {
  const t = useT();
  return (
    <Tag color={status === 'closed' ? 'default' : 'blue'} data-testid="task-status" data-status={status}>
      {t(`supervision.taskStatus.${status}`)}
    </Tag>
  );
}
