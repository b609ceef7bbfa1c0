import { unwrap } from '@zhizhi/api-client';
import { Card, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/api';
import { useCaseLabels } from '../components/cases/case-labels';
import { useCaseType, useRegionBoundary } from '../components/cases/lookups';
import { casePath, type MapEvent } from '../components/cases/types';
import { EventMap, type MapPoint } from '../components/map';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';

type Show = 'open' | 'closed' | 'all';
type Status = 'open' | 'overdue' | 'closed';

const COLOR: Record<Status, string> = { open: '#1677ff', overdue: '#cf1322', closed: '#8c8c8c' };

function statusOf(event: MapEvent, now: number): Status {
  if (event.closedAt) return 'closed';
  return event.dueAt && Date.parse(event.dueAt) < now ? 'overdue' : 'open';
}

/** 事件地图: events in my scope as points coloured open / overdue / closed; a click opens the case. */
export function CasesMapPage() {
  const t = useT();
  const navigate = useNavigate();
  const labels = useCaseLabels(useCaseType());
  const boundary = useRegionBoundary();
  const [show, setShow] = useState<Show>('open');
  const events = useLoad(
    () =>
      unwrap(
        api.GET('/api/governance/map', {
          params: { query: show === 'all' ? {} : { open: String(show === 'open') } },
        }),
      ).then((body) => body.items),
    [show],
  );
  const now = Date.now();
  const points: MapPoint[] = (events.data ?? []).map((event) => {
    const status = statusOf(event, now);
    return {
      id: event.id,
      lng: event.lng,
      lat: event.lat,
      title: `${event.number} ${event.title}`,
      status: `${labels.stateName(event.state)} · ${t(`cases.map.${status}`)}`,
      color: COLOR[status],
    };
  });
  const counts = (events.data ?? []).reduce(
    (sum, event) => {
      sum[statusOf(event, now)] += 1;
      return sum;
    },
    { open: 0, overdue: 0, closed: 0 } as Record<Status, number>,
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.eventsMap')}
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 12 }} size="large">
          <Segmented<Show>
            value={show}
            onChange={setShow}
            options={[
              { value: 'open', label: t('cases.map.showOpen') },
              { value: 'closed', label: t('cases.map.showClosed') },
              { value: 'all', label: t('common.all') },
            ]}
          />
          <Space wrap data-testid="map-legend">
            {(Object.keys(COLOR) as Status[]).map((status) => (
              <span key={status} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
                <span
                  aria-hidden
                  style={{ width: 12, height: 12, borderRadius: '50%', background: COLOR[status] }}
                />
                {t(`cases.map.${status}`)} {counts[status]}
              </span>
            ))}
          </Space>
          <Typography.Text type="secondary">{t('cases.map.hint')}</Typography.Text>
        </Space>
        <EventMap
          points={points}
          boundary={boundary}
          height={620}
          onPointClick={(id) => navigate(casePath(id))}
        />
      </Card>
    </Space>
  );
}
