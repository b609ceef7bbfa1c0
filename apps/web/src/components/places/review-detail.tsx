import { unwrap } from '@zhizhi/api-client';
import { Alert, Button, Card, Descriptions, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/api';
import { useEnumLabel, useT } from '../../i18n/use-t';
import { useAction } from '../use-action';
import { useLoad } from '../use-load';
import { ExplanationTable } from './match-explanation';
import { percent } from './places-model';
import type { Review } from './types';

const STATE_COLOUR: Record<string, string> = { open: 'warning', accepted: 'success', rejected: 'default' };

/** Decide a review: accept or reject with an optional note, against the version shown. */
function DecisionBar({ review, onDecided }: { review: Review; onDecided: () => void }) {
  const t = useT();
  const { pending, run } = useAction();
  const [note, setNote] = useState('');
  const decide = (decision: 'accept' | 'reject') =>
    run(
      () =>
        unwrap(
          api.POST('/api/places/reviews/{id}/decision', {
            params: { path: { id: review.id } },
            body: { decision, note: note.trim() || undefined, expectedVersion: review.version },
          }),
        ),
      { success: decision === 'accept' ? t('places.reviews.accepted') : t('places.reviews.rejected') },
    ).then((ok) => ok && onDecided());
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Input.TextArea
        aria-label={t('places.reviews.note')}
        placeholder={t('places.reviews.note')}
        value={note}
        maxLength={2000}
        autoSize={{ minRows: 2, maxRows: 5 }}
        onChange={(event) => setNote(event.target.value)}
        data-testid="places-review-note"
      />
      <Space wrap>
        <Button
          type="primary"
          loading={pending}
          onClick={() => decide('accept')}
          data-testid="places-review-accept"
        >
          {t('places.reviews.accept')}
        </Button>
        <Button danger loading={pending} onClick={() => decide('reject')} data-testid="places-review-reject">
          {t('places.reviews.reject')}
        </Button>
      </Space>
    </Space>
  );
}

/** One review: why it is here, its records, the candidate with its explanation or the proposed entries. */
export function ReviewDetail({ id, onDecided }: { id: string; onDecided: () => void }) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const loaded = useLoad(
    () => unwrap(api.GET('/api/places/reviews/{id}', { params: { path: { id } } })),
    [id],
  );
  const review = loaded.data?.id === id ? loaded.data : undefined;
  if (!review) return <Card loading={loaded.loading} />;
  const kind = review.data.kind === 'proposal' ? 'proposal' : 'match';
  const confidence = typeof review.data.confidence === 'number' ? review.data.confidence : null;
  // Said in the UI language rather than the server's Chinese `data.reason`.
  const reason =
    kind === 'proposal'
      ? t('places.reviews.reason.proposal')
      : confidence !== null
        ? t('places.reviews.reason.match', { confidence: percent(confidence) })
        : null;

  return (
    <Card
      data-testid="places-review-detail"
      data-state={review.state}
      data-kind={kind}
      title={
        <Space wrap>
          <Tag color={kind === 'match' ? 'orange' : 'blue'}>{t(`places.reviews.kind.${kind}`)}</Tag>
          <span style={{ whiteSpace: 'normal' }}>{review.title}</span>
        </Space>
      }
      extra={<Tag color={STATE_COLOUR[review.state]}>{enumLabel('places.reviews.state', review.state)}</Tag>}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('places.reviews.number')}>
            <span className="zz-mono">{review.number}</span>
          </Descriptions.Item>
          {reason && <Descriptions.Item label={t('places.reviews.reason')}>{reason}</Descriptions.Item>}
          {review.candidate && (
            <Descriptions.Item label={t('places.reviews.candidate')}>
              <Space wrap size={4}>
                <Tag>{enumLabel('places.level', review.candidate.level)}</Tag>
                <Link to={`/places?id=${review.candidate.id}`} data-testid="places-review-candidate">
                  {review.candidate.key}
                </Link>
                {confidence !== null && (
                  <Tag color="warning">{t('places.match.confidence', { value: percent(confidence) })}</Tag>
                )}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
        {review.explanation.length > 0 && <ExplanationTable rows={review.explanation} />}
        {review.proposal && (
          <div data-testid="places-review-proposal">
            <Typography.Text strong>{t('places.reviews.proposal')}</Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {t('places.reviews.proposalParent', { parent: review.proposal.parentKey })}
              </Typography.Text>
            </div>
            <List
              size="small"
              dataSource={review.proposal.create}
              renderItem={(entry) => (
                <List.Item>
                  <Space wrap size={4}>
                    <Tag color="blue">{enumLabel('places.level', entry.level)}</Tag>
                    <span>{entry.key}</span>
                  </Space>
                </List.Item>
              )}
            />
          </div>
        )}
        <div>
          <Typography.Text strong>
            {t('places.reviews.records', { count: review.records.length })}
          </Typography.Text>
          <List
            size="small"
            dataSource={review.records}
            data-testid="places-review-records"
            renderItem={(record) => (
              <List.Item>
                <Space wrap size={8}>
                  <Typography.Text type="secondary">
                    {t('places.imports.row')} {record.rowNo}
                    {record.sourceRecordId ? ` · ${record.sourceRecordId}` : ''}
                  </Typography.Text>
                  <span>{record.raw}</span>
                </Space>
              </List.Item>
            )}
          />
        </div>
        {review.state === 'open' ? (
          <DecisionBar
            review={review}
            onDecided={() => {
              loaded.reload();
              onDecided();
            }}
          />
        ) : (
          <Alert
            type="info"
            showIcon
            title={t('places.reviews.decided', { state: enumLabel('places.reviews.state', review.state) })}
          />
        )}
      </Space>
    </Card>
  );
}
