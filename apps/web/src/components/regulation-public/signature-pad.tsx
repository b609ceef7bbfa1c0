import { CheckOutlined, ClearOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Space, Typography, theme } from 'antd';
import { type PointerEvent, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useRegProblem } from './labels';
import { type Client, uploadFile } from './regulation-api';

export interface SignaturePadProps {
  client: Client;
  /** The stored PNG's file id once the signature is confirmed. */
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** Names the file, e.g. `signature-inspector.png`. */
  fileName: string;
  id?: string;
  testId?: string;
}

/**
 * A signature drawn with a finger or the mouse on a canvas (pointer events cover touch, pen and
 * mouse), confirmed into a PNG uploaded to POST /api/files.
 */
export function SignaturePad({ client, value, onChange, fileName, id, testId }: SignaturePadProps) {
  const t = useT();
  const { token } = theme.useToken();
  const describe = useRegProblem();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [inked, setInked] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);

  // The canvas is as wide as its box on this phone, at the screen's pixel density.
  useEffect(() => {
    const element = canvas.current;
    if (!element || value) return;
    const ratio = window.devicePixelRatio || 1;
    const width = element.clientWidth;
    const height = element.clientHeight;
    element.width = Math.round(width * ratio);
    element.height = Math.round(height * ratio);
    const context = element.getContext('2d');
    if (!context) return;
    context.scale(ratio, ratio);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.lineWidth = 2.5;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#111111';
  }, [value]);

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  const down = (event: PointerEvent<HTMLCanvasElement>) => {
    const context = event.currentTarget.getContext('2d');
    if (!context) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    const p = point(event);
    context.beginPath();
    context.moveTo(p.x, p.y);
    context.lineTo(p.x + 0.1, p.y + 0.1);
    context.stroke();
    setInked(true);
  };
  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const context = event.currentTarget.getContext('2d');
    const p = point(event);
    context?.lineTo(p.x, p.y);
    context?.stroke();
  };
  const up = () => {
    drawing.current = false;
  };

  const clear = () => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (element && context) {
      context.save();
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, element.width, element.height);
      context.restore();
    }
    setInked(false);
    setError(null);
  };

  const confirm = () => {
    const element = canvas.current;
    if (!element) return;
    setSaving(true);
    setError(null);
    element.toBlob(async (blob) => {
      try {
        if (!blob) throw new Error('canvas');
        const stored = await uploadFile(client, new File([blob], fileName, { type: 'image/png' }), fileName);
        setPreview(URL.createObjectURL(blob));
        onChange?.(stored.id);
      } catch (failure) {
        setError(describe(failure).text);
      } finally {
        setSaving(false);
      }
    }, 'image/png');
  };

  if (value)
    return (
      <Space align="center" wrap data-testid={testId} data-signed="true">
        {preview && (
          <img
            src={preview}
            alt={t('regPublic.signature.signed')}
            style={{ height: 64, border: `1px solid ${token.colorBorder}`, borderRadius: token.borderRadius }}
          />
        )}
        <Typography.Text type="success">
          <CheckOutlined /> {t('regPublic.signature.signed')}
        </Typography.Text>
        <Button
          icon={<EditOutlined />}
          onClick={() => {
            setInked(false);
            onChange?.(undefined);
          }}
        >
          {t('regPublic.signature.again')}
        </Button>
      </Space>
    );
  return (
    <div data-testid={testId} data-signed="false">
      <canvas
        ref={canvas}
        id={id}
        role="img"
        aria-label={t('regPublic.signature.area')}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        onPointerLeave={up}
        style={{
          width: '100%',
          height: 160,
          display: 'block',
          touchAction: 'none',
          background: '#ffffff',
          border: `2px dashed ${token.colorBorder}`,
          borderRadius: token.borderRadius,
          cursor: 'crosshair',
        }}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Button icon={<ClearOutlined />} onClick={clear} disabled={!inked || saving}>
          {t('regPublic.signature.clear')}
        </Button>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          onClick={confirm}
          disabled={!inked}
          loading={saving}
          data-testid={testId ? `${testId}-confirm` : undefined}
        >
          {t('regPublic.signature.confirm')}
        </Button>
        <Typography.Text type="secondary">{t('regPublic.signature.hint')}</Typography.Text>
      </Space>
      {error && (
        <Typography.Text type="danger" role="alert" style={{ display: 'block' }}>
          {error}
        </Typography.Text>
      )}
    </div>
  );
}
