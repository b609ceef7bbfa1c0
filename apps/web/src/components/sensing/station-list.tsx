import { Button, Table } from 'antd';
import { useLocalName, useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { stationColour } from './sensing-model';
import { StationStatusTag } from './sensing-tags';
import type { SensingStation } from './types';

export interface StationListProps {
  stations: readonly SensingStation[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  townshipName: (code: string) => string;
}

/** The map's stations as a table, for keyboards, screen readers and 关怀模式. */
export function StationList({ stations, selectedId, onSelect, townshipName }: StationListProps) {
  const t = useT();
  const localName = useLocalName();
  const { elderMode } = usePreferences();
  return (
    <Table<SensingStation>
      rowKey="id"
      size={elderMode ? 'middle' : 'small'}
      data-testid="sensing-station-list"
      dataSource={[...stations]}
      pagination={{ pageSize: elderMode ? 8 : 12, showSizeChanger: false, hideOnSinglePage: true }}
      rowClassName={(s) => (s.id === selectedId ? 'ant-table-row-selected' : '')}
      onRow={(s) => ({ 'data-station-code': s.code }) as object}
      columns={[
        {
          key: 'name',
          title: t('sensing.alarm.station'),
          render: (_, s) => (
            <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
              <span
                aria-hidden
                style={{
                  width: 12,
                  height: 12,
                  borderRadius: '50%',
                  flex: 'none',
                  background: stationColour(s),
                }}
              />
              <Button
                type="link"
                style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                aria-pressed={s.id === selectedId}
                onClick={() => onSelect(s.id)}
              >
                {localName(s.nameZh, s.nameEn)}
              </Button>
            </span>
          ),
        },
        {
          key: 'kind',
          title: t('sensing.station.kind'),
          render: (_, s) => `${t(`sensing.kind.${s.kind}`)} · ${townshipName(s.townshipCode)}`,
        },
        {
          key: 'status',
          title: t('sensing.alarm.status'),
          render: (_, s) => <StationStatusTag station={s} />,
        },
      ]}
    />
  );
}
