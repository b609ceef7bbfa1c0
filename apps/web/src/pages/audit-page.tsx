import { type AuditEntry, unwrap } from '@zhizhi/api-client';
import { Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/api';
import { AuditBanner } from '../components/audit-banner';
import { type AuditFilter, AuditFilters } from '../components/audit-filters';
import { formatDateTime } from '../components/format';
import { useProblemNotifier } from '../components/use-action';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

const LIMIT = 50;

function EntryDetail({ entry }: { entry: AuditEntry }) {
  const t = useT();
  return (
    <Descriptions
      column={1}
      size="small"
      items={[
        { key: 'id', label: 'ID', children: <span className="zz-mono">{entry.id}</span> },
        { key: 'actor', label: t('audit.actorType'), children: `${entry.actorType} ${entry.actorId ?? ''}` },
        { key: 'purpose', label: t('audit.purpose'), children: entry.purpose ?? '—' },
        {
          key: 'data',
          label: t('audit.data'),
          children: <pre className="zz-json zz-mono">{JSON.stringify(entry.data, null, 2)}</pre>,
        },
        {
          key: 'prev',
          label: t('audit.prevHash'),
          children: <span className="zz-mono">{entry.prevHash}</span>,
        },
        { key: 'hash', label: t('audit.hash'), children: <span className="zz-mono">{entry.hash}</span> },
      ]}
    />
  );
}

export function AuditPage() {
  const t = useT();
  const { locale } = usePreferences();
  const notify = useProblemNotifier();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  // Each filter change starts a new generation; answers for an older one are dropped.
  const generation = useRef(0);

  const load = useCallback(
    async (beforeSeq: number | undefined) => {
      const mine = generation.current;
      setLoading(true);
      try {
        const page = await unwrap(
          api.GET('/api/audit/entries', { params: { query: { ...filter, beforeSeq, limit: LIMIT } } }),
        );
        if (mine !== generation.current) return;
        setEntries((previous) => (beforeSeq === undefined ? page.items : [...previous, ...page.items]));
        setNext(page.nextBeforeSeq);
      } catch (error) {
        if (mine === generation.current) notify(error);
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [filter, notify],
  );

  useEffect(() => {
    generation.current += 1;
    setEntries([]);
    setNext(null);
    void load(undefined);
  }, [load]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.audit')}
      </Typography.Title>
      <AuditBanner />
      <Card>
        <AuditFilters onChange={setFilter} />
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          loading={loading && entries.length === 0}
          dataSource={entries}
          pagination={false}
          expandable={{ expandedRowRender: (entry) => <EntryDetail entry={entry} /> }}
          columns={[
            { title: t('audit.seq'), dataIndex: 'seq', width: 90 },
            {
              title: t('audit.at'),
              dataIndex: 'at',
              render: (value: string) => formatDateTime(value, locale),
            },
            {
              title: t('audit.actor'),
              key: 'actor',
              render: (_: unknown, entry) =>
                entry.actorName ?? (entry.actorId ? `${entry.actorType}:${entry.actorId}` : entry.actorType),
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (value: string) => <span className="zz-mono">{value}</span>,
            },
            {
              title: t('audit.subject'),
              key: 'subject',
              render: (_: unknown, entry) => (
                <span className="zz-mono">
                  {entry.subjectType}
                  {entry.subjectId ? ` ${entry.subjectId}` : ''}
                </span>
              ),
            },
            {
              title: t('audit.purpose'),
              dataIndex: 'purpose',
              render: (value: string | null) => value ?? '—',
            },
          ]}
        />
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          {next !== null ? (
            <Button onClick={() => load(next)} loading={loading} data-testid="audit-more">
              {t('audit.loadOlder')}
            </Button>
          ) : (
            entries.length > 0 && <Typography.Text>{t('audit.end')}</Typography.Text>
          )}
        </div>
      </Card>
    </Space>
  );
}
