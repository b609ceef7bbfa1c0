import { CheckOutlined } from '@ant-design/icons';
import { Button, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/api';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { useSession } from '../../session/session';
import { casePath } from '../cases/types';
import { formatDateTime } from '../format';
import { useDepartmentsByCode } from '../services-staff/lookups';
import { useLoad } from '../use-load';
import { CreditClassTag, InspectionStatusTag } from './tags';
import { type CreditWarning, call, type Inspection, REGULATION_PERMISSIONS as P, subjectPath } from './types';

/** Item names by code, for tables that list item codes. */
export function useItemNames() {
  const localName = useLocalName();
  const items = useLoad(() => call(api.GET('/api/regulation/items')).then((b) => b.items), []);
  return useMemo(() => {
    const names = new Map((items.data ?? []).map((i) => [i.code, localName(i.nameZh, i.nameEn)]));
    return (code: string) => names.get(code) ?? code;
  }, [items.data, localName]);
}

/** The link to an inspection's case: its number when known. */
export function CaseLink({ caseId, number }: { caseId: string | null; number: string | null | undefined }) {
  const t = useT();
  if (!caseId) return <>—</>;
  return (
    <Link to={casePath(caseId)} className="zz-mono" data-testid="reg-case-link">
      {number ?? t('regStaff.inspection.openCase')}
    </Link>
  );
}

/** The inspections of a subject: status, result, items, dates and the case. */
export function InspectionsTable({ inspections }: { inspections: Inspection[] }) {
  const t = useT();
  const { locale } = usePreferences();
  const itemName = useItemNames();
  return (
    <Table<Inspection>
      rowKey="id"
      size="small"
      dataSource={inspections}
      pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('regStaff.inspection.empty')} /> }}
      data-testid="reg-subject-inspections"
      columns={[
        {
          title: t('regStaff.inspection.case'),
          key: 'case',
          render: (_, r) => <CaseLink caseId={r.caseId} number={r.caseNumber} />,
        },
        {
          title: t('regStaff.inspection.status'),
          key: 'status',
          render: (_, r) => <InspectionStatusTag inspection={r} />,
        },
        {
          title: t('regStaff.inspection.items'),
          key: 'items',
          render: (_, r) => (
            <Space wrap size={4}>
              {r.itemCodes.map((c) => (
                <Tag key={c}>{itemName(c)}</Tag>
              ))}
              {r.joint && <Tag color="purple">{t('regStaff.visit.joint')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('regStaff.inspection.origin'),
          key: 'origin',
          render: (_, r) => (r.planId ? t('regStaff.inspection.fromPlan') : t('regStaff.inspection.onSpot')),
        },
        {
          title: t('regStaff.inspection.createdAt'),
          dataIndex: 'createdAt',
          render: (v: string) => formatDateTime(v, locale),
        },
        {
          title: t('regStaff.inspection.rectificationDue'),
          dataIndex: 'rectificationDue',
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('regStaff.inspection.publishedAt'),
          dataIndex: 'publishedAt',
          render: (v: string | null) => (v ? formatDateTime(v, locale) : '—'),
        },
      ]}
    />
  );
}

/** 信用预警: from → to class, the message, and (when allowed) an acknowledge button. */
export function WarningsTable({
  warnings,
  loading,
  showSubject,
  onAcknowledge,
}: {
  warnings: CreditWarning[];
  loading?: boolean;
  showSubject?: boolean;
  onAcknowledge?: (warning: CreditWarning) => void;
}) {
  const t = useT();
  const { locale } = usePreferences();
  const departments = useDepartmentsByCode();
  const { can } = useSession();
  const canAcknowledge = !!onAcknowledge && can(P.manageSubjects);
  return (
    <Table<CreditWarning>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={warnings}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('regStaff.warning.empty')} /> }}
      data-testid="reg-warnings-table"
      onRow={(r) => ({ 'data-testid': `reg-warning-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('regStaff.warning.createdAt'),
          dataIndex: 'createdAt',
          render: (v: string) => formatDateTime(v, locale),
        },
        ...(showSubject
          ? [
              {
                title: t('regStaff.subject.name'),
                key: 'subject',
                render: (_: unknown, r: CreditWarning) => (
                  <Space orientation="vertical" size={0}>
                    <Link to={subjectPath(r.subjectId)}>{r.subjectName}</Link>
                    <Typography.Text type="secondary" className="zz-mono">
                      {r.uscc}
                    </Typography.Text>
                  </Space>
                ),
              },
            ]
          : []),
        {
          title: t('regStaff.warning.kind'),
          dataIndex: 'kind',
          render: (v: CreditWarning['kind']) => t(`regStaff.warning.kind.${v}`),
        },
        {
          title: t('regStaff.warning.change'),
          key: 'change',
          render: (_, r) => (
            <Space size={4}>
              {r.fromClass ? <CreditClassTag value={r.fromClass} short /> : '—'}
              <span>→</span>
              <CreditClassTag value={r.toClass} short />
            </Space>
          ),
        },
        {
          title: t('regStaff.warning.message'),
          key: 'message',
          // The stored message is Chinese; the text is rebuilt from the warning's facts in the user's language.
          render: (_, r) => (
            <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>
              {r.kind === 'class_worsened'
                ? t('regStaff.warning.text.class_worsened', {
                    name: r.subjectName,
                    from: r.fromClass ?? '—',
                    to: r.toClass,
                    set: r.ruleSetCode,
                  })
                : t('regStaff.warning.text.risk_records', { name: r.subjectName, to: r.toClass })}
            </div>
          ),
        },
        {
          title: t('regStaff.department'),
          dataIndex: 'departmentCode',
          render: (v: string) => departments.name(v),
        },
        {
          title: t('regStaff.warning.status'),
          key: 'status',
          render: (_, r) =>
            r.status === 'open' ? (
              <Tag color="red">{t('regStaff.warning.status.open')}</Tag>
            ) : (
              <Typography.Text type="secondary">
                {t('regStaff.warning.acknowledgedBy', {
                  name: r.acknowledgedBy ?? '—',
                  at: formatDateTime(r.acknowledgedAt, locale),
                })}
              </Typography.Text>
            ),
        },
        ...(canAcknowledge
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, r: CreditWarning) =>
                  r.status === 'open' && (
                    <Popconfirm
                      title={t('regStaff.warning.acknowledgeConfirm')}
                      onConfirm={() => onAcknowledge?.(r)}
                    >
                      <Button size="small" icon={<CheckOutlined />} data-testid="reg-warning-ack">
                        {t('regStaff.warning.acknowledge')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
