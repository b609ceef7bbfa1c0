import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Progress, Space, Tag, Timeline, Typography } from 'antd';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import { AssignmentStatusTag } from './status-tag';
import { attachmentUrl, type SupervisionAssignment } from './types';

export type AssignmentAction = SupervisionAssignment['actions'][number];

const TIMELINE_COLORS: Record<string, string> = {
  urged: 'red',
  overdue: 'red',
  reminded: 'orange',
  completed: 'green',
  evaluated: 'green',
};

export interface AssignmentCardProps {
  taskId: string;
  assignment: SupervisionAssignment;
  pending: boolean;
  onAction: (action: AssignmentAction, assignment: SupervisionAssignment) => void;
}

/** One department's share: status, progress bar, the steps open to the viewer, and the timeline. */
export function AssignmentCard({ taskId, assignment: a, pending, onAction }: AssignmentCardProps) {
  const t = useT();
  const localName = useLocalName();
  const { locale } = usePreferences();
  const progressStatus =
    a.status === 'overdue'
      ? 'exception'
      : a.status === 'completed' || a.status === 'evaluated'
        ? 'success'
        : 'active';

  return (
    <Card
      size="small"
      data-testid="assignment-card"
      data-department={a.departmentName}
      title={
        <Space wrap>
          <span>{localName(a.departmentName, a.departmentNameEn)}</span>
          <AssignmentStatusTag status={a.status} />
          {a.late && <Tag color="orange">{t('supervision.late')}</Tag>}
          {a.urgeCount > 0 && <Tag color="red">{t('supervision.urgeCount', { count: a.urgeCount })}</Tag>}
        </Space>
      }
      extra={
        <Space wrap>
          {a.actions.map((action) => (
            <Button
              key={action}
              type={action === 'urge' ? 'default' : 'primary'}
              danger={action === 'urge'}
              loading={pending}
              data-testid={`action-${action}`}
              onClick={() => onAction(action, a)}
            >
              {t(`supervision.actions.${action}`)}
            </Button>
          ))}
        </Space>
      }
    >
      <Progress percent={a.progress} status={progressStatus} aria-label={t('supervision.progress')} />
      {a.grade && (
        <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('supervision.evaluation')}>
            <Space wrap>
              <Tag color={a.grade === 'fail' ? 'red' : 'green'} data-testid="assignment-grade">
                {t(`supervision.grade.${a.grade}`)}
              </Tag>
              <span>{a.evaluation}</span>
            </Space>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Typography.Text strong style={{ display: 'block', margin: '12px 0 8px' }}>
        {t('supervision.timeline')}
      </Typography.Text>
      <Timeline
        items={a.activity.map((entry) => ({
          key: entry.id,
          color: TIMELINE_COLORS[entry.kind] ?? 'blue',
          content: (
            <Space orientation="vertical" size={2}>
              <Typography.Text type="secondary">{formatDateTime(entry.at, locale)}</Typography.Text>
              <span>
                <strong>{t(`supervision.activity.${entry.kind}`)}</strong>
                {entry.progress !== null && entry.kind === 'progress' && ` · ${entry.progress}%`}
                {' · '}
                {entry.actorName === 'system' ? t('supervision.system') : entry.actorName}
              </span>
              {entry.note && <span style={{ whiteSpace: 'pre-wrap' }}>{entry.note}</span>}
              {entry.files.map((file) => (
                <a key={file.id} href={attachmentUrl(taskId, file.id)} target="_blank" rel="noreferrer">
                  <PaperClipOutlined /> {file.name}
                </a>
              ))}
            </Space>
          ),
        }))}
      />
    </Card>
  );
}
