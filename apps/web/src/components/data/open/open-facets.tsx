import { Select, Space, Typography } from 'antd';
import { useT } from '../../../i18n/use-t';
import { useLocalName } from '../../../i18n/use-t';
import { type BrowseFilters, CYCLE_LABELS, FORMAT_LABELS, type OpenBrowse } from './open-api';

interface OpenFacetsProps {
  facets: OpenBrowse['facets'] | undefined;
  filters: BrowseFilters;
  onChange: (next: BrowseFilters) => void;
}

/** Department, update cycle, format and opening filters, each option with its count. */
export function OpenFacets({ facets, filters, onChange }: OpenFacetsProps) {
  const t = useT();
  const localName = useLocalName();
  const label = (text: string, count: number) => `${text}（${count}）`;
  const facet = (
    key: keyof BrowseFilters,
    title: string,
    options: { value: string; label: string }[],
    testId: string,
  ) => (
    <Space orientation="vertical" size={2} style={{ minWidth: 180, flex: '1 1 180px' }}>
      <Typography.Text type="secondary" id={`open-facet-${testId}`}>
        {title}
      </Typography.Text>
      <Select
        aria-labelledby={`open-facet-${testId}`}
        data-testid={`open-facet-${testId}`}
        allowClear
        placeholder={t('open.facet.all')}
        value={(filters[key] as string | undefined) ?? undefined}
        options={options}
        onChange={(value: string | undefined) => onChange({ ...filters, [key]: value, offset: 0 })}
        style={{ width: '100%' }}
      />
    </Space>
  );
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
      {facet(
        'departmentId',
        t('open.facet.department'),
        (facets?.departments ?? []).map((d) => ({
          value: d.id,
          label: label(localName(d.name, d.nameEn), d.count),
        })),
        'department',
      )}
      {facet(
        'updateCycle',
        t('open.facet.cycle'),
        (facets?.updateCycles ?? []).map((c) => ({
          value: c.value,
          label: label(CYCLE_LABELS[c.value] ? t(CYCLE_LABELS[c.value]) : c.value, c.count),
        })),
        'cycle',
      )}
      {facet(
        'format',
        t('open.facet.format'),
        (facets?.formats ?? []).map((f) => ({
          value: f.value,
          label: label(FORMAT_LABELS[f.value] ? t(FORMAT_LABELS[f.value]) : f.value, f.count),
        })),
        'format',
      )}
      {facet(
        'openingType',
        t('open.facet.opening'),
        [
          { value: 'open', label: t('open.opening.open') },
          { value: 'restricted', label: t('open.opening.restricted') },
        ],
        'opening',
      )}
    </div>
  );
}
