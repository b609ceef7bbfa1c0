import { Card, Empty, Input, List, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../components/format';
import { PublicFrame } from '../components/public/public-shell';
import { ResultTag } from '../components/regulation-public/labels';
import { loadDraws, loadResults } from '../components/regulation-public/regulation-api';
import { Digest, DrawStatusTag } from '../components/regulation-public/draw-parts';
import type { PublicDraw, PublishedResult } from '../components/regulation-public/types';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { REGULATION_PUBLIC_LINKS } from './shop-code-page';

// Long item names wrap inside their tag on a phone instead of running off the screen.
const WRAP = { whiteSpace: 'normal' as const, maxWidth: '100%' };

const PAGE = 20;

function Results() {
  const t = useT();
  const name = useLocalName();
  const { locale } = usePreferences();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [limit, setLimit] = useState(PAGE);
  const loaded = useLoad(() => loadResults({ ...(q ? { q } : {}), limit: limit + 1 }), [q, limit]);
  const rows = (loaded.data ?? []).slice(0, limit);
  const more = (loaded.data?.length ?? 0) > limit;
  return (
    <>
      <label htmlFor="reg-results-q" style={{ display: 'block', marginBottom: 4 }}>
        {t('regPublic.results.search')}
      </label>
      <Input.Search
        id="reg-results-q"
        allowClear
        defaultValue={q}
        enterButton
        size="large"
        onSearch={(value) => {
          setLimit(PAGE);
          setParams(value.trim() ? { q: value.trim() } : {});
        }}
        style={{ marginBottom: 12 }}
        data-testid="reg-results-search"
      />
      <List<PublishedResult>
        loading={loaded.loading}
        dataSource={rows}
        data-testid="reg-results"
        locale={{ emptyText: <Empty description={t('regPublic.results.empty')} /> }}
        loadMore={
          more ? (
            <div style={{ textAlign: 'center', marginTop: 12 }}>
              <Typography.Link onClick={() => setLimit((n) => n + PAGE)}>
                {t('regPublic.results.more')}
              </Typography.Link>
            </div>
          ) : null
        }
        renderItem={(row) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="reg-result-row">
            <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Text strong>{row.subjectName}</Typography.Text>
              <ResultTag result={row.result} rectified={row.rectified} referred={row.referred} />
            </Space>
            <Typography.Text type="secondary" className="zz-mono" style={{ display: 'block' }}>
              {row.uscc}
            </Typography.Text>
            <div style={{ margin: '4px 0' }}>
              {row.items.map((i) => (
                <Tag key={i.code} style={WRAP}>
                  {name(i.zh, i.en)}
                </Tag>
              ))}
              {row.joint && <Tag color="purple">{t('regPublic.inspect.joint')}</Tag>}
            </div>
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {row.planNumber
                ? t('regPublic.results.plan', { number: row.planNumber })
                : t('regPublic.inspect.onSpot')}
              {' · '}
              {t('regPublic.results.inspected', {
                date: formatDateTime(row.inspectedAt, locale).slice(0, 10),
              })}
              {' · '}
              {t('regPublic.results.published', {
                date: formatDateTime(row.publishedAt, locale).slice(0, 10),
              })}
            </Typography.Text>
          </Card>
        )}
      />
    </>
  );
}

function Draws() {
  const t = useT();
  const name = useLocalName();
  const { locale } = usePreferences();
  const loaded = useLoad(loadDraws, []);
  return (
    <List<PublicDraw>
      loading={loaded.loading}
      dataSource={loaded.data ?? []}
      data-testid="reg-draws"
      locale={{ emptyText: <Empty description={t('regPublic.draws.empty')} /> }}
      renderItem={(draw) => (
        <Card size="small" style={{ marginBottom: 8 }} data-testid="reg-draw-row">
          <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
            <Link to={`/regulation/draws/${draw.id}`}>
              <Typography.Text strong>
                {draw.number} {name(draw.nameZh, draw.nameEn)}
              </Typography.Text>
            </Link>
            <DrawStatusTag status={draw.status} />
          </Space>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {t('regPublic.draws.counts', { subjects: draw.subjects, visits: draw.visits })} ·{' '}
            {t('regPublic.draws.committedAt', { date: formatDateTime(draw.committedAt, locale) })}
          </Typography.Text>
          <Digest label={t('regPublic.draws.seedCommitment')} value={draw.seedCommitment} />
          <Digest label={t('regPublic.draws.inputsDigest')} value={draw.inputsDigest} />
          <Digest label={t('regPublic.draws.resultDigest')} value={draw.resultDigest} />
          <Link to={`/regulation/draws/${draw.id}`} data-testid="reg-draw-link">
            {t('regPublic.draws.proof')}
          </Link>
        </Card>
      )}
    />
  );
}

/** 双随机一公开 (no login): published inspection results and the draws behind them. */
export function PublicRegulationResultsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'draws' ? 'draws' : 'results';
  return (
    <PublicFrame
      title={t('regPublic.results.title')}
      links={REGULATION_PUBLIC_LINKS}
      navLabel="regPublic.nav.label"
      maxWidth={860}
    >
      <Typography.Paragraph type="secondary">{t('regPublic.results.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'draws' ? { tab: 'draws' } : {})}
        items={[
          { key: 'results', label: t('regPublic.results.tab'), children: <Results /> },
          { key: 'draws', label: t('regPublic.draws.tab'), children: <Draws /> },
        ]}
      />
    </PublicFrame>
  );
}
