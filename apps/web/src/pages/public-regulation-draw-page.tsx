import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Spin, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../components/format';
import { PublicFrame } from '../components/public/public-shell';
import { Digest, DrawStatusTag } from '../components/regulation-public/draw-parts';
import { loadProof, proofPath } from '../components/regulation-public/regulation-api';
import type { DrawProof, DrawStratum } from '../components/regulation-public/types';
import { useLoad } from '../components/use-load';
import { useLocalName, useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';
import { REGULATION_PUBLIC_LINKS } from './shop-code-page';

const stageOf = (proof: DrawProof) => (proof.seed ? 'published' : proof.result ? 'drawn' : 'committed');

/** 抽查公示: a draw's proof document, how to download it and check it without trusting us. */
export function PublicRegulationDrawPage() {
  const t = useT();
  const name = useLocalName();
  const { locale } = usePreferences();
  const { id = '' } = useParams();
  const loaded = useLoad(() => loadProof(id), [id]);
  const proof = loaded.data;
  const origin = window.location.origin;
  const command = `npx zhizhi inspection verify-draw --server ${origin} --plan ${proof?.planId ?? id}`;

  return (
    <PublicFrame
      title={proof?.name ? name(proof.name.zh, proof.name.en) : t('regPublic.draw.title')}
      links={REGULATION_PUBLIC_LINKS}
      navLabel="regPublic.nav.label"
      maxWidth={860}
    >
      <Link to="/regulation/results?tab=draws">{t('regPublic.draw.back')}</Link>
      {loaded.loading && !proof && <Spin size="large" style={{ display: 'block', margin: '10vh auto' }} />}
      {loaded.failed && !proof && <Result status="warning" title={t('regPublic.draw.notFound')} />}
      {proof && (
        <>
          <Card style={{ marginTop: 12 }} data-testid="reg-draw-proof">
            <DrawStatusTag status={stageOf(proof)} />
            <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('regPublic.draw.plan')}>
                {proof.name ? name(proof.name.zh, proof.name.en) : proof.planId}
              </Descriptions.Item>
              <Descriptions.Item label={t('regPublic.draw.committedAt')}>
                {formatDateTime(proof.committedAt, locale)}
              </Descriptions.Item>
              <Descriptions.Item label={t('regPublic.draw.drawnAt')}>
                {proof.drawnAt ? formatDateTime(proof.drawnAt, locale) : t('regPublic.draws.notYet')}
              </Descriptions.Item>
              <Descriptions.Item label={t('regPublic.draw.seedPublishedAt')}>
                {proof.seedPublishedAt
                  ? formatDateTime(proof.seedPublishedAt, locale)
                  : t('regPublic.draws.notYet')}
              </Descriptions.Item>
              <Descriptions.Item label={t('regPublic.draw.population')}>
                {t('regPublic.draw.populationValue', {
                  subjects: proof.input.subjects.length,
                  inspectors: proof.input.inspectors.length,
                  items: proof.input.items.length,
                })}
              </Descriptions.Item>
              <Descriptions.Item label={t('regPublic.draw.visits')}>
                <span data-testid="reg-draw-visits">{proof.result ? proof.result.visits.length : '—'}</span>
              </Descriptions.Item>
            </Descriptions>
            <Digest label={t('regPublic.draws.seedCommitment')} value={proof.published.seedCommitment} />
            <Digest label={t('regPublic.draws.inputsDigest')} value={proof.published.inputsDigest} />
            <Digest label={t('regPublic.draws.resultDigest')} value={proof.published.resultDigest} />
            <Digest label={t('regPublic.draw.seed')} value={proof.seed} />
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              href={proofPath(proof.planId)}
              download={`draw-proof-${proof.planId}.json`}
              style={{ marginTop: 16 }}
              data-testid="reg-draw-download"
            >
              {t('regPublic.draw.download')}
            </Button>
          </Card>
          {proof.result && (
            <Card title={t('regPublic.draw.strata')} style={{ marginTop: 12 }}>
              <Table<DrawStratum>
                size="small"
                rowKey={(s) => `${s.itemCode}|${s.creditClass}`}
                dataSource={proof.result.strata}
                pagination={false}
                scroll={{ x: true }}
                data-testid="reg-draw-strata"
                columns={[
                  {
                    title: t('regPublic.draw.stratum'),
                    key: 'stratum',
                    render: (_, s) => (
                      <span className="zz-mono" style={{ whiteSpace: 'nowrap' }}>
                        {s.itemCode} · {s.creditClass}
                      </span>
                    ),
                  },
                  { title: t('regPublic.draw.eligible'), dataIndex: 'eligible', align: 'right' },
                  {
                    title: t('regPublic.draw.ratio'),
                    dataIndex: 'ratioPpm',
                    align: 'right',
                    render: (ppm: number) => `${(ppm / 10_000).toFixed(2)}%`,
                  },
                  { title: t('regPublic.draw.selected'), dataIndex: 'selected', align: 'right' },
                ]}
              />
              {proof.result.shortfalls.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginTop: 12 }}
                  message={t('regPublic.draw.shortfalls', { count: proof.result.shortfalls.length })}
                />
              )}
            </Card>
          )}
          <Card
            title={t('regPublic.draw.verifyTitle')}
            style={{ marginTop: 12 }}
            data-testid="reg-draw-verify"
          >
            <Typography.Paragraph>{t('regPublic.draw.verifyIntro')}</Typography.Paragraph>
            <Typography.Paragraph>
              <pre
                className="zz-mono"
                style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 }}
                data-testid="reg-draw-command"
              >
                <Typography.Text copyable={{ text: command }}>{command}</Typography.Text>
              </pre>
            </Typography.Paragraph>
            <Typography.Paragraph>{t('regPublic.draw.verifyFile')}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('regPublic.draw.algorithm')}</Typography.Paragraph>
            {!proof.seed && <Alert type="info" showIcon message={t('regPublic.draw.seedPending')} />}
          </Card>
        </>
      )}
    </PublicFrame>
  );
}
