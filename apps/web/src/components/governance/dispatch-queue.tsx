import { Button, Space, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import type { CaseLabels } from '../cases/case-labels';
import { type CaseColumn, CaseTable } from '../cases/case-table';
import type { GovernanceLookups } from '../cases/lookups';
import { ExtensionDecisionModal, SuperviseModal } from '../cases/note-modals';
import { StepModal } from '../cases/step-modal';
import type { CaseDetail, CaseItem, CaseStep } from '../cases/types';
import { useCaseDetails } from '../cases/use-case-details';
import type { CaseList } from '../cases/use-case-list';
import { formatDateTime } from '../format';

/** The dispatcher's queues: 待分拨, 退单争议, 延期待审批, 超期. */
export type QueueKind = 'reported' | 'returned' | 'extensions' | 'overdue';

type Dialog =
  | { kind: 'step'; detail: CaseDetail; step: CaseStep }
  | { kind: 'decide'; detail: CaseDetail }
  | { kind: 'supervise'; detail: CaseDetail }
  | null;

// Which of a case's available steps each queue offers as row buttons.
const QUEUE_STEPS: Record<QueueKind, string[]> = {
  reported: ['dispatch'],
  returned: ['redispatch', 'reject_return'],
  extensions: [],
  overdue: [],
};

// Columns a queue can do without, to leave room for its own (the reason, the request).
const HIDDEN: Record<QueueKind, CaseColumn[]> = {
  reported: ['department', 'sla'],
  returned: ['state', 'category', 'town', 'opened', 'sla'],
  extensions: ['state', 'town', 'opened'],
  overdue: ['opened'],
};

export interface DispatchQueueProps {
  kind: QueueKind;
  list: CaseList;
  labels: CaseLabels;
  lookups: GovernanceLookups;
  /** A step was taken: every queue and the indicators reload. */
  onChanged: () => void;
}

/** The latest return (退单) of a case: who sent it back, when, and why. */
function lastReturn(detail: CaseDetail | undefined) {
  return detail?.history.filter((h) => h.transition === 'return').at(-1);
}

export function DispatchQueue({ kind, list, labels, lookups, onChanged }: DispatchQueueProps) {
  const t = useT();
  const { locale } = usePreferences();
  const localName = useLocalName();
  const details = useCaseDetails(list.items);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const done = () => {
    setDialog(null);
    onChanged();
  };

  const reasonColumns: TableColumnsType<CaseItem> = [
    {
      title: t('governance.dispatch.returnReason'),
      key: 'reason',
      width: 320,
      render: (_, item) => {
        const entry = lastReturn(details.get(item.id));
        if (!entry) return '—';
        return (
          <Space orientation="vertical" size={0} data-testid="return-reason">
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{entry.note}</Typography.Text>
            <Typography.Text type="secondary">
              {labels.actorName(entry)} · {formatDateTime(entry.at, locale)}
            </Typography.Text>
          </Space>
        );
      },
    },
  ];
  const extensionColumns: TableColumnsType<CaseItem> = [
    {
      title: t('governance.dispatch.extensionAsked'),
      key: 'extension',
      width: 280,
      render: (_, item) => {
        const pending = item.meta.pendingExtension;
        if (!pending) return '—';
        return (
          <Space orientation="vertical" size={0}>
            <Typography.Text strong>
              {pending.units} {labels.clockUnit(pending.clock)}
            </Typography.Text>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{pending.reason}</Typography.Text>
          </Space>
        );
      },
    },
  ];
  const actionColumn: TableColumnsType<CaseItem>[number] = {
    title: t('common.actions'),
    key: 'actions',
    fixed: 'right',
    render: (_, item) => {
      const detail = details.get(item.id);
      if (!detail) return null;
      const steps = detail.available.filter((s) => QUEUE_STEPS[kind].includes(s.code));
      return (
        <Space wrap size={4}>
          {steps.map((step) => (
            <Button
              key={step.code}
              size="small"
              type={step.code === 'reject_return' ? 'default' : 'primary'}
              onClick={() => setDialog({ kind: 'step', detail, step })}
              data-testid={`queue-${step.code}`}
            >
              {localName(step.name.zh, step.name.en)}
            </Button>
          ))}
          {kind === 'extensions' && detail.actions.decideExtension && (
            <Button size="small" type="primary" onClick={() => setDialog({ kind: 'decide', detail })}>
              {t('cases.extension.decide')}
            </Button>
          )}
          {kind === 'overdue' && detail.actions.supervise && (
            <Button size="small" danger onClick={() => setDialog({ kind: 'supervise', detail })}>
              {t('cases.supervise')}
            </Button>
          )}
        </Space>
      );
    },
  };

  const pending = dialog?.kind === 'decide' ? dialog.detail.meta.pendingExtension : undefined;
  return (
    <>
      <CaseTable
        items={list.items}
        loading={list.loading}
        labels={labels}
        lookups={lookups}
        testId={`queue-${kind}`}
        hide={HIDDEN[kind]}
        extraColumns={[
          ...(kind === 'returned' ? reasonColumns : []),
          ...(kind === 'extensions' ? extensionColumns : []),
          actionColumn,
        ]}
      />
      {list.hasMore && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={list.loadMore} loading={list.loading}>
            {t('cases.loadMore')}
          </Button>
        </div>
      )}
      {dialog?.kind === 'step' && (
        <StepModal
          target={dialog.detail}
          step={dialog.step}
          labels={labels}
          onClose={close}
          onDone={done}
          onConflict={onChanged}
        />
      )}
      {dialog?.kind === 'supervise' && (
        <SuperviseModal target={dialog.detail} onClose={close} onDone={done} />
      )}
      {dialog?.kind === 'decide' && pending && (
        <ExtensionDecisionModal
          target={dialog.detail}
          request={{
            units: pending.units,
            reason: pending.reason,
            at: pending.at,
            unit: labels.clockUnit(pending.clock),
            byName: dialog.detail.people.find((p) => p.id === pending.by)?.displayName ?? '—',
          }}
          onClose={close}
          onDone={done}
        />
      )}
    </>
  );
}
