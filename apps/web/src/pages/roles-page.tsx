import { type Role, unwrap } from '@zhizhi/api-client';
import { Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../api/api';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';

/** Read-only: roles are defined by the platform and packs; this page shows what each one may do. */
export function RolesPage() {
  const t = useT();
  const localName = useLocalName();
  const roles = useLoad(() => unwrap(api.GET('/api/admin/roles')).then((body) => body.items), []);
  const permissions = useLoad(() => unwrap(api.GET('/api/admin/permissions')).then((body) => body.items), []);
  const permissionName = useMemo(
    () =>
      new Map(
        (permissions.data ?? []).map((permission) => [
          permission.code,
          localName(permission.nameZh, permission.nameEn),
        ]),
      ),
    [permissions.data, localName],
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.roles')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph>{t('roles.intro')}</Typography.Paragraph>
        <Table<Role>
          rowKey="code"
          loading={roles.loading}
          dataSource={roles.data ?? []}
          pagination={false}
          expandable={{
            expandedRowRender: (role) => (
              <Table
                size="small"
                rowKey="code"
                pagination={false}
                dataSource={role.permissions.map((code) => ({ code, name: permissionName.get(code) ?? '—' }))}
                columns={[
                  {
                    title: t('roles.permissionCode'),
                    dataIndex: 'code',
                    render: (code: string) => <span className="zz-mono">{code}</span>,
                  },
                  { title: t('roles.permissionName'), dataIndex: 'name' },
                ]}
              />
            ),
          }}
          columns={[
            {
              title: t('roles.code'),
              dataIndex: 'code',
              render: (code: string) => <span className="zz-mono">{code}</span>,
            },
            {
              title: t('roles.name'),
              key: 'name',
              render: (_: unknown, role) => localName(role.nameZh, role.nameEn),
            },
            {
              title: t('roles.builtin'),
              dataIndex: 'builtin',
              render: (builtin: boolean) =>
                builtin ? <Tag color="blue">{t('roles.builtinYes')}</Tag> : <Tag>{t('roles.builtinNo')}</Tag>,
            },
            {
              title: t('roles.permissions'),
              dataIndex: 'permissions',
              render: (codes: string[]) => (
                <Space size={[4, 4]} wrap>
                  {codes.map((code) => (
                    <Tooltip key={code} title={code}>
                      <Tag>{permissionName.get(code) ?? code}</Tag>
                    </Tooltip>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
