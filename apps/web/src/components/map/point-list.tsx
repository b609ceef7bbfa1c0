import { Button, Table, Tag } from 'antd';
import { useT } from '../../i18n/use-t';
import { DEFAULT_POINT_COLOR, type MapPoint } from './map-style';

export interface PointListProps {
  points: readonly MapPoint[];
  onPointClick?: (id: string) => void;
}

/** The map's points as a table: what the map shows when it cannot draw. */
export function PointList({ points, onPointClick }: PointListProps) {
  const t = useT();
  return (
    <Table<MapPoint>
      size="small"
      rowKey="id"
      data-testid="map-point-list"
      dataSource={[...points]}
      pagination={points.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      locale={{ emptyText: t('map.noPoints') }}
      columns={[
        {
          key: 'title',
          title: t('map.pointTitle'),
          render: (_, point) => (
            <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
              <span
                aria-hidden
                style={{
                  width: 10,
                  height: 10,
                  borderRadius: '50%',
                  flex: 'none',
                  background: point.color ?? DEFAULT_POINT_COLOR,
                }}
              />
              {onPointClick ? (
                <Button type="link" style={{ padding: 0 }} onClick={() => onPointClick(point.id)}>
                  {point.title}
                </Button>
              ) : (
                point.title
              )}
            </span>
          ),
        },
        { key: 'status', title: t('map.pointStatus'), render: (_, point) => <Tag>{point.status}</Tag> },
        {
          key: 'location',
          title: t('map.pointLocation'),
          render: (_, point) => (
            <span className="zz-mono">
              {point.lng.toFixed(5)}, {point.lat.toFixed(5)}
            </span>
          ),
        },
      ]}
    />
  );
}
