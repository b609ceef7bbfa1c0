import { Button, InputNumber, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';
import type { LngLat } from './map-style';

export interface CoordinateInputProps {
  value: LngLat | null;
  onChange: (point: LngLat) => void;
}

/**
 * Longitude and latitude typed in, for keyboards and for browsers without WebGL. The location is
 * set on the button (or Enter), not on each keystroke, so half-typed numbers never become a pick.
 */
export function CoordinateInput({ value, onChange }: CoordinateInputProps) {
  const t = useT();
  const [lng, setLng] = useState<number | null>(value?.lng ?? null);
  const [lat, setLat] = useState<number | null>(value?.lat ?? null);
  useEffect(() => {
    setLng(value?.lng ?? null);
    setLat(value?.lat ?? null);
  }, [value?.lng, value?.lat]);
  const complete = lng !== null && lat !== null;
  const apply = () => {
    if (complete) onChange({ lng, lat });
  };
  return (
    <Space wrap data-testid="map-coordinates">
      <InputNumber<number>
        aria-label={t('map.lng')}
        prefix={t('map.lng')}
        min={-180}
        max={180}
        step={0.0001}
        precision={6}
        value={lng}
        onChange={setLng}
        onPressEnter={apply}
        style={{ width: 200 }}
      />
      <InputNumber<number>
        aria-label={t('map.lat')}
        prefix={t('map.lat')}
        min={-90}
        max={90}
        step={0.0001}
        precision={6}
        value={lat}
        onChange={setLat}
        onPressEnter={apply}
        style={{ width: 200 }}
      />
      <Button disabled={!complete} onClick={apply} data-testid="map-coordinates-apply">
        {t('map.useLocation')}
      </Button>
    </Space>
  );
}
