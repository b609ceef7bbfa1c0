import { Alert, Descriptions, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import { SourceTag, valueText } from './service-form';
import { ServiceStateTag } from './state-tag';
import { useLimitText } from './target-picker';
import { type ServiceCaseView, serviceCasePath } from './types';

/** The matter being handled: code, department, limits, kind, visits, commitment. */
export function MatterPanel({ detail }: { detail: ServiceCaseView }) {
  const t = useT();
  const localName = useLocalName();
  const limitText = useLimitText();
  const m = detail.matter;
  if (!m) return <Typography.Text type="secondary">{String(detail.data.matter_code ?? '')}</Typography.Text>;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered data-testid="services-case-matter">
      <Descriptions.Item label={t('govStaff.matter.name')}>
        {localName(m.name.zh, m.name.en)}
      </Descriptions.Item>
      <Descriptions.Item label={t('govStaff.matter.code')}>
        <span className="zz-mono">{m.code}</span> v{m.version}
      </Descriptions.Item>
      <Descriptions.Item label={t('govStaff.matter.legalLimit')}>{limitText(m.legalLimit)}</Descriptions.Item>
      <Descriptions.Item label={t('govStaff.matter.promisedLimit')}>
        {limitText(m.promisedLimit)}
      </Descriptions.Item>
      <Descriptions.Item label={t('govStaff.matter.kind')}>
        {t(`govStaff.matter.kind.${m.kind}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('govStaff.matter.visits')}>{m.visits}</Descriptions.Item>
      <Descriptions.Item label={t('govStaff.matter.commitment')}>
        {m.commitment ? t('common.yes') : t('common.no')}
      </Descriptions.Item>
      <Descriptions.Item label={t('govStaff.matter.channel')}>
        {t(`govStaff.channel.${detail.application.channel}` as 'govStaff.channel.window')}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The application's one form as read-only values, each with its source. */
export function FormPanel({ detail }: { detail: ServiceCaseView }) {
  const t = useT();
  const localName = useLocalName();
  const own = new Set(detail.matter?.fields.map((f) => f.field) ?? []);
  const fields = detail.plan.form.filter((f) => own.size === 0 || own.has(f.code));
  return (
    <Descriptions size="small" column={1} bordered data-testid="services-case-form">
      {fields.map((field) => (
        <Descriptions.Item key={field.code} label={localName(field.name.zh, field.name.en)}>
          <Space wrap>
            <span data-testid={`services-case-value-${field.code}`}>
              {valueText(field, detail.application.form[field.code], localName, [
                t('common.yes'),
                t('common.no'),
              ])}
            </span>
            <SourceTag source={detail.application.sources[field.code]} />
          </Space>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** 承诺 vs 法定: the two deadlines of the matter; the clock stands still while awaiting 补正. */
export function DeadlinePanel({ detail }: { detail: ServiceCaseView }) {
  const t = useT();
  const { locale } = usePreferences();
  const promised = typeof detail.data.promised_due === 'string' ? detail.data.promised_due : null;
  const legal = typeof detail.data.legal_due === 'string' ? detail.data.legal_due : null;
  const clock = detail.clocks[0];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {detail.state === 'supplement' && (
        <Alert type="warning" showIcon title={t('govStaff.case.paused')} data-testid="services-case-paused" />
      )}
      <Descriptions size="small" column={1} bordered data-testid="services-case-deadlines">
        <Descriptions.Item label={t('govStaff.case.promisedDue')}>
          {promised ? formatDateTime(promised, locale) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('govStaff.case.clockDue')}>
          {clock?.dueAt ? formatDateTime(clock.dueAt, locale) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('govStaff.case.legalDue')}>
          {legal ? formatDateTime(legal, locale) : '—'}
        </Descriptions.Item>
        {detail.data.missing_materials ? (
          <Descriptions.Item label={t('govStaff.step.missingMaterials')}>
            {String(detail.data.missing_materials)}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Space>
  );
}

/** The other matters of the same application (bundle) with their states; the overall case first. */
export function SiblingsPanel({ detail }: { detail: ServiceCaseView }) {
  const t = useT();
  const { locale } = usePreferences();
  return (
    <List
      size="small"
      dataSource={detail.cases}
      data-testid="services-case-siblings"
      renderItem={(c) => {
        const overall = c.typeCode === 'services_application';
        return (
          <List.Item data-testid={`services-sibling-${c.number}`}>
            <Space wrap>
              {overall ? (
                <Tag>{t('govStaff.case.overall')}</Tag>
              ) : c.id === detail.id ? (
                <Tag color="blue">{t('govStaff.case.this')}</Tag>
              ) : null}
              {overall || c.id === detail.id ? (
                <span>{c.title}</span>
              ) : (
                <Link to={serviceCasePath(c.id)}>{c.title}</Link>
              )}
              <Typography.Text type="secondary" className="zz-mono">
                {c.number}
              </Typography.Text>
              <ServiceStateTag state={c.state} />
              {c.closedAt && (
                <Typography.Text type="secondary">{formatDateTime(c.closedAt, locale)}</Typography.Text>
              )}
              {c.certificate && (
                <Tag color="green">{t('govStaff.case.certificate', { number: c.certificate.number })}</Tag>
              )}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
