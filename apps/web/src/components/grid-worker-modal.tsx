import { type Grid, unwrap } from '@zhizhi/api-client';
import { Form } from 'antd';
import { api } from '../api/api';
import { useT } from '../i18n/use-t';
import { FormModal } from './form-modal';
import { StaffSelect } from './staff-select';

export interface GridWorkerModalProps {
  grid: Grid;
  onClose: () => void;
  onSaved: () => void;
}

/** Assigns (or clears) the grid worker (网格员) responsible for a grid. */
export function GridWorkerModal({ grid, onClose, onSaved }: GridWorkerModalProps) {
  const t = useT();

  const save = ({ workerId }: { workerId: string | null }) =>
    unwrap(
      api.PATCH('/api/org/grids/{id}', {
        params: { path: { id: grid.id } },
        body: { workerId: workerId ?? null },
      }),
    );

  return (
    <FormModal
      title={t('grids.assignTitle', { name: grid.name })}
      name="grid-worker"
      initialValues={{ workerId: grid.workerId }}
      save={save}
      onClose={onClose}
      onSaved={onSaved}
    >
      <Form.Item label={t('grids.worker')} name="workerId" extra={t('grids.workerHelp')}>
        <StaffSelect initialLabel={grid.workerName} />
      </Form.Item>
    </FormModal>
  );
}
