import { PlusOutlined } from '@ant-design/icons';
import { NETWORK_ERROR_CODE, problemOf } from '@zhizhi/api-client';
import { Space, Typography, Upload, type UploadFile } from 'antd';
import { useRef, useState } from 'react';
import { problemText } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { usePreferences } from '../../session/preferences';
import { PHOTO_MAX_BYTES, PHOTO_MAX_COUNT, PHOTO_TYPES, type StoredFile } from './report-api';

export interface PhotoUploaderProps {
  /** Uploads one photo (public or staff endpoint). */
  upload: (file: File) => Promise<StoredFile>;
  value?: UploadFile<StoredFile>[];
  onChange?: (files: UploadFile<StoredFile>[]) => void;
  id?: string;
}

/** The stored ids of the photos that finished uploading. */
export function uploadedIds(files: readonly UploadFile<StoredFile>[] | undefined): string[] {
  return (files ?? []).flatMap((file) => (file.status === 'done' && file.response ? [file.response.id] : []));
}

export function isUploading(files: readonly UploadFile<StoredFile>[] | undefined): boolean {
  return (files ?? []).some((file) => file.status === 'uploading');
}

/**
 * Up to nine photos, each uploaded as soon as it is chosen, shown as thumbnails that can be removed.
 * A refused file leaves the list and says why underneath.
 */
export function PhotoUploader({ upload, value = [], onChange, id }: PhotoUploaderProps) {
  const t = useT();
  const { locale } = usePreferences();
  const [errors, setErrors] = useState<string[]>([]);
  // Why each failed upload failed, by the file's uid (antd only keeps an Error on the item).
  const reasons = useRef(new Map<string, string>());
  const addError = (text: string) => setErrors((current) => [...current, text]);

  const reasonOf = (error: unknown) => {
    const problem = problemOf(error);
    if (problem.code === NETWORK_ERROR_CODE) return t('error.network');
    return problemText(locale, problem) ?? t('error.unknown');
  };

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Upload<StoredFile>
        id={id}
        listType="picture-card"
        accept={PHOTO_TYPES.join(',')}
        multiple
        fileList={value}
        showUploadList={{ showPreviewIcon: false }}
        beforeUpload={(file, batch) => {
          if (batch.indexOf(file) === 0) setErrors([]); // a new choice: old complaints are done with
          const room = PHOTO_MAX_COUNT - value.length;
          if (batch.indexOf(file) >= room) {
            addError(t('public.form.photoTooMany', { name: file.name, max: PHOTO_MAX_COUNT }));
            return Upload.LIST_IGNORE;
          }
          if (file.size > PHOTO_MAX_BYTES) {
            addError(
              t('public.form.photoFailed', { name: file.name, reason: t('public.form.photoTooLarge') }),
            );
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          const chosen = file as File & { uid: string };
          upload(chosen)
            .then((stored) => onSuccess?.(stored))
            .catch((error: unknown) => {
              reasons.current.set(chosen.uid, reasonOf(error));
              onError?.(error as Error);
            });
        }}
        onChange={({ fileList }) => {
          const failed = fileList.filter((file) => file.status === 'error');
          for (const file of failed) {
            const reason = reasons.current.get(file.uid) ?? t('error.unknown');
            addError(t('public.form.photoFailed', { name: file.name, reason }));
            reasons.current.delete(file.uid);
          }
          onChange?.(fileList.filter((file) => file.status !== 'error'));
        }}
      >
        {value.length < PHOTO_MAX_COUNT && (
          <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
            <PlusOutlined />
            <div style={{ marginTop: 8 }}>{t('public.form.addPhoto')}</div>
          </button>
        )}
      </Upload>
      {errors.length > 0 && (
        <div role="alert" data-testid="photo-errors">
          {errors.map((text, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages are append-only
            <Typography.Text key={index} type="danger" style={{ display: 'block' }}>
              {text}
            </Typography.Text>
          ))}
        </div>
      )}
    </Space>
  );
}
