import { Select, Space } from 'antd';
import { useT } from '../../i18n/use-t';
import type { Town } from './form-field';

/** The district code of a township's 12-digit code. */
export const districtOf = (code: string) => `${code.slice(0, 6)}000000`;

/** Where to apply: the whole district or one township (the public region's towns, no login needed). */
export function TownSelect({
  towns,
  value,
  onChange,
  allowAll = true,
}: {
  towns: Town[];
  value: string | undefined;
  onChange: (code: string | undefined) => void;
  allowAll?: boolean;
}) {
  const t = useT();
  const district = towns[0] ? districtOf(towns[0].code) : undefined;
  const options = [
    ...(allowAll && district ? [{ value: district, label: t('portal.town.all') }] : []),
    ...towns.map((town) => ({ value: town.code, label: town.name })),
  ];
  return (
    <Space wrap>
      <label htmlFor="portal-town-select">{t('portal.town.label')}</label>
      <Select
        id="portal-town-select"
        showSearch
        optionFilterProp="label"
        value={value}
        onChange={onChange}
        options={options}
        style={{ minWidth: 220 }}
        data-testid="portal-town"
      />
    </Space>
  );
}
