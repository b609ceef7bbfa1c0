import { Card, Descriptions, Empty, Image, Space, Table, Tag, Typography } from 'antd';
import { useEnumLabel, useT } from '../../i18n/use-t';
import { hasMessage } from '../../i18n/translate';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import { svgDataUrl } from '../places/places-model';
import { useDepartmentsByCode, useTownNames } from '../services-staff/lookups';
import {
  beijingDay,
  type Licence,
  type Subject,
  type SubjectHistoryEntry,
  type SubjectProfile,
} from './types';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const licenceValid = (l: Licence) => l.validFrom <= today() && (l.validTo === null || l.validTo >= today());

/** 登记信息: the registration facts. */
export function RegistrationFacts({ subject }: { subject: Subject }) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const { elderMode } = usePreferences();
  const townName = useTownNames();
  const departments = useDepartmentsByCode();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: elderMode ? 1 : 2 }}
      data-testid="reg-subject-facts"
    >
      <Descriptions.Item label={t('regStaff.subject.uscc')}>
        <Space wrap>
          <span className="zz-mono">{subject.uscc}</span>
          {subject.checkOverridden && <Tag color="orange">{t('regStaff.subject.checkOverridden')}</Tag>}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('regStaff.subject.kind')}>
        {enumLabel('regStaff.kind', subject.kind)}
      </Descriptions.Item>
      <Descriptions.Item label={t('regStaff.subject.legalRepresentative')}>
        {subject.legalRepresentative}
      </Descriptions.Item>
      <Descriptions.Item label={t('regStaff.subject.status')}>
        {enumLabel('regStaff.status', subject.status)}
      </Descriptions.Item>
      <Descriptions.Item label={t('regStaff.subject.address')}>
        <Space wrap>
          <span>{subject.address}</span>
          {subject.addressId ? (
            <Tag color="green">{t('regStaff.subject.addressMatched')}</Tag>
          ) : (
            <Tag>{t('regStaff.subject.addressUnmatched')}</Tag>
          )}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('regStaff.subject.township')}>
        {townName(`${subject.divisionCode.slice(0, 9)}000`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('regStaff.subject.industry')}>
        <span className="zz-mono">{subject.industryCode}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('regStaff.subject.department')}>
        {departments.name(subject.departmentCode)}
      </Descriptions.Item>
      <Descriptions.Item label={t('regStaff.subject.registeredAt')}>
        {beijingDay(subject.createdAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('regStaff.subject.version')}>{subject.version}</Descriptions.Item>
    </Descriptions>
  );
}

/** 许可证: each licence with its validity. */
export function LicencesTable({ licences }: { licences: Licence[] }) {
  const t = useT();
  return (
    <Table<Licence>
      rowKey={(l) => `${l.type}|${l.number}`}
      size="small"
      dataSource={licences}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('regStaff.licence.empty')} /> }}
      data-testid="reg-licences"
      columns={[
        { title: t('regStaff.licence.type'), dataIndex: 'type' },
        {
          title: t('regStaff.licence.number'),
          dataIndex: 'number',
          render: (v: string) => <span className="zz-mono">{v}</span>,
        },
        { title: t('regStaff.licence.validFrom'), dataIndex: 'validFrom' },
        {
          title: t('regStaff.licence.validTo'),
          dataIndex: 'validTo',
          render: (v: string | null) => v ?? t('regStaff.licence.noEnd'),
        },
        {
          title: t('regStaff.licence.state'),
          key: 'state',
          render: (_, l) =>
            licenceValid(l) ? (
              <Tag color="green">{t('regStaff.licence.valid')}</Tag>
            ) : (
              <Tag color="red">{t('regStaff.licence.expired')}</Tag>
            ),
        },
      ]}
    />
  );
}

function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value))
    return (
      value
        .map((v) =>
          v && typeof v === 'object' && 'type' in v
            ? `${String(v.type)} ${String((v as Licence).number)}`
            : String(v),
        )
        .join('；') || '—'
    );
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** 变更历史: each version, who made it, and every field's before → after. */
export function StatusHistory({ history }: { history: SubjectHistoryEntry[] }) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const { locale } = usePreferences();
  const field = (name: string) => {
    const key = `regStaff.field.${name}`;
    return hasMessage(key) ? t(key) : name;
  };
  const value = (name: string, v: unknown) =>
    name === 'status' || name === 'kind' ? enumLabel(`regStaff.${name}`, String(v)) : showValue(v);
  return (
    <Table<SubjectHistoryEntry>
      rowKey="id"
      size="small"
      dataSource={history}
      pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      data-testid="reg-subject-history"
      columns={[
        { title: t('regStaff.subject.version'), dataIndex: 'version' },
        {
          title: t('regStaff.history.at'),
          dataIndex: 'at',
          render: (v: string) => formatDateTime(v, locale),
        },
        { title: t('regStaff.history.actor'), dataIndex: 'actorName' },
        {
          title: t('regStaff.subject.status'),
          dataIndex: 'status',
          render: (v: string) => enumLabel('regStaff.status', v),
        },
        {
          title: t('regStaff.history.changes'),
          key: 'changes',
          render: (_, row) => {
            const entries = Object.entries(row.changes);
            if (!entries.length) return <Tag>{t('regStaff.history.registered')}</Tag>;
            return (
              <Space orientation="vertical" size={0}>
                {entries.map(([name, [before, after]]) => (
                  <span key={name}>
                    <strong>{field(name)}</strong>：{value(name, before)} → {value(name, after)}
                  </span>
                ))}
              </Space>
            );
          },
        },
      ]}
    />
  );
}

/** 众安码: the shop's QR code and where it leads. */
export function ShopCodeCard({ code }: { code: SubjectProfile['code'] }) {
  const t = useT();
  const { elderMode } = usePreferences();
  return (
    <Card size="small" title={t('regStaff.code.title')} data-testid="reg-shop-code">
      {code ? (
        <Space orientation="vertical" align="center" style={{ width: '100%' }}>
          <Image
            src={svgDataUrl(code.qrSvg)}
            alt={t('regStaff.code.alt')}
            width={elderMode ? 240 : 180}
            preview={false}
          />
          <Typography.Link href={code.url} target="_blank" rel="noreferrer" copyable className="zz-mono">
            {code.url}
          </Typography.Link>
          <Typography.Text type="secondary">{t('regStaff.code.help')}</Typography.Text>
        </Space>
      ) : (
        <Empty description={t('regStaff.code.none')} />
      )}
    </Card>
  );
}
