import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { unwrap } from '@zhizhi/api-client';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../api/api';
import { clearGovernanceLookups } from '../components/cases/lookups';
import type { EventCategory, GovernancePlatform } from '../components/cases/types';
import { type CategoryEditing, CategoryModal, PlatformModal } from '../components/governance/category-modals';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';

type CategoryRow = EventCategory & { children?: CategoryRow[] };

/** Groups with their categories under them, each level by sort. */
function tree(categories: EventCategory[]): CategoryRow[] {
  const bySort = (a: EventCategory, b: EventCategory) => a.sort - b.sort || a.code.localeCompare(b.code);
  const build = (parentCode: string | null): CategoryRow[] =>
    categories
      .filter((c) => c.parentCode === parentCode)
      .sort(bySort)
      .map((c) => {
        const children = build(c.code);
        return children.length ? { ...c, children } : { ...c };
      });
  return build(null);
}

/** 事件分类: the category tree (with handling limits and what citizens may report) and the four platforms. */
export function GovernanceCategoriesPage() {
  const t = useT();
  const localName = useLocalName();
  const [editing, setEditing] = useState<CategoryEditing | null>(null);
  const [platformEditing, setPlatformEditing] = useState<GovernancePlatform | null>(null);
  const categories = useLoad(async () => (await unwrap(api.GET('/api/governance/categories'))).items, []);
  const platforms = useLoad(async () => (await unwrap(api.GET('/api/governance/platforms'))).items, []);
  const rows = useMemo(() => tree(categories.data ?? []), [categories.data]);
  const platformName = (code: string) => {
    const platform = platforms.data?.find((p) => p.code === code);
    return platform ? localName(platform.nameZh, platform.nameEn) : code;
  };
  const saved = () => {
    setEditing(null);
    setPlatformEditing(null);
    clearGovernanceLookups();
    categories.reload();
    platforms.reload();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.governanceCategories')}
      </Typography.Title>
      <Card title={t('governance.platforms.title')}>
        <Table<GovernancePlatform>
          rowKey="code"
          size="small"
          pagination={false}
          loading={platforms.loading}
          dataSource={platforms.data ?? []}
          data-testid="platforms"
          columns={[
            {
              title: t('governance.platforms.code'),
              dataIndex: 'code',
              render: (v: string) => <span className="zz-mono">{v}</span>,
            },
            { title: t('governance.platforms.nameZh'), dataIndex: 'nameZh' },
            { title: t('governance.platforms.nameEn'), dataIndex: 'nameEn' },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, platform) => (
                <Button type="link" icon={<EditOutlined />} onClick={() => setPlatformEditing(platform)}>
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={t('governance.categories.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ parent: null })}>
            {t('governance.categories.addGroup')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('governance.categories.intro')}</Typography.Paragraph>
        <Table<CategoryRow>
          rowKey="code"
          size="small"
          pagination={false}
          loading={categories.loading}
          dataSource={rows}
          data-testid="categories"
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('governance.categories.name'),
              key: 'name',
              render: (_, c) =>
                c.parentCode ? (
                  localName(c.nameZh, c.nameEn)
                ) : (
                  <strong>{localName(c.nameZh, c.nameEn)}</strong>
                ),
            },
            {
              title: t('governance.categories.code'),
              dataIndex: 'code',
              render: (v: string) => <span className="zz-mono">{v}</span>,
            },
            {
              title: t('governance.categories.platform'),
              key: 'platform',
              render: (_, c) => platformName(c.platform),
            },
            {
              title: t('governance.categories.limitDays'),
              dataIndex: 'limitDays',
              render: (n: number) => t('governance.categories.days', { n }),
            },
            {
              title: t('governance.categories.public'),
              dataIndex: 'public',
              render: (value: boolean) =>
                value ? <Tag color="blue">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>,
            },
            {
              title: t('governance.categories.active'),
              dataIndex: 'active',
              render: (value: boolean) =>
                value ? (
                  <Tag color="green">{t('governance.categories.on')}</Tag>
                ) : (
                  <Tag>{t('governance.categories.off')}</Tag>
                ),
            },
            { title: t('governance.categories.sort'), dataIndex: 'sort' },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, c) => (
                <Space size={0} wrap>
                  <Button type="link" onClick={() => setEditing({ category: c })}>
                    {t('common.edit')}
                  </Button>
                  {!c.parentCode && (
                    <Button type="link" onClick={() => setEditing({ parent: c })}>
                      {t('governance.categories.addChild')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <CategoryModal
          key={'category' in editing ? editing.category.code : `new-${editing.parent?.code ?? ''}`}
          editing={editing}
          platforms={platforms.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
      {platformEditing && (
        <PlatformModal
          key={platformEditing.code}
          platform={platformEditing}
          onClose={() => setPlatformEditing(null)}
          onSaved={saved}
        />
      )}
    </Space>
  );
}
