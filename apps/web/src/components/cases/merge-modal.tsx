import { unwrap } from '@zhizhi/api-client';
import { Alert, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/api';
import { useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import { useLoad } from '../use-load';
import { type CaseLabels, StateTag } from './case-labels';
import { type CaseItem, casePath } from './types';
import { useCaseAction } from './use-case-action';

type Duplicate = { case: CaseItem; distanceMeters: number | null };

export interface MergeModalProps {
  target: Pick<CaseItem, 'id' | 'number'>;
  labels: CaseLabels;
  onClose: () => void;
  onDone: () => void;
}

/** 合并重复件: open reports of the same category nearby, chosen and merged into this case. */
export function MergeModal({ target, labels, onClose, onDone }: MergeModalProps) {
  const t = useT();
  const { locale } = usePreferences();
  const [selected, setSelected] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const { pending, run } = useCaseAction(onDone);
  const duplicates = useLoad(
    () =>
      unwrap(api.GET('/api/cases/{id}/duplicates', { params: { path: { id: target.id } } })).then(
        (body) => body.items as Duplicate[],
      ),
    [target.id],
  );
  const merge = async () => {
    const done = await run(
      () =>
        unwrap(
          api.POST('/api/cases/{id}/merge', {
            params: { path: { id: target.id } },
            body: { duplicateIds: selected, note: note.trim() || undefined },
          }),
        ),
      { success: t('cases.merge.done', { count: selected.length }) },
    );
    if (done) onDone();
  };
  return (
    <Modal
      open
      title={`${t('cases.merge.title')} · ${target.number}`}
      okText={t('cases.merge.submit', { count: selected.length })}
      okButtonProps={{ disabled: selected.length === 0 }}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={merge}
      onCancel={onClose}
      width={860}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('cases.merge.help')} />
        <Table<Duplicate>
          rowKey={(row) => row.case.id}
          size="small"
          loading={duplicates.loading}
          dataSource={duplicates.data ?? []}
          pagination={false}
          data-testid="duplicates"
          locale={{ emptyText: t('cases.merge.none') }}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
          columns={[
            {
              title: t('cases.number'),
              key: 'number',
              render: (_, row) => (
                <Link to={casePath(row.case.id)} target="_blank" className="zz-mono">
                  {row.case.number}
                </Link>
              ),
            },
            { title: t('cases.title'), key: 'title', render: (_, row) => row.case.title },
            {
              title: t('cases.state'),
              key: 'state',
              render: (_, row) => <StateTag state={row.case.state} labels={labels} />,
            },
            {
              title: t('cases.merge.distance'),
              key: 'distance',
              render: (_, row) =>
                row.distanceMeters === null ? '—' : t('cases.merge.meters', { n: row.distanceMeters }),
            },
            {
              title: t('cases.openedAt'),
              key: 'opened',
              render: (_, row) => formatDateTime(row.case.openedAt, locale),
            },
          ]}
        />
        <div>
          <Typography.Text>{t('cases.note')}</Typography.Text>
          <Input.TextArea
            aria-label={t('cases.note')}
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
      </Space>
    </Modal>
  );
}
