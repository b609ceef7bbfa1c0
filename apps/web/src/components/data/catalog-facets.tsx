import { Button, Checkbox, Radio, Space, Typography } from 'antd';
import { useEnumLabel, useT } from '../../i18n/use-t';
import type { DataFacet, DataFacets } from './types';

/** The multi-value facets (checkboxes); status is one of active / retired / all. */
export type CheckFacet = Exclude<DataFacet, 'status'>;
export const CHECK_FACETS: CheckFacet[] = [
  'providerDepartmentId',
  'grade',
  'format',
  'sharingType',
  'openingType',
];
export type FacetSelection = Partial<Record<CheckFacet, string[]>>;
export type StatusChoice = 'active' | 'retired' | 'all';

export interface CatalogFacetsProps {
  facets: DataFacets | undefined;
  selection: FacetSelection;
  status: StatusChoice;
  departmentName: (id: string) => string;
  onChange: (selection: FacetSelection) => void;
  onStatus: (status: StatusChoice) => void;
}

const TITLE_KEY = {
  providerDepartmentId: 'data.facet.provider',
  grade: 'data.facet.grade',
  format: 'data.facet.format',
  sharingType: 'data.facet.sharingType',
  openingType: 'data.facet.openingType',
} as const;

/** The catalog's facet sidebar: each value with its count; ticking values filters (OR within a facet). */
export function CatalogFacets({
  facets,
  selection,
  status,
  departmentName,
  onChange,
  onStatus,
}: CatalogFacetsProps) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const label = (facet: CheckFacet, value: string) =>
    facet === 'providerDepartmentId'
      ? departmentName(value)
      : facet === 'sharingType'
        ? enumLabel('data.sharing', value)
        : facet === 'openingType'
          ? enumLabel('data.opening', value)
          : value;
  const statusCount = (value: 'active' | 'retired') => facets?.status[value] ?? 0;
  const any = CHECK_FACETS.some((f) => selection[f]?.length) || status !== 'active';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="data-facets">
      {CHECK_FACETS.map((facet) => {
        const counts = facets?.[facet] ?? {};
        const chosen = selection[facet] ?? [];
        // Values with counts, most first; a ticked value stays even when nothing has it now.
        const values = [
          ...Object.entries(counts)
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
            .map(([value]) => value),
          ...chosen.filter((value) => !(value in counts)),
        ];
        const titleId = `data-facet-${facet}`;
        return (
          <div key={facet} data-testid={titleId}>
            <Typography.Text strong id={titleId}>
              {t(TITLE_KEY[facet])}
            </Typography.Text>
            {facet === 'grade' && (
              <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: '0.85em' }}>
                {t('data.facet.gradeHelp')}
              </Typography.Paragraph>
            )}
            <Checkbox.Group
              aria-labelledby={titleId}
              style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 4 }}
              value={chosen}
              onChange={(next) => onChange({ ...selection, [facet]: next as string[] })}
              options={values.map((value) => ({
                value,
                label: (
                  <span data-testid="data-facet-option" data-value={value}>
                    {label(facet, value)}{' '}
                    <Typography.Text type="secondary">({counts[value] ?? 0})</Typography.Text>
                  </span>
                ),
              }))}
            />
            {values.length === 0 && <Typography.Text type="secondary"> —</Typography.Text>}
          </div>
        );
      })}
      <div>
        <Typography.Text strong id="data-facet-status">
          {t('data.facet.status')}
        </Typography.Text>
        <Radio.Group
          aria-labelledby="data-facet-status"
          data-testid="data-facet-status"
          style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 4 }}
          value={status}
          onChange={(event) => onStatus(event.target.value)}
          options={[
            { value: 'active', label: `${t('data.status.active')} (${statusCount('active')})` },
            { value: 'retired', label: `${t('data.status.retired')} (${statusCount('retired')})` },
            { value: 'all', label: `${t('common.all')} (${statusCount('active') + statusCount('retired')})` },
          ]}
        />
      </div>
      {any && (
        <Button
          data-testid="data-facet-clear"
          onClick={() => {
            onChange({});
            onStatus('active');
          }}
        >
          {t('data.facet.clear')}
        </Button>
      )}
    </Space>
  );
}
