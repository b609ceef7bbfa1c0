import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { EventMap, type LngLat, type MapPoint } from '../map';
import type { Region } from './report-api';
import { wgs84ToGcj02 } from './wgs84-to-gcj02';

export interface LocationPickerProps {
  region: Region | undefined;
  value?: LngLat | null;
  onChange?: (point: LngLat) => void;
  /** Map height in pixels. */
  height?: number;
  /** Set by Form.Item, so a field error can scroll here. */
  id?: string;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
const TOWN_COLOR = '#8c8c8c';

type Fix =
  | { kind: 'idle' }
  | { kind: 'locating' }
  | { kind: 'done'; meters: number }
  | { kind: 'error'; key: MessageKey };

function geolocationError(error: GeolocationPositionError): MessageKey {
  return error.code === error.PERMISSION_DENIED ? 'public.form.gpsDenied' : 'public.form.gpsUnavailable';
}

/**
 * The event's location: a click on the map, the phone's GPS (WGS-84, converted to the map's GCJ-02)
 * or typed coordinates. The township seats are drawn too; clicking one (or, without WebGL, its name
 * in the list) takes its location.
 */
export function LocationPicker({ region, value, onChange, height = 320, id }: LocationPickerProps) {
  const t = useT();
  const [fix, setFix] = useState<Fix>({ kind: 'idle' });
  const points = useMemo<MapPoint[]>(
    () =>
      (region?.towns ?? []).map((town) => ({
        id: town.code,
        lng: town.lng,
        lat: town.lat,
        title: town.name,
        status: t('public.form.townSeat'),
        color: TOWN_COLOR,
      })),
    [region, t],
  );
  const pick = (point: LngLat) => onChange?.({ lng: round6(point.lng), lat: round6(point.lat) });

  const locate = () => {
    if (!window.isSecureContext || !('geolocation' in navigator)) {
      setFix({ kind: 'error', key: 'public.form.gpsUnsupported' });
      return;
    }
    setFix({ kind: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const { longitude, latitude, accuracy } = position.coords;
        pick(wgs84ToGcj02({ lng: longitude, lat: latitude }));
        setFix({ kind: 'done', meters: Math.round(accuracy) });
      },
      (error) => setFix({ kind: 'error', key: geolocationError(error) }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <div id={id} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Space wrap>
        <Button
          icon={<AimOutlined />}
          onClick={locate}
          loading={fix.kind === 'locating'}
          data-testid="use-my-location"
        >
          {fix.kind === 'locating' ? t('public.form.locating') : t('public.form.useMyLocation')}
        </Button>
        <Typography.Text data-testid="picked-location" type={value ? undefined : 'secondary'}>
          <EnvironmentOutlined />{' '}
          {value
            ? t('public.form.locationPicked', { lng: value.lng.toFixed(6), lat: value.lat.toFixed(6) })
            : t('public.form.locationNone')}
        </Typography.Text>
      </Space>
      {fix.kind === 'done' && (
        <Typography.Text type="secondary">
          {t('public.form.gpsAccuracy', { meters: fix.meters })}
        </Typography.Text>
      )}
      {fix.kind === 'error' && <Alert type="warning" showIcon title={t(fix.key)} data-testid="gps-error" />}
      <EventMap
        points={points}
        boundary={region?.boundary}
        picked={value ?? null}
        onPick={pick}
        onPointClick={(code) => {
          const town = region?.towns.find((candidate) => candidate.code === code);
          if (town) pick(town);
        }}
        height={height}
      />
    </div>
  );
}
