import { Card, Empty, Input, List, Pagination, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { Link } from 'react-router';
import { OpenFacets } from '../components/data/open/open-facets';
import { type BrowseFilters, browse, CYCLE_LABELS, PAGE_SIZE } from '../components/data/open/open-api';
import { OpenShell } from '../components/data/open/open-shell';
import { OpenOpeningTag } from '../components/data/open/opening-tag';
import { formatDateTime } from '../components/format';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

const FILTER_KEYS = ['q', 'departmentId', 'updateCycle', 'format', 'openingType'] as const;

/** /open — the open-data portal: search, facets and the list of datasets (public, no login). */
export function OpenPortalPage() {
  const t = useT();
  const localName = useLocalName();
  const { locale } = usePreferences();
  const [params, setParams] = useSearchParams();
  const filters: BrowseFilters = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v),
  );
  const offset = Number(params.get('offset') ?? 0) || 0;
  const key = params.toString();
  const { data, loading } = useLoad(() => browse({ ...filters, offset }), [key]);

  const update = (next: BrowseFilters) => {
    const search = new URLSearchParams();
    for (const k of FILTER_KEYS) if (next[k]) search.set(k, String(next[k]));
    if (next.offset) search.set('offset', String(next.offset));
    setParams(search);
  };

  return (
    <OpenShell title={t('open.portal.title')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('open.portal.intro')}</Typography.Paragraph>
        <Card>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Input.Search
              key={filters.q ?? ''}
              defaultValue={filters.q}
              placeholder={t('open.search.placeholder')}
              enterButton={t('open.search.submit')}
              allowClear
              size="large"
              maxLength={100}
              aria-label={t('open.search.placeholder')}
              data-testid="open-search"
              onSearch={(q) => update({ ...filters, q: q.trim() || undefined, offset: 0 })}
            />
            <OpenFacets facets={data?.facets} filters={filters} onChange={update} />
          </Space>
        </Card>
        <Typography.Text data-testid="open-total">
          {t('open.list.total', { total: data?.total ?? 0 })}
        </Typography.Text>
        <List
          loading={loading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty description={t('open.list.empty')} /> }}
          renderItem={(d) => (
            <List.Item key={d.code} data-testid="open-dataset">
              <Card style={{ width: '100%' }} size="small">
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Space wrap>
                    <Link to={`/open/datasets/${d.urlCode}`} data-testid="open-dataset-link">
                      <Typography.Text strong style={{ fontSize: '1.1em' }}>
                        {d.name}
                      </Typography.Text>
                    </Link>
                    <OpenOpeningTag value={d.openingType} />
                  </Space>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                    {d.abstract}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {[
                      localName(d.department.name, d.department.nameEn),
                      CYCLE_LABELS[d.updateCycle] ? t(CYCLE_LABELS[d.updateCycle]) : d.updateCycle,
                      formatDateTime(d.lastUpdatedAt, locale),
                      t('open.list.rows', { count: d.rowCount }),
                      t('open.list.downloads', { count: d.downloads }),
                      t('open.list.apiCalls', { count: d.apiCalls }),
                    ].join(' · ')}
                  </Typography.Text>
                </Space>
              </Card>
            </List.Item>
          )}
        />
        {(data?.total ?? 0) > PAGE_SIZE && (
          <Pagination
            align="center"
            current={Math.floor(offset / PAGE_SIZE) + 1}
            pageSize={PAGE_SIZE}
            total={data?.total ?? 0}
            showSizeChanger={false}
            onChange={(page) => update({ ...filters, offset: (page - 1) * PAGE_SIZE })}
          />
        )}
      </Space>
    </OpenShell>
  );
}
