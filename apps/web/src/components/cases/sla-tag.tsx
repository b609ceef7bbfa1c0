import { ClockCircleOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/api';
import { useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import { addDays, beijingDay, countdown, isWeekday, type SlaInput, type SlaTone, slaTone } from './sla';

let calendar: Promise<Map<string, boolean>> | null = null;

/** Working days around today from the server's calendar (holidays, 调休); fetched once. */
function loadCalendar(): Promise<Map<string, boolean>> {
  const today = beijingDay(Date.now());
  calendar ??= unwrap(
    api.GET('/api/calendar/days', {
      params: { query: { from: addDays(today, -7), to: addDays(today, 180) } },
    }),
  )
    .then((body) => new Map(body.items.map((day) => [day.day, day.isWorkday])))
    .catch(() => {
      calendar = null;
      return new Map<string, boolean>();
    });
  return calendar;
}

/** Whether a day is a working day: the calendar's answer, else Monday–Friday. */
export function useIsWorkday(): (day: string) => boolean {
  const [days, setDays] = useState<Map<string, boolean>>(new Map());
  useEffect(() => {
    let current = true;
    loadCalendar().then((map) => current && setDays(map));
    return () => {
      current = false;
    };
  }, []);
  return (day) => days.get(day) ?? isWeekday(day);
}

const COLOR: Record<SlaTone, string> = {
  running: 'green',
  warning: 'orange',
  overdue: 'red',
  paused: 'blue',
  closed: 'default',
  none: 'default',
};

export interface SlaTagProps extends SlaInput {
  /** Closed after the deadline. */
  late?: boolean | null;
  /** A clock that stopped (签收, 办理) rather than a case that closed: says 按期完成, not 按期办结. */
  stopped?: boolean;
}

/** The deadline as a coloured countdown: 剩 2 个工作日 / 今日到期 / 超期 1 天 / 按期办结. */
export function SlaTag({ dueAt, warnAt, closedAt, paused, late, stopped }: SlaTagProps) {
  const t = useT();
  const { locale } = usePreferences();
  const isWorkday = useIsWorkday();
  const now = Date.now();
  const tone = slaTone({ dueAt, warnAt, closedAt, paused }, now);
  let text: string;
  if (tone === 'closed')
    text = stopped
      ? t(late ? 'cases.sla.stoppedLate' : 'cases.sla.stoppedOnTime')
      : t(late ? 'cases.sla.closedLate' : 'cases.sla.closedOnTime');
  else if (tone === 'none' || !dueAt) text = t('cases.sla.none');
  else if (tone === 'paused') text = t('cases.sla.paused');
  else {
    const left = countdown(dueAt, now, isWorkday);
    text =
      left.kind === 'left_days'
        ? t('cases.sla.leftDays', { n: left.n })
        : left.kind === 'due_today'
          ? t('cases.sla.dueToday', { n: left.n })
          : left.kind === 'overdue_hours'
            ? t('cases.sla.overdueHours', { n: left.n })
            : t('cases.sla.overdueDays', { n: left.n });
  }
  const tag = (
    <Tag color={COLOR[tone]} icon={<ClockCircleOutlined />} data-testid="sla-tag" data-tone={tone}>
      {text}
    </Tag>
  );
  return dueAt && tone !== 'closed' ? (
    <Tooltip title={t('cases.sla.dueAt', { at: formatDateTime(dueAt, locale) })}>{tag}</Tooltip>
  ) : (
    tag
  );
}
