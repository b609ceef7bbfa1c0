import { PlusOutlined } from '@ant-design/icons';
import { type Department, unwrap } from '@zhizhi/api-client';
import { Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../api/api';
import { loadDivisionNames } from '../api/divisions';
import { DepartmentFormModal } from '../components/department-form-modal';
import { useLoad } from '../components/use-load';
import { useEnumLabel, useLocalName, useT } from '../i18n/use-t';
import { useSession } from '../session/session';

export function DepartmentsPage() {
  const t = useT();
  const enumLabel = useEnumLabel();
  const localName = useLocalName();
  const { can } = useSession();
  const canManage = can('org.manage');
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const departments = useLoad(() => unwrap(api.GET('/api/org/departments')).then((body) => body.items), []);
  const divisions = useLoad(() => loadDivisionNames(), []);

  const items = departments.data ?? [];
  const byId = useMemo(() => new Map(items.map((department) => [department.id, department])), [items]);
  const needle = search.trim().toLowerCase();
  const rows = needle
    ? items.filter((department) =>
        [department.code, department.name, department.nameEn].some((text) =>
          text.toLowerCase().includes(needle),
        ),
      )
    : items;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.departments')}
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            aria-label={t('common.search')}
            placeholder={t('departments.searchPlaceholder')}
            allowClear
            onSearch={setSearch}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 320 }}
          />
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('departments.create')}
            </Button>
          )}
        </Space>
        <Table<Department>
          rowKey="id"
          loading={departments.loading}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('departments.code'),
              dataIndex: 'code',
              render: (code: string) => <span className="zz-mono">{code}</span>,
            },
            { title: t('departments.name'), dataIndex: 'name' },
            { title: t('departments.nameEn'), dataIndex: 'nameEn' },
            {
              title: t('departments.division'),
              dataIndex: 'divisionCode',
              render: (code: string) => divisions.data?.get(code)?.name ?? code,
            },
            {
              title: t('departments.parent'),
              dataIndex: 'parentId',
              render: (id: string | null) => {
                const parent = id ? byId.get(id) : undefined;
                return parent ? localName(parent.name, parent.nameEn) : '—';
              },
            },
            {
              title: t('departments.kind'),
              dataIndex: 'kind',
              render: (kind: string) => enumLabel('departmentKind', kind),
            },
            {
              title: t('departments.active'),
              dataIndex: 'active',
              render: (active: boolean) =>
                active ? (
                  <Tag color="green">{t('departments.activeYes')}</Tag>
                ) : (
                  <Tag>{t('departments.activeNo')}</Tag>
                ),
            },
            ...(canManage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, department: Department) => (
                      <Button type="link" onClick={() => setEditing(department)}>
                        {t('common.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing && (
        <DepartmentFormModal
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing}
          departments={items}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            departments.reload();
          }}
        />
      )}
    </Space>
  );
}
