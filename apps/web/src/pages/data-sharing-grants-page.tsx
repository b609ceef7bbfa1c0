import { unwrap } from '@zhizhi/api-client';
import { Card, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/api';
import { GrantDetailDrawer } from '../components/data/sharing/grant-detail-drawer';
import { GrantStatusTag } from '../components/data/sharing/share-tags';
import type { ShareGrant } from '../components/data/sharing/types';
import { useDepartmentNames } from '../components/data/sharing/use-department-names';
import { formatDateTime } from '../components/format';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

type Box = 'consumer' | 'provider';

/** 共享授权与密钥: grants my department holds (keys) and grants it gave (revocation). */
export function DataSharingGrantsPage() {
  const t = useT();
  const { locale } = usePreferences();
  const departmentName = useDepartmentNames();
  const [box, setBox] = useState<Box>('consumer');
  const [openId, setOpenId] = useState<string | null>(null);
  const grants = useLoad(
    () => unwrap(api.GET('/api/data/share/grants', { params: { query: { box } } })).then((b) => b.items),
    [box],
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('share.grants.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('share.grants.intro')}</Typography.Paragraph>
      <Card>
        <Tabs
          activeKey={box}
          onChange={(key) => setBox(key as Box)}
          items={[
            { key: 'consumer', label: t('share.grants.asConsumer') },
            { key: 'provider', label: t('share.grants.asProvider') },
          ]}
        />
        <Table<ShareGrant>
          rowKey="id"
          loading={grants.loading}
          dataSource={grants.data ?? []}
          data-testid="share-grants"
          locale={{ emptyText: t('share.grants.empty') }}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('share.col.resource'),
              dataIndex: 'resourceName',
              render: (v: string | undefined, row) => (
                <Typography.Link data-testid="share-grant-resource">
                  {v ?? row.resourceCode} <span className="zz-mono">{row.resourceCode}</span>
                </Typography.Link>
              ),
            },
            {
              title: box === 'consumer' ? t('share.col.provider') : t('share.col.consumer'),
              render: (_: unknown, row) =>
                departmentName(box === 'consumer' ? row.providerDepartmentId : row.consumerDepartmentId),
            },
            {
              title: t('share.col.items'),
              render: (_: unknown, row) => row.items.map((i) => i.name).join('、'),
            },
            {
              title: t('share.grant.status'),
              dataIndex: 'effectiveStatus',
              render: (v: ShareGrant['effectiveStatus']) => <GrantStatusTag value={v} />,
            },
            {
              title: t('share.grant.expiresAt'),
              dataIndex: 'expiresAt',
              render: (v: string) => formatDateTime(v, locale),
            },
            {
              title: t('share.grant.key'),
              render: (_: unknown, row) => (row.hasKey ? `…${row.keyHint}` : t('share.grant.noKey')),
            },
          ]}
        />
      </Card>
      {openId && (
        <GrantDetailDrawer
          key={openId}
          grantId={openId}
          departmentName={departmentName}
          onClose={() => setOpenId(null)}
          onChanged={() => grants.reload()}
        />
      )}
    </Space>
  );
}
