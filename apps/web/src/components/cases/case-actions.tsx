import { AlertOutlined, FieldTimeOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useLocalName, useT } from '../../i18n/use-t';
import type { CaseLabels } from './case-labels';
import { ExtensionDecisionModal, ExtensionRequestModal, SuperviseModal } from './note-modals';
import { MergeModal } from './merge-modal';
import { StepModal } from './step-modal';
import type { CaseDetail, CaseStep } from './types';

type Dialog =
  | { kind: 'step'; step: CaseStep }
  | { kind: 'supervise' }
  | { kind: 'extension' }
  | { kind: 'decide' }
  | { kind: 'merge' }
  | null;

// Steps that finish or move work forward are the primary buttons; refusing ones are marked.
const PRIMARY = new Set(['accept', 'close', 'dispatch', 'lead_done', 'resume']);
const DANGER = new Set(['return', 'reject_return']);

export interface CaseActionsProps {
  detail: CaseDetail;
  labels: CaseLabels;
  /** Something changed (or someone else changed it first): reload the case. */
  onChanged: () => void;
}

/** The steps this user may take now (from `available`), plus 督办, 延期 and 合并. */
export function CaseActions({ detail, labels, onChanged }: CaseActionsProps) {
  const t = useT();
  const localName = useLocalName();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const done = () => {
    setDialog(null);
    onChanged();
  };
  const { actions } = detail;
  const pending = detail.meta.pendingExtension;
  const unit = labels.clockUnit(pending?.clock ?? 'handle');
  const nothing =
    detail.available.length === 0 &&
    !actions.supervise &&
    !actions.requestExtension &&
    !actions.decideExtension &&
    !actions.merge;

  return (
    <>
      <Space wrap data-testid="case-actions">
        {detail.available.map((step) => (
          <Button
            key={step.code}
            type={PRIMARY.has(step.code) ? 'primary' : 'default'}
            danger={DANGER.has(step.code)}
            onClick={() => setDialog({ kind: 'step', step })}
            data-testid={`step-${step.code}`}
          >
            {localName(step.name.zh, step.name.en)}
          </Button>
        ))}
        {actions.decideExtension && (
          <Button
            icon={<FieldTimeOutlined />}
            onClick={() => setDialog({ kind: 'decide' })}
            data-testid="action-decide"
          >
            {t('cases.extension.decide')}
          </Button>
        )}
        {actions.requestExtension && (
          <Button
            icon={<FieldTimeOutlined />}
            onClick={() => setDialog({ kind: 'extension' })}
            data-testid="action-extension"
          >
            {t('cases.extension.request')}
          </Button>
        )}
        {actions.merge && (
          <Button
            icon={<MergeCellsOutlined />}
            onClick={() => setDialog({ kind: 'merge' })}
            data-testid="action-merge"
          >
            {t('cases.merge.title')}
          </Button>
        )}
        {actions.supervise && (
          <Button
            danger
            icon={<AlertOutlined />}
            onClick={() => setDialog({ kind: 'supervise' })}
            data-testid="action-supervise"
          >
            {t('cases.supervise')}
          </Button>
        )}
        {nothing && <Typography.Text type="secondary">{t('cases.noActions')}</Typography.Text>}
      </Space>
      {dialog?.kind === 'step' && (
        <StepModal
          target={detail}
          step={dialog.step}
          labels={labels}
          onClose={close}
          onDone={done}
          onConflict={onChanged}
        />
      )}
      {dialog?.kind === 'supervise' && <SuperviseModal target={detail} onClose={close} onDone={done} />}
      {dialog?.kind === 'extension' && (
        <ExtensionRequestModal target={detail} unit={unit} onClose={close} onDone={done} />
      )}
      {dialog?.kind === 'decide' && pending && (
        <ExtensionDecisionModal
          target={detail}
          request={{
            units: pending.units,
            reason: pending.reason,
            at: pending.at,
            unit,
            byName: detail.people.find((p) => p.id === pending.by)?.displayName ?? '—',
          }}
          onClose={close}
          onDone={done}
        />
      )}
      {dialog?.kind === 'merge' && (
        <MergeModal target={detail} labels={labels} onClose={close} onDone={done} />
      )}
    </>
  );
}
