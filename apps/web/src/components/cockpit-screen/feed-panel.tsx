import {
  AlertOutlined,
  BellOutlined,
  FileDoneOutlined,
  SafetyCertificateOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import { MaybeLink, Panel } from './panel';
import { ago, type FeedItem } from './types';

const KIND: Record<FeedItem['kind'], { icon: ReactNode; colour: string }> = {
  event: { icon: <AlertOutlined />, colour: '#ffb020' },
  application: { icon: <FileDoneOutlined />, colour: '#5fd3ff' },
  alarm: { icon: <BellOutlined />, colour: '#ff5c5c' },
  inspection: { icon: <SafetyCertificateOutlined />, colour: '#c084fc' },
  warning: { icon: <WarningOutlined />, colour: '#ffd76a' },
};

export interface FeedPanelProps {
  items: readonly FeedItem[] | undefined;
  now: number;
}

/** 实时动态: the newest events, applications, alarms, inspections and warnings, newest first. */
export function FeedPanel({ items, now }: FeedPanelProps) {
  const t = useT();
  return (
    <Panel id="feed" title={t('cockpitScreen.panel.feed')}>
      {items && items.length === 0 && <div className="cs-empty">{t('cockpitScreen.feed.empty')}</div>}
      <ul className="cs-list">
        {(items ?? []).map((item) => {
          const kind = KIND[item.kind];
          const kindLabel = t(`cockpitScreen.kind.${item.kind}`);
          return (
            <li key={`${item.kind}-${item.id}`} data-testid="cockpit-feed-item" data-kind={item.kind}>
              <span className="cs-kind" style={{ background: kind.colour }} role="img" aria-label={kindLabel}>
                {kind.icon}
              </span>
              <MaybeLink className="cs-list-main" href={item.href}>
                <span className="cs-ellipsis" title={item.title}>
                  {item.title || kindLabel}
                </span>
                <span className="cs-ellipsis cs-muted" style={{ fontSize: '0.88em' }}>
                  {kindLabel}
                  {item.divisionName ? ` · ${item.divisionName}` : ''}
                </span>
              </MaybeLink>
              <time className="cs-muted" dateTime={item.at} style={{ whiteSpace: 'nowrap' }}>
                {ago(item.at, now, t)}
              </time>
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
