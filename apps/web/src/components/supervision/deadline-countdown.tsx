import { ClockCircleOutlined } from '@ant-design/icons';
import { Space, Tag } from 'antd';
import { useT } from '../../i18n/use-t';

const DAY_MS = 86_400_000;

/** Today in Beijing, whatever the viewer's machine says. */
function beijingToday(now = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Whole days from today (Beijing) to the deadline day: 0 = due today, negative = overdue. */
export function daysLeft(deadline: string, now = Date.now()): number {
  return Math.round((Date.parse(deadline) - Date.parse(beijingToday(now))) / DAY_MS);
}

/** The deadline with a countdown: 剩余 3 天 / 今日到期 / 逾期 2 天 (none once the task is closed). */
export function DeadlineCountdown({ deadline, closed }: { deadline: string; closed: boolean }) {
  const t = useT();
  const days = daysLeft(deadline);
  const [color, text] =
    days < 0
      ? ['red', t('supervision.countdown.overdue', { days: -days })]
      : days === 0
        ? ['orange', t('supervision.countdown.today')]
        : [days <= 2 ? 'orange' : 'default', t('supervision.countdown.days', { days })];
  return (
    <Space size={4} wrap>
      <span className="zz-mono">{deadline}</span>
      {!closed && (
        <Tag color={color} icon={<ClockCircleOutlined />} data-testid="deadline-countdown">
          {text}
        </Tag>
      )}
    </Space>
  );
}
