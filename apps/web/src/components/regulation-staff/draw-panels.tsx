import { DownloadOutlined } from '@ant-design/icons';
import { Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import { useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import { useDepartmentsByCode } from '../services-staff/lookups';
import { CaseLink } from './activity-tables';
import { SubjectNameLink } from './subject-select';
import { CreditClassTag } from './tags';
import {
  CREDIT_CLASSES,
  type DrawShortfall,
  type DrawStratum,
  type DrawVisit,
  type Inspection,
  type Plan,
  proofPath,
  subjectPath,
  targetCount,
} from './types';
import { Link } from 'react-router';

const Hash = ({ value }: { value: string | null }) =>
  value ? (
    <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="reg-hash">
      {value}
    </Typography.Text>
  ) : (
    <>—</>
  );

/** The strata a committed input gives before the draw: eligible subjects and the expected count. */
export function previewStrata(plan: Plan): DrawStratum[] {
  if (!plan.input) return [];
  return plan.input.items.flatMap((item) =>
    CREDIT_CLASSES.map((creditClass) => {
      const eligible = plan.input!.subjects.filter(
        (s) => s.creditClass === creditClass && s.itemCodes.includes(item.code),
      ).length;
      const ratioPpm = item.ratioPpm[creditClass];
      return {
        itemCode: item.code,
        creditClass,
        eligible,
        ratioPpm,
        selected: targetCount(ratioPpm, eligible),
      };
    }),
  );
}

/** 抽查前公示: the seed's hash, the digest of the frozen inputs, and what they hold. */
export function CommitmentCard({ plan }: { plan: Plan }) {
  const t = useT();
  const { locale, elderMode } = usePreferences();
  return (
    <Card size="small" title={t('regStaff.draw.commitment')} data-testid="reg-draw-commitment">
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label={t('regStaff.draw.seedCommitment')}>
          <Hash value={plan.seedCommitment} />
        </Descriptions.Item>
        <Descriptions.Item label={t('regStaff.draw.inputsDigest')}>
          <Hash value={plan.inputsDigest} />
        </Descriptions.Item>
        <Descriptions.Item label={t('regStaff.draw.committedAt')}>
          {formatDateTime(plan.committedAt, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('regStaff.draw.frozen')}>
          <Space wrap size={elderMode ? 'middle' : 'small'}>
            <span data-testid="reg-draw-subjects">
              {t('regStaff.draw.subjects', { count: plan.input?.subjects.length ?? 0 })}
            </span>
            <span data-testid="reg-draw-inspectors">
              {t('regStaff.draw.inspectors', { count: plan.input?.inspectors.length ?? 0 })}
            </span>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('regStaff.draw.commitmentHelp')}
      </Typography.Paragraph>
    </Card>
  );
}

/** 分层: item × class, eligible subjects, ratio and the selected (or, before the draw, expected) count. */
export function StrataTable({
  strata,
  itemName,
  preview,
}: {
  strata: DrawStratum[];
  itemName: (code: string) => string;
  preview?: boolean;
}) {
  const t = useT();
  return (
    <Table<DrawStratum>
      rowKey={(s) => `${s.itemCode}|${s.creditClass}`}
      size="small"
      dataSource={strata}
      pagination={false}
      scroll={{ x: 'max-content', y: strata.length > 16 ? 480 : undefined }}
      data-testid={preview ? 'reg-strata-preview' : 'reg-strata'}
      columns={[
        {
          title: t('regStaff.item.name'),
          dataIndex: 'itemCode',
          onCell: (s, i = 0) => ({
            rowSpan: i > 0 && strata[i - 1]?.itemCode === s.itemCode ? 0 : CREDIT_CLASSES.length,
          }),
          render: (v: string) => itemName(v),
        },
        {
          title: t('regStaff.subject.creditClass'),
          dataIndex: 'creditClass',
          render: (v: DrawStratum['creditClass']) => <CreditClassTag value={v} short />,
        },
        { title: t('regStaff.draw.eligible'), dataIndex: 'eligible' },
        {
          title: t('regStaff.draw.ratio'),
          dataIndex: 'ratioPpm',
          render: (v: number) => `${(v / 10_000).toFixed(2)}%`,
        },
        { title: preview ? t('regStaff.draw.expected') : t('regStaff.draw.selected'), dataIndex: 'selected' },
      ]}
    />
  );
}

/** 检查安排: one visit per drawn subject, with items, departments, inspectors and its case. */
export function VisitsTable({
  visits,
  inspections,
  itemName,
  inspectorName,
}: {
  visits: DrawVisit[];
  inspections: Inspection[];
  itemName: (code: string) => string;
  inspectorName: (id: string) => string;
}) {
  const t = useT();
  const departments = useDepartmentsByCode();
  const bySubject = new Map(inspections.map((i) => [i.subjectId, i]));
  return (
    <Table<DrawVisit>
      rowKey="subjectId"
      size="small"
      dataSource={visits}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('regStaff.draw.noVisits')} /> }}
      data-testid="reg-visits"
      columns={[
        {
          title: t('regStaff.subject.name'),
          key: 'subject',
          render: (_, v) => {
            const inspection = bySubject.get(v.subjectId);
            return inspection ? (
              <Link to={subjectPath(v.subjectId)}>{inspection.subjectName}</Link>
            ) : (
              <SubjectNameLink id={v.subjectId} />
            );
          },
        },
        {
          title: t('regStaff.subject.creditClass'),
          dataIndex: 'creditClass',
          render: (c: DrawVisit['creditClass']) => <CreditClassTag value={c} short />,
        },
        {
          title: t('regStaff.inspection.items'),
          key: 'items',
          render: (_, v) => (
            <Space wrap size={4}>
              {v.itemCodes.map((c) => (
                <Tag key={c}>{itemName(c)}</Tag>
              ))}
              {v.joint && (
                <Tag color="purple" data-testid="reg-visit-joint">
                  {t('regStaff.visit.joint')}
                </Tag>
              )}
            </Space>
          ),
        },
        {
          title: t('regStaff.visit.departments'),
          key: 'departments',
          render: (_, v) => v.departmentCodes.map(departments.name).join('、'),
        },
        {
          title: t('regStaff.visit.inspectors'),
          key: 'inspectors',
          render: (_, v) => v.inspectorIds.map(inspectorName).join('、'),
        },
        {
          title: t('regStaff.inspection.case'),
          key: 'case',
          render: (_, v) => (
            <CaseLink
              caseId={bySubject.get(v.subjectId)?.caseId ?? null}
              number={bySubject.get(v.subjectId)?.caseNumber}
            />
          ),
        },
      ]}
    />
  );
}

/** 未能派员: drawn targets that could not get enough inspectors, and why. */
export function ShortfallsTable({
  shortfalls,
  itemName,
}: {
  shortfalls: DrawShortfall[];
  itemName: (code: string) => string;
}) {
  const t = useT();
  return (
    <Table<DrawShortfall>
      rowKey={(s) => `${s.itemCode}|${s.subjectId}`}
      size="small"
      dataSource={shortfalls}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('regStaff.draw.noShortfalls')} /> }}
      data-testid="reg-shortfalls"
      columns={[
        {
          title: t('regStaff.subject.name'),
          key: 'subject',
          render: (_, s) => <SubjectNameLink id={s.subjectId} />,
        },
        { title: t('regStaff.item.name'), dataIndex: 'itemCode', render: (v: string) => itemName(v) },
        {
          title: t('regStaff.subject.creditClass'),
          dataIndex: 'creditClass',
          render: (c: DrawShortfall['creditClass']) => <CreditClassTag value={c} short />,
        },
        {
          title: t('regStaff.draw.reason'),
          dataIndex: 'reason',
          render: (v: DrawShortfall['reason']) => <Tag color="orange">{t(`regStaff.shortfall.${v}`)}</Tag>,
        },
        {
          title: t('regStaff.draw.counts'),
          key: 'counts',
          render: (_, s) =>
            t('regStaff.shortfall.counts', {
              required: s.required,
              qualified: s.qualified,
              recused: s.recused,
              previous: s.previous,
              available: s.available,
            }),
        },
      ]}
    />
  );
}

/** 结果公示: the result's digest, the published seed, the proof document and the command to check it. */
export function ResultCard({ plan }: { plan: Plan }) {
  const t = useT();
  const { locale } = usePreferences();
  const command = `npx zhizhi inspection verify-draw --server ${window.location.origin} --plan ${plan.id}`;
  return (
    <Card size="small" title={t('regStaff.draw.result')} data-testid="reg-draw-result">
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label={t('regStaff.draw.drawnAt')}>
          {formatDateTime(plan.drawnAt, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('regStaff.draw.resultDigest')}>
          <Hash value={plan.resultDigest} />
        </Descriptions.Item>
        <Descriptions.Item label={t('regStaff.draw.seed')}>
          <Hash value={plan.seed} />
        </Descriptions.Item>
        <Descriptions.Item label={t('regStaff.draw.seedPublishedAt')}>
          {formatDateTime(plan.seedPublishedAt, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('regStaff.draw.proof')}>
          <Typography.Link
            href={proofPath(plan.id)}
            download={`draw-proof-${plan.number}.json`}
            data-testid="reg-draw-proof"
          >
            <DownloadOutlined /> {t('regStaff.draw.downloadProof')}
          </Typography.Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('regStaff.draw.verify')}>
          <Typography.Paragraph
            code
            copyable={{ text: command }}
            style={{ margin: 0, wordBreak: 'break-all' }}
            data-testid="reg-draw-cli"
          >
            {command}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('regStaff.draw.verifyHelp')}
      </Typography.Paragraph>
    </Card>
  );
}
