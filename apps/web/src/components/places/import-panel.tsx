import { unwrap } from '@zhizhi/api-client';
import {
  Alert,
  Button,
  Card,
  Col,
  Progress,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { type HTMLAttributes, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/api';
import { useT } from '../../i18n/use-t';
import { useProblemNotifier } from '../use-action';
import { useLoad } from '../use-load';
import { percent, RECORD_COLOUR, RECORD_OUTCOMES, type RecordOutcome, recordOutcome } from './places-model';
import type { ImportRecord, PlacesImport } from './types';

const POLL_MS = 1000;
const STATUS_COLOUR: Record<string, string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

export const isRunning = (item: PlacesImport) => item.status === 'queued' || item.status === 'running';

/** Polls an import while it runs; `onChange` gets each new state (the page keeps the current one). */
export function usePollImport(current: PlacesImport | null, onChange: (next: PlacesImport) => void) {
  const notify = useProblemNotifier();
  useEffect(() => {
    if (!current || !isRunning(current)) return;
    const timer = setTimeout(() => {
      unwrap(api.GET('/api/places/imports/{id}', { params: { path: { id: current.id } } }))
        .then(onChange)
        .catch(notify);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [current, onChange, notify]);
}

function RecordsTable({ item }: { item: PlacesImport }) {
  const t = useT();
  const [outcome, setOutcome] = useState<RecordOutcome | 'all'>('all');
  const [page, setPage] = useState(1);
  const pageSize = 50;
  const records = useLoad(
    () =>
      unwrap(
        api.GET('/api/places/imports/{id}/records', {
          params: {
            path: { id: item.id },
            query: {
              outcome: outcome === 'all' ? undefined : outcome,
              limit: pageSize,
              offset: (page - 1) * pageSize,
            },
          },
        }),
      ),
    [item.id, item.processed, outcome, page],
  );
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>{t('places.imports.records')}</Typography.Text>
        <Segmented<RecordOutcome | 'all'>
          aria-label={t('places.imports.outcomeFilter')}
          value={outcome}
          onChange={(value) => {
            setOutcome(value);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('common.all') },
            ...RECORD_OUTCOMES.map((value) => ({ value, label: t(`places.record.${value}`) })),
          ]}
          data-testid="places-records-filter"
        />
      </Space>
      <Table<ImportRecord>
        size="small"
        rowKey="id"
        loading={records.loading}
        dataSource={records.data?.records ?? []}
        data-testid="places-records"
        onRow={(record) => ({ 'data-outcome': record.outcome }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize,
          total: records.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        scroll={{ x: 800 }}
        columns={[
          { title: t('places.imports.row'), dataIndex: 'rowNo', width: 70 },
          {
            title: t('places.imports.recordId'),
            dataIndex: 'sourceRecordId',
            width: 100,
            render: (v) => v ?? '—',
          },
          { title: t('places.imports.raw'), dataIndex: 'raw' },
          { title: t('places.imports.standardised'), dataIndex: 'standard' },
          {
            title: t('places.imports.confidence'),
            dataIndex: 'confidence',
            width: 90,
            render: (value: number | null) => percent(value),
          },
          {
            title: t('places.imports.outcomeFilter'),
            key: 'outcome',
            width: 110,
            render: (_, record) => {
              const known = recordOutcome(record);
              return (
                <Tag color={known ? RECORD_COLOUR[known] : 'default'}>
                  {known ? t(`places.record.${known}`) : record.outcome}
                </Tag>
              );
            },
          },
        ]}
      />
    </Space>
  );
}

/** One import: progress while it runs, the counts, and its records with an outcome filter. */
export function ImportPanel({ item }: { item: PlacesImport }) {
  const t = useT();
  const running = isRunning(item);
  const progress = item.total > 0 ? Math.round((100 * item.processed) / item.total) : 0;
  const stats = [
    { key: 'total', value: item.total },
    { key: 'processed', value: item.processed },
    { key: 'matched', value: item.matched, colour: '#237804' },
    { key: 'review', value: item.review, colour: item.review ? '#ad6800' : undefined },
    { key: 'failed', value: item.failed, colour: item.failed ? '#cf1322' : undefined },
  ] as const;
  return (
    <Card
      data-testid="places-import"
      data-status={item.status}
      title={
        <Space wrap>
          <span>{item.fileName}</span>
          <Tag color={STATUS_COLOUR[item.status] ?? 'default'}>
            {t(`places.imports.status.${item.status as 'done'}`)}
          </Tag>
          <Typography.Text type="secondary">
            {t(`places.source.${item.sourceKind as 'other'}`)} · {item.sourceName}
          </Typography.Text>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Progress
          percent={progress}
          status={item.status === 'failed' ? 'exception' : running ? 'active' : 'success'}
          aria-label={t('places.imports.progress')}
        />
        <Row gutter={16}>
          {stats.map((stat) => (
            <Col xs={12} md={4} key={stat.key}>
              <Statistic
                title={t(`places.imports.${stat.key}`)}
                value={stat.value}
                styles={{ content: { color: 'colour' in stat ? stat.colour : undefined } }}
                data-testid={`places-import-${stat.key}`}
              />
            </Col>
          ))}
          <Col xs={12} md={4}>
            <Statistic title={t('places.imports.cases')} value={item.proposed} />
          </Col>
        </Row>
        {item.error && <Alert type="error" showIcon title={item.error} />}
        {item.status === 'done' && (
          <Alert
            type={item.review || item.failed ? 'warning' : 'success'}
            showIcon
            data-testid="places-import-finished"
            title={t('places.imports.finished', {
              matched: item.matched,
              review: item.review,
              cases: item.proposed,
              failed: item.failed,
            })}
            action={
              item.review > 0 ? (
                <Link to="/places/reviews">
                  <Button type="primary" data-testid="places-import-open-reviews">
                    {t('places.imports.openReviews')}
                  </Button>
                </Link>
              ) : undefined
            }
          />
        )}
        <RecordsTable item={item} />
      </Space>
    </Card>
  );
}
