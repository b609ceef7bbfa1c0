import { PlusOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { Button, Card, Input, Progress, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../api/api';
import { DeadlineCountdown } from '../components/supervision/deadline-countdown';
import { AssignmentStatusTag, TaskStatusTag } from '../components/supervision/status-tag';
import { TaskCreateModal } from '../components/supervision/task-create-modal';
import { TaskDetailDrawer } from '../components/supervision/task-detail-drawer';
import type { SupervisionTaskSummary } from '../components/supervision/types';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { useSession } from '../session/session';

const PAGE_SIZE = 20;
type StatusFilter = 'all' | 'open' | 'overdue' | 'closed';

/** 督查督办: tasks I dispatched or my department must handle; the detail opens at /supervision/:taskId. */
export function SupervisionPage() {
  const t = useT();
  const localName = useLocalName();
  const navigate = useNavigate();
  const { taskId } = useParams();
  const { can } = useSession();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);

  const tasks = useLoad(
    () =>
      unwrap(
        api.GET('/api/governance/tasks', {
          params: {
            query: {
              status: status === 'all' ? undefined : status,
              q: q || undefined,
              page,
              pageSize: PAGE_SIZE,
            },
          },
        }),
      ),
    [status, q, page],
  );
  const open = (id: string) => navigate(`/supervision/${id}`);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.supervision')}
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented<StatusFilter>
            value={status}
            onChange={(value) => {
              setStatus(value);
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'open', label: t('supervision.filter.open') },
              { value: 'overdue', label: t('supervision.filter.overdue') },
              { value: 'closed', label: t('supervision.filter.closed') },
            ]}
          />
          <Input.Search
            aria-label={t('common.search')}
            placeholder={t('supervision.searchPlaceholder')}
            allowClear
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
            style={{ width: 280 }}
          />
          {can('governance.task.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="supervision-create"
              onClick={() => setCreating(true)}
            >
              {t('supervision.create')}
            </Button>
          )}
        </Space>
        <Table<SupervisionTaskSummary>
          rowKey="id"
          loading={tasks.loading}
          dataSource={tasks.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('supervision.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: tasks.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: setPage,
          }}
          columns={[
            {
              title: t('supervision.taskTitle'),
              dataIndex: 'title',
              render: (title: string, task) => (
                <Button
                  type="link"
                  style={{ padding: 0 }}
                  data-testid="supervision-task-link"
                  onClick={() => open(task.id)}
                >
                  {title}
                </Button>
              ),
            },
            {
              title: t('supervision.departments'),
              key: 'assignments',
              render: (_: unknown, task) => (
                <Space orientation="vertical" size={4}>
                  {task.assignments.map((a) => (
                    <Space key={a.id} size={4} wrap>
                      <span>{localName(a.departmentName, a.departmentNameEn)}</span>
                      <AssignmentStatusTag status={a.status} />
                    </Space>
                  ))}
                </Space>
              ),
            },
            {
              title: t('supervision.progress'),
              key: 'progress',
              render: (_: unknown, task) => {
                const total = task.assignments.reduce((sum, a) => sum + a.progress, 0);
                const percent = task.assignments.length ? Math.round(total / task.assignments.length) : 0;
                return <Progress percent={percent} size="small" style={{ width: 140 }} />;
              },
            },
            {
              title: t('supervision.deadline'),
              dataIndex: 'deadline',
              render: (deadline: string, task) => (
                <DeadlineCountdown deadline={deadline} closed={task.status === 'closed'} />
              ),
            },
            { title: t('supervision.createdBy'), dataIndex: 'createdByName' },
            {
              title: t('supervision.taskStatus'),
              dataIndex: 'status',
              render: (value: 'open' | 'closed') => <TaskStatusTag status={value} />,
            },
          ]}
        />
      </Card>
      {creating && (
        <TaskCreateModal
          onClose={() => setCreating(false)}
          onCreated={(task) => {
            setCreating(false);
            tasks.reload();
            open(task.id);
          }}
        />
      )}
      {taskId && (
        <TaskDetailDrawer
          key={taskId}
          taskId={taskId}
          onClose={() => navigate('/supervision')}
          onChanged={tasks.reload}
        />
      )}
    </Space>
  );
}
