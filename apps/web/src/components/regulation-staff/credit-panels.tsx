import { Card, Col, Empty, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '../format';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { useDepartmentsByCode } from '../services-staff/lookups';
import { CreditClassTag } from './tags';
import {
  beijingDay,
  type CreditRecordRow,
  type CurrentRating,
  type RatingHistoryRow,
  type RuleSet,
} from './types';

/** Whether a record counts against the subject, for it, or neither (the module's recordStanding). */
export function recordStanding(record: CreditRecordRow): 'adverse' | 'favourable' | 'neutral' {
  switch (record.source) {
    case 'penalty':
    case 'court':
    case 'complaint':
      return 'adverse';
    case 'licence':
      return 'favourable';
    case 'inspection':
      return record.data.result === 'fail'
        ? 'adverse'
        : record.data.result === 'pass'
          ? 'favourable'
          : 'neutral';
    case 'tax':
      return record.data.violation === true ? 'adverse' : 'favourable';
    case 'commitment':
      return record.data.kept === false ? 'adverse' : record.data.kept === true ? 'favourable' : 'neutral';
  }
}

const STANDING_COLOR = { adverse: 'red', favourable: 'green', neutral: 'default' } as const;
const day = (value: string | null) => beijingDay(value);
export const recordRowId = (id: string) => `reg-record-${id}`;

/** The class under each rule set, with the rules that held, their points and caps, and their records. */
export function RatingCards({
  ratings,
  ruleSets,
  records,
  onShowRecords,
}: {
  ratings: CurrentRating[];
  ruleSets: RuleSet[];
  records: CreditRecordRow[];
  onShowRecords: (ids: string[]) => void;
}) {
  const t = useT();
  const localName = useLocalName();
  const { locale, elderMode } = usePreferences();
  const byId = new Map(records.map((r) => [r.id, r]));
  if (!ratings.length) return <Empty description={t('regStaff.rating.none')} />;
  return (
    <Row gutter={[12, 12]}>
      {[...ratings]
        .sort((a, b) => Number(a.ruleSetCode !== 'general') - Number(b.ruleSetCode !== 'general'))
        .map((rating) => {
          const set = ruleSets.find((s) => s.code === rating.ruleSetCode);
          return (
            <Col key={rating.ruleSetCode} xs={24} xl={elderMode || ratings.length === 1 ? 24 : 12}>
              <Card
                size="small"
                data-testid={`reg-rating-${rating.ruleSetCode}`}
                title={
                  <Space wrap>
                    <span>{set ? localName(set.name.zh, set.name.en) : rating.ruleSetCode}</span>
                    <Tag>{set?.sector ? t('regStaff.rules.sector') : t('regStaff.rules.general')}</Tag>
                  </Space>
                }
                extra={<Typography.Text type="secondary">v{rating.ruleSetVersion}</Typography.Text>}
              >
                <Space size="large" wrap align="center">
                  <Statistic title={t('regStaff.rating.score')} value={rating.score} />
                  <CreditClassTag value={rating.creditClass} />
                  <Typography.Text type="secondary">
                    {t('regStaff.rating.ratedAt', { at: formatDateTime(rating.ratedAt, locale) })}
                  </Typography.Text>
                </Space>
                <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
                  {set
                    ? t('regStaff.rating.base', {
                        base: set.baseScore,
                        a: set.classes.A,
                        b: set.classes.B,
                        c: set.classes.C,
                      })
                    : null}
                </Typography.Paragraph>
                <List
                  size="small"
                  header={<strong>{t('regStaff.rating.explanation')}</strong>}
                  locale={{ emptyText: t('regStaff.rating.noRules') }}
                  dataSource={rating.explanation}
                  data-testid="reg-rating-explanation"
                  renderItem={(entry) => (
                    <List.Item data-testid={`reg-explanation-${entry.rule}`}>
                      <div
                        style={{
                          display: 'flex',
                          flexDirection: 'column',
                          gap: 2,
                          width: '100%',
                          minWidth: 0,
                        }}
                      >
                        <Space wrap>
                          <Tag color={entry.points < 0 ? 'red' : entry.points > 0 ? 'green' : 'default'}>
                            {entry.points > 0 ? `+${entry.points}` : entry.points}
                          </Tag>
                          <span>{localName(entry.description.zh, entry.description.en)}</span>
                          <Typography.Text type="secondary" className="zz-mono">
                            {entry.rule}
                          </Typography.Text>
                          {entry.cap && (
                            <Tag color="volcano">{t('regStaff.rating.cap', { cap: entry.cap })}</Tag>
                          )}
                        </Space>
                        {entry.records.length > 0 && (
                          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, minWidth: 0 }}>
                            <Typography.Link
                              onClick={() => onShowRecords(entry.records)}
                              data-testid="reg-explanation-records"
                            >
                              {t('regStaff.rating.records', { count: entry.records.length })}
                            </Typography.Link>
                            {entry.records.map((id) => {
                              const record = byId.get(id);
                              return (
                                <Tag
                                  key={id}
                                  title={record?.summary}
                                  style={{
                                    cursor: 'pointer',
                                    maxWidth: '100%',
                                    overflow: 'hidden',
                                    textOverflow: 'ellipsis',
                                    whiteSpace: 'nowrap',
                                  }}
                                  onClick={() => onShowRecords([id])}
                                >
                                  {record ? `${day(record.date)} ${record.summary}` : id.slice(0, 8)}
                                </Tag>
                              );
                            })}
                          </div>
                        )}
                      </div>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          );
        })}
    </Row>
  );
}

/** 评级历史: each change of class or score, why it was re-rated and the class before. */
export function RatingHistoryTable({
  history,
  ruleSets,
}: {
  history: RatingHistoryRow[];
  ruleSets: RuleSet[];
}) {
  const t = useT();
  const localName = useLocalName();
  const { locale } = usePreferences();
  const setName = (code: string) => {
    const set = ruleSets.find((s) => s.code === code);
    return set ? localName(set.name.zh, set.name.en) : code;
  };
  return (
    <Table<RatingHistoryRow>
      rowKey="id"
      size="small"
      dataSource={history}
      pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('regStaff.rating.noHistory')} /> }}
      data-testid="reg-rating-history"
      columns={[
        {
          title: t('regStaff.rating.at'),
          dataIndex: 'ratedAt',
          render: (v: string) => formatDateTime(v, locale),
        },
        {
          title: t('regStaff.rating.ruleSet'),
          key: 'set',
          render: (_, r) => `${setName(r.ruleSetCode)} v${r.ruleSetVersion}`,
        },
        {
          title: t('regStaff.rating.change'),
          key: 'change',
          render: (_, r) => (
            <Space size={4}>
              {r.previousClass ? (
                <CreditClassTag value={r.previousClass} short />
              ) : (
                <Tag>{t('regStaff.rating.first')}</Tag>
              )}
              <span>→</span>
              <CreditClassTag value={r.creditClass} short />
            </Space>
          ),
        },
        { title: t('regStaff.rating.score'), dataIndex: 'score' },
        {
          title: t('regStaff.rating.reason'),
          dataIndex: 'reason',
          render: (v: RatingHistoryRow['reason']) => t(`regStaff.reason.${v}`),
        },
      ]}
    />
  );
}

/** 信用记录: source, department, dates, repair, summary; adverse or favourable. */
export function RecordsTable({
  records,
  highlighted,
}: {
  records: CreditRecordRow[];
  highlighted: string[];
}) {
  const t = useT();
  const departments = useDepartmentsByCode();
  return (
    <Table<CreditRecordRow>
      rowKey="id"
      size="small"
      dataSource={records}
      pagination={false}
      scroll={{ x: 'max-content', y: records.length > 12 ? 480 : undefined }}
      locale={{ emptyText: <Empty description={t('regStaff.record.empty')} /> }}
      data-testid="reg-records"
      rowClassName={(r) => (highlighted.includes(r.id) ? 'ant-table-row-selected' : '')}
      onRow={(r) =>
        ({
          id: recordRowId(r.id),
          'data-highlighted': highlighted.includes(r.id),
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: t('regStaff.record.source'),
          dataIndex: 'source',
          render: (v: CreditRecordRow['source']) => t(`regStaff.source.${v}`),
        },
        {
          title: t('regStaff.record.standing'),
          key: 'standing',
          render: (_, r) => {
            const standing = recordStanding(r);
            return <Tag color={STANDING_COLOR[standing]}>{t(`regStaff.standing.${standing}`)}</Tag>;
          },
        },
        { title: t('regStaff.record.summary'), dataIndex: 'summary' },
        {
          title: t('regStaff.record.department'),
          dataIndex: 'departmentCode',
          render: (v: string) => departments.name(v),
        },
        { title: t('regStaff.record.date'), dataIndex: 'date', render: day },
        {
          title: t('regStaff.record.validUntil'),
          dataIndex: 'validUntil',
          render: (v: string | null) => (v ? day(v) : t('regStaff.record.noEnd')),
        },
        {
          title: t('regStaff.record.repaired'),
          dataIndex: 'repairedAt',
          render: (v: string | null) => (v ? <Tag color="cyan">{day(v)}</Tag> : '—'),
        },
        { title: t('regStaff.record.severity'), dataIndex: 'severity' },
      ]}
    />
  );
}
