import { unwrap } from '@zhizhi/api-client';
import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { api } from '../../api/api';
import { useEnumLabel, useT } from '../../i18n/use-t';
import { useLoad } from '../use-load';
import { labelColour, labelKey, OUTCOME_COLOUR, outcomeKey, percent } from './places-model';
import type { Explanation, MatchCandidate, MatchResult } from './types';

/** Element by element: what was typed, what the library holds, and the verdict. */
export function ExplanationTable({ rows, testId }: { rows: readonly Explanation[]; testId?: string }) {
  const t = useT();
  return (
    <Table<Explanation>
      size="small"
      pagination={false}
      rowKey={(row) => `${row.label}-${row.query}-${row.library}`}
      dataSource={[...rows]}
      data-testid={testId ?? 'places-explanation'}
      onRow={(row) => ({ 'data-outcome': row.outcome }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('places.match.element'), key: 'label', render: (_, row) => t(labelKey(row.label)) },
        { title: t('places.match.input'), dataIndex: 'query', render: (text: string | null) => text ?? '—' },
        {
          title: t('places.match.library'),
          dataIndex: 'library',
          render: (text: string | null) => text ?? '—',
        },
        {
          title: t('places.match.conclusion'),
          key: 'outcome',
          render: (_, row) => (
            <Tag color={OUTCOME_COLOUR[row.outcome]} data-testid="places-outcome">
              {t(outcomeKey(row.outcome))}
            </Tag>
          ),
        },
      ]}
    />
  );
}

function CandidateLine({ candidate }: { candidate: MatchCandidate }) {
  const t = useT();
  const enumLabel = useEnumLabel();
  return (
    <Space wrap size={4}>
      <Tag>{enumLabel('places.level', candidate.place.level)}</Tag>
      <Typography.Text strong>{candidate.place.key}</Typography.Text>
      <Tag color={candidate.confidence >= 0.9 ? 'success' : 'warning'} data-testid="places-confidence">
        {t('places.match.confidence', { value: percent(candidate.confidence) })}
      </Tag>
      <Tag>{candidate.complete ? t('places.match.complete') : t('places.match.partial')}</Tag>
    </Space>
  );
}

/** The parse and the match of one text: labelled elements, standard string, best and other candidates. */
export function MatchView({ result }: { result: MatchResult }) {
  const t = useT();
  // Without a sure match, the closest partial one still shows what the library lacks.
  const top = result.best ?? result.candidates[0];
  const others = result.candidates.filter((c) => c.place.id !== top?.place.id);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Text type="secondary">{t('places.match.parsed')}</Typography.Text>
        <div data-testid="places-parsed" style={{ marginTop: 4 }}>
          {result.parsed.elements.map((element) => (
            <Tag
              key={`${element.start}-${element.label}`}
              color={labelColour(element.label)}
              data-label={element.label}
              style={{ marginBottom: 4 }}
            >
              <span style={{ opacity: 0.75 }}>{t(labelKey(element.label))}</span> {element.value}
            </Tag>
          ))}
        </div>
      </div>
      <div>
        <Typography.Text type="secondary">{t('places.match.standard')}</Typography.Text>
        <div>
          <Typography.Text copyable data-testid="places-standard">
            {result.parsed.standard}
          </Typography.Text>
        </div>
      </div>
      {top ? (
        <div data-testid="places-best">
          <Typography.Text type="secondary">{t('places.match.best')}</Typography.Text>
          {!result.best && (
            <div>
              <Typography.Text type="warning">{t('places.match.none')}</Typography.Text>
            </div>
          )}
          <div style={{ margin: '4px 0 8px' }}>
            <CandidateLine candidate={top} />
          </div>
          <ExplanationTable rows={top.explanation} />
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('places.match.none')} />
      )}
      {others.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t('places.match.others')}</Typography.Text>
          <Space orientation="vertical" size={4} style={{ width: '100%', marginTop: 4 }}>
            {others.map((candidate) => (
              <CandidateLine key={candidate.place.id} candidate={candidate} />
            ))}
          </Space>
        </div>
      )}
    </Space>
  );
}

/** 匹配解释 for typed text (GET /api/places/match); `data-query` tells which text the panel explains. */
export function MatchPanel({ text }: { text: string }) {
  const t = useT();
  const loaded = useLoad(
    () =>
      text
        ? unwrap(api.GET('/api/places/match', { params: { query: { q: text } } })).then((result) => ({
            text,
            result,
          }))
        : Promise.resolve(undefined),
    [text],
  );
  const shown = text ? loaded.data : undefined;
  return (
    <Card
      size="small"
      title={t('places.match.title')}
      data-testid="places-match"
      data-query={shown?.text ?? ''}
      loading={loaded.loading && !shown}
    >
      {shown ? (
        <MatchView result={shown.result} />
      ) : (
        <Typography.Text type="secondary">{t('places.match.typeFirst')}</Typography.Text>
      )}
    </Card>
  );
}
