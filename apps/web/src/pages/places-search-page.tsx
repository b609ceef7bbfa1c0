import { Card, Col, Row, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { MatchPanel } from '../components/places/match-explanation';
import { PlaceDetailCard } from '../components/places/place-detail';
import { PlaceSearch, useDebounced } from '../components/places/place-search';
import { useT } from '../i18n/use-t';
import { usePreferences } from '../session/preferences';

/**
 * 地址搜索: standard addresses offered as one types, the chosen entry in full, and how the typed
 * text matches the library. The chosen entry and the text live in the URL, so a link reopens both.
 */
export function PlacesSearchPage() {
  const t = useT();
  const { elderMode } = usePreferences();
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const selectedId = params.get('id');
  const explained = useDebounced(text.trim(), 400);

  const update = (next: { q?: string; id?: string | null }) =>
    setParams(
      (current) => {
        const merged = new URLSearchParams(current);
        if (next.q !== undefined) next.q ? merged.set('q', next.q) : merged.delete('q');
        if (next.id !== undefined) next.id ? merged.set('id', next.id) : merged.delete('id');
        return merged;
      },
      { replace: true },
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('nav.placesSearch')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('places.search.intro')}</Typography.Paragraph>
      <PlaceSearch
        value={text}
        onChange={(q) => update({ q })}
        onSelect={(place) => update({ id: place.id })}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={elderMode ? 24 : 14}>
          {selectedId ? (
            <PlaceDetailCard id={selectedId} onOpen={(id) => update({ id })} />
          ) : (
            <Card>
              <Typography.Text type="secondary">{t('places.search.choose')}</Typography.Text>
            </Card>
          )}
        </Col>
        <Col xs={24} xl={elderMode ? 24 : 10}>
          <MatchPanel text={explained} />
        </Col>
      </Row>
    </Space>
  );
}
