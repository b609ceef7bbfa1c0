import { unwrap } from '@zhizhi/api-client';
import { Breadcrumb, Button, Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { api } from '../../api/api';
import { useEnumLabel, useT } from '../../i18n/use-t';
import { useLoad } from '../use-load';
import type { PlaceDetail } from './types';

/** Lifecycle of an entry: current or retired, its dates and what replaced it. */
function Lifecycle({ place, onOpen }: { place: PlaceDetail; onOpen: (id: string) => void }) {
  const t = useT();
  return (
    <Space wrap size={4}>
      <Tag color={place.current ? 'success' : 'default'} data-testid="places-current">
        {place.current ? t('places.detail.current') : t('places.detail.retired')}
      </Tag>
      <span>
        {t('places.detail.validFrom')} {place.validFrom ?? '—'}
      </span>
      {place.validTo && (
        <span>
          · {t('places.detail.validTo')} {place.validTo}
        </span>
      )}
      {place.replacedBy && (
        <Button size="small" type="link" onClick={() => onOpen(place.replacedBy as string)}>
          {t('places.detail.openReplacement')}
        </Button>
      )}
    </Space>
  );
}

/** One library entry: path as breadcrumb, where it lies, aliases, entrances, lifecycle, children. */
export function PlaceDetailCard({ id, onOpen }: { id: string; onOpen: (id: string) => void }) {
  const t = useT();
  const enumLabel = useEnumLabel();
  const loaded = useLoad(
    () => unwrap(api.GET('/api/places/addresses/{id}', { params: { path: { id } } })),
    [id],
  );
  const place = loaded.data?.id === id ? loaded.data : undefined;
  if (!place) return <Card loading={loaded.loading} />;

  return (
    <Card
      data-testid="places-detail"
      data-key={place.key}
      title={
        <Space wrap>
          <Tag color="blue">{enumLabel('places.level', place.level)}</Tag>
          <span style={{ whiteSpace: 'normal' }}>{place.key}</span>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Breadcrumb
          data-testid="places-path"
          items={[
            ...(place.townName ? [{ title: place.townName }] : []),
            ...(place.divisionName && place.divisionName !== place.townName
              ? [{ title: place.divisionName }]
              : []),
            ...place.path.map((step) => ({
              title:
                step.id === place.id ? (
                  <strong>{step.name}</strong>
                ) : (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0, height: 'auto' }}
                    onClick={() => onOpen(step.id)}
                  >
                    {step.name}
                  </Button>
                ),
            })),
          ]}
        />
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('places.detail.level')}>
            {enumLabel('places.level', place.level)}
          </Descriptions.Item>
          <Descriptions.Item label={t('places.detail.town')}>{place.townName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('places.detail.division')}>
            {place.divisionName ?? '—'}{' '}
            <Typography.Text type="secondary">{place.divisionCode}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('places.detail.grid')}>
            <span className="zz-mono">{place.gridCode ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('places.detail.coordinates')}>
            <span className="zz-mono">
              {place.lng !== null && place.lat !== null
                ? `${place.lng.toFixed(6)}, ${place.lat.toFixed(6)}`
                : '—'}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('places.detail.doorplate')}>
            <span className="zz-mono" data-testid="places-doorplate-code">
              {place.doorplateCode ?? '—'}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('places.detail.lifecycle')} span={{ xs: 1, md: 2 }}>
            <Lifecycle place={place} onOpen={onOpen} />
          </Descriptions.Item>
          <Descriptions.Item label={t('places.detail.aliases')} span={{ xs: 1, md: 2 }}>
            <div data-testid="places-aliases">
              {place.aliases.length === 0
                ? '—'
                : place.aliases.map((alias) => (
                    <Tag
                      key={`${alias.kind}-${alias.alias}`}
                      title={`${t(`places.aliasKind.${alias.kind}`)} · ${alias.source}`}
                    >
                      {alias.alias}
                    </Tag>
                  ))}
            </div>
          </Descriptions.Item>
          <Descriptions.Item label={t('places.detail.entrances')} span={{ xs: 1, md: 2 }}>
            {place.entrances.length === 0
              ? '—'
              : place.entrances.map((entrance) => (
                  <Tag key={entrance.label}>
                    {entrance.label} ({entrance.lng.toFixed(5)}, {entrance.lat.toFixed(5)})
                  </Tag>
                ))}
          </Descriptions.Item>
          {place.source && (
            <Descriptions.Item label={t('places.detail.source')} span={{ xs: 1, md: 2 }}>
              {place.source}
            </Descriptions.Item>
          )}
        </Descriptions>
        <div>
          <Typography.Title level={5}>
            {t('places.detail.children', { count: place.childCount })}
          </Typography.Title>
          {place.children.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('places.detail.noChildren')} />
          ) : (
            <List
              size="small"
              grid={{ gutter: 8, xs: 2, sm: 3, md: 4, lg: 6 }}
              dataSource={place.children}
              data-testid="places-children"
              renderItem={(child) => (
                <List.Item>
                  <Button block onClick={() => onOpen(child.id)} title={child.key}>
                    {child.name}
                    {!child.current && ` (${t('places.detail.retired')})`}
                  </Button>
                </List.Item>
              )}
            />
          )}
        </div>
      </Space>
    </Card>
  );
}
