import { unwrap } from '@zhizhi/api-client';
import { Button } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { useSession } from '../../session/session';
import { useAction } from '../use-action';
import { Panel } from './panel';
import { ago, formatValue, type Warning } from './types';

export type WarningTab = 'open' | 'dispatched';

export interface WarningLists {
  /** The scope key the lists are for. */
  scope: string;
  open: Warning[];
  dispatched: Warning[];
}

/**
 * Both lists at once, so a dispatched warning moves from one to the other in a single refresh.
 * `scope` is the screen's scope key: a town shows its own warnings, the district all of them.
 */
export async function loadWarnings(scope: string): Promise<WarningLists> {
  const [open, dispatched] = await Promise.all([
    unwrap(api.GET('/api/cockpit/warnings', { params: { query: { status: 'open', scope } } })),
    unwrap(api.GET('/api/cockpit/warnings', { params: { query: { status: 'dispatched', scope } } })),
  ]);
  return { scope, open: open.items, dispatched: dispatched.items };
}

export interface WarningsPanelProps {
  lists: WarningLists | undefined;
  now: number;
  /** The lists are for another scope than the one on screen (they are reloading). */
  stale?: boolean;
  /** Reloads the lists (and the overview's counts) after a dispatch. */
  onChanged: () => void;
}

/** 预警督办: warnings below their line or behind their trajectory, dispatched as 督办 tasks in one click. */
export function WarningsPanel({ lists, now, stale, onChanged }: WarningsPanelProps) {
  const t = useT();
  const localName = useLocalName();
  const { locale } = usePreferences();
  const { can } = useSession();
  const { run } = useAction();
  const [tab, setTab] = useState<WarningTab>('open');
  const [busy, setBusy] = useState<string | null>(null);
  // A dispatched warning leaves "open" before the next refresh shows it under "dispatched".
  const [moved, setMoved] = useState<Set<string>>(new Set());
  const mayDispatch = can('cockpit.dispatch');
  const open = (lists?.open ?? []).filter((w) => !moved.has(w.id));
  const dispatched = lists?.dispatched ?? [];
  const shown = tab === 'open' ? open : dispatched;

  const dispatch = async (warning: Warning) => {
    setBusy(warning.id);
    const ok = await run(
      () =>
        unwrap(
          api.POST('/api/cockpit/warnings/{id}/dispatch', { params: { path: { id: warning.id } }, body: {} }),
        ),
      {
        success: t('cockpitScreen.warnings.dispatched', {
          department: warning.ownerDepartment
            ? localName(warning.ownerDepartment, warning.ownerDepartmentEn)
            : t('cockpitScreen.warnings.noOwner'),
        }),
      },
    );
    setBusy(null);
    if (ok) {
      setMoved((previous) => new Set(previous).add(warning.id));
      setTab('dispatched');
    }
    onChanged();
  };

  const tabButton = (key: WarningTab, count: number) => (
    <button
      type="button"
      className="cs-chip"
      aria-pressed={tab === key}
      data-testid={`cockpit-warnings-tab-${key}`}
      onClick={() => setTab(key)}
    >
      {t(`cockpitScreen.warnings.tab.${key}`)}
      <span className="cs-num">{count}</span>
    </button>
  );

  return (
    <Panel
      id="warnings"
      title={t('cockpitScreen.panel.warnings')}
      stale={stale}
      extra={
        <>
          {tabButton('open', open.length)}
          {tabButton('dispatched', dispatched.length)}
        </>
      }
    >
      {lists && shown.length === 0 && (
        <div className="cs-empty">{t(`cockpitScreen.warnings.empty.${tab}`)}</div>
      )}
      <ul className="cs-list" data-testid={`cockpit-warnings-${tab}`}>
        {shown.map((warning) => {
          const name = localName(warning.nameZh, warning.nameEn);
          return (
            <li
              key={warning.id}
              data-testid="cockpit-warning"
              data-code={warning.code}
              data-scope={warning.scope}
            >
              <div className="cs-list-main">
                <span className="cs-ellipsis" title={name} style={{ color: '#ffffff' }}>
                  {name}
                </span>
                <span className="cs-ellipsis cs-muted" style={{ fontSize: '0.88em' }}>
                  {localName(warning.scopeName, warning.scopeNameEn)} ·{' '}
                  {t(`cockpitScreen.warnings.kind.${warning.kind}`)} ·{' '}
                  <span className="cs-num" style={{ color: '#ff7070' }}>
                    {formatValue(warning.value, warning.unit, locale)}
                  </span>{' '}
                  / {formatValue(warning.threshold, warning.unit, locale)}
                  {warning.ownerDepartment
                    ? ` · ${localName(warning.ownerDepartment, warning.ownerDepartmentEn)}`
                    : ''}
                </span>
              </div>
              <time className="cs-muted" dateTime={warning.raisedAt} style={{ whiteSpace: 'nowrap' }}>
                {ago(warning.raisedAt, now, t)}
              </time>
              {tab === 'open' && mayDispatch && (
                <Button
                  type="primary"
                  danger
                  size="small"
                  loading={busy === warning.id}
                  disabled={busy !== null && busy !== warning.id}
                  data-testid="cockpit-warning-dispatch"
                  aria-label={t('cockpitScreen.warnings.dispatchFor', { name })}
                  onClick={() => void dispatch(warning)}
                >
                  {t('cockpitScreen.warnings.dispatch')}
                </Button>
              )}
              {tab === 'dispatched' && warning.taskId && (
                <Link
                  to={`/supervision/${warning.taskId}`}
                  data-testid="cockpit-warning-task"
                  style={{ color: '#5fd3ff', whiteSpace: 'nowrap' }}
                >
                  {t('cockpitScreen.warnings.task')}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
