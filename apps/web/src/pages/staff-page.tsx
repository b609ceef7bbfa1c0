import { PlusOutlined } from '@ant-design/icons';
import { type Staff, unwrap } from '@zhizhi/api-client';
import { App, Badge, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useId, useMemo, useState } from 'react';
import { api } from '../api/api';
import { loadDivisionNames } from '../api/divisions';
import { isLocked } from '../components/format';
import { StaffFormModal } from '../components/staff-form-modal';
import { StaffPasswordModal } from '../components/staff-password-modal';
import { StaffRolesModal } from '../components/staff-roles-modal';
import { useAction } from '../components/use-action';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { useSession } from '../session/session';

const PAGE_SIZE = 20;

export function StaffPage() {
  const t = useT();
  const localName = useLocalName();
  const { modal } = App.useApp();
  const { can } = useSession();
  const canManage = can('staff.manage');
  const departmentLabel = useId();
  const [q, setQ] = useState('');
  const [departmentId, setDepartmentId] = useState<string>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const [grantsOf, setGrantsOf] = useState<Staff | null>(null);
  const [passwordOf, setPasswordOf] = useState<Staff | null>(null);
  const { run } = useAction();

  const staff = useLoad(
    () =>
      unwrap(
        api.GET('/api/admin/staff', {
          params: { query: { q: q || undefined, departmentId, page, pageSize: PAGE_SIZE } },
        }),
      ),
    [q, departmentId, page],
  );
  const roles = useLoad(() => unwrap(api.GET('/api/admin/roles')).then((body) => body.items), []);
  const canOrg = can('org.read');
  const departments = useLoad(
    async () => (canOrg ? (await unwrap(api.GET('/api/org/departments'))).items : []),
    [canOrg],
  );
  const divisions = useLoad(() => (canOrg ? loadDivisionNames() : Promise.resolve(new Map())), [canOrg]);
  const roleName = useMemo(
    () => new Map((roles.data ?? []).map((role) => [role.code, localName(role.nameZh, role.nameEn)])),
    [roles.data, localName],
  );

  const confirmThen = (title: string, action: () => Promise<unknown>, success: string) =>
    modal.confirm({
      title,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        if (await run(action, { success })) staff.reload();
      },
    });

  const unlock = (member: Staff) =>
    confirmThen(
      t('staff.unlockConfirm', { name: member.displayName }),
      () => unwrap(api.POST('/api/admin/staff/{id}/unlock', { params: { path: { id: member.id } } })),
      t('staff.unlocked'),
    );

  const toggleStatus = (member: Staff) => {
    const status = member.status === 'active' ? 'disabled' : 'active';
    confirmThen(
      t(status === 'disabled' ? 'staff.disableConfirm' : 'staff.enableConfirm', { name: member.displayName }),
      () =>
        unwrap(api.PATCH('/api/admin/staff/{id}', { params: { path: { id: member.id } }, body: { status } })),
      t('common.saved'),
    );
  };

  const closeAndReload = () => {
    setEditing(null);
    setGrantsOf(null);
    setPasswordOf(null);
    staff.reload();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.staff')}
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            aria-label={t('common.search')}
            placeholder={t('staff.searchPlaceholder')}
            allowClear
            enterButton={t('common.search')}
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
            style={{ width: 360 }}
          />
          {canOrg && (
            <>
              <span id={departmentLabel}>{t('staff.department')}</span>
              <Select
                aria-labelledby={departmentLabel}
                allowClear
                placeholder={t('common.all')}
                style={{ width: 240 }}
                showSearch={{ optionFilterProp: 'label' }}
                value={departmentId}
                onChange={(value) => {
                  setDepartmentId(value);
                  setPage(1);
                }}
                options={(departments.data ?? []).map((department) => ({
                  value: department.id,
                  label: localName(department.name, department.nameEn),
                }))}
              />
            </>
          )}
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('staff.create')}
            </Button>
          )}
        </Space>
        <Table<Staff>
          rowKey="id"
          loading={staff.loading}
          dataSource={staff.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: staff.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
            onChange: setPage,
          }}
          columns={[
            {
              title: t('staff.username'),
              dataIndex: 'username',
              render: (value: string) => <span className="zz-mono">{value}</span>,
            },
            { title: t('staff.displayName'), dataIndex: 'displayName' },
            {
              title: t('staff.department'),
              dataIndex: 'departmentName',
              render: (value: string | null) => value ?? '—',
            },
            { title: t('staff.phone'), dataIndex: 'phone', render: (value: string | null) => value ?? '—' },
            {
              title: t('staff.status'),
              key: 'status',
              render: (_: unknown, member) => (
                <Space size={4} wrap>
                  {member.status === 'active' ? (
                    <Tag color="green">{t('staffStatus.active')}</Tag>
                  ) : (
                    <Tag color="red">{t('staffStatus.disabled')}</Tag>
                  )}
                  {isLocked(member.lockedUntil) && <Badge status="error" text={t('staff.locked')} />}
                </Space>
              ),
            },
            {
              title: t('staff.roles'),
              dataIndex: 'roles',
              render: (grants: Staff['roles']) =>
                grants.length === 0
                  ? '—'
                  : grants.map((grant) => (
                      <Tag key={`${grant.roleCode}-${grant.divisionCode}-${grant.departmentId ?? ''}`}>
                        {roleName.get(grant.roleCode) ?? grant.roleCode} @{' '}
                        {grant.divisionName ??
                          divisions.data?.get(grant.divisionCode)?.name ??
                          grant.divisionCode}
                      </Tag>
                    )),
            },
            ...(canManage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, member: Staff) => (
                      <Space size={0} wrap>
                        <Button type="link" onClick={() => setEditing(member)}>
                          {t('common.edit')}
                        </Button>
                        <Button type="link" onClick={() => setGrantsOf(member)}>
                          {t('staff.setRoles')}
                        </Button>
                        <Button type="link" onClick={() => setPasswordOf(member)}>
                          {t('staff.resetPassword')}
                        </Button>
                        {isLocked(member.lockedUntil) && (
                          <Button type="link" onClick={() => unlock(member)}>
                            {t('staff.unlock')}
                          </Button>
                        )}
                        <Button
                          type="link"
                          danger={member.status === 'active'}
                          onClick={() => toggleStatus(member)}
                        >
                          {member.status === 'active' ? t('staff.disable') : t('staff.enable')}
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing && (
        <StaffFormModal
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing}
          roles={roles.data ?? []}
          departments={departments.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={closeAndReload}
        />
      )}
      {grantsOf && (
        <StaffRolesModal
          key={grantsOf.id}
          staff={grantsOf}
          roles={roles.data ?? []}
          departments={departments.data ?? []}
          onClose={() => setGrantsOf(null)}
          onSaved={closeAndReload}
        />
      )}
      {passwordOf && (
        <StaffPasswordModal
          key={passwordOf.id}
          staff={passwordOf}
          onClose={() => setPasswordOf(null)}
          onSaved={closeAndReload}
        />
      )}
    </Space>
  );
}
