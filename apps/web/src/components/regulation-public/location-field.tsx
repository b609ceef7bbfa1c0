import { AimOutlined } from '@ant-design/icons';
import { Alert, Button, InputNumber, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';

export interface Location {
  lng: number;
  lat: number;
}

export interface LocationFieldProps {
  value?: Location;
  onChange?: (value: Location | undefined) => void;
  id?: string;
}

type Fix = 'idle' | 'locating' | 'denied' | 'unavailable' | 'done';

/**
 * Where the inspection happened: the phone's GPS (navigator.geolocation), or longitude and
 * latitude typed by hand when positioning is denied or unavailable.
 */
export function LocationField({ value, onChange, id }: LocationFieldProps) {
  const t = useT();
  const [fix, setFix] = useState<Fix>('idle');
  const [accuracy, setAccuracy] = useState<number | null>(null);
  // What is typed so far: one coordinate alone is kept here until the other one is there too.
  const [draft, setDraft] = useState<Partial<Location>>(value ?? {});
  useEffect(() => {
    if (value) setDraft(value);
  }, [value]);

  const locate = () => {
    if (!navigator.geolocation) {
      setFix('unavailable');
      return;
    }
    setFix('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setAccuracy(Math.round(position.coords.accuracy));
        setFix('done');
        onChange?.({
          lng: Number(position.coords.longitude.toFixed(6)),
          lat: Number(position.coords.latitude.toFixed(6)),
        });
      },
      (error) => setFix(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const set = (part: 'lng' | 'lat', next: number | null) => {
    const merged = { ...draft, [part]: next ?? undefined };
    setDraft(merged);
    onChange?.(
      merged.lng !== undefined && merged.lat !== undefined ? { lng: merged.lng, lat: merged.lat } : undefined,
    );
  };

  return (
    <div data-testid="reg-location">
      <Button icon={<AimOutlined />} onClick={locate} loading={fix === 'locating'} id={id}>
        {t('regPublic.location.locate')}
      </Button>
      {fix === 'done' && value && (
        <Typography.Text type="success" style={{ display: 'block', marginTop: 4 }}>
          {t('regPublic.location.found', { accuracy: accuracy ?? '—' })}
        </Typography.Text>
      )}
      {(fix === 'denied' || fix === 'unavailable') && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="reg-location-denied"
          message={t(fix === 'denied' ? 'regPublic.location.denied' : 'regPublic.location.unavailable')}
        />
      )}
      <Space wrap style={{ marginTop: 8 }}>
        <InputNumber
          aria-label={t('regPublic.location.lng')}
          addonBefore={t('regPublic.location.lng')}
          min={73}
          max={136}
          step={0.000001}
          precision={6}
          value={draft.lng}
          onChange={(v) => set('lng', v)}
          style={{ width: 220 }}
          data-testid="reg-location-lng"
        />
        <InputNumber
          aria-label={t('regPublic.location.lat')}
          addonBefore={t('regPublic.location.lat')}
          min={3}
          max={54}
          step={0.000001}
          precision={6}
          value={draft.lat}
          onChange={(v) => set('lat', v)}
          style={{ width: 220 }}
          data-testid="reg-location-lat"
        />
      </Space>
    </div>
  );
}
