import { PlusOutlined } from '@ant-design/icons';
import { type Grid, unwrap } from '@zhizhi/api-client';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useId, useMemo, useState } from 'react';
import { api } from '../api/api';
import { divisionPath, loadDivisionNames, loadDivisions } from '../api/divisions';
import { GridFormModal } from '../components/grid-form-modal';
import { GridWorkerModal } from '../components/grid-worker-modal';
import { useLoad } from '../components/use-load';
import { useT } from '../i18n/use-t';
import { useSession } from '../session/session';

export function GridsPage() {
  const t = useT();
  const { can } = useSession();
  const canManage = can('org.manage');
  const canAssign = canManage && can('staff.read');
  const townLabel = useId();
  const villageLabel = useId();
  const [townCode, setTownCode] = useState<string>();
  const [villageCode, setVillageCode] = useState<string>();
  const [editing, setEditing] = useState<Grid | 'new' | null>(null);
  const [assigning, setAssigning] = useState<Grid | null>(null);

  const towns = useLoad(async () => {
    const roots = await loadDivisions();
    return (await Promise.all(roots.map((root) => loadDivisions(root.code)))).flat();
  }, []);
  const villages = useLoad(async () => (townCode ? loadDivisions(townCode) : []), [townCode]);
  const grids = useLoad(
    async () =>
      (
        await unwrap(
          api.GET('/api/org/grids', {
            params: { query: villageCode ? { villageCode } : townCode ? { townCode } : {} },
          }),
        )
      ).items,
    [townCode, villageCode],
  );

  const items = grids.data ?? [];
  const gridById = useMemo(() => new Map(items.map((grid) => [grid.id, grid])), [items]);
  // Grids carry only the village code; resolve names through the (cached) village lists of their towns.
  const townsOfGrids = [...new Set(items.map((grid) => divisionPath(grid.villageCode).at(-2) ?? ''))]
    .filter(Boolean)
    .sort();
  const names = useLoad(() => loadDivisionNames(townsOfGrids), [townsOfGrids.join(',')]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.grids')}
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <span id={townLabel}>{t('grids.town')}</span>
          <Select
            aria-labelledby={townLabel}
            style={{ width: 200 }}
            allowClear
            placeholder={t('common.all')}
            loading={towns.loading}
            value={townCode}
            onChange={(value) => {
              setTownCode(value);
              setVillageCode(undefined);
            }}
            options={(towns.data ?? []).map((town) => ({ value: town.code, label: town.name }))}
          />
          <span id={villageLabel}>{t('grids.village')}</span>
          <Select
            aria-labelledby={villageLabel}
            style={{ width: 220 }}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!townCode}
            placeholder={townCode ? t('common.all') : t('grids.chooseTownFirst')}
            loading={villages.loading}
            value={villageCode}
            onChange={setVillageCode}
            options={(villages.data ?? []).map((village) => ({ value: village.code, label: village.name }))}
          />
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('grids.create')}
            </Button>
          )}
        </Space>
        <Table<Grid>
          rowKey="id"
          loading={grids.loading}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('grids.code'),
              dataIndex: 'code',
              render: (code: string) => <span className="zz-mono">{code}</span>,
            },
            { title: t('grids.name'), dataIndex: 'name' },
            {
              title: t('grids.village'),
              dataIndex: 'villageCode',
              render: (code: string) =>
                names.data?.get(code)?.name ?? <span className="zz-mono">{code}</span>,
            },
            {
              title: t('grids.parent'),
              dataIndex: 'parentId',
              render: (id: string | null) => (id ? (gridById.get(id)?.name ?? id) : '—'),
            },
            {
              title: t('grids.worker'),
              dataIndex: 'workerName',
              render: (name: string | null, grid) =>
                name ?? (grid.workerId ? grid.workerId : <Tag>{t('grids.unassigned')}</Tag>),
            },
            ...(canManage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, grid: Grid) => (
                      <Space size={0} wrap>
                        <Button type="link" onClick={() => setEditing(grid)}>
                          {t('common.edit')}
                        </Button>
                        {canAssign && (
                          <Button type="link" onClick={() => setAssigning(grid)}>
                            {t('grids.assign')}
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing && (
        <GridFormModal
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing}
          defaultVillageCode={villageCode}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            grids.reload();
          }}
        />
      )}
      {assigning && (
        <GridWorkerModal
          key={assigning.id}
          grid={assigning}
          onClose={() => setAssigning(null)}
          onSaved={() => {
            setAssigning(null);
            grids.reload();
          }}
        />
      )}
    </Space>
  );
}
