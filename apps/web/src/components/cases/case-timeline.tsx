import { AlertOutlined, RollbackOutlined } from '@ant-design/icons';
import { Space, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import type { CaseLabels } from './case-labels';
import { useGovernanceLookups } from './lookups';
import { PhotoThumbs } from './photos';
import { type CaseDetail, type CaseHistoryEntry, casePath, fileIds } from './types';

const COLOR: Record<string, string> = {
  supervise: 'red',
  system_note: 'gray',
  return: 'orange',
  reject_return: 'orange',
  redispatch: 'blue',
  dispatch: 'blue',
  close: 'green',
  co_done: 'green',
  merged_close: 'green',
  rate: 'green',
  extension_requested: 'purple',
  extension_approved: 'purple',
  extension_rejected: 'purple',
};

// Fields a step sets that the timeline shows (the opening data is shown above the timeline).
const SHOWN_FIELDS = ['result', 'result_photos', 'rating', 'rating_comment'];

export interface CaseTimelineProps {
  detail: CaseDetail;
  labels: CaseLabels;
}

/** The case's full trace (环环留痕): every step with who, when, why, and where it went. */
export function CaseTimeline({ detail, labels }: CaseTimelineProps) {
  const t = useT();
  const { locale } = usePreferences();
  const localName = useLocalName();
  const lookups = useGovernanceLookups();
  const departments = new Map(detail.departments.map((d) => [d.id, localName(d.name, d.nameEn)]));
  const people = new Map(detail.people.map((p) => [p.id, p.displayName]));
  const related = new Map(detail.related.map((r) => [r.id, r]));
  const departmentName = (id: string | null | undefined) =>
    id ? (departments.get(id) ?? lookups.departmentName(id)) : t('cases.noDepartment');
  const caseLink = (id: string) => (
    <Link key={id} to={casePath(id)} className="zz-mono">
      {related.get(id)?.number ?? id.slice(0, 8)}
    </Link>
  );

  const details = (entry: CaseHistoryEntry): ReactNode[] => {
    const meta = entry.meta ?? {};
    const lines: ReactNode[] = [];
    if (meta.departmentId !== undefined)
      lines.push(
        <span key="department" data-testid="timeline-department">
          {meta.departmentFrom
            ? t('cases.timeline.moved', {
                from: departmentName(meta.departmentFrom),
                to: departmentName(meta.departmentId),
              })
            : t('cases.timeline.sentTo', { to: departmentName(meta.departmentId) })}
        </span>,
      );
    if (meta.assigneeId)
      lines.push(
        <span key="assignee">
          {t('cases.timeline.assignedTo', {
            name: people.get(meta.assigneeId) ?? t('cases.timeline.someone'),
          })}
        </span>,
      );
    if (meta.limits?.handle)
      lines.push(
        <span key="limit">
          {t('cases.timeline.limit', { n: meta.limits.handle, unit: labels.clockUnit('handle') })}
        </span>,
      );
    if (meta.extension)
      lines.push(
        <span key="extension">
          {t('cases.timeline.extended', {
            n: meta.extension.units,
            unit: labels.clockUnit(meta.extension.clock),
          })}
        </span>,
      );
    if (meta.children?.length)
      lines.push(
        <span key="children">
          {t('cases.timeline.coCases')} {meta.children.map(caseLink)}
        </span>,
      );
    if (meta.mergedInto)
      lines.push(
        <span key="into">
          {t('cases.timeline.mergedInto')} {caseLink(meta.mergedInto)}
        </span>,
      );
    if (meta.merged?.length)
      lines.push(
        <span key="merged">
          {t('cases.timeline.merged')} {meta.merged.map(caseLink)}
        </span>,
      );
    if (entry.transition !== 'open')
      for (const code of SHOWN_FIELDS) {
        const value = entry.data[code];
        if (value === undefined) continue;
        lines.push(
          <div key={code}>
            <Typography.Text strong>
              {t('cases.timeline.field', { field: labels.fieldName(code) })}
            </Typography.Text>
            {code.endsWith('photos') ? (
              <PhotoThumbs ids={fileIds(value)} />
            ) : code === 'rating' ? (
              labels.optionName('rating', value)
            ) : (
              <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>
            )}
          </div>,
        );
      }
    return lines;
  };

  const items = detail.history.map((entry) => {
    const supervise = entry.transition === 'supervise';
    const isReturn = entry.transition === 'return';
    const lines = details(entry);
    return {
      key: entry.seq,
      color: COLOR[entry.transition] ?? 'gray',
      icon: supervise ? <AlertOutlined /> : isReturn ? <RollbackOutlined /> : undefined,
      content: (
        <div
          data-testid="timeline-entry"
          data-step={entry.transition}
          style={
            supervise
              ? { border: '2px solid #cf1322', borderRadius: 6, padding: '6px 10px', background: '#fff1f0' }
              : undefined
          }
        >
          <Space size={8} wrap>
            <Typography.Text strong>{labels.stepName(entry.transition)}</Typography.Text>
            {entry.fromState && entry.fromState !== entry.toState && (
              <Typography.Text type="secondary">
                {labels.stateName(entry.fromState)} → {labels.stateName(entry.toState)}
              </Typography.Text>
            )}
          </Space>
          <div>
            <Typography.Text type="secondary">
              {formatDateTime(entry.at, locale)} · {labels.actorName(entry)}
            </Typography.Text>
          </div>
          {entry.note && (
            <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }} data-testid="timeline-note">
              {isReturn ? t('cases.timeline.returnReason') : ''}
              {entry.note}
            </div>
          )}
          {lines.length > 0 && (
            <Space orientation="vertical" size={2} style={{ marginTop: 4 }}>
              {lines}
            </Space>
          )}
        </div>
      ),
    };
  });

  return <Timeline items={items} data-testid="case-timeline" />;
}
