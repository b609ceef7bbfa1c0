import { type Grid, unwrap } from '@zhizhi/api-client';
import { Form, Modal } from 'antd';
import { api } from '../api/api';
import { useT } from '../i18n/use-t';
import { StaffSelect } from './staff-select';
import { useAction } from './use-action';

export interface GridWorkerModalProps {
  grid: Grid;
  onClose: () => void;
  onSaved: () => void;
}

/** Assigns (or clears) the grid worker (网格员) responsible for a grid. */
export function GridWorkerModal({ grid, onClose, onSaved }: GridWorkerModalProps) {
  const t = useT();
  const [form] = Form.useForm<{ workerId: string | null }>();
  const { pending, run } = useAction();

  const submit = async ({ workerId }: { workerId: string | null }) => {
    const done = await run(
      () =>
        unwrap(
          api.PATCH('/api/org/grids/{id}', {
            params: { path: { id: grid.id } },
            body: { workerId: workerId ?? null },
          }),
        ),
      { form, success: t('common.saved') },
    );
    if (done) onSaved();
  };

  return (
    <Modal
      open
      title={t('grids.assignTitle', { name: grid.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        name="grid-worker"
        layout="vertical"
        onFinish={submit}
        initialValues={{ workerId: grid.workerId }}
      >
        <Form.Item label={t('grids.worker')} name="workerId" extra={t('grids.workerHelp')}>
          <StaffSelect initialLabel={grid.workerName} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
