import { ApiOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { App, Button, Card, Select, Space, Table, Typography } from 'antd';
import { useCallback, useId, useMemo, useState } from 'react';
import { api } from '../api/api';
import { OpeningTag, SharingTag } from '../components/data/data-tags';
import { ResourceDrawer } from '../components/data/resource-drawer';
import { ResourceFormModal } from '../components/data/resource-form-modal';
import type { DataResource } from '../components/data/types';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { useSession } from '../session/session';

/** 数据资源目录: the catalogued resources, filterable by provider, with registration for data managers. */
export function DataCatalogPage() {
  const t = useT();
  const localName = useLocalName();
  const { modal } = App.useApp();
  const { can } = useSession();
  const canManage = can('data.catalog.manage');
  const canOrg = can('org.read');
  const providerLabel = useId();
  const [providerDepartmentId, setProviderDepartmentId] = useState<string>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);

  const resources = useLoad(
    () =>
      unwrap(
        api.GET('/api/data/resources', { params: { query: { providerDepartmentId, limit: 1000 } } }),
      ).then((body) => body.items),
    [providerDepartmentId],
  );
  const departments = useLoad(
    async () => (canOrg ? (await unwrap(api.GET('/api/org/departments'))).items : []),
    [canOrg],
  );
  const departmentOptions = useMemo(
    () =>
      (departments.data ?? []).map((department) => ({
        value: department.id,
        label: localName(department.name, department.nameEn),
      })),
    [departments.data, localName],
  );
  const departmentName = useCallback(
    (id: string) => departmentOptions.find((option) => option.value === id)?.label ?? id,
    [departmentOptions],
  );

  const registered = ({ id, code }: { id: string; code: string }) => {
    setRegistering(false);
    resources.reload();
    modal.success({
      title: t('data.catalog.registered'),
      content: <span data-testid="data-registered-code">{t('data.catalog.registeredCode', { code })}</span>,
      okText: t('common.close'),
      onOk: () => setOpenId(id),
    });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('data.catalog.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('data.catalog.intro')}</Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            {canOrg && (
              <>
                <span id={providerLabel}>{t('data.catalog.provider')}</span>
                <Select
                  aria-labelledby={providerLabel}
                  data-testid="data-provider-filter"
                  allowClear
                  placeholder={t('common.all')}
                  style={{ width: 280 }}
                  showSearch={{ optionFilterProp: 'label' }}
                  value={providerDepartmentId}
                  onChange={setProviderDepartmentId}
                  options={departmentOptions}
                />
              </>
            )}
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="data-register"
                onClick={() => setRegistering(true)}
              >
                {t('data.catalog.register')}
              </Button>
            )}
          </Space>
          <Space wrap aria-label={t('data.catalog.openEndpoints')}>
            <Typography.Link
              href="/catalog.jsonld"
              target="_blank"
              rel="noopener"
              data-testid="data-dcat-link"
            >
              <LinkOutlined /> {t('data.catalog.dcat')}
            </Typography.Link>
            <Typography.Link
              href="/api/3/action/package_list"
              target="_blank"
              rel="noopener"
              data-testid="data-ckan-link"
            >
              <ApiOutlined /> {t('data.catalog.ckan')}
            </Typography.Link>
          </Space>
        </Space>
        <Table<DataResource>
          rowKey="id"
          loading={resources.loading}
          dataSource={resources.data ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('data.catalog.empty') }}
          pagination={{
            pageSize: 20,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
          }}
          onRow={(record) => ({
            onClick: () => setOpenId(record.id),
            style: { cursor: 'pointer' },
            'data-testid': 'data-resource-row',
          })}
          columns={[
            {
              title: t('data.field.code'),
              dataIndex: 'code',
              render: (value: string, record) => (
                <Typography.Link
                  className="zz-mono"
                  data-testid="data-resource-code"
                  onClick={(event) => {
                    event.stopPropagation();
                    setOpenId(record.id);
                  }}
                >
                  {value}
                </Typography.Link>
              ),
            },
            { title: t('data.field.name'), dataIndex: 'name' },
            {
              title: t('data.field.provider'),
              dataIndex: 'providerDepartmentId',
              render: (value: string) => departmentName(value),
            },
            { title: t('data.field.format'), dataIndex: 'format' },
            { title: t('data.field.updateCycle'), dataIndex: 'updateCycle' },
            {
              title: t('data.field.sharingType'),
              dataIndex: 'sharingType',
              render: (value: DataResource['sharingType']) => <SharingTag value={value} />,
            },
            {
              title: t('data.field.openingType'),
              dataIndex: 'openingType',
              render: (value: DataResource['openingType']) => <OpeningTag value={value} />,
            },
          ]}
        />
      </Card>
      {registering && (
        <ResourceFormModal
          departments={departmentOptions}
          defaultDepartmentId={providerDepartmentId}
          onClose={() => setRegistering(false)}
          onSaved={registered}
        />
      )}
      {openId && (
        <ResourceDrawer resourceId={openId} departmentName={departmentName} onClose={() => setOpenId(null)} />
      )}
    </Space>
  );
}
