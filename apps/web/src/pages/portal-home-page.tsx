import { AppstoreOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Input, List, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { loadBundles, loadMatters, loadTowns } from '../components/gov-services/portal-api';
import { limitText } from '../components/gov-services/portal-format';
import { MatterBadges } from '../components/gov-services/matter-badges';
import { PortalShell } from '../components/gov-services/portal-shell';
import { TownSelect } from '../components/gov-services/town-select';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';

/** 办事大厅: search matters, the “one thing” bundles, where to apply. Browsing needs no login. */
export function PortalHomePage() {
  const t = useT();
  const name = useLocalName();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const divisionCode = params.get('division') ?? undefined;
  const [text, setText] = useState(q);
  const towns = useLoad(loadTowns, []);
  const bundles = useLoad(loadBundles, []);
  const matters = useLoad(() => loadMatters({ q: q || undefined, divisionCode }), [q, divisionCode]);

  const update = (next: { q?: string; division?: string }) => {
    const merged = { q, division: divisionCode, ...next };
    setParams(
      Object.fromEntries(
        Object.entries(merged).filter((entry): entry is [string, string] => Boolean(entry[1])),
      ),
      { replace: true },
    );
  };

  return (
    <PortalShell title={t('portal.home.title')}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card>
          <Typography.Paragraph>{t('portal.home.intro')}</Typography.Paragraph>
          <Space wrap style={{ width: '100%' }}>
            <label htmlFor="portal-search-input">{t('portal.home.searchHint')}</label>
            <Input.Search
              id="portal-search-input"
              value={text}
              onChange={(event) => setText(event.target.value)}
              onSearch={(value) => update({ q: value.trim() })}
              enterButton={<SearchOutlined aria-label={t('portal.home.search')} />}
              allowClear
              maxLength={60}
              style={{ minWidth: 280, maxWidth: 480 }}
              data-testid="portal-search"
            />
            <TownSelect
              towns={towns.data ?? []}
              value={divisionCode}
              onChange={(division) => update({ division })}
            />
          </Space>
        </Card>
        <section aria-labelledby="portal-bundles">
          <Typography.Title level={4} id="portal-bundles">
            <AppstoreOutlined /> {t('portal.home.bundles')}
          </Typography.Title>
          <Row gutter={[16, 16]}>
            {(bundles.data ?? []).map((bundle) => (
              <Col xs={24} md={12} key={bundle.code}>
                <Card
                  title={name(bundle.name.zh, bundle.name.en)}
                  data-testid={`portal-bundle-${bundle.code}`}
                  style={{ height: '100%' }}
                >
                  <Typography.Paragraph>{name(bundle.guide.zh, bundle.guide.en)}</Typography.Paragraph>
                  <Typography.Paragraph type="secondary">
                    {t('portal.home.bundleMatters', { n: bundle.matters.length })}
                  </Typography.Paragraph>
                  <Link
                    to={`/portal/apply/bundle/${encodeURIComponent(bundle.code)}${divisionCode ? `?division=${divisionCode}` : ''}`}
                    data-testid={`portal-bundle-apply-${bundle.code}`}
                  >
                    <Button type="primary">{t('portal.home.startBundle')}</Button>
                  </Link>
                </Card>
              </Col>
            ))}
          </Row>
        </section>
        <section aria-labelledby="portal-matters">
          <Typography.Title level={4} id="portal-matters">
            {t('portal.home.matters', { n: matters.data?.length ?? 0 })}
          </Typography.Title>
          <List
            loading={matters.loading}
            bordered
            dataSource={matters.data ?? []}
            locale={{ emptyText: <Empty description={t('portal.home.noMatters')} /> }}
            pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false }}
            renderItem={(matter) => (
              <List.Item
                data-testid={`portal-matter-${matter.code}`}
                actions={[
                  <Link key="guide" to={`/portal/matters/${encodeURIComponent(matter.code)}`}>
                    {t('portal.home.guide')}
                  </Link>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Link to={`/portal/matters/${encodeURIComponent(matter.code)}`}>
                      {name(matter.name.zh, matter.name.en)}
                    </Link>
                  }
                  description={
                    <Space orientation="vertical" size={4}>
                      <MatterBadges matter={matter} />
                      <Typography.Text type="secondary">
                        <span className="zz-mono">{matter.code}</span> ·{' '}
                        {t('portal.matter.promisedShort', { limit: limitText(t, matter.promisedLimit) })}
                      </Typography.Text>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </section>
      </Space>
    </PortalShell>
  );
}
