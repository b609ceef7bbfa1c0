import type { Division } from '@zhizhi/api-client';
import { Select, Space } from 'antd';
import { useT } from '../../i18n/use-t';
import { STATION_KIND_ORDER } from './sensing-model';
import type { StationKind } from './types';

export interface TownshipSelectProps {
  townships: readonly Division[];
  value: string | undefined;
  onChange: (code: string | undefined) => void;
}

/** 镇街 filter: every township of the district, or all. */
export function TownshipSelect({ townships, value, onChange }: TownshipSelectProps) {
  const t = useT();
  return (
    <Space>
      <label htmlFor="sensing-township">{t('sensing.filter.township')}</label>
      <Select<string>
        id="sensing-township"
        allowClear
        style={{ minWidth: 160 }}
        placeholder={t('sensing.filter.allTownships')}
        value={value}
        onChange={(code) => onChange(code ?? undefined)}
        options={townships.map((d) => ({ value: d.code, label: d.name }))}
      />
    </Space>
  );
}

/** 站点类型 filter. */
export function KindSelect({
  value,
  onChange,
}: {
  value: StationKind | undefined;
  onChange: (kind: StationKind | undefined) => void;
}) {
  const t = useT();
  return (
    <Space>
      <label htmlFor="sensing-kind">{t('sensing.filter.kind')}</label>
      <Select<StationKind>
        id="sensing-kind"
        allowClear
        style={{ minWidth: 160 }}
        placeholder={t('sensing.filter.allKinds')}
        value={value}
        onChange={(kind) => onChange(kind ?? undefined)}
        options={STATION_KIND_ORDER.map((kind) => ({ value: kind, label: t(`sensing.kind.${kind}`) }))}
      />
    </Space>
  );
}
