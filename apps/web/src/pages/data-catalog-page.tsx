import { ApiOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { App, Button, Card, Col, Input, Row, Space, Table, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { api } from '../api/api';
import {
  CatalogFacets,
  CHECK_FACETS,
  type FacetSelection,
  type StatusChoice,
} from '../components/data/catalog-facets';
import { GradeTag, OpeningTag, SharingTag, StatusTag } from '../components/data/data-tags';
import { ResourceDrawer } from '../components/data/resource-drawer';
import { ResourceFormModal } from '../components/data/resource-form-modal';
import type { DataResource, DataResourceDetail } from '../components/data/types';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { useSession } from '../session/session';

const PAGE_SIZE = 20;

/**
 * 数据资源目录: search the catalog, narrow it by facets (provider, top grade, format, sharing,
 * opening, status) with counts, page through it; data managers register, edit and retire resources.
 */
export function DataCatalogPage() {
  const t = useT();
  const localName = useLocalName();
  const { modal, message } = App.useApp();
  const { can } = useSession();
  const { elderMode } = usePreferences();
  const canManage = can('data.catalog.manage');
  const canOrg = can('org.read');
  const [q, setQ] = useState('');
  const [selection, setSelection] = useState<FacetSelection>({});
  const [status, setStatus] = useState<StatusChoice>('active');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const [editing, setEditing] = useState<DataResourceDetail | null>(null);
  const [version, setVersion] = useState(0);

  const filters = useMemo(
    () =>
      Object.fromEntries(
        CHECK_FACETS.map((f) => [f, selection[f]?.length ? selection[f].join(',') : undefined]),
      ),
    [selection],
  );
  const resources = useLoad(
    () =>
      unwrap(
        api.GET('/api/data/resources', {
          params: {
            query: {
              ...filters,
              q: q || undefined,
              status,
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
            },
          },
        }),
      ),
    [filters, q, status, page],
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
  const edited = ({ changed }: { changed?: string[] }) => {
    setEditing(null);
    if (changed?.length === 0) void message.info(t('data.catalog.unchanged'));
    setVersion((v) => v + 1);
    resources.reload();
  };
  const filterBy = (next: FacetSelection) => {
    setSelection(next);
    setPage(1);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('data.catalog.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('data.catalog.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} lg={elderMode ? 8 : 6}>
          <Card size="small" title={t('data.facet.title')}>
            <CatalogFacets
              facets={resources.data?.facets}
              selection={selection}
              status={status}
              departmentName={departmentName}
              onChange={filterBy}
              onStatus={(next) => {
                setStatus(next);
                setPage(1);
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={elderMode ? 16 : 18}>
          <Card>
            <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
              <Space wrap>
                <Input.Search
                  allowClear
                  data-testid="data-search"
                  aria-label={t('data.catalog.search')}
                  placeholder={t('data.catalog.search')}
                  style={{ width: elderMode ? 420 : 320 }}
                  onSearch={(value) => {
                    setQ(value.trim());
                    setPage(1);
                  }}
                />
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
              dataSource={resources.data?.items ?? []}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('data.catalog.empty') }}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: resources.data?.total ?? 0,
                showSizeChanger: false,
                onChange: setPage,
                showTotal: (total) => <span data-testid="data-total">{t('common.total', { total })}</span>,
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
                {
                  title: t('data.field.topGrade'),
                  dataIndex: 'topGrade',
                  render: (value: DataResource['topGrade']) => (value ? <GradeTag value={value} /> : '—'),
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
                {
                  title: t('data.field.status'),
                  dataIndex: 'status',
                  render: (value: DataResource['status']) => <StatusTag value={value} />,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {registering && (
        <ResourceFormModal
          departments={departmentOptions}
          defaultDepartmentId={selection.providerDepartmentId?.[0]}
          onClose={() => setRegistering(false)}
          onSaved={registered}
        />
      )}
      {editing && (
        <ResourceFormModal
          key={editing.id}
          departments={departmentOptions}
          resource={editing}
          onClose={() => setEditing(null)}
          onSaved={edited}
        />
      )}
      {openId && (
        <ResourceDrawer
          resourceId={openId}
          departmentName={departmentName}
          onClose={() => setOpenId(null)}
          canManage={canManage}
          onEdit={setEditing}
          onRetired={resources.reload}
          version={version}
        />
      )}
    </Space>
  );
}
