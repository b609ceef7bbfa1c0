import { Descriptions, type DescriptionsProps, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { hasMessage } from '../../i18n/translate';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { formatDateTime } from '../format';
import { type CaseLabels, StateTag } from './case-labels';
import { useGovernanceLookups } from './lookups';
import { PhotoThumbs } from './photos';
import { type CaseDetail, casePath, fileIds, locationOf, type RelatedCase, textOf } from './types';

type Item = NonNullable<DescriptionsProps['items']>[number];
const WIDE = { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 };

/** Widens an item left alone on its row (before a full-width one, or at the end) to fill it. */
function fillRows(items: Item[]): Item[] {
  const out = items.map((i) => ({ ...i }));
  let used = 0;
  out.forEach((i, index) => {
    const span = i.span === 2 ? 2 : 1;
    if (span === 2 && used === 1) out[index - 1].span = 2;
    used = span === 2 || used === 1 ? 0 : 1;
  });
  if (used === 1) out[out.length - 1].span = 2;
  // Full width on two columns, one column on a phone.
  return out.map((i) => (i.span === 2 ? { ...i, span: WIDE } : i));
}

/** A field value of any case type, shown by the field's type (options by their names). */
function fieldValue(
  field: CaseDetail['type']['fields'][number],
  value: unknown,
  labels: CaseLabels,
  yesNo: (v: boolean) => string,
): React.ReactNode {
  if (value === null || value === undefined || value === '') return '—';
  switch (field.type) {
    case 'choice':
      return labels.optionName(field.code, value);
    case 'multichoice':
      return Array.isArray(value) ? value.map((v) => labels.optionName(field.code, v)).join('、') : '—';
    case 'boolean':
      return yesNo(value === true);
    case 'attachments':
      return <PhotoThumbs ids={fileIds(value)} />;
    case 'location': {
      const location = locationOf(value);
      return location ? (
        <span className="zz-mono">{`${location.lng.toFixed(5)}, ${location.lat.toFixed(5)}`}</span>
      ) : (
        '—'
      );
    }
    case 'longtext':
      return <span style={{ whiteSpace: 'pre-wrap' }}>{textOf(value)}</span>;
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/**
 * The fields of a case type other than a governance event (data quality issues, objections, sharing
 * requests, …): each field the type defines, by its own name, then who handles it and when.
 */
function TypeFieldsData({ detail, labels }: { detail: CaseDetail; labels: CaseLabels }) {
  const t = useT();
  const { locale } = usePreferences();
  const lookups = useGovernanceLookups();
  const people = new Map(detail.people.map((p) => [p.id, p.displayName]));
  const yesNo = (v: boolean) => t(v ? 'common.yes' : 'common.no');
  const items: Item[] = detail.type.fields.map((field) => ({
    key: field.code,
    label: labels.fieldName(field.code),
    children: fieldValue(field, detail.data[field.code], labels, yesNo),
    span: field.type === 'longtext' || field.type === 'attachments' ? 2 : 1,
  }));
  items.push(
    {
      key: 'department',
      label: t('cases.department'),
      children: lookups.departmentName(detail.departmentId),
    },
    {
      key: 'assignee',
      label: t('cases.assignee'),
      children: detail.assigneeId ? (people.get(detail.assigneeId) ?? '—') : t('cases.unassigned'),
    },
    { key: 'opened', label: t('cases.openedAt'), children: formatDateTime(detail.openedAt, locale) },
    { key: 'closed', label: t('cases.closedAt'), children: formatDateTime(detail.closedAt, locale) },
  );
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={fillRows(items)}
      data-testid="case-type-fields"
    />
  );
}

/** What was reported and what was done: category, description, place, channel, photos, result, rating. */
export function CaseData({ detail, labels }: { detail: CaseDetail; labels: CaseLabels }) {
  // Governance events and their parts share the reporting form; other case types show their own fields.
  if (!detail.type.fields.some((f) => f.code === 'category'))
    return <TypeFieldsData detail={detail} labels={labels} />;
  return <GovernanceCaseData detail={detail} labels={labels} />;
}

function GovernanceCaseData({ detail, labels }: { detail: CaseDetail; labels: CaseLabels }) {
  const t = useT();
  const { locale } = usePreferences();
  const localName = useLocalName();
  const lookups = useGovernanceLookups();
  const { data, channel } = detail;
  const location = locationOf(data.location);
  const people = new Map(detail.people.map((p) => [p.id, p.displayName]));
  const grade = detail.meta.grade ? `governance.grade.${detail.meta.grade}` : null;
  const item = (key: string, label: string, children: React.ReactNode, span = 1) => ({
    key,
    label,
    children,
    span,
  });
  const items: Item[] = [
    item('category', labels.fieldName('category'), lookups.categoryName(data.category)),
    item('town', t('cases.town'), lookups.townName(detail.divisionCode)),
    item(
      'description',
      labels.fieldName('description'),
      <span style={{ whiteSpace: 'pre-wrap' }}>{textOf(data.description) || '—'}</span>,
      2,
    ),
    item('address', labels.fieldName('address'), textOf(data.address) || '—'),
    item(
      'location',
      labels.fieldName('location'),
      location ? (
        <span className="zz-mono">{`${location.lng.toFixed(5)}, ${location.lat.toFixed(5)}`}</span>
      ) : (
        '—'
      ),
    ),
    item(
      'channel',
      labels.fieldName('channel'),
      <span data-testid="case-channel">
        {channel?.channelName
          ? localName(channel.channelName.zh, channel.channelName.en)
          : labels.optionName('channel', data.channel)}
        {textOf(data.hotline_order_no) && ` · ${textOf(data.hotline_order_no)}`}
      </span>,
    ),
    item(
      'reporter',
      t('cases.reporter'),
      channel && (channel.reporterName || channel.reporterPhone) ? (
        <span data-testid="case-reporter">
          {[channel.reporterName, channel.reporterPhone].filter(Boolean).join(' · ')}
          {channel.masked && <Tag style={{ marginInlineStart: 8 }}>{t('cases.masked')}</Tag>}
        </span>
      ) : (
        '—'
      ),
    ),
    item('department', t('cases.department'), lookups.departmentName(detail.departmentId)),
    item(
      'assignee',
      t('cases.assignee'),
      detail.assigneeId ? (people.get(detail.assigneeId) ?? '—') : t('cases.unassigned'),
    ),
    item('opened', t('cases.openedAt'), formatDateTime(detail.openedAt, locale)),
    ...(grade && hasMessage(grade) ? [item('grade', t('cases.grade'), t(grade))] : []),
    item('closed', t('cases.closedAt'), formatDateTime(detail.closedAt, locale)),
    item(
      'photos',
      labels.fieldName('photos'),
      <PhotoThumbs ids={fileIds(data.photos)} testId="case-photos" />,
      2,
    ),
  ];
  if (data.result !== undefined || data.result_photos !== undefined)
    items.push(
      item(
        'result',
        labels.fieldName('result'),
        <span style={{ whiteSpace: 'pre-wrap' }} data-testid="case-result">
          {textOf(data.result) || '—'}
        </span>,
        2,
      ),
      item(
        'resultPhotos',
        labels.fieldName('result_photos'),
        <PhotoThumbs ids={fileIds(data.result_photos)} testId="case-result-photos" />,
        2,
      ),
    );
  if (data.rating !== undefined)
    items.push(
      item(
        'rating',
        labels.fieldName('rating'),
        <span data-testid="case-rating">
          {labels.optionName('rating', data.rating)}
          {textOf(data.rating_comment) && ` · ${textOf(data.rating_comment)}`}
        </span>,
        2,
      ),
    );
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={fillRows(items)} />;
}

/** Co-handling parts (协办), merged duplicates, the rectification case, the parent. */
export function RelatedCases({ detail, labels }: { detail: CaseDetail; labels: CaseLabels }) {
  const t = useT();
  const lookups = useGovernanceLookups();
  const role = (r: RelatedCase) =>
    r.id === detail.parentId
      ? t('cases.related.parent')
      : r.id === detail.mergedInto
        ? t('cases.related.primary')
        : r.mergedInto === detail.id
          ? t('cases.related.duplicate')
          : r.parentRole === 'co'
            ? t('cases.related.co')
            : r.parentRole === 'rectification'
              ? t('cases.related.rectification')
              : (r.parentRole ?? '—');
  return (
    <Table<RelatedCase>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={detail.related}
      data-testid="related-cases"
      locale={{ emptyText: t('cases.related.none') }}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('cases.related.role'), key: 'role', render: (_, r) => <Tag>{role(r)}</Tag> },
        {
          title: t('cases.number'),
          key: 'number',
          render: (_, r) => (
            <Link to={casePath(r.id)} className="zz-mono">
              {r.number}
            </Link>
          ),
        },
        { title: t('cases.title'), dataIndex: 'title' },
        {
          title: t('cases.state'),
          key: 'state',
          render: (_, r) => <StateTag state={r.state} labels={labels} />,
        },
        {
          title: t('cases.department'),
          key: 'department',
          render: (_, r) => lookups.departmentName(r.departmentId),
        },
      ]}
    />
  );
}
