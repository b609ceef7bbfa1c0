import { type Division, unwrap } from '@zhizhi/api-client';
import { Button, Card, Descriptions, Empty, Table, Tag } from 'antd';
import { api } from '../api/api';
import { useEnumLabel, useT } from '../i18n/use-t';
import { useSession } from '../session/session';
import { formatValidity } from './format';
import { useLoad } from './use-load';

export interface DivisionDetailProps {
  code: string | null;
  /** Bumped by the page after a change so the detail re-reads. */
  version: number;
  onRename: (division: Division) => void;
}

/** One division with its full history (renames, code changes). */
export function DivisionDetail({ code, version, onRename }: DivisionDetailProps) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const { can } = useSession();
  const detail = useLoad(
    async () => (code ? unwrap(api.GET('/api/org/divisions/{code}', { params: { path: { code } } })) : null),
    [code, version],
  );
  if (!code)
    return (
      <Card>
        <Empty description={t('divisions.selectHint')} />
      </Card>
    );
  const division = detail.data;

  return (
    <Card
      loading={detail.loading && !division}
      title={division?.name ?? code}
      extra={
        division && can('org.manage') && !division.validTo ? (
          <Button onClick={() => onRename(division)}>{t('divisions.rename')}</Button>
        ) : null
      }
    >
      {division && (
        <>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              {
                key: 'code',
                label: t('divisions.code'),
                children: <span className="zz-mono">{division.code}</span>,
              },
              {
                key: 'level',
                label: t('divisions.level'),
                children: enumLabel('divisionLevel', division.level),
              },
              { key: 'kind', label: t('divisions.kind'), children: enumLabel('divisionKind', division.kind) },
              { key: 'children', label: t('divisions.childCount'), children: division.childCount },
              {
                key: 'validity',
                label: t('divisions.validity'),
                children: formatValidity(division.validFrom, division.validTo),
              },
              { key: 'replacedBy', label: t('divisions.replacedBy'), children: division.replacedBy ?? '—' },
              {
                key: 'seat',
                label: t('divisions.seat'),
                children:
                  division.lng != null && division.lat != null
                    ? `${division.lng.toFixed(4)}, ${division.lat.toFixed(4)}`
                    : '—',
              },
            ]}
          />
          <h3>{t('divisions.history')}</h3>
          <Table
            size="small"
            rowKey={(row) => `${row.code}@${row.validFrom}`}
            dataSource={division.history}
            pagination={false}
            columns={[
              {
                title: t('divisions.name'),
                dataIndex: 'name',
                render: (name: string, row) =>
                  row.validTo ? <span className="zz-historic">{name}</span> : name,
              },
              {
                title: t('divisions.code'),
                dataIndex: 'code',
                render: (value: string) => <span className="zz-mono">{value}</span>,
              },
              { title: t('divisions.validFrom'), dataIndex: 'validFrom' },
              {
                title: t('divisions.validTo'),
                dataIndex: 'validTo',
                render: (value: string | null) => value ?? <Tag color="green">{t('divisions.current')}</Tag>,
              },
              {
                title: t('divisions.replacedBy'),
                dataIndex: 'replacedBy',
                render: (value: string | null) => value ?? '—',
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
