import { type CalendarDay, unwrap } from '@zhizhi/api-client';
import { Calendar, Card, Col, Row, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useMemo, useState } from 'react';
import { api } from '../api/api';
import { CalendarDayModal } from '../components/calendar-day-modal';
import { useLoad } from '../components/use-load';
import type { Translate } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { useSession } from '../session/session';

const DAY = 'YYYY-MM-DD';

function dayTags(day: CalendarDay, t: Translate): ReactNode[] {
  const tags: ReactNode[] = [];
  if (day.kind === 'holiday')
    tags.push(
      <Tag key="k" color="red">
        {t('calendar.restShort')}
      </Tag>,
    );
  if (day.kind === 'makeup_workday')
    tags.push(
      <Tag key="k" color="orange">
        {t('calendar.workShort')}
      </Tag>,
    );
  if (day.kind === 'weekend' && !day.overridden) tags.push(<Tag key="k">{t('calendar.restShort')}</Tag>);
  if (day.overridden) {
    tags.push(
      <Tooltip key="o" title={day.note ?? undefined}>
        <Tag color="blue">{day.isWorkday ? t('calendar.overrideWork') : t('calendar.overrideRest')}</Tag>
      </Tooltip>,
    );
  }
  return tags;
}

export function CalendarPage() {
  const t = useT();
  const { can } = useSession();
  const canManage = can('calendar.manage');
  const [value, setValue] = useState<Dayjs>(() => dayjs());
  const [open, setOpen] = useState<CalendarDay | null>(null);
  const month = value.format('YYYY-MM');

  // The month grid shows parts of the neighbouring months too; fetch a range that covers any layout.
  const days = useLoad(() => {
    const start = dayjs(`${month}-01`);
    const from = start.subtract(7, 'day').format(DAY);
    const to = start.endOf('month').add(14, 'day').format(DAY);
    return unwrap(api.GET('/api/calendar/days', { params: { query: { from, to } } })).then(
      (body) => body.items,
    );
  }, [month]);

  const byDay = useMemo(() => new Map((days.data ?? []).map((day) => [day.day, day])), [days.data]);
  const special = (days.data ?? []).filter(
    (day) =>
      day.day.startsWith(month) &&
      (day.kind === 'holiday' || day.kind === 'makeup_workday' || day.overridden),
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.calendar')}
      </Typography.Title>
      <Typography.Paragraph>
        {t('calendar.intro')} {canManage ? t('calendar.introManage') : ''}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card loading={days.loading && !days.data}>
            <Calendar
              value={value}
              onChange={setValue}
              onSelect={(date, info) => {
                if (info.source !== 'date') return;
                const day = byDay.get(date.format(DAY));
                if (day) setOpen(day);
              }}
              cellRender={(date, info) => {
                if (info.type !== 'date') return info.originNode;
                const day = byDay.get(date.format(DAY));
                if (!day) return null;
                return (
                  <div>
                    {dayTags(day, t)}
                    {day.name && <div>{day.name}</div>}
                  </div>
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card title={t('calendar.monthSpecial', { month })}>
            {special.length === 0 ? (
              <Typography.Paragraph>{t('calendar.noSpecial')}</Typography.Paragraph>
            ) : (
              <ul style={{ paddingInlineStart: 20, margin: 0 }}>
                {special.map((day) => (
                  <li key={day.day} style={{ marginBottom: 8 }}>
                    <Space wrap size={4}>
                      <span className="zz-mono">{day.day}</span>
                      {dayTags(day, t)}
                      {day.name}
                      {day.note && <span>({day.note})</span>}
                    </Space>
                  </li>
                ))}
              </ul>
            )}
            <Space wrap style={{ marginTop: 16 }}>
              <Tag color="red">{t('calendar.restShort')}</Tag>
              {t('calendarKind.holiday')}
              <Tag color="orange">{t('calendar.workShort')}</Tag>
              {t('calendarKind.makeup_workday')}
              <Tag color="blue">{t('calendar.overrideShort')}</Tag>
              {t('calendar.overridden')}
            </Space>
          </Card>
        </Col>
      </Row>
      {open && (
        <CalendarDayModal
          key={open.day}
          day={open}
          canManage={canManage}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            days.reload();
          }}
        />
      )}
    </Space>
  );
}
