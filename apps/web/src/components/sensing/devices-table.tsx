import { SyncOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/api';
import { useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import { useAction } from '../use-action';
import type { SensingDevice } from './types';

export interface DevicesTableProps {
  devices: readonly SensingDevice[];
  /** Shows tokens with copy and rotate (the station detail only carries tokens for managers). */
  canManage: boolean;
}

/** A station's devices: online state, last report, rejected payloads; tokens for those who manage. */
export function DevicesTable({ devices, canManage }: DevicesTableProps) {
  const t = useT();
  const { locale, elderMode } = usePreferences();
  const { pending, run } = useAction();
  // Rotated tokens replace the loaded ones without reloading the page.
  const [tokens, setTokens] = useState<Record<string, string>>({});

  const rotate = (device: SensingDevice) =>
    run(
      async () => {
        const result = await unwrap(
          api.POST('/api/sensing/devices/{id}/token', { params: { path: { id: device.id } } }),
        );
        setTokens((current) => ({ ...current, [device.id]: result.token }));
      },
      { success: t('sensing.device.rotated') },
    );

  return (
    <Table<SensingDevice>
      rowKey="id"
      size={elderMode ? 'middle' : 'small'}
      data-testid="sensing-devices"
      dataSource={[...devices]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'code',
          title: t('sensing.device.code'),
          render: (_, d) => <span className="zz-mono">{d.code}</span>,
        },
        { key: 'name', title: t('sensing.device.name'), dataIndex: 'name' },
        {
          key: 'protocol',
          title: t('sensing.device.protocol'),
          render: (_, d) => (d.protocolAddress ? `${d.protocol} · ${d.protocolAddress}` : d.protocol),
        },
        {
          key: 'online',
          title: t('sensing.device.online'),
          render: (_, d) => (
            <Tag color={d.online ? 'success' : 'default'}>
              {t(d.online ? 'sensing.device.online' : 'sensing.device.offline')}
            </Tag>
          ),
        },
        {
          key: 'lastSeen',
          title: t('sensing.device.lastSeen'),
          render: (_, d) => formatDateTime(d.lastSeenAt, locale),
        },
        { key: 'rejected', title: t('sensing.device.rejected'), dataIndex: 'rejectedCount', align: 'right' },
        {
          key: 'lastReject',
          title: t('sensing.device.lastReject'),
          render: (_, d) =>
            d.lastRejectReason ? (
              <Typography.Text type="danger">
                {d.lastRejectReason}
                {d.lastRejectAt ? ` (${formatDateTime(d.lastRejectAt, locale)})` : ''}
              </Typography.Text>
            ) : (
              '—'
            ),
        },
        ...(canManage
          ? [
              {
                key: 'token',
                title: t('sensing.device.token'),
                render: (_: unknown, d: SensingDevice) => {
                  const token = tokens[d.id] ?? d.token;
                  return (
                    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
                      {token && (
                        <Typography.Text
                          className="zz-mono"
                          copyable={{ text: token }}
                          data-testid="sensing-device-token"
                        >
                          {token}
                        </Typography.Text>
                      )}
                      <Popconfirm
                        title={t('sensing.device.rotateConfirm')}
                        okText={t('common.confirm')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => void rotate(d)}
                      >
                        <Button size="small" icon={<SyncOutlined />} loading={pending}>
                          {t('sensing.device.rotate')}
                        </Button>
                      </Popconfirm>
                    </span>
                  );
                },
              },
            ]
          : []),
      ]}
    />
  );
}
