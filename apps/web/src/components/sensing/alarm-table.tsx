import { unwrap } from '@zhizhi/api-client';
import { App, Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/api';
import { useEnumLabel, useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { useSession } from '../../session/session';
import { formatDateTime } from '../format';
import { useAction } from '../use-action';
import { SeverityTag } from './sensing-tags';
import type { SensingAlarm } from './types';

export interface AlarmTableProps {
  alarms: readonly SensingAlarm[];
  loading?: boolean;
  /** Called after an acknowledge or clear, to reload. */
  onChanged: () => void;
  /** Hide the station column (on a station's own page). */
  hideStation?: boolean;
}

/** Alarms with colour, station, type, times, state, case link and (for handlers) 确认 / 清除. */
export function AlarmTable({ alarms, loading, onChanged, hideStation }: AlarmTableProps) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const localName = useLocalName();
  const { locale, elderMode } = usePreferences();
  const { can } = useSession();
  const { message } = App.useApp();
  const { pending, run } = useAction();
  const canHandle = can('sensing.alarm.handle');
  const [clearing, setClearing] = useState<SensingAlarm | null>(null);
  const [note, setNote] = useState('');

  const acknowledge = (alarm: SensingAlarm) =>
    run(
      () => unwrap(api.POST('/api/sensing/alarms/{id}/acknowledge', { params: { path: { id: alarm.id } } })),
      { success: t('sensing.alarm.acknowledgedDone') },
    ).then((ok) => ok && onChanged());

  const clear = async () => {
    if (!clearing) return;
    const body = note.trim() ? { note: note.trim() } : {};
    const ok = await run(() =>
      unwrap(api.POST('/api/sensing/alarms/{id}/clear', { params: { path: { id: clearing.id } }, body })),
    );
    if (!ok) return;
    void message.success(t('sensing.alarm.clearedDone'));
    setClearing(null);
    setNote('');
    onChanged();
  };

  return (
    <>
      <Table<SensingAlarm>
        rowKey="id"
        size={elderMode ? 'middle' : 'small'}
        data-testid="sensing-alarm-table"
        loading={loading}
        dataSource={[...alarms]}
        scroll={{ x: 'max-content' }}
        pagination={alarms.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('sensing.alarm.empty') }}
        onRow={(alarm) => ({ 'data-alarm-id': alarm.id, 'data-alarm-type': alarm.type }) as object}
        columns={[
          {
            key: 'severity',
            title: t('sensing.alarm.severity'),
            render: (_, alarm) => <SeverityTag severity={alarm.severity} />,
          },
          ...(hideStation
            ? []
            : [
                {
                  key: 'station',
                  title: t('sensing.alarm.station'),
                  render: (_: unknown, alarm: SensingAlarm) => (
                    <Link to={`/sensing/stations/${alarm.stationCode}`}>
                      {localName(alarm.stationName, alarm.stationNameEn)}
                    </Link>
                  ),
                },
              ]),
          {
            key: 'type',
            title: t('sensing.alarm.type'),
            render: (_, alarm) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{enumLabel('sensing.alarmType', alarm.type)}</Typography.Text>
                {typeof alarm.details.message === 'string' && (
                  <Typography.Text type="secondary">{alarm.details.message}</Typography.Text>
                )}
              </Space>
            ),
          },
          {
            key: 'start',
            title: t('sensing.alarm.start'),
            render: (_, alarm) => formatDateTime(alarm.startTs, locale),
          },
          {
            key: 'last',
            title: t('sensing.alarm.lastSeen'),
            render: (_, alarm) => formatDateTime(alarm.endTs, locale),
          },
          {
            key: 'status',
            title: t('sensing.alarm.status'),
            render: (_, alarm) => (
              <Space
                size={4}
                wrap
                data-testid="sensing-alarm-status"
                data-value={`${alarm.status}:${alarm.acknowledged}`}
              >
                <Tag color={alarm.status === 'active' ? 'error' : 'default'}>
                  {t(alarm.status === 'active' ? 'sensing.alarm.active' : 'sensing.alarm.cleared')}
                </Tag>
                <Tag color={alarm.acknowledged ? 'success' : 'warning'}>
                  {t(alarm.acknowledged ? 'sensing.alarm.acknowledged' : 'sensing.alarm.unacknowledged')}
                </Tag>
              </Space>
            ),
          },
          {
            key: 'case',
            title: t('sensing.alarm.case'),
            render: (_, alarm) =>
              alarm.caseId && alarm.caseNumber ? (
                <Link to={`/cases/${alarm.caseId}`} data-testid="sensing-alarm-case">
                  {alarm.caseNumber}
                </Link>
              ) : (
                '—'
              ),
          },
          ...(canHandle
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, alarm: SensingAlarm) => (
                    <Space wrap>
                      {!alarm.acknowledged && (
                        <Button
                          size={elderMode ? 'middle' : 'small'}
                          type="primary"
                          loading={pending}
                          data-testid="sensing-alarm-ack"
                          onClick={() => void acknowledge(alarm)}
                        >
                          {t('sensing.alarm.acknowledge')}
                        </Button>
                      )}
                      {alarm.status === 'active' && (
                        <Button
                          size={elderMode ? 'middle' : 'small'}
                          data-testid="sensing-alarm-clear"
                          onClick={() => setClearing(alarm)}
                        >
                          {t('sensing.alarm.clear')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={clearing !== null}
        title={t('sensing.alarm.clearTitle')}
        okText={t('sensing.alarm.clear')}
        cancelText={t('common.cancel')}
        confirmLoading={pending}
        onOk={() => void clear()}
        onCancel={() => setClearing(null)}
        okButtonProps={{ danger: true }}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('sensing.alarm.clearHint')}</Typography.Paragraph>
        <label htmlFor="sensing-clear-note">{t('sensing.alarm.clearNote')}</label>
        <Input.TextArea
          id="sensing-clear-note"
          value={note}
          maxLength={500}
          rows={3}
          onChange={(event) => setNote(event.target.value)}
        />
      </Modal>
    </>
  );
}
