import { CameraOutlined, CloseOutlined, FileOutlined } from '@ant-design/icons';
import { Button, Space, Spin, Typography, theme } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useRegProblem } from './labels';
import { type Client, uploadFile } from './regulation-api';

const MAX_BYTES = 10 * 1024 * 1024;

interface Shot {
  id: string;
  name: string;
  /** A local object URL for the thumbnail (the stored file is only readable by its uploader). */
  url: string | null;
}

export interface PhotoCaptureProps {
  /** The session that uploads (staff or the portal's applicant). */
  client: Client;
  /** The stored file ids (a form control's value). */
  value?: string[];
  onChange?: (ids: string[]) => void;
  max?: number;
  /** `image/*` opens the camera on phones; add `application/pdf` for evidence documents. */
  accept?: string;
  id?: string;
  testId?: string;
}

/**
 * Photos taken on the spot: the phone's camera opens (`capture=environment`), each photo is
 * uploaded to POST /api/files at once and shown as a thumbnail that can be removed.
 */
export function PhotoCapture({
  client,
  value = [],
  onChange,
  max = 12,
  accept = 'image/*',
  id,
  testId = 'reg-photos',
}: PhotoCaptureProps) {
  const t = useT();
  const { token } = theme.useToken();
  const describe = useRegProblem();
  const input = useRef<HTMLInputElement>(null);
  const [shots, setShots] = useState<Shot[]>([]);
  const [busy, setBusy] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);
  const shown = shots.filter((s) => value.includes(s.id));

  useEffect(
    () => () => {
      for (const s of shots) if (s.url) URL.revokeObjectURL(s.url);
    },
    [shots],
  );

  const add = async (files: File[]) => {
    setErrors([]);
    const room = max - value.length;
    const taken: Shot[] = [];
    const failed: string[] = [];
    setBusy(Math.min(files.length, room));
    for (const [index, file] of files.entries()) {
      if (index >= room) {
        failed.push(t('regPublic.photos.tooMany', { max }));
        break;
      }
      if (file.size > MAX_BYTES) {
        failed.push(t('regPublic.photos.tooLarge', { name: file.name }));
        continue;
      }
      try {
        const stored = await uploadFile(client, file, file.name || 'photo.jpg');
        taken.push({
          id: stored.id,
          name: file.name,
          url: file.type.startsWith('image/') ? URL.createObjectURL(file) : null,
        });
      } catch (error) {
        failed.push(`${file.name}: ${describe(error).text}`);
      }
      setBusy((n) => Math.max(0, n - 1));
    }
    setBusy(0);
    setErrors(failed);
    setShots((current) => [...current, ...taken]);
    onChange?.([...value, ...taken.map((s) => s.id)]);
  };

  const size = 88;
  return (
    <div data-testid={testId}>
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        capture="environment"
        multiple
        style={{ display: 'none' }}
        data-testid={`${testId}-input`}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length) void add(files);
        }}
      />
      <Space wrap size="small">
        {shown.map((shot) => (
          <div
            key={shot.id}
            style={{
              position: 'relative',
              width: size,
              height: size,
              border: `1px solid ${token.colorBorder}`,
              borderRadius: token.borderRadius,
              overflow: 'hidden',
              display: 'grid',
              placeItems: 'center',
            }}
          >
            {shot.url ? (
              <img
                src={shot.url}
                alt={shot.name}
                style={{ width: '100%', height: '100%', objectFit: 'cover' }}
              />
            ) : (
              <Typography.Text ellipsis style={{ fontSize: token.fontSizeSM, padding: 4 }}>
                <FileOutlined /> {shot.name}
              </Typography.Text>
            )}
            <Button
              size="small"
              shape="circle"
              danger
              icon={<CloseOutlined />}
              aria-label={t('regPublic.photos.remove', { name: shot.name })}
              style={{ position: 'absolute', top: 2, right: 2 }}
              onClick={() => onChange?.(value.filter((v) => v !== shot.id))}
            />
          </div>
        ))}
        {busy > 0 && (
          <div style={{ width: size, height: size, display: 'grid', placeItems: 'center' }}>
            <Spin />
          </div>
        )}
        {value.length < max && (
          <Button
            icon={<CameraOutlined />}
            onClick={() => input.current?.click()}
            disabled={busy > 0}
            style={{ height: size, minWidth: size }}
            data-testid={`${testId}-add`}
          >
            {t('regPublic.photos.add')}
          </Button>
        )}
      </Space>
      {errors.length > 0 && (
        <div role="alert" style={{ marginTop: 4 }}>
          {errors.map((text) => (
            <Typography.Text key={text} type="danger" style={{ display: 'block' }}>
              {text}
            </Typography.Text>
          ))}
        </div>
      )}
    </div>
  );
}
