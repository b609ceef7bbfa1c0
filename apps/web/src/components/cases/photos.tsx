import { PlusOutlined } from '@ant-design/icons';
import { type ApiResponse, unwrap } from '@zhizhi/api-client';
import { Image, Space, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { api } from '../../api/api';
import { useT } from '../../i18n/use-t';
import { useProblemNotifier } from '../use-action';
import { fileUrl } from './types';

type StoredFile = ApiResponse<'/api/files', 'post'>;

const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';
const MAX_BYTES = 10 * 1024 * 1024;

/** Uploads a file as the raw request body (the server sniffs its type from the bytes). */
export function uploadFile(file: File): Promise<StoredFile> {
  return unwrap(
    api.POST('/api/files', {
      body: file as never,
      bodySerializer: (body: unknown) => body as Blob,
      headers: {
        'Content-Type': file.type || 'application/octet-stream',
        'x-file-name': encodeURIComponent(file.name),
      },
    }),
  );
}

export interface PhotoUploadProps {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  max?: number;
  'aria-label'?: string;
}

/** Photos for a field of type attachments: uploaded at once, the field holds their file ids. */
export function PhotoUpload({ id, onChange, max = 9, ...rest }: PhotoUploadProps) {
  const t = useT();
  const notify = useProblemNotifier();
  const [files, setFiles] = useState<UploadFile<StoredFile>[]>([]);
  const publish = (list: UploadFile<StoredFile>[]) => {
    setFiles(list);
    onChange?.(list.flatMap((file) => (file.status === 'done' && file.response ? [file.response.id] : [])));
  };
  return (
    <Upload<StoredFile>
      id={id}
      listType="picture-card"
      accept={PHOTO_TYPES}
      fileList={files}
      maxCount={max}
      beforeUpload={(file) => file.size <= MAX_BYTES || Upload.LIST_IGNORE}
      onChange={({ fileList }) => publish(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        uploadFile(file as File)
          .then((stored) => onSuccess?.(stored))
          .catch((error: unknown) => {
            notify(error);
            onError?.(error as Error);
          });
      }}
    >
      {files.length < max && (
        <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }} {...rest}>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{t('cases.photos.add')}</div>
        </button>
      )}
    </Upload>
  );
}

/** Thumbnails of stored photos; a click opens the large view. */
export function PhotoThumbs({ ids, testId }: { ids: string[]; testId?: string }) {
  const t = useT();
  if (ids.length === 0) return <Typography.Text>{t('cases.photos.none')}</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Space wrap data-testid={testId}>
        {ids.map((id, index) => (
          <Image
            key={id}
            src={fileUrl(id)}
            width={104}
            height={78}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            alt={t('cases.photos.alt', { n: index + 1 })}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
