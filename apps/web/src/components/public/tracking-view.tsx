import { Card, Descriptions, type DescriptionsProps, Space, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/translate';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import type { EventTracking } from './report-api';

const STATE_COLORS: Record<string, string> = {
  reported: 'gold',
  dispatched: 'orange',
  handling: 'processing',
  awaiting_info: 'warning',
  awaiting_co: 'processing',
  returned: 'orange',
  merged: 'default',
  closed: 'success',
  rated: 'success',
};

/** 待签收, 处置中, 已办结…: the event's state as the server names it. */
export function EventStateTag({ state, name }: { state: string; name: string }) {
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'} data-testid="tracking-state" data-state={state}>
      {name}
    </Tag>
  );
}

/** What a citizen sees of their event: state, who handles it, by when, the result and each step. */
export function TrackingView({ tracking, children }: { tracking: EventTracking; children?: ReactNode }) {
  const t = useT();
  const localName = useLocalName();
  const { locale } = usePreferences();
  const when = (value: string | null) => formatDateTime(value, locale);
  const closed = tracking.closedAt !== null;
  const items: DescriptionsProps['items'] = [
    {
      key: 'category',
      label: t('public.track.category'),
      children: localName(tracking.category.nameZh, tracking.category.nameEn),
    },
    {
      key: 'department',
      label: t('public.track.department'),
      children: (
        <span data-testid="tracking-department">
          {tracking.department
            ? localName(tracking.department.name, tracking.department.nameEn)
            : t('public.track.departmentNone')}
        </span>
      ),
    },
    ...(tracking.address
      ? [{ key: 'address', label: t('public.track.address'), children: tracking.address }]
      : []),
    { key: 'opened', label: t('public.track.openedAt'), children: when(tracking.openedAt) },
    ...(!closed && tracking.dueAt
      ? [{ key: 'due', label: t('public.track.dueAt'), children: when(tracking.dueAt) }]
      : []),
    ...(closed
      ? [{ key: 'closed', label: t('public.track.closedAt'), children: when(tracking.closedAt) }]
      : []),
    ...(tracking.result
      ? [
          {
            key: 'result',
            label: t('public.track.result'),
            children: (
              <Space orientation="vertical" size={0}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{tracking.result}</span>
                {tracking.resultPhotos > 0 && (
                  <Typography.Text type="secondary">
                    {t('public.track.resultPhotos', { count: tracking.resultPhotos })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]
      : []),
    ...(tracking.rating
      ? [
          {
            key: 'rating',
            label: t('public.track.rating'),
            children: (
              <Tag color="blue" data-testid="tracking-rating" data-rating={tracking.rating}>
                {t(`public.rating.${tracking.rating}` as MessageKey)}
              </Tag>
            ),
          },
        ]
      : []),
  ];

  const last = tracking.timeline.length - 1;
  return (
    <Card
      data-testid="tracking-card"
      title={
        <Space wrap>
          <span className="zz-mono">{tracking.number}</span>
          <EventStateTag
            state={tracking.state}
            name={localName(tracking.stateName.zh, tracking.stateName.en)}
          />
        </Space>
      }
    >
      <Descriptions column={1} size="small" items={items} />
      <Typography.Title level={5}>{t('public.track.timeline')}</Typography.Title>
      <Timeline
        data-testid="tracking-timeline"
        items={tracking.timeline.map((step, index) => ({
          key: `${step.at}-${step.step}`,
          color: index === last ? (closed ? 'green' : 'blue') : 'gray',
          content: (
            <>
              <div>{localName(step.stepName.zh, step.stepName.en)}</div>
              <Typography.Text type="secondary">{when(step.at)}</Typography.Text>
            </>
          ),
        }))}
      />
      {children}
    </Card>
  );
}
